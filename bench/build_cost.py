"""Row 1, build cost: our strict build against bare Material building the same rendered
pages, and where the difference goes (per component, in-process, via bench.build)."""

from __future__ import annotations

import json
import statistics
import subprocess
from pathlib import Path

from bench.report import Report
from bench.timing import ENV, OUT, PY, Timing, mkdocs_cmd, say, timed, timed_many

BUDGET_BUILD_RATIO = 1.10  # issue 27: "at most 1.10× bare Material on the same rendered pages"
SHARED = (
    "material/search",
    "jieba dictionary load",
    "MkDocs + Material core (Markdown, templates, files)",
)  # work both builds do
LABELS = {
    "load_config (imports, config, hooks loaded)": "imports + config (load_config)",
    "macros": "macros plugin: data load, page rendering",
    "macros.cjk_lang": "macros.cjk_lang extension",
}
SMALL = 0.005  # seconds: hooks cheaper than this share one row


def build_script(root: Path, site: Path, *args: str) -> list[str]:
    """`python -m bench.build` on a project (run with cwd=root, so its macros are imported)."""
    return [PY, "-m", "bench.build", "--root", str(root), "--site-dir", str(site), *args]


def pair_ratios(ours: Timing, bare: Timing) -> list[float]:
    """ours / bare of each pair of runs (they take turns, so run i of each shares its moment's
    load with the other)."""
    return [o / b for o, b in zip(ours.runs, bare.runs, strict=True)]


def bench_build(report: Report, root: Path, runs: int, component_runs: int) -> Path | None:
    """Ours vs bare Material on the same rendered pages; returns our built site."""
    report.section("1. Build cost")
    site = OUT / "site"
    bare = OUT / "bare"
    say("capturing the macro-rendered pages into a bare Material project …")
    capture = timed(build_script(root, OUT / "site-capture", "--capture", str(bare)), root, 1)
    say(f"timing our strict build and bare Material's, taking turns ({runs} pairs) …")
    if capture.best is None:
        ours = timed(mkdocs_cmd(site), root, runs)
    else:
        ours, bare_time = timed_many(
            [
                (mkdocs_cmd(site), root),
                (mkdocs_cmd(OUT / "site-bare", config=bare / "mkdocs.yml"), bare),
            ],
            runs,
        )
    if ours.best is None:
        report.add("Our build (`mkdocs build --strict`)", "failed", "", False)
        report.notes.append(
            "Our strict build failed, so rows 1, 3 and 4 could not be measured:\n\n```\n"
            + ours.error
            + "\n```"
        )
        return None
    report.add(f"Our build (`mkdocs build --strict`), median of {runs}", ours.median_text())
    if capture.best is None:
        report.add("Bare Material, same rendered pages", "failed", "", False)
        report.notes.append(
            "Capturing the rendered pages failed:\n\n```\n" + capture.error + "\n```"
        )
        return site
    if bare_time.best is None:
        report.add("Bare Material, same rendered pages", "failed", "", False)
        report.notes.append("The bare Material build failed:\n\n```\n" + bare_time.error + "\n```")
        return site
    report.add(f"Bare Material, same rendered pages, median of {runs}", bare_time.median_text())
    ratios = pair_ratios(ours, bare_time)
    ratio = statistics.median(ratios)
    cpu_ratios = [o / b for o, b in zip(ours.cpu_runs, bare_time.cpu_runs, strict=True)]
    cpu = f"; CPU time {statistics.median(cpu_ratios):.2f}"
    report.add(
        f"Build cost ratio ours / bare (wall time), median of {runs} pairs",
        f"{ratio:.2f} (pairs {min(ratios):.2f}–{max(ratios):.2f}{cpu})",
        f"≤ {BUDGET_BUILD_RATIO:.2f}",
        ratio <= BUDGET_BUILD_RATIO,
    )
    report.notes.append(
        f"Build cost: the two builds take turns (ours, bare, ours, …), {runs} of each; the ratio "
        "is the median of the ratios of each pair, so that load from other work on the machine, "
        "which comes and goes, falls on both builds of a pair alike. Ratios of each pair: "
        + ", ".join(f"{r:.2f}" for r in ratios)
        + "."
    )
    component_rows(report, root, bare, ours, bare_time, component_runs)
    return site


