"""Search in a real browser, on a phone (390 px): a term's page is the first result for its
hanzi (typed through an input method), its pinyin with or without tones and spaces, its
English, and a query of five letters or more with one typo (issue 26's table); each result
shows a snippet of at most two lines; results mark their Chinese zh-Hans; tone marks fold
to plain letters for the whole result list (hùkǒu lists what hukou lists, in its order);
the open search dialog passes axe in both palettes."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from browser_fixtures import HAN, PHONE, UNMARKED_CHINESE_JS, Recorder, axe_violations, short

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = sync_api.expect

SEARCHES = [
    ("hukou", "terms/hukou/"),
    ("weiquan", "terms/weiquan/"),
    ("hub organization", "terms/shuniu-zuzhi/"),
    ("hùkǒu", "terms/hukou/"),
    ("户口", "terms/hukou/"),
    ("维稳", "terms/weiwen/"),
    ("hukuo", "terms/hukou/"),  # a typo: two letters swapped
    ("hu kou", "terms/hukou/"),
    ("wéiquán", "terms/weiquan/"),
    ("维权", "terms/weiquan/"),
    ("shuniu zuzhi", "terms/shuniu-zuzhi/"),
    ("枢纽组织", "terms/shuniu-zuzhi/"),
    ("work unit", "terms/danwei/"),
    ("stability maintenence", "terms/weiwen/"),  # codespell:ignore maintenence (sic)
    ("household registration", "terms/hukou/"),
]
SNIPPET_LINES = 2


def _type_like_a_reader(page, cdp, text: str):
    """Type `text` with real key presses. Chinese comes the way an input method sends
    it: a composition, committed as text, then the commit key's keyup (Material's search
    reads the box on keyup, which an IME's Space or Enter also produces)."""
    for run in re.findall(f"[{HAN}]+|[^{HAN}]+", text):
        if re.match(f"[{HAN}]", run):
            cdp.send(
                "Input.imeSetComposition",
                {"text": run, "selectionStart": len(run), "selectionEnd": len(run)},
            )
            cdp.send("Input.insertText", {"text": run})
            page.keyboard.up("Space")
        else:
            page.keyboard.type(run, delay=15)


# Each visible result: its title and how many lines its text (everything but the title) takes.
SNIPPET_LINES_JS = (
    """articles => articles.filter(a => a.checkVisibility()).map(a => {
  const blocks = [...a.children].filter(el => !/^(H1|H2|NAV)$/.test(el.tagName)"""
    """ && el.checkVisibility()
                                              && !el.classList.contains('md-search-result__icon'));
  const lines = blocks.reduce((n, el) => {
    const style = getComputedStyle(el);
    return n + Math.round(el.getBoundingClientRect().height / parseFloat(style.lineHeight));
  }, 0);
  return [a.querySelector('h1, h2').textContent.trim(), lines];
})"""
)


def _visible_results(page, base_url: str) -> list[str]:
    """The search results a reader sees, in order, as path#fragment under the site (the
    ?h= highlight parameter dropped). Sections folded into "more on this page" are not
    visible and do not count."""
    hrefs = page.locator(".md-search-result__list a.md-search-result__link").evaluate_all(
        "as => as.filter(a => a.checkVisibility()).map(a => a.href)"
    )
    out = []
    for href in hrefs:
        parts = urlsplit(href)
        out.append(
            short(base_url, f"{parts.scheme}://{parts.netloc}{parts.path}")
            + (f"#{parts.fragment}" if parts.fragment else "")
        )
    return out


@pytest.fixture(scope="module")
def searcher(browser, served_as_built):
    """One home page on a phone for every search below, as a reader searches again and
    again without reloading (each load would build the search index again)."""
    rec = Recorder(browser, served_as_built[1], viewport=PHONE)
    rec.open(served_as_built[1])
    yield rec
    rec.close()


def search_for(rec, query: str) -> None:
    """A reader's next search: "/" opens search the first time; after that the last words
    are selected and deleted (results and all) and `query` is typed in their place."""
    page = rec.page
    toggle, box = (
        page.locator("input[data-md-toggle=search]"),
        page.locator("input.md-search__input"),
    )
    if not toggle.is_checked():
        page.keyboard.press("/")
        expect(box).to_be_focused()
        expect(toggle).to_be_checked()
    box.press("Control+a")
    box.press("Backspace")
    expect(page.locator(".md-search-result__list > *")).to_have_count(0)
    _type_like_a_reader(page, rec.context.new_cdp_session(page), query)
    expect(box).to_have_value(query)
    expect(toggle).to_be_checked()


