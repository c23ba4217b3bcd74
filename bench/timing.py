"""Timing commands: wall and CPU time of several runs (best and median), the commands taking
turns; the paths and the environment every benchmark step shares."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
PY = sys.executable
# The commands run as `make` runs them on a developer's machine: Python writes and reuses
# its bytecode (an environment that sets PYTHONDONTWRITEBYTECODE would have every build
# compile our modules from source, 0.05-0.1 s that no real build pays twice).
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "NO_MKDOCS_2_WARNING": "1",
}


def say(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _cpu_times() -> tuple[int, int] | None:
    """(busy, total) jiffies of all CPUs since boot, from /proc/stat; None where there is none."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return sum(fields) - idle, sum(fields)


def wait_until_quiet(
    busy_below: float = 0.15, max_wait: float = 60.0, window: float = 1.0
) -> float | None:
    """Wait until the CPUs were busy less than `busy_below` of a `window`-second sample
    (the processes of the previous step have ended), for at most `max_wait` seconds.
    Returns the busy fraction of the last sample (None without /proc/stat). Timings made
    on a machine still busy with other work measure that work too: Lighthouse's mobile
    blocking time grows with every task that shares the CPUs with the page."""
    deadline = time.monotonic() + max_wait
    while True:
        before = _cpu_times()
        time.sleep(window)
        after = _cpu_times()
        if before is None or after is None:
            return None
        busy = (after[0] - before[0]) / max(1, after[1] - before[1])
        if busy < busy_below or time.monotonic() >= deadline:
            return busy


@dataclass
class Timing:
    best: float | None  # wall seconds, best run
    runs: list[float]  # wall seconds of every run, in order
    error: str = ""
    stderr: str = ""
    cpu: float | None = None  # user + system seconds of the process and its children, best run
    stdout: str = ""
    cpu_runs: list[float] | None = None  # CPU seconds of every run, in order

    @property
    def median(self) -> float | None:
        return statistics.median(self.runs) if self.best is not None else None

    @property
    def cpu_median(self) -> float | None:
        return statistics.median(self.cpu_runs) if self.best is not None and self.cpu_runs else None

    def __str__(self) -> str:
        if self.best is None:
            return "failed"
        return f"{self.best:.2f} s" + (f" (CPU {self.cpu:.2f} s)" if self.cpu is not None else "")

    def median_text(self) -> str:
        """'3.41 s (CPU 3.38 s; runs 3.30–3.90 s)': the medians and the range of the runs."""
        if self.best is None:
            return "failed"
        cpu = f"CPU {self.cpu_median:.2f} s; " if self.cpu_median is not None else ""
        return f"{self.median:.2f} s ({cpu}runs {min(self.runs):.2f}–{max(self.runs):.2f} s)"


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_many(jobs: list[tuple[list[str], Path]], runs: int) -> list[Timing]:
    """Wall and CPU time of each command, best of `runs`. The commands take turns
    (a b a b …), so that other load on the machine falls on all of them alike."""
    walls: list[list[float]] = [[] for _ in jobs]
    cpus: list[list[float]] = [[] for _ in jobs]
    results: list[Timing | None] = [None] * len(jobs)
    stderrs = [""] * len(jobs)
    stdouts = [""] * len(jobs)
    for _ in range(runs):
        for i, (cmd, cwd) in enumerate(jobs):
            if results[i] is not None:
                continue  # failed already
            cpu = _child_cpu()
            start = time.perf_counter()
            proc = subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True)
            walls[i].append(time.perf_counter() - start)
            cpus[i].append(_child_cpu() - cpu)
            stderrs[i] = proc.stderr
            stdouts[i] = proc.stdout
            if proc.returncode != 0:
                tail = [line for line in proc.stderr.strip().splitlines() if line.strip()][-6:]
                results[i] = Timing(
                    None,
                    walls[i],
                    "\n".join(tail) or f"exit code {proc.returncode}",
                    proc.stderr,
                    stdout=proc.stdout,  # pytest's summary of a failed run (bench.suite_cost)
                )
    return [
        r or Timing(min(w), w, "", e, min(c), o, c)
        for r, w, c, e, o in zip(results, walls, cpus, stderrs, stdouts, strict=True)
    ]


def timed(cmd: list[str], cwd: Path, runs: int) -> Timing:
    return timed_many([(cmd, cwd)], runs)[0]


def warnings_in(stderr: str) -> int:
    return sum(
        1
        for line in stderr.splitlines()
        if line.startswith("WARNING") or line.startswith("Doc file")
    )


def mkdocs_cmd(site: Path, *, strict: bool = True, config: Path | None = None) -> list[str]:
    cmd = [PY, "-m", "mkdocs", "build", "-q", "--clean", "-d", str(site)]
    if strict:
        cmd.append("--strict")
    if config:
        cmd += ["-f", str(config)]
    return cmd
