"""The guide in a real browser (Chromium through Playwright): term tooltips and links,
search in English, pinyin and hanzi, excerpts and their attributions, both palettes,
and, on every page in both palettes, a clean load (no console error, no failed or
off-site request) and zero axe-core violations (WCAG 2.0/2.1/2.2 A and AA plus best
practice), with Chinese marked lang="zh-Hans" and pinyin lang="zh-Latn-pinyin".

The site is built strictly with site_url http://127.0.0.1:PORT/guide/ and served there,
as GitHub Pages serves a project site, so links are proved to work under a subpath.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from browser_support import LAUNCH_ARGS, build_site, find_chromium, free_socket, serve, site_pages

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = sync_api.expect

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
VIEWPORT = {"width": 1280, "height": 900}
PALETTES = {"light": "default", "dark": "slate"}
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
SEARCHES = [
    ("户口", "glossary/#hukou"),
    ("hukou", "glossary/#hukou"),
    ("hùkǒu", "glossary/#hukou"),
    ("household registration", "glossary/#hukou"),
    ("枢纽组织", "glossary/#shuniu-zuzhi"),
    ("shuniu zuzhi", "glossary/#shuniu-zuzhi"),
    ("hub organization", "glossary/#shuniu-zuzhi"),
]

# Runs in the page: every text node with Chinese (Han or CJK punctuation) whose closest
# [lang] is not zh-Hans.
UNMARKED_CHINESE_JS = r"""() => {
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
      bad.push(`<${where.tagName.toLowerCase()} class="${where.className}"> lang=${lang}: ${node.data.trim().slice(0, 60)}`);
    }
  }
  return bad;
}"""

# Runs in the page: the document's structure facts.
STRUCTURE_JS = r"""() => {
  const headings = [...document.body.querySelectorAll("h1, h2, h3, h4, h5, h6")];
  const skips = [];
  let previous = 0;
  for (const h of headings) {
    const level = Number(h.tagName[1]);
    if (level > previous + 1) skips.push(`h${previous} → h${level} "${h.textContent.trim().slice(0, 50)}"`);
    previous = level;
  }
  return {
    htmlLang: document.documentElement.getAttribute("lang"),
    imgsWithoutAlt: [...document.querySelectorAll("img:not([alt])")].map((i) => i.outerHTML.slice(0, 120)),
    h1Count: document.querySelectorAll("h1").length,
    skips,
    scheme: document.body.getAttribute("data-md-color-scheme"),
    background: getComputedStyle(document.body).backgroundColor,
  };
}"""

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

# Runs on the glossary page: each entry's pinyin element and its lang.
GLOSSARY_PINYIN_JS = r"""() => [...document.querySelectorAll("h3[id] + .glossary-entry")].map((entry) => {
  const line = entry.querySelector("p");
  const pinyin = line ? line.querySelector('[lang="zh-Latn-pinyin"]') : null;
  return {id: entry.previousElementSibling.id, pinyin: pinyin ? pinyin.textContent : null};
})"""


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """(site_dir, base_url): the guide built strictly for http://127.0.0.1:PORT/guide/
    and served there. The port is reserved before the build so site_url is exact."""
    sock = free_socket()
    base_url = f"http://127.0.0.1:{sock.getsockname()[1]}/guide/"
    site_dir = tmp_path_factory.mktemp("browser-site")
    try:
        build_site(site_dir, base_url)
    except BaseException:
        sock.close()
        raise
    with serve(site_dir, sock) as url:
        assert url == base_url
        yield site_dir, base_url


@pytest.fixture(scope="session")
def browser():
    with sync_api.sync_playwright() as playwright:
        path, reason = find_chromium(playwright)
        if path is None:
            pytest.skip(reason)
        browser = playwright.chromium.launch(executable_path=path, args=LAUNCH_ARGS, headless=True)
        yield browser
        browser.close()


class Recorder:
    """A browser context that routes every request: the local server's pass, any other
    host is aborted and recorded. Console errors, page errors and failed requests are
    recorded too, and requests in flight are counted so a page can be left only once
    everything it asked for (the search worker's index and scripts too) has arrived."""

    def __init__(self, browser, base_url: str, color_scheme: str = "light"):
        self.host = urlsplit(base_url).netloc
        self.context = browser.new_context(viewport=VIEWPORT, color_scheme=color_scheme, reduced_motion="reduce", service_workers="block")
        self.context.set_default_timeout(10_000)
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.inflight = 0
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("request", lambda r: self._count(+1))
        self.page.on("requestfinished", lambda r: self._count(-1))
        self.page.on("requestfailed", lambda r: (self._count(-1), self.failed.append(f"{r.url} ({r.failure})")))
        self.page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} (HTTP {r.status})"))

    def _count(self, step: int):
        self.inflight = max(0, self.inflight + step)

    def _route(self, route):
        url = route.request.url
        if urlsplit(url).netloc == self.host:
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort("blockedbyclient")

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
        Recorder.settle_all([self], quiet_ms, timeout_ms)

    @staticmethod
    def settle_all(recorders, quiet_ms: int = 100, timeout_ms: int = 10_000):
        """Wait until none of `recorders` has had a request in flight for `quiet_ms`."""
        recorders = list(recorders)
        waited = quiet = 0
        while quiet < quiet_ms and waited < timeout_ms:
            recorders[0].page.wait_for_timeout(20)  # lets every page's events through
            waited += 20
            quiet = 0 if any(r.inflight for r in recorders) else quiet + 20

    def close(self):
        self.context.close()


