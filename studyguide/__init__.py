"""The study guide's logic, importable without MkDocs.

The package follows the data as it flows through a build:

    text       the shared rules: what is Chinese, what is pinyin, how quotations fold
    errors     Problem / GuideError: file, line, key, message and the fix
    load/      data files -> Python, with every check that can stop the build
    crossref/  which excerpts, pages and people use which terms (one pass each)
    render/    Markdown for terms, people, excerpts, source cards
    pages/     the generated pages (glossary, who's who, timeline, tracker, review)
    outputs/   files beside the site: PDF, flashcards, citations
    practice/  flashcards, quizzes and printable sheets for the study pages
    check      `python -m studyguide.check`: every check, without building

`macros/` (beside this package) is the MkDocs glue only: the mkdocs-macros module, the
hooks and the Markdown extension; it imports from here.
"""

from pathlib import Path

# The repository this package lives in (installed editable with `pip install -e .`).
ROOT = Path(__file__).resolve().parent.parent
