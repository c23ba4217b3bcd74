"""The JavaScript held to the Python bar: the unit tests in tests/js/ (`node --test`: the
progress store, the scheduler glue, the quiz rules) run as part of the suite; ESLint
rejects a bad script; the vendored ts-fsrs build is the one package-lock.json pins."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess

import pytest

from studyguide import ROOT

NODE = shutil.which("node")
VENDOR = ROOT / "docs" / "javascripts" / "vendor"
needs_node = pytest.mark.skipif(
    NODE is None, reason="node is not installed (apt-get install nodejs npm)"
)


@needs_node
def test_node_unit_tests_pass():
    files = sorted(
        p.relative_to(ROOT).as_posix() for p in (ROOT / "tests" / "js").glob("*.test.js")
    )  # node 20 and 22 alike
    assert len(files) >= 3, files
    result = subprocess.run(
        [NODE, "--test", *files], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    summary = re.search(r"^# pass (\d+)$", result.stdout, re.M)
    assert result.returncode == 0 and summary, result.stdout[-6000:] + result.stderr[-2000:]
    assert int(summary.group(1)) >= 36, f"only {summary.group(1)} node tests ran"


def _eslint():
    binary = ROOT / "node_modules" / ".bin" / "eslint"
    if not binary.exists():
        pytest.skip("eslint is not installed: run `make test` (it runs `npm ci`; needs npm)")
    return binary


def test_eslint_passes_the_scripts_and_rejects_a_bad_one(tmp_path):
    eslint = _eslint()
    clean = subprocess.run(
        [eslint, "--max-warnings", "0", "docs/javascripts", "tests/js"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert clean.returncode == 0, clean.stdout + clean.stderr
    bad = ROOT / "docs" / "javascripts" / "practice-zz-lint-probe.js"
    bad.write_text(
        '(function () { "use strict"; undefinedThing(); var unused = 1; })();\n', encoding="utf-8"
    )
    try:
        found = subprocess.run([eslint, bad], cwd=ROOT, capture_output=True, text=True, timeout=300)
    finally:
        bad.unlink()
    assert found.returncode == 1
    assert (
        "'undefinedThing' is not defined" in found.stdout and "'unused' is assigned" in found.stdout
    )


def test_vendored_ts_fsrs_is_the_locked_package_with_its_licence():
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    version = lock["packages"]["node_modules/ts-fsrs"]["version"]
    assert (
        json.loads((ROOT / "package.json").read_text())["devDependencies"]["ts-fsrs"] == version
    ), "pin it exactly"
    readme = (VENDOR / "README.txt").read_text(encoding="utf-8")
    vendored = (VENDOR / "ts-fsrs.js").read_bytes()
    assert f"\n  {version} (" in readme, (
        f"docs/javascripts/vendor/README.txt does not name ts-fsrs {version}"
    )
    assert f"sha256 {hashlib.sha256(vendored).hexdigest()}" in readme, (
        "the vendored file changed: update its checksum"
    )
    assert "MIT License" in (VENDOR / "ts-fsrs.LICENSE.txt").read_text(encoding="utf-8")
    installed = ROOT / "node_modules" / "ts-fsrs"
    if not installed.exists():
        pytest.skip("node_modules/ts-fsrs is not installed: run `make test` (it runs `npm ci`)")
    assert json.loads((installed / "package.json").read_text())["version"] == version, "run npm ci"
    text = (installed / "dist" / "index.umd.js").read_text(encoding="utf-8")
    expected = "".join(
        line
        for line in text.splitlines(keepends=True)
        if not line.startswith("//# sourceMappingURL=")
    )
    assert vendored.decode("utf-8") == expected, (
        "docs/javascripts/vendor/ts-fsrs.js differs from the locked package's build"
    )
