"""Check that excerpts are word for word what the source texts say.

Folding is limited to what a quotation may legitimately change: whitespace, curly vs
straight quotes, dash variants and Markdown emphasis marks. An ellipsis (… or ...) may
join fragments, each verbatim and all from the same paragraph, in order.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from studyguide.text import fold

ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")


def paragraphs(source_text: str) -> list[str]:
    return [fold(p) for p in re.split(r"\n\s*\n", source_text) if p.strip()]


@dataclass
class Mismatch:
    fragment: str
    nearest: str

    def __str__(self) -> str:
        return f"not verbatim: «{self.fragment}»\n  nearest passage in the source: «{self.nearest}»"


def fragments(excerpt: str) -> list[str]:
    return [f for f in (fold(part) for part in ELLIPSIS.split(excerpt)) if f]


def check(excerpt: str, source_text: str) -> Mismatch | None:
    """None when the excerpt is verbatim; else the first bad fragment and nearest text."""
    paras = paragraphs(source_text)
    parts = fragments(excerpt)
    for para in paras:
        at = 0
        for part in parts:
            found = para.find(part, at)
            if found < 0:
                break
            at = found + len(part)
        else:
            return None
    bad = next((p for p in parts if not any(p in para for para in paras)), parts[0])
    if all(any(p in para for para in paras) for p in parts):
        return Mismatch(" … ".join(parts), "each fragment occurs, but not in order within one paragraph")
    return Mismatch(bad, nearest(bad, paras))


def nearest(fragment: str, paras: list[str]) -> str:
    """The window of the source most like `fragment`."""
    best, best_ratio = "", 0.0
    size = len(fragment)
    for para in paras:
        matcher = difflib.SequenceMatcher(None, para, fragment, autojunk=False)
        block = matcher.find_longest_match(0, len(para), 0, size)
        start = max(0, block.a - block.b)
        window = para[start:start + size]
        ratio = difflib.SequenceMatcher(None, window, fragment, autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = window, ratio
    return best


def word_count(text: str) -> int:
    return len(re.findall(r"[\w'’-]+", text))


def seeds_dir(root: Path, environ) -> Path:
    """Seeds folder: $GUIDE_SEEDS, or ../shared/seeds beside the checkout."""
    return Path(environ.get("GUIDE_SEEDS") or (Path(root).resolve().parent / "shared" / "seeds"))
