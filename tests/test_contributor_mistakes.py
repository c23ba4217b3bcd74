"""Issues 17 and 29: each mistake a first-time contributor makes stops `make build` (run
as a subprocess on a scratch copy) with one exact line naming the file, line, key and fix,
no traceback. The mistakes and their lines are in tests/mistakes_support.py; CONTRIBUTING's
error table quotes these same lines (tests/test_contributing_error_table.py)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from mistakes_support import MISTAKES, expected, same

from studyguide import ROOT
from studyguide.load import verbatim

SEEDS = verbatim.seeds_dir(ROOT, os.environ)


# Mistakes found once the data has loaded (key order, the excerpt cap, the verbatim check):
# the build reports every one of them, so one build serves the three. A mistake that stops
# the loading (a field, a pinyin, a duplicate) hides any other, so each gets a build.
TOGETHER = ("changed_word", "thirteenth_excerpt", "key_out_of_order")
PAGES = ("unknown_term", "unknown_excerpt")  # the quick check reads every page: both at once
WARNINGS = ("missing_anchor",)  # MkDocs' own warning, which --strict turns into a failure


def together(name: str) -> tuple[str, ...]:
    return next((group for group in (TOGETHER, PAGES) if name in group), (name,))


@pytest.fixture(scope="module")
def build_with(tmp_path_factory):
    """`make build` on a scratch copy with the named mistakes made: (exit code, output),
    once per set of mistakes."""
    done: dict[tuple[str, ...], tuple[int, str]] = {}

    def build(names: tuple[str, ...]) -> tuple[int, str]:
        if names not in done:
            folder = tmp_path_factory.mktemp("mistake")
            copy = folder / "project"
            shutil.copytree(
                ROOT,
                copy,
                ignore=shutil.ignore_patterns(
                    ".venv",
                    "site",
                    ".git",
                    ".cache",
                    ".pytest_cache",
                    "__pycache__",
                    "node_modules",
                ),
            )
            for name in names:
                MISTAKES[name][0](copy)
            stamp = folder / "installed"  # the shared venv is installed: make need not install
            stamp.touch()
            result = subprocess.run(
                ["make", "build", f"PY={sys.executable}", f"STAMP={stamp}"],
                cwd=copy,
                env=dict(os.environ, GUIDE_SEEDS=str(SEEDS)),
                capture_output=True,
                text=True,
                timeout=300,
            )
            done[names] = result.returncode, result.stdout + result.stderr
        return done[names]

    return build


@pytest.mark.parametrize("name", list(MISTAKES))
def test_a_mistake_stops_make_build_with_one_exact_line(name, build_with):
    if name == "changed_word" and not SEEDS.is_dir():
        pytest.skip(f"source texts not found at {SEEDS}")
    code, output = build_with(together(name))
    line = expected(name)
    assert code != 0
    assert "Traceback" not in output, output[-3000:]
    level = "WARNING" if name in WARNINGS else "ERROR"  # an error alone stops the build
    errors = [
        same(re.sub(rf"^{level}\s+-\s+", "", x)) for x in output.splitlines() if x.startswith(level)
    ]
    assert same(line) in errors, "\n".join(output.splitlines()[-20:])


def test_a_build_prints_no_routine_lines(build_with):
    """The anchor mistake's build renders every page: what it prints is a problem or one of
    MkDocs' own progress lines, not mkdocs-macros' or jieba's routine ones
    (macros/hooks/log_levels.py)."""
    _, output = build_with(("missing_anchor",))
    assert "[macros]" not in output and "prefix dict" not in output, output[-3000:]


def test_check_without_source_texts_says_so_and_fails_under_ci(tmp_path):
    from studyguide.check import main

    assert main(ROOT, {"GUIDE_SEEDS": str(tmp_path / "none")}) == 0
    assert main(ROOT, {"GUIDE_SEEDS": str(tmp_path / "none"), "CI": "true"}) == 1
