"""`python -m studyguide.check`: every check that needs no network, without building.

The same checks run at the start of every `make build` and `make serve` (the hook
macros/hooks/checks.py) and as a pre-commit hook: data files against their schemas,
pinyin, duplicates, key order, references between data files, the keys every page's
macro calls name (studyguide.load.page_calls), the excerpt cap, and, when the source
texts are present, each excerpt word for word and its source's quoted share. One line per
problem; exit 1 if there is any. Then what was checked, and each source's room for
excerpts. Without the source texts the verbatim checks are skipped with one line saying
so, and under CI that is a failure.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from studyguide import ROOT
from studyguide.errors import GuideError, Problem
from studyguide.load import verbatim
from studyguide.load.glossary import order
from studyguide.load.guide import Guide, load_guide
from studyguide.load.page_calls import PageReport, page_problems

MAX_WORDS = 65  # "about 60 words at most"
MAX_SHARE = 0.25  # the excerpts of one source stay a small fraction of it
MAX_EXCERPTS = 12  # per source: CONTRIBUTING's 6-12


def excerpts_file(source_id: str) -> str:
    return f"data/excerpts/{source_id}.yaml"


def percent(share: float) -> str:
    """`share` as a percentage with as many decimals as it takes not to look equal to the
    cap when it is not (25.04% is over 25%; "25%" would hide it)."""
    for decimals in (1, 2, 3):
        shown = f"{share * 100:.{decimals}f}"
        if share == MAX_SHARE or float(shown) != MAX_SHARE * 100:
            break
    return shown.rstrip("0").rstrip(".") + "%"


@dataclass(frozen=True)
class Room:
    """How much of a source the excerpts use, against the caps."""

    source_id: str
    excerpts: int
    quoted: int | None = None  # words quoted (None: source text not found)
    words: int | None = None  # words in the source text

    @property
    def cap_words(self) -> int:
        return int(MAX_SHARE * self.words)

    def __str__(self) -> str:
        unused = max(0, MAX_EXCERPTS - self.excerpts)
        line = f"{self.source_id:<16} {self.excerpts:>2} of {MAX_EXCERPTS} excerpts ({unused} left)"
        if self.quoted is None:
            return line + "; quoted share not measured (no source text)"
        left = self.cap_words - self.quoted
        room = f"{left:,} words left" if left >= 0 else f"{-left:,} words over"
        return (
            line + f"; quoting {self.quoted:,} of {self.words:,} words, "
            f"{percent(self.quoted / self.words)} of the text "
            f"(cap {MAX_SHARE:.0%}, {self.cap_words:,} words: {room})"
        )


def cap_problems(guide: Guide) -> list[Problem]:
    """No source has more than MAX_EXCERPTS excerpts."""
    problems = []
    for source_id in guide.sources:
        count = len(guide.excerpts_of(source_id))
        if count > MAX_EXCERPTS:
            problems.append(
                Problem(
                    excerpts_file(source_id),
                    None,
                    None,
                    f"{count} excerpts, at most {MAX_EXCERPTS} — replace one rather than add",
                )
            )
    return problems


def rooms(guide: Guide, seeds: Path | None) -> list[Room]:
    """Each source's excerpts and, with the source texts, the words they quote."""
    out = []
    for source_id, source in guide.sources.items():
        records = guide.excerpts_of(source_id)
        if seeds is None:
            out.append(Room(source_id, len(records)))
            continue
        words = verbatim.word_count((seeds / source["file"]).read_text(encoding="utf-8"))
        out.append(
            Room(
                source_id,
                len(records),
                sum(verbatim.word_count(r["text"]) for r in records),
                max(1, words),
            )
        )
    return out


