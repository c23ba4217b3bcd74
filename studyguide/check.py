"""`python -m macros.check`: validate every data file and check every excerpt against
the source texts, without building the site. Prints each problem with file, line and key;
exits 1 if there is any."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from studyguide import ROOT
from studyguide.errors import GuideError, Problem
from studyguide.load import verbatim
from studyguide.load.guide import Guide, load_guide

MAX_WORDS = 65          # "about 60 words at most"
MAX_SHARE = 0.25        # the excerpts of one source stay a small fraction of it


def excerpt_problems(guide: Guide, seeds: Path) -> list[Problem]:
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
                problems.append(Problem(record.file, record.line, record.key, f"{mismatch} (source file {source['file']})"))
        share = total / max(1, verbatim.word_count(text))
        if share > MAX_SHARE:
            problems.append(Problem("data/excerpts", None, source_id, f"excerpts quote {share:.0%} of the text; keep them under {MAX_SHARE:.0%}"))
    return problems


def main() -> int:
    try:
        guide = load_guide(ROOT)
    except GuideError as error:
        print(error, file=sys.stderr)
        return 1
    seeds = verbatim.seeds_dir(ROOT, os.environ)
    if not seeds.is_dir():
        print(f"data files OK; source texts not found at {seeds} (set GUIDE_SEEDS), excerpts not checked")
        return 0
    problems = excerpt_problems(guide, seeds)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"OK: {len(guide.glossary)} terms, {len(guide.excerpts)} excerpts checked against {seeds}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
