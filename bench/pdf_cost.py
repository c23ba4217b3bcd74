"""Row 5, the PDF: what `make pdf` runs, the strict build with GUIDE_PDF=true and then the PDF
step (`python -m studyguide.outputs.pdf`), timed together (bench.output_cost), with the
step's share, the page count and the size."""

from __future__ import annotations

import re
from pathlib import Path

from bench.output_cost import bench_output
from bench.report import Report

BUDGET_PDF_SECONDS = 30.0  # issue 27: "`make pdf` under 30 s" (build and PDF step)


def _pages(stdout: str) -> str:
    pages = re.search(r"\((\d+) pages", stdout)
    return f"{pages.group(1)} pages (tagged, fonts subset)" if pages else "tagged, fonts subset"


def bench_pdf(report: Report, root: Path, runs: int) -> None:
    bench_output(
        report,
        root,
        runs,
        title="5. PDF (`make pdf`: the build, then the PDF)",
        label="PDF",
        switch="GUIDE_PDF",
        file_name="guide.pdf",
        budget=BUDGET_PDF_SECONDS,
        details=_pages,
    )
    report.notes.append(
        "The PDF row times what `make pdf` runs: `GUIDE_PDF=true mkdocs build --strict --clean` "
        "and then `python -m studyguide.outputs.pdf SITE` (reading the nav, extracting and "
        "linking the pages, WeasyPrint's layout and the tagged PDF), the best run of the two "
        "together; the step's own share is the row below it. The build keeps its cache, as in "
        "a working copy; the step starts each run from an empty cache, so the book is laid "
        "out again, as after any edit (a kept PDF would be copied in about a second)."
    )
