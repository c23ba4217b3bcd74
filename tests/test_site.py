"""The real site, built strictly once: every term link lands on the term's page, every
entry reaches the glossary index and the search index, and languages are marked."""

from __future__ import annotations

import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest


class Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.langs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


@cache  # the built site does not change during a session; the link check reads each page often
def parse(path: Path) -> Anchors:
    parser = Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def test_term_links_lead_to_term_pages_and_old_glossary_anchors_still_land(site):
    glossary_ids = parse(site / "glossary/index.html").ids
    to_terms = 0
    for page in pages(site):
        url = "http://x/" + page.relative_to(site).as_posix()
        for href in parse(page).links:
            target = urlparse(urljoin(url, href))
            if target.netloc == "x" and target.path == "/glossary/" and target.fragment:
                assert target.fragment in glossary_ids, (
                    f"{page.relative_to(site)} links to glossary#{target.fragment}, "
                    "which does not exist"
                )
            if target.netloc == "x" and target.path.startswith("/terms/"):
                assert _target_file(site, target.path).is_file(), (
                    f"{page.relative_to(site)} links to a missing {target.path}"
                )
                to_terms += 1
    assert to_terms > 100


def test_every_glossary_entry_appears_on_the_glossary_page(site, guide):
    html = (site / "glossary/index.html").read_text(encoding="utf-8")
    ids = parse(site / "glossary/index.html").ids
    for entry in guide.glossary.entries.values():
        assert entry.key in ids, f"entry {entry.key} has no anchor on the glossary page"
        assert entry.hanzi in html and entry.pinyin in html, (
            f"entry {entry.key}: hanzi or pinyin missing"
        )


def test_every_glossary_entry_reaches_the_search_index(site, guide):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"]: doc for doc in index["docs"]}
    for entry in guide.glossary.entries.values():
        doc = locations.get(f"terms/{entry.key}/")
        assert doc, f"entry {entry.key}'s page is not a search result of its own"
        assert entry.hanzi in doc["title"].replace("\u200b", ""), (
            f"{entry.key}: the result's title is not its hanzi"
        )
        assert entry.term in doc["text"] and entry.pinyin in doc["title"], (
            f"{entry.key}: romanization or tone-marked pinyin not searchable"
        )


def test_search_index_keeps_multi_character_terms_whole(site):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    doc = next(d for d in index["docs"] if d["location"] == "terms/shuniu-zuzhi/")
    tokens = set(re.split(r"[\s\u200b]+", doc["title"] + " " + doc["text"]))
    assert "枢纽组织" in tokens


def test_search_is_configured_for_english_and_chinese(site):
    """English and Chinese, and "pinyin": the lunr module that folds tone marks
    (docs/javascripts/search-pinyin.js), published where Material's worker loads it, with
    the worker that folds the query, which every page's config names."""
    config = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["lang"] == ["en", "zh", "pinyin"]
    assert (site / "assets/javascripts/lunr/min/lunr.pinyin.min.js").is_file()
    assert (site / "assets/javascripts/workers/guide-search.js").is_file()
    assert "/workers/guide-search.js?material=search." in (site / "index.html").read_text(
        encoding="utf-8"
    )
    assert "\\u200b" in config["separator"] or "\u200b" in config["separator"]


def test_chinese_text_is_marked_zh_hans_on_every_page(site):
    cjk_outside = re.compile(r">([^<]*[\u4e00-\u9fff][^<]*)<")
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        body = html.split('<div class="md-content"', 1)[-1].split("</article>", 1)[0]
        for match in cjk_outside.finditer(body):
            before = body[: match.start() + 1]
            assert before.rstrip().endswith('lang="zh-Hans">') or re.search(
                r'<span lang="zh-Hans">$', before
            ), f"{page.relative_to(site)}: Chinese text not marked zh-Hans: {match.group(1)[:40]!r}"


def test_glossary_pinyin_is_marked_as_pinyin(site, guide):
    html = (site / "glossary/index.html").read_text(encoding="utf-8")
    for entry in guide.glossary.entries.values():
        assert f'<span lang="zh-Latn-pinyin">{entry.pinyin}</span>' in html, entry.key


def test_generated_pages_say_so_to_contributors_not_readers(site):
    """The notice is an HTML comment, and the edit button opens the data file (when the
    build knows its repository: studyguide/repository.py; with none, no edit button at all)."""
    from studyguide.pages import GENERATED
    from studyguide.repository import locate

    repo = locate(Path(__file__).resolve().parent.parent).repo_url
    for page in ("glossary", "who", "timeline", "tracker", "study/review"):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert "<!-- Generated page" in html and 'title="Generated page"' not in html, page
        if repo:
            assert f'/main/{GENERATED[page + ".md"][0]}" title="Edit this page"' in html, page
        else:
            assert 'title="Edit this page"' not in html, page


def test_no_page_requests_a_third_party_host(site):
    """Scripts, styles, images and frames all come from the site itself (outbound <a>
    links and the canonical URL are not requests)."""
    pattern = re.compile(r'(?:src|href)="(https?:)?//([^/"]+)')
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe|source)[^>]*>", html):
            if 'rel="canonical"' in tag:
                continue
            match = pattern.search(tag)
            assert not match, f"{page.relative_to(site)} loads {match.group(2)} in {tag[:80]}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_flashcard_files_are_in_the_site_and_linked(site):
    assert (site / "study/guide-glossary.apkg").stat().st_size > 1000
    assert (
        (site / "study/guide-glossary.csv")
        .read_text(encoding="utf-8-sig")
        .startswith("hanzi,pinyin,english,definition")
    )
    study = (site / "study/index.html").read_text(encoding="utf-8")
    assert 'href="guide-glossary.apkg"' in study and 'href="guide-glossary.csv"' in study


