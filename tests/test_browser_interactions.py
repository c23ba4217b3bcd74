"""Interactions in a real browser: the palette toggle, term tooltips (hover, focus,
Escape, axe with one open, a phone's width), the glossary's jumps, excerpt attributions
leading to their source and the term's page, and the styled 404."""

from __future__ import annotations

import re
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from browser_fixtures import UNMARKED_CHINESE_JS, VIEWPORT, Recorder, axe_violations

from browser_support import LAUNCH_ARGS, find_chromium

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = sync_api.expect


# Runs in the page: flips the palette as a click does, and reports what the first frame
# after it will draw with.
SWITCH_JS = (
    """() => {
  document.querySelector("form[data-md-component=palette] label:not([hidden])").click();
  const link = document.querySelector(".md-typeset a");
  return {marked: document.body.hasAttribute("data-guide-switching"),"""
    """ linkTransition: getComputedStyle(link).transitionDuration};
}"""
)


def test_palette_toggle_flips_and_persists(recorder, served):
    page = recorder.page
    page.emulate_media(
        reduced_motion="no-preference"
    )  # the Recorder's "reduce" turns every transition off
    recorder.open(served[1])
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    assert (
        page.evaluate(
            "getComputedStyle(document.querySelector('.md-typeset a')).transitionDuration"
        )
        != "0s"
    )
    for target in ("slate", "default"):
        # Clicked in the page, to read the frame the click starts: the colours change at
        # once (guide.js marks the body; transitions are off under the mark), and the
        # mark is gone two frames later.
        during = page.evaluate(SWITCH_JS)
        assert during == {"marked": True, "linkTransition": "0s"}, during
        expect(body).not_to_have_attribute("data-guide-switching", "")
        expect(body).to_have_attribute("data-md-color-scheme", target)
        page.reload(wait_until="load")
        recorder.arrive()
        expect(body).to_have_attribute("data-md-color-scheme", target)
        recorder.open(served[1] + "glossary/")  # and on another page
        expect(body).to_have_attribute("data-md-color-scheme", target)
    assert not recorder.errors and not recorder.foreign and not recorder.failed


def _term_page(site_dir) -> str:
    """The home page or Shi (2014)'s page, whichever links the term hukou."""
    for p in ("", "sources/shi-2014/"):
        if 'terms/hukou/" title="户口 · hùkǒu · household registration"' in (
            site_dir / p / "index.html"
        ).read_text(encoding="utf-8"):
            return p
    raise AssertionError("neither the home page nor Shi (2014)'s page links the term hukou")


TOOLTIP = "#guide-tooltip"


def test_term_tooltip_and_link_to_the_term_page(recorder, served):
    site_dir, base_url = served
    page = recorder.page
    recorder.open(base_url + _term_page(site_dir))
    link = page.locator('article a[href$="terms/hukou/"]').first
    expect(link).to_be_visible()
    link.hover()
    tooltip = page.locator(TOOLTIP)
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_attribute("role", "tooltip")
    lines = tooltip.locator(".guide-tooltip__line").all_inner_texts()
    assert lines[:3] == ["户口", "hùkǒu", "household registration"], lines
    assert lines[3].startswith("China's system of registering") and len(lines) == 4, (
        lines
    )  # data-def
    expect(tooltip.locator('[lang="zh-Hans"]')).to_have_text("户口")
    expect(tooltip.locator('[lang="zh-Latn-pinyin"]')).to_have_text("hùkǒu")
    assert page.evaluate(UNMARKED_CHINESE_JS) == [], "tooltip Chinese is not marked zh-Hans"
    # The browser's own tooltip would show the title again: it is moved while ours shows.
    expect(link).not_to_have_attribute("title", re.compile(".*"))
    expect(link).to_have_attribute("aria-describedby", "guide-tooltip")
    recorder.follow(link)
    expect(page).to_have_url(served[1] + "terms/hukou/")
    heading = page.locator('h1 [lang="zh-Hans"]')
    expect(heading).to_contain_text("户口")
    expect(heading).to_be_visible()
    expect(heading).to_be_in_viewport()
    assert not recorder.errors and not recorder.foreign


