"""What a glossary note rests on. Every sentence of an entry's `notes` names the text it
is about (a source's author or short name, a person in it, or "the sources", "the
commenter", "the paper"…), or is marked as background or as the guide's reading, or says
where the hanzi come from. The word itself (a short form, a literal meaning, other
English renderings) is the guide's own knowledge, not a claim about the texts: it goes in
the entry's `language` field, which names no source and is shown labelled as the guide's.

The names come from data/sources.yaml, so a new source's author counts without editing
this module; the generic words for the texts are the few below.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from studyguide.errors import Problem
from studyguide.text import HAN

TEXT_WORDS = {
    "source",
    "sources",
    "text",
    "texts",
    "commenter",
    "commenters",
    "commentary",
    "interview",
    "interviewer",
    "paper",
    "article",
    "post",
    "translation",
}
MARK = re.compile(
    r"\((?:background\b|[^()]*\bthe guide's (?:reading|rendering|translation)\b)", re.I
)
HANZI = re.compile(r"\bhanzi\b")
# A sentence ends at . ! or ? (and a closing quote or bracket) before a capital, an
# emphasis mark, an opening quote or bracket, or a Chinese character.
SENTENCE_END = re.compile(rf"(?<=[.!?])[\"”’)]?\s+(?=[A-Z*(\"“'‘{HAN}])")
FIX = (
    'attribute it ("Shi says…"), mark it "(background, not in the sources: …)" '
    'or "(the guide\'s reading)", '
    "or move a note on the word's form or renderings to the language field"
)


def source_names(sources: dict) -> set[str]:
    """The words that name a source: its short name's first word, its people's names,
    where it appeared ("Korea Herald"), and the generic words for the texts."""
    names = set(TEXT_WORDS)
    for source in sources.values():
        names.add(source["short"].split()[0])
        names.update(word for person in source["people"] for word in person["name"].split())
        if source.get("container"):
            names.add(source["container"].removeprefix("The "))
    return names


def _pattern(names: Iterable[str]) -> re.Pattern:
    return re.compile(
        r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b"
    )


def sentences(text: str) -> list[str]:
    text = " ".join(text.split())
    return SENTENCE_END.split(text) if text else []


def line_of(raw_lines: list[str], first: int, sentence: str) -> int:
    """The file line where `sentence` begins, in the folded block that starts after line
    `first` (1-based); `first` itself when it cannot be found."""
    block, starts = "", []
    for number in range(first + 1, len(raw_lines) + 1):
        line = raw_lines[number - 1]
        if line.strip() and not line.startswith("    "):
            break
        starts.append((len(block), number))
        block += line.strip() + " "
    at = block.find(sentence[:60])
    return max((n for offset, n in starts if offset <= at), default=first) if at >= 0 else first


def note_problems(entries, sources: dict, raw_lines: list[str], display: str) -> list[Problem]:
    """One Problem per unattributed, unmarked sentence in a `notes`, and per `language`
    that names a source (what a text says belongs in the notes)."""
    names = _pattern(source_names(sources))
    problems = []
    for entry in entries:
        for sentence in sentences(entry.notes or ""):
            if not (names.search(sentence) or MARK.search(sentence) or HANZI.search(sentence)):
                line = line_of(raw_lines, entry.notes_line or entry.line, sentence)
                problems.append(
                    Problem(
                        display,
                        line,
                        entry.key,
                        f'notes: "{_start(sentence)}" names no source and is not marked; {FIX}',
                    )
                )
        for sentence in sentences(entry.language or ""):
            found = names.search(sentence)
            if found:
                line = line_of(raw_lines, entry.language_line or entry.line, sentence)
                problems.append(
                    Problem(
                        display,
                        line,
                        entry.key,
                        f"language: \"{_start(sentence)}\" names a source ('{found.group(0)}'); "
                        "what a text says goes in the notes field, "
                        "the word's form and renderings here",
                    )
                )
    return problems


def _start(sentence: str, words: int = 8) -> str:
    parts = sentence.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")
