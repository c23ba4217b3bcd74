"""The guide's Chinese words for the search index, so it indexes 枢纽组织 as one word.

Material's search plugin segments Chinese text with jieba at build time. Every glossary
and who's-who hanzi, written as a jieba user dictionary (one "word frequency" per line)
and given to the plugin's `jieba_dict_user` option, keeps multi-character terms whole, so
a reader who types 枢纽组织 or 户口 finds the entry.
"""

from __future__ import annotations

import re
from pathlib import Path

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


def write_user_dictionary(guide: Guide, path: Path) -> Path:
    """Write the words as a jieba user dictionary at `path` (unchanged files are kept)."""
    text = "".join(f"{word} {FREQUENCY}\n" for word in words(guide))
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
