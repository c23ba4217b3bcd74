"""Each loader rule, in pairs: valid input loads, a broken one stops with a message that
names the file, the line, the key and (where it helps) the nearest valid key or field."""

from __future__ import annotations

import textwrap

import pytest

from studyguide.errors import GuideError
from studyguide.load.glossary import load_glossary
from studyguide.load.pinyin import check_pinyin
from studyguide.load.yaml_strict import load_text

GOOD = """\
hukou:
  hanzi: 户口
  pinyin: hùkǒu
  english: household registration
  definition: The system that records where a person belongs.
  see_also: [danwei]
danwei:
  hanzi: 单位
  pinyin: dānwèi
  english: work unit
  definition: The urban workplace that once also housed and cared for its staff.
"""


def write(tmp_path, text: str):
    path = tmp_path / "glossary.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def error_of(tmp_path, text: str) -> str:
    with pytest.raises(GuideError) as caught:
        load_glossary(write(tmp_path, text))
    return str(caught.value)


def test_valid_glossary_loads_with_defaults(tmp_path):
    glossary = load_glossary(write(tmp_path, GOOD))
    assert [e.key for e in glossary.sorted()] == ["danwei", "hukou"]
    assert glossary.entries["hukou"].term == "hukou"
    assert glossary.entries["hukou"].line == 1
    assert glossary.backlinks()["danwei"] == ["hukou"]


def test_duplicate_key_is_reported_with_both_lines(tmp_path):
    message = error_of(
        tmp_path, GOOD + "hukou:\n  hanzi: 户口\n  pinyin: hùkǒu\n  english: x\n  definition: y\n"
    )
    assert "glossary.yaml:12: 'hukou': duplicate key (first defined on line 1)" in message


def test_duplicate_field_inside_an_entry_is_reported(tmp_path):
    message = error_of(
        tmp_path, GOOD.replace("  english: work unit\n", "  english: work unit\n  english: unit\n")
    )
    assert "glossary.yaml:11: 'english': duplicate key (first defined on line 10)" in message


def test_unknown_field_names_the_nearest_field(tmp_path):
    message = error_of(tmp_path, GOOD.replace("  see_also: [danwei]", "  see_aslo: [danwei]"))
    assert (
        "glossary.yaml:6: 'hukou': unknown field 'see_aslo' (did you mean 'see_also'?)" in message
    )


def test_missing_required_field_is_named(tmp_path):
    message = error_of(tmp_path, GOOD.replace("  english: work unit\n", ""))
    assert "glossary.yaml:7: 'danwei': missing required field 'english'" in message


def test_empty_required_field_is_named(tmp_path):
    message = error_of(tmp_path, GOOD.replace("  english: work unit", "  english: ''"))
    assert "glossary.yaml:10: 'danwei': field 'english' is empty" in message


def test_null_required_field_is_named(tmp_path):
    message = error_of(tmp_path, GOOD.replace("  english: work unit", "  english:"))
    assert "glossary.yaml:10: 'danwei': field 'english' is empty" in message


def test_see_also_to_a_missing_entry_suggests_the_nearest_key(tmp_path):
    message = error_of(tmp_path, GOOD.replace("see_also: [danwei]", "see_also: [danwie]"))
    assert (
        "glossary.yaml:6: 'hukou': see_also names 'danwie', which is not an entry (did you mean 'danwei'?)"
        in message
    )


def test_pinyin_that_does_not_fit_the_hanzi_is_rejected(tmp_path):
    message = error_of(tmp_path, GOOD.replace("pinyin: hùkǒu", "pinyin: hùkóu"))
    assert (
        "glossary.yaml:3: 'hukou': pinyin 'hùkóu' does not fit hanzi '户口': '口' reads kǒu"
        in message
    )


def test_pinyin_without_tone_marks_is_rejected(tmp_path):
    message = error_of(tmp_path, GOOD.replace("pinyin: hùkǒu", "pinyin: hukou"))
    assert "pinyin 'hukou' has no tone marks; write e.g. 'hùkǒu'" in message


def test_yaml_syntax_error_gives_the_line(tmp_path):
    message = error_of(tmp_path, GOOD.replace("  english: work unit", "  english: [work unit"))
    assert message.startswith("glossary.yaml:") and "YAML syntax error" in message


def test_key_must_be_a_slug(tmp_path):
    message = error_of(tmp_path, GOOD.replace("danwei:\n", "Danwei Unit:\n", 1))
    assert "'Danwei Unit': key 'Danwei Unit' must be a lowercase ASCII slug" in message


def test_bad_category_lists_the_choices(tmp_path):
    bad = GOOD.replace("  see_also: [danwei]", "  category: polcy")  # codespell:ignore polcy
    message = error_of(tmp_path, bad)
    assert "'polcy' is not one of policy," in message and "(did you mean 'policy'?)" in message


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    message = error_of(
        tmp_path,
        GOOD.replace("  english: household registration\n", "").replace(
            "  english: work unit\n", ""
        ),
    )
    assert message.count("missing required field 'english'") == 2


def test_strict_yaml_records_lines_of_nested_keys():
    data, lines = load_text("a:\n  b: 1\n  c: [x, y]\n", "f.yaml")
    assert data == {"a": {"b": 1, "c": ["x", "y"]}}
    assert lines[("a", "c")] == 3 and lines[("a", "c", 1)] == 3


@pytest.mark.parametrize(
    ("hanzi", "pinyin"),
    [
        ("户口", "hùkǒu"),
        ("枢纽组织", "shūniǔ zǔzhī"),
        ("广覆盖、低水平", "guǎng fùgài, dī shuǐpíng"),
        ("中国梦", "Zhōngguó mèng"),
        ("关系", "guānxi"),
        ("银行", "yínháng"),
        ("行动", "xíngdòng"),
    ],
)
def test_pinyin_that_fits_is_accepted_including_heteronyms_and_neutral_tone(hanzi, pinyin):
    assert check_pinyin(hanzi, pinyin) is None


@pytest.mark.parametrize(
    ("hanzi", "pinyin"),
    [("户口", "hùkǒu rén"), ("户口", "hù"), ("单位", "dānwéi"), ("维权", "wéichuán")],
)
def test_pinyin_with_wrong_or_extra_syllables_is_rejected(hanzi, pinyin):
    assert check_pinyin(hanzi, pinyin) is not None
