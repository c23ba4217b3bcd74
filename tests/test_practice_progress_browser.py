"""Progress a student can see, and study offline, in Chromium at 390 px: two pages marked
read survive a reload, tick the navigation and show on "My progress", and travel in the
progress file; quiz results over time; with the network cut after one visit, the
flashcards and the quiz reload and a round completes (the service worker, sw.js)."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from practice_support import PHONE, phone  # noqa: F401 - the fixture
from practice_support import no_axe as _no_axe

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = sync_api.expect


def test_pages_marked_read_survive_a_reload_tick_the_nav_and_show_on_progress(
    phone,  # noqa: F811 - the fixture, imported above
    served,
    tmp_path,
):
    page, (_, base) = phone, served
    for path in ("sources/shi-2014/", "themes/welfare-mix/"):
        page.goto(base + path)
        box = page.get_by_label("I have read this page")
        expect(box).not_to_be_checked()
        box.check()
    _no_axe(page, "page marked read")
    page.reload()
    expect(page.get_by_label("I have read this page")).to_be_checked()
    ticked = page.locator(".md-nav__link:has(.guide-tick)")
    hrefs = {urlsplit(page.evaluate("(a) => a.href", h)).path for h in ticked.element_handles()}
    assert {
        urlsplit(base + p).path for p in ("sources/shi-2014/", "themes/welfare-mix/")
    } <= hrefs, hrefs
    expect(ticked.first).to_contain_text("(read)")
    page.goto(base + "study/progress/")
    expect(page.locator("#read-count")).to_contain_text("You have marked 2 of ")
    expect(page.locator("#read-list li", has_text="✓ Read")).to_have_count(2)
    expect(page.locator("#quiz-none")).to_be_visible()
    _no_axe(page, "progress page")
    with page.expect_download() as download:
        page.locator("#progress-export").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    assert set(json.loads(saved.read_text())["read"]) == {
        "sources/shi-2014/",
        "themes/welfare-mix/",
    }
    page.evaluate("localStorage.clear()")
    page.reload()
    expect(page.locator("#read-count")).to_contain_text("You have marked 0 of ")
    page.locator("#progress-import").set_input_files(str(saved))
    expect(page.locator("#progress-status")).to_contain_text(
        "Progress imported: 0 cards, 0 quizzes, 2 pages read"
    )
    expect(page.locator("#read-count")).to_contain_text("You have marked 2 of ")
    page.goto(base + "themes/welfare-mix/")
    expect(page.get_by_label("I have read this page")).to_be_checked()


def test_progress_page_shows_quiz_results_over_time_and_cards_due(phone, served):  # noqa: F811
    page, (_, base) = phone, served
    page.goto(base + "study/progress/")
    page.evaluate(
        """() => {
      const data = JSON.parse(localStorage.getItem('guide-progress') || 'null')"""
        """ || {version: 2, cards: {}, quiz: {}, read: {}, settings: {newPerDay: 10}};
      const day = 86400000, now = Date.now();
      data.quiz.all = [{at: now - 2 * day, score: 4, total: 10},"""
        """ {at: now - day, score: 6, total: 10}, {at: now, score: 9, total: 10}];
      data.cards['hanzi-meaning:hukou'] = {due: now - 1000, last: now - 3 * day,"""
        """ first: now - 3 * day, s: 3, d: 5, reps: 2, lapses: 0, steps: 0, state: 2};
      localStorage.setItem('guide-progress', JSON.stringify(data));
    }"""
    )
    page.reload()
    row = page.locator("#quiz-table tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator("td").nth(0)).to_have_text("Everything")
    expect(row.locator("td").nth(3)).to_have_text("90%")
    expect(row.locator("td").nth(4)).to_have_text("40% → 60% → 90%")
    expect(page.locator("#cards-line")).to_contain_text("You have studied 1 of ")
    expect(page.locator("#cards-line")).to_contain_text("1 due now")
    _no_axe(page, "progress with results")


def test_flashcards_and_quiz_reload_and_work_offline_after_one_visit(browser, served):  # noqa: F811
    """The service worker (sw.js) caches the study pages on the first visit; with the
    network cut, a reload of the flashcards and of the quiz works and a round completes."""
    _, base = served
    context = browser.new_context(viewport=PHONE, service_workers="allow", has_touch=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    try:
        page.goto(base + "study/flashcards/")
        expect(page.locator("#cards-app")).to_be_visible()
        scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
        assert scope == base, scope
        page.wait_for_function(
            "(async () => !!(await caches.match(new URL('../quiz/', location.href).href)))()",
            polling=200,
        )
        context.set_offline(True)
        page.reload()
        expect(page.locator("#cards-app")).to_be_visible()
        for _ in range(3):
            page.locator("#card-flip").click()
            page.keyboard.press("3")
        expect(page.locator("#card-status")).to_contain_text("Graded Good")
        page.goto(base + "study/quiz/")
        expect(page.locator("#quiz-app")).to_be_visible()
        page.reload()
        page.locator("#quiz-length").select_option("5")
        page.get_by_role("button", name="Start the quiz").click()
        for _ in range(10):  # five questions, and any missed ones back at the end
            page.locator("#quiz-options button").first.click()
            page.locator("#quiz-next").click()
            if page.locator("#quiz-result").is_visible():
                break
        expect(page.locator("#quiz-score")).to_contain_text("out of 5 at the first try")
        page.goto(base + "study/progress/")
        expect(page.locator("#quiz-table tbody tr")).to_have_count(1)
    finally:
        context.close()
    assert not errors, errors


def test_manifest_and_worker_stay_on_the_site(served):  # noqa: F811
    site_dir, _ = served
    manifest = json.loads((site_dir / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["start_url"] == "./" and manifest["display"] == "standalone"
    assert all((site_dir / icon["src"]).is_file() for icon in manifest["icons"])
    worker = (site_dir / "sw.js").read_text(encoding="utf-8")
    listed = json.loads(worker.split("var PRECACHE = ", 1)[1].split(";\n", 1)[0])
    assert {
        "study/flashcards/",
        "study/quiz/",
        "study/progress/",
        "study/practice/quiz.json",
        "study/practice/cards.json",
        "javascripts/vendor/ts-fsrs.js",
    } <= set(listed)
    for path in listed:
        assert "://" not in path and not path.startswith("/"), path
        assert (
            site_dir / (path + "index.html" if path.endswith("/") or not path else path)
        ).is_file(), path
