"""Shared by the practice pages' browser tests: a 390 px touch page with service workers
blocked that lists every request and fails on any page error, and axe at zero."""

from __future__ import annotations

import json

import pytest

# The shared browser fixtures and axe helper of the site-wide browser tests.
from browser_fixtures import axe_violations as _axe_violations

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


def no_axe(page, state):
    found = _axe_violations(page)
    assert not found, f"axe-core violations ({state}):\n" + "\n".join(found)


def site_cards(site_dir) -> list[dict]:
    """The flashcards as the built site serves them (study/practice/cards.json)."""
    path = site_dir / "study/practice/cards.json"
    return json.loads(path.read_text(encoding="utf-8"))["cards"]
