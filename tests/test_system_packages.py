"""The one list of system packages (.ci/packages) and its reader (.ci/system-packages):
every line well formed, the packages the suite needs listed, a missing one named with the
command that installs it, and `make test` saying so before it runs anything."""

from __future__ import annotations

import os
import subprocess

import pytest

from studyguide import ROOT

LIST = ROOT / ".ci" / "packages"
SCRIPT = ROOT / ".ci" / "system-packages"
GROUPS = {"core", "build", "test"}
PROBES = {"cmd", "lib", "font", "py", "env", "glob", "python"}


def entries() -> list[list[str]]:
    return [
        line.split(None, 3)
        for line in LIST.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def run(*args: str, packages: str | None = None, **env: str) -> subprocess.CompletedProcess:
    environ = dict(os.environ, **env)
    if packages is not None:
        environ["GUIDE_PACKAGES_FILE"] = packages
    return subprocess.run(
        [str(SCRIPT), *args], env=environ, capture_output=True, text=True, timeout=60
    )


def test_every_line_names_a_package_its_jobs_its_probes_and_what_needs_it():
    for fields in entries():
        assert len(fields) == 4, fields
        package, groups, probes, why = fields
        assert set(groups.split(",")) <= GROUPS, fields
        assert all(p.split(":", 1)[0] in PROBES for p in probes.split(",")), fields
        assert why.strip(), fields


def test_the_list_holds_what_the_suite_and_the_build_need():
    listed = run("list").stdout.split()
    for package in (
        "fonts-noto-cjk",
        "poppler-utils",
        "qpdf",
        "default-jre-headless",
        "npm",
        "chromium",
        "libpango-1.0-0",
        "python3-venv",
        "make",
        "git",
    ):
        assert package in listed
    assert set(run("list", "core").stdout.split()) == {"python3", "python3-venv", "make", "git"}
    assert "qpdf" not in run("list", "build").stdout.split()


def test_chromium_comes_from_playwright_on_ubuntu_never_from_its_snap_stub():
    (chromium,) = [f for f in entries() if f[0] == "chromium"]
    assert chromium[3].endswith(
        "ubuntu: .venv/bin/python -m playwright install --with-deps chromium"
    )


FAKE = (
    "# a comment\n"
    "absent-tool    test        cmd:no-such-tool-here        a tool the tests need\n"
    "browser-thing  test,build  cmd:no-such-browser,glob:~/no/such/*  "
    "the browser tests ubuntu: playwright install x\n"
    "present-shell  core        cmd:sh                       a shell\n"
)


@pytest.fixture
def fake(tmp_path) -> str:
    path = tmp_path / "packages"
    path.write_text(FAKE, encoding="utf-8")
    return str(path)


def test_check_names_each_missing_package_with_its_install_command_one_line_each(fake):
    result = run("check", packages=fake, GUIDE_OS_ID="debian")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "missing absent-tool (a tool the tests need): sudo apt-get install absent-tool",
        "missing browser-thing (the browser tests): sudo apt-get install browser-thing",
    ]
    ubuntu = run("check", "test", packages=fake, GUIDE_OS_ID="ubuntu").stdout.splitlines()
    assert ubuntu[1] == "missing browser-thing (the browser tests): playwright install x"
    assert run("check", "core", packages=fake).returncode == 0


def test_a_probe_that_passes_counts_the_package_as_installed(fake, tmp_path):
    (tmp_path / "no").mkdir()
    present = FAKE.replace("cmd:no-such-tool-here", "cmd:no-such-tool-here,env:FAKE_TOOL")
    path = tmp_path / "packages2"
    path.write_text(present, encoding="utf-8")
    assert "absent-tool" not in run("check", packages=str(path), FAKE_TOOL="/bin/sh").stdout


@pytest.mark.parametrize("python, ok", [("/usr/bin/false", False), ("", True)])
def test_the_python_probe_wants_the_version_pyproject_requires(tmp_path, python, ok):
    import sys

    path = tmp_path / "packages"
    path.write_text("python3  core  python:3.11.5  Python 3.11.5 or later\n", encoding="utf-8")
    assert run("check", packages=str(path), PYTHON=python or sys.executable).returncode == (
        0 if ok else 1
    )
    path.write_text("python3  core  python:99.0  Python 99\n", encoding="utf-8")
    assert run("check", packages=str(path), PYTHON=sys.executable).stdout.startswith(
        "missing python3 (Python 99)"
    )


def test_an_unknown_probe_is_refused_naming_the_list(tmp_path):
    path = tmp_path / "packages"
    path.write_text("thing  test  rpm:thing  something\n", encoding="utf-8")
    result = run("check", packages=str(path))
    assert result.returncode == 2 and f"{path}: unknown probe 'rpm:thing'" in result.stderr


def test_the_real_list_is_all_installed_on_this_machine_under_ci():
    """CI (.ci/run) installs the list first; a laptop may lack some (make test then says so)."""
    if not os.environ.get("CI"):
        pytest.skip("not under CI: this machine need not have every package")
    result = run("check")
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("ci, stops", [("", False), ("true", True)])
def test_make_test_says_what_is_missing_before_running_and_under_ci_stops(
    fake, tmp_path, ci, stops
):
    stamp = tmp_path / "stamp"
    stamp.touch()
    result = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "test",
            f"STAMP={stamp}",
            "NODE_STAMP=",
            "PY=echo would-run",
        ],
        cwd=ROOT,
        env=dict(os.environ, GUIDE_PACKAGES_FILE=fake, CI=ci, GUIDE_OS_ID="debian"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (
        "missing absent-tool (a tool the tests need): sudo apt-get install absent-tool"
        in result.stdout
    )
    if stops:
        assert result.returncode != 0 and "would-run" not in result.stdout
    else:
        assert result.returncode == 0
        assert result.stdout.index("missing absent-tool") < result.stdout.index(
            "would-run -m pytest"
        )


def test_the_readme_points_to_the_list_and_names_what_a_fresh_machine_lacks():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "[`.ci/packages`](.ci/packages)" in readme and ".ci/system-packages check" in readme
    for needed in (
        "qpdf",
        "default-jre-headless",
        "`npm`",
        "fonts-noto-cjk",
        "poppler-utils",
        "Chromium",
    ):
        assert needed in readme, needed
