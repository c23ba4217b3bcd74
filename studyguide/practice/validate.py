"""A multiple-choice question must have exactly one right answer.

Each option carries the facts that make it what it is (its English, hanzi, pinyin, year,
source, speaker). Two options sharing one of those facts would both be right, or
indistinguishable, so such a question is refused with an error naming the question, the
two options and the shared fact, rather than left for a student to be marked wrong on.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

from studyguide.errors import GuideError, Problem
from studyguide.load.question_rules import restates, unseen_context

FACTS = ("english", "hanzi", "pinyin", "year", "source", "speaker", "claim")


@lru_cache(maxsize=8192)  # asked 17,000 times a build, for about a thousand values
def normal(value) -> str:
    """Equal when a reader would call them the same: case, quotes, spaces, punctuation
    ignored; tone marks kept (mā and má differ)."""
    text = unicodedata.normalize("NFC", str(value)).casefold()
    return re.sub(r"[\s\"'“”‘’.,;:!?()\[\]\-–—]+", " ", text).strip()


@dataclass
class Option:
    text: list  # segments shown to the reader
    facts: dict = field(default_factory=dict)
    why: str = ""  # a wrong option: why it is wrong (argument questions)


@dataclass
class Question:
    id: str
    kind: str
    prompt: list
    options: list[Option]
    answer: int
    why: str
    link: object  # practice.context.Link
    tags: object  # practice.context.Tags
    file: str = "data"
    line: int | None = None


def problems_of(question: Question) -> list[Problem]:
    found = []
    where = (question.file, question.line, question.id)
    if not 0 <= question.answer < len(question.options) or len(question.options) < 2:
        found.append(Problem(*where, "needs at least two options and an answer among them"))
    for (i, a), (j, b) in combinations(enumerate(question.options), 2):
        for fact in FACTS:
            if (
                fact in a.facts
                and fact in b.facts
                and normal(a.facts[fact]) == normal(b.facts[fact])
            ):
                found.append(
                    Problem(
                        *where,
                        (
                            f"ambiguous question: options {i + 1} and {j + 1} have the same {fact} "
                            f"'{a.facts[fact]}', so both could be right (pick distractors that differ, "
                            "or leave this question out)"
                        ),
                    )
                )
    return found + fairness_of(question)


def _text(segments: list) -> str:
    return "".join(s["text"] for s in segments)


def fairness_of(question: Question) -> list[Problem]:
    """The rules of studyguide.load.question_rules, applied to a generated question."""
    where = (question.file, question.line, question.id)
    found = []
    right = (
        _text(question.options[question.answer].text)
        if 0 <= question.answer < len(question.options)
        else ""
    )
    if restates(question.why, right, _text(question.prompt)):
        found.append(Problem(*where, f"the explanation only restates the answer: {question.why!r}"))
    for text in [_text(question.prompt), *(_text(o.text) for o in question.options)]:
        phrase = unseen_context(text)
        if phrase:
            found.append(
                Problem(*where, f"points at context the reader is not shown ('{phrase}'): {text!r}")
            )
    return found


def refuse_ambiguous(questions: list[Question]) -> None:
    """Raise GuideError listing every ambiguous question; ids must be unique too."""
    problems = [p for q in questions for p in problems_of(q)]
    seen: set[str] = set()
    for q in questions:
        if q.id in seen:
            problems.append(
                Problem(q.file, q.line, q.id, "two questions have this id (ids must be unique)")
            )
        seen.add(q.id)
    if problems:
        raise GuideError(problems)
