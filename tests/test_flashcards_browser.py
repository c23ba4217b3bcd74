"""The flashcards page in Chromium, at 390 px: a full study round of twenty, siblings
buried, intervals, progress kept over a reload and through export/import; a refused save
is a message and the round goes on; the session summary; old SM-2 progress migrates.
axe-core finds nothing in any state, in both palettes (each state is checked light, then
dark, as it stands); once loaded, a study round makes no request at all (the browser is
taken offline for it)."""

from __future__ import annotations

import json

import pytest
from practice_support import PHONE, phone, site_cards  # noqa: F401 - the fixture
from practice_support import no_axe as _no_axe

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = sync_api.expect


def _siblings(site_dir):
    cards = site_cards(site_dir)
    return {c["id"]: set(c["siblings"]) for c in cards}, cards


def _card_id(page, cards):
    """The id of the card on screen, found by its front's text."""
    front = page.locator("#card-front").inner_text().replace("\n", "")
    hits = [c["id"] for c in cards if "".join(s["text"] for s in c["front"]) == front]
    assert len(hits) == 1, (front, hits)
    return hits[0]


def test_flashcards_round_of_twenty_siblings_intervals_reload_export_import(
    phone,  # noqa: F811 - the fixture, imported above
    served,
    tmp_path,
):
    page, (site_dir, base) = phone, served
    siblings, cards = _siblings(site_dir)
    page.goto(base + "study/flashcards/")
    counts = page.locator("#deck-counts")
    expect(counts).to_have_text("Due 0 · New 10 of 20 · Later 0")  # the core deck, 10 new a day
    expect(page.locator("#deck")).to_have_value("core")
    # The whole card and its button on the first screen of a phone.
    for box in (
        page.locator(".practice-card").bounding_box(),
        page.locator("#card-flip").bounding_box(),
    ):
        assert box["y"] + box["height"] <= PHONE["height"], box
    assert (
        page.locator("#card-front [lang=zh-Hans]").count() == 0
        or float(
            page.locator("#card-front [lang=zh-Hans]").first.evaluate(
                "e => parseFloat(getComputedStyle(e).fontSize)"
            )
        )
        >= 40
    )
    _no_axe(page, "card front")
    page.locator("#new-per-day").fill("30")
    page.locator("#new-per-day").dispatch_event("change")
    page.locator("#deck").select_option("all")
    page.context.set_offline(True)
    page.requests.clear()
    shown = []
    for n in range(20):
        shown.append(_card_id(page, cards))
        page.locator("body").press(" ") if n % 2 else page.locator("#card-flip").click()
        expect(page.locator("#card-back")).to_be_visible()
        whens = page.locator("#card-grades .practice-when").all_inner_texts()
        assert all(w.strip() for w in whens) and len(set(whens)) > 1, (
            whens
        )  # an interval on each button
        if n == 0:
            _no_axe(page, "answer shown")
            box = page.locator("#card-grades").bounding_box()
        grade = 3 if n % 5 else 1
        page.keyboard.press(str(grade))
        expect(page.locator("#card-status")).to_contain_text(
            "Graded " + ["Again", "Hard", "Good", "Easy"][grade - 1]
        )
    for a, b in zip(shown, shown[1:], strict=False):
        assert a == b or not siblings[a] & siblings[b], f"siblings in a row: {a}, {b}"
    assert page.requests == [], "a study round made requests"
    page.context.set_offline(False)
    graded = len(set(shown))
    stored = page.evaluate("JSON.parse(localStorage.getItem('guide-progress'))")
    assert len(stored["cards"]) == graded and stored["settings"]["newPerDay"] == 30
    expected = counts.inner_text()
    _no_axe(page, "after grading")
    page.reload()
    expect(counts).to_have_text(expected)
    expect(page.locator("#deck")).to_have_value("all")

    with page.expect_download() as download:
        page.locator("#progress-export").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    assert len(json.loads(saved.read_text())["cards"]) == graded
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 2, "cards": null}')
    page.locator("#progress-import").set_input_files(str(bad))
    expect(page.locator("#card-status")).to_contain_text(
        "Nothing was changed: cards is not an object"
    )
    expect(counts).to_have_text(expected)
    page.evaluate("localStorage.clear()")
    page.reload()
    expect(counts).to_have_text("Due 0 · New 10 of 20 · Later 0")
    page.locator("#progress-import").set_input_files(str(saved))
    expect(page.locator("#card-status")).to_contain_text(f"Progress imported: {graded} cards")
    page.locator("#deck").select_option("all")
    expect(counts).to_have_text(expected)
    _no_axe(page, "deck chosen")


def test_flashcards_storage_refusal_is_a_message_and_the_round_goes_on(phone, served):  # noqa: F811
    page, (_, base) = phone, served
    page.add_init_script(
        "Storage.prototype.setItem = function () { "
        "throw new DOMException('full', 'QuotaExceededError'); }"
    )
    page.goto(base + "study/flashcards/")
    expect(page.locator("#deck-counts")).to_contain_text("Due ")  # the cards have loaded
    first = page.locator("#card-front").inner_text()
    page.locator("#card-flip").click()
    page.keyboard.press("3")
    expect(page.locator("#practice-warning")).to_contain_text(
        "refused to save your progress (QuotaExceededError"
    )
    expect(page.locator("#card-front")).not_to_have_text(first)  # not stuck on the graded card
    _no_axe(page, "storage refused")


def test_flashcards_session_summary(phone, served):  # noqa: F811
    page, (_, base) = phone, served
    page.goto(base + "study/flashcards/")
    expect(page.locator("#deck-counts")).to_contain_text("Due ")  # the cards have loaded
    page.locator("#new-per-day").fill("2")
    page.locator("#new-per-day").dispatch_event("change")
    for _ in range(2):
        page.locator("#card-flip").click()
        page.keyboard.press("4")
    expect(page.locator("#card-summary-text")).to_have_text(
        "You went through 2 cards, 2 of them new: 0 again, 0 hard, 0 good, 2 easy."
    )
    expect(page.locator("#card-summary-next")).to_contain_text("due ")
    _no_axe(page, "session summary")


def test_sm2_progress_of_the_old_flashcards_migrates(phone, served):  # noqa: F811
    page, (_, base) = phone, served
    page.goto(base + "study/flashcards/")
    page.evaluate(
        """() => {
      localStorage.clear();
      const now = Date.now(), day = 86400000;
      localStorage.setItem('guide-practice-cards-v1', JSON.stringify({version: 1, cards: {
        'hanzi-meaning:hukou': {ef: 2.5, reps: 2, interval: 6, due: now - day, last: now - 7 * day},
        'hanzi-meaning:danwei': {ef: 2.36, reps: 3, interval: 15, due: now + 8 * day,"""
        """ last: now - 7 * day}}}));
    }"""
    )
    page.reload()
    expect(page.locator("#deck-counts")).to_have_text("Due 1 · New 10 of 18 · Later 1")
    page.locator("#card-flip").click()
    page.keyboard.press("3")
    stored = page.evaluate("JSON.parse(localStorage.getItem('guide-progress'))")
    assert stored["version"] == 3 and stored["cards"]["hanzi-meaning:hukou"]["reps"] == 3
    assert page.evaluate("localStorage.getItem('guide-practice-cards-v1')"), (
        "the old record is kept"
    )
