"""Character meanings from the pinned CC-CEDICT (studyguide/crossref/cedict.py): the built
hukou, weiquan and shuniu-zuzhi term pages give a meaning for every character, read as the
term reads it; the parser and the reading match are checked on their own."""

from __future__ import annotations

import re

import pytest

from studyguide.crossref.cedict import character, numbered, parse_line, shown

TERMS = {"hukou": "户口", "weiquan": "维权", "shuniu-zuzhi": "枢纽组织"}
ROW = re.compile(
    r'<li><span lang="zh-Hans">(.)</span>(?: <span lang="zh-Hans">.</span>)? '
    r'<span lang="zh-Latn-pinyin">[^<]+</span>: ([^<]+)</li>'
)


@pytest.mark.parametrize("key", TERMS)
def test_the_term_page_gives_a_meaning_for_every_character(site, key):
    page = (site / "terms" / key / "index.html").read_text(encoding="utf-8")
    section = page.split('id="character-by-character"', 1)[1].split("<h2", 1)[0]
    rows = dict(ROW.findall(section))
    assert list(rows) == list(TERMS[key]), f"terms/{key}/: characters with a meaning {list(rows)}"
    empty = [c for c, meaning in rows.items() if "no entry" in meaning or not meaning.strip()]
    assert not empty, f"terms/{key}/: no CC-CEDICT meaning for {empty}"
    assert "CC-CEDICT" in section


def test_the_about_page_attributes_cc_cedict(site):
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert "CC-CEDICT" in about and "CC BY-SA 4.0" in about


def test_readings_and_lines_parse_as_cc_cedict_writes_them():
    assert [numbered(s) for s in ("hù", "kǒu", "lǜ", "ma", "Wéi")] == [
        "hu4",
        "kou3",
        "lu:4",
        "ma5",
        "wei2",
    ]
    assert parse_line("戶 户 [hu4] /a household/door/family/\n") == (
        "戶",
        "户",
        "hu4",
        ["a household", "door", "family"],
    )
    assert parse_line("# CC-CEDICT\n") is None
    assert shown(["surname Wei", "variant of X", "to maintain", "to keep", "a", "b"]) == (
        "to maintain",
        "to keep",
        "a",
    )


def test_the_reading_picks_the_common_word_over_a_name():
    table = {
        "维": [["維", "Wei2", ["abbr. for Uighur"]], ["維", "wei2", ["to maintain"]]],
        "长": [["長", "chang2", ["long"]], ["長", "zhang3", ["chief"]]],
    }
    assert character(table, "维", "wéi").meanings == ("to maintain",)
    assert character(table, "长", "zhǎng").meanings == ("chief",)
    assert character(table, "长", "cháng").traditional == "長"
    assert character(table, "口", "kǒu") is None