@pytest.fixture
def recorder(browser, served):
    rec = Recorder(browser, served[1])
    yield rec
    rec.close()


@pytest.fixture(scope="session")
def pages(served) -> list[str]:
    site_dir, base_url = served
    return site_pages(site_dir, base_url)


@pytest.fixture(scope="session")
def walk(browser, served, pages):
    """Every page, in both palettes, loaded once: what it logged and requested, axe's
    violations, unmarked Chinese text and structure facts. The tests below read this.

    The two palettes are two contexts (separate renderer processes) walked in step, and
    axe runs in both at once, so the walk uses both cores."""
    from axe_playwright_python.sync_playwright import Axe

    recorders = {palette: Recorder(browser, served[1], color_scheme=palette) for palette in PALETTES}
    results = {}
    try:
        for rec in recorders.values():
            rec.context.add_init_script(script=Axe().axe_script)  # axe-core, in every page
        for url in pages:
            for rec in recorders.values():  # both pages load at once
                rec.reset()
                rec.page.goto(url, wait_until="commit")
            for rec in recorders.values():
                rec.page.wait_for_load_state("load")
                rec.page.wait_for_function(SEARCH_READY_JS)
            Recorder.settle_all(recorders.values())
            for palette, rec in recorders.items():
                expect(rec.page.locator("body")).to_have_attribute("data-md-color-scheme", PALETTES[palette])
                results[(palette, url)] = {
                    "errors": list(rec.errors),
                    "failed": list(rec.failed),
                    "foreign": list(rec.foreign),
                    "unmarked_chinese": rec.page.evaluate(UNMARKED_CHINESE_JS),
                    "structure": rec.page.evaluate(STRUCTURE_JS),
                    "glossary_pinyin": rec.page.evaluate(GLOSSARY_PINYIN_JS) if url.endswith("/glossary/") else None,
                }
                rec.page.evaluate(AXE_START_JS, AXE_OPTIONS)
            for palette, rec in recorders.items():
                outcome = rec.page.wait_for_function("() => window.__axeOutcome", timeout=120_000).json_value()
                assert "error" not in outcome, f"axe failed on {url} [{palette}]: {outcome['error']}"
                results[(palette, url)]["axe"] = outcome["violations"]
    finally:
        for rec in recorders.values():
            rec.close()
    return results


def _short(base_url: str, url: str) -> str:
    return "/" + url[len(base_url) :] if url.startswith(base_url) else url


