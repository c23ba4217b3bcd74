"""Row 6, the EPUB: what `make epub` runs, the strict build with GUIDE_EPUB=true and then the
EPUB step (`python -m studyguide.outputs.epub`), timed like the PDF (bench.output_cost),
with its chapters and size."""

from __future__ import annotations

import re
from pathlib import Path

from bench.output_cost import bench_output
from bench.report import Report

BUDGET_EPUB_SECONDS = 60.0  # the issue that asked for it: `make epub` under a minute


def _contents(stdout: str) -> str:
    found = re.search(r"(\d+) chapters.*?(\d+) CJK characters embedded", stdout)
    return (
        f"{found.group(1)} chapters, {found.group(2)} CJK characters in the font subset"
        if found
        else ""
    )


def bench_epub(report: Report, root: Path, runs: int) -> None:
    bench_output(
        report,
        root,
        runs,
        title="6. EPUB (`make epub`: the build, then the EPUB)",
        label="EPUB",
        switch="GUIDE_EPUB",
        file_name="guide.epub",
        budget=BUDGET_EPUB_SECONDS,
        details=_contents,
    )
    report.notes.append(
        "The EPUB row times what `make epub` runs: `GUIDE_EPUB=true mkdocs build --strict` and "
        "then `python -m studyguide.outputs.epub SITE` (the pages in nav order as XHTML "
        "chapters, term popups, the CJK font subset and the zip), the best run of the two "
        "together; EPUBCheck (tests) is not included."
    )
