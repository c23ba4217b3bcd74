"""The contributor hooks pass on the whole repository, so CI runs exactly what
`make lint` and `pre-commit` run on a contributor's machine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

BIN = Path(sys.executable).parent


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="not a git checkout: pre-commit needs one")
def test_pre_commit_hooks_pass_on_every_file(tmp_path):
    if not (BIN / "pre-commit").exists() or shutil.which("git") is None:
        pytest.skip("pre-commit or git not installed")
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}", PRE_COMMIT_HOME=str(tmp_path / "pre-commit"))
    result = subprocess.run(
        [str(BIN / "pre-commit"), "run", "--all-files", "--show-diff-on-failure", "--color", "never"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    failed = [line for line in result.stdout.splitlines() if line.endswith("Failed")]
    assert result.returncode == 0, "hooks failed: " + "; ".join(failed) + "\n" + result.stdout[-3000:]
