"""The practice data (studyguide.practice): enough unambiguous questions, cloze cards only
where the excerpt really contains the term, JSON matching its schema, links that resolve."""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from studyguide import ROOT
from studyguide.errors import GuideError
from studyguide.load.glossary import Glossary
from studyguide.practice.cards import BLANK, build_cards, find_term
from studyguide.practice.context import context, plain
from studyguide.practice.quiz import build_questions, quizzes, term_questions
from studyguide.practice.validate import Option, Question, refuse_ambiguous

SCHEMAS = ROOT / "studyguide" / "schemas" / "site"


@pytest.fixture(scope="module")
def ctx(guide):
    return context(guide)


def test_at_least_150_questions_of_every_kind_and_a_quiz_per_source_and_theme(ctx):
    questions = build_questions(ctx)
    kinds = Counter(q.kind for q in questions)
    assert len(questions) >= 150, kinds
    assert set(kinds) >= {
        "term-meaning",
        "meaning-term",
        "hanzi-pinyin",
        "pinyin-hanzi",
        "quote-source",
        "quote-speaker",
        "event-year",
        "event-order",
        "claim-source",
    }
    ids = {z["id"] for z in quizzes(ctx, questions)}
    assert {f"source:{s}" for s in ctx.guide.sources} <= ids
    assert {f"theme:{t}" for t in ctx.theme_titles} <= ids


def test_question_order_is_seeded_so_builds_are_reproducible(ctx):
    first, again = build_questions(ctx), build_questions(ctx)
    assert [q.id for q in first] == [q.id for q in again]
    assert [q.answer for q in first] == [q.answer for q in again]
    assert len({q.answer for q in first}) == 4, "the right answer is not always in the same place"


def test_the_practice_files_are_the_same_in_every_python_process():
    """cards.json and quiz.json do not depend on Python's per-process hash seed (a set's
    order): the cloze cards once blanked "shuniushi guanli" in one build and "hinge
    management" in the next, both 16 letters long."""
    import hashlib
    import os
    import subprocess
    import sys

    code = (
        "import hashlib; from studyguide import ROOT; from studyguide.load.guide import load_guide; "
        "from studyguide.practice.json_files import cards_json, quiz_json; g = load_guide(ROOT); "
        "print(hashlib.sha256((cards_json(g) + quiz_json(g)).encode()).hexdigest())"
    )
    digests = {
        seed: subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout.strip()
        for seed in ("1", "2", "3", "4", "5", "6")
    }
    assert len(set(digests.values())) == 1, digests
    assert hashlib.sha256(b"").hexdigest() not in digests.values()


def _entry_like(entry, key, **changes):
    return dataclasses.replace(entry, key=key, **changes)


def test_data_that_would_make_an_ambiguous_question_is_refused(ctx):
    """Two terms with the same English: a 'which term means …' question offering both
    would have two right answers, and the build stops, naming the entry and the fact."""
    real = ctx.guide.glossary.sorted()[:4]
    twin = _entry_like(real[1], real[1].key, english=real[0].english)
    glossary = Glossary("glossary.yaml", {e.key: e for e in [real[0], twin, real[2], real[3]]})
    small = dataclasses.replace(ctx, guide=dataclasses.replace(ctx.guide, glossary=glossary))
    with pytest.raises(GuideError) as error:
        refuse_ambiguous(term_questions(small))
    message = str(error.value)
    assert (
        f"glossary.yaml:{real[0].line}: 'meaning-term:{real[0].key}': ambiguous question" in message
    )
    assert f"same english '{real[0].english}'" in message


@pytest.mark.parametrize(
    "fact, a, b",
    [
        ("hanzi", "户口", "户口"),
        ("year", 2008, 2008),
        ("source", "shi-2014", "shi-2014"),
        ("english", "Hub organization", "hub  organization."),
    ],
)
def test_validator_refuses_two_options_sharing_a_fact(fact, a, b):
    question = Question(
        "q1",
        "test",
        [{"text": "?"}],
        [
            Option([{"text": "a"}], {fact: a}),
            Option([{"text": "b"}], {fact: b}),
            Option([{"text": "c"}], {fact: "other"}),
        ],
        0,
        "The text settles it in its fourth section.",
        None,
        None,
        "data/x.yaml",
        3,
    )
    with pytest.raises(
        GuideError,
        match=rf"data/x.yaml:3: 'q1': ambiguous question: options 1 and 2 have the same {fact}",
    ):
        refuse_ambiguous([question])
    refuse_ambiguous(
        [dataclasses.replace(question, options=question.options[1:])]
    )  # one of them: fine


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


def test_the_questions_are_made_once_per_loaded_guide_and_again_for_another():
    """The quiz data and the printable sheets share one set of questions per loaded guide
    (load.guide.once_per_guide); a guide loaded after an edit gets its own."""
    from studyguide.load.guide import load_guide, once_per_guide
    from studyguide.practice.quiz import questions_for

    calls = []

    @once_per_guide
    def work(guide):
        calls.append(guide)
        return len(calls)

    guide = load_guide(ROOT)
    edited = dataclasses.replace(guide)  # another Guide object, as load_guide makes after an edit
    assert (work(guide), work(guide), work(edited), work(edited), work(guide)) == (1, 1, 2, 2, 3)
    assert questions_for(guide) is questions_for(guide)
    assert isinstance(questions_for(guide)[1], tuple)  # shared, so not to be changed
