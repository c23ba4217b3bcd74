"""Row 3, page weight: each page's HTML with the CSS and JavaScript it references, gzipped."""

from __future__ import annotations

import gzip
import statistics
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

from bench.report import Report
from studyguide.practice.web_app import practice_scripts

GZIP_LEVEL = 6  # the usual server default (nginx and Apache default lower, GitHub Pages similar)
BUDGET_PAGE_KIB = 150.0


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.urls.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.urls.append(a["src"])


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def bench_weight(report: Report, site: Path) -> None:
    report.section("3. Page weight (gzip)")
    cache: dict[Path, int] = {}
    weights = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue
        html = page.read_bytes()
        parser = Assets()
        parser.feed(html.decode("utf-8"))
        parser.urls += practice_scripts(html.decode("utf-8"))  # added by study-guide.js
        base = "http://x/" + page.relative_to(site).as_posix()
        assets = 0
        for url in dict.fromkeys(parser.urls):
            target = urlparse(urljoin(base, url))
            if target.netloc != "x":
                continue
            file = site / target.path.lstrip("/")
            if file.is_file():
                if file not in cache:
                    cache[file] = gz(file.read_bytes())
                assets += cache[file]
        html_gz = gz(html)
        url = (
            page.parent.relative_to(site).as_posix() + "/"
            if page.name == "index.html"
            else page.relative_to(site).as_posix()
        )
        weights.append((html_gz + assets, html_gz, assets, "/" if url == "./" else url))
    weights.sort(reverse=True)
    total, html_gz, assets, url = weights[0]
    kib = total / 1024
    report.add(
        f"Heaviest page: {url} (HTML {html_gz / 1024:.1f} + CSS/JS {assets / 1024:.1f} KiB)",
        f"{kib:.1f} KiB",
        f"≤ {BUDGET_PAGE_KIB:g} KiB",
        kib <= BUDGET_PAGE_KIB,
    )
    median = statistics.median(w[0] for w in weights) / 1024
    report.add(f"Median page ({len(weights)} pages)", f"{median:.1f} KiB")
    index = site / "search" / "search_index.json"
    if index.is_file():
        raw = index.read_bytes()
        workers = sorted((site / "assets/javascripts/workers").glob("search.*.min.js"))
        worker = (
            f"; search worker {gz(workers[0].read_bytes()) / 1024:.1f} KiB gzip" if workers else ""
        )
        report.add(
            "Search index (fetched by the search worker)",
            f"{len(raw) / 1024:.1f} KiB raw, {gz(raw) / 1024:.1f} KiB gzip{worker}",
        )
    report.notes.append(
        "Page weight: the page's HTML plus every stylesheet and script it references, "
        f"each gzipped at level {GZIP_LEVEL} as a static host would send it on a first visit "
        "(images, the favicon and the search index are not counted; "
        "the search index is listed separately)."
    )
