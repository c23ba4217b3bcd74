"""Argument questions (data/questions/*.yaml): checked against their schema, the excerpts
and themes they name, and the fairness rules of studyguide.load.question_rules."""

from __future__ import annotations

from pathlib import Path

from studyguide.errors import GuideError, Problem, did_you_mean
from studyguide.load import schema
from studyguide.load.cache import Checks
from studyguide.load.headings import section_anchors
from studyguide.load.page_paths import source_page
from studyguide.load.question_rules import restates, unseen_context
from studyguide.load.records import Record


def load_questions(
    folder: Path, display_root: str, checks: Checks | None = None
) -> dict[str, Record]:
    """Every question of every file, keyed by id; an id used twice is an error."""
    loaded: dict[str, Record] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        display = f"{display_root}/{path.name}"
        data, lines = schema.load_checked(path, "questions.schema.json", display, checks)
        for i, item in enumerate(data):
            record = Record(item["id"], item, display, lines.get((i,)))
            if record.key in loaded:
                first = loaded[record.key]
                problems.append(
                    Problem(
                        display,
                        record.line,
                        record.key,
                        f"question id already used at {first.file}:{first.line}",
                    )
                )
            loaded[record.key] = record
            problems += fairness_problems(record, lines, i)
    if problems:
        raise GuideError(problems)
    return loaded


def fairness_problems(record: Record, lines: dict, i: int) -> list[Problem]:
    """The explanation must explain; no text may point at context the reader cannot see."""
    found = []
    if restates(record["why"], record["answer"], record["ask"]):
        found.append(
            Problem(
                record.file,
                lines.get((i, "why"), record.line),
                record.key,
                "the explanation ('why') only restates the answer: "
                "say what the text says and where",
            )
        )
    texts = [("ask", record["ask"]), ("answer", record["answer"])]
    texts += [(f"wrong option {n}", w["text"]) for n, w in enumerate(record["wrong"], 1)]
    for name, text in texts:
        phrase = unseen_context(text)
        if phrase:
            found.append(
                Problem(
                    record.file,
                    record.line,
                    record.key,
                    f"{name} points at context the reader is not shown ('{phrase}'): name it",
                )
            )
    return found


def question_reference_problems(
    questions: dict[str, Record], excerpts, sources, docs: Path, themes: list[str]
) -> list[Problem]:
    """Cited excerpts, source sections and named themes exist."""
    problems = []
    anchors = {
        s: section_anchors((docs / source_page(s)).read_text(encoding="utf-8"))
        for s in sources
        if (docs / source_page(s)).exists()
    }
    for q in questions.values():
        for cite in q["cites"]:
            source, _, anchor = cite.partition("#")
            if not anchor and cite not in excerpts:
                problems.append(
                    Problem(
                        q.file,
                        q.line,
                        q.key,
                        f"excerpt '{cite}' is not an excerpt id{did_you_mean(cite, excerpts)}",
                    )
                )
            elif anchor and source not in anchors:
                problems.append(
                    Problem(
                        q.file,
                        q.line,
                        q.key,
                        f"'{cite}': '{source}' is not a source id{did_you_mean(source, anchors)}",
                    )
                )
            elif anchor and anchor not in anchors[source]:
                problems.append(
                    Problem(
                        q.file,
                        q.line,
                        q.key,
                        f"'{cite}': no '### ' section '{anchor}' on docs/sources/{source}.md"
                        f"{did_you_mean(anchor, anchors[source])}",
                    )
                )
        for theme in q.get("themes", []):
            if theme not in themes:
                problems.append(
                    Problem(
                        q.file,
                        q.line,
                        q.key,
                        f"theme '{theme}' is not a theme chapter in docs/themes/"
                        f"{did_you_mean(theme, themes)}",
                    )
                )
    return problems
