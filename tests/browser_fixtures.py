"""Fixtures and helpers shared by the browser tests (tests/test_browser*.py): the session's
strict build of the guide served at its site_url's path on 127.0.0.1, a Chromium, a Recorder
(a context that records console errors, failed and off-site requests), and the walk over
every page (tests/browser_walk.py). tests/conftest.py imports the fixtures, so each is made once
per session however many files use it. Playwright is imported only when a browser test
runs (the other tests need no browser)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser_support import (
    LAUNCH_ARGS,
    SEARCH_INDEX,
    find_chromium,
    free_socket,
    serve,
    site_pages,
    small_search_index,
)

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
# The axe rules whose outcome depends on colour, run again in the dark palette.
AXE_COLOUR_OPTIONS = {
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    "resultTypes": ["violations"],
}
VIEWPORT = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}  # the walk over every page is at phone size: phone first
DESKTOP = {"width": 1366, "height": 900}
PALETTES = {"light": "default", "dark": "slate"}
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# Term pages the walk loads (the rest share their template; tests/test_site_terms.py
# checks every one in the HTML).
TERM_SAMPLE = ("hukou", "weiquan", "shehui-zuzhi")

# Runs in the page: every text node with Chinese (Han or CJK punctuation) whose closest
# [lang] is not zh-Hans.
UNMARKED_CHINESE_JS = (
    r"""() => {
  const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
  const skip = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"]);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const bad = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!CJK.test(node.data) || skip.has(node.parentElement.tagName)) continue;
    const owner = node.parentElement.closest("[lang]");
    const lang = owner ? owner.getAttribute("lang") : null;
    if (lang !== "zh-Hans") {
      const where = node.parentElement;
      bad.push(`<${where.tagName.toLowerCase()} class="${where.className}">"""
    r""" lang=${lang}: ${node.data.trim().slice(0, 60)}`);
    }
  }
  return bad;
}"""
)

# Material's search is ready once its worker has loaded the index and the lunr scripts.
SEARCH_READY_JS = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  return meta && meta.textContent.trim() !== "" && !/Initializing/i.test(meta.textContent);
}"""

# Starts axe without waiting for it; the outcome lands in window.__axeOutcome.
AXE_START_JS = """(options) => {
  window.__axeOutcome = null;
  axe.run(document, options).then(
    (r) => { window.__axeOutcome = {violations: r.violations}; },
    (e) => { window.__axeOutcome = {error: String(e)}; });
}"""


@pytest.fixture(scope="session")
def served(site):
    """(site_dir, base_url): the session's strict build of the guide (the `site` fixture,
    built once for every worker) served at http://127.0.0.1:PORT/<site_url's path>, as
    GitHub Pages serves a project site, every file as built but the search index, which
    holds only the home page's entries (browser_support.small_search_index: each page
    load builds the index in Material's search worker, and the whole index is the same
    for every page). Pages link one another relatively, so the site works there; the
    absolute URLs (canonical link, sitemap) name the real host, which no page may request:
    the Recorder fails any request that leaves the local server."""
    with serve(site, free_socket(), replace={SEARCH_INDEX: small_search_index(site)}) as base_url:
        yield site, base_url


@pytest.fixture(scope="session")
def served_as_built(site):
    """(site_dir, base_url): as `served`, every file as built, the real search index too:
    for the tests that search (test_browser_search.py)."""
    with serve(site, free_socket()) as base_url:
        yield site, base_url


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        path, reason = find_chromium(playwright)
        if path is None:
            pytest.skip(reason)
        browser = playwright.chromium.launch(executable_path=path, args=LAUNCH_ARGS, headless=True)
        yield browser
        browser.close()


