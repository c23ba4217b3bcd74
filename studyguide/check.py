"""`python -m studyguide.check`: every check that needs no network, without building.

The same checks run at the start of every `make build` and `make serve` (the hook
macros/hooks/checks.py) and as a pre-commit hook: data files against their schemas,
pinyin, duplicates, key order, references, the excerpt cap, and, when the source texts
are present, each excerpt word for word and its source's quoted share. One line per
problem; exit 1 if there is any. Without the source texts the verbatim checks are skipped
with one line saying so, and under CI that is a failure.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from studyguide import ROOT
from studyguide.errors import GuideError, Problem
from studyguide.load import verbatim
from studyguide.load.glossary import order
from studyguide.load.guide import Guide, load_guide

MAX_WORDS = 65          # "about 60 words at most"
MAX_SHARE = 0.25        # the excerpts of one source stay a small fraction of it
MAX_EXCERPTS = 12       # per source: CONTRIBUTING's 6-12


def excerpts_file(source_id: str) -> str:
    return f"data/excerpts/{source_id}.yaml"


def cap_problems(guide: Guide) -> list[Problem]:
    """No source has more than MAX_EXCERPTS excerpts."""
    problems = []
    for source_id in guide.sources:
        count = len(guide.excerpts_of(source_id))
        if count > MAX_EXCERPTS:
            problems.append(Problem(excerpts_file(source_id), None, None, f"{count} excerpts, at most {MAX_EXCERPTS} — replace one rather than add"))
    return problems


def excerpt_problems(guide: Guide, seeds: Path) -> list[Problem]:
    """Each excerpt word for word and short; each source's excerpts a small share of it."""
    problems = []
    for source_id, source in guide.sources.items():
        text = (seeds / source["file"]).read_text(encoding="utf-8")
        total = 0
        for record in guide.excerpts_of(source_id):
            words = verbatim.word_count(record["text"])
            total += words
            if words > MAX_WORDS:
                problems.append(Problem(record.file, record.line, record.key, f"excerpt has {words} words; quote at most about 60"))
            mismatch = verbatim.check(record["text"], text)
            if mismatch:
                problems.append(Problem(record.file, record.line, record.key, f"{mismatch} in {source['file']}"))
        share = total / max(1, verbatim.word_count(text))
        if share > MAX_SHARE:
            problems.append(Problem(excerpts_file(source_id), None, None, f"excerpts quote {share:.0%} of the text, at most {MAX_SHARE:.0%} — shorten or replace one rather than add"))
    return problems


def run(root: Path, environ) -> tuple[list[Problem], str | None]:
    """(every problem, a note on what was not checked or None)."""
    try:
        guide = load_guide(root)
    except GuideError as error:
        return error.problems, None
    problems = order(guide.glossary) + cap_problems(guide)
    seeds = verbatim.seeds_dir(root, environ)
    if not seeds.is_dir():
        return problems, f"source texts not found at {seeds} (set GUIDE_SEEDS): excerpts NOT checked word for word"
    return problems + excerpt_problems(guide, seeds), None


def main(root: Path = ROOT, environ=os.environ) -> int:
    problems, note = run(root, environ)
    for problem in problems:
        print(problem, file=sys.stderr)
    if note:
        print(("error: " if environ.get("CI") else "warning: ") + note, file=sys.stderr)
    if problems or (note and environ.get("CI")):
        return 1
    print("OK: every data file, pinyin, reference and excerpt checked" + (" (except the verbatim checks)" if note else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
