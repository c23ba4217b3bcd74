"""One nav section as a book of its own: the core path's PDF (guide-core.pdf) is the nav
section "Core path" alone, its pages lifted to the top level (no divider page)."""

from __future__ import annotations

from studyguide.outputs.book.nav import NavSection
from studyguide.outputs.pdf.errors import PdfError

CORE_SECTION = "Core path"
CORE_OUTPUT = "guide-core.pdf"


def select_section(outline: list, title: str) -> list:
    """The pages of the nav section `title`, as a top-level outline."""
    section = next((s for s in outline if isinstance(s, NavSection) and s.title == title), None)
    if section is None:
        names = ", ".join(s.title for s in outline if isinstance(s, NavSection))
        raise PdfError(
            f"mkdocs.yml: nav: no section '{title}' to print (the sections are: {names})"
        )
    lift = section.level  # its pages (one level below it) become level 1

    def shift(items):
        for item in items:
            item.level -= lift
            if isinstance(item, NavSection):
                shift(item.children)
        return items

    return shift(list(section.children))
