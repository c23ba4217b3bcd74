"""Nothing moves when the scripts arrive (Lighthouse's cumulative layout shift): on a
phone, what the guide's scripts show once they run (the glossary's filter box, a long
page's "Contents" button, a source page's "I have read this page" box) has its room
kept from the first paint (overrides/main.html, guide.css). Each page is drawn twice
with scripting on: once with javascripts/study-guide.js refused, as a first paint that
comes before the script, and once as a reader gets it; the page's blocks must sit at the
same places both times."""

from __future__ import annotations

import pytest
from browser_fixtures import PHONE

pytestmark = pytest.mark.browser

PAGES = ["", "glossary/", "sources/shi-2014/", "themes/welfare-mix/", "terms/hukou/"]
SCRIPT = "**/javascripts/study-guide.js"

# Where each block of the article starts (its top edge, page coordinates), in order.
TOPS_JS = (
    """() => [...document.querySelectorAll(
  "article > :is(h1, h2, h3, p, ul, ol, nav, div, details, table)")]
  .filter(el => el.checkVisibility())
  .slice(0, 12)
  .map(el => `${el.tagName.toLowerCase()}.${el.className || ""}"""
    """ ${Math.round(el.getBoundingClientRect().top + scrollY)}`)"""
)


def _tops(browser, url: str, script: bool) -> list[str]:
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce", service_workers="block")
    try:
        page = context.new_page()
        if not script:
            page.route(SCRIPT, lambda route: route.abort())
        page.goto(url, wait_until="load")
        page.wait_for_timeout(200)
        return page.evaluate(TOPS_JS)
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_the_page_does_not_move_when_its_scripts_run(browser, served, path):
    url = served[1] + path
    before, after = _tops(browser, url, script=False), _tops(browser, url, script=True)
    assert len(before) > 3, before
    assert after == before, (
        f"/{path}: blocks moved once the scripts ran (tag.class top):\n"
        f"  first paint: {before}\n  with scripts: {after}"
    )
