"""Long pages on a 390 × 844 touch phone (issue 24), light and dark: the page's contents one
tap away (docs/javascripts/page-contents.js), the back-to-top button never over a heading,
the timeline one entry per event with whole milestones, who's who a name and a line per
person. axe finds nothing with the contents open or the button showing, in both palettes."""

from __future__ import annotations

import pytest
from browser_fixtures import DESKTOP, TouchPhone, axe_violations, finish_animations

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = sync_api.expect

LONG_PAGE = "sources/shi-2014/"
BUTTON = ".page-contents__button"
LIST = "#page-contents-list"


@pytest.fixture
def phone(browser, served):
    rec = TouchPhone(browser, served[1])
    yield rec
    rec.close()


# Material's table of contents, top level: what the Contents list must offer.
TOC_JS = (
    '() => [...document.querySelectorAll(".md-sidebar--secondary [data-md-component=toc]'
    ' > li > a")]\n'
    '  .map((a) => a.getAttribute("href"))'
)


def test_contents_is_one_tap_under_the_title_and_closes_on_a_heading(phone, served):
    page = phone.page
    phone.open(served[1] + LONG_PAGE)
    button = page.locator(BUTTON)
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box["y"] + box["height"] < 844 / 2, (
        f"the Contents button is not in the first half screen: {box}"
    )
    assert box["height"] >= 24 and box["width"] >= 24  # WCAG 2.2 target size
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(page.locator(LIST)).to_be_hidden()

    button.tap()
    expect(button).to_have_attribute("aria-expanded", "true")
    listed = page.locator(LIST)
    expect(listed).to_be_visible()
    expect(listed).to_have_attribute("aria-labelledby", "page-contents-button")
    top = listed.locator(":scope > ul > li > a").evaluate_all(
        "(as) => as.map((a) => a.getAttribute('href'))"
    )
    assert top == page.evaluate(TOC_JS) and len(top) >= 4, top
    lines = axe_violations(page)
    assert not lines, "axe-core violations with the contents open:\n" + "\n".join(lines)

    target = listed.locator(":scope > ul > li > a").nth(3)
    href = target.get_attribute("href")
    target.tap()
    expect(listed).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(page).to_have_url(served[1] + LONG_PAGE + href)
    finish_animations(page)
    heading = page.locator(href).bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert header["height"] <= heading["y"] < 844 / 2, (
        f"{href} is not at the top of the screen: {heading}"
    )
    assert not phone.errors and not phone.foreign and not phone.failed


def test_contents_works_from_the_keyboard(recorder, served):
    page = recorder.page
    page.set_viewport_size({"width": 390, "height": 844})
    recorder.open(served[1] + LONG_PAGE)
    button = page.locator(BUTTON)
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator(LIST)).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.locator(f"{LIST} a").first).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator(LIST)).to_be_hidden()
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Space")
    expect(page.locator(LIST)).to_be_visible()


def test_contents_goes_where_the_sidebar_shows_them_and_on_short_pages(recorder, served):
    page = recorder.page
    page.set_viewport_size(DESKTOP)
    recorder.open(served[1] + LONG_PAGE)
    expect(page.locator(BUTTON)).to_be_hidden()  # Material's sidebar has the contents
    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.locator(BUTTON)).to_be_visible()
    recorder.open(served[1] + "timeline/")  # two sections: nothing to jump between
    assert page.locator(BUTTON).count() == 0


# Runs in the page: the back-to-top button's box, and each heading's box (the part below
# the header, which covers what scrolls under it) that meets it.
COVERED_JS = """() => {
  const top = document.querySelector(".md-top");
  if (!top || top.hidden) return null;
  const b = top.getBoundingClientRect();
  const headerBottom = document.querySelector(".md-header").getBoundingClientRect().bottom;
  const hits = [];
  for (const h of document.querySelectorAll("article :is(h1, h2, h3, h4, h5, h6)")) {
    const r = h.getBoundingClientRect();
    const y0 = Math.max(r.top, headerBottom), y1 = r.bottom;
    if (y1 <= y0) continue;                           // under the header or off screen
    if (r.left < b.right && b.left < r.right && y0 < b.bottom && b.top < y1)
      hits.push(h.textContent.trim().slice(0, 40));
  }
  return {box: [b.left, b.top, b.right, b.bottom], hits};
}"""


