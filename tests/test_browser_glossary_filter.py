"""The glossary's filter box in a real browser, on a phone: typing a term's hanzi, its
pinyin with or without tones or spaces, or its English keeps its A–Z row and drops the
others; the status line counts the terms; the page passes axe while filtered."""

from __future__ import annotations

import pytest
from browser_fixtures import PHONE, Recorder, axe_violations

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = sync_api.expect

QUERIES = ["户口", "hukou", "hùkǒu", "hu kou", "household registration", "HOUSEHOLD"]


@pytest.fixture(scope="module")
def glossary(browser, served):
    rec = Recorder(browser, served[1], viewport=PHONE)
    rec.open(served[1] + "glossary/")
    yield rec
    rec.close()


@pytest.mark.parametrize("query", QUERIES)
def test_the_filter_keeps_the_matching_term_and_drops_the_rest(glossary, query):
    page = glossary.page
    box = page.get_by_label("Filter the terms")
    expect(box).to_be_visible()
    box.fill(query)
    expect(page.locator("#hukou")).to_be_visible()
    expect(page.locator("#danwei")).to_be_hidden()
    expect(page.locator("#letter-d")).to_be_hidden()  # a letter with no row left hides its heading
    expect(page.locator("#glossary-filter-count")).to_have_text("1 term matches.")
    assert not glossary.errors


def test_an_empty_filter_shows_every_row_and_the_filtered_page_passes_axe(glossary):
    page = glossary.page
    box = page.get_by_label("Filter the terms")
    box.fill("wei")
    assert page.locator(".term-index li:visible").count() > 2
    lines = axe_violations(page)
    assert not lines, "axe-core violations on the filtered glossary:\n" + "\n".join(lines)
    box.fill("")
    assert page.locator(".term-index li[hidden]").count() == 0
    expect(page.locator("#glossary-filter-count")).to_have_text("")
