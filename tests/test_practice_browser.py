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


def test_flashcards_round_reload_export_import(phone, served, tmp_path):  # noqa: F811
    page, (_, base) = phone, served
    page.goto(base + "study/flashcards/")
    counts = page.locator("#deck-counts")
    expect(counts).to_contain_text("Due now: 0")
    total = int(counts.inner_text().split("New: ")[1].split(" ")[0])
    expect(page.locator("#deck-name option")).to_have_text([f"Every card ({total})"])  # not an empty list
    _no_axe(page, "card front")
    page.context.set_offline(True)
    page.requests.clear()
    for n in range(10):
        page.locator("body").press(" ") if n % 2 else page.locator("#card-flip").click()
        expect(page.locator("#card-back")).to_be_visible()
        if n == 0:
            _no_axe(page, "answer shown")
        page.keyboard.press(str(n % 4 + 1))
        expect(page.locator("#card-status")).to_contain_text("Graded " + ["Again", "Hard", "Good", "Easy"][n % 4])
    assert page.locator("#card-status").get_attribute("aria-live") == "polite"
    assert page.requests == [], "a study round made requests"
    page.context.set_offline(False)
    expected = f"Due now: 0 · New: {total - 10} · Scheduled later: 10"
    expect(counts).to_have_text(expected)
    _no_axe(page, "after grading")
    page.reload()
    expect(counts).to_have_text(expected)

    with page.expect_download() as download:
        page.locator("#progress-export").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    assert len(json.loads(saved.read_text())["cards"]) == 10
    page.evaluate("localStorage.clear()")
    page.reload()
    expect(counts).to_have_text(f"Due now: 0 · New: {total} · Scheduled later: 0")
    page.locator("#progress-import").set_input_files(str(saved))
    expect(counts).to_have_text(expected)
    expect(page.locator("#card-status")).to_contain_text("Progress imported (10 cards)")

    page.locator("#deck-kind").select_option("source")
    page.locator("#deck-name").select_option("shi-2014")
    expect(counts).not_to_have_text(expected)
    _no_axe(page, "deck chosen")


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
