"""The repository's layout keeps its promises: the README's map matches the package, no
module is too long to read, nothing edits sys.path, and each shared rule has one home."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT
from studyguide import text

PACKAGE = ROOT / "studyguide"
CODE_DIRS = ["studyguide", "macros", "tests", "bench"]


def python_files():
    for folder in CODE_DIRS:
        yield from sorted((ROOT / folder).rglob("*.py"))


def test_every_package_module_is_on_the_readme_map_and_every_mapped_path_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("The `studyguide` package follows the data", 1)[1].split("```", 2)[1]
    for path in re.findall(r"^(studyguide/\S+)", block, re.M):
        assert (ROOT / path).exists(), f"README maps {path}, which does not exist"
    for module in PACKAGE.rglob("*.py"):
        if module.name in ("__init__.py", "__main__.py"):
            continue
        assert module.stem in block, (
            f"README's map of studyguide/ does not mention {module.relative_to(ROOT)}"
        )


def test_no_module_is_over_300_lines():
    long = [
        f"{p.relative_to(ROOT)}: {n}"
        for p in python_files()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300
    ]
    assert not long, f"split these by concern: {long}"


def test_nothing_edits_sys_path():
    offenders = [
        str(p.relative_to(ROOT))
        for p in python_files()
        if "sys.path" in p.read_text(encoding="utf-8") and p.name != "test_layout.py"
    ]
    assert not offenders, f"import the installed package instead of editing sys.path: {offenders}"


def test_contributing_says_where_new_code_goes_and_those_paths_exist():
    section = (
        (ROOT / "CONTRIBUTING.md")
        .read_text(encoding="utf-8")
        .split("## Where new code goes", 1)[1]
        .split("\n## ", 1)[0]
    )
    for kind in ("A new macro", "A new data file", "A new generated page", "A new output format"):
        assert f"**{kind}**" in section, kind
    for path in re.findall(r"`((?:studyguide|macros)/[\w/.]+?)`", section):
        assert (ROOT / path).exists(), f"CONTRIBUTING names {path}, which does not exist"
    assert "def functions" in (PACKAGE / "site_macros.py").read_text(encoding="utf-8")


def test_the_chinese_ranges_are_written_only_in_studyguide_text():
    """The code, the browser script and the templates get the rules from studyguide/text.py.
    (Tests may keep an independent oracle of their own: they check the code, not share it.)"""
    literal = re.compile(
        r"\\u(?:3400|4e00|9fff|f900)|[\u3400-\u4dbf\u4e00-\u9fff]-[\u3400-\u9fff]", re.I
    )
    code = [p for p in python_files() if p.parent.name != "tests"]
    places = [
        *code,
        *(ROOT / "docs/javascripts").glob("*.js"),
        *(ROOT / "overrides").rglob("*.html"),
    ]
    found = [
        str(p.relative_to(ROOT))
        for p in places
        if literal.search(p.read_text(encoding="utf-8"))
        and p.relative_to(ROOT).as_posix() != "studyguide/text.py"
    ]
    assert not found, f"Chinese character ranges written outside studyguide/text.py: {found}"


def test_the_sites_script_is_the_rules_then_each_part_whole(site):
    """javascripts/study-guide.js (macros/hooks/guide_script.py) starts with the rules
    generated from studyguide/text.py, which guide.js reads, then guide.js and
    term-card.js whole, in that order; the parts are not published on their own."""
    from macros.hooks.guide_script import OUTPUT, PARTS

    script = (site / OUTPUT).read_text(encoding="utf-8")
    assert script.startswith(text.browser_rules())
    at = [script.index((ROOT / "docs" / part).read_text(encoding="utf-8")) for part in PARTS]
    assert at == sorted(at) and at[0] > len(text.browser_rules()), at
    assert "window.guideText.cjkRun" in (ROOT / "docs/javascripts/guide.js").read_text(
        encoding="utf-8"
    )
    assert not [part for part in PARTS if (site / part).exists()]


def test_a_part_missing_from_docs_stops_the_build_naming_it():
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import Files

    from macros.hooks.guide_script import on_files

    with pytest.raises(
        PluginError, match=r"docs/javascripts/guide\.js is missing.*study-guide\.js"
    ):
        on_files(Files([]), {})


def test_javascript_reads_the_rules_as_python_does():
    """The regular-expression source means the same in JavaScript (checked with node when present)."""
    import json
    import shutil

    node = shutil.which("node")
    samples = ["户口", "社会管理、社会治理", "，", "hùkǒu", "abc", "(维权)"]
    expected = [[m.group() for m in re.finditer(text.CJK_RUN, s)] for s in samples]
    if node is None:
        pytest.skip("node not installed: the JavaScript side is not checked")
    rules = json.loads(text.browser_rules().split("window.guideText = ", 1)[1].rstrip(";\n"))
    script = f"const r = new RegExp({json.dumps(rules['cjkRun'])}, 'g'); console.log(JSON.stringify({json.dumps(samples)}.map(s => s.match(r) || [])))"
    out = subprocess.run(
        [node, "-e", script], capture_output=True, text=True, timeout=30, check=True
    ).stdout
    assert json.loads(out) == expected


def test_the_pdf_tool_starts_without_mkdocs_or_jieba():
    probe = "import sys, studyguide.outputs.pdf; bad = [m for m in ('mkdocs', 'jieba', 'mkdocs_macros') if m in sys.modules]; print(bad)"
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert out.strip() == "[]", out
