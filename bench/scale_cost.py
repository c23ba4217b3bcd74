"""Row 2, scale: the build of copies with 1, 2, 5 and 10 times the content (bench.scale)."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.build_cost import component_times, data_times
from bench.report import Report
from bench.scale import make_scaled
from bench.timing import OUT, mkdocs_cmd, say, timed_many, warnings_in

BUDGET_SCALE_RATIO = 11.0


def bench_scale(report: Report, root: Path, factors: list[int], runs: int) -> None:
    report.section("2. Scale (10× glossary, excerpts and pages)")
    copies = {}
    for factor in factors:
        say(f"generating the {factor}× copy …")
        try:
            copies[factor] = make_scaled(root, OUT / f"scale-{factor}", factor)
        except Exception as error:  # noqa: BLE001 - reported, not raised
            report.add(f"Build {factor}×", "failed", "", False)
            report.notes.append(
                f"Generating the {factor}× copy failed: {type(error).__name__}: {error}"
            )
            return
    say(
        f"timing the builds of {', '.join(f'{f}×' for f in factors)}, "
        f"taking turns (best of {runs}) …"
    )
    timings = timed_many(
        [(mkdocs_cmd(OUT / f"scale-{f}-site", strict=False), OUT / f"scale-{f}") for f in factors],
        runs,
    )
    results = dict(zip(factors, timings, strict=True))
    for factor, timing in results.items():
        counts = copies[factor]
        label = (
            f"Build {factor}× ({counts['pages']} pages, {counts['glossary']} terms, "
            f"{counts['excerpts']} excerpts)"
        )
        if timing.best is None:
            report.add(label, "failed", "", False)
            report.notes.append(f"The {factor}× build failed:\n\n```\n{timing.error}\n```")
            continue
        warn = warnings_in(timing.stderr)
        relative = (
            f", {timing.best / results[1].best:.1f}× the time"
            if factor > 1 and results.get(1) and results[1].best
            else ""
        )
        report.add(label, str(timing) + relative + (f", {warn} warnings" if warn else ""))
        shutil.rmtree(OUT / f"scale-{factor}-site", ignore_errors=True)
    top = max(factors)
    if top > 1 and results.get(1) and results[1].best and results.get(top) and results[top].best:
        ratio = results[top].best / results[1].best
        cpu = (
            f" (CPU time: {results[top].cpu / results[1].cpu:.1f})"
            if results[top].cpu and results[1].cpu
            else ""
        )
        report.add(
            f"Scale ratio {top}× / 1× (wall time)",
            f"{ratio:.1f}{cpu}",
            f"≤ {BUDGET_SCALE_RATIO:g}" if top == 10 else "",
            ratio <= BUDGET_SCALE_RATIO if top == 10 else None,
        )
    if top > 1 and results.get(top) and results[top].best:
        say(f"timing components of the 1× and {top}× builds …")
        small, big = component_times([OUT / "scale-1", OUT / f"scale-{top}"], 1)
        data_small, data_big = data_times(OUT / "scale-1"), data_times(OUT / f"scale-{top}")
        if small and big:
            grown = sorted(
                (n for n in big if not n.startswith("__")),
                key=lambda n: -(big[n] - small.get(n, 0)),
            )[:4]
            parts = [f"{n} {small.get(n, 0):.2f} → {big[n]:.2f} s" for n in grown]
            if data_small and data_big:
                parts.append(
                    "inside the macros plugin, "
                    + ", ".join(
                        f"`{n}` {data_small[n]:.2f} → {data_big[n]:.2f} s "
                        f"({data_big[n] / max(data_small[n], 1e-3):.0f}×)"
                        for n in data_big
                    )
                )
            report.notes.append(
                f"What grows most from 1× to {top}× (one in-process run each, CPU seconds): "
                + "; ".join(parts)
                + "."
            )
    report.notes.append(
        "Scale copies live in bench/out/ (ignored by git), so the page-date hook finds no "
        "history for them and uses the build date, as it does for any new page; the builds "
        "are not strict (the copies are not meant to pass content checks)."
    )
