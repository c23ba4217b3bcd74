"""A reader's surface, a contributor's surface: the built pages that readers see carry no
workshop text (data files, macros, make commands, the scheduler's paper, stable ids: that
is CONTRIBUTING.md's, and About's); the benchmark's figures are no page of the site (nor
in its sitemap or search index); every page has a "Report a problem" link to the issue
form with the page filled in, only where the site has a GitHub repository; and the 404
page works under any base path."""

from __future__ import annotations

import functools
import re
import threading
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from browser_fixtures import Recorder

from bench.report import END, START, write_page
from studyguide import ROOT

# Pages a contributor may be sent to, where workshop words are in place.
EXEMPT = {"about/index.html", "contribute/index.html"}
WORKSHOP = {
    "a data file's name": re.compile(r"\b[\w./-]+\.ya?ml\b"),
    "macro syntax": re.compile(r"\{\{|\{%|\bterm\("),
    "macros": re.compile(r"\bmacros?\b(?!-)", re.I),
    "the scheduler's paper": re.compile(r"\bSM-2\b|SuperMemo|Wo[zź]niak"),
    "stable ids": re.compile(r"\bstable ids?\b|\bsame id\b", re.I),
    "a make command": re.compile(
        r"\bmake\s+(?:help|serve|build|test|pdf|epub|offline|bench|lint|lock|clean|ci-local)\b|^make$"
    ),
}
REPORT_FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "report-an-error.yml"
REPORT_LINK = re.compile(r'<p class="guide-report">\s*<a href="([^"]+)"')


class _VisibleText(HTMLParser):
    """The text a reader can see: no markup, attribute values, comments or scripts."""

    def __init__(self):
        super().__init__()
        self.hidden = 0
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style", "template")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style", "template") and self.hidden > 0

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.chunks.append(" ".join(data.split()))