def _axe_violations(page) -> list[str]:
    """axe-core's violations on the page as it is now (a dialog or tooltip open), one line each."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    return [f"{v['id']} ({v['impact']}): " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5]) for v in violations]


# --------------------------------------------------------------------------- every page


def test_site_has_pages(pages, served):
    _, base_url = served
    assert base_url in pages and base_url + "glossary/" in pages, pages


@pytest.mark.parametrize("palette", list(PALETTES))
def test_every_page_loads_cleanly(walk, served, pages, palette):
    """No console error, no failed request, no request to any other host."""
    problems = []
    for url in pages:
        r = walk[(palette, url)]
        problems += [f"{_short(served[1], url)}: {e}" for e in r["errors"]]
        problems += [f"{_short(served[1], url)}: failed {f}" for f in r["failed"]]
        problems += [f"{_short(served[1], url)}: off-site request {f}" for f in r["foreign"]]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("palette", list(PALETTES))
def test_axe_finds_no_violations(walk, served, pages, palette):
    lines = []
    for url in pages:
        for v in walk[(palette, url)]["axe"]:
            targets = "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
            summary = v["nodes"][0].get("failureSummary", "").replace("\n", " ")[:300]
            lines.append(f"{_short(served[1], url)} [{palette}] {v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {targets} — {summary}")
    assert not lines, "axe-core violations:\n" + "\n".join(lines)


def test_chinese_text_is_marked_zh_hans(walk, served, pages):
    problems = [f"{_short(served[1], url)}: {text}" for url in pages for text in walk[("light", url)]["unmarked_chinese"]]
    assert not problems, "Chinese text outside lang=zh-Hans:\n" + "\n".join(problems[:40])


def test_page_structure(walk, served, pages):
    """html lang="en", one h1, no skipped heading level, every img has alt."""
    problems = []
    for url in pages:
        s = walk[("light", url)]["structure"]
        where = _short(served[1], url)
        if s["htmlLang"] != "en":
            problems.append(f"{where}: html lang={s['htmlLang']!r}")
        if s["h1Count"] != 1:
            problems.append(f"{where}: {s['h1Count']} h1 elements")
        problems += [f"{where}: heading skip {skip}" for skip in s["skips"]]
        problems += [f"{where}: img without alt {img}" for img in s["imgsWithoutAlt"]]
    assert not problems, "\n".join(problems)


def test_glossary_pinyin_is_marked(walk, served):
    entries = walk[("light", served[1] + "glossary/")]["glossary_pinyin"]
    assert len(entries) >= 10, f"only {len(entries)} glossary entries found"
    tone_latin = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff' ,·-]+$")
    bad = [e for e in entries if not e["pinyin"] or not tone_latin.match(e["pinyin"].strip())]
    assert not bad, f"entries without a lang=zh-Latn-pinyin pinyin element: {bad}"


def test_both_palettes_render(walk, served):
    def luminance(css: str) -> float:
        r, g, b = (int(x) for x in re.findall(r"\d+", css)[:3])
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255

    home = served[1]
    light, dark = walk[("light", home)]["structure"], walk[("dark", home)]["structure"]
    assert light["scheme"] == "default" and dark["scheme"] == "slate"
    assert luminance(light["background"]) > 0.8, light["background"]
    assert luminance(dark["background"]) < 0.3, dark["background"]


# --------------------------------------------------------------------------- interactions


def test_palette_toggle_flips_and_persists(recorder, served):
    page = recorder.page
    recorder.open(served[1])
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    for target in ("slate", "default"):
        page.locator("form[data-md-component=palette] label:visible").click()
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
        if 'glossary/#hukou" title="户口 · hùkǒu · household registration"' in (site_dir / p / "index.html").read_text(encoding="utf-8"):
            return p
    raise AssertionError("neither the home page nor Shi (2014)'s page links the term hukou")


TOOLTIP = "#guide-tooltip"


def test_term_tooltip_and_link_to_glossary(recorder, served):
    site_dir, base_url = served
    page = recorder.page
    recorder.open(base_url + _term_page(site_dir))
    link = page.locator('article a[href$="glossary/#hukou"]').first
    expect(link).to_be_visible()
    link.hover()
    tooltip = page.locator(TOOLTIP)
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_attribute("role", "tooltip")
    lines = tooltip.locator(".guide-tooltip__line").all_inner_texts()
    assert lines == ["户口", "hùkǒu", "household registration"], lines
    expect(tooltip.locator('[lang="zh-Hans"]')).to_have_text("户口")
    expect(tooltip.locator('[lang="zh-Latn-pinyin"]')).to_have_text("hùkǒu")
    assert page.evaluate(UNMARKED_CHINESE_JS) == [], "tooltip Chinese is not marked zh-Hans"
    # The browser's own tooltip would show the title again: it is moved while ours shows.
    expect(link).not_to_have_attribute("title", re.compile(".*"))
    expect(link).to_have_attribute("aria-describedby", "guide-tooltip")
    recorder.follow(link)
    expect(page).to_have_url(served[1] + "glossary/#hukou")
    heading = page.locator("h3#hukou")
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
    link = page.locator('article a[href$="glossary/#hukou"]').first
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


@pytest.mark.parametrize("palette", list(PALETTES))
def test_open_tooltip_passes_axe_and_fits_a_phone(browser, served, palette):
    """With a tooltip showing, in both palettes: zero axe violations (its contrast
    included), and on a 360 px wide screen it stays inside the screen."""
    site_dir, base_url = served
    rec = Recorder(browser, base_url, color_scheme=palette)
    try:
        rec.page.set_viewport_size({"width": 360, "height": 740})
        rec.open(base_url + _term_page(site_dir))
        links = rec.page.locator('article a[href*="glossary/#"][title]')
        assert links.count() >= 3
        tooltip = rec.page.locator(TOOLTIP)
        for link in (links.first, links.last):
            link.scroll_into_view_if_needed()
            link.hover()
            expect(tooltip).to_be_visible()
            box = tooltip.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360, f"tooltip leaves the screen: {box}"
        lines = _axe_violations(rec.page)
        assert not lines, f"axe-core violations with a tooltip open [{palette}]:\n" + "\n".join(lines)
        assert not rec.errors and not rec.foreign and not rec.failed
    finally:
        rec.close()


def test_glossary_jumps_land_on_their_heading(recorder, served):
    """Entries far down the glossary are laid out only when near the screen
    (content-visibility): the letter bar and the by-characters table still land the
    reader on the heading they chose."""
    page = recorder.page
    recorder.open(served[1] + "glossary/")
    letters = page.locator("nav.letter-bar a")
    last = letters.last
    target = last.get_attribute("href")
    last.click()
    heading = page.locator(f"h2{target}")
    expect(heading).to_be_in_viewport()
    page.evaluate("() => window.scrollTo(0, 0)")
    page.locator('article a[href="#by-characters"]').first.click()
    expect(page.locator("h2#by-characters")).to_be_in_viewport()
    row = page.locator(".glossary-by-characters tbody tr").first
    expect(row).to_be_visible()
    entry = row.locator("a")
    key = entry.get_attribute("href")
    entry.click()
    expect(page.locator(f"h3{key}")).to_be_in_viewport()
    assert not recorder.errors


def _type_like_a_reader(page, cdp, text: str):
    """Type `text` with real key presses. Chinese comes the way an input method sends
    it: a composition, committed as text, then the commit key's keyup (Material's search
    reads the box on keyup, which an IME's Space or Enter also produces)."""
    for run in re.findall(f"[{HAN}]+|[^{HAN}]+", text):
        if re.match(f"[{HAN}]", run):
            cdp.send("Input.imeSetComposition", {"text": run, "selectionStart": len(run), "selectionEnd": len(run)})
            cdp.send("Input.insertText", {"text": run})
            page.keyboard.up("Space")
        else:
            page.keyboard.type(run, delay=15)


