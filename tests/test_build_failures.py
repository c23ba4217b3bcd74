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
def page_mistakes(tmp_path_factory) -> tuple[int, str]:
    """One build of a copy with three mistakes in pages, as a contributor might make in
    one sitting: strict mode reports every one of them before it stops, so one build shows
    each message (a build per mistake cost four seconds each)."""
    folder = tmp_path_factory.mktemp("page-mistakes")
    project = folder / "project"
    shutil.copytree(ROOT, project, ignore=ignore_in_copy)
    for page, added in (("docs/about.md", '\n\nSee {{ term("hukuo") }}.\n'),
                        ("docs/index.md", '\n\n{{ excerpt("shi-2014-hub-organisations") }}\n'),
                        ("docs/study/index.md", "\n\n[bad](../glossary.md#no-such-term)\n")):
        path = project / page
        path.write_text(path.read_text(encoding="utf-8") + added, encoding="utf-8")
    return build_output(project, folder)


def test_unknown_term_fails_the_build_naming_page_key_and_nearest(page_mistakes):
    code, output = page_mistakes
    assert code != 0
    assert "about.md: 'hukuo': unknown glossary term (did you mean 'hukou'?)" in output


def test_unknown_excerpt_fails_the_build_naming_page_and_id(page_mistakes):
    code, output = page_mistakes
    assert code != 0
    assert "index.md: 'shi-2014-hub-organisations': unknown excerpt id (did you mean 'shi-2014-hub-organizations'?)" in output


def test_broken_anchor_fails_the_build(page_mistakes):
    code, output = page_mistakes
    assert code != 0
    assert "does not contain an anchor '#no-such-term'" in output


def test_duplicate_glossary_key_fails_the_build_with_its_line(project_copy, tmp_path):
    glossary = project_copy / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text + "hukou:\n  hanzi: 户口\n  pinyin: hùkǒu\n  english: x\n  definition: y\n", encoding="utf-8")
    line = text.count("\n") + 1
    code, output = build_output(project_copy, tmp_path)
    assert code != 0
    assert f"glossary.yaml:{line}: 'hukou': duplicate key (first defined on line" in output


def test_bad_pinyin_fails_the_build(project_copy, tmp_path):
    glossary = project_copy / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("pinyin: hùkǒu", "pinyin: hùkōu", 1), encoding="utf-8")
    code, output = build_output(project_copy, tmp_path)
    assert code != 0
    assert "'hukou': pinyin 'hùkōu' does not fit hanzi '户口'" in output


def test_prose_that_looks_like_jinja_can_be_written_with_raw(site):
    """The About page shows contributors the term macro inside {% raw %}: the session's
    strict build prints it as written instead of running it."""
    assert 'write <code>{{ term("hukou") }}</code>' in (site / "about/index.html").read_text(encoding="utf-8").replace("&quot;", '"')