@pytest.mark.parametrize(("query", "target"), SEARCHES, ids=[q for q, _ in SEARCHES])
def test_search_puts_the_term_page_first(searcher, served_as_built, query, target):
    """The term's page is the first result, as in a dictionary, and no result's snippet
    runs past two lines on a phone."""
    page = searcher.page
    base_url = served_as_built[1]
    search_for(searcher, query)
    wanted = "/" + target
    top: list[str] = []
    for _ in range(40):  # results settle after the last key press
        top = _visible_results(page, base_url)[:3]
        if top[:1] == [wanted]:
            break
        page.wait_for_timeout(100)
    page.wait_for_timeout(300)  # and stay so once Material's own results arrive
    top = _visible_results(page, base_url)[:3]
    meta = page.locator(".md-search-result__meta").inner_text()
    assert top[:1] == [wanted], (
        f"search {query!r}: first results {top} ({meta}), expected {wanted} first"
    )
    lines = page.locator(".md-search-result__article").evaluate_all(SNIPPET_LINES_JS)
    long = [(title, n) for title, n in lines if n > SNIPPET_LINES]
    assert not long, f"search {query!r}: snippets over {SNIPPET_LINES} lines at 390 px: {long[:3]}"
    assert lines[0][1] >= 1, f"search {query!r}: the first result has no snippet"
    assert "No matching" not in meta, f"search {query!r}: the count says {meta!r} above a result"
    unmarked = page.evaluate(UNMARKED_CHINESE_JS)
    assert not unmarked, f"Chinese in search results outside lang=zh-Hans: {unmarked[:5]}"
    assert not searcher.errors and not searcher.foreign and not searcher.failed


def _settled_results(page, base_url: str) -> tuple[str, list[str]]:
    """The result count and every visible result, once two looks 300 ms apart agree
    (Material answers each key press; the last answer wins)."""
    seen = None
    for _ in range(30):
        page.wait_for_timeout(300)
        now = (
            page.locator(".md-search-result__meta").inner_text(),
            _visible_results(page, base_url),
        )
        if now == seen and now[1]:
            return now
        seen = now
    return seen


@pytest.mark.parametrize(("toned", "plain"), [("hùkǒu", "hukou"), ("wéiquán", "weiquan")])
def test_tone_marks_fold_for_every_result(searcher, served_as_built, toned, plain):
    """Issue 26: tone marks fold to plain letters in the index and the query, so a
    tone-marked query lists the same pages as the plain one, in the same order: the term
    first, then the chapters and the pages that use it (not only text written with tones)."""
    page = searcher.page
    lists = {}
    for query in (plain, toned):
        search_for(searcher, query)
        page.locator(".md-search__input").press("End")  # a last keyup, as after any letter
        lists[query] = _settled_results(page, served_as_built[1])
    count, results = lists[plain]
    assert results[:1] == [f"/terms/{plain}/"], f"{plain!r}: {results[:3]}"
    assert len(results) > 5, f"{plain!r} lists only {results} ({count})"
    assert lists[toned] == lists[plain], (
        f"{toned!r} lists {lists[toned][1]} ({lists[toned][0]});"
        f" {plain!r} lists {results} ({count})"
    )
    assert not searcher.errors and not searcher.foreign and not searcher.failed


def test_open_search_with_results_passes_axe(searcher):
    """The walk checks pages with search closed; this checks the open search dialog,
    its results and their highlighting, in both palettes."""
    search_for(searcher, "hukou")
    expect(
        searcher.page.locator(".md-search-result__list a.md-search-result__link").first
    ).to_be_visible()
    lines = axe_violations(searcher.page)
    assert not lines, "axe-core violations with search open:\n" + "\n".join(lines)
    expect(
        searcher.page.locator(".md-search-result__list a.md-search-result__link").first
    ).to_be_visible()
    assert not searcher.errors and not searcher.foreign and not searcher.failed
