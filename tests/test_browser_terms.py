"""Term cards on a touch screen (docs/javascripts/term-card.js), on a 390 × 844 phone with
touch emulation: a tap opens the card instead of navigating, a tap elsewhere or Escape
closes it, its link leads to the term's page, a screen reader is moved into it, and axe
finds nothing with it open, light and dark. And every term page the walk leaves out fits
a phone and a desktop."""

from __future__ import annotations

import pytest
from browser_fixtures import (
    DESKTOP,
    UNMARKED_CHINESE_JS,
    Recorder,
    TouchPhone,
    axe_violations,
    short,
)
from browser_fixtures import PHONE as PHONE_WINDOW
from browser_walk import FIT_JS, overflow

from browser_support import site_pages

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = sync_api.expect

THEME = "themes/migrants-and-hukou/"
CARD = "#term-card"


@pytest.fixture
def phone(browser, served):
    rec = TouchPhone(browser, served[1])
    yield rec
    rec.close()


def _first_term(page):
    link = page.locator('article a[href$="terms/hukou/"][data-def]').first
    link.scroll_into_view_if_needed()
    return link


def test_tap_opens_the_card_instead_of_navigating(phone, served):
    page = phone.page
    phone.open(served[1] + THEME)
    link = _first_term(page)
    link.tap()
    card = page.locator(CARD)
    expect(card).to_be_visible()
    expect(page).to_have_url(served[1] + THEME)  # no navigation
    expect(card).to_have_attribute("role", "dialog")
    expect(card).to_be_focused()  # a screen reader is taken into it and reads its name
    expect(card.locator('.term-card__hanzi[lang="zh-Hans"]')).to_have_text("户口")
    expect(card.locator('.term-card__pinyin[lang="zh-Latn-pinyin"]')).to_have_text("hùkǒu")
    expect(card.locator(".term-card__english")).to_have_text("household registration")
    expect(card.locator(".term-card__def")).to_contain_text("China's system of registering")
    expect(page.locator("#guide-tooltip")).to_have_count(0)  # no hover tooltip after a touch
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["y"] + box["height"] <= 844, box
    assert page.evaluate(UNMARKED_CHINESE_JS) == []
    phone.follow(card.locator("a.term-card__more"))
    expect(page).to_have_url(served[1] + "terms/hukou/")
    expect(page.locator('h1 [lang="zh-Hans"]')).to_contain_text("户口")
    assert not phone.errors and not phone.foreign and not phone.failed


def test_tap_elsewhere_and_escape_close_the_card(phone, served):
    page = phone.page
    phone.open(served[1] + THEME)
    link = _first_term(page)
    card = page.locator(CARD)
    link.tap()
    expect(card).to_be_visible()
    page.locator("article h1").tap()
    expect(card).to_be_hidden()
    link.tap()
    expect(card).to_be_visible()
    page.keyboard.press("Escape")
    expect(card).to_be_hidden()
    expect(link).to_be_focused()  # focus goes back where the reader was
    link.tap()
    card.locator(".term-card__close").tap()
    expect(card).to_be_hidden()
    expect(page).to_have_url(served[1] + THEME)
    assert not phone.errors


def test_keyboard_focus_shows_the_same_facts(recorder, served):
    """Without touch, focus opens the tooltip with the card's facts, definition included."""
    page = recorder.page
    recorder.open(served[1] + THEME)
    link = _first_term(page)
    link.focus()
    tooltip = page.locator("#guide-tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip.locator(".guide-tooltip__def")).to_contain_text("China's system of registering")
    expect(link).to_have_attribute("aria-describedby", "guide-tooltip")


def test_open_card_passes_axe(phone, served):
    """In both palettes (tests/browser_fixtures.py: axe_violations), the card kept open."""
    rec = phone
    rec.open(served[1] + THEME)
    _first_term(rec.page).tap()
    expect(rec.page.locator(CARD)).to_be_visible()
    lines = axe_violations(rec.page)
    assert not lines, "axe-core violations with the card open:\n" + "\n".join(lines)
    expect(rec.page.locator(CARD)).to_be_visible()  # still open: both palettes saw it
    assert not rec.errors and not rec.foreign and not rec.failed


def test_every_term_page_fits_a_phone_and_a_desktop_before_any_script_runs(browser, served, pages):
    """The term pages the walk (tests/browser_walk.py) leaves out, as the browser lays them
    out with JavaScript off: no sideways scrolling of the page or a table at 390 x 844 and
    at 1366 x 900, and no failed or off-site request. They share one template and the same
    scripts, which the walk runs (console errors, axe) on its four term pages; what differs
    from page to page is the content, and whether it fits is CSS's doing. Without scripts
    a load costs a fifth of the CPU (no Material bundle, no search index built in a
    worker), and a reader with JavaScript off is held to the same promise."""
    rest = [u for u in site_pages(*served) if "/terms/" in u and u not in pages]
    assert len(rest) >= 40, rest
    rec = Recorder(browser, served[1], viewport=PHONE_WINDOW, javascript=False)
    problems = []
    try:
        for url in rest:
            rec.reset()
            rec.page.set_viewport_size(PHONE_WINDOW)
            rec.page.goto(url, wait_until="load")
            rec.settle()  # the favicon arrives after "load": leaving before it would abort it
            problems += overflow(rec.page.evaluate(FIT_JS), f"{short(served[1], url)} [phone]")
            rec.page.set_viewport_size(DESKTOP)
            problems += overflow(rec.page.evaluate(FIT_JS), f"{short(served[1], url)} [desktop]")
            problems += [
                f"{short(served[1], url)}: {e}" for e in (*rec.errors, *rec.failed, *rec.foreign)
            ]
    finally:
        rec.close()
    assert not problems, "\n".join(problems)
