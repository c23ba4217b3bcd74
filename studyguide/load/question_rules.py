"""What makes a multiple-choice question unfair to a student, as rules the loader (for
data/questions/) and the quiz generator (studyguide.practice) both apply:

- an explanation that only restates the answer teaches nothing: it must bring words of
  its own (what the text says, where);
- an option or question that points at context it does not show ("in these years", "of
  this date") cannot be answered from what is on the screen.
"""

from __future__ import annotations

import re
import unicodedata

# Words that carry no content of their own, for telling a restatement from an explanation.
STOPWORDS = frozenset(
    """
a an the and or but nor of to in on at by for from with as is are was were be been being it its
this that these those he she they them his her their we our you your i not no so than then
there here what which who whom whose when where why how all any each both either neither
some such only also too very just about into over under out up down means mean meaning
says say said said calls call called answer right correct because does do did has have had
""".split()
)

UNSEEN_CONTEXT = re.compile(
    r"\b(?:these|those|this|that|the same|the above|the following|such)\s+"
    r"(?:years?|dates?|periods?|times?|decades?|months?|passages?|quotes?|quotations?|excerpts?|"
    r"texts?|sources?|articles?|figures?|tables?|sections?|cases?|cities|city|events?)\b",
    re.IGNORECASE,
)
MIN_NEW_WORDS = 3


def content_words(text: str) -> set[str]:
    """Lower-case words of a text without tone marks or stopwords (hùkǒu and hukou agree)."""
    folded = "".join(
        c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c)
    )
    return {
        w
        for w in re.findall(r"[\w']+", folded)
        if w not in STOPWORDS and (not w.isdigit() or len(w) == 4)
    }


def restates(why: str, answer: str, ask: str = "") -> bool:
    """True when the explanation adds fewer than MIN_NEW_WORDS content words to what the
    question and its answer already say."""
    return len(content_words(why) - content_words(answer) - content_words(ask)) < MIN_NEW_WORDS


_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def unseen_context(text: str) -> str | None:
    """The phrase by which `text` points at something the reader is not shown, or None.
    "The same year" points inside the text when the text itself names a year."""
    for match in UNSEEN_CONTEXT.finditer(text):
        if not (re.search(r"\b(year|date)s?$", match.group(0), re.I) and _YEAR.search(text)):
            return match.group(0)
    return None
