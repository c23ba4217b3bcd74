"""Shared by the rows for the files built from the site (the PDF, the EPUB): time what
`make pdf` / `make epub` run, the strict build with the output's switch on
(GUIDE_PDF=true, GUIDE_EPUB=true: every page links the file) and then the output's own
step (`python -m studyguide.outputs.<name> SITE -o OUT -f mkdocs.yml`), the two taking
turns run after run (wall and CPU, best of the runs), the step from an empty cache; then
report the file's size."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bench.report import Report
from bench.timing import OUT, PY, mkdocs_cmd, say, timed_many


def bench_output(
    report: Report,
    root: Path,
    runs: int,
    *,
    title: str,
    label: str,
    switch: str,
    file_name: str,
    budget: float,
    details: Callable[[str], str],
) -> None:
    """`title`: the section; `label`: the row's name (PDF, EPUB); `switch`: the environment
    variable `make` sets for the build; `details(stdout)`: what the step says of its output
    (pages, chapters) after the size, or ""."""
    report.section(title)
    output = OUT / file_name
    site = OUT / f"site-{label.lower()}"
    module = f"studyguide.outputs.{Path(file_name).suffix.lstrip('.')}"
    build = ["env", f"{switch}=true", *mkdocs_cmd(site)]
    # The step starts each run from an empty cache folder: a kept PDF or EPUB (load.cache)
    # would time a copy, not the layout a changed page costs. The build keeps its cache.
    cache = OUT / f"cache-{label.lower()}"
    step = [
        *("sh", "-c", 'rm -rf "$0" && mkdir -p "$0" && GUIDE_CACHE_DIR="$0" exec "$@"', cache),
        *(PY, "-m", module, str(site), "-o", str(output), "-f", str(root / "mkdocs.yml")),
    ]
    target = f"make {label.lower()}"
    say(f"timing `{target}`: the build and the {label} step (best of {runs}) …")
    built, made = timed_many([(build, root), (step, root)], runs)
    failed = built if built.best is None else made
    if failed.best is None:
        report.add(f"`{target}`", "failed", f"≤ {budget:g} s", False)
        report.notes.append(f"`{target}` failed:\n\n```\n" + failed.error + "\n```")
        return
    totals = [b + m for b, m in zip(built.runs, made.runs, strict=True)]
    cpus = [b + m for b, m in zip(built.cpu_runs, made.cpu_runs, strict=True)]
    best = min(range(runs), key=totals.__getitem__)
    report.add(
        f"`{target}` (build with {switch}=true, then the {label} step), best of {runs}",
        f"{totals[best]:.2f} s (CPU {cpus[best]:.2f} s)",
        f"≤ {budget:g} s",
        totals[best] <= budget,
    )
    report.add(f"  of which the {label} step", f"{made.runs[best]:.2f} s")
    size = output.stat().st_size if output.is_file() else 0
    extra = details(made.stdout)
    report.add(f"{label} size", f"{size / 1e6:.2f} MB" + (f", {extra}" if extra else ""))
