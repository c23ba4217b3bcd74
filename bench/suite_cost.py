"""Row 7, the test suite: `make test`'s own command (`python -m pytest -n 2 --dist loadfile`),
timed once (it takes minutes and builds the site, the PDF and the EPUB itself), with what
pytest says of the outcome. `--skip suite` leaves it out."""

from __future__ import annotations

import re
from pathlib import Path

from bench.report import Report
from bench.timing import PY, say, timed

BUDGET_SUITE_SECONDS = 180.0  # issue 27: "the suite under three minutes"
SUITE_CMD = ["-m", "pytest", "-n", "2", "--dist", "loadfile"]


def outcome(stdout: str) -> str:
    """pytest's last summary line ('312 passed, 2 skipped in 151.20s'), without the time."""
    lines = [
        line.strip("= ") for line in stdout.splitlines() if re.match(r"^=+ .* in [\d.]+s", line)
    ]
    return re.sub(r" in [\d.]+s.*", "", lines[-1]) if lines else ""


def bench_suite(report: Report, root: Path) -> None:
    report.section("7. Test suite (`make test`'s command)")
    say("running the test suite once (minutes) …")
    timing = timed([PY, *SUITE_CMD], root, 1)
    summary = outcome(timing.stdout)
    seconds = timing.runs[0]
    report.add(
        "Suite wall time (`pytest -n 2 --dist loadfile`), one run",
        f"{seconds:.0f} s" + (f" (CPU {timing.cpu:.0f} s)" if timing.cpu is not None else ""),
        f"≤ {BUDGET_SUITE_SECONDS:.0f} s",
        seconds <= BUDGET_SUITE_SECONDS,
    )
    failed = " (exit code not 0)" if timing.best is None else ""
    report.add("Suite outcome", (summary or "no summary line") + failed)
    report.notes.append(
        "The suite row runs `python -m pytest -n 2 --dist loadfile` (what `make test` runs, on "
        "two workers) once from the project root, with its own cache folder as every test "
        "session has: it builds the site, the PDF and the EPUB itself and drives Chromium. "
        "Its time counts whatever else the machine is doing; `--skip suite` leaves it out."
    )
