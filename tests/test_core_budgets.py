"""Issue 24's budgets and page layout, measured on the built site: the reading time on
every page matches its words; the core path (the nav section "Core path") is at most
4,500 words and walks in order; the source pages and theme chapters together are at most
42,000 words; every one has "In brief" (one paragraph, at most 120 words), "Key points"
(3-7 items) and, for a theme, "Who says what". Each budget check is a function with its
limit as a parameter, and a test shows it can both pass and fail on the real pages.

Until the rewritten pages land, the budget and layout tests fail (as they should)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tinyhtml5
import yaml

from studyguide import ROOT
from studyguide.pages import core_path, reading

CORE_WORDS = 4_500
FULL_WORDS = 42_000
BRIEF_WORDS = 120
KEY_POINTS = (3, 7)
NS = "{http://www.w3.org/1999/xhtml}"
SHOWN = re.compile(
    r'<p class="reading-time">Reading time: about (?P<time>[^<]+) min '
    r'<span class="reading-time__words">\((?P<words>[\d,]+) words\)</span></p>'
)


def nav() -> list:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text[text.index("\nnav:") :])["nav"]


def built(site: Path, src: str) -> Path:
    """The built file of a page of docs/ ('core/index.md' -> core/index.html)."""
    stem = src.removesuffix(".md")
    return site / (
        f"{stem.removesuffix('index')}index.html"
        if stem.endswith("index")
        else f"{stem}/index.html"
    )


def words_of(site: Path, pages: list[str]) -> dict[str, int]:
    return {p: reading.article_words(built(site, p).read_text(encoding="utf-8")) for p in pages}


def over(words: dict[str, int], limit: int, what: str) -> str | None:
    """None when the pages' words together are within `limit`; else the reason, largest first."""
    total = sum(words.values())
    if total <= limit:
        return None
    largest = ", ".join(f"{p} {n:,}" for p, n in sorted(words.items(), key=lambda kv: -kv[1])[:5])
    return (
        f"{what}: {total:,} words, over the {limit:,} budget by {total - limit:,} "
        f"(largest: {largest})"
    )


def core_pages(start: bool = True) -> list[str]:
    """The core path's pages in order; without `start`, the fifteen pages the budget
    counts (the start page only lists them: about 230 words of titles and times)."""
    return [core_path.START] * start + [core_path.core_page(p) for p in core_path.full_pages(nav())]


def shown_minutes(time: str) -> float:
    """'12' -> 12, '1½' -> 1.5, '½' -> 0.5, '1 h 5' -> 65."""
    hours, _, rest = time.rpartition(" h ")
    whole = rest.replace("½", "")
    return (
        (int(hours) * 60 if hours else 0)
        + (int(whole) if whole else 0)
        + (0.5 if "½" in rest else 0)
    )


def time_mismatch(html: str) -> str | None:
    """None when the page's shown time matches its article's words within 10% (or the
    rounding: half minutes under five minutes, whole minutes above)."""
    found = SHOWN.search(html)
    if found is None:
        return "no reading time under the title"
    words = reading.article_words(html)
    exact, shown = words / reading.WORDS_PER_MINUTE, shown_minutes(found["time"])
    allowed = max(0.1 * exact, 0.25 if exact < 5 else 0.5)
    if abs(shown - exact) > allowed:
        return (
            f"shows {found['time']} min for {words:,} words "
            f"({exact:.1f} min at {reading.WORDS_PER_MINUTE} a minute)"
        )
    return None


def test_every_page_shows_a_reading_time_that_matches_its_words(site):
    pages = [
        p
        for p in sorted(site.rglob("*.html"))
        if p.name != "404.html" and 'class="md-content__inner' in p.read_text(encoding="utf-8")
    ]
    assert len(pages) > 60
    wrong = [
        f"{p.relative_to(site)}: {why}"
        for p in pages
        if (why := time_mismatch(p.read_text(encoding="utf-8")))
    ]
    assert not wrong, "\n".join(wrong)


def test_the_time_check_can_fail(site):
    html = (site / "glossary/index.html").read_text(encoding="utf-8")
    assert time_mismatch(html) is None
    assert "shows 40 min" in time_mismatch(
        SHOWN.sub(
            lambda m: m.group(0).replace(f"about {m['time']} min", "about 40 min"), html, count=1
        )
    )
    assert time_mismatch(SHOWN.sub("", html)) == "no reading time under the title"


def test_the_rate_is_stated_on_the_about_page(site):
    about = (site / "about/index.html").read_text(encoding="utf-8")
    assert f"{reading.WORDS_PER_MINUTE} words a minute" in about