def component_rows(
    report: Report, root: Path, bare: Path, ours: Timing, bare_time: Timing, runs: int
) -> None:
    """Where the difference goes: both builds timed per component inside the process, each
    plugin by name, each of our hooks by its file."""
    say(f"timing each component in-process (best of {runs}) …")
    ours_parts, bare_parts = component_times([root, bare], runs)
    if not ours_parts or not bare_parts:
        report.notes.append("The per-component timing (bench/build.py --timings) failed.")
        return
    extra, bare_seconds = ours.cpu_median - bare_time.cpu_median, bare_time.cpu_median
    report.add(f"Where our extra {extra:.2f} s of CPU goes (in-process, best of {runs}):", "")
    costs = {
        name: ours_parts.get(name, 0) - bare_parts.get(name, 0)
        for name in set(ours_parts) | set(bare_parts)
        if name not in SHARED and not name.startswith("__")
    }
    small = sorted(n for n, c in costs.items() if abs(c) < SMALL and n.startswith("macros/hooks/"))
    for name, cost in sorted(costs.items(), key=lambda item: -item[1]):
        if name not in small:
            label = LABELS.get(name, f"hook {name}" if name.startswith("macros/hooks/") else name)
            report.add(f"  {label}", f"{cost:+.3f} s ({cost / bare_seconds:+.1%} of bare)")
    if small:
        rest = sum(costs[n] for n in small)
        names = ", ".join(Path(n).stem for n in small)
        report.add(
            f"  {len(small)} other hooks, each under {SMALL * 1000:.0f} ms",
            f"{rest:+.3f} s ({names})",
        )
    same = sum(ours_parts.get(n, 0) - bare_parts.get(n, 0) for n in SHARED)
    report.add("  Material search, jieba, MkDocs core (work common to both)", f"{same:+.2f} s")
    startup = (ours.cpu - ours_parts["__total__"]) - (bare_time.cpu - bare_parts["__total__"])
    report.add("  process start-up and exit, git and other child processes", f"{startup:+.2f} s")
    report.add(
        "jieba dictionary load, in both builds (Material's zh search)",
        f"{ours_parts.get('jieba dictionary load', 0):.2f} s",
    )
    imports = import_costs(root)
    if imports:
        report.notes.append(
            "Import cost of our extras' modules (in this order, each after Material and the "
            "ones before it): " + ", ".join(f"{name} {t:.2f} s" for name, t in imports) + "."
        )
    report.notes.append(
        "The component rows come from `bench/build.py --timings`, which runs the same build "
        "through MkDocs' Python API and times every plugin and hook event by owner (each of "
        "our hooks by its file), jieba's dictionary load and our Markdown extension's tree "
        f"processor (exclusive CPU time of the process, best of {runs} per component; the "
        "start-up row is the rest of the best run's CPU time, children included); the "
        "percentages are of bare Material's median CPU time; the difference of each "
        "between our build and the bare one is shown. `bench/build.py --without hooks,cjk` "
        "builds without those extras, for a leave-one-out check."
    )


def component_times(roots: list[Path], runs: int) -> list[dict[str, float] | None]:
    """CPU seconds per component of each project's build (best of `runs` for each
    component), plus __total__; the projects take turns. CPU time, not wall: on a shared
    machine the wall time of a 10 ms hook is mostly other processes' work."""
    best: list[dict[str, float] | None] = [{} for _ in roots]
    for _ in range(runs):
        for i, root in enumerate(roots):
            if best[i] is None:
                continue
            out = OUT / "timings.json"
            cmd = build_script(root, OUT / "site-variant", "--timings", str(out), "--cpu")
            proc = subprocess.run(cmd, cwd=root, env=ENV, capture_output=True, text=True)
            if proc.returncode != 0:
                say(proc.stderr[-1500:])
                best[i] = None
                continue
            data = json.loads(out.read_text(encoding="utf-8"))
            for name, seconds in {**data["components"], "__total__": data["total"]}.items():
                best[i][name] = min(best[i].get(name, seconds), seconds)
    return best


def data_times(root: Path) -> dict[str, float] | None:
    """Seconds of the macros' data load and cross-index (define_env's two big steps)."""
    code = (
        "import json, time; from pathlib import Path\n"
        "from studyguide.load.guide import load_guide; "
        "from studyguide.crossref.index import build_index\n"
        "t0 = time.perf_counter(); g = load_guide(Path('.')); t1 = time.perf_counter(); "
        "build_index(g); t2 = time.perf_counter()\n"
        "print(json.dumps({'load_guide': t1 - t0, 'build_index': t2 - t1}))"
    )
    proc = subprocess.run([PY, "-c", code], cwd=root, env=ENV, capture_output=True, text=True)
    if proc.returncode != 0:
        return None
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


IMPORTS = [
    ("mkdocs-macros", "mkdocs_macros.plugin"),
    ("pypinyin", "pypinyin"),
    ("jsonschema", "jsonschema"),
    ("genanki", "genanki"),
    ("our studyguide package (render, load, crossref)", "studyguide.site_macros"),
    ("the MkDocs glue (macros/main.py)", "macros.main"),
]


def import_costs(root: Path) -> list[tuple[str, float]]:
    code = (
        "import importlib, sys, time\n"
        "import mkdocs.commands.build, mkdocs.config, material.plugins.search.plugin, markdown, "
        "pymdownx.superfences, pymdownx.details\n"
        f"for label, name in {IMPORTS!r}:\n"
        "    t = time.perf_counter(); importlib.import_module(name); "
        "print(f'{label}\\t{time.perf_counter() - t}')\n"
    )
    runs = []
    for _ in range(3):
        proc = subprocess.run([PY, "-c", code], cwd=root, env=ENV, capture_output=True, text=True)
        if proc.returncode != 0:
            return []
        runs.append(
            [
                (line.split("\t")[0], float(line.split("\t")[1]))
                for line in proc.stdout.strip().splitlines()
            ]
        )
    return [(label, min(run[i][1] for run in runs)) for i, (label, _) in enumerate(runs[0])]
