"""Issue 24 in Chromium at phone size (390x844, touch): the home page's first screen
offers the study plans with their times, and no source page or theme chapter is taller
than 12 screens with its folds (<details>) closed."""

from __future__ import annotations

import pytest
from browser_fixtures import PHONE
from test_core_budgets import nav

from studyguide.pages import core_path

pytestmark = pytest.mark.browser

MAX_SCREENS = 12
PLANS = ("The core path", "A week before the exam", "The night before")


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        reduced_motion="reduce",
        service_workers="block",
    )
    page = context.new_page()
    yield page
    context.close()


def first_screen_plans(phone, url: str) -> dict[str, float]:
    """Each plan's text and how far its item's bottom is from the top of the page."""
    phone.goto(url, wait_until="load")
    return phone.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('.study-plans li')]\n"
        "        .map((li) => [li.textContent.trim(), "
        "li.getBoundingClientRect().bottom + window.scrollY]))"
    )


def test_home_first_phone_screen_offers_the_plans_with_computed_times(phone, served):
    plans = first_screen_plans(phone, served[1])
    assert [next(p for p in PLANS if text.startswith(p)) for text in plans] == list(PLANS), list(
        plans
    )
    for text, bottom in plans.items():
        assert " min" in text, f"no time in {text!r}"
        assert bottom <= PHONE["height"], (
            f"{text[:40]!r} ends at {bottom:.0f}px, below the first screen"
        )


def screens(phone, url: str) -> float:
    phone.goto(url, wait_until="load")
    phone.evaluate("document.querySelectorAll('details[open]').forEach((d) => { d.open = false; })")
    return phone.evaluate("document.scrollingElement.scrollHeight") / PHONE["height"]


def tall_pages(phone, base_url: str, pages: list[str], limit: float) -> list[str]:
    tall = []
    for page in pages:
        height = screens(phone, base_url + page.removesuffix(".md") + "/")
        if height > limit:
            tall.append(f"{page}: {height:.1f} phone screens (at most {limit})")
    return tall


def test_no_source_or_theme_page_is_taller_than_12_phone_screens(phone, served):
    tall = tall_pages(phone, served[1], core_path.full_pages(nav()), MAX_SCREENS)
    assert not tall, "\n".join(tall)


def test_the_height_check_can_pass_and_fail(phone, served):
    page = ["core/hhm-interview.md"]
    assert not tall_pages(phone, served[1], page, MAX_SCREENS)
    assert tall_pages(phone, served[1], page, 0.5)
