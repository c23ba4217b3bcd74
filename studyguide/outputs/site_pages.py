"""The built site's pages in navigation order, for outputs made from the built site (the
PDF and the EPUB): mkdocs.yml's nav as an outline (Reference moved last, as Appendices),
and each page's article with the screen-only parts dropped.

The PDF builder (studyguide/outputs/pdf/) owns these functions; other outputs import
them from here, so that only this module follows the PDF package's layout.
"""

from studyguide.outputs.pdf.assemble import build_date
from studyguide.outputs.pdf.extract import PageContent, extract_article
from studyguide.outputs.pdf.fonts import CJKFont, find_cjk_font
from studyguide.outputs.pdf.nav import NavPage, NavSection, iter_pages, load_nav

__all__ = [
    "CJKFont",
    "NavPage",
    "NavSection",
    "PageContent",
    "build_date",
    "extract_article",
    "find_cjk_font",
    "iter_pages",
    "load_nav",
]
