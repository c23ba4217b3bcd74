"""What tests/conftest.py guarantees the whole suite: under CI nothing may be skipped,
including a whole module that skips while it is collected (a module-level
`pytest.importorskip`), which no per-test hook sees (each test runs pytest on a scratch
file with the real conftest.py beside it); and the session's builds use a cache of
their own, never the developer's .cache."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from studyguide import ROOT

SKIPS_AT_IMPORT = (
    "import pytest\n\n"
    'pytest.importorskip("no_such_module_for_this_test", reason="the module is absent")\n\n\n'
    "def test_never_runs():\n    pass\n"
)
SKIPS_IN_TEST = 'import pytest\n\n\ndef test_skips():\n    pytest.skip("no browser here")\n'


def run_pytest(tmp_path: Path, source: str, *args: str, **env: str) -> subprocess.CompletedProcess:
    for helper in (
        "conftest.py",
        *(p.name for p in Path(__file__).parent.glob("*.py") if not p.name.startswith("test_")),
    ):
        shutil.copy(
            Path(__file__).with_name(helper), tmp_path / helper
        )  # conftest and the helpers it loads
    (tmp_path / "test_scratch.py").write_text(source, encoding="utf-8")
    environ = {
        k: v for k, v in os.environ.items() if k not in ("CI", "GUIDE_ALLOW_SKIP", "PYTEST_ADDOPTS")
    }
    environ.update(env, PYTHONPATH=str(ROOT))
    return subprocess.run(
        # --basetemp: a folder of its own, so the scratch run never prunes (deletes) the older
        # runs' folders under /tmp/pytest-of-<user>, which took 40 s in a full suite
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rs",
            "-p",
            "no:cacheprovider",
            f"--basetemp={tmp_path / 'basetemp'}",
            *(args or ("-p", "no:xdist")),
            "test_scratch.py",
        ],
        cwd=tmp_path,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("source", [SKIPS_AT_IMPORT, SKIPS_IN_TEST], ids=["at-import", "in-test"])
def test_a_skip_is_only_a_skip_outside_ci(tmp_path, source):
    result = run_pytest(tmp_path, source)
    assert result.returncode in (0, 5), result.stdout + result.stderr  # 5: nothing ran
    assert "1 skipped" in result.stdout and "error" not in result.stdout.lower(), result.stdout


def test_a_module_that_skips_at_import_fails_under_ci(tmp_path):
    result = run_pytest(tmp_path, SKIPS_AT_IMPORT, CI="true")
    assert result.returncode != 0, result.stdout
    assert (
        "skipped at collection under CI" in result.stdout
        and "the module is absent" in result.stdout
    )
    assert "1 error" in result.stdout, result.stdout


def test_a_test_that_skips_fails_under_ci(tmp_path):
    result = run_pytest(tmp_path, SKIPS_IN_TEST, CI="true")
    assert result.returncode == 1, result.stdout
    assert "skipped under CI" in result.stdout and "1 failed" in result.stdout, result.stdout


def test_a_collection_skip_with_an_allowed_reason_passes_under_ci(tmp_path):
    result = run_pytest(
        tmp_path, SKIPS_AT_IMPORT, CI="true", GUIDE_ALLOW_SKIP="the module is absent"
    )
    assert result.returncode in (0, 5) and "1 skipped" in result.stdout, result.stdout


SHARED_BUILD = """import os, pytest
from conftest import built_once

@pytest.fixture(scope="session")
def made(tmp_path_factory):
    def build(folder):
        folder.mkdir()
        with open(os.environ["BUILDS_LOG"], "a") as log:
            log.write(os.environ.get("PYTEST_XDIST_WORKER", "main") + "\\n")
    return built_once(tmp_path_factory, "made", build)

@pytest.mark.parametrize("n", range(8))
def test_uses_the_build(made, n):
    assert made.is_dir()
    with open(os.environ["BUILDS_LOG"] + ".uses", "a") as log:
        log.write(os.environ["PYTEST_XDIST_WORKER"] + "\\n")
"""


def test_two_workers_share_one_build_of_a_session_fixture(tmp_path):
    """The `site` fixture's pattern (conftest.built_once): under pytest-xdist the first
    worker builds, the other waits and reuses it."""
    log = tmp_path / "builds.log"
    result = run_pytest(tmp_path, SHARED_BUILD, "-n", "2", BUILDS_LOG=str(log))
    assert result.returncode == 0 and "8 passed" in result.stdout, result.stdout + result.stderr
    assert set(tmp_path.joinpath("builds.log.uses").read_text().split()) == {"gw0", "gw1"}
    assert len(log.read_text().splitlines()) == 1, log.read_text()


def test_the_test_session_cache_is_not_the_repositorys(site):
    """conftest gives the session a fresh folder, and the strict build of the site (a
    subprocess) wrote its passes there, not to the developer's .cache. A site built before
    the run (GUIDE_SITE_DIR, the workflow's test job) was not built in this session: a
    subprocess loads the guide instead."""
    folder = Path(os.environ["GUIDE_CACHE_DIR"])
    assert folder.is_dir() and ROOT not in folder.resolve().parents
    if os.environ.get("GUIDE_SITE_DIR"):
        load = "from studyguide import ROOT; from studyguide.load.guide import load_guide; "
        subprocess.run([sys.executable, "-c", load + "load_guide(ROOT)"], cwd=ROOT, check=True)
    assert (folder / "pinyin-passed.json").is_file() and (folder / "schema-passed.json").is_file()
