"""Benchmark the study guide: build cost, scaling, page weight and Lighthouse scores.

    make bench                      # or: .venv/bin/python bench/bench.py
    python bench/bench.py --quick   # one run per timing, fewer scale steps (a smoke test)
    python bench/bench.py --skip lighthouse,scale --no-write

Prints one table and writes the same table, as Markdown, into docs/benchmarks.md between
the markers <!-- bench:start --> and <!-- bench:end -->. It is a report, not a test: the
exit code is 0 even when a budget fails (FAIL is printed) unless --strict is given, when
it is 2; it is 1 only if the bench itself cannot run. Work files go to bench/out/
(ignored by git). See bench/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from urllib.parse import urljoin, urlparse

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
PY = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
GZIP_LEVEL = 6  # the usual server default (nginx and Apache default lower, GitHub Pages similar)

BUDGET_BUILD_RATIO = 1.25
BUDGET_SCALE_RATIO = 11.0
BUDGET_PAGE_KIB = 150.0
BUDGET_LH = {"performance": 0.99, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
LH_PAGES = [("Home", ""), ("Source page", "sources/shi-2014/"), ("Theme page", "themes/welfare-mix/"), ("Glossary", "glossary/")]
LH_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"

sys.path.insert(0, str(HERE))


# --------------------------------------------------------------------------- results


@dataclass
class Row:
    check: str
    value: str
    budget: str = ""
    ok: bool | None = None  # None: information only

    @property
    def result(self) -> str:
        return "" if self.ok is None else ("pass" if self.ok else "FAIL")


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *args, **kwargs) -> Row:
        row = Row(*args, **kwargs)
        self.rows.append(row)
        return row

    def section(self, title: str) -> None:
        self.rows.append(Row(f"**{title}**", ""))


def say(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- timing


@dataclass
class Timing:
    best: float | None  # wall seconds, best run
    runs: list[float]
    error: str = ""
    stderr: str = ""
    cpu: float | None = None  # user + system seconds of the process and its children, best run

    def __str__(self) -> str:
        if self.best is None:
            return "failed"
        return f"{self.best:.2f} s" + (f" (CPU {self.cpu:.2f} s)" if self.cpu is not None else "")


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
            if proc.returncode != 0:
                tail = [line for line in proc.stderr.strip().splitlines() if line.strip()][-6:]
                results[i] = Timing(None, walls[i], "\n".join(tail) or f"exit code {proc.returncode}", proc.stderr)
    return [r or Timing(min(w), w, "", e, min(c)) for r, w, c, e in zip(results, walls, cpus, stderrs, strict=True)]


def timed(cmd: list[str], cwd: Path, runs: int) -> Timing:
    return timed_many([(cmd, cwd)], runs)[0]


def warnings_in(stderr: str) -> int:
    return sum(1 for line in stderr.splitlines() if line.startswith("WARNING") or line.startswith("Doc file"))


def mkdocs_cmd(site: Path, *, strict: bool = True, config: Path | None = None) -> list[str]:
    cmd = [PY, "-m", "mkdocs", "build", "-q", "--clean", "-d", str(site)]
    if strict:
        cmd.append("--strict")
    if config:
        cmd += ["-f", str(config)]
    return cmd


# --------------------------------------------------------------------------- 1. build cost


def bench_build(report: Report, root: Path, runs: int, component_runs: int) -> Path | None:
    """Ours vs bare Material on the same rendered pages; returns our built site."""
    report.section("1. Build cost")
    site = OUT / "site"
    bare = OUT / "bare"
    say("capturing the macro-rendered pages into a bare Material project …")
    capture = timed([PY, str(HERE / "build.py"), "--root", str(root), "--site-dir", str(OUT / "site-capture"), "--capture", str(bare)], root, 1)
    say(f"timing our strict build and bare Material's, taking turns (best of {runs}) …")
    if capture.best is None:
        ours = timed(mkdocs_cmd(site), root, runs)
    else:
        ours, bare_time = timed_many([(mkdocs_cmd(site), root), (mkdocs_cmd(OUT / "site-bare", config=bare / "mkdocs.yml"), bare)], runs)
    if ours.best is None:
        report.add("Our build (`mkdocs build --strict`)", "failed", "", False)
        report.notes.append("Our strict build failed, so rows 1, 3 and 4 could not be measured:\n\n```\n" + ours.error + "\n```")
        return None
    report.add(f"Our build (`mkdocs build --strict`), best of {runs}", str(ours))
    if capture.best is None:
        report.add("Bare Material, same rendered pages", "failed", "", False)
        report.notes.append("Capturing the rendered pages failed:\n\n```\n" + capture.error + "\n```")
        return site
    if bare_time.best is None:
        report.add("Bare Material, same rendered pages", "failed", "", False)
        report.notes.append("The bare Material build failed:\n\n```\n" + bare_time.error + "\n```")
        return site
    report.add(f"Bare Material, same rendered pages, best of {runs}", str(bare_time))
    ratio = ours.best / bare_time.best
    report.add("Build cost ratio ours / bare (wall time)", f"{ratio:.2f}" + (f" (CPU time: {ours.cpu / bare_time.cpu:.2f})" if ours.cpu and bare_time.cpu else ""), f"≤ {BUDGET_BUILD_RATIO}", ratio <= BUDGET_BUILD_RATIO)

    # Where the difference goes: both builds timed per component inside the process.
    say(f"timing each component in-process (best of {component_runs}) …")
    ours_parts, bare_parts = component_times([root, bare], component_runs)
    if not ours_parts or not bare_parts:
        report.notes.append("The per-component timing (bench/build.py --timings) failed.")
        return site
    shared = "material/search", "jieba dictionary load", "MkDocs + Material core (Markdown, templates, files)"
    extra = ours.best - bare_time.best
    report.add(f"Where our extra {extra:.2f} s goes (in-process, best of {component_runs}):", "")
    labels = {
        "load_config (imports, config, hooks loaded)": "imports + config (load_config)",
        "macros": "macros plugin: data load + checks, page rendering",
        "hooks": "hooks (flashcard deck + CSV)",
        "macros.cjk_lang": "macros.cjk_lang extension",
    }
    rows = []
    for name in sorted(set(ours_parts) | set(bare_parts), key=lambda n: -(ours_parts.get(n, 0) - bare_parts.get(n, 0))):
        if name in shared or name.startswith("__"):
            continue
        cost = ours_parts.get(name, 0) - bare_parts.get(name, 0)
        rows.append((labels.get(name, name), cost))
    for label, cost in rows:
        report.add(f"  {label}", f"{cost:+.2f} s ({cost / bare_time.best:+.0%} of bare)")
    same = sum(ours_parts.get(n, 0) - bare_parts.get(n, 0) for n in shared)
    report.add("  Material search, jieba, MkDocs core (work common to both)", f"{same:+.2f} s")
    startup = (ours.best - ours_parts["__total__"]) - (bare_time.best - bare_parts["__total__"])
    report.add("  process start-up (imports before the build starts)", f"{startup:+.2f} s")
    report.add("jieba dictionary load, in both builds (Material's zh search)", f"{ours_parts.get('jieba dictionary load', 0):.2f} s")
    imports = import_costs(root)
    if imports:
        report.notes.append("Import cost of our extras' modules (in this order, each after Material and the ones before it): " + ", ".join(f"{name} {t:.2f} s" for name, t in imports) + ".")
    report.notes.append(
        "The component rows come from `bench/build.py --timings`, which runs the same build through MkDocs' Python API and "
        "times every plugin and hook event by owner, jieba's dictionary load and our Markdown postprocessor (exclusive time, "
        f"best of {component_runs} per component); the difference of each between our build and the bare one is shown. "
        "`bench/build.py --without hooks,cjk` builds without those extras, for a leave-one-out check."
    )
    return site


def component_times(roots: list[Path], runs: int) -> list[dict[str, float] | None]:
    """Seconds per component of each project's build (best of `runs` for each
    component), plus __total__; the projects take turns."""
    best: list[dict[str, float] | None] = [{} for _ in roots]
    for _ in range(runs):
        for i, root in enumerate(roots):
            if best[i] is None:
                continue
            out = OUT / "timings.json"
            cmd = [PY, str(HERE / "build.py"), "--root", str(root), "--site-dir", str(OUT / "site-variant"), "--timings", str(out)]
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
        "import json, sys, time; from pathlib import Path; sys.path.insert(0, '.')\n"
        "from macros.guide import load_guide; from macros.index import build_index\n"
        "t0 = time.perf_counter(); g = load_guide(Path('.')); t1 = time.perf_counter(); build_index(g, Path('docs')); t2 = time.perf_counter()\n"
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
    ("the rest of our macros package", "macros"),
]


def import_costs(root: Path) -> list[tuple[str, float]]:
    code = (
        "import importlib, sys, time\n"
        "import mkdocs.commands.build, mkdocs.config, material.plugins.search.plugin, markdown, pymdownx.superfences, pymdownx.details\n"
        f"for label, name in {IMPORTS!r}:\n"
        "    t = time.perf_counter(); importlib.import_module(name); print(f'{label}\\t{time.perf_counter() - t}')\n"
    )
    runs = []
    for _ in range(3):
        proc = subprocess.run([PY, "-c", code], cwd=root, env=ENV, capture_output=True, text=True)
        if proc.returncode != 0:
            return []
        runs.append([(line.split("\t")[0], float(line.split("\t")[1])) for line in proc.stdout.strip().splitlines()])
    return [(label, min(run[i][1] for run in runs)) for i, (label, _) in enumerate(runs[0])]


# --------------------------------------------------------------------------- 2. scale


def bench_scale(report: Report, root: Path, factors: list[int], runs: int) -> None:
    from scale import make_scaled

    report.section("2. Scale (10× glossary, excerpts and pages)")
    copies = {}
    for factor in factors:
        say(f"generating the {factor}× copy …")
        try:
            copies[factor] = make_scaled(root, OUT / f"scale-{factor}", factor)
        except Exception as error:  # noqa: BLE001 - reported, not raised
            report.add(f"Build {factor}×", "failed", "", False)
            report.notes.append(f"Generating the {factor}× copy failed: {type(error).__name__}: {error}")
            return
    say(f"timing the builds of {', '.join(f'{f}×' for f in factors)}, taking turns (best of {runs}) …")
    timings = timed_many([(mkdocs_cmd(OUT / f"scale-{f}-site", strict=False), OUT / f"scale-{f}") for f in factors], runs)
    results = dict(zip(factors, timings, strict=True))
    for factor, timing in results.items():
        counts = copies[factor]
        label = f"Build {factor}× ({counts['pages']} pages, {counts['glossary']} terms, {counts['excerpts']} excerpts)"
        if timing.best is None:
            report.add(label, "failed", "", False)
            report.notes.append(f"The {factor}× build failed:\n\n```\n{timing.error}\n```")
            continue
        warn = warnings_in(timing.stderr)
        relative = f", {timing.best / results[1].best:.1f}× the time" if factor > 1 and results.get(1) and results[1].best else ""
        report.add(label, str(timing) + relative + (f", {warn} warnings" if warn else ""))
        shutil.rmtree(OUT / f"scale-{factor}-site", ignore_errors=True)
    top = max(factors)
    if top > 1 and results.get(1) and results[1].best and results.get(top) and results[top].best:
        ratio = results[top].best / results[1].best
        cpu = f" (CPU time: {results[top].cpu / results[1].cpu:.1f})" if results[top].cpu and results[1].cpu else ""
        report.add(f"Scale ratio {top}× / 1× (wall time)", f"{ratio:.1f}{cpu}", f"≤ {BUDGET_SCALE_RATIO:g}" if top == 10 else "", ratio <= BUDGET_SCALE_RATIO if top == 10 else None)
    if top > 1 and results.get(top) and results[top].best:
        say(f"timing components of the 1× and {top}× builds …")
        small, big = component_times([OUT / "scale-1", OUT / f"scale-{top}"], 1)
        data_small, data_big = data_times(OUT / "scale-1"), data_times(OUT / f"scale-{top}")
        if small and big:
            grown = sorted((n for n in big if not n.startswith("__")), key=lambda n: -(big[n] - small.get(n, 0)))[:4]
            parts = [f"{n} {small.get(n, 0):.2f} → {big[n]:.2f} s" for n in grown]
            if data_small and data_big:
                parts.append("inside the macros plugin, " + ", ".join(f"`{n}` {data_small[n]:.2f} → {data_big[n]:.2f} s ({data_big[n] / max(data_small[n], 1e-3):.0f}×)" for n in data_big))
            report.notes.append(f"What grows most from 1× to {top}× (one in-process run each): " + "; ".join(parts) + ".")
    report.notes.append(
        "Scale copies live in bench/out/ (ignored by git), so the page-date hook finds no history for them and "
        "uses the build date, as it does for any new page; the builds are not strict (the copies are not meant to pass content checks)."
    )


# --------------------------------------------------------------------------- 3. page weight


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.urls.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.urls.append(a["src"])


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def bench_weight(report: Report, site: Path) -> None:
    report.section("3. Page weight (gzip)")
    cache: dict[Path, int] = {}
    weights = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue
        html = page.read_bytes()
        parser = Assets()
        parser.feed(html.decode("utf-8"))
        base = "http://x/" + page.relative_to(site).as_posix()
        assets = 0
        for url in dict.fromkeys(parser.urls):
            target = urlparse(urljoin(base, url))
            if target.netloc != "x":
                continue
            file = site / target.path.lstrip("/")
            if file.is_file():
                if file not in cache:
                    cache[file] = gz(file.read_bytes())
                assets += cache[file]
        html_gz = gz(html)
        url = page.parent.relative_to(site).as_posix() + "/" if page.name == "index.html" else page.relative_to(site).as_posix()
        weights.append((html_gz + assets, html_gz, assets, "/" if url == "./" else url))
    weights.sort(reverse=True)
    total, html_gz, assets, url = weights[0]
    kib = total / 1024
    report.add(f"Heaviest page: {url} (HTML {html_gz / 1024:.1f} + CSS/JS {assets / 1024:.1f} KiB)", f"{kib:.1f} KiB", f"≤ {BUDGET_PAGE_KIB:g} KiB", kib <= BUDGET_PAGE_KIB)
    median = statistics.median(w[0] for w in weights) / 1024
    report.add(f"Median page ({len(weights)} pages)", f"{median:.1f} KiB")
    index = site / "search" / "search_index.json"
    if index.is_file():
        raw = index.read_bytes()
        workers = sorted((site / "assets/javascripts/workers").glob("search.*.min.js"))
        worker = f"; search worker {gz(workers[0].read_bytes()) / 1024:.1f} KiB gzip" if workers else ""
        report.add("Search index (fetched by the search worker)", f"{len(raw) / 1024:.1f} KiB raw, {gz(raw) / 1024:.1f} KiB gzip{worker}")
    report.notes.append(
        f"Page weight: the page's HTML plus every stylesheet and script it references, each gzipped at level {GZIP_LEVEL} as a "
        "static host would send it on a first visit (images, the favicon and the search index are not counted; the search "
        "index is listed separately)."
    )


# --------------------------------------------------------------------------- 4. Lighthouse


def chrome_path() -> str | None:
    for candidate in (os.environ.get("CHROME_PATH"), "/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def ensure_lighthouse() -> Path | None:
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if binary.exists():
        return binary
    npm = shutil.which("npm")
    if not npm:
        return None
    say("installing Lighthouse: npm ci --no-audit --no-fund …")
    proc = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        say(proc.stderr[-2000:])
        return None
    return binary if binary.exists() else None


def _items(audit: dict, limit: int = 3) -> list[str]:
    """What an audit points at: element selectors, or URLs for network items."""
    out = []
    for item in (audit.get("details") or {}).get("items", [])[:limit]:
        if not isinstance(item, dict):
            continue
        node = item.get("node") or {}
        location = item.get("sourceLocation") or {}
        text = node.get("selector") or node.get("snippet") or item.get("url") or location.get("url")
        if text:
            explanation = (node.get("explanation") or item.get("description") or "").strip().splitlines()
            detail = next((x.strip() for x in explanation if x.strip() and not x.startswith("Fix ")), "")[:240]
            out.append(f"`{text}`" + (f" ({detail})" if detail else ""))
    return out


def failing_audits(lhr: dict) -> list[tuple[str, str, str, list[str]]]:
    """(category, audit id, title or value, examples) for every audit that costs points."""
    out = []
    for cat_id, cat in lhr["categories"].items():
        for ref in cat["auditRefs"]:
            audit = lhr["audits"].get(ref["id"], {})
            if audit.get("scoreDisplayMode") in ("notApplicable", "manual", "informative", "error") or audit.get("score") is None:
                continue
            if ref.get("weight", 0) > 0 and audit["score"] < 1:
                if cat_id == "performance":
                    out.append((cat_id, ref["id"], f"{audit.get('displayValue', '')} (score {audit['score']:.2f}, weight {ref['weight']})", []))
                else:
                    out.append((cat_id, ref["id"], audit["title"], _items(audit)))
    return out


def run_lighthouse(binary: Path, chrome: str, url: str, preset: str, out: Path) -> dict | None:
    cmd = [
        str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
        "--only-categories=performance,accessibility,best-practices,seo", f"--chrome-flags={LH_FLAGS}",
    ]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    proc = subprocess.run(cmd, env={**ENV, "CHROME_PATH": chrome}, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 or not out.exists():
        say(f"lighthouse failed on {url} ({preset}): {proc.stderr[-800:]}")
        return None
    return json.loads(out.read_text(encoding="utf-8"))


def bench_lighthouse(report: Report, site: Path, presets: list[str], runs: int, bare_site: Path | None = None) -> None:
    import serve

    report.section("4. Lighthouse (served with gzip from 127.0.0.1)")
    chrome = chrome_path()
    binary = ensure_lighthouse()
    if not chrome or not binary:
        report.add("Lighthouse", "skipped", "", False)
        report.notes.append("Lighthouse was skipped: " + ("no Chromium found (set CHROME_PATH)" if not chrome else "npm or `npm ci` failed"))
        return
    server, base = serve.start(site)
    bare_server, bare_base = serve.start(bare_site) if bare_site and (bare_site / "index.html").is_file() else (None, None)
    folder = OUT / "lighthouse"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    budget = " · ".join(f"{BUDGET_LH[c]:g}" for c in BUDGET_LH)
    audits: dict[tuple[str, str], dict] = {}  # (category, audit id) -> title, where, examples
    slow: list[str] = []
    try:
        for name, path in LH_PAGES:
            if not (site / path / "index.html").is_file():
                themes = sorted(p.parent.name for p in (site / "themes").glob("*/index.html")) if path.startswith("themes/") else []
                if not themes:
                    report.notes.append(f"Lighthouse: /{path} is not in the site, so it was not measured.")
                    continue
                path = f"themes/{themes[0]}/"
            for preset in presets:
                say(f"lighthouse {preset} /{path} ({runs} run{'s' if runs > 1 else ''}) …")
                reports = []
                for n in range(runs):
                    slug = (path or "home").strip("/").replace("/", "_")
                    lhr = run_lighthouse(binary, chrome, base + path, preset, folder / f"{slug}-{preset}-{n + 1}.json")
                    if lhr:
                        reports.append(lhr)
                if not reports:
                    report.add(f"{name} /{path} ({preset})", "failed", budget, False)
                    continue
                scores = {c: statistics.median((r["categories"][c]["score"] or 0) for r in reports) for c in BUDGET_LH}
                ok = all(scores[c] >= BUDGET_LH[c] for c in BUDGET_LH)
                report.add(f"{name} /{path} ({preset})", " · ".join(f"{scores[c]:.2f}" for c in BUDGET_LH), budget, ok)
                # name what costs points, from the run closest to the median performance
                lhr = min(reports, key=lambda r: abs((r["categories"]["performance"]["score"] or 0) - scores["performance"]))
                metrics = []
                for category, audit_id, title, examples in failing_audits(lhr):
                    if scores[category] >= BUDGET_LH[category]:
                        continue
                    if category == "performance":
                        metrics.append(f"{audit_id} {title}")
                        continue
                    entry = audits.setdefault((category, audit_id), {"title": title, "where": [], "examples": []})
                    entry["where"].append(f"/{path} ({preset})")
                    entry["examples"] += [e for e in examples if e not in entry["examples"]]
                if metrics:
                    line = f"Lighthouse performance {scores['performance']:.2f} on /{path} ({preset}): " + "; ".join(metrics) + "."
                    if bare_base and (bare_site / path / "index.html").is_file():
                        say(f"lighthouse {preset} /{path} on the bare Material build, for comparison …")
                        slug = "bare-" + ((path or "home").strip("/").replace("/", "_"))
                        bare = [r for n in range(runs) if (r := run_lighthouse(binary, chrome, bare_base + path, preset, folder / f"{slug}-{preset}-{n + 1}.json"))]
                        if bare:
                            perf = statistics.median(r["categories"]["performance"]["score"] or 0 for r in bare)
                            tbt = statistics.median(r["audits"]["total-blocking-time"]["numericValue"] for r in bare)
                            lcp = statistics.median(r["audits"]["largest-contentful-paint"]["numericValue"] for r in bare)
                            line += f" Bare Material on the same page (no macros, hooks, cjk_lang): performance {perf:.2f}, TBT {tbt:.0f} ms, LCP {lcp / 1000:.1f} s"
                            line += (
                                ", so Material's own CSS and JavaScript already miss the budget here."
                                if perf < BUDGET_LH["performance"]
                                else "."
                            )
                    slow.append(line)
    finally:
        server.shutdown()
        if bare_server:
            bare_server.shutdown()
    for (category, audit_id), entry in sorted(audits.items()):
        examples = entry["examples"][:3]
        report.notes.append(
            f"Lighthouse {category}: `{audit_id}` ({entry['title']}) on {', '.join(entry['where'])}"
            + (". For example: " + "; ".join(examples) if examples else "")
            + ("" if examples and examples[-1].endswith(".") else ".")
        )
    report.notes += slow
    version = subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout.strip()
    report.notes.append(
        f"Lighthouse {version}, scores in the order performance · accessibility · best practices · SEO"
        + (f", median of {runs} runs" if runs > 1 else "")
        + ". Mobile is Lighthouse's default (Moto G Power emulation, simulated slow 4G and 4× CPU slowdown): a study guide is "
        "read on phones, so it counts. Desktop is the `--preset=desktop` run. Both are held to the same budget. Full JSON reports: bench/out/lighthouse/."
    )


# --------------------------------------------------------------------------- output


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        ram = f"{kib / 1024**2:.0f} GiB"
    except (OSError, AttributeError):
        pass
    versions = []
    for package, label in (("mkdocs", "MkDocs"), ("mkdocs-material", "Material"), ("mkdocs-macros-plugin", "mkdocs-macros")):
        try:
            versions.append(f"{label} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            pass
    load = f"; load average at start {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return f"{os.cpu_count()} CPUs ({cpu}), {ram} RAM, Python {platform.python_version()}, {', '.join(versions)}{load}"


def text_table(rows: list[Row]) -> str:
    head = ("Check", "Value", "Budget", "Result")
    cells = [(r.check.replace("**", "").replace("`", ""), r.value, r.budget, r.result) for r in rows]
    widths = [max(len(c[i]) for c in [head, *cells]) for i in range(4)]
    line = lambda c: "  ".join(str(x).ljust(w) for x, w in zip(c, widths, strict=True)).rstrip()  # noqa: E731
    out = [line(head), "  ".join("-" * w for w in widths)]
    for row, c in zip(rows, cells, strict=True):
        if row.check.startswith("**"):
            out.append("")
        out.append(line(c))
    return "\n".join(out)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("{{", "{ {").replace("{%", "{ %").replace("{#", "{ #")


def markdown(report: Report, header: str, date: str) -> str:
    lines = [f"Measured {date} on {header}.", "", "| Check | Value | Budget | Result |", "|---|---|---|---|"]
    for row in report.rows:
        check = row.check.replace("  ", "&emsp;", 2) if row.check.startswith("  ") else row.check
        result = "**FAIL**" if row.ok is False else row.result
        lines.append(f"| {_md(check)} | {_md(row.value)} | {_md(row.budget)} | {result} |")
    if report.notes:
        lines += ["", "Notes:", ""]
        lines += [f"- {_md(note)}" if "```" not in note else "- " + note.replace("\n", "\n  ") for note in report.notes]
    return "\n".join(lines)


PAGE_HEAD = """---
title: Benchmarks
description: How fast the guide builds, how it scales to ten times the content, how heavy its pages are, and its Lighthouse scores, measured by make bench.
---

