"""The one exception of the PDF step, and the names shared by its stages."""

from __future__ import annotations

from studyguide.outputs.book import BookError
from studyguide.outputs.book.cjk_font import CJK_PACKAGE

OUTPUT_NAME = "guide.pdf"
__all__ = ["CJK_PACKAGE", "OUTPUT_NAME", "PdfError"]


class PdfError(BookError):
    """A problem that stops the PDF; the message says what to do (one line per problem)."""