def test_tooltip_is_hoverable_dismissible_and_follows_focus(recorder, served):
    """WCAG 1.4.13 (content on hover or focus): the pointer can move onto the tooltip,
    Escape dismisses it without moving pointer or focus, it goes when hover or focus
    leaves, and the link gets its title back. Keyboard focus shows it too."""
    site_dir, base_url = served
    page = recorder.page
    recorder.open(base_url + _term_page(site_dir))
    link = page.locator('article a[href$="terms/hukou/"]').first
    tooltip = page.locator(TOOLTIP)
    link.hover()
    expect(tooltip).to_be_visible()
    box = tooltip.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    page.wait_for_timeout(400)  # longer than the hide delay
    expect(tooltip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    expect(link).to_have_attribute("title", "户口 · hùkǒu · household registration")
    expect(link).not_to_have_attribute("aria-describedby", re.compile(".*"))
    link.hover()  # back on the link after dismissing: shows again
    expect(tooltip).to_be_visible()
    page.mouse.move(0, VIEWPORT["height"] - 1)
    expect(tooltip).to_be_hidden()
    link.focus()
    expect(tooltip).to_be_visible()
    expect(tooltip.locator(".guide-tooltip__line").first).to_have_text("户口")
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    expect(link).to_be_focused()
    page.locator("body").focus()
    page.evaluate("() => document.activeElement.blur()")
    link.focus()
    expect(tooltip).to_be_visible()
    page.evaluate("() => document.activeElement.blur()")
    expect(tooltip).to_be_hidden()
    assert not recorder.errors


def test_open_tooltip_passes_axe_and_fits_a_phone(browser, served):
    """With a tooltip showing, in both palettes: zero axe violations (its contrast
    included), and on a 360 px wide screen it stays inside the screen."""
    site_dir, base_url = served
    rec = Recorder(browser, base_url)
    try:
        rec.page.set_viewport_size({"width": 360, "height": 740})
        rec.open(base_url + _term_page(site_dir))
        links = rec.page.locator('article a[href*="terms/"][title]')
        assert links.count() >= 3
        tooltip = rec.page.locator(TOOLTIP)
        for link in (links.first, links.last):
            link.scroll_into_view_if_needed()
            link.hover()
            expect(tooltip).to_be_visible()
            box = tooltip.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360, (
                f"tooltip leaves the screen: {box}"
            )
        lines = axe_violations(rec.page)
        assert not lines, "axe-core violations with a tooltip open:\n" + "\n".join(lines)
        expect(tooltip).to_be_visible()  # still open: both palettes saw it
        assert not rec.errors and not rec.foreign and not rec.failed
    finally:
        rec.close()


def test_glossary_jumps_land_on_their_heading(recorder, served):
    """The glossary index's letter bar and its by-characters link land the reader on the
    heading they chose, and a row leads to the term's page."""
    page = recorder.page
    recorder.open(served[1] + "glossary/")
    letters = page.locator("nav.letter-bar a")
    last = letters.last
    target = last.get_attribute("href")
    last.click()
    heading = page.locator(f"h3{target}")
    expect(heading).to_be_in_viewport()
    page.evaluate("() => window.scrollTo(0, 0)")
    page.locator(
        'article a[href="#by-characters"]:visible'
    ).first.click()  # not the closed Contents list's
    expect(page.locator("h2#by-characters")).to_be_in_viewport()
    row = page.locator(".term-index--characters li").first
    expect(row).to_be_visible()
    hanzi = row.locator('[lang="zh-Hans"]').first.inner_text()
    recorder.follow(row.locator("a"))
    assert "/terms/" in page.url, page.url
    expect(page.locator('h1 [lang="zh-Hans"]')).to_contain_text(hanzi)
    assert not recorder.errors


def _excerpt_page(site_dir, base_url) -> str | None:
    """A page that shows an excerpt by {{ excerpt() }}: one whose blockquote.excerpt
    cites another page. Theme pages first."""
    candidates = sorted(
        site_dir.rglob("index.html"), key=lambda p: ("themes" not in p.parts, str(p))
    )
    for path in candidates:
        html = path.read_text(encoding="utf-8")
        if re.search(r'<cite><a href="\.\./[^"#]*#', html) and 'class="excerpt"' in html:
            rel = path.parent.relative_to(site_dir).as_posix()
            return base_url + ("" if rel == "." else rel + "/")
    return None


def test_excerpt_attribution_leads_to_source_then_term_page(recorder, served):
    site_dir, base_url = served
    start = _excerpt_page(site_dir, base_url)
    if start is None:
        pytest.skip(
            "no page shows an excerpt from another page yet (theme pages use {{ excerpt() }})"
        )
    page = recorder.page
    recorder.open(start)
    quote = page.locator("blockquote.excerpt:has(+ p.excerpt-terms)").first
    excerpt_id = quote.get_attribute("id")
    cite = quote.locator("footer cite a")
    expect(cite).to_be_visible()
    recorder.follow(cite)
    url = urlsplit(page.url)
    assert url.fragment == excerpt_id, f"{page.url} is not #{excerpt_id}"
    assert "/sources/" in url.path, page.url
    home = page.locator(f"blockquote.excerpt#{excerpt_id}")
    expect(home).to_be_visible()
    expect(home).to_be_in_viewport()
    term = page.locator(f"blockquote.excerpt#{excerpt_id} + p.excerpt-terms a").first
    expect(term).to_be_visible()
    key = urlsplit(term.get_attribute("href")).path.rstrip("/").rsplit("/", 1)[-1]
    recorder.follow(term)
    expect(page).to_have_url(base_url + "terms/" + key + "/")
    heading = page.locator(f'h1#{key} [lang="zh-Hans"]')
    expect(heading).to_be_visible()
    expect(heading).to_be_in_viewport()
    assert not recorder.errors and not recorder.foreign and not recorder.failed


def test_missing_page_gets_the_styled_404(recorder, served):
    """GitHub Pages answers unknown paths with 404.html; with site_url set right, its
    assets load even from a deep path."""
    page = recorder.page
    response = recorder.open(served[1] + "no/such/page/")
    recorder.errors[:] = [e for e in recorder.errors if "status of 404" not in e]  # the page itself
    assert response.status == 404
    expect(page.locator("header.md-header")).to_be_visible()
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    )
    others = [f for f in recorder.failed if "/no/such/page/" not in f]
    assert not others and not recorder.foreign and not recorder.errors, (
        others,
        recorder.foreign,
        recorder.errors,
    )


