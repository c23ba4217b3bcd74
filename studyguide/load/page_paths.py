"""Where the guide's pages are: the one list of the page paths the code names, as
docs-relative source paths (what MkDocs' files call src_uri), for what happens before
MkDocs has files (the checks, the generated pages, the links written in Markdown).

URLs are never derived from these: MkDocs gives them, and the page manifest
(studyguide.load.page_manifest, pages.json in the built site) records them.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

DOCS = "docs"  # the docs_dir, relative to the project root

GLOSSARY = "glossary.md"
WHO = "who.md"
TIMELINE = "timeline.md"
TRACKER = "tracker.md"
REVIEW = "study/review.md"
SHEETS = "study/sheets.md"

SOURCES = "sources/"  # a page per source: sources/<source id>.md
THEMES = "themes/"  # a chapter per theme: themes/<theme id>.md, and themes/index.md
THEMES_INDEX = "themes/index.md"
TERMS = "terms/"  # a page per glossary term, made at build time (macros/hooks/term_pages.py)
CORE = "core/"  # the core path: core/<source or theme id>.md, made at build time


def source_page(source_id: str) -> str:
    return f"{SOURCES}{source_id}.md"


def theme_page(theme: str) -> str:
    return f"{THEMES}{theme}.md"


def term_page(key: str) -> str:
    return f"{TERMS}{key}.md"


def key_of(page: str, folder: str) -> str | None:
    """The id a page right in `folder` is named for ("sources/shi-2014.md" -> "shi-2014"),
    or None for a page elsewhere or the folder's index."""
    path = PurePosixPath(page)
    if path.parent != PurePosixPath(folder) or path.suffix != ".md" or path.stem == "index":
        return None
    return path.stem


def theme_files(docs: Path) -> list[Path]:
    """The theme chapters' files in `docs` (themes/<id>.md, not the index), by name."""
    return sorted(p for p in (Path(docs) / THEMES).glob("*.md") if p.stem != "index")