def test_back_to_top_never_covers_a_heading(phone, served):
    """Scroll a long page down, then up a screen at a time (Material shows the button while
    the reader scrolls up): at every step where it shows, no heading's box meets its box."""
    page = phone.page
    phone.open(served[1] + LONG_PAGE)
    height = page.evaluate("document.documentElement.scrollHeight")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(200)
    shown, problems = 0, []
    for y in range(height, 0, -300):
        page.evaluate("(y) => window.scrollTo(0, y)", y)
        page.wait_for_timeout(120)
        seen = page.evaluate(COVERED_JS)
        if seen is None:
            continue
        shown += 1
        problems += [f"at {y}px the button {seen['box']} covers '{h}'" for h in seen["hits"]]
    assert shown >= 5, f"the back-to-top button showed at only {shown} steps"
    assert not problems, "\n".join(problems[:10])
    # It sits in the header bar and is reachable and named.
    button = page.locator(".md-top")
    expect(button).to_be_visible()
    expect(button).to_have_accessible_name("Back to top")
    box, header = button.bounding_box(), page.locator(".md-header").bounding_box()
    assert box["y"] >= header["y"] and box["y"] + box["height"] <= header["y"] + header["height"], (
        box,
        header,
    )
    lines = axe_violations(page)
    assert not lines, "axe-core violations with back-to-top showing:\n" + "\n".join(lines)
    button.tap()
    page.wait_for_function("() => window.scrollY === 0")


def test_timeline_is_one_entry_per_event_with_whole_milestones(phone, served, guide):
    page = phone.page
    phone.open(served[1] + "timeline/")
    rows = page.locator(".timeline-events tbody tr")
    facts = rows.evaluate_all(
        """(rows) => rows.map((tr) => {
      const [date, event] = tr.cells;
      const d = date.getClientRects()[0], e = event.getClientRects()[0];
      return {label: getComputedStyle(event, "::before").content,"""
        """ sameLine: Math.abs(d.top - e.top) < 4,
              card: getComputedStyle(tr).borderLeftWidth};
    })"""
    )
    assert len(facts) == len(guide.timeline)
    assert all(f["label"] == "none" and f["sameLine"] and f["card"] == "0px" for f in facts), facts[
        :3
    ]
    milestones = page.locator(".timeline-milestones li").all_inner_texts()
    wanted = [
        " ".join(e["event"].split())
        for e in sorted(guide.timeline, key=lambda e: e["date"])
        if e.get("milestone")
    ]
    assert len(milestones) == len(wanted)
    for shown, event in zip(milestones, wanted, strict=True):
        assert shown.endswith(event.replace("*", "")) and "…" not in shown, (shown, event)
    assert page.evaluate("document.documentElement.scrollHeight") <= 14 * 844
    # The filter hides rows on a phone too (a row set to display: block ignored [hidden]).
    page.get_by_role("button", name="Gong (2012)").tap()
    hidden = page.locator(".timeline-events tbody tr[hidden]")
    assert hidden.count() > 0
    assert all(h == 0 for h in hidden.evaluate_all("(rows) => rows.map((r) => r.offsetHeight)"))
    lines = axe_violations(page)
    assert not lines, "axe-core violations on the timeline:\n" + "\n".join(lines)


def test_whos_who_is_a_name_and_a_line_per_person(phone, served, guide):
    page = phone.page
    phone.open(served[1] + "who/")
    sizes = page.locator("h3.who-name").evaluate_all(
        """(hs) => hs.map((h) => {
      const s = h.nextElementSibling.querySelector("summary");
      const line = (el) => parseFloat(getComputedStyle(el).lineHeight);
      return {name: h.id, chars: h.textContent.trim().length,
              nameLines: h.getBoundingClientRect().height / line(h),"""
        """ lineLines: s.getBoundingClientRect().height / line(s)};
    })"""
    )
    assert len(sizes) == len(guide.people)
    # Name and line together two or three lines; a name of more than 60 characters with its
    # hanzi (the Central Comprehensive Social Management Commission) may take one more.
    tall = [s for s in sizes if s["nameLines"] + s["lineLines"] > (4.6 if s["chars"] > 60 else 3.6)]
    assert not tall, f"entries taller than three lines on a phone: {tall}"
    assert page.evaluate("document.documentElement.scrollHeight") <= 10 * 844
    summary = page.locator("details.who-more > summary").first
    summary.tap()
    expect(page.locator("details.who-more").first).to_have_attribute("open", "")
    lines = axe_violations(page)
    assert not lines, "axe-core violations on who's who:\n" + "\n".join(lines)
