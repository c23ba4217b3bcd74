"""The walk over every page (the `walk` fixture, which tests/test_browser.py reads): each
page loaded once on a 390 x 844 phone, looked at in the light palette and then the dark
one (switched with the header's own toggle, as a reader does), then at 1366 x 900 in both;
and the helpers that measure what it sees."""

from __future__ import annotations

import pytest
from browser_fixtures import (
    AXE_COLOUR_OPTIONS,
    AXE_OPTIONS,
    AXE_START_JS,
    DESKTOP,
    PALETTES,
    PHONE,
    UNMARKED_CHINESE_JS,
    Recorder,
    finish_animations,
)

from browser_support import SEARCH_INDEX, small_search_index  # noqa: F401 (test_browser.py)

# Runs in the page: sideways overflow of the page and of every table, and where the h1 starts.
FIT_JS = (
    r"""() => {
  const tables = [...document.querySelectorAll("article table")].filter((t) => t.offsetParent)
    .map((t) => ({sw: t.scrollWidth, cw: t.parentElement.clientWidth,"""
    r""" head: t.rows[0] ? t.rows[0].textContent.trim().slice(0, 40) : ""}))
    .filter((t) => t.sw > t.cw + 1);
  const h1 = document.querySelector("article h1");
  return {page: document.documentElement.scrollWidth, inner: innerWidth, tables,
          h1Top: h1 ? h1.getBoundingClientRect().top + scrollY : null};
}"""
)

# Runs in the page: the document's structure facts.
STRUCTURE_JS = (
    r"""() => {
  const headings = [...document.body.querySelectorAll("h1, h2, h3, h4, h5, h6")];
  const skips = [];
  let previous = 0;
  for (const h of headings) {
    const level = Number(h.tagName[1]);
    if (level > previous + 1)"""
    r""" skips.push(`h${previous} → h${level} "${h.textContent.trim().slice(0, 50)}"`);
    previous = level;
  }
  return {
    htmlLang: document.documentElement.getAttribute("lang"),
    imgsWithoutAlt: [...document.querySelectorAll("img:not([alt])")]"""
    r""".map((i) => i.outerHTML.slice(0, 120)),
    h1Count: document.querySelectorAll("h1").length,
    skips,
    scheme: document.body.getAttribute("data-md-color-scheme"),
    background: getComputedStyle(document.body).backgroundColor,
  };
}"""
)

# Runs on the glossary page: each row of the by-characters index and its pinyin element.
GLOSSARY_PINYIN_JS = (
    r"""() => [...document.querySelectorAll(".term-index--characters li")]"""
    r""".map((row) => {
  const pinyin = row.querySelector('[lang="zh-Latn-pinyin"]');
  return {row: row.textContent.trim().slice(0, 40), pinyin: pinyin ? pinyin.textContent : null};
})"""
)


@pytest.fixture(scope="session")
def walk(browser, served, pages):
    """Every page loaded once on a 390 x 844 phone and looked at in both palettes, switched
    with the header's own toggle as a reader does, then at 1366 x 900 in both: what it
    logged and requested over the whole visit, axe's violations (every rule in the light
    palette; in the dark one, the rules that depend on colour), unmarked Chinese text,
    structure facts and how it fits each screen. The tests read this; screenshots go to
    $GUIDE_SCREENSHOTS when it is set. One load per page: the palette and the window
    change in place, so the walk costs a load and an axe run (and a half) per page. The
    pages come from `served`: the site as built but for a small search index
    (browser_support.SEARCH_INDEX; the real one is built and searched in
    test_browser_search.py)."""
    from axe_playwright_python.sync_playwright import Axe

    _, base_url = served
    rec = Recorder(browser, base_url, viewport=PHONE)
    try:
        return _walk(rec, [(url, url) for url in pages], base_url, Axe().axe_script)
    finally:
        rec.close()


