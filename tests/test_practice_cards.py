"""The flashcards' starter deck and siblings (studyguide.practice.cards): the core deck is
the ten central terms, two cards each, every key in the glossary; every card names the term
or excerpt it is made from, so the page can bury a term's other cards for the day; every
card type exists with its deck tags, and a cloze card blanks only a term the excerpt really
contains."""

from __future__ import annotations

from collections import defaultdict

import pytest

from studyguide.practice.cards import BLANK, CORE_TERMS, build_cards, find_term
from studyguide.practice.context import context, plain


@pytest.fixture(scope="module")
def ctx(guide):
    return context(guide)


def test_core_deck_is_twenty_cards_of_ten_glossary_terms(guide):
    cards = build_cards(context(guide))
    core = [c for c in cards if c.get("core")]
    assert len(core) == 20
    assert {c["siblings"][0].removeprefix("term:") for c in core} == set(CORE_TERMS)
    assert set(CORE_TERMS) <= set(guide.glossary.entries), set(CORE_TERMS) - set(
        guide.glossary.entries
    )


def test_every_card_names_its_siblings_and_a_term_groups_its_cards(guide):
    cards = build_cards(context(guide))
    groups = defaultdict(set)
    for card in cards:
        assert card["siblings"], card["id"]
        for group in card["siblings"]:
            groups[group].add(card["type"])
    assert groups["term:hukou"] >= {"hanzi-meaning", "meaning-hanzi", "pinyin-hanzi"}
    cloze = next(c for c in cards if c["type"] == "cloze")
    excerpt, term = cloze["siblings"]
    assert excerpt.startswith("excerpt:") and term.startswith("term:")
    assert "who-wrote" in groups[excerpt] and "hanzi-meaning" in groups[term]


def test_cloze_cards_blank_a_term_the_excerpt_really_contains(ctx):
    cards = [c for c in build_cards(ctx) if c["type"] == "cloze"]
    assert len(cards) >= 40
    for card in cards:
        excerpt_id, key = card["id"].split(":")[1:]
        text, found = plain(ctx.guide.excerpts[excerpt_id]["text"]), card["back"][0]["text"]
        assert found.casefold() in text.casefold(), card["id"]
        assert (
            BLANK in card["front"][1]["text"]
            and found.casefold() not in card["front"][1]["text"].casefold()
        ), card["id"]
    listed = [(x, k) for x, r in ctx.guide.excerpts.items() for k in r["terms"]]
    absent = [
        (x, k)
        for x, k in listed
        if find_term(plain(ctx.guide.excerpts[x]["text"]), ctx.guide.glossary.entries[k]) is None
    ]
    assert absent, "expected some excerpts that list a term without containing its words"
    assert not {f"cloze:{x}:{k}" for x, k in absent} & {c["id"] for c in cards}


def test_every_card_type_exists_with_deck_tags(ctx):
    cards = build_cards(ctx)
    assert {c["type"] for c in cards} == {
        "hanzi-meaning",
        "meaning-hanzi",
        "pinyin-hanzi",
        "cloze",
        "who-wrote",
    }
    assert len({c["id"] for c in cards}) == len(cards)
    assert all(c["tags"]["category"] for c in cards)
    assert sum(bool(c["tags"]["theme"]) for c in cards) > len(cards) / 2
