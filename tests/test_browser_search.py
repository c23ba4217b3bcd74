"""Search in a real browser: a term's page is found by its hanzi (typed through an input
method), its pinyin with and without tones, and its English; results mark their Chinese
zh-Hans; the open search dialog passes axe in both palettes."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from browser_fixtures import HAN, PALETTES, UNMARKED_CHINESE_JS, Recorder, axe_violations, short

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = sync_api.expect

SEARCHES = [
    ("户口", "terms/hukou/"),
    ("hukou", "terms/hukou/"),
    ("hùkǒu", "terms/hukou/"),
    ("household registration", "terms/hukou/"),
    ("枢纽组织", "terms/shuniu-zuzhi/"),
    ("shuniu zuzhi", "terms/shuniu-zuzhi/"),
    ("hub organization", "terms/shuniu-zuzhi/"),
]


def _type_like_a_reader(page, cdp, text: str):
    """Type `text` with real key presses. Chinese comes the way an input method sends
    it: a composition, committed as text, then the commit key's keyup (Material's search
    reads the box on keyup, which an IME's Space or Enter also produces)."""
    for run in re.findall(f"[{HAN}]+|[^{HAN}]+", text):
        if re.match(f"[{HAN}]", run):
            cdp.send("Input.imeSetComposition", {"text": run, "selectionStart": len(run), "selectionEnd": len(run)})
            cdp.send("Input.insertText", {"text": run})
            page.keyboard.up("Space")
        else:
            page.keyboard.type(run, delay=15)


def _visible_results(page, base_url: str) -> list[str]:
    """The search results a reader sees, in order, as path#fragment under the site (the
    ?h= highlight parameter dropped). Sections folded into "more on this page" are not
    visible and do not count."""
    hrefs = page.locator(".md-search-result__list a.md-search-result__link").evaluate_all("as => as.filter(a => a.checkVisibility()).map(a => a.href)")
    out = []
    for href in hrefs:
        parts = urlsplit(href)
        out.append(short(base_url, f"{parts.scheme}://{parts.netloc}{parts.path}") + (f"#{parts.fragment}" if parts.fragment else ""))
    return out


@pytest.mark.parametrize(("query", "target"), SEARCHES, ids=[q for q, _ in SEARCHES])
def test_search_finds_the_term_page(recorder, served, query, target):
    """The term's page is among the first three results a reader sees."""
    page = recorder.page
    base_url = served[1]
    recorder.open(base_url)
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    _type_like_a_reader(page, recorder.context.new_cdp_session(page), query)
    expect(box).to_have_value(query)
    wanted = "/" + target
    top: list[str] = []
    for _ in range(40):  # results settle after the last key press
        top = _visible_results(page, base_url)[:3]
        if wanted in top:
            break
        page.wait_for_timeout(100)
    meta = page.locator(".md-search-result__meta").inner_text()
    assert wanted in top, f"search {query!r}: first results {top} ({meta}) lack {wanted}"
    unmarked = page.evaluate(UNMARKED_CHINESE_JS)
    assert not unmarked, f"Chinese in search results outside lang=zh-Hans: {unmarked[:5]}"
    assert not recorder.errors and not recorder.foreign


@pytest.mark.parametrize("palette", list(PALETTES))
def test_open_search_with_results_passes_axe(browser, served, palette):
    """The walk checks pages with search closed; this checks the open search dialog,
    its results and their highlighting, in both palettes."""
    rec = Recorder(browser, served[1], color_scheme=palette)
    try:
        rec.open(served[1])
        rec.page.keyboard.press("/")
        rec.page.keyboard.type("hukou", delay=15)
        expect(rec.page.locator(".md-search-result__list a.md-search-result__link").first).to_be_visible()
        lines = axe_violations(rec.page)
        assert not lines, f"axe-core violations with search open [{palette}]:\n" + "\n".join(lines)
        assert not rec.errors and not rec.foreign and not rec.failed
    finally:
        rec.close()
