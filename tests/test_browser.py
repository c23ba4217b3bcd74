"""Every page of the guide in a real browser (Chromium through Playwright), in both
palettes, on a 390 x 844 phone and a 1366 x 900 desktop: a clean visit (no console error,
no failed or off-site request), zero axe-core violations (WCAG 2.0/2.1/2.2 A and AA plus
best practice), Chinese marked lang="zh-Hans" and pinyin lang="zh-Latn-pinyin", one h1
and no skipped heading level, no sideways scrolling of a page or a table, the title in
the top third of a phone's screen.

The session's strict build is served at its site_url's path on 127.0.0.1, as GitHub
Pages serves a project site (tests/browser_fixtures.py, whose `walk` visits each page
once). Interactions are in test_browser_interactions.py, search in
test_browser_search.py, term cards in test_browser_terms.py.
"""

from __future__ import annotations

import re

import pytest
from browser_fixtures import DESKTOP, PALETTES, PHONE, Recorder, axe_violations, short
from browser_walk import overflow

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = sync_api.expect


def test_site_has_pages(pages, served):
    _, base_url = served
    assert base_url in pages and base_url + "glossary/" in pages, pages


def test_an_off_site_request_is_recorded_and_never_leaves(browser, served):
    """What the walk's "no off-site request" rests on: a page that asks another host for
    a stylesheet, an image or data has each attempt listed as off-site (not as a plain
    failure), and none of them is answered."""
    rec = Recorder(browser, served[1])
    try:
        rec.open(served[1] + "about/")
        outcome = rec.page.evaluate(
            """async () => {
          const link = Object.assign(document.createElement("link"), {rel: "stylesheet", href: "https://fonts.googleapis.com/css2?family=Noto+Sans"});
          const img = Object.assign(document.createElement("img"),"""
            """ {src: "http://cdn.example.org/logo.png", alt: ""});
          document.head.append(link); document.body.append(img);
          try { await fetch("https://www.example.com/data.json"); return "answered"; }"""
            """ catch (e) { return "refused"; }
        }"""
        )
        rec.settle()
        assert outcome == "refused"
        assert sorted(rec.foreign) == [
            "http://cdn.example.org/logo.png",
            "https://fonts.googleapis.com/css2?family=Noto+Sans",
            "https://www.example.com/data.json",
        ], rec.foreign
        assert not rec.failed, rec.failed
    finally:
        rec.close()


def test_the_walks_server_gives_a_small_search_index_and_every_other_file_as_built(
    served, served_as_built
):
    """The pages the walk and the other browser tests load (`served`) are the site's own;
    only the search index is cut to the home page's entries, with the site's search
    config. The search tests' server (`served_as_built`) gives the real index."""
    import json
    from urllib.request import urlopen

    from browser_walk import SEARCH_INDEX

    site_dir, url = served
    built = json.loads((site_dir / SEARCH_INDEX).read_text(encoding="utf-8"))
    small = json.loads(urlopen(url + SEARCH_INDEX).read())
    for path in (
        "",
        "glossary/",
        "assets/javascripts/workers/"
        + next((site_dir / "assets/javascripts/workers").glob("search.*.js")).name,
    ):
        target = site_dir / path / ("index.html" if path.endswith("/") or not path else "")
        assert urlopen(url + path).read() == target.read_bytes(), path
    assert small["config"] == built["config"]
    assert small["docs"] and {d["location"].split("#")[0] for d in small["docs"]} == {""}
    assert len(small["docs"]) < len(built["docs"]) / 20
    as_built = urlopen(served_as_built[1] + SEARCH_INDEX).read()
    assert as_built == (site_dir / SEARCH_INDEX).read_bytes()


def test_axe_in_both_palettes_finds_a_colour_only_the_dark_one_gets_wrong(browser, served):
    """What the open-state checks (a tooltip, a term card, search, a study round) rest on:
    axe_violations sees the dark palette too, with the page's state kept, and gives the
    page back in the light one."""
    rec = Recorder(browser, served[1])
    try:
        rec.open(served[1] + "about/")
        rec.page.evaluate(
            """() => {
          const style = document.createElement("style");
          style.textContent = '[data-md-color-scheme="slate"] #dim { color: #333 }';
          document.head.append(style);
          document.querySelector("article").prepend(Object.assign(document.createElement("p"),"""
            """ {id: "dim", textContent: "Hard to read at night"}));
        }"""
        )
        lines = axe_violations(rec.page)
        assert [line.split(":")[0] for line in lines] == ["[dark] color-contrast (serious)"], lines
        assert "#dim" in lines[0]
        assert (
            rec.page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            == PALETTES["light"]
        )
    finally:
        rec.close()


