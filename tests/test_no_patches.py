"""No module of the guide patches a library: none assigns to (or deletes) an attribute of an
imported third-party module or class, or calls setattr on one. Where a library falls
short, the guide uses a subclass or a wrapper of its own (studyguide/outputs/
citeproc_style.py), a public hook (pdf/tags.py) or caches its own results (load/cache.py)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from studyguide import ROOT

FIRST_PARTY = {"studyguide", "macros", "hooks"}


def _local_modules(folder: Path) -> set[str]:
    """Module names a file in `folder` can import bare (MkDocs puts macros/ on the path)."""
    return {p.stem for p in folder.glob("*.py")} | {p.name for p in folder.iterdir() if p.is_dir()}


def third_party_names(tree: ast.AST, local: set[str]) -> set[str]:
    """The names the module binds to a third-party module or to something imported from
    one (`import lxml.etree as et` -> et; `from citeproc import model` -> model)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if _third_party(top, local):
                    names.add(alias.asname or top)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if _third_party(node.module.split(".")[0], local):
                names.update(alias.asname or alias.name for alias in node.names)
    return names


def _third_party(top: str, local: set[str]) -> bool:
    return top not in sys.stdlib_module_names and top not in FIRST_PARTY | local


def _root_name(node: ast.AST) -> str | None:
    """`a` for `a.b.c` (and for `a.b[0].c`)."""
    while isinstance(node, ast.Attribute | ast.Subscript):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _assigned(targets: list[ast.AST]):
    """The attributes an assignment writes into: `a.b` of `a.b = ...`, and of `a.b[k] = ...`
    (the item of a library's table); each of `a.b, c.d = ...`."""
    for target in targets:
        if isinstance(target, ast.Tuple | ast.List):
            yield from _assigned(target.elts)
        elif isinstance(target, ast.Starred):
            yield from _assigned([target.value])
        elif isinstance(target, ast.Attribute):
            yield target
        elif isinstance(target, ast.Subscript):
            value = target.value
            while isinstance(value, ast.Subscript):
                value = value.value
            if isinstance(value, ast.Attribute):
                yield value


def patches(source: str, local: set[str] = frozenset()) -> list[str]:
    """Each line that assigns to, deletes or setattr()s an attribute of an imported
    third-party module or class, as "line N: what"."""
    tree = ast.parse(source)
    imported = third_party_names(tree, local)
    found = []
    for node in ast.walk(tree):
        targets: list[ast.AST] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        elif isinstance(node, ast.Delete):
            targets = node.targets
        for target in _assigned(targets):
            if _root_name(target) in imported:
                found.append(f"line {node.lineno}: {ast.unparse(target)} =")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("setattr", "delattr")
            and node.args
            and _root_name(node.args[0]) in imported
        ):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


def modules() -> list[Path]:
    return sorted((ROOT / "studyguide").rglob("*.py")) + sorted((ROOT / "macros").rglob("*.py"))


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_patches_a_library(path):
    local = _local_modules(path.parent) | _local_modules(ROOT / "macros")
    found = patches(path.read_text(encoding="utf-8"), local)
    assert not found, (
        f"{path.relative_to(ROOT)} patches a library ({'; '.join(found)}): use a subclass "
        "or a wrapper of our own, a public hook, or cache our own results instead"
    )


@pytest.mark.parametrize(
    "snippet",
    [
        "from citeproc import model\nmodel.CitationStylesElement.get_macro = lambda s, n: n\n",
        "import pydyf\npydyf.PDF.page_references = property(lambda pdf: ())\n",
        "def apply():\n    from weasyprint.pdf import tags\n    tags._build_box_tree = None\n",
        "import lxml.etree as et\net.XMLParser.x, y = 1, 2\n",
        "import markdown\nsetattr(markdown.Markdown, 'convert', str)\n",
        "from yaml import SafeLoader\ndel SafeLoader.yaml_constructors\n",
        "import jinja2\njinja2.filters.FILTERS['x'] = str\n",
        "import jinja2\njinja2.defaults.X += 1\n",
    ],
)
def test_a_patch_is_found(snippet):
    assert patches(snippet), snippet


@pytest.mark.parametrize(
    "snippet",
    [
        # our own objects, instances of library classes, and the standard library are fine
        "from weasyprint import HTML\ndoc = HTML(string='')\ndoc.x = 1\n",
        "import os\nos.environ['A'] = '1'\nsetattr(os, 'x', 1)\n",
        "from citeproc import model\nclass Name(model.Name):\n    x = 1\n",
        "from studyguide import text\ntext.X = 1\n",
        "import pydyf\n\ndef f(pdf):\n    pdf.version = b'1.7'\n",
        "from lxml import etree\ntable = {}\ntable[etree.QName('a').localname] = 1\n",
    ],
)
def test_what_is_not_a_patch_passes(snippet):
    assert patches(snippet) == [], snippet
