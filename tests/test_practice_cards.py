"""The flashcards' starter deck and siblings (studyguide.practice.cards): the core deck is
the ten central terms, two cards each, every key in the glossary; every card names the term
or excerpt it is made from, so the page can bury a term's other cards for the day."""

from __future__ import annotations

from collections import defaultdict

from studyguide.practice.cards import CORE_TERMS, build_cards
from studyguide.practice.context import context


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
