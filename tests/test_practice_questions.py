"""The quiz questions (studyguide.practice.quiz and .validate): at least 150 of every kind, a
quiz per source and theme, a seeded order the same in every Python process, made once per
loaded guide, and data that would make an ambiguous question refused."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from studyguide import ROOT
from studyguide.errors import GuideError
from studyguide.load.glossary import Glossary
from studyguide.practice.context import context
from studyguide.practice.quiz import build_questions, quizzes, term_questions
from studyguide.practice.validate import Option, Question, refuse_ambiguous


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
        "import hashlib; from studyguide import ROOT; "
        "from studyguide.load.guide import load_guide; "
        "from studyguide.practice.json_files import cards_json, quiz_json; g = load_guide(ROOT); "
        "print(hashlib.sha256((cards_json(g, str) + quiz_json(g, str)).encode()).hexdigest())"
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