@pytest.mark.parametrize(
    "page", ["index.html", "glossary/index.html", "sources/shi-2014/index.html"]
)
def test_pages_have_a_meta_description_and_language(site, page):
    html = (site / page).read_text(encoding="utf-8")
    assert '<html lang="en"' in html
    assert re.search(r'<meta name="description" content="[^"]{40,}"', html), page


def _target_file(site: Path, path: str) -> Path:
    candidate = site / path.lstrip("/")
    return candidate / "index.html" if path.endswith("/") or candidate.is_dir() else candidate


def test_every_internal_link_on_every_page_resolves_to_a_file_and_anchor(site):
    """An offline link check of the built HTML, independent of MkDocs' own validation:
    covers the generated tracker, timeline, who's who and review pages too."""
    broken = []
    for page in pages(site):
        url = "http://x/" + page.relative_to(site).as_posix()
        for href in parse(page).links:
            target = urlparse(urljoin(url, href))
            if target.netloc != "x":
                continue
            file = _target_file(site, target.path)
            if not file.exists():
                broken.append(f"{page.relative_to(site)} → {href} (no such file)")
            elif target.fragment and file.suffix == ".html":
                ids = parse(file).ids
                if target.fragment not in ids:
                    broken.append(f"{page.relative_to(site)} → {href} (no such anchor)")
    assert not broken, "\n".join(broken[:20])


def test_tracker_gives_every_positions_row_its_gist_linked_to_the_themes_table(site, guide):
    import html as html_module

    page = html_module.unescape((site / "tracker/index.html").read_text(encoding="utf-8"))
    for theme, record in guide.positions.items():
        for row in record["rows"]:
            if "gist" in row:
                gist = " ".join(row["gist"].split())
                assert f'href="../themes/{theme}/#who-says-what">{gist}</a>' in page, (
                    theme,
                    row["source"],
                )


def test_timeline_lists_every_event_with_a_link(site, guide):
    html = (site / "timeline/index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)[1:]
    assert len(rows) == len(guide.timeline)
    assert all('href="../sources/' in row for row in rows)


def test_robots_txt_names_the_sitemap_at_the_site_url(site):
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots
    sitemap = re.search(r"^Sitemap: (\S+)$", robots, re.M).group(1)
    assert sitemap.endswith("/sitemap.xml") and sitemap.startswith("http")
    assert (site / "sitemap.xml").exists()


def test_every_page_has_its_own_meta_description(site):
    default = re.search(
        r"site_description: >-\n((?:  .*\n)+)",
        (Path(__file__).parent.parent / "mkdocs.yml").read_text(encoding="utf-8"),
    )
    default_text = " ".join(default.group(1).split())
    for page in pages(site):
        match = re.search(
            r'<meta name="description" content="([^"]*)"', page.read_text(encoding="utf-8")
        )
        assert match and len(match.group(1)) >= 40, f"{page.relative_to(site)} has no description"
        if page.relative_to(site).as_posix() != "index.html":
            assert " ".join(match.group(1).split()) != default_text, (
                f"{page.relative_to(site)} uses the site-wide description"
            )


SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.I)


def test_no_script_holds_up_the_first_paint(site):
    """Every external script is deferred: the reader sees the text before Material's
    bundle and ours run (Lighthouse mobile: first paint 1.6 s -> 1.2 s on the
    glossary). Inline scripts are Material's palette and config stubs only."""
    blocking = []
    for path in [*pages(site), site / "404.html"]:
        for attrs in SCRIPT_TAG.findall(path.read_text(encoding="utf-8")):
            if "src=" in attrs and not re.search(r"\b(defer|async)\b", attrs):
                blocking.append(f"{path.relative_to(site)}: <script{attrs}>")
    assert not blocking, "scripts that block rendering:\n" + "\n".join(blocking[:10])
    assert 'study-guide.js" defer' in (site / "index.html").read_text(encoding="utf-8")


def test_a_pages_own_script_loads_on_that_page_only(site):
    """The timeline's filter (front matter `scripts:`) is fetched by the timeline alone,
    deferred; the other pages load one stylesheet and one script of ours, not one per
    concern (each request before the largest paint delayed it on a slow connection)."""
    with_filter = sorted(
        str(p.relative_to(site))
        for p in pages(site)
        if "timeline-filter.js" in p.read_text(encoding="utf-8")
    )
    assert with_filter == ["timeline/index.html"], with_filter
    assert '<script src="../javascripts/timeline-filter.js" defer></script>' in (
        site / "timeline/index.html"
    ).read_text(encoding="utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")
    ours = re.findall(r'<link rel="stylesheet" href="(stylesheets/[^"]+)"', home)
    assert ours == ["stylesheets/guide.css"], ours
    scripts = re.findall(r'<script src="(javascripts/[^"]+)"', home)  # and one script of ours
    assert scripts == ["javascripts/study-guide.js"], scripts
