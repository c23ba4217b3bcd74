"""The build remembers only what passed, so a cached build is as strict as a cold one."""

from __future__ import annotations

import pytest

from studyguide.errors import GuideError
from studyguide.load.cache import Checks, remembered
from studyguide.load.glossary import load_glossary

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


def test_a_remembered_file_is_made_once_per_key(tmp_path):
    made = []

    def make(data):
        return lambda: made.append(data) or data

    assert remembered(tmp_path, "out.bin", "k1", make(b"one")) == b"one"
    assert remembered(tmp_path, "out.bin", "k1", make(b"stale")) == b"one"  # kept, not made
    assert remembered(tmp_path, "out.bin", "k2", make(b"two")) == b"two"  # new key: made again
    assert remembered(None, "out.bin", "k2", make(b"three")) == b"three"  # no folder: always made
    assert made == [b"one", b"two", b"three"]


def test_an_edited_glossary_gives_new_flashcards_even_with_a_cache(tmp_path):
    """The deck and CSV are cached under a digest of glossary.yaml, so an edit shows up
    in the next build's files, and an unchanged glossary reuses the stored deck."""
    from studyguide.outputs.flashcards import files as flashcard_files

    build(tmp_path)
    deck, table = flashcard_files(tmp_path)
    assert "household registration" in table.decode("utf-8") and deck.startswith(b"PK")
    assert flashcard_files(tmp_path) == (deck, table)
    entry = tmp_path / "glossary.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("household registration", "residence permit"), encoding="utf-8")
    deck2, table2 = flashcard_files(tmp_path)
    assert "residence permit" in table2.decode("utf-8") and "household registration" not in table2.decode("utf-8")
    assert deck2 != deck
