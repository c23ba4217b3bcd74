"""Check that tone-marked pinyin fits its hanzi, syllable by syllable (pypinyin).

Heteronyms are allowed (行 may be xíng or háng). A syllable written without a tone mark
is accepted as a neutral tone of a reading, but pinyin with no tone marks at all is not.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

from studyguide.load import grouping
from studyguide.text import HAN_CHAR

TONE_MARKS = "\u0304\u0301\u030c\u0300"  # macron, acute, caron, grave (after NFD)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text.lower().replace("v", "ü"))


def toneless(text: str) -> str:
    """hùkǒu -> hukou; lǜ -> lü."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", stripped)


@cache
def readings(char: str) -> frozenset[str]:
    """All tone-marked readings pypinyin knows for one character."""
    from pypinyin import (
        Style,
        pinyin,
    )  # imported on first use: its dictionaries take 0.25 s to load

    return frozenset(_norm(r) for r in pinyin(char, style=Style.TONE, heteronym=True)[0])


def _fits(chars: list[str], letters: str, i: int = 0, at: int = 0) -> int:
    """Length of the longest prefix of `chars` that `letters` can spell (backtracking)."""
    if i == len(chars):
        return i if at == len(letters) else i - 1
    best = i
    for reading in readings(chars[i]):
        for form in {reading, toneless(reading)}:
            if letters.startswith(form, at):
                best = max(best, _fits(chars, letters, i + 1, at + len(form)))
                if best == len(chars):
                    return best
    return best


def check_pinyin(hanzi: str, written: str, grouped: bool = False) -> str | None:
    """None if `written` fits `hanzi`; otherwise a sentence saying where it goes wrong.
    With `grouped`, the syllables must also be grouped by word (see grouping)."""
    chars = HAN_CHAR.findall(hanzi)
    if not chars:
        return f"hanzi '{hanzi}' contains no Chinese characters"
    if not any(m in unicodedata.normalize("NFD", written) for m in TONE_MARKS):
        return (
            f"pinyin '{written}' has no tone marks; write e.g. '{_suggest(hanzi, chars, written)}'"
        )
    letters = _letters(written)
    if _fits(chars, letters) == len(chars):
        spans = _spans(chars, written) if grouped else None
        return grouping.grouping_problem(hanzi, written, spans) if spans else None
    good = _fits(chars, letters)
    bad = chars[min(good, len(chars) - 1)]
    options = "/".join(sorted(readings(bad)))
    return (
        f"pinyin '{written}' does not fit hanzi '{hanzi}': '{bad}' reads {options}; "
        f"expected something like '{_suggest(hanzi, chars, written)}'"
    )


def _letters(written: str) -> str:
    return re.sub(r"[^a-zü\u00c0-\u024f]", "", _norm(written))


def _spans(chars: list[str], written: str) -> list[int] | None:
    """How many characters each group of `written` spells, or None if unclear."""
    spans, at = [], 0
    for group in grouping.split_groups(written)[0]:
        letters = _letters(group)
        size = next(
            (n for n in range(1, len(chars) - at + 1) if _fits(chars[at : at + n], letters) == n),
            None,
        )
        if size is None:
            return None
        spans.append(size)
        at += size
    return spans if at == len(chars) else None


def _suggest(hanzi: str, chars: list[str], written: str) -> str:
    from pypinyin import Style, pinyin

    syllables = [pinyin("".join(chars), style=Style.TONE)[i][0] for i in range(len(chars))]
    return grouping.regroup(hanzi, syllables, written)


def check_remembered(hanzi: str, written: str, passed, grouped: bool = False) -> str | None:
    """check_pinyin, skipped for a pair that passed before (see load.cache)."""
    pair = f"{hanzi}\t{written}\t{'grouped' if grouped else ''}"
    if pair in passed:
        return None
    problem = check_pinyin(hanzi, written, grouped)
    if problem is None:
        passed.add(pair)
    return problem


def per_character(hanzi: str, written: str) -> list[tuple[str, str]] | None:
    """Each Chinese character of `hanzi` with its syllable as `written` spells it
    (户口, hùkǒu -> [(户, hù), (口, kǒu)]); None where the pinyin does not fit. The
    readings come from pypinyin's dictionary; no meaning is attached to them."""
    chars = HAN_CHAR.findall(hanzi)
    letters = re.sub(r"[^a-zü\u00c0-\u024f]", "", _norm(written))

    def walk(i: int, at: int) -> list[str] | None:
        if i == len(chars):
            return [] if at == len(letters) else None
        for reading in sorted(readings(chars[i]), key=len, reverse=True):
            for form in dict.fromkeys([reading, toneless(reading)]):
                if (
                    letters.startswith(form, at)
                    and (rest := walk(i + 1, at + len(form))) is not None
                ):
                    return [letters[at : at + len(form)], *rest]
        return None

    syllables = walk(0, 0) if chars else None
    return list(zip(chars, syllables, strict=True)) if syllables is not None else None


def per_character_all(
    root: Path | None, pairs: tuple[tuple[str, str], ...]
) -> dict[tuple[str, str], list[tuple[str, str]] | None]:
    """per_character for every (hanzi, pinyin) pair, kept in the build cache
    (load.cache.remembered) under the code's key (the package and its libraries' versions)
    and a digest of the pairs. The term pages need a split for each of the
    glossary's entries on every build; with this, pypinyin (0.2 s to import) is loaded only
    when an entry, the rules or the library change."""
    from studyguide.load.cache import digest, remembered

    key = digest(*(f"{h}\t{w}".encode() for h, w in pairs))

    def make() -> bytes:
        splits = {f"{h}\t{w}": per_character(h, w) for h, w in pairs}
        return json.dumps(splits, ensure_ascii=False, sort_keys=True).encode("utf-8")

    stored = json.loads(remembered(root, "per-character.json", key, make))
    return {
        (h, w): ([tuple(x) for x in split] if split is not None else None)
        for h, w in pairs
        for split in [stored[f"{h}\t{w}"]]
    }
