"""The reader's own flashcard deck in Chromium at 390 px, by touch: "Add to my cards" on
the hukou term page puts hukou's cards into the flashcards' "My cards" deck, which a
reload keeps; the same button in a term's tap card takes it out again; axe finds nothing
with the button pressed, light and dark."""

from __future__ import annotations

import pytest
from practice_support import no_axe as _no_axe
from practice_support import (
    phone,  # noqa: F401 - the fixture
    site_cards,
)

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = sync_api.expect


def _hukou_cards(site_dir):
    cards = site_cards(site_dir)
    return {c["id"] for c in cards if "term:hukou" in c["siblings"]}


def test_add_hukou_on_its_page_then_study_my_cards_and_remove_it_from_a_tap_card(phone, served):  # noqa: F811
    page, (site_dir, base) = phone, served
    mine = _hukou_cards(site_dir)
    assert len(mine) >= 3, mine
    page.goto(base + "terms/hukou/")
    button = page.get_by_role("button", name="Add to my cards")
    expect(button).to_be_visible()
    button.tap()
    expect(page.get_by_role("button", name="In my cards ✓ (remove)")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Added")).to_contain_text(
        "“My cards” on the Flashcards page"
    )
    _no_axe(page, "term page, hukou added")
    stored = page.evaluate("JSON.parse(localStorage.getItem('guide-progress'))")
    assert stored["version"] == 3 and "hukou" in stored["mine"]

    page.goto(base + "study/flashcards/")
    deck = page.locator("#deck")
    expect(deck.locator('option[value="mine"]')).to_have_text(f"My cards ({len(mine)})")
    deck.select_option("mine")
    expect(page.locator("#deck-counts")).to_contain_text(f"New {min(len(mine), 10)} of {len(mine)}")
    for _ in range(2):  # the deck's cards, and again after a reload (deck and terms kept)
        front = page.locator("#card-front").inner_text()
        page.locator("#card-flip").tap()
        expect(page.locator("#card-back")).to_contain_text("hukou")
        assert front
        page.reload()
        expect(page.locator("#deck")).to_have_value("mine")
        expect(page.locator('#deck option[value="mine"]')).to_have_text(f"My cards ({len(mine)})")

    page.goto(base + "themes/migrants-and-hukou/")
    link = page.locator('article a[href$="terms/hukou/"][data-def]').first
    link.scroll_into_view_if_needed()
    link.tap()
    card = page.locator("#term-card")
    expect(card).to_be_visible()
    card.get_by_role("button", name="In my cards ✓ (remove)").tap()
    expect(card.get_by_role("button", name="Add to my cards")).to_be_visible()
    expect(card).to_be_visible()  # tapping the button does not close the card
    _no_axe(page, "tap card, hukou removed")
    page.goto(base + "study/flashcards/")
    expect(page.locator('#deck option[value="mine"]')).to_have_text("My cards (0)")
