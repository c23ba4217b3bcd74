"""Row 4, Lighthouse: four pages served with gzip from 127.0.0.1 (bench.serve), mobile and
desktop; for each missed score, the audits that cost points."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
from pathlib import Path

from bench import serve
from bench.report import Report
from bench.timing import ENV, OUT, ROOT, say, wait_until_quiet

BUDGET_LH = {"performance": 1.0, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
LH_PAGES = [
    ("Home", ""),
    ("Source page", "sources/shi-2014/"),
    ("Theme page", "themes/welfare-mix/"),
    ("Glossary", "glossary/"),
    ("Term page", "terms/hukou/"),
    ("Flashcards", "study/flashcards/"),
    ("Quiz", "study/quiz/"),
]
LH_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"


def chrome_path() -> str | None:
    for candidate in (
        os.environ.get("CHROME_PATH"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        shutil.which("google-chrome"),
    ):
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
    proc = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund"], cwd=ROOT, capture_output=True, text=True
    )
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
            explanation = (
                (node.get("explanation") or item.get("description") or "").strip().splitlines()
            )
            detail = next(
                (x.strip() for x in explanation if x.strip() and not x.startswith("Fix ")), ""
            )[:240]
            out.append(f"`{text}`" + (f" ({detail})" if detail else ""))
    return out


def failing_audits(lhr: dict) -> list[tuple[str, str, str, list[str]]]:
    """(category, audit id, title or value, examples) for every audit that costs points."""
    out = []
    for cat_id, cat in lhr["categories"].items():
        for ref in cat["auditRefs"]:
            audit = lhr["audits"].get(ref["id"], {})
            if (
                audit.get("scoreDisplayMode") in ("notApplicable", "manual", "informative", "error")
                or audit.get("score") is None
            ):
                continue
            if ref.get("weight", 0) > 0 and audit["score"] < 1:
                if cat_id == "performance":
                    out.append(
                        (
                            cat_id,
                            ref["id"],
                            f"{audit.get('displayValue', '')} "
                            f"(score {audit['score']:.2f}, weight {ref['weight']})",
                            [],
                        )
                    )
                else:
                    out.append((cat_id, ref["id"], audit["title"], _items(audit)))
    return out


BUSY: list[float] = []  # the CPUs' busy fraction as each run started (wait_until_quiet)


def run_lighthouse(binary: Path, chrome: str, url: str, preset: str, out: Path) -> dict | None:
    busy = wait_until_quiet()
    if busy is not None:
        BUSY.append(busy)
    cmd = [
        str(binary),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        "--only-categories=performance,accessibility,best-practices,seo",
        f"--chrome-flags={LH_FLAGS}",
    ]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    proc = subprocess.run(
        cmd, env={**ENV, "CHROME_PATH": chrome}, capture_output=True, text=True, timeout=300
    )
    if proc.returncode != 0 or not out.exists():
        say(f"lighthouse failed on {url} ({preset}): {proc.stderr[-800:]}")
        return None
    return json.loads(out.read_text(encoding="utf-8"))


def bench_lighthouse(
    report: Report, site: Path, presets: list[str], runs: int, bare_site: Path | None = None
) -> None:
    report.section("4. Lighthouse (served with gzip from 127.0.0.1)")
    chrome = chrome_path()
    binary = ensure_lighthouse()
    if not chrome or not binary:
        report.add("Lighthouse", "skipped", "", False)
        report.notes.append(
            "Lighthouse was skipped: "
            + ("no Chromium found (set CHROME_PATH)" if not chrome else "npm or `npm ci` failed")
        )
        return
    server, base = serve.start(site)
    bare_server, bare_base = (
        serve.start(bare_site)
        if bare_site and (bare_site / "index.html").is_file()
        else (None, None)
    )
    folder = OUT / "lighthouse"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    budget = " · ".join(f"{BUDGET_LH[c]:g}" for c in BUDGET_LH)
    audits: dict[tuple[str, str], dict] = {}  # (category, audit id) -> title, where, examples
    slow: list[str] = []
    try:
        for name, path in LH_PAGES:
            if not (site / path / "index.html").is_file():
                themes = (
                    sorted(p.parent.name for p in (site / "themes").glob("*/index.html"))
                    if path.startswith("themes/")
                    else []
                )
                if not themes:
                    report.notes.append(
                        f"Lighthouse: /{path} is not in the site, so it was not measured."
                    )
                    continue
                path = f"themes/{themes[0]}/"
            for preset in presets:
                say(f"lighthouse {preset} /{path} ({runs} run{'s' if runs > 1 else ''}) …")
                reports = []
                for n in range(runs):
                    slug = (path or "home").strip("/").replace("/", "_")
                    lhr = run_lighthouse(
                        binary,
                        chrome,
                        base + path,
                        preset,
                        folder / f"{slug}-{preset}-{n + 1}.json",
                    )
                    if lhr:
                        reports.append(lhr)
                if not reports:
                    report.add(f"{name} /{path} ({preset})", "failed", budget, False)
                    continue
                scores = {
                    c: statistics.median((r["categories"][c]["score"] or 0) for r in reports)
                    for c in BUDGET_LH
                }
                ok = all(scores[c] >= BUDGET_LH[c] for c in BUDGET_LH)
                report.add(
                    f"{name} /{path} ({preset})",
                    " · ".join(f"{scores[c]:.2f}" for c in BUDGET_LH),
                    budget,
                    ok,
                )
                # name what costs points, from the run closest to the median performance
                lhr = min(
                    reports,
                    key=lambda r: abs(
                        (r["categories"]["performance"]["score"] or 0) - scores["performance"]
                    ),
                )
                metrics = []
                for category, audit_id, title, examples in failing_audits(lhr):
                    if scores[category] >= BUDGET_LH[category]:
                        continue
                    if category == "performance":
                        metrics.append(f"{audit_id} {title}")
                        continue
                    entry = audits.setdefault(
                        (category, audit_id), {"title": title, "where": [], "examples": []}
                    )
                    entry["where"].append(f"/{path} ({preset})")
                    entry["examples"] += [e for e in examples if e not in entry["examples"]]
                if metrics:
                    line = (
                        f"Lighthouse performance {scores['performance']:.2f} "
                        f"on /{path} ({preset}): " + "; ".join(metrics) + "."
                    )
                    if bare_base and (bare_site / path / "index.html").is_file():
                        say(
                            f"lighthouse {preset} /{path} on the bare Material build, "
                            "for comparison …"
                        )
                        slug = "bare-" + ((path or "home").strip("/").replace("/", "_"))
                        bare = [
                            r
                            for n in range(runs)
                            if (
                                r := run_lighthouse(
                                    binary,
                                    chrome,
                                    bare_base + path,
                                    preset,
                                    folder / f"{slug}-{preset}-{n + 1}.json",
                                )
                            )
                        ]
                        if bare:
                            perf = statistics.median(
                                r["categories"]["performance"]["score"] or 0 for r in bare
                            )
                            tbt = statistics.median(
                                r["audits"]["total-blocking-time"]["numericValue"] for r in bare
                            )
                            lcp = statistics.median(
                                r["audits"]["largest-contentful-paint"]["numericValue"]
                                for r in bare
                            )
                            line += (
                                " Bare Material on the same page (no macros, hooks, cjk_lang): "
                                f"performance {perf:.2f}, TBT {tbt:.0f} ms, "
                                f"LCP {lcp / 1000:.1f} s"
                            )
                            line += (
                                ", so Material's own CSS and JavaScript already miss the "
                                "budget here."
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
    if BUSY:
        report.notes.append(
            "Each Lighthouse run started once the CPUs had been less than 15% busy for a second "
            "(waiting at most 60 s): "
            f"{sum(b < 0.15 for b in BUSY)} of {len(BUSY)} runs started so; "
            f"the busiest start was {max(BUSY):.0%}."
        )
    version = subprocess.run(
        [str(binary), "--version"], capture_output=True, text=True
    ).stdout.strip()
    report.notes.append(
        f"Lighthouse {version}, scores in the order "
        "performance · accessibility · best practices · SEO"
        + (f", median of {runs} runs" if runs > 1 else "")
        + ". Mobile is Lighthouse's default (Moto G Power emulation, simulated slow 4G "
        "and 4× CPU slowdown): a study guide is read on phones, so it counts. "
        "Desktop is the `--preset=desktop` run. Both are held to the same budget. "
        "Full JSON reports: bench/out/lighthouse/."
    )
