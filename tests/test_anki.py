"""The flashcard deck opens in Anki itself: the official `anki` library (the one the Anki
app is built on) imports it, renders every card and passes "Check Database"; an updated
deck updates the learner's notes in place instead of duplicating them."""

from __future__ import annotations

import dataclasses
import re

import pytest

from studyguide import ROOT
from studyguide.outputs import flashcards

anki = pytest.importorskip(
    "anki.collection",
    reason="the anki package is not installed (make test installs it from requirements/test.txt)",
)


def import_apkg(col, path):
    """Import as the Anki app does by default: a note is updated when the incoming one is newer."""
    from anki.import_export_pb2 import (
        ImportAnkiPackageOptions,
        ImportAnkiPackageRequest,
        ImportAnkiPackageUpdateCondition,
    )

    options = ImportAnkiPackageOptions(
        update_notes=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        update_notetypes=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        with_scheduling=False,
        with_deck_configs=False,
    )
    return col.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(path), options=options)
    )


TEMPLATE_PROBLEM = (
    r"card template|no field called|front of this card is blank|edit this note type|template error"
)


@pytest.fixture
def collection(tmp_path):
    col = anki.Collection(str(tmp_path / "collection.anki2"))
    yield col
    col.close()


def test_the_site_deck_imports_renders_and_passes_check_database(site, guide, collection):
    import_apkg(collection, site / flashcards.DECK_PATH)
    from studyguide.outputs import anki_excerpts

    notes = collection.find_notes("")
    excerpt_notes = len(
        anki_excerpts.notes(guide, flashcards.GUID_NAMESPACE)
    )  # one "who wrote this?" per excerpt, one cloze per term it holds
    assert len(notes) == len(guide.glossary) + excerpt_notes
    assert all(nid > 0 for nid in notes)
    cards = [collection.get_card(cid) for cid in collection.find_cards("")]
    assert (
        len(cards) == 2 * len(guide.glossary) + excerpt_notes
    )  # a term note makes two cards, the others one
    for card in cards:
        question, answer = card.question(), card.answer()
        # Anki writes a template problem into the card itself, in one of these words
        assert (
            question.strip()
            and answer.strip()
            and not re.search(TEMPLATE_PROBLEM, question + answer, re.I)
        ), card.id
    problems, ok = collection.fix_integrity()
    assert ok, problems


def test_an_updated_deck_updates_notes_in_place(site, guide, collection, tmp_path):
    import_apkg(collection, site / flashcards.DECK_PATH)
    before = sorted(collection.find_notes(""))
    key = sorted(guide.glossary.entries)[0]
    changed = dataclasses.replace(guide.glossary.entries[key], english="a changed English gloss")
    glossary = dataclasses.replace(guide.glossary, entries={**guide.glossary.entries, key: changed})
    updated = tmp_path / "updated.apkg"
    # As the build makes it after glossary.yaml changes: stamped with the time of the change,
    # later than any of the deck's data files had changed before.
    stamp = flashcards.changed_at(flashcards.deck_inputs(ROOT)) + 60
    updated.write_bytes(flashcards.apkg_bytes(glossary, guide, stamp))
    import_apkg(collection, updated)
    after = sorted(collection.find_notes(""))
    assert after == before, "re-importing duplicated or dropped notes"
    (nid,) = collection.find_notes(f'"Key:{key}"')
    assert collection.get_note(nid)["English"] == "a changed English gloss"