def _walk(rec, urls: list[tuple[str, str]], base_url: str, axe_script: str) -> dict:
    """The walk proper: `urls` pairs the URL a page is known by with the one loaded."""
    rec.context.add_init_script(script=axe_script)  # axe-core, in every page
    light, dark = PALETTES
    results = {}
    for url, loaded in urls:
        rec.reset()
        rec.page.goto(
            loaded, wait_until="load"
        )  # not waiting for search here: test_browser_search.py does
        rec.settle()
        assert palette_of(rec.page) == light, f"{url} did not open in the light palette"
        for palette in (light, dark):
            if palette == dark:
                switch_palette(rec.page, dark)
            results[(palette, url)] = {
                "unmarked_chinese": rec.page.evaluate(UNMARKED_CHINESE_JS),
                "structure": rec.page.evaluate(STRUCTURE_JS),
                "glossary_pinyin": rec.page.evaluate(GLOSSARY_PINYIN_JS)
                if url.endswith("/glossary/")
                else None,
                "fit": rec.page.evaluate(FIT_JS),
                "axe": run_axe(
                    rec.page, AXE_OPTIONS if palette == light else AXE_COLOUR_OPTIONS, url, palette
                ),
            }
            screenshot(rec.page, base_url, url, f"phone-{palette}")
        rec.page.set_viewport_size(DESKTOP)
        for palette in (dark, light):
            if palette == light:
                switch_palette(rec.page, light)
            results[(palette, url)]["desktop_fit"] = rec.page.evaluate(FIT_JS)
            screenshot(rec.page, base_url, url, f"desktop-{palette}")
        rec.page.set_viewport_size(PHONE)
        rec.settle()
        for palette in PALETTES:
            results[(palette, url)].update(
                errors=list(rec.errors), failed=list(rec.failed), foreign=list(rec.foreign)
            )
    return results


def palette_of(page) -> str:
    """The palette the page shows: "light" or "dark" (Material's scheme on <body>)."""
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    return next(name for name, value in PALETTES.items() if value == scheme)


def switch_palette(page, palette: str) -> None:
    """Click the header's palette toggle, as a reader does, and wait until `palette` shows
    with every colour transition finished."""
    from playwright.sync_api import expect

    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", PALETTES[palette])
    finish_animations(page)


def run_axe(page, options: dict, url: str, palette: str) -> list[dict]:
    """axe-core's violations on the page as it is now, its transitions finished."""
    finish_animations(page)
    page.evaluate(AXE_START_JS, options)
    outcome = page.wait_for_function("() => window.__axeOutcome", timeout=120_000).json_value()
    assert "error" not in outcome, f"axe failed on {url} [{palette}]: {outcome['error']}"
    return outcome["violations"]


SCREENSHOTS = [
    "",
    "sources/shi-2014/",
    "themes/welfare-mix/",
    "terms/hukou/",
    "tracker/",
    "timeline/",
]


def screenshot(page, base_url: str, url: str, label: str) -> None:
    """The first screen of the home page, a source, a theme, a term page, the tracker and the
    timeline, into $GUIDE_SCREENSHOTS (CI keeps them as artefacts for a reviewer)."""
    import os
    from pathlib import Path

    folder, path = os.environ.get("GUIDE_SCREENSHOTS"), url[len(base_url) :]
    if folder and path in SCREENSHOTS:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(
            path=str(Path(folder) / f"{path.strip('/').replace('/', '-') or 'home'}-{label}.png")
        )


def overflow(fit: dict, where: str) -> list[str]:
    """What scrolls sideways on a page (FIT_JS's figures): the page itself, or a table."""
    problems = (
        [f"{where}: page {fit['page']} px wide in a {fit['inner']} px window"]
        if fit["page"] > fit["inner"]
        else []
    )
    return problems + [
        f"{where}: table '{t['head']}' {t['sw']} px in {t['cw']} px" for t in fit["tables"]
    ]
