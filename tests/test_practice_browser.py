"""The quiz page in Chromium, at 390 px: a quiz answered wrongly on purpose, the score,
working explanation links, retrying the missed questions, results kept; axe-core finds
nothing in any state, in both palettes (each state is checked light, then dark, as it
stands); once loaded, a round makes no request at all (the browser is taken offline for
it). And neither practice page, flashcards or quiz, jumps when its app appears. The
flashcards' round is in test_flashcards_browser."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from practice_support import no_axe as _no_axe
from practice_support import phone  # noqa: F401 - the fixture

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = sync_api.expect


def _joined(segments):
    return "".join(s["text"] for s in segments)


def _question(page, questions):
    """The question on screen (by its prompt and options) and the shown index of its answer."""
    prompt = page.locator("#quiz-prompt").inner_text()
    shown = page.locator("#quiz-options button").all_inner_texts()
    hits = [
        q
        for q in questions
        if _joined(q["prompt"]) == prompt
        and sorted(_joined(o) for o in q["options"]) == sorted(shown)
    ]
    assert hits, (prompt, shown)
    q = hits[0]
    return q, shown.index(_joined(q["options"][q["answer"]]))


def _border(page, locator):
    return locator.evaluate(
        "e => getComputedStyle(e).borderTopStyle + ' ' + getComputedStyle(e).borderTopColor"
    )


def test_quiz_rounds_shuffle_mark_in_words_and_colour_and_keep_results(phone, served):  # noqa: F811
    page, (site_dir, base) = phone, served
    data = json.loads((site_dir / "study/practice/quiz.json").read_text(encoding="utf-8"))
    questions = data["questions"]
    page.goto(base + "study/quiz/")
    expect(page.locator("#quiz-choice")).to_be_visible()
    expect(page.locator("#quiz-length option")).to_have_text(["5", "10", "20"])
    _no_axe(page, "quiz setup")
    page.locator("#quiz-choice").select_option("all")
    page.locator("#quiz-length").select_option("5")
    page.context.set_offline(True)
    page.requests.clear()
    page.get_by_role("button", name="Start the quiz").click()
    asked, links = [], []
    for n in range(5):
        expect(page.locator("#quiz-progress")).to_contain_text(f"Question {n + 1} of ")
        q, right = _question(page, questions)
        asked.append(q["id"])
        if n == 0:
            _no_axe(page, "question")
        buttons = page.locator("#quiz-options button")
        pick = (right + 1) % len(q["options"]) if n < 2 else right
        buttons.nth(pick).click()
        expect(page.locator("#quiz-feedback")).to_contain_text("Right." if n >= 2 else "Not quite.")
        expect(buttons.nth(right)).to_contain_text("✓ Right answer: ")
        expect(page.locator(".practice-note--why")).to_contain_text("Why: " + q["why"])
        links.append(page.locator(".practice-note--why a").get_attribute("href"))
        if n < 2:
            wrong = buttons.nth(pick)
            expect(wrong).to_contain_text("✗ Your answer, wrong: ")
            assert _border(page, wrong).startswith("dashed"), _border(page, wrong)
            assert _border(page, buttons.nth(right)).startswith("solid")
            assert _border(page, wrong) != _border(page, buttons.nth(right))
            primary = page.locator("#quiz-next").evaluate(
                "e => getComputedStyle(e).backgroundColor"
            )
            assert wrong.evaluate("e => getComputedStyle(e).backgroundColor") != primary, (
                "a wrong pick looks chosen-and-right"
            )
            expect(page.locator("#quiz-feedback")).to_contain_text(
                "It comes back at the end of the round."
            )
            _no_axe(page, "answered wrongly")
        page.locator("#quiz-next").click()
    for n in range(2):  # the two missed questions, back at the end
        expect(page.locator("#quiz-progress")).to_have_text(
            f"Question {6 + n} of 7 (missed before, back again)"
        )
        q, right = _question(page, questions)
        assert q["id"] == asked[n]
        page.locator("#quiz-options button").nth(right).click()
        page.locator("#quiz-next").click()
    expect(page.locator("#quiz-score")).to_have_text(
        "You scored 3 out of 5 at the first try. Last 60%, best 60% over 1 round."
    )
    expect(page.locator("#quiz-missed li")).to_have_count(2)
    _no_axe(page, "score")
    page.get_by_role("button", name="Retry the missed ones").click()
    expect(page.locator("#quiz-progress")).to_have_text("Question 1 of 2")
    assert page.requests == [], "a quiz round made requests"
    page.context.set_offline(False)

    page.reload()  # the result is kept; a new start asks in a new order
    page.locator("#quiz-choice").select_option("all")
    expect(page.locator("#quiz-record")).to_have_text(
        "Your results in this quiz: Last 60%, best 60% over 1 round."
    )
    page.locator("#quiz-length").select_option("5")
    page.get_by_role("button", name="Start the quiz").click()
    second = []
    for _ in range(2):
        q, right = _question(page, questions)
        second.append(q["id"])
        page.locator("#quiz-options button").nth(right).click()
        page.locator("#quiz-next").click()
    assert second != asked[:2], "the same questions in the same order on a second start"
    page.get_by_role("button", name="End the round").click()
    expect(page.locator("#quiz-score")).to_have_text(
        "You scored 2 out of 2 at the first try. Last 100%, best 100% over 2 rounds, improving."
    )

    for href in set(links):
        url = urlsplit(href)
        assert href.startswith(base), href
        page.goto(href)
        assert page.evaluate("(id) => !id || !!document.getElementById(id)", url.fragment), href


def test_quiz_wrong_argument_option_shows_its_own_reason(phone, served):  # noqa: F811
    page, (site_dir, base) = phone, served
    data = json.loads((site_dir / "study/practice/quiz.json").read_text(encoding="utf-8"))
    argued = [
        z
        for z in data["quizzes"]
        if any("reasons" in q for q in data["questions"] if q["id"] in z["questions"])
    ]
    quiz = min(argued, key=lambda z: len(z["questions"]))
    page.goto(base + "study/quiz/?seed=3")
    page.locator("#quiz-choice").select_option(quiz["id"])
    page.locator("#quiz-length").select_option("20")
    page.get_by_role("button", name="Start the quiz").click()
    for _ in range(len(quiz["questions"])):
        q, right = _question(page, data["questions"])
        if "reasons" in q:
            pick = (right + 1) % len(q["options"])
            shown = _joined(q["options"][q["answer"]])
            page.locator("#quiz-options button").nth(pick).click()
            text = (
                page.locator("#quiz-options button")
                .nth(pick)
                .inner_text()
                .removeprefix("✗ Your answer, wrong: ")
            )
            reason = next(q["reasons"][i] for i, o in enumerate(q["options"]) if _joined(o) == text)
            expect(page.locator(".practice-note--wrong")).to_have_text("Why not: " + reason)
            assert shown
            _no_axe(page, "argument question answered wrongly")
            return
        page.locator("#quiz-options button").nth(right).click()
        page.locator("#quiz-next").click()
    pytest.fail(f"no argument question in the first round of {quiz['id']}")


# Runs in the page: the layout shift so far (CLS as Lighthouse sums it: shifts without
# recent input), from the browser's own layout-shift entries.
LAYOUT_SHIFT_JS = """() => new Promise((done) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(total), 100);
})"""


@pytest.mark.parametrize(
    "path, app", [("study/flashcards/", "#cards-app"), ("study/quiz/", "#quiz-app")]
)
def test_study_page_does_not_jump_when_its_app_appears(phone, served, path, app):  # noqa: F811
    """The app is revealed once its data has loaded; it holds its place until then, so the
    page below it does not jump (Lighthouse measured CLS 0.17 on the flashcards before)."""
    page, (_, base) = phone, served
    page.goto(base + path)
    expect(page.locator(app)).to_be_visible()
    page.wait_for_timeout(200)
    shift = page.evaluate(LAYOUT_SHIFT_JS)
    assert shift < 0.01, f"{path}: layout shift {shift:.3f} as the page loaded"
