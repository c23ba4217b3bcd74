"""Flashcards from the glossary and the excerpts (study/practice/cards.json).

Five card types: hanzi → meaning, meaning → hanzi + pinyin, pinyin → hanzi, a cloze (a
verbatim excerpt with one of its key terms blanked, made only where the text really
contains the term's English, an alias, its romanization or its hanzi) and "who wrote
this?" (excerpt → source). A card's id never changes while its term or excerpt keeps its
key, so a learner's saved progress follows it from one release to the next.
"""

from __future__ import annotations

import re

from studyguide.practice.context import (
    PINYIN,
    ZH,
    Context,
    Link,
    excerpt_link,
    plain,
    seg,
    term_link,
)

BLANK = "_____"

# The starter deck the flashcard page opens on (its cards hanzi -> meaning and meaning ->
# hanzi, 20 cards): the vocabulary the guide is about, as its home page and the project's
# description put it. Social management and social governance (the two names of the policy),
# the danwei and hukou (the institutions that managed society before and still sort it), NGOs
# with hub organizations and dual management (how the state registers and steers them),
# weiwen and weiquan (stability maintenance against rights defence), and migrant workers
# (whom the hukou leaves out). tests/test_practice.py checks each key is in the glossary.
CORE_TERMS = (
    "shehui-guanli",
    "shehui-zhili",
    "danwei",
    "hukou",
    "ngo",
    "shuniu-zuzhi",
    "shuangchong-guanli",
    "weiwen",
    "weiquan",
    "nongmingong",
)
CORE_TYPES = ("hanzi-meaning", "meaning-hanzi")


def _card(
    card_id: str, kind: str, front: list, back: list, tags, link: Link, siblings: list[str]
) -> dict:
    """`siblings`: the term and excerpt a card is made from; a card sharing one is its sibling
    (the flashcard page buries siblings for the day, as one card's back answers the other)."""
    core = kind in CORE_TYPES and siblings[0].removeprefix("term:") in CORE_TERMS
    return {
        "id": card_id,
        "type": kind,
        "front": front,
        "back": back,
        "tags": tags.as_json(),
        "link": link,
        "siblings": siblings,
        **({"core": True} if core else {}),
    }


def term_cards(ctx: Context) -> list[dict]:
    cards = []
    for entry in ctx.guide.glossary.sorted():
        tags, link = ctx.term_tags(entry.key), term_link(ctx.guide, entry.key)
        answer = [
            seg(entry.hanzi, ZH),
            seg(entry.pinyin, PINYIN),
            seg(f"{entry.term} — {entry.english}"),
        ]
        cards.append(
            _card(
                f"hanzi-meaning:{entry.key}",
                "hanzi-meaning",
                [seg(entry.hanzi, ZH)],
                [
                    seg(entry.pinyin, PINYIN),
                    seg(f"{entry.term} — {entry.english}"),
                    seg(plain(entry.definition)),
                ],
                tags,
                link,
                [f"term:{entry.key}"],
            )
        )
        cards.append(
            _card(
                f"meaning-hanzi:{entry.key}",
                "meaning-hanzi",
                [seg(entry.english), seg(plain(entry.definition))],
                answer,
                tags,
                link,
                [f"term:{entry.key}"],
            )
        )
        cards.append(
            _card(
                f"pinyin-hanzi:{entry.key}",
                "pinyin-hanzi",
                [seg(entry.pinyin, PINYIN)],
                answer,
                tags,
                link,
                [f"term:{entry.key}"],
            )
        )
    return cards


def find_term(text: str, entry) -> str | None:
    """The longest of the term's English, aliases, romanization and hanzi that the excerpt
    text contains (whole words, any case), as it is written there; None if none is. Of two
    forms as long, the one listed first (English, aliases, romanization, hanzi) wins: a set's
    order changes from one Python process to the next, and so did the cards."""
    for form in sorted(
        dict.fromkeys([entry.english, *entry.aliases, entry.term, entry.hanzi]),
        key=len,
        reverse=True,
    ):
        if not form.strip():
            continue
        edge = r"\b" if form[0].isascii() and form[0].isalnum() else ""
        end = r"\b" if form[-1].isascii() and form[-1].isalnum() else ""
        match = re.search(edge + re.escape(form) + end, text, re.IGNORECASE)
        if match:
            return match.group(0)
    return None


def cloze(text: str, found: str) -> str:
    """The text with every occurrence of the term blanked (one left would give it away)."""
    return re.sub(re.escape(found), BLANK, text, flags=re.IGNORECASE)


def excerpt_cards(ctx: Context) -> list[dict]:
    cards = []
    for excerpt_id, record in ctx.guide.excerpts.items():
        text = plain(record["text"])
        source = ctx.guide.sources[record["source"]]
        link = excerpt_link(ctx.guide, excerpt_id)
        who = f"{record['speaker']}, in " if record.get("speaker") else ""
        cards.append(
            _card(
                f"who-wrote:{excerpt_id}",
                "who-wrote",
                [seg("Who wrote this?"), seg(f"“{text}”")],
                [seg(f"{who}{source['short']}"), seg(record["location"])],
                ctx.excerpt_tags(excerpt_id, "excerpt"),
                link,
                [f"excerpt:{excerpt_id}"],
            )
        )
        for key in record["terms"]:
            entry = ctx.guide.glossary.entries[key]
            found = find_term(text, entry)
            if not found:
                continue
            tags = ctx.excerpt_tags(excerpt_id, "excerpt")
            tags.category.add(entry.category or "other")
            cards.append(
                _card(
                    f"cloze:{excerpt_id}:{key}",
                    "cloze",
                    [seg("Fill the blank:"), seg(f"“{cloze(text, found)}”")],
                    [
                        seg(found),
                        seg(entry.hanzi, ZH),
                        seg(entry.pinyin, PINYIN),
                        seg(f"{entry.term} — {entry.english}"),
                    ],
                    tags,
                    link,
                    [f"excerpt:{excerpt_id}", f"term:{key}"],
                )
            )
    return cards


def build_cards(ctx: Context) -> list[dict]:
    return term_cards(ctx) + excerpt_cards(ctx)
