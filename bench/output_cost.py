"""Shared by the rows for the files built from the site (the PDF, the EPUB): time the
output's own step (`python -m studyguide.outputs.<name> SITE -o OUT -f mkdocs.yml`) on the
built site like the builds (wall and CPU, best of the runs), then report its size."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bench.report import Report
from bench.timing import OUT, PY, say, timed


def bench_output(
    report: Report,
    root: Path,
    site: Path,
    runs: int,
    *,
    title: str,
    label: str,
    file_name: str,
    budget: float,
    details: Callable[[str], str],
) -> None:
    """`title`: the section; `label`: the row's name (PDF, EPUB); `details(stdout)`: what the
    step says of its output (pages, chapters) after the size, or ""."""
    report.section(title)
    output = OUT / file_name
    module = f"studyguide.outputs.{Path(file_name).suffix.lstrip('.')}"
    cmd = [PY, "-m", module, str(site), "-o", str(output), "-f", str(root / "mkdocs.yml")]
    say(f"timing the {label} step (best of {runs}) …")
    timing = timed(cmd, root, runs)
    if timing.best is None:
        report.add(f"{label} step", "failed", f"≤ {budget:g} s", False)
        report.notes.append(f"The {label} step failed:\n\n```\n" + timing.error + "\n```")
        return
    report.add(
        f"{label} step, best of {runs}", str(timing), f"≤ {budget:g} s", timing.best <= budget
    )
    size = output.stat().st_size if output.is_file() else 0
    extra = details(timing.stdout)
    report.add(f"{label} size", f"{size / 1e6:.2f} MB" + (f", {extra}" if extra else ""))