def test_the_page_does_not_move_sideways_when_it_stops_scrolling(browser, served):
    """Where scrollbars take room (a desktop's; Chromium under test hides them unless told
    not to), the column sits at the same place on a page shorter than the window and on
    a long one, so a page whose length changes as it loads (the quiz) does not jump
    sideways. Lighthouse's desktop size; the gutter is guide.css's."""
    found = find_chromium(SimpleNamespace(chromium=browser.browser_type))[0]
    with_bars = browser.browser_type.launch(
        executable_path=found,
        args=LAUNCH_ARGS,
        headless=True,
        ignore_default_args=["--hide-scrollbars"],
    )
    try:
        page = with_bars.new_page(viewport={"width": 1350, "height": 940})
        left = {}
        for path in ("study/quiz/", "glossary/"):
            page.goto(served[1] + path)
            page.wait_for_load_state("load")
            left[path] = page.evaluate(
                "() => [document.querySelector('.md-main__inner').getBoundingClientRect().left,\n"
                "                                                 "
                "document.documentElement.scrollHeight > innerHeight]"
            )
        assert left["study/quiz/"][1] is False and left["glossary/"][1] is True, (
            left
        )  # one short, one long
        assert left["study/quiz/"][0] == left["glossary/"][0], f"the column moves sideways: {left}"
    finally:
        with_bars.close()
