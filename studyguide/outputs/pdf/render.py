"""WeasyPrint renders the document with print.css into a tagged PDF/UA-1 (CSS paged media,
no browser): bookmarks follow the nav (section -> page -> h2), the running header carries
the chapter (string-set from each page's h1), pages are numbered, fonts are subset. A
missing glyph (.notdef) or hanzi set without the CJK font stop it before anything is
written."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from studyguide.outputs.book.cjk_font import CJKFont
from studyguide.outputs.pdf.errors import CJK_PACKAGE, PdfError
from studyguide.outputs.pdf.fonts import font_css, running_css
from studyguide.outputs.pdf.tags import element_attributes
from studyguide.text import is_hanzi

STYLESHEET = Path(__file__).with_name("print.css")


@dataclass
class Rendered:
    pdf: bytes
    pages: int
    warnings: list[str]


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def render(
    document: str,
    base_dir: Path,
    font: CJKFont,
    site_name: str,
    page_texts: dict[str, str] | None = None,
) -> Rendered:
    """The PDF's bytes. `page_texts` (page -> its HTML) names the pages of a missing glyph."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from studyguide.outputs.pdf import pydyf_speed

    pydyf_speed.apply()

    collect = _Collect()
    wp_logger = logging.getLogger("weasyprint")
    wp_logger.addHandler(collect)
    try:
        fonts = FontConfiguration()
        stylesheets = [
            CSS(filename=str(STYLESHEET), font_config=fonts),
            CSS(string=font_css(font) + running_css(site_name), font_config=fonts),
        ]
        rendered = HTML(string=document, base_url=str(Path(base_dir).resolve()) + "/").render(
            stylesheets=stylesheets, font_config=fonts
        )
        with element_attributes():
            # PDF/UA-1: tagged, PDF 1.7, and XMP metadata that claims it (pdfuaid:part 1);
            # the glyphs are drawn (and found missing) here.
            pdf = rendered.write_pdf(pdf_variant="pdf/ua-1")
    finally:
        wp_logger.removeHandler(collect)
    missing = sorted({r.args[0] for r in collect.records if r.msg.startswith(".notdef")})
    if missing:
        raise PdfError("\n".join(_glyph_problem(char, font, page_texts or {}) for char in missing))
    check_hanzi_font(used_fonts(rendered), document, font)
    warnings = [r.getMessage() for r in collect.records if not r.msg.startswith(".notdef")]
    return Rendered(pdf, len(rendered.pages), warnings)


def _glyph_problem(char: str, font: CJKFont, page_texts: dict[str, str]) -> str:
    pages = [page for page, text in page_texts.items() if char in text] or ["the cover or contents"]
    return (
        f"{', '.join(pages)}: no font has a glyph for {char!r} (U+{ord(char):04X}; fonts: DejaVu, "
        f"{font.family}): drop the character or add a font that has it to the stacks in fonts.py"
    )


def check_hanzi_font(used: set[str], document: str, font: CJKFont) -> None:
    """Fail when the document has hanzi but the CJK font set none of them (the font stacks
    fell through to another face). `used`: the PostScript names of the fonts drawn."""
    if any(is_hanzi(c) for c in document) and not any(
        font.family.replace(" ", "") in name.replace("-", "") for name in used
    ):
        raise PdfError(
            f"the hanzi were set without {font.family} (fonts used: {', '.join(sorted(used)) or 'none'}); "
            f"check the font stacks in studyguide/outputs/pdf/fonts.py (font_css) and {CJK_PACKAGE}."
        )


def used_fonts(rendered) -> set[str]:
    """The names of the fonts WeasyPrint drew the document with ("ABCDEF+Noto-Serif-CJK-SC"),
    as it embeds them: read from the rendered document, not by parsing the written PDF
    back (which took pypdf 14 s; the suite checks the embedding itself with pdffonts)."""
    return {f.name.decode("latin-1").lstrip("/") for f in rendered.fonts.values()}
