"""Loader rules for sources, excerpts, who's who and timeline, in valid/invalid pairs,
run on a scratch copy of the real data."""

from __future__ import annotations

import pytest

from studyguide.errors import GuideError
from studyguide.load.guide import load_guide


def load_error(project) -> str:
    with pytest.raises(GuideError) as caught:
        load_guide(project)
    return str(caught.value)


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_real_data_loads(project_copy):
    guide = load_guide(project_copy)
    assert len(guide.sources) == 5 and guide.excerpts and guide.people and guide.timeline


def test_source_with_an_unknown_field_names_the_nearest(project_copy):
    edit(
        project_copy / "data/sources.yaml",
        "  genre: working paper\n",
        "  genre: working paper\n  publsher: x\n",  # codespell:ignore publsher
    )
    assert "data/sources.yaml:" in (message := load_error(project_copy))
    assert "'shi-2014': unknown field 'publsher' (did you mean 'publisher'?)" in message


def test_source_with_a_bad_genre_lists_the_genres(project_copy):
    edit(project_copy / "data/sources.yaml", "  genre: working paper\n", "  genre: working-paper\n")
    assert "'working-paper' is not one of interview, working paper" in load_error(project_copy)


def test_excerpt_id_defined_in_two_files_is_an_error(project_copy):
    text = (project_copy / "data/excerpts/shi-2014.yaml").read_text(encoding="utf-8")
    first = text.split("\nshi-2014-", 2)
    duplicate = "shi-2014-" + first[1]
    (project_copy / "data/excerpts/zz-extra.yaml").write_text(duplicate, encoding="utf-8")
    message = load_error(project_copy)
    assert (
        "data/excerpts/zz-extra.yaml:1:" in message
        and "excerpt id already defined in data/excerpts/shi-2014.yaml:" in message
    )


def test_excerpt_naming_an_unknown_term_suggests_the_key(project_copy):
    edit(
        project_copy / "data/excerpts/shi-2014.yaml", "terms: [shuniu-zuzhi", "terms: [shuniu-zuzi"
    )
    assert "term 'shuniu-zuzi' is not a glossary key (did you mean 'shuniu-zuzhi'?)" in load_error(
        project_copy
    )


def test_timeline_event_naming_an_unknown_source_is_an_error(project_copy):
    edit(project_copy / "data/timeline.yaml", "source: shi-2014", "source: shi-2041")
    assert (
        "source 'shi-2041' is not a source in data/sources.yaml (did you mean 'shi-2014'?)"
        in load_error(project_copy)
    )


def test_person_whose_pinyin_does_not_fit_is_an_error(project_copy):
    edit(project_copy / "data/people.yaml", "pinyin: Xí Jìnpíng", "pinyin: Xí Jīnpíng")
    assert "'xi-jinping': pinyin 'Xí Jīnpíng' does not fit hanzi '习近平'" in load_error(
        project_copy
    )


def test_outline_naming_an_unknown_excerpt_names_its_line_and_the_nearest_id(project_copy):
    path = project_copy / "data/selfcheck.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    outline:\n")
    old = text[start:].split("excerpts: [", 1)[1].split("]", 1)[0]
    wrong = old.split(",")[0][:-1]  # the first id with its last letter dropped
    bad = text[:start] + text[start:].replace(f"excerpts: [{old}]", f"excerpts: [{wrong}]", 1)
    path.write_text(bad, encoding="utf-8")
    before = bad[: bad.index(f"excerpts: [{wrong}]")]
    line = before[: before.rindex("- claim:")].count("\n") + 1  # the point's '- claim:' line
    message = load_error(project_copy)
    assert (
        f"data/selfcheck.yaml:{line}: 'social-management-to-governance': question 1, outline point 1: "
        in message
    )
    assert (
        f"excerpt '{wrong}' is not an excerpt id (did you mean '{old.split(',')[0]}'?)" in message
    )


def test_position_row_naming_an_unknown_source_names_its_line_and_the_nearest_id(project_copy):
    path = project_copy / "data/positions/hub-organizations.yaml"
    edit(path, "  - source: gong-2012\n", "  - source: gong-2021\n")
    line = path.read_text(encoding="utf-8").split("\n").index("  - source: gong-2021") + 1
    message = load_error(project_copy)
    assert (
        f"data/positions/hub-organizations.yaml:{line}: 'hub-organizations': source 'gong-2021' is not a source in data/sources.yaml (did you mean 'gong-2012'?)"
        in message
    )


def test_position_file_for_a_theme_chapter_that_does_not_exist_is_an_error(project_copy):
    folder = project_copy / "data/positions"
    (folder / "hub-organisations.yaml").write_text(
        (folder / "hub-organizations.yaml")
        .read_text(encoding="utf-8")
        .replace("rank: 3", "rank: 99"),
        encoding="utf-8",
    )
    assert (
        "'hub-organisations': theme 'hub-organisations' is not a theme chapter in docs/themes/ (the file's name is the theme's) (did you mean 'hub-organizations'?)"
        in load_error(project_copy)
    )


def test_two_themes_with_one_rank_and_a_source_given_twice_are_errors(project_copy):
    folder = project_copy / "data/positions"
    text = (folder / "hub-organizations.yaml").read_text(encoding="utf-8")
    (folder / "welfare-mix.yaml").write_text(
        text.replace("  - source: hhm-interview\n", "  - source: shi-2014\n"), encoding="utf-8"
    )
    message = load_error(project_copy)
    assert (
        "'welfare-mix': rank 3 is already hub-organizations's; give each theme its own rank"
        in message
    )
    assert "'welfare-mix': source 'shi-2014' has two rows; give each source one row" in message
