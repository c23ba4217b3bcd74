"""Ace by DAISY, the EPUB accessibility checker (npm `@daisy/ace-cli`, pinned in
package.json; `make test` runs `npm ci --ignore-scripts`): axe's rules on every chapter
in a headless Chromium, and the accessibility metadata of the package document. It runs
the system Chromium (PUPPETEER_EXECUTABLE_PATH): with --ignore-scripts, puppeteer has
downloaded no browser of its own."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from studyguide import ROOT

ACE = ROOT / "node_modules" / "@daisy" / "ace-cli" / "bin" / "ace.js"


@dataclass
class AceReport:
    outcome: str  # "pass" or "fail", Ace's verdict on the whole book
    violations: list[str]  # "rule impact document: description", one per failed check
    metadata: dict  # the package document's metadata as Ace read it
    present: list[str]  # the accessibility metadata Ace found
    documents: list[str]  # the files it checked


def chromium() -> str | None:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    return path if os.access(path, os.X_OK) else None


def ace(epub: Path, outdir: Path) -> AceReport:
    """Run Ace on EPUB, its reports into OUTDIR; skip without Node, Ace or Chromium."""
    node, browser = shutil.which("node"), chromium()
    if node is None or not ACE.exists():
        pytest.skip("Ace by DAISY is not installed: run `make test` (it runs `npm ci`; needs npm)")
    if browser is None:
        pytest.skip("no Chromium for Ace: install Debian's chromium or set CHROMIUM_PATH")
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": browser, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    result = subprocess.run(
        [node, str(ACE), "--silent", "--force", "--outdir", str(outdir), str(epub)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    report_file = outdir / "report.json"
    assert result.returncode == 0 and report_file.exists(), (
        f"Ace failed (exit {result.returncode}):\n{result.stderr[-3000:]}"
    )
    report = json.loads(report_file.read_text(encoding="utf-8"))
    violations = [
        f"{check['earl:test']['dct:title']} {check['earl:test']['earl:impact']} "
        f"{doc['earl:testSubject']['url']}: "
        f"{check['earl:result'].get('dct:description', '')}"
        for doc in report["assertions"]
        for check in doc.get("assertions", [])
        if check["earl:result"]["earl:outcome"] == "fail"
    ]
    return AceReport(
        report["earl:result"]["earl:outcome"],
        violations,
        report["earl:testSubject"]["metadata"],
        report["a11y-metadata"]["present"],
        [doc["earl:testSubject"]["url"] for doc in report["assertions"]],
    )
