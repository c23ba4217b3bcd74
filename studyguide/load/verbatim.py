"""Check that excerpts are word for word what the source texts say.

Folding is limited to what a quotation may legitimately change: whitespace, curly vs
straight quotes, dash variants and Markdown emphasis marks. An ellipsis (… or ...) may
join fragments, each verbatim and all from the same paragraph, in order.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from studyguide.text import fold

ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")


@lru_cache(maxsize=8)  # one source text is compared with each of its excerpts
def paragraphs(source_text: str) -> list[str]:
    return [fold(p) for p in re.split(r"\n\s*\n", source_text) if p.strip()]


def paragraph_lines(source_text: str) -> list[int]:
    """The line each paragraph of `paragraphs()` starts on."""
    starts, at = [], 0
    for block in re.split(r"(\n\s*\n)", source_text):
        if block.strip() and not re.fullmatch(r"\n\s*\n", block):
            starts.append(source_text.count("\n", 0, at + len(block) - len(block.lstrip())) + 1)
        at += len(block)
    return starts


@dataclass
class Mismatch:
    fragment: str
    nearest: str = ""
    paragraph: int | None = None  # 1-based, in the source file
    line: int | None = None
    in_order: bool = True
    shown: str = ""  # the nearest passage in the source's own characters

    def __str__(self) -> str:
        if not self.in_order:
            return (
                f"not verbatim: each fragment of «{self.fragment}» occurs, "
                "but not in order within one paragraph "
                "(join with … only fragments of one paragraph, in order)"
            )
        where = f"paragraph {self.paragraph} (line {self.line})"
        return (
            f"not verbatim: {marked(self.fragment, self.nearest)} "
            f"([yours → source]; nearest passage, {where}: «{self.shown or self.nearest}»)"
        )


def marked(fragment: str, passage: str, context: int = 2) -> str:
    """The fragment's differences from the passage, word by word:
    '…the [rising → growing] tensions…'."""
    mine, theirs = fragment.split(), passage.split()
    ops = [
        op
        for op in difflib.SequenceMatcher(None, mine, theirs, autojunk=False).get_opcodes()
        if op[0] != "equal" and not (op[0] == "insert" and op[1] in (0, len(mine)))
    ]  # the passage running on is no difference
    if not ops:
        return f"«{fragment}»"
    pieces = []
    for _tag, i1, i2, j1, j2 in ops[:3]:
        before = " ".join(mine[max(0, i1 - context) : i1])
        after = " ".join(mine[i2 : i2 + context])
        change = f"[{' '.join(mine[i1:i2])} → {' '.join(theirs[j1:j2])}]".replace(
            "[ →", "[→"
        ).replace("→ ]", "→]")
        pieces.append("…" + " ".join(x for x in (before, change, after) if x) + "…")
    return " ".join(pieces)


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
    if all(any(p in para for para in paras) for p in parts):
        return Mismatch(" … ".join(parts), in_order=False)
    bad = next(p for p in parts if not any(p in para for para in paras))
    index, passage = nearest(bad, paras)
    shown = as_written(passage, paras[index], originals(source_text)[index])
    return Mismatch(bad, passage, index + 1, paragraph_lines(source_text)[index], shown=shown)


@lru_cache(maxsize=8)
def originals(source_text: str) -> list[str]:
    """The paragraphs of `paragraphs()` as the source writes them (curly quotes kept)."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", source_text) if p.strip()]


def as_written(window: str, folded: str, original: str) -> str:
    """`window` (a run of whole words of the folded paragraph) in the source's own
    characters, where folding kept the paragraph's words one for one; else as folded."""
    words, source_words = folded.split(), original.split()
    if len(words) != len(source_words):
        return window
    start = len(folded[: folded.find(window)].split())
    return " ".join(source_words[start : start + len(window.split())])


def nearest(fragment: str, paras: list[str]) -> tuple[int, str]:
    """(paragraph index, the passage most like `fragment`), widened to whole words."""
    best, best_ratio = (0, ""), -1.0
    size = len(fragment)
    for index, para in enumerate(paras):
        matcher = difflib.SequenceMatcher(None, para, fragment, autojunk=False)
        block = matcher.find_longest_match(0, len(para), 0, size)
        start = max(0, block.a - block.b)
        end = min(len(para), start + size)
        while start > 0 and not para[start - 1].isspace():
            start -= 1
        while end < len(para) and not para[end].isspace():
            end += 1
        window = para[start:end]
        ratio = difflib.SequenceMatcher(None, window, fragment, autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = (index, window), ratio
    return best


def word_count(text: str) -> int:
    return len(re.findall(r"[\w'’-]+", text))


def seeds_dir(root: Path, environ) -> Path:
    """Seeds folder: $GUIDE_SEEDS, or ../shared/seeds beside the checkout."""
    return Path(environ.get("GUIDE_SEEDS") or (Path(root).resolve().parent / "shared" / "seeds"))
