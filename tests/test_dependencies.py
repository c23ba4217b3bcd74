"""Dependencies: the direct ones declared in pyproject.toml, the package's own and by group,
each pinned; one lock per group in requirements/, every package pinned with its hashes and
current with pyproject.toml; and every third-party module our code imports declared
directly (not left to arrive through another package), the package's own imports outside
the PDF and the EPUB among its own dependencies."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

import pytest
from packaging.requirements import Requirement
from repo_support import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
GROUPS = PYPROJECT["project"]["optional-dependencies"]
# What installing the package installs: in every lock, and "package" below.
DEPENDENCIES = PYPROJECT["project"]["dependencies"]
DECLARED = {"package": DEPENDENCIES, **GROUPS}
LOCKS = {
    "site": ["site"],
    "pdf": ["site", "pdf"],
    "test": ["site", "pdf", "test"],
    "lint": ["lint"],
    "dev": ["site", "pdf", "test", "lint"],
}
# Our own top-level modules (not packages from PyPI).
# Our own: the packages, and the helper modules beside the tests and the benchmark.
OURS = {
    "studyguide",
    "macros",
    "tests",
    "bench",
    *(p.stem for p in (ROOT / "tests").glob("*.py")),
    *(p.stem for p in (ROOT / "bench").glob("*.py")),
}


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(requirements: list[str]) -> dict[str, str]:
    found = {}
    for line in requirements:
        req = Requirement(line)
        (spec,) = req.specifier
        assert spec.operator == "==", f"{line}: pin direct dependencies exactly (==)"
        found[norm(req.name)] = spec.version
    return found


def lock(name: str) -> dict[str, tuple[str, int]]:
    """requirements/<name>.txt as {package: (version, number of hashes)}."""
    text = (ROOT / "requirements" / f"{name}.txt").read_text(encoding="utf-8")
    entries = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        match = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", block)
        if match:
            entries[norm(match[1])] = (match[2], block.count("--hash=sha256:"))
    return entries


def test_the_groups_are_site_pdf_test_and_lint_and_each_makefile_lock_matches():
    assert set(GROUPS) == {"site", "pdf", "test", "lint"}
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for name, extras in LOCKS.items():
        assert re.search(rf"^EXTRAS_{name}\s*:=\s*{' '.join(extras)}\s*$", makefile, re.M), name
    assert {p.stem for p in (ROOT / "requirements").glob("*.txt")} == set(LOCKS)
    assert not (ROOT / "requirements.txt").exists(), "one flat file again: use the groups"


@pytest.mark.parametrize("name", sorted(LOCKS))
def test_every_locked_package_is_pinned_with_hashes_and_the_lock_is_current(name):
    locked = lock(name)
    assert locked and all(hashes >= 1 for _, hashes in locked.values()), [
        p for p, (_, h) in locked.items() if h == 0
    ]
    for group in ["package", *LOCKS[name]]:
        for package, version in pins(DECLARED[group]).items():
            assert locked.get(package, (None,))[0] == version, (
                f"{package}=={version} ({group}): run `make lock`"
            )
    dev = lock("dev")
    assert {p: v for p, (v, _) in locked.items()} == {p: dev[p][0] for p in locked}, (
        "locks disagree: run `make lock`"
    )


def imports(folder: str, leaving_out: tuple[str, ...] = ()) -> set[str]:
    """Top-level names of every module imported anywhere in folder's Python files (but
    those under the subfolders `leaving_out`)."""
    names = set()
    skipped = [ROOT / folder / sub for sub in leaving_out]
    for path in (ROOT / folder).rglob("*.py"):
        if any(path.is_relative_to(sub) for sub in skipped):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
            elif (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", None) == "importorskip"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                names.add(node.args[0].value.split(".")[0])
    return names


def undeclared(modules: set[str], declared: set[str]) -> list[str]:
    """Modules from PyPI imported but whose distribution is not declared."""
    third_party = sorted(m for m in modules - set(sys.stdlib_module_names) - OURS - {"__future__"})
    dists = packages_distributions()
    missing = [m for m in third_party if not {norm(d) for d in dists.get(m, [m])} & declared]
    return missing


@pytest.mark.parametrize(
    "folder, groups",
    [
        ("studyguide", ["package", "pdf"]),
        ("macros", ["package", "site"]),
        ("tests", ["package", "site", "pdf", "test"]),
        ("bench", ["package", "site", "pdf", "test"]),
    ],
)
def test_every_module_our_code_imports_is_declared_directly(folder, groups):
    declared = {package for group in groups for package in pins(DECLARED[group])}
    assert undeclared(imports(folder), declared) == []


def test_the_package_needs_only_its_own_dependencies_but_for_the_pdf_and_the_epub():
    """Loading, checking and rendering the guide needs no MkDocs and no WeasyPrint: what
    the package imports outside outputs/pdf, outputs/epub and outputs/book (the files
    made from the built site, the `pdf` group) is in `[project] dependencies`."""
    declared = set(pins(DEPENDENCIES))
    books = ("outputs/pdf", "outputs/epub", "outputs/book")
    assert undeclared(imports("studyguide", leaving_out=books), declared) == []
    assert not declared & set(pins(GROUPS["site"])), "MkDocs and its plugins are the site's"


def test_a_module_that_only_arrives_through_another_package_is_reported():
    assert undeclared({"weasyprint", "tinyhtml5", "json", "studyguide"}, {"weasyprint"}) == [
        "tinyhtml5"
    ]
