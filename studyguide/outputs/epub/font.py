"""The Simplified Chinese font embedded in the EPUB, subset to the characters it sets.

E-readers often lack a Chinese font, or pick a Japanese one for hanzi. The EPUB carries
Noto Serif CJK SC (else Noto Sans CJK SC) from Debian's fonts-noto-cjk, the same face the
PDF uses, found the same way, cut down with fontTools to the hanzi and CJK punctuation
the book contains (a few hundred glyphs instead of 65,000), as OpenType (CFF), which
EPUB 3 lists as a core media type. The font's name table is kept whole: it carries the
SIL Open Font License that allows embedding a subset.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from studyguide.outputs.book.cjk_font import CJK_PACKAGE, find_cjk_font

FAMILY = "Guide CJK"  # the name the EPUB's stylesheet uses
FILE = "fonts/cjk-subset.otf"


class FontError(Exception):
    pass


@dataclass
class Subset:
    data: bytes
    source: str  # family and file it was cut from
    glyphs: int
    characters: int


def is_cjk(char: str) -> bool:
    """Hanzi and the full-width punctuation set with them (the font has both)."""
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
    )


def subset_font(characters: set[str]) -> Subset:
    from fontTools.subset import Options, Subsetter
    from fontTools.ttLib import TTCollection, TTFont

    font_file = find_cjk_font()
    if font_file is None:
        raise FontError(
            f"no Simplified Chinese font (Noto Serif/Sans CJK SC): the EPUB embeds one so "
            f"that e-readers without it show hanzi. Install {CJK_PACKAGE} and run again."
        )
    if font_file.path.endswith(".ttc"):
        fonts = TTCollection(font_file.path, lazy=True).fonts
        font = next((f for f in fonts if f["name"].getDebugName(1) == font_file.family), None)
        if font is None:
            raise FontError(f"{font_file.path} has no face named {font_file.family}")
    else:
        font = TTFont(font_file.path, lazy=True)
    options = Options()
    options.name_IDs = ["*"]  # keep the copyright and licence records
    options.name_languages = ["*"]
    options.layout_features = ["*"]  # vertical forms, locl etc. stay available
    options.notdef_outline = True
    subsetter = Subsetter(options)
    subsetter.populate(text="".join(sorted(characters)))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    missing = sorted(c for c in characters if ord(c) not in font.getBestCmap())
    if missing:
        raise FontError(f"{font_file.family} has no glyph for {' '.join(missing)}")
    return Subset(
        out.getvalue(),
        f"{font_file.family} ({font_file.path})",
        len(font.getGlyphOrder()),
        len(characters),
    )