def excerpt_problems(guide: Guide, seeds: Path) -> list[Problem]:
    """Each excerpt word for word and short; each source's excerpts a small share of it."""
    problems = []
    for source_id, source in guide.sources.items():
        text = (seeds / source["file"]).read_text(encoding="utf-8")
        for record in guide.excerpts_of(source_id):
            words = verbatim.word_count(record["text"])
            if words > MAX_WORDS:
                problems.append(
                    Problem(
                        record.file,
                        record.line,
                        record.key,
                        f"excerpt has {words} words; quote at most about 60",
                    )
                )
            mismatch = verbatim.check(record["text"], text)
            if mismatch:
                problems.append(
                    Problem(record.file, record.line, record.key, f"{mismatch} in {source['file']}")
                )
    for room in rooms(guide, seeds):
        if room.quoted > room.cap_words:
            problems.append(
                Problem(
                    excerpts_file(room.source_id),
                    None,
                    None,
                    f"excerpts quote {room.quoted:,} of the text's {room.words:,} words "
                    f"({percent(room.quoted / room.words)}); "
                    f"the cap is {MAX_SHARE:.0%} ({room.cap_words:,} words), "
                    f"{room.quoted - room.cap_words:,} over — "
                    "shorten or replace one rather than add",
                )
            )
    return problems


@dataclass
class Result:
    problems: list[Problem]
    note: str | None = None  # what was not checked
    checked: list[str] = field(default_factory=list)  # what was, one line each
    rooms: list[Room] = field(default_factory=list)


def check(root: Path, environ) -> Result:
    try:
        guide = load_guide(root)
    except GuideError as error:
        return Result(error.problems)
    pages = PageReport()
    problems = (
        order(guide.glossary)
        + cap_problems(guide)
        + page_problems(guide, Path(root) / "docs", pages)
    )
    checked = [
        f"glossary.yaml: {len(guide.glossary)} entries against the schema; "
        "pinyin against the hanzi, duplicates, key order, see_also; "
        "each sentence of the notes names its source or is marked, and no language note names one",
        f"data/: {len(guide.sources)} sources, {len(guide.excerpts)} excerpts, "
        f"{len(guide.people)} people, {len(guide.timeline)} timeline events, "
        f"{len(guide.selfcheck)} self-check sets, "
        f"who-says-what tables for {len(guide.positions)} of the themes: "
        "schemas and the keys they name",
        f"docs/: {pages.pages} pages read with Jinja's parser, {pages.calls} macro calls: "
        f"each macro registered, {pages.keys} keys found in the data",
        f"excerpts: at most {MAX_EXCERPTS} a source",
    ]
    seeds = verbatim.seeds_dir(root, environ)
    if not seeds.is_dir():
        note = (
            f"source texts not found at {seeds} (set GUIDE_SEEDS): "
            "excerpts NOT checked word for word"
        )
        return Result(problems, note, checked, rooms(guide, None))
    checked[-1] += (
        f"; each word for word against its source text in {seeds}, "
        f"at most {MAX_WORDS} words, at most {MAX_SHARE:.0%} of its source"
    )
    return Result(problems + excerpt_problems(guide, seeds), None, checked, rooms(guide, seeds))


def run(root: Path, environ) -> tuple[list[Problem], str | None]:
    """(every problem, a note on what was not checked or None)."""
    result = check(root, environ)
    return result.problems, result.note


def main(root: Path = ROOT, environ=os.environ) -> int:
    result = check(root, environ)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.note:
        print(("error: " if environ.get("CI") else "warning: ") + result.note, file=sys.stderr)
    if result.problems or (result.note and environ.get("CI")):
        if result.problems:
            plural = "s" if len(result.problems) > 1 else ""
            print(
                f"{len(result.problems)} problem{plural} (above, one per line)",
                file=sys.stderr,
            )
        return 1
    print("OK: checked" + "".join(f"\n  {line}" for line in result.checked))
    if result.rooms:
        print("Room for excerpts, per source:" + "".join(f"\n  {room}" for room in result.rooms))
    return 0


if __name__ == "__main__":
    sys.exit(main())