def workshop_text(html: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(html)
    return [
        f"{what}: {chunk[:90]!r}"
        for chunk in parser.chunks
        for what, pattern in WORKSHOP.items()
        if pattern.search(chunk)
    ]


def reader_pages(site: Path) -> list[Path]:
    return [
        p
        for p in sorted(site.rglob("*.html"))
        if p.relative_to(site).as_posix() not in EXEMPT
        and "assets" not in p.relative_to(site).parts
    ]


def test_the_scan_finds_workshop_text_and_leaves_plain_english_alone():
    bad = (
        '<p>Link a term with <code>{{ term("hukou") }}</code> (see the macros), '
        "run <code>make build</code>, edit <code>glossary.yaml</code>.</p>"
        "<p>SM-2 (Woźniak, 1990); each card keeps the same id.</p>"
    )
    assert {hit.split(":")[0] for hit in workshop_text(bad)} == set(WORKSHOP)
    fine = (
        '<p>Loosening rules "to make more room" for NGOs, seen from a "macro-perspective".</p>'
        "<!-- made from glossary.yaml by a macro -->"
        "<script>var macros = '{{ make build }}';</script>"
    )
    assert workshop_text(fine) == []


def test_reader_pages_carry_no_workshop_text(site):
    problems = [
        f"{page.relative_to(site)}: {hit}"
        for page in reader_pages(site)
        for hit in workshop_text(page.read_text(encoding="utf-8"))
    ]
    assert not problems, (
        "workshop text on reader pages (move it to CONTRIBUTING.md):\n" + "\n".join(problems[:20])
    )


def test_benchmarks_are_in_neither_the_sitemap_nor_the_search_index(site):
    assert not (site / "benchmarks").exists()
    assert "benchmarks" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "benchmarks" not in (site / "search" / "search_index.json").read_text(encoding="utf-8")


def test_the_bench_writes_its_table_into_its_readme_between_the_markers(tmp_path):
    readme = (ROOT / "bench" / "README.md").read_text(encoding="utf-8")
    assert readme.count(START) == readme.count(END) == 1, (
        "bench/README.md needs exactly one pair of markers"
    )
    copy = tmp_path / "README.md"
    copy.write_text(readme, encoding="utf-8")
    write_page(copy, "| new | table |")
    before, after = readme.split(START)[0], readme.split(END)[1]
    assert copy.read_text(encoding="utf-8") == f"{before}{START}\n\n| new | table |\n\n{END}{after}"


def report_links(site: Path) -> dict[str, str]:
    """Each page with a "Report a problem" link: its href, unescaped."""
    found = {}
    for page in sorted(site.rglob("index.html")):
        if "assets" not in page.relative_to(site).parts and (
            m := REPORT_LINK.search(page.read_text(encoding="utf-8"))
        ):
            found[page.relative_to(site).as_posix()] = m[1].replace("&amp;", "&")
    return found


def test_every_page_has_a_report_link_with_the_page_filled_in(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    repo = re.search(r'<a href="([^"]+)" title="[^"]*" class="md-source"', home)
    links = report_links(site)
    if repo is None or "github.com/" not in repo[1]:
        assert links == {}, "a report link in a site without a GitHub repository"
        return
    form = yaml.safe_load(REPORT_FORM.read_text(encoding="utf-8"))
    fields = {item["id"] for item in form["body"] if "id" in item}
    pages = [
        p.relative_to(site).as_posix()
        for p in sorted(site.rglob("index.html"))
        if "assets" not in p.relative_to(site).parts
    ]
    assert sorted(links) == pages, (
        f"pages without a report link: {sorted(set(pages) - set(links))[:10]}"
    )
    for name, href in links.items():
        url = urlsplit(href)
        assert f"{url.scheme}://{url.netloc}{url.path}" == repo[1].rstrip("/") + "/issues/new", href
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        assert query["template"] == REPORT_FORM.name
        assert set(query) - {"template", "title"} <= fields, (
            f"{name}: fields the form lacks: {set(query) - fields}"
        )
        assert query["title"].startswith(form["title"].strip())
        canonical = re.search(
            r'<link rel="canonical" href="([^"]+)"', (site / name).read_text(encoding="utf-8")
        )
        assert query["page"] == (canonical[1] if canonical else f"docs/{Path(name).parent}.md"), (
            name
        )


def test_no_report_link_without_a_repository(site_without_repository):
    """Built with no repository address (no REPO_URL, and a git origin that is no GitHub
    repository: conftest's site_without_repository), no page links to an issue form, and
    About says why."""
    assert report_links(site_without_repository) == {}
    about = (site_without_repository / "about" / "index.html").read_text(encoding="utf-8")
    assert "/issues/new" not in about and "built without the address of its repository" in about


class _Host(SimpleHTTPRequestHandler):
    """Serves the site under `prefix` and answers any other path with 404.html and a 404
    status, as GitHub Pages does."""

    def __init__(self, *args, prefix: str, **kwargs):
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # noqa: A002 - keep test output quiet
        pass

    def send_head(self):
        path = urlsplit(self.path).path
        target = (
            Path(self.directory) / path[len(self.prefix) :]
            if path.startswith(self.prefix)
            else None
        )
        if target is not None and target.is_dir():
            target = target / "index.html"
        if target is None or not target.is_file():
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None
        self.path = "/" + target.relative_to(self.directory).as_posix()
        return super().send_head()


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["/guide/", "/"])
def test_the_404_page_works_under_any_base_path(browser, site, prefix):
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Host, directory=str(site), prefix=prefix)
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    recorder = Recorder(browser, base)
    try:
        response = recorder.open(
            base + "sources/no/such/page/"
        )  # search ready: its worker found the index
        assert response.status == 404
        page = recorder.page
        assert (
            page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
            == "sticky"
        )
        assert page.locator("article a", has_text="home page").evaluate("a => a.href") == base
        assert page.locator("a.md-nav__link[href]").first.evaluate("a => a.href").startswith(base)
        others = [f for f in recorder.failed if "/no/such/page/" not in f]
        errors = [e for e in recorder.errors if "status of 404" not in e]
        assert not others and not errors and not recorder.foreign, (
            others,
            errors,
            recorder.foreign,
        )
    finally:
        recorder.close()
        server.shutdown()
        server.server_close()
