"""The practice files (studyguide.practice): cards.json and quiz.json match their schemas and
every link resolves, the Anki deck gains cloze and who-wrote notes, and the printable sheets
have their glossary columns, a sheet per source and quizzes with keys. The questions are
tested in test_practice_questions, the cards in test_practice_cards."""

from __future__ import annotations

import json
import re

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from studyguide import ROOT
from studyguide.practice.cards import build_cards
from studyguide.practice.context import context

SCHEMAS = ROOT / "studyguide" / "schemas" / "site"


@pytest.fixture(scope="module")
def ctx(guide):
    return context(guide)


def _validator(name: str) -> Draft202012Validator:
    registry = Registry().with_resources(
        (p.name, Resource.from_contents(json.loads(p.read_text())))
        for p in SCHEMAS.glob("*.schema.json")
    )
    return Draft202012Validator(json.loads((SCHEMAS / name).read_text()), registry=registry)


@pytest.mark.parametrize("name", ["cards", "quiz"])
def test_built_json_matches_its_schema_and_every_link_resolves(site, name):
    data = json.loads((site / "study/practice" / f"{name}.json").read_text(encoding="utf-8"))
    errors = sorted(_validator(f"practice-{name}.schema.json").iter_errors(data), key=str)
    assert not errors, errors[0].message
    items = data["cards"] if name == "cards" else data["questions"]
    ids_of: dict[str, set[str]] = {}
    for item in items:
        page, _, anchor = item["link"]["href"].partition("#")
        html_file = site / page / "index.html"
        assert html_file.is_file(), item["link"]
        if page not in ids_of:
            ids_of[page] = set(re.findall(r'\bid="([^"]+)"', html_file.read_text(encoding="utf-8")))
        assert not anchor or anchor in ids_of[page], item["link"]


def test_schema_refuses_a_bad_question():
    bad = {
        "id": "x",
        "kind": "guess",
        "prompt": [],
        "options": [],
        "answer": -1,
        "why": "",
        "link": {"href": "/abs", "text": ""},
        "tags": {},
    }
    errors = list(
        _validator("practice-quiz.schema.json").iter_errors(
            {"version": 1, "generated": "", "seed": 1, "quizzes": [], "questions": [bad]}
        )
    )
    assert len(errors) >= 3


def test_anki_deck_gains_cloze_and_who_wrote_notes_with_citations_and_stable_guids(guide, ctx):
    from test_content import read_apkg

    from studyguide.outputs import anki_excerpts, flashcards

    notes = dict(read_apkg(flashcards.apkg_bytes(guide.glossary, guide)))
    clozes = [c for c in build_cards(ctx) if c["type"] == "cloze"]
    assert len(notes) == len(guide.glossary) + len(guide.excerpts) + len(clozes)
    assert {flashcards.guid(k) for k in guide.glossary.entries} <= set(notes), (
        "glossary notes keep their guids"
    )
    import html

    from studyguide.cite.citations import csl_item, plain, reference

    for excerpt_id, record in guide.excerpts.items():
        fields = notes[anki_excerpts.guid(flashcards.GUID_NAMESPACE, excerpt_id)].split("\x1f")
        cited = plain(
            reference(
                csl_item(record["source"], guide.sources[record["source"]]),
                "chicago-notes-bibliography",
            )
        )
        assert fields[0] == excerpt_id and html.unescape(fields[4]) == cited, (
            "each note carries its source's Chicago reference"
        )
    for card in clozes:
        excerpt_id, key = card["id"].split(":")[1:]
        fields = notes[anki_excerpts.guid(flashcards.GUID_NAMESPACE, excerpt_id, key)].split("\x1f")
        assert "{{c1::" in fields[0] and fields[4] == f"{excerpt_id}:{key}" and fields[3], card[
            "id"
        ]
    assert dict(read_apkg(flashcards.apkg_bytes(guide.glossary, guide))).keys() == notes.keys()


def test_printable_sheets_have_glossary_columns_a_sheet_per_source_and_quizzes_with_keys(
    site, guide
):
    page = (site / "study/sheets/index.html").read_text(encoding="utf-8")
    sections = re.findall(r'<section class="print-sheet">(.*?)</section>', page, re.S)
    assert len(sections) == 1 + 3 * len(guide.sources), len(sections)
    glossary = sections[0]
    assert (
        "<th>Hanzi</th>" in glossary
        and "<th>Pinyin</th>" in glossary
        and "<th>English</th>" in glossary
    )
    for e in guide.glossary.entries.values():
        assert (
            f'<span lang="zh-Hans">{e.hanzi}</span>' in glossary
            and f'<span lang="zh-Latn-pinyin">{e.pinyin}</span>' in glossary
        )
    for source_id in guide.sources:
        quiz = next(s for s in sections if f'id="sheet-quiz-{source_id}"' in s)
        key = next(s for s in sections if f'id="sheet-key-{source_id}"' in s)
        assert quiz is not key, "the answer key is on a page of its own"
        assert (
            len(re.findall(r"<li>\s*<p>", quiz)) == 10
            and len(re.findall(r"<li><strong>[ABCD]</strong>", key)) == 10
        )
        assert any(f'id="sheet-{source_id}"' in s for s in sections)
    css = (ROOT / "docs/stylesheets/practice.css").read_text(encoding="utf-8")
    printed = css[css.index("@media print {") :]
    assert ".md-typeset .print-sheet { break-before: page; }" in printed, (
        "each sheet starts a printed page"
    )
