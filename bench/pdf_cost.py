"""Row 5, the PDF: `make pdf`'s own step (`python -m studyguide.outputs.pdf`) on the built
site, timed like the builds (wall and CPU, best of the runs), with its pages and size."""

from __future__ import annotations

import re
from pathlib import Path

from bench.report import Report
from bench.timing import OUT, PY, say, timed

BUDGET_PDF_SECONDS = 60.0     # "under a minute" on two cores (was a test's limit)


def bench_pdf(report: Report, root: Path, site: Path, runs: int) -> None:
    report.section("5. PDF (`make pdf`'s step, on the built site)")
    output = OUT / "guide.pdf"
    cmd = [PY, "-m", "studyguide.outputs.pdf", str(site), "-o", str(output), "-f", str(root / "mkdocs.yml")]
    say(f"timing the PDF step (best of {runs}) …")
    timing = timed(cmd, root, runs)
    if timing.best is None:
        report.add("PDF step", "failed", f"≤ {BUDGET_PDF_SECONDS:g} s", False)
        report.notes.append("The PDF step failed:\n\n```\n" + timing.error + "\n```")
        return
    report.add(f"PDF step, best of {runs}", str(timing), f"≤ {BUDGET_PDF_SECONDS:g} s", timing.best <= BUDGET_PDF_SECONDS)
    pages = re.search(r"\((\d+) pages", timing.stdout)
    size = output.stat().st_size if output.is_file() else 0
    report.add("PDF size (tagged, fonts subset)", f"{size / 1e6:.2f} MB" + (f", {pages.group(1)} pages" if pages else ""))
    report.notes.append(
        "The PDF row times `python -m studyguide.outputs.pdf SITE` (what `make pdf` runs after the build): reading the nav, "
        "extracting and linking the pages, WeasyPrint's layout and the tagged PDF; the build before it is not included.")