@pytest.mark.parametrize("palette", list(PALETTES))
def test_every_page_loads_cleanly(walk, served, pages, palette):
    """No console error, no failed request, no request to any other host, over a visit
    that shows the page on a phone and a desktop in both palettes."""
    problems = []
    for url in pages:
        r = walk[(palette, url)]
        problems += [f"{short(served[1], url)}: {e}" for e in r["errors"]]
        problems += [f"{short(served[1], url)}: failed {f}" for f in r["failed"]]
        problems += [f"{short(served[1], url)}: off-site request {f}" for f in r["foreign"]]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("palette", list(PALETTES))
def test_axe_finds_no_violations(walk, served, pages, palette):
    lines = []
    for url in pages:
        for v in walk[(palette, url)]["axe"]:
            targets = "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
            summary = v["nodes"][0].get("failureSummary", "").replace("\n", " ")[:300]
            lines.append(
                f"{short(served[1], url)} [{palette}] {v['id']} "
                f"({v['impact']}, {len(v['nodes'])} nodes): {targets} — {summary}"
            )
    assert not lines, "axe-core violations:\n" + "\n".join(lines)


def test_chinese_text_is_marked_zh_hans(walk, served, pages):
    problems = [
        f"{short(served[1], url)}: {text}"
        for url in pages
        for text in walk[("light", url)]["unmarked_chinese"]
    ]
    assert not problems, "Chinese text outside lang=zh-Hans:\n" + "\n".join(problems[:40])


def test_page_structure(walk, served, pages):
    """html lang="en", one h1, no skipped heading level, every img has alt."""
    problems = []
    for url in pages:
        s = walk[("light", url)]["structure"]
        where = short(served[1], url)
        if s["htmlLang"] != "en":
            problems.append(f"{where}: html lang={s['htmlLang']!r}")
        if s["h1Count"] != 1:
            problems.append(f"{where}: {s['h1Count']} h1 elements")
        problems += [f"{where}: heading skip {skip}" for skip in s["skips"]]
        problems += [f"{where}: img without alt {img}" for img in s["imgsWithoutAlt"]]
    assert not problems, "\n".join(problems)


def test_glossary_pinyin_is_marked(walk, served):
    entries = walk[("light", served[1] + "glossary/")]["glossary_pinyin"]
    assert len(entries) >= 10, f"only {len(entries)} rows in the glossary's by-characters index"
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


def test_no_page_or_table_scrolls_sideways_on_a_phone(walk, served, pages):
    assert walk[("light", pages[0])]["fit"]["inner"] == PHONE["width"]
    problems = [
        p
        for palette in PALETTES
        for url in pages
        for p in overflow(
            walk[(palette, url)]["fit"], f"{short(served[1], url)} [phone, {palette}]"
        )
    ]
    assert not problems, "\n".join(problems)


def test_title_starts_in_the_top_third_of_a_phone(walk, served, pages):
    late = [
        f"{short(served[1], url)}: h1 at {walk[('light', url)]['fit']['h1Top']:.0f} px"
        for url in pages
        if (walk[("light", url)]["fit"]["h1Top"] or 0) > PHONE["height"] / 3
    ]
    assert not late, "h1 below the top third of a 390 x 844 screen:\n" + "\n".join(late)


def test_no_page_or_table_scrolls_sideways_on_a_desktop(walk, served, pages):
    assert walk[("light", pages[0])]["desktop_fit"]["inner"] == DESKTOP["width"]
    problems = [
        p
        for palette in PALETTES
        for url in pages
        for p in overflow(
            walk[(palette, url)]["desktop_fit"], f"{short(served[1], url)} [desktop, {palette}]"
        )
    ]
    assert not problems, "\n".join(problems)
