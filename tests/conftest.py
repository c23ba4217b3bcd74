"""Shared fixtures: the real site built once per session, and scratch copies of the
project for builds that must fail. Under CI (the CI variable set), a skipped test is a
failure: CI has every browser, font and source text, so nothing may be skipped there
(GUIDE_ALLOW_SKIP lists reasons a particular CI may accept, e.g. where the copyrighted
source texts are absent).

`make test` runs the suite on two pytest-xdist workers, a whole test file to a worker
(`--dist loadfile`), so the browser tests and the PDF tests each make their own session
fixtures once. (`--dist loadgroup` would do it per marker, but pytest-xdist 3.8 groups by
rewriting `item._nodeid`, which pytest 9 no longer reads.) The real site is built once
for both workers: the first to need it builds it under a file lock (built_once), and so
is the PDF. The files go out slowest first (SLOWEST_FIRST, with `--no-loadscope-reorder`),
each to whichever worker runs out of work, so the two finish together.

With GUIDE_SITE_DIR set, the `site` fixture is that already built site (the workflow's
build job's artefact) instead of a fresh build.

The session gets a cache folder of its own (GUIDE_CACHE_DIR, inherited by every build it
starts), so what a developer's .cache remembers can never turn a failing test green."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from studyguide import ROOT

# The rendered PDF (fixtures rendered, reader, text) for tests/test_pdf_*.py.
pytest_plugins = ["pdf_support"]

_IGNORED_NAMES = shutil.ignore_patterns(
    ".venv", "site", ".git", ".cache", ".pytest_cache", "__pycache__", "node_modules"
)


def ignore_in_copy(folder: str, names: list[str]) -> set[str]:
    """What a scratch copy of the project leaves out: tools' folders, and bench/out (the
    benchmark's built sites, hundreds of megabytes on a developer's machine)."""
    ignored = set(_IGNORED_NAMES(folder, names))
    return ignored | {"out"} if Path(folder).name == "bench" and "out" in names else ignored


_SESSION_CACHE: list[Path] = []

# The files that take longest (roughly the CPU seconds of the slowest, in the comments),
# handed out in this order before all others: the two workers then end within a few
# seconds of each other. The first two need no shared build of each other's:
# one worker builds the site and walks it while the other breaks scratch copies, and the
# PDF is rendered (for every PDF test) while the walk still runs.
SLOWEST_FIRST = (
    "test_browser.py",  # the site's build, then the walk over every page: 70
    "test_contributor_mistakes.py",  # twelve builds of broken copies, no site: 13
    "test_pdf_document.py",  # renders the PDF for the PDF tests: 30
    "test_epub.py",  # EPUBCheck, Ace by DAISY: 30
    "test_validators.py",  # hyperlink's crawl, the W3C checker: 21
    "test_practice_browser.py",
    "test_flashcards_browser.py",
    "test_browser_terms.py",
    "test_browser_interactions.py",
    "test_browser_phone.py",
    "test_practice_progress_browser.py",
    "test_repository_links.py",
    "test_offline.py",
    "test_sheets_print.py",
    "test_browser_core.py",
    "test_browser_search.py",
    "test_pdf_ua.py",
    "test_core_budgets.py",
)


def pytest_collection_modifyitems(config, items):
    """SLOWEST_FIRST's files first, in its order; the others after them, as collected."""
    rank = {name: n for n, name in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


def pytest_configure(config):
    if not hasattr(config, "workerinput"):  # pytest-xdist workers inherit the controller's
        _SESSION_CACHE.append(Path(tempfile.mkdtemp(prefix="guide-test-cache-")))
        os.environ["GUIDE_CACHE_DIR"] = str(_SESSION_CACHE[-1])


def pytest_unconfigure(config):
    while _SESSION_CACHE:
        shutil.rmtree(_SESSION_CACHE.pop(), ignore_errors=True)


def _forbidden_under_ci(report) -> str | None:
    """Why this skip fails the run: it is a skip, CI is set, and its reason is not one
    GUIDE_ALLOW_SKIP accepts. None when the skip may stand."""
    if not (os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail")):
        return None
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    allowed = [a.strip() for a in os.environ.get("GUIDE_ALLOW_SKIP", "").split(",") if a.strip()]
    return None if any(a in reason for a in allowed) else reason


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    report = (yield).get_result()
    reason = _forbidden_under_ci(report)
    if reason is not None:
        report.outcome = "failed"
        report.longrepr = f"skipped under CI, where nothing may be skipped: {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    """A module that skips while it is collected (a module-level `pytest.importorskip`)
    never reaches pytest_runtest_makereport: under CI it is a collection error instead."""
    report = (yield).get_result()
    reason = _forbidden_under_ci(report)
    if reason is not None:
        report.outcome = "failed"
        report.longrepr = (
            f"{collector.nodeid} skipped at collection under CI, "
            f"where nothing may be skipped: {reason}"
        )


def run_mkdocs(
    project: Path, site_dir: Path, env: dict | None = None
) -> subprocess.CompletedProcess:
    env = dict(os.environ if env is None else env, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def built_once(tmp_path_factory, name: str, build) -> Path:
    """`build(folder)` run once per test run, even across pytest-xdist workers: they share
    the parent of their temporary folders, and the first to take the lock builds."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    folder, done = shared / name, shared / f"{name}.built"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            build(folder)
            done.touch()
    return folder


def _build_site(site_dir: Path) -> None:
    result = run_mkdocs(ROOT, site_dir)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr[-4000:]}"


def _copy_prebuilt(site_dir: Path) -> None:
    """GUIDE_SITE_DIR: a site built before the run (the workflow's build job, `make publish`),
    tested instead of a fresh build. Copied, so what tests write (the PDF they render) never
    changes the folder that is published."""
    prebuilt = Path(os.environ["GUIDE_SITE_DIR"]).resolve()
    assert (prebuilt / "index.html").is_file(), (
        f"GUIDE_SITE_DIR={prebuilt} holds no built site (no index.html)"
    )
    shutil.copytree(prebuilt, site_dir)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real guide, built strictly once for the whole run; or, with GUIDE_SITE_DIR set,
    that already built site (build once, test and publish the same files)."""
    return built_once(
        tmp_path_factory,
        "site",
        _copy_prebuilt if os.environ.get("GUIDE_SITE_DIR") else _build_site,
    )


# Where the guide lives, as the workflow's jobs set it (studyguide.repository): a build that
# must find out for itself runs without them.
WHERE = ("REPO_URL", "REPO_NAME", "SITE_URL")


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t",
            "-c",
            "init.defaultBranch=main",
            *args,
        ],
        cwd=folder,
        check=True,
        capture_output=True,
    )


def _build_without_repository(folder: Path) -> None:
    project = folder / "project"
    shutil.copytree(ROOT, project, ignore=ignore_in_copy)
    git(project, "init", "-q")
    git(project, "remote", "add", "origin", "/srv/git/guide.git")
    env = {k: v for k, v in os.environ.items() if k not in WHERE}
    result = run_mkdocs(project, folder / "site", env)
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture(scope="session")
def site_without_repository(tmp_path_factory) -> Path:
    """The guide built strictly from a scratch copy that cannot tell where it lives: its
    git origin is no GitHub repository and REPO_URL, REPO_NAME and SITE_URL are unset
    (mkdocs.yml as it is, edit_uri included). Built once for the run: the repository-link
    and report-link tests read the same build."""
    return (
        built_once(tmp_path_factory, "site-without-repository", _build_without_repository) / "site"
    )


def load_error(project: Path, data_file: str, old: str, new: str) -> str:
    """The GuideError that loading `project` raises once `old` in `data_file` reads `new`."""
    from studyguide.errors import GuideError
    from studyguide.load.guide import load_guide

    path = project / data_file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        load_guide(project)
    return str(caught.value)


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A scratch copy of the project that a test may break."""
    target = tmp_path / "project"
    shutil.copytree(ROOT, target, ignore=ignore_in_copy)
    return target


@pytest.fixture(scope="session")
def guide():
    from studyguide.load.guide import load_guide

    return load_guide(ROOT)


# The browser tests' session fixtures (tests/browser_fixtures.py), made once for all the
# tests/test_browser*.py files that use them.
from browser_fixtures import browser, pages, recorder, served, served_as_built  # noqa: E402, F401
from browser_walk import walk  # noqa: E402, F401
