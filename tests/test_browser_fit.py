"""Every page fits a phone and a desktop: no sideways scrolling of the page or of any
table at 390 x 844 and 1366 x 900, light and dark; the title starts in the top third of a
phone's screen; the timeline filters by source. The phone figures come from the walk over
every page (browser_fixtures.walk), tested in test_browser.py so that one worker walks;
the desktop ones from a lighter walk here."""

from __future__ import annotations

import pytest
from browser_fixtures import DESKTOP, FIT_JS, PALETTES, SEARCH_READY_JS, Recorder, overflow, screenshot, short

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def desktop_walk(browser, served, pages):
    """Every page at 1366 x 900 in both palettes: how it fits, and what it logged."""
    recorders = {p: Recorder(browser, served[1], color_scheme=p, viewport=DESKTOP) for p in PALETTES}
    results = {}
    try:
        for url in pages:
            for rec in recorders.values():
                rec.reset()
                rec.page.goto(url, wait_until="load")
                rec.page.wait_for_function(SEARCH_READY_JS)
            Recorder.settle_all(recorders.values())
            for palette, rec in recorders.items():
                results[(palette, url)] = {"fit": rec.page.evaluate(FIT_JS), "errors": [*rec.errors, *rec.failed, *rec.foreign]}
                screenshot(rec.page, served[1], url, f"desktop-{palette}")
    finally:
        for rec in recorders.values():
            rec.close()
    return results


def test_no_page_or_table_scrolls_sideways_on_a_desktop(desktop_walk, served, pages):
    problems = [p for palette in PALETTES for url in pages for p in overflow(desktop_walk[(palette, url)]["fit"], f"{short(served[1], url)} [desktop, {palette}]")]
    assert not problems, "\n".join(problems)


def test_every_page_loads_without_errors_on_a_desktop(desktop_walk, served, pages):
    problems = [f"{short(served[1], url)} [desktop, {p}]: {e}" for p in PALETTES for url in pages for e in desktop_walk[(p, url)]["errors"]]
    assert not problems, "\n".join(problems)


def test_timeline_filters_by_source(recorder, served):
    from playwright.sync_api import expect

    page = recorder.page
    recorder.open(served[1] + "timeline/")
    rows = page.locator("article tbody tr")
    total = rows.count()
    page.get_by_role("button", name="Gong (2012)").click()
    shown = page.locator("article tbody tr:not([hidden])")
    assert 0 < shown.count() < total
    assert all("sources/gong-2012/" in h for h in shown.locator("td:last-child a").evaluate_all("(as) => as.map((a) => a.href)"))
    expect(page.locator(".timeline-count")).to_have_text(f"{shown.count()} of {total} events")
    page.get_by_role("button", name="All sources").click()
    assert page.locator("article tbody tr:not([hidden])").count() == total
