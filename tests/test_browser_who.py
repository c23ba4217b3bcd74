"""Who's-who links like term links, in a real browser: hovering shows the name, the
hanzi and pinyin, and the role in a line; a tap on a phone opens a card with the name
(not marked as Chinese), the role and a link to the entry; the open card passes axe."""

from __future__ import annotations

import re

import pytest
from browser_fixtures import UNMARKED_CHINESE_JS, Recorder, TouchPhone, axe_violations
from test_browser_terms import CARD

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = sync_api.expect

THEME = "themes/hub-organizations/"
ACFTU = 'article a[href$="who/#acftu"][data-who]'


def test_hovering_a_who_link_shows_the_role(browser, served):
    rec = Recorder(browser, served[1])
    try:
        rec.open(served[1] + THEME)
        link = rec.page.locator(ACFTU).first
        link.scroll_into_view_if_needed()
        link.hover()
        tooltip = rec.page.locator("#guide-tooltip")
        expect(tooltip).to_be_visible()
        lines = tooltip.locator(".guide-tooltip__line").all_inner_texts()
        assert (
            lines[0] == "All-China Federation of Trade Unions" and lines[1] == "中华全国总工会"
        ), lines
        assert "hub" in lines[-1] and "GONGO" in lines[-1], lines  # the role, from data/people.yaml
        assert rec.page.evaluate(UNMARKED_CHINESE_JS) == []
        assert not rec.errors
    finally:
        rec.close()


def test_tapping_a_who_link_opens_its_card_with_the_role(browser, served):
    rec = TouchPhone(browser, served[1])
    try:
        rec.open(served[1] + THEME)
        link = rec.page.locator(ACFTU).first
        link.scroll_into_view_if_needed()
        link.tap()
        card = rec.page.locator(CARD)
        expect(card).to_be_visible()
        expect(card.locator(".term-card__name")).to_have_text(
            "All-China Federation of Trade Unions"
        )
        expect(card.locator('.term-card__hanzi[lang="zh-Hans"]')).to_have_text("中华全国总工会")
        expect(card.locator(".term-card__def")).to_contain_text("GONGO")
        expect(card.locator(".term-card__more")).to_have_attribute(
            "href", re.compile(r"/who/#acftu$")
        )
        assert rec.page.evaluate(UNMARKED_CHINESE_JS) == []
        lines = axe_violations(rec.page)
        assert not lines, "axe-core violations with a who's-who card open:\n" + "\n".join(lines)
        assert not rec.errors and not rec.foreign
    finally:
        rec.close()
