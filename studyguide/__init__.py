"""The study guide's logic, importable without MkDocs.

The package follows the data as it flows through a build, in layers; a module imports only
from the layers below its own (the contract in pyproject.toml, checked by lint-imports):

    site_macros  the macros pages call, bound to the loaded guide (glue, on top)
    check        `python -m studyguide.check`: every check, without building
    outputs/     files beside the site: flashcards, the PDF and EPUB (book/), open data
    practice/    flashcards, quizzes and printable sheets for the study pages
    pages/       the generated pages (glossary, term pages, who's who, timeline, tracker,
                 review)
    render/      Markdown for terms, people, excerpts, source cards
    cite/        the sources' citations (CSL styles) and their BibTeX, RIS, CSL-JSON files
    crossref/    which excerpts, pages and people use which terms (one pass each)
    load/        data files -> Python, with every check that can stop the build
    text         the shared rules: what is Chinese, what is pinyin, how quotations fold
    errors       Problem / GuideError: file, line, key, message and the fix
    repository   where the guide lives (its repository and address)

`macros/` (beside this package) is the MkDocs glue only: the mkdocs-macros module, the
hooks and the Markdown extension; it imports from here."""

from pathlib import Path

# The repository this package lives in (installed editable with `pip install -e .`).
ROOT = Path(__file__).resolve().parent.parent
