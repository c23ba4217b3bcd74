"""The timeline's filter by source, in Chromium. (How every page fits a phone and a
desktop, in both palettes, is tested in test_browser.py from the walk over every page.)"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_timeline_filters_by_source(recorder, served):
    from playwright.sync_api import expect

    page = recorder.page
    recorder.open(served[1] + "timeline/")
    rows = page.locator("article tbody tr")
    total = rows.count()
    page.get_by_role("button", name="Gong (2012)").click()
    shown = page.locator("article tbody tr:not([hidden])")
    assert 0 < shown.count() < total
    assert all(
        "sources/gong-2012/" in h
        for h in shown.locator("td:last-child a").evaluate_all("(as) => as.map((a) => a.href)")
    )
    expect(page.locator(".timeline-count")).to_have_text(f"{shown.count()} of {total} events")
    page.get_by_role("button", name="All sources").click()
    assert page.locator("article tbody tr:not([hidden])").count() == total