# Benchmarks

`make bench` measures four things and writes the table below (the part between the
`bench:start` and `bench:end` markers is generated; the rest is written by hand):

1. **Build cost.** Our full strict build against bare Material for MkDocs building the
   same rendered pages (each page's Markdown after our macros, built with the same theme,
   Markdown extensions and search settings but without our macros, hooks, `cjk_lang`
   extension). Budget: ours at most 1.25 times bare.
   When an extra is costly its own cost is listed.
2. **Scale.** The same build on a copy of the project with 2, 5 and 10 times the glossary
   entries, excerpts and pages (synthetic, generated by `bench/scale.py`). Budget: ten
   times the content builds in at most eleven times the time.
3. **Page weight.** Each page's HTML with its CSS and JavaScript, gzipped as a static host
   sends it. Budget: 150 KiB for the heaviest page.
4. **Lighthouse.** Performance, accessibility, best practices and SEO for four pages,
   served with gzip from a local server, on Lighthouse's mobile and desktop settings.
   Budget: performance at least 0.99, the others 1.

Timings depend on the machine and on what else it is doing, so compare runs on the same
machine. The method is described in `bench/README.md` in the repository.

"""


def write_page(path: Path, body: str) -> None:
    block = f"{START}\n\n{body}\n\n{END}"
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if START in text and END in text:
            text = text[: text.index(START)] + block + text[text.index(END) + len(END):]
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
    else:
        text = PAGE_HEAD + block + "\n"
    path.write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project to measure (default: this repository)")
    parser.add_argument("--quick", action="store_true", help="one run per timing; scale 1× and 10× only; Lighthouse mobile only")
    parser.add_argument("--skip", default="", help="comma-separated: build, scale, weight, lighthouse")
    parser.add_argument("--runs", type=int, default=5, help="runs per headline build timing (best is kept)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page and preset (median is kept)")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    parser.add_argument("--summary", type=Path, help="also append the Markdown table to this file (CI: $GITHUB_STEP_SUMMARY)")
    parser.add_argument("--strict", action="store_true", help="exit 2 when a budget is missed (for a workflow that should go red)")
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
    if site and "lighthouse" not in skip:
        bench_lighthouse(report, site, ["mobile"] if args.quick else ["mobile", "desktop"], 1 if args.quick else args.lighthouse_runs, OUT / "site-bare")

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
    print(f"FAIL: {len(failed)} budget(s) missed: " + "; ".join(r.check.strip() for r in failed) if failed else "All budgets met.")
    if not args.no_write:
        target = root / "docs" / "benchmarks.md"
        write_page(target, markdown(report, header, date))
        print(f"Wrote {target.relative_to(root)}")
    if args.summary:
        with args.summary.open("a", encoding="utf-8") as out:
            out.write("## Study guide benchmark\n\n" + markdown(report, header, date) + "\n")
    return 2 if failed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
