"""A contributor's mistake stops the real build with a message that names the file, the
key and the fix. Each test breaks a scratch copy of the project and runs mkdocs (the three
mistakes in pages share one build); the last reads the session's build, where {% raw %}
lets prose show a macro."""

from __future__ import annotations

import shutil

import pytest

from conftest import ignore_in_copy, run_mkdocs
from studyguide import ROOT


def build_output(project, tmp_path) -> tuple[int, str]:
    result = run_mkdocs(project, tmp_path / "out")
    return result.returncode, result.stdout + result.stderr


@pytest.fixture(scope="module")
def page_mistakes(tmp_path_factory) -> tuple[int, str, dict[str, int]]:
    """One build of a copy with two mistakes in pages, as a contributor might make in
    one sitting: the checks that open every build read each page's macro calls and report
    both, with their lines, before anything renders (a broken anchor, found only once the
    pages render, is tests/mistakes_support.py's missing_anchor)."""
    folder = tmp_path_factory.mktemp("page-mistakes")
    project = folder / "project"
    shutil.copytree(ROOT, project, ignore=ignore_in_copy)
    lines = {}
    for page, added in (
        ("docs/about.md", '\n\nSee {{ term("hukuo") }}.\n'),
        ("docs/index.md", '\n\n{{ excerpt("shi-2014-hub-organisations") }}\n'),
    ):
        path = project / page
        text = path.read_text(encoding="utf-8") + added
        path.write_text(text, encoding="utf-8")
        lines[page] = text.count("\n")
    return (*build_output(project, folder), lines)


def test_unknown_term_fails_the_build_naming_page_line_key_and_nearest(page_mistakes):
    code, output, lines = page_mistakes
    assert code != 0
    assert (
        f"docs/about.md:{lines['docs/about.md']}: 'hukuo': unknown glossary term "
        "(did you mean 'hukou'?)" in output
    )


def test_unknown_excerpt_fails_the_build_naming_page_line_and_id(page_mistakes):
    code, output, lines = page_mistakes
    assert code != 0
    assert (
        f"docs/index.md:{lines['docs/index.md']}: 'shi-2014-hub-organisations': "
        "unknown excerpt id (did you mean 'shi-2014-hub-organizations'?)" in output
    )


def test_duplicate_glossary_key_fails_the_build_with_its_line(project_copy, tmp_path):
    glossary = project_copy / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(
        text + "hukou:\n  hanzi: 户口\n  pinyin: hùkǒu\n  english: x\n  definition: y\n",
        encoding="utf-8",
    )
    line = text.count("\n") + 1
    code, output = build_output(project_copy, tmp_path)
    assert code != 0
    assert f"glossary.yaml:{line}: 'hukou': duplicate key (first defined on line" in output


def test_bad_pinyin_fails_the_build(project_copy, tmp_path):
    glossary = project_copy / "glossary.yaml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace("pinyin: hùkǒu", "pinyin: hùkōu", 1),
        encoding="utf-8",
    )
    code, output = build_output(project_copy, tmp_path)
    assert code != 0
    assert "'hukou': pinyin 'hùkōu' does not fit hanzi '户口'" in output
