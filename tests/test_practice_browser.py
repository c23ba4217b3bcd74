"""The flashcard and quiz pages in Chromium, at 390 px: a full study round, progress kept
over a reload and through export/import, a quiz answered wrongly on purpose, the score,
working explanation links, retrying the missed questions; axe-core finds nothing in any
state, in both palettes (each state is checked light, then dark, as it stands); and once
loaded, a study round makes no request at all (the browser is taken offline for it)."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

# The shared browser fixtures and axe helper of the site-wide browser tests.
from browser_fixtures import axe_violations as _axe_violations

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = sync_api.expect
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, served):  # noqa: F811
    """A 390 px touch page; `requests` lists every URL it asks for."""
    context = browser.new_context(viewport=PHONE, service_workers="block", has_touch=True)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, errors


def _no_axe(page, state):
    found = _axe_violations(page)
    assert not found, f"axe-core violations ({state}):\n" + "\n".join(found)


def _siblings(site_dir):
    cards = json.loads((site_dir / "study/practice/cards.json").read_text(encoding="utf-8"))["cards"]
    return {c["id"]: set(c["siblings"]) for c in cards}, cards


def _card_id(page, cards):
    """The id of the card on screen, found by its front's text."""
    front = page.locator("#card-front").inner_text().replace("\n", "")
    hits = [c["id"] for c in cards if "".join(s["text"] for s in c["front"]) == front]
    assert len(hits) == 1, (front, hits)
    return hits[0]


def test_flashcards_round_of_twenty_siblings_intervals_reload_export_import(phone, served, tmp_path):  # noqa: F811
    page, (site_dir, base) = phone, served
    siblings, cards = _siblings(site_dir)
    page.goto(base + "study/flashcards/")
    counts = page.locator("#deck-counts")
    expect(counts).to_have_text("Due: 0 · New today: 10 of 20 · Later: 0")   # the core deck, 10 new a day
    expect(page.locator("#deck")).to_have_value("core")
    # The whole card and its button on the first screen of a phone.
    for box in (page.locator(".practice-card").bounding_box(), page.locator("#card-flip").bounding_box()):
        assert box["y"] + box["height"] <= PHONE["height"], box
    assert page.locator("#card-front [lang=zh-Hans]").count() == 0 or \
        float(page.locator("#card-front [lang=zh-Hans]").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 40
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
        assert all(w.strip() for w in whens) and len(set(whens)) > 1, whens   # an interval on each button
        if n == 0:
            _no_axe(page, "answer shown")
            box = page.locator("#card-grades").bounding_box()
        grade = 3 if n % 5 else 1
        page.keyboard.press(str(grade))
        expect(page.locator("#card-status")).to_contain_text("Graded " + ["Again", "Hard", "Good", "Easy"][grade - 1])
    for a, b in zip(shown, shown[1:]):
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
    expect(page.locator("#card-status")).to_contain_text("Nothing was changed: cards is not an object")
    expect(counts).to_have_text(expected)
    page.evaluate("localStorage.clear()")
    page.reload()
    expect(counts).to_have_text("Due: 0 · New today: 10 of 20 · Later: 0")
    page.locator("#progress-import").set_input_files(str(saved))
    expect(page.locator("#card-status")).to_contain_text(f"Progress imported: {graded} cards")
    page.locator("#deck").select_option("all")
    expect(counts).to_have_text(expected)
    _no_axe(page, "deck chosen")


def test_flashcards_storage_refusal_is_a_message_and_the_round_goes_on(phone, served):  # noqa: F811
    page, (_, base) = phone, served
    page.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }")
    page.goto(base + "study/flashcards/")
    first = page.locator("#card-front").inner_text()
    page.locator("#card-flip").click()
    page.keyboard.press("3")
    expect(page.locator("#practice-warning")).to_contain_text("refused to save your progress (QuotaExceededError")
    expect(page.locator("#card-front")).not_to_have_text(first)   # not stuck on the graded card
    _no_axe(page, "storage refused")


def test_flashcards_session_summary(phone, served):  # noqa: F811
    page, (_, base) = phone, served
    page.goto(base + "study/flashcards/")
    page.locator("#new-per-day").fill("2")
    page.locator("#new-per-day").dispatch_event("change")
    for _ in range(2):
        page.locator("#card-flip").click()
        page.keyboard.press("4")
    expect(page.locator("#card-summary-text")).to_have_text("You went through 2 cards, 2 of them new: 0 again, 0 hard, 0 good, 2 easy.")
    expect(page.locator("#card-summary-next")).to_contain_text("due ")
    _no_axe(page, "session summary")


def test_quiz_wrong_answers_score_links_and_retry(phone, served):  # noqa: F811
    page, (site_dir, base) = phone, served
    data = json.loads((site_dir / "study/practice/quiz.json").read_text(encoding="utf-8"))
    answers = {q["id"]: q["answer"] for q in data["questions"]}
    order = next(z for z in data["quizzes"] if z["id"] == "all")["questions"][:10]
    page.goto(base + "study/quiz/")
    expect(page.locator("#quiz-choice")).to_be_visible()
    _no_axe(page, "quiz setup")
    page.locator("#quiz-choice").select_option("all")
    page.locator("#quiz-length").select_option("10")
    page.context.set_offline(True)
    page.requests.clear()
    page.get_by_role("button", name="Start the quiz").click()
    links = []
    for n, qid in enumerate(order):
        expect(page.locator("#quiz-progress")).to_have_text(f"Question {n + 1} of 10")
        if n == 0:
            _no_axe(page, "question")
        right = answers[qid]
        pick = (right + 1) % 4 if n < 3 else right
        page.locator("#quiz-options button").nth(pick).click()
        expect(page.locator("#quiz-feedback")).to_contain_text("Right." if n >= 3 else "Not quite.")
        links.append(page.locator("#quiz-feedback a").get_attribute("href"))
        if n == 0:
            _no_axe(page, "answered wrongly")
        page.locator("#quiz-next").click()
    expect(page.locator("#quiz-score")).to_have_text("You scored 7 out of 10.")
    expect(page.locator("#quiz-missed li")).to_have_count(3)
    _no_axe(page, "score")
    page.get_by_role("button", name="Retry the missed ones").click()
    expect(page.locator("#quiz-progress")).to_have_text("Question 1 of 3")
    assert page.requests == [], "a quiz round made requests"
    page.context.set_offline(False)

    for href in set(links):
        url = urlsplit(href)
        assert href.startswith(base), href
        page.goto(href)
        assert page.evaluate("(id) => !id || !!document.getElementById(id)", url.fragment), href


# Runs in the page: the layout shift so far (CLS as Lighthouse sums it: shifts without
# recent input), from the browser's own layout-shift entries.
LAYOUT_SHIFT_JS = """() => new Promise((done) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(total), 100);
})"""


@pytest.mark.parametrize("path, app", [("study/flashcards/", "#cards-app"), ("study/quiz/", "#quiz-app")])
def test_study_page_does_not_jump_when_its_app_appears(phone, served, path, app):  # noqa: F811
    """The app is revealed once its data has loaded; it holds its place until then, so the
    page below it does not jump (Lighthouse measured CLS 0.17 on the flashcards before)."""
    page, (_, base) = phone, served
    page.goto(base + path)
    expect(page.locator(app)).to_be_visible()
    page.wait_for_timeout(200)
    shift = page.evaluate(LAYOUT_SHIFT_JS)
    assert shift < 0.01, f"{path}: layout shift {shift:.3f} as the page loaded"