class Recorder:
    """A browser context that records every request to another host than the local
    server's (the browser cannot resolve any other: LAUNCH_ARGS). Console errors, page
    errors and failed requests are recorded too, and requests in flight are counted so a
    page can be left only once everything it asked for (the search worker's index and
    scripts too) has arrived."""

    def __init__(
        self,
        browser,
        base_url: str,
        color_scheme: str = "light",
        viewport: dict | None = None,
        javascript: bool = True,
    ):
        self.host = urlsplit(base_url).netloc
        self.context = browser.new_context(
            viewport=viewport or VIEWPORT,
            color_scheme=color_scheme,
            reduced_motion="reduce",
            service_workers="block",
            java_script_enabled=javascript,
        )
        self.context.set_default_timeout(10_000)
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.inflight = 0
        self.page = self.context.new_page()
        self.page.on(
            "console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}")
        )
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("request", self._request)
        self.page.on("requestfinished", lambda r: self._count(-1))
        self.page.on("requestfailed", self._failed)
        self.page.on(
            "response",
            lambda r: r.status >= 400 and self.failed.append(f"{r.url} (HTTP {r.status})"),
        )

    def _count(self, step: int):
        self.inflight = max(0, self.inflight + step)

    def _is_foreign(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != self.host

    def _request(self, request):
        self._count(+1)
        if self._is_foreign(request.url):
            self.foreign.append(
                request.url
            )  # the browser cannot reach it (LAUNCH_ARGS' resolver rule)

    def _failed(self, request):
        self._count(-1)
        if not self._is_foreign(
            request.url
        ):  # an off-site request fails by design: it is listed as foreign
            self.failed.append(f"{request.url} ({request.failure})")

    def reset(self):
        self.foreign.clear()
        self.errors.clear()
        self.failed.clear()

    def open(self, url: str):
        """Load `url` and wait until search is ready and no request is in flight."""
        response = self.page.goto(url, wait_until="load")
        self.arrive()
        return response

    def follow(self, link):
        """Click `link`, which leads to another page, and arrive there."""
        with self.page.expect_navigation(wait_until="load"):
            link.click()
        self.arrive()

    def arrive(self):
        """After a navigation: wait for the load, search ready, nothing in flight."""
        self.page.wait_for_load_state("load")
        self.page.wait_for_function(SEARCH_READY_JS)
        self.settle()

    def settle(self, quiet_ms: int = 100, timeout_ms: int = 10_000):
        """Wait until no request has been in flight for `quiet_ms`."""
        waited = quiet = 0
        while quiet < quiet_ms and waited < timeout_ms:
            self.page.wait_for_timeout(20)  # lets the page's events through
            waited += 20
            quiet = 0 if self.inflight else quiet + 20

    def close(self):
        self.context.close()


# A phone as a reader holds it: 390x844, touch, no hover.
TOUCH_PHONE = {"viewport": PHONE, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}


class TouchPhone(Recorder):
    """A Recorder whose context is a touch phone (TOUCH_PHONE)."""

    def __init__(self, browser, base_url: str, color_scheme: str = "light"):
        original = browser.new_context
        browser.new_context = lambda **kw: original(**{**kw, **TOUCH_PHONE})
        try:
            super().__init__(browser, base_url, color_scheme)
        finally:
            browser.new_context = original


@pytest.fixture
def recorder(browser, served):
    rec = Recorder(browser, served[1])
    yield rec
    rec.close()


@pytest.fixture(scope="session")
def pages(served) -> list[str]:
    """Every page but the term pages (one template, 50 pages), of which a sample: the
    first, one with excerpts from several sources, one that no excerpt uses."""
    site_dir, base_url = served
    every = site_pages(site_dir, base_url)
    terms = [u for u in every if "/terms/" in u]
    sample = {terms[0], *(base_url + f"terms/{key}/" for key in TERM_SAMPLE)}
    return [u for u in every if "/terms/" not in u or u in sample]


def finish_animations(page) -> None:
    """Jump every finite CSS transition and animation to its end, so what is measured next
    (colours for axe, the background's luminance) is the settled page, not a frame of a
    fade (Material fades the header title and button colours). A fade can start a frame
    after what caused it (the header title swaps after a scroll that focus made), so this
    repeats, a few frames apart, until a round finds none running."""
    page.evaluate(
        """async () => {
      const frame = () => new Promise((done) =>"""
        """ requestAnimationFrame(() => requestAnimationFrame(done)));
      for (let round = 0; round < 20; round++) {
        const running = document.getAnimations().filter((a) =>
          a.playState === "running" && a.effect"""
        """ && a.effect.getComputedTiming().endTime !== Infinity);
        running.forEach((a) => a.finish());
        await frame();
        if (!running.length && round > 0) return;
      }
    }"""
    )


def short(base_url: str, url: str) -> str:
    return "/" + url[len(base_url) :] if url.startswith(base_url) else url


def show_palette(page, palette: str) -> None:
    """Show `palette` in place, without a click: set the attribute Material's palette
    toggle sets on <body> (its colours and ours read nothing else), so an open tooltip,
    card or search dialog stays open. A reader's click on the toggle would close it; the
    walk (tests/browser_walk.py) and test_palette_toggle_flips_and_persists click it."""
    page.evaluate(
        "(scheme) => document.body.setAttribute('data-md-color-scheme', scheme)", PALETTES[palette]
    )
    finish_animations(page)


def axe_violations(page) -> list[str]:
    """axe-core's violations on the page as it is now (a dialog or tooltip open), one line
    each, in both palettes: every rule in the light one, then the rules that depend on
    colour in the dark one (the others read the document's structure, which the palette
    does not change), the state kept open between them (show_palette)."""
    from axe_playwright_python.sync_playwright import Axe

    axe, lines = Axe(), []
    for palette, options in (("light", AXE_OPTIONS), ("dark", AXE_COLOUR_OPTIONS)):
        show_palette(page, palette)
        violations = axe.run(page, options=options).response["violations"]
        lines += [
            f"[{palette}] {v['id']} ({v['impact']}): "
            + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
            for v in violations
        ]
    show_palette(page, "light")
    return lines
