"""The guide as a book, read back from the built site for the PDF and the EPUB:

    nav        mkdocs.yml's nav -> the book's outline (Reference moved last, as Appendices)
    extract    each built page -> its article, screen-only parts dropped
    cjk_font   the Simplified Chinese font installed (fonts-noto-cjk)

and here, what stops a book (BookError) and the date it carries (build_date). Both
outputs/pdf/ and outputs/epub/ import this package; it imports neither.
"""

from __future__ import annotations

import datetime as dt
import os


class BookError(Exception):
    """A problem that stops the PDF or the EPUB; the message says what to do (one line per
    problem)."""


def build_date() -> dt.date:
    """Today, or SOURCE_DATE_EPOCH's date for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()
