"""Pinyin grouped by word: syllables of one word written together (qúntǐxìng shìjiàn).

Words come from jieba's segmentation of the hanzi (its dictionary is the one the search
index already uses; pypinyin's phrase dictionary holds only phrases whose reading is
ambiguous, so it lacks 事件). A grouping is reported when a word of two or more
characters is written as two or more whole groups, at least one of them a single syllable
(`qúntǐ xìng shì jiàn` splits 事件 and 群体性). Verbs are left alone: the orthography
writes a verb apart from its object (`bèi hē chá`). Glossary terms only: names and
proper nouns in the who's who follow their own rules (`Běijīng Shì`).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import cache

from studyguide.text import HAN_CHAR, TONED

SEPARATOR = re.compile(r"([\s\-]+)")


def split_groups(written: str) -> tuple[list[str], list[str]]:
    """'qúntǐxìng shìjiàn' -> (['qúntǐxìng', 'shìjiàn'], [' ']): groups and what joins them."""
    parts = SEPARATOR.split(written.strip())
    return parts[0::2], parts[1::2]


def join_groups(groups: list[str], separators: list[str]) -> str:
    out = groups[0]
    for sep, group in zip(separators, groups[1:], strict=False):
        out += sep + group
    return out


def tone_count(group: str) -> int:
    """Syllables in a group, counted by their tone marks (a neutral tone has none)."""
    return sum(1 for c in unicodedata.normalize("NFC", group.lower()) if c in TONED)


def regroup(hanzi: str, syllables: list[str], written: str) -> str:
    """Syllables (one per character) grouped as `written` groups them, when its tone marks
    say how many syllables each group holds; otherwise grouped by word."""
    groups, separators = split_groups(written)
    counts = [tone_count(g) for g in groups]
    if not (counts and all(counts) and sum(counts) == len(syllables)):
        out, at = [], 0
        for word in segment(hanzi):
            out.append("".join(syllables[at : at + len(word)]))
            at += len(word)
        return " ".join(out)
    out, at = [], 0
    for group, count in zip(groups, counts, strict=True):
        text = "".join(syllables[at : at + count])
        trail = re.sub(r"^[^,;.、，]*", "", group)  # keep a comma after a group
        out.append((text[:1].upper() + text[1:] if group[:1].isupper() else text) + trail)
        at += count
    return join_groups(out, separators)


@cache
def segment(hanzi: str) -> tuple[str, ...]:
    """The hanzi's words (jieba, dictionary only), Han characters only."""
    import jieba  # imported on first use; the search plugin loads the same dictionary

    jieba.setLogLevel(logging.WARNING)
    words = (
        "".join(HAN_CHAR.findall(w)) for w in jieba.cut("".join(HAN_CHAR.findall(hanzi)), HMM=False)
    )
    return tuple(w for w in words if w)


@cache
def _tags() -> dict[str, str]:
    from pathlib import Path

    import jieba

    tags = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


def is_verb(word: str) -> bool:
    return _tags().get(word, "").startswith("v")


def grouping_problem(hanzi: str, written: str, spans: list[int]) -> str | None:
    """`spans[i]` is how many characters group i of `written` covers (from the pinyin
    check). A message naming the split words and the grouping to use, or None."""
    groups, separators = split_groups(written)
    starts = [sum(spans[:i]) for i in range(len(spans) + 1)]
    joined: set[int] = set()  # indexes of separators to remove
    split_words = []
    at = 0
    for word in segment(hanzi):
        a, b = at, at + len(word)
        at = b
        if len(word) < 2 or a not in starts or b not in starts:
            continue
        first, last = starts.index(a), starts.index(b)
        covered = spans[first:last]
        if last - first >= 2 and 1 in covered and not is_verb(word):
            split_words.append(word)
            joined.update(range(first, last - 1))
    if not split_words:
        return None
    merged = [groups[0]]
    for i, (sep, group) in enumerate(zip(separators, groups[1:], strict=False)):
        merged[-1:] = [merged[-1] + group] if i in joined else [merged[-1], sep + group]
    return (
        f"pinyin '{written}' splits the word{'s' if len(split_words) > 1 else ''} "
        f"{', '.join(split_words)}; group syllables by word: '{''.join(merged)}'"
    )