def _visible_results(page, base_url: str) -> list[str]:
    """The search results a reader sees, in order, as path#fragment under the site (the
    ?h= highlight parameter dropped). Sections folded into "more on this page" are not
    visible and do not count."""
    hrefs = page.locator(".md-search-result__list a.md-search-result__link").evaluate_all("as => as.filter(a => a.checkVisibility()).map(a => a.href)")
    out = []
    for href in hrefs:
        parts = urlsplit(href)
        out.append(_short(base_url, f"{parts.scheme}://{parts.netloc}{parts.path}") + (f"#{parts.fragment}" if parts.fragment else ""))
    return out


@pytest.mark.parametrize(("query", "target"), SEARCHES, ids=[q for q, _ in SEARCHES])
def test_search_finds_glossary_entry(recorder, served, query, target):
    """The entry is among the first three results a reader sees."""
    page = recorder.page
    base_url = served[1]
    recorder.open(base_url)
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    _type_like_a_reader(page, recorder.context.new_cdp_session(page), query)
    expect(box).to_have_value(query)
    wanted = "/" + target
    top: list[str] = []
    for _ in range(40):  # results settle after the last key press
        top = _visible_results(page, base_url)[:3]
        if wanted in top:
            break
        page.wait_for_timeout(100)
    meta = page.locator(".md-search-result__meta").inner_text()
    assert wanted in top, f"search {query!r}: first results {top} ({meta}) lack {wanted}"
    unmarked = page.evaluate(UNMARKED_CHINESE_JS)
    assert not unmarked, f"Chinese in search results outside lang=zh-Hans: {unmarked[:5]}"
    assert not recorder.errors and not recorder.foreign


