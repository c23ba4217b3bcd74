"""The package's layers point one way: `lint-imports` keeps the contract in pyproject.toml
(upward imports, imports between parts of one layer, import cycles and MkDocs fail), it
fails on a copy of the package given an import of each kind, README's map lists the same
layers in the same order, and the package carries its own data."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """lint-imports on the package at `root` (it puts its working directory first on the
    path), with no cache written."""
    if not LINT_IMPORTS.exists():
        pytest.fail(f"{LINT_IMPORTS} is missing: import-linter is in the test and lint groups")
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", "--config", str(root / "pyproject.toml")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def contract(contract_id: str) -> dict:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["id"] == contract_id)


def test_the_package_keeps_its_layers():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout, result.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        (  # render is below pages: an upward import
            "render/links.py",
            "from studyguide.pages import NOTICE",
            "studyguide.render is not allowed to import studyguide.pages",
        ),
        (  # load is below everything but the shared rules
            "load/records.py",
            "from studyguide.crossref import index",
            "studyguide.load is not allowed to import studyguide.crossref",
        ),
        (  # the EPUB and the PDF share the book, not each other
            "outputs/epub/xhtml.py",
            "from studyguide.outputs.pdf import write",
            "studyguide.outputs.epub is not allowed to import studyguide.outputs.pdf",
        ),
        (  # the package runs without MkDocs: the glue in macros/ imports it, not the reverse
            "render/lang_marks.py",
            "import mkdocs.plugins",
            "studyguide is not allowed to import mkdocs",
        ),
        (  # a cycle inside one layer: guide imports cache
            "load/cache.py",
            "from studyguide.load import guide",
            "No cycles are allowed in studyguide.load",
        ),
    ],
)
def test_a_forbidden_import_breaks_the_contract(tmp_path, module, line, broken):
    """A copy of the package with one bad import added at the end of `module`."""
    shutil.copytree(
        ROOT / "studyguide",
        tmp_path / "studyguide",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    path = tmp_path / "studyguide" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert broken in " ".join(result.stdout.split()), result.stdout


def test_every_module_of_the_package_has_a_layer():
    """`exhaustive`: a new top-level module or package must be given its place."""
    layers = contract("layers")
    assert layers["exhaustive"] is True and layers["containers"] == ["studyguide"]
    named = {part.strip() for layer in layers["layers"] for part in layer.split("|")}
    present = {
        p.stem if p.is_file() else p.name
        for p in (ROOT / "studyguide").iterdir()
        if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").is_file()
    }
    assert named == present


def test_the_readme_lists_the_layers_the_contract_enforces():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^Layers, top to bottom: (.+)$", readme, re.M)
    assert match, "README's map has no 'Layers, top to bottom:' line"
    written = [" | ".join(p.strip() for p in layer.split("|")) for layer in match[1].split("→")]
    enforced = [
        " | ".join(p.strip() for p in layer.split("|")) for layer in contract("layers")["layers"]
    ]
    assert written == enforced
    # The map below that line describes them in the same order.
    block = readme[match.end() :].split("```", 2)[1]
    mapped = re.findall(r"^studyguide/(\w+)", block, re.M)
    order = [part.strip() for layer in enforced for part in layer.split("|")]
    assert mapped == order


def test_the_package_reads_its_schemas_and_styles_from_itself(tmp_path):
    """A copy of the package alone, away from the repository (as a wheel installs it),
    checks data against its JSON Schemas and renders a citation in each CSL style: both
    are package data read with importlib.resources, not files beside the package."""
    shutil.copytree(
        ROOT / "studyguide",
        tmp_path / "site-packages" / "studyguide",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    code = (
        "import sys\n"
        "import studyguide\n"
        "from studyguide.load.schema import validator\n"
        "from studyguide.cite.citations import STYLES, reference\n"
        "assert studyguide.__file__.startswith(sys.argv[1]), studyguide.__file__\n"
        "errors = list(validator('glossary.schema.json').iter_errors({'x': {}}))\n"
        "assert errors, 'an entry without its fields passed the schema'\n"
        "item = {'id': 'x', 'type': 'report', 'title': 'A title',\n"
        "        'author': [{'family': 'Shi', 'given': 'Yu'}], 'issued': {'date-parts': [[2014]]}}\n"
        "print('\\n'.join(reference(item, style) for style in STYLES))\n"
    )
    env = {  # PYTHONPATH comes before the .pth entry that names the repository
        **os.environ,
        "PYTHONPATH": str(tmp_path / "site-packages"),
        "GUIDE_CACHE_DIR": str(tmp_path / "cache"),
    }
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "site-packages")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    styles = sorted(p.stem for p in (ROOT / "studyguide/cite/csl").glob("*.csl"))
    assert len(result.stdout.splitlines()) == len(styles) and "Shi" in result.stdout, result.stdout
