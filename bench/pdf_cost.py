"""Row 5, the PDF: `make pdf`'s own step (`python -m studyguide.outputs.pdf`) on the built
site, timed like the builds (wall and CPU, best of the runs), with its pages and size."""

from __future__ import annotations

import re
from pathlib import Path

from bench.output_cost import bench_output
from bench.report import Report

BUDGET_PDF_SECONDS = 60.0  # "under a minute" on two cores (was a test's limit)


def _pages(stdout: str) -> str:
    pages = re.search(r"\((\d+) pages", stdout)
    return f"{pages.group(1)} pages (tagged, fonts subset)" if pages else "tagged, fonts subset"


def bench_pdf(report: Report, root: Path, site: Path, runs: int) -> None:
    bench_output(
        report,
        root,
        site,
        runs,
        title="5. PDF (`make pdf`'s step, on the built site)",
        label="PDF",
        file_name="guide.pdf",
        budget=BUDGET_PDF_SECONDS,
        details=_pages,
    )
    report.notes.append(
        "The PDF row times `python -m studyguide.outputs.pdf SITE` (what `make pdf` runs after the build): reading the nav, "
        "extracting and linking the pages, WeasyPrint's layout and the tagged PDF; the build before it is not included."
    )