@pytest.mark.parametrize("palette", list(PALETTES))
def test_open_search_with_results_passes_axe(browser, served, palette):
    """The walk checks pages with search closed; this checks the open search dialog,
    its results and their highlighting, in both palettes."""
    rec = Recorder(browser, served[1], color_scheme=palette)
    try:
        rec.open(served[1])
        rec.page.keyboard.press("/")
        rec.page.keyboard.type("hukou", delay=15)
        expect(rec.page.locator(".md-search-result__list a.md-search-result__link").first).to_be_visible()
        lines = _axe_violations(rec.page)
        assert not lines, f"axe-core violations with search open [{palette}]:\n" + "\n".join(lines)
        assert not rec.errors and not rec.foreign and not rec.failed
    finally:
        rec.close()


def _excerpt_page(site_dir, base_url) -> str | None:
    """A page that shows an excerpt by {{ excerpt() }}: one whose blockquote.excerpt
    cites another page. Theme pages first."""
    candidates = sorted(site_dir.rglob("index.html"), key=lambda p: ("themes" not in p.parts, str(p)))
    for path in candidates:
        html = path.read_text(encoding="utf-8")
        if re.search(r'<cite><a href="\.\./[^"#]*#', html) and 'class="excerpt"' in html:
            rel = path.parent.relative_to(site_dir).as_posix()
            return base_url + ("" if rel == "." else rel + "/")
    return None


def test_excerpt_attribution_leads_to_source_then_glossary(recorder, served):
    site_dir, base_url = served
    start = _excerpt_page(site_dir, base_url)
    if start is None:
        pytest.skip("no page shows an excerpt from another page yet (theme pages use {{ excerpt() }})")
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
    key = urlsplit(term.get_attribute("href")).fragment
    recorder.follow(term)
    expect(page).to_have_url(base_url + "glossary/#" + key)
    heading = page.locator(f"h3#{key}")
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
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    others = [f for f in recorder.failed if "/no/such/page/" not in f]
    assert not others and not recorder.foreign and not recorder.errors, (others, recorder.foreign, recorder.errors)


# --------------------------------------------------------------------------- fits a phone

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
SCREENSHOTS = ["", "sources/shi-2014/", "themes/welfare-mix/", "tracker/", "timeline/"]

# Runs in the page: sideways overflow of the page and of every table, and where the h1 starts.
FIT_JS = r"""() => {
  const tables = [...document.querySelectorAll("article table")].filter((t) => t.offsetParent)
    .map((t) => ({sw: t.scrollWidth, cw: t.parentElement.clientWidth, head: t.rows[0] ? t.rows[0].textContent.trim().slice(0, 40) : ""}))
    .filter((t) => t.sw > t.cw + 1);
  const h1 = document.querySelector("article h1");
  return {page: document.documentElement.scrollWidth, inner: innerWidth, tables,
          h1Top: h1 ? h1.getBoundingClientRect().top + scrollY : null};
}"""


