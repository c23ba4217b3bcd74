"""The "My progress" page's data (study/practice/progress.json) and which pages a reader
can mark read: every source and theme page and every core-path page (not the themes'
overview). The page list follows the navigation, so it picks up whatever pages exist."""

from __future__ import annotations

import json

from studyguide.load.page_paths import CORE, SOURCES, THEMES, key_of

PROGRESS_PATH = "study/practice/progress.json"


def readable(src_uri: str) -> bool:
    """True for a page (by its path under docs/) that gets the "I have read this page" box."""
    return any(key_of(src_uri, folder) for folder in (SOURCES, THEMES, CORE))


def practice_summary(quiz_text: str, cards_text: str) -> tuple[dict[str, str], int]:
    """From the quiz and card files as written: each quiz's title by id, and the number of
    cards (read once, when the files are made, and remembered with them)."""
    quiz = json.loads(quiz_text)
    return {z["id"]: z["title"] for z in quiz["quizzes"]}, len(json.loads(cards_text)["cards"])


def progress_json(pages: list[tuple[str, str]], quizzes: dict[str, str], cards: int) -> str:
    """`pages`: (url, title) of each readable page, in navigation order; the quizzes'
    titles and the number of cards (practice_summary)."""
    return json.dumps(
        {
            "version": 1,
            "pages": [{"url": u, "title": t} for u, t in pages],
            "quizzes": quizzes,
            "cards": cards,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
