"""The guide's one definition of what counts as Chinese text, tone-marked pinyin, and
how quotations are folded before they are compared.

Everything that needs these rules imports them from here: the Markdown extension that
marks Chinese `lang="zh-Hans"`, the cross-reference index, the pinyin check, the PDF's
glyph check, the page hook that marks table-of-contents titles, and the browser script
(which gets `browser_rules()` as the first part of the generated `javascripts/study-guide.js`).
"""

from __future__ import annotations

import json
import re

# Code point ranges, inclusive. Han: CJK Extension A, Unified Ideographs, Compatibility.
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
# CJK symbols and punctuation (、。「」…) and full-width forms (，！？…).
PUNCT_RANGES = ((0x3000, 0x303F), (0xFF01, 0xFF5E))
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"


def _class(ranges) -> str:
    return "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in ranges)


HAN = _class(HAN_RANGES)
PUNCT = _class(PUNCT_RANGES)
# A run of Chinese: at least one Han character, with Chinese punctuation inside or around it.
CJK_RUN = f"[{PUNCT}{HAN}]*[{HAN}][{PUNCT}{HAN}]*"
# A pinyin word has at least two letters and a tone mark ("hùkǒu", "Zhōngguó", "dī");
# a run is such words separated by single spaces. A lone "à" (as in "à la") is not one.
PINYIN_WORD = rf"(?<![\w'’])(?=[a-zA-Zü{TONED}'’]*[{TONED}])[a-zA-Zü{TONED}'’]{{2,}}(?![\w])"

HAN_CHAR = re.compile(f"[{HAN}]")
HAN_RUN = re.compile(f"[{HAN}]+")
CHINESE_OR_PINYIN = re.compile(rf"(?P<zh>{CJK_RUN})|(?P<py>{PINYIN_WORD}(?: {PINYIN_WORD})*)")
# What every match of CHINESE_OR_PINYIN contains (a Han character or a tone mark): a quick
# test that rules out most text before the full pattern runs.
HAN_OR_TONED = re.compile(f"[{HAN}{TONED}]")


def is_hanzi(char: str) -> bool:
    return any(lo <= ord(char) <= hi for lo, hi in HAN_RANGES)


def has_hanzi(text: str) -> bool:
    return HAN_CHAR.search(text) is not None


# What a quotation may legitimately change: curly vs straight quotes, dash variants,
# Markdown emphasis marks, non-breaking spaces.
_FOLD = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "*": None,
        "_": None,
        "\u00a0": " ",
    }
)


def fold(text: str) -> str:
    """Text as compared: straight quotes and hyphens, no emphasis marks, single spaces,
    spaced dashes written one way (' - ')."""
    text = text.translate(_FOLD)
    text = re.sub(r"\s*--\s*", " - ", text)
    text = re.sub(r"\s+-\s+", " - ", text)
    return re.sub(r"\s+", " ", text).strip()


def browser_rules() -> str:
    """The same rules for docs/javascripts/guide.js, as a small script that sets
    `window.guideText` (regular-expression sources that JavaScript and Python read alike)."""
    rules = {"cjkRun": CJK_RUN, "toned": f"[{TONED}]"}
    return (
        "/* Generated from studyguide/text.py at build time: do not edit. */\nwindow.guideText = "
        + json.dumps(rules, ensure_ascii=True)
        + ";\n"
    )


_CHINESE_RUN = re.compile(CJK_RUN)


def mark_chinese_html(text: str) -> str:
    """Text that holds no tags (entities allowed), each Chinese run in <span lang="zh-Hans">."""
    return _CHINESE_RUN.sub(lambda m: f'<span lang="zh-Hans">{m.group()}</span>', text)


# HTML's void elements (no end tag), for the parsers that walk a page's tags.
VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
