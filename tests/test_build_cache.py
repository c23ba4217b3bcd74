"""The build remembers only what passed, so a cached build is as strict as a cold one."""

from __future__ import annotations

import pytest

from macros.build_cache import Checks
from macros.errors import GuideError
from macros.glossary import load_glossary

ENTRY = "hukou:\n  hanzi: 户口\n  pinyin: {pinyin}\n  {english}: household registration\n  definition: Registration.\n"


def build(tmp_path, pinyin="hùkǒu", english="english"):
    """Write a one-entry glossary and load it as a build would, saving what passed."""
    path = tmp_path / "glossary.yaml"
    path.write_text(ENTRY.format(pinyin=pinyin, english=english), encoding="utf-8")
    checks = Checks.at(tmp_path)
    try:
        return load_glossary(path, checks=checks)
    finally:
        checks.save()


def test_passed_pinyin_and_schema_are_remembered_across_builds(tmp_path):
    build(tmp_path)
    again = Checks.at(tmp_path)
    assert "户口\thùkǒu" in again.pinyin and len(again.schemas.items) == 1


def test_a_bad_pinyin_is_reported_on_every_build_never_remembered(tmp_path):
    for _ in range(2):
        with pytest.raises(GuideError, match="does not fit"):
            build(tmp_path, pinyin="hùkōu")
    assert "户口\thùkōu" not in Checks.at(tmp_path).pinyin


def test_an_edited_file_is_validated_again(tmp_path):
    build(tmp_path)
    with pytest.raises(GuideError, match="unknown field 'englsh'"):
        build(tmp_path, english="englsh")
