"""Benchmark the study guide: build cost, scaling, page weight, Lighthouse, PDF, EPUB, test suite.

    make bench                         # or: .venv/bin/python -m bench.bench
    python -m bench.bench --quick      # one run per timing, fewer scale steps (a smoke test)
    python -m bench.bench --skip lighthouse,scale,suite --no-write

Prints one table and writes the same table, as Markdown, into bench/README.md between
the markers <!-- bench:start --> and <!-- bench:end -->. It is a report, not a test: the
exit code is 0 even when a budget fails (FAIL is printed) unless --strict is given, when
it is 2; it is 1 only if the bench itself cannot run. Work files go to bench/out/
(ignored by git). One module per row: build_cost, scale_cost, weight, lighthouse,
pdf_cost, epub_cost, suite_cost; timing, report and output_cost are shared. See
bench/README.md.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench.build_cost import bench_build
from bench.epub_cost import bench_epub
from bench.lighthouse import bench_lighthouse
from bench.pdf_cost import bench_pdf
from bench.report import Report, machine, markdown, text_table, write_page
from bench.scale_cost import bench_scale
from bench.suite_cost import bench_suite
from bench.timing import OUT, ROOT, mkdocs_cmd, say, timed
from bench.weight import bench_weight


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="project to measure (default: this repository)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="one run per timing; scale 1× and 10× only; Lighthouse mobile only",
    )
    parser.add_argument(
        "--skip",
        default="",
        help="comma-separated: build, scale, weight, lighthouse, pdf, epub, suite",
    )
    parser.add_argument(
        "--runs", type=int, default=7, help="pairs of headline build timings (median kept)"
    )
    parser.add_argument(
        "--lighthouse-runs",
        type=int,
        default=3,
        help="Lighthouse runs per page and preset (median is kept)",
    )
    parser.add_argument(
        "--no-write", action="store_true", help="do not update the results in bench/README.md"
    )
    parser.add_argument(
        "--summary",
        type=Path,
        help="also append the Markdown table to this file (CI: $GITHUB_STEP_SUMMARY)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 2 when a budget is missed (for a workflow that should go red)",
    )
    args = parser.parse_args()
    root = args.root.resolve()
    skip = set(filter(None, args.skip.split(",")))
    runs = 1 if args.quick else args.runs
    component_runs = 1 if args.quick else 3
    OUT.mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC)
    header = machine()
    report = Report()

    site = OUT / "site"
    if "build" not in skip:
        site = bench_build(report, root, runs, component_runs)
    elif not (site / "index.html").exists():
        say("building the site once (build row skipped) …")
        site = site if timed(mkdocs_cmd(site), root, 1).best is not None else None
    if "scale" not in skip:
        bench_scale(report, root, [1, 10] if args.quick else [1, 2, 5, 10], 1 if args.quick else 3)
    if site and "weight" not in skip:
        bench_weight(report, site)
    if site and "pdf" not in skip:
        bench_pdf(report, root, 1 if args.quick else min(args.runs, 3))
    if site and "epub" not in skip:
        bench_epub(report, root, 1 if args.quick else min(args.runs, 3))
    if site and "lighthouse" not in skip:
        bench_lighthouse(
            report,
            site,
            ["mobile"] if args.quick else ["mobile", "desktop"],
            1 if args.quick else args.lighthouse_runs,
            OUT / "site-bare",
        )
    if "suite" not in skip:  # last: minutes of work on both cores, after Lighthouse's quiet
        bench_suite(report, root)

    date = started.strftime("%Y-%m-%d %H:%M UTC")
    print()
    print(f"Study guide benchmark, {date}")
    print(header)
    print()
    print(text_table(report.rows))
    if report.notes:
        print()
        for note in report.notes:
            print("- " + note.replace("`", ""))
    failed = [r for r in report.rows if r.ok is False]
    print()
    print(
        f"FAIL: {len(failed)} budget(s) missed: " + "; ".join(r.check.strip() for r in failed)
        if failed
        else "All budgets met."
    )
    if not args.no_write:
        target = root / "bench" / "README.md"
        write_page(target, markdown(report, header, date))
        print(f"Wrote {target.relative_to(root)}")
    if args.summary:
        with args.summary.open("a", encoding="utf-8") as out:
            out.write("## Study guide benchmark\n\n" + markdown(report, header, date) + "\n")
    return 2 if failed and args.strict else 0


if __name__ == "__main__":
    if not __package__:
        sys.exit("run the benchmark as a module, from the repository root: python -m bench.bench")
    sys.exit(main())
