"""The one exception of the PDF step, and the names shared by its stages."""

from __future__ import annotations

OUTPUT_NAME = "guide.pdf"
CJK_PACKAGE = "fonts-noto-cjk"


class PdfError(Exception):
    """A problem that stops the PDF; the message says what to do (one line per problem)."""
