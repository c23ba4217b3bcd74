"""The whole guide as one PDF: `python -m studyguide.outputs.pdf SITE_DIR` -> SITE_DIR/guide.pdf.

`make pdf` runs it after the strict build. The PDF is made from the *built* site, not by
rendering the Markdown again, in stages, one module each:

    (book)    the outline from mkdocs.yml's nav, each built page's article and the CJK
              font: studyguide.outputs.book, shared with the EPUB
    links     ids prefixed per page, links mapped inside the document; dangling ones fail
    assemble  cover, contents and pages -> one HTML document
    fonts     the CSS font stacks around the Simplified Chinese font
    render    WeasyPrint -> a tagged PDF; missing glyphs fail; tags adds /Lang to spans
    write     the stages in order; __main__ is the command line

Importing this package (or running it) imports neither MkDocs nor jieba: the nav is read
with PyYAML, and WeasyPrint only when rendering.
"""

from studyguide.outputs.book import build_date
from studyguide.outputs.book.cjk_font import CJKFont, find_cjk_font
from studyguide.outputs.book.extract import PageContent, extract_article
from studyguide.outputs.book.nav import (
    APPENDIX_NAV_TITLE,
    APPENDIX_TITLE,
    NavPage,
    NavSection,
    load_nav,
    page_slug,
)
from studyguide.outputs.pdf.assemble import LICENCE, build_html
from studyguide.outputs.pdf.errors import CJK_PACKAGE, OUTPUT_NAME, PdfError
from studyguide.outputs.pdf.links import LinkMapper, LinkStats
from studyguide.outputs.pdf.write import write_pdf

__all__ = [
    "APPENDIX_NAV_TITLE",
    "APPENDIX_TITLE",
    "CJK_PACKAGE",
    "LICENCE",
    "OUTPUT_NAME",
    "CJKFont",
    "LinkMapper",
    "LinkStats",
    "NavPage",
    "NavSection",
    "PageContent",
    "PdfError",
    "build_date",
    "build_html",
    "extract_article",
    "find_cjk_font",
    "load_nav",
    "page_slug",
    "write_pdf",
]
