"""`make bench`'s scaled copies (bench/scale.py) pass the checks every build runs, so the
scaling rows time real builds instead of reporting "failed": synthetic glossary entries
in key order, and the excerpt cap scaled with the excerpts (without it, the cap stops
the build, which the second test shows)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import yaml

from bench.scale import make_scaled
from studyguide import ROOT
from studyguide.pages.core_path import NAV_TITLE, START, core_page, full_pages


def _check(project) -> subprocess.CompletedProcess:
    env = {
        k: v for k, v in os.environ.items() if k not in ("CI", "GUIDE_SEEDS")
    }  # no source texts beside a copy: a note, not a failure
    return subprocess.run(
        [sys.executable, "-m", "studyguide.check"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_unscaled_copy_is_made_too(tmp_path):
    """Factor 1, the baseline row: the copy as it is, its cap unchanged."""
    counts = make_scaled(ROOT, tmp_path / "scale-1", 1)
    assert counts["factor"] == 1 and counts["glossary"] >= 50, counts
    assert re.search(
        r"^MAX_EXCERPTS = 12\b",
        (tmp_path / "scale-1/studyguide/check.py").read_text(encoding="utf-8"),
        re.M,
    )


def test_a_doubled_copy_passes_the_build_checks_and_needs_its_scaled_cap(tmp_path):
    counts = make_scaled(ROOT, tmp_path / "scale-2", 2)
    assert counts["glossary"] >= 2 * 50 and counts["excerpts"] >= 2 * 50, counts
    result = _check(tmp_path / "scale-2")
    assert result.returncode == 0, result.stdout + result.stderr
    # The core path lists a core page for every source and theme page, copies included, in
    # the nav's order (macros/hooks/core_path.py refuses the build otherwise).
    nav = yaml.safe_load((tmp_path / "scale-2/mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    listed = next(item[NAV_TITLE] for item in nav if isinstance(item, dict) and NAV_TITLE in item)
    listed = [next(iter(i.values())) if isinstance(i, dict) else i for i in listed]
    assert listed == [START] + [core_page(page) for page in full_pages(nav)], listed

    check = tmp_path / "scale-2" / "studyguide" / "check.py"
    check.write_text(
        re.sub(
            r"^MAX_EXCERPTS = \d+",
            "MAX_EXCERPTS = 12",
            check.read_text(encoding="utf-8"),
            flags=re.M,
        ),
        encoding="utf-8",
    )
    result = _check(tmp_path / "scale-2")
    assert result.returncode != 0 and "excerpts, at most 12" in result.stdout + result.stderr, (
        result.stdout + result.stderr
    )