@pytest.fixture(scope="session")
def fit_walk(browser, served, pages, tmp_path_factory):
    """Every page at 390 x 844 and 1366 x 900, light and dark: overflow, console errors,
    axe at phone size (the stacked tables are the phone's own layout), and screenshots
    of five page types into $GUIDE_SCREENSHOTS when it is set."""
    import os
    from pathlib import Path

    from axe_playwright_python.sync_playwright import Axe

    shots = os.environ.get("GUIDE_SCREENSHOTS")
    results = {}
    for size, viewport in SIZES.items():
        recorders = {p: Recorder(browser, served[1], color_scheme=p) for p in PALETTES}
        try:
            for rec in recorders.values():
                rec.page.set_viewport_size(viewport)
                if size == "phone":
                    rec.context.add_init_script(script=Axe().axe_script)
            for url in pages:
                for rec in recorders.values():
                    rec.reset()
                    rec.page.goto(url, wait_until="load")
                    rec.page.wait_for_function(SEARCH_READY_JS)
                Recorder.settle_all(recorders.values())
                for palette, rec in recorders.items():
                    results[(size, palette, url)] = {"fit": rec.page.evaluate(FIT_JS), "errors": list(rec.errors) + list(rec.failed) + list(rec.foreign)}
                    if size == "phone":
                        rec.page.evaluate(AXE_START_JS, AXE_OPTIONS)
                    short = url[len(served[1]) :]
                    if shots and short in SCREENSHOTS:
                        name = (short.strip("/").replace("/", "-") or "home") + f"-{size}-{palette}.png"
                        Path(shots).mkdir(parents=True, exist_ok=True)
                        rec.page.screenshot(path=str(Path(shots) / name), full_page=False)
                if size == "phone":
                    for palette, rec in recorders.items():
                        outcome = rec.page.wait_for_function("() => window.__axeOutcome", timeout=120_000).json_value()
                        results[(size, palette, url)]["axe"] = outcome.get("violations", [outcome.get("error")])
        finally:
            for rec in recorders.values():
                rec.close()
    return results


@pytest.mark.parametrize("size", list(SIZES))
def test_no_page_or_table_scrolls_sideways(fit_walk, served, pages, size):
    problems = []
    for palette in PALETTES:
        for url in pages:
            fit = fit_walk[(size, palette, url)]["fit"]
            where = f"{_short(served[1], url)} [{size}, {palette}]"
            if fit["page"] > fit["inner"]:
                problems.append(f"{where}: page {fit['page']} px wide in a {fit['inner']} px window")
            problems += [f"{where}: table '{t['head']}' {t['sw']} px in {t['cw']} px" for t in fit["tables"]]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("size", list(SIZES))
def test_every_size_loads_without_errors(fit_walk, served, pages, size):
    problems = [f"{_short(served[1], url)} [{size}, {p}]: {e}" for p in PALETTES for url in pages for e in fit_walk[(size, p, url)]["errors"]]
    assert not problems, "\n".join(problems)


def test_axe_finds_no_violations_on_a_phone(fit_walk, served, pages):
    lines = [
        f"{_short(served[1], url)} [phone, {p}] {v['id'] if isinstance(v, dict) else v}: " + ("; ".join(" ".join(n["target"]) for n in v["nodes"][:5]) if isinstance(v, dict) else "")
        for p in PALETTES for url in pages for v in fit_walk[("phone", p, url)]["axe"]
    ]
    assert not lines, "axe-core violations at 390 px:\n" + "\n".join(lines)


def test_title_starts_in_the_top_third_of_a_phone(fit_walk, served, pages):
    late = [f"{_short(served[1], url)}: h1 at {fit_walk[('phone', 'light', url)]['fit']['h1Top']:.0f} px"
            for url in pages if (fit_walk[("phone", "light", url)]["fit"]["h1Top"] or 0) > 844 / 3]
    assert not late, "h1 below the top third (281 px) of a 390 x 844 screen:\n" + "\n".join(late)


def test_timeline_filters_by_source(recorder, served):
    page = recorder.page
    recorder.open(served[1] + "timeline/")
    rows = page.locator("article tbody tr")
    total = rows.count()
    page.get_by_role("button", name="Gong (2012)").click()
    shown = page.locator("article tbody tr:not([hidden])")
    assert 0 < shown.count() < total
    assert all("sources/gong-2012/" in h for h in shown.locator("td:last-child a").evaluate_all("(as) => as.map((a) => a.href)"))
    expect(page.locator(".timeline-count")).to_have_text(f"{shown.count()} of {total} events")
    page.get_by_role("button", name="All sources").click()
    assert page.locator("article tbody tr:not([hidden])").count() == total
