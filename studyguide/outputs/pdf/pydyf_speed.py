"""pydyf's list of page references, kept instead of rebuilt on every read: the same tuple,
built once per page count.

pydyf 0.13 makes `PDF.page_references` afresh each time it is read (a tuple of "N 0 R"
for every page), and WeasyPrint's tagged PDF reads it once per structure element and
link: for the guide's 318 pages, 43,000 reads made 13.8 million references. Pages are
only ever appended (`add_page`), so a tuple built for the current number of pages stays
right until the next page comes.

Applied once by studyguide.outputs.pdf.render; tests/test_pdf_failures.py checks the kept
tuple against pydyf's own after each page added.
"""

from __future__ import annotations

import pydyf

_original = pydyf.PDF.page_references


def page_references(pdf) -> tuple[bytes, ...]:
    count = len(pdf.pages["Kids"])
    kept = pdf.__dict__.get("_guide_page_references")
    if kept is None or kept[0] != count:
        kept = pdf._guide_page_references = (count, _original.fget(pdf))
    return kept[1]


def apply() -> None:
    pydyf.PDF.page_references = property(page_references)
