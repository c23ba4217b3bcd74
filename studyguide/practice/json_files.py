"""The two JSON files the practice pages load, checked against the schemas in
studyguide/schemas/site/ by tests/test_practice.py. Links are written as site-root-relative
URLs by `url`."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable

from studyguide.load.guide import Guide
from studyguide.practice.cards import build_cards
from studyguide.practice.context import Link, context
from studyguide.practice.quiz import SEED, questions_for, quizzes

CARDS_PATH = "study/practice/cards.json"
QUIZ_PATH = "study/practice/quiz.json"
Url = Callable[[Link], str]


def directory_url(link: Link) -> str:
    """A page's URL with use_directory_urls (MkDocs' default), for use outside a build."""
    stem = posixpath.splitext(link.page)[0]
    path = (
        ""
        if stem == "index"
        else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")
    )
    return path + (f"#{link.anchor}" if link.anchor else "")


def _link(link: Link, url: Url) -> dict:
    return {"href": url(link), "text": link.text}


def cards_json(guide: Guide, url: Url = directory_url) -> str:
    ctx = context(guide)
    cards = [{**c, "link": _link(c["link"], url)} for c in build_cards(ctx)]
    return json.dumps(
        {
            "version": 1,
            "generated": "from glossary.yaml and data/excerpts by studyguide.practice",
            "decks": ctx.decks(),
            "cards": cards,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def quiz_json(guide: Guide, url: Url = directory_url) -> str:
    ctx, questions = questions_for(guide)
    data = {
        "version": 1,
        "generated": "from glossary.yaml, data/excerpts, data/timeline.yaml and data/questions by studyguide.practice",
        "seed": SEED,
        "quizzes": quizzes(ctx, questions),
        "questions": [
            {
                "id": q.id,
                "kind": q.kind,
                "prompt": q.prompt,
                "options": [o.text for o in q.options],
                "answer": q.answer,
                "why": q.why,
                **(
                    {"reasons": [o.why for o in q.options]} if any(o.why for o in q.options) else {}
                ),
                "link": _link(q.link, url),
                "tags": q.tags.as_json(),
            }
            for q in questions
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