def test_core_path_is_at_most_4500_words(site):
    words = words_of(site, core_pages(start=False))
    assert len(words) == 15
    assert over(words, CORE_WORDS, "the core path") is None, over(
        words, CORE_WORDS, "the core path"
    )


def test_source_and_theme_pages_are_at_most_42000_words(site):
    words = words_of(site, core_path.full_pages(nav()))
    assert over(words, FULL_WORDS, "source pages and theme chapters") is None, over(
        words, FULL_WORDS, "source pages and theme chapters"
    )


def test_the_word_budgets_can_pass_and_fail(site):
    one = words_of(site, ["core/shi-2014.md"])
    assert over(one, one["core/shi-2014.md"], "x") is None
    assert "over the" in over(one, one["core/shi-2014.md"] - 1, "x")


def test_core_path_walks_in_order_and_each_page_links_its_full_page(site):
    pages = core_pages()
    for n, page in enumerate(pages):
        html = built(site, page).read_text(encoding="utf-8")
        nxt = re.search(r'<a href="([^"]+)" class="md-footer__link md-footer__link--next"', html)
        if n + 1 < len(pages):
            target = (built(site, page).parent / nxt.group(1)).resolve() / "index.html"
            assert target == built(site, pages[n + 1]).resolve(), f"{page}: next is {nxt.group(1)}"
        if page != core_path.START:
            full = core_path.full_pages(nav())[n - 1]
            assert (
                f'href="../../{full.removesuffix(".md")}/"' in html and "Read the full page" in html
            ), page


def test_search_finds_the_core_sections_on_their_full_pages_only(site):
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert '"location":"core/"' in index.replace(" ", "")
    assert '"location":"core/shi-2014/' not in index.replace(
        " ", ""
    ) and '"location":"sources/shi-2014/' in index.replace(" ", "")


def _section(article, heading_id: str) -> list:
    """The elements under the h2 with `heading_id`, up to the next h2."""
    children, out, inside = list(article), [], False
    for el in children:
        if el.tag == f"{NS}h2":
            if inside:
                break
            inside = el.get("id") == heading_id
        elif inside:
            out.append(el)
    return out


def layout_problems(
    site: Path, full: str, brief_words: int = BRIEF_WORDS, points: tuple[int, int] = KEY_POINTS
) -> list[str]:
    """What the core page of `full` lacks: In brief (one paragraph, at most `brief_words`),
    Key points (`points` items), and for a theme Who says what (a table)."""
    doc = tinyhtml5.parse(built(site, core_path.core_page(full)).read_text(encoding="utf-8"))
    article = next(
        a for a in doc.iter(f"{NS}article") if "md-content__inner" in (a.get("class") or "")
    )
    problems = []
    brief = _section(article, "in-brief")
    paragraphs = [el for el in brief if el.tag == f"{NS}p"]
    if len(brief) != 1 or len(paragraphs) != 1:
        problems.append(f"{full}: In brief is {len(brief)} blocks, not one paragraph")
    words = sum(len(" ".join(p.itertext()).split()) for p in paragraphs)
    if words > brief_words:
        problems.append(f"{full}: In brief has {words} words (at most {brief_words})")
    items = [
        li
        for el in _section(article, "key-points")
        if el.tag in (f"{NS}ul", f"{NS}ol")
        for li in el
        if li.tag == f"{NS}li"
    ]
    if not points[0] <= len(items) <= points[1]:
        problems.append(f"{full}: Key points has {len(items)} items ({points[0]}-{points[1]})")
    if full.startswith("themes/") and not any(
        el.iter(f"{NS}table") for el in _section(article, "who-says-what")
    ):
        problems.append(f"{full}: no Who says what table")
    return problems


def test_every_source_and_theme_page_has_in_brief_key_points_and_who_says_what(site):
    problems = [p for full in core_path.full_pages(nav()) for p in layout_problems(site, full)]
    assert not problems, "\n".join(problems)


def test_the_layout_check_can_pass_and_fail(site):
    full = "themes/hub-organizations.md"
    assert not any("Who says what" in p for p in layout_problems(site, full))
    assert any("In brief has" in p for p in layout_problems(site, full, brief_words=5))
    assert any("Key points has" in p for p in layout_problems(site, full, points=(8, 9)))


@pytest.mark.parametrize(
    "theme", sorted(p.stem for p in (ROOT / "docs/themes").glob("*.md") if p.stem != "index")
)
def test_each_theme_calls_its_own_who_says_what(theme):
    text = (ROOT / f"docs/themes/{theme}.md").read_text(encoding="utf-8")
    assert f'{{{{ who_says_what("{theme}") }}}}' in core_path.extract(text, f"themes/{theme}.md")[
        1
    ].get("Who says what", "")
