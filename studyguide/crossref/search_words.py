"""Teach jieba the guide's vocabulary, so search indexes 枢纽组织 as one word.

Material's search plugin segments Chinese text with jieba's default tokenizer at build
time. Adding every glossary and who's-who hanzi as a user word (the same as a jieba user
dictionary, generated from the data on every build) keeps multi-character terms whole,
so a reader who types 枢纽组织 or 户口 finds the entry.
"""

from __future__ import annotations

import re

import jieba

from studyguide.load.guide import Guide

SPLIT = re.compile(r"[、，,·\s]+")
FREQUENCY = 100_000  # high enough to win over jieba's own splits


def words(guide: Guide) -> list[str]:
    found = []
    for entry in guide.glossary.entries.values():
        found += [entry.hanzi, *SPLIT.split(entry.hanzi)]
    for person in guide.people.values():
        if person.get("hanzi"):
            found.append(person["hanzi"])
    return sorted({w for w in found if len(w) > 1})


def register(guide: Guide) -> None:
    for word in words(guide):
        jieba.add_word(word, FREQUENCY)
