"""Argument questions (data/questions/*.yaml) and the fairness rules every question meets:
an explanation that explains, no pointing at context the reader cannot see, quizzes on a
source or theme that are at least 40% argument."""

from __future__ import annotations

from collections import Counter

import pytest
from test_records import edit, load_error

from studyguide.load.question_rules import restates, unseen_context
from studyguide.practice.context import Link, Tags, context
from studyguide.practice.quiz import ARGUMENT_SHARE, build_questions, quizzes, topic_quiz
from studyguide.practice.validate import Option, Question, problems_of

ARGUMENT_KINDS = {
    "argue-agree",
    "argue-evidence",
    "argue-concedes",
    "argue-differ",
    "argue-misattributed",
}


def first_question(project):
    path = sorted((project / "data/questions").glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    start = text.index("\n- id: ") + 1
    return path, text, start


def test_an_explanation_that_only_restates_the_answer_is_refused_with_its_line(project_copy):
    path, text, start = first_question(project_copy)
    block = text[start:].split("\n- id: ")[0]
    answer = block.split("  answer: ", 1)[1].split("\n", 1)[0]
    why_start = block.index("  why: ")
    why_end = block.index("\n  wrong:")
    new_block = block[:why_start] + f"  why: 'It is right: {answer}'" + block[why_end:]
    path.write_text(text[:start] + new_block + text[start + len(block) :], encoding="utf-8")
    line = (text[:start] + new_block[: new_block.index("  why: ")]).count("\n") + 1
    assert f"{path.name}:{line}: " in load_error(project_copy)
    assert (
        "the explanation ('why') only restates the answer: say what the text says and where"
        in load_error(project_copy)
    )


def test_an_option_that_points_at_unseen_context_is_refused(project_copy):
    path, text, start = first_question(project_copy)
    wrong = text[start:].split("    - text: ", 1)[1].split("\n", 1)[0]
    edit(path, f"    - text: {wrong}", "    - text: It happened in these years.")
    assert (
        "wrong option 1 points at context the reader is not shown ('these years'): name it"
        in load_error(project_copy)
    )


def test_a_cited_excerpt_or_section_that_does_not_exist_names_the_nearest(project_copy):
    path, text, start = first_question(project_copy)
    cites = text[start:].split("  cites: [", 1)[1].split("]", 1)[0]
    first = cites.split(",")[0].strip()
    edit(
        path, f"  cites: [{cites}]", f"  cites: [{first}x, shi-2014#5-conclusion-welfare-pluralism]"
    )
    message = load_error(project_copy)
    assert f"excerpt '{first}x' is not an excerpt id (did you mean '{first}'?)" in message
    assert (
        "'shi-2014#5-conclusion-welfare-pluralism': no '### ' section '5-conclusion-welfare-pluralism' on docs/sources/shi-2014.md (did you mean '5-conclusion-welfare-pluralism-chinese-style'?)"
        in message
    )


def test_two_questions_with_one_id_are_an_error(project_copy):
    path, text, start = first_question(project_copy)
    block = text[start:].split("\n- id: ")[0]
    path.write_text(text + "\n" + block.rstrip("\n") + "\n", encoding="utf-8")
    assert "question id already used at" in load_error(project_copy)


@pytest.mark.parametrize(
    ("why", "answer", "ask", "expected"),
    [
        (
            "welfare mix (福利混合, fúlì hùnhé) means “welfare mix”.",
            "welfare mix",
            "What does 福利混合 mean?",
            True,
        ),
        ("1990: the earliest of the four.", "1990", "Which came first?", True),
        (
            "Shi says that when the government cannot find enough organizations it turns to hubs.",
            "Too few providers.",
            "Why hubs?",
            False,
        ),
    ],
)
def test_restates_tells_an_echo_from_an_explanation(why, answer, ask, expected):
    assert restates(why, answer, ask) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shi mentions experiments in these years.", "these years"),
        ("a report of this date", "this date"),
        ("Shenzhen in 2008, and Guangzhou the same year.", None),  # the year is in the text
        ("Baek says the party reaches into society.", None),
    ],
)
def test_unseen_context_finds_a_pointer_to_what_is_not_shown(text, expected):
    assert unseen_context(text) == expected


def test_a_generated_question_whose_explanation_echoes_its_answer_is_refused():
    q = Question(
        "term-meaning:x",
        "term-meaning",
        [{"text": "What does 户口 mean?"}],
        [Option([{"text": "household registration"}]), Option([{"text": "work unit"}])],
        0,
        "hukou (户口) means household registration.",
        Link("glossary.md"),
        Tags(),
        "glossary.yaml",
        3,
    )
    assert [p.message for p in problems_of(q)] == [
        "the explanation only restates the answer: 'hukou (户口) means household registration.'"
    ]


def argument(n: int) -> list[Question]:
    return [
        Question(f"argue:{i}", "argue-agree", [], [Option([]), Option([])], 0, "w", None, Tags())
        for i in range(n)
    ]


def recall(kind: str, n: int) -> list[Question]:
    return [
        Question(f"{kind}:{i}", kind, [], [Option([]), Option([])], 0, "w", None, Tags())
        for i in range(n)
    ]


def test_a_topic_quiz_is_at_least_forty_percent_argument_and_keeps_one_term_form():
    pool = (
        argument(4)
        + recall("term-meaning", 10)
        + recall("hanzi-pinyin", 10)
        + recall("quote-source", 10)
    )
    chosen = topic_quiz(pool)
    kinds = Counter(q.kind for q in chosen)
    assert kinds == {"argue-agree": 4, "term-meaning": 3, "quote-source": 3}
    assert kinds["argue-agree"] / len(chosen) >= ARGUMENT_SHARE


def test_the_guide_has_150_argument_questions_and_every_source_and_theme_quiz_is_40_percent_argument(
    guide,
):
    ctx = context(guide)
    questions = build_questions(ctx)
    by_id = {q.id: q for q in questions}
    kinds = Counter(q.kind for q in questions if q.kind in ARGUMENT_KINDS)
    assert sum(kinds.values()) >= 150, kinds
    assert set(kinds) == ARGUMENT_KINDS, kinds
    topics = {
        z["id"]: z["questions"]
        for z in quizzes(ctx, questions)
        if z["id"].split(":")[0] in ("source", "theme")
    }
    assert set(topics) == {f"source:{s}" for s in guide.sources} | {
        f"theme:{t}" for t in ctx.theme_titles
    }
    for quiz, ids in topics.items():
        share = sum(by_id[i].kind in ARGUMENT_KINDS for i in ids) / len(ids)
        assert share >= ARGUMENT_SHARE, f"{quiz}: {share:.0%} argument"
