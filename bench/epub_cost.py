"""Row 6, the EPUB: `make epub`'s own step (`python -m studyguide.outputs.epub`) on the
built site, timed like the PDF (bench.output_cost), with its chapters and size."""

from __future__ import annotations

import re
from pathlib import Path

from bench.output_cost import bench_output
from bench.report import Report

BUDGET_EPUB_SECONDS = 60.0  # the issue: `make epub` under a minute on two cores


def _contents(stdout: str) -> str:
    found = re.search(r"(\d+) chapters.*?(\d+) CJK characters embedded", stdout)
    return (
        f"{found.group(1)} chapters, {found.group(2)} CJK characters in the font subset"
        if found
        else ""
    )


def bench_epub(report: Report, root: Path, site: Path, runs: int) -> None:
    bench_output(
        report,
        root,
        site,
        runs,
        title="6. EPUB (`make epub`'s step, on the built site)",
        label="EPUB",
        file_name="guide.epub",
        budget=BUDGET_EPUB_SECONDS,
        details=_contents,
    )
    report.notes.append(
        "The EPUB row times `python -m studyguide.outputs.epub SITE` (what `make epub` runs after the build): the pages in "
        "nav order as XHTML chapters, term popups, the CJK font subset and the zip; EPUBCheck (tests) and the build are not included."
    )
