"""A page's headings with the ids the built page gives them, from Python-Markdown's toc
extension itself (its slugify and its unique, explicit `{#id}` first via attr_list), so
that an anchor named in the data matches the page by construction.

Rendering a whole page costs ~20 ms; only its ATX heading lines (`#`…`######`, outside
front matter and fenced code) are rendered, together, so that toc numbers repeated
headings (`notes`, `notes_1`) across the page as MkDocs does. Python-Markdown's own
settings (mkdocs.yml `toc:` uses the default slugify) are the build's.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from markdown import Markdown
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.toc import TocExtension

from studyguide.load import front_matter

ATX = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


@dataclass(frozen=True)
class Heading:
    line: int  # index of its line in the page's text (0 = the first line)
    level: int
    id: str
    text: str  # as a reader sees it: markup, links and {: attributes } gone


def heading_lines(lines: list[str], start: int = 0) -> list[int]:
    """The indexes of the ATX heading lines from `start` on, skipping fenced code."""
    found, fence = [], None
    for i in range(start, len(lines)):
        opened = FENCE.match(lines[i])
        if fence:
            closes = (
                opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence)
            )
            if closes and not lines[i].strip().lstrip(fence[0]):  # only the fence's characters
                fence = None
        elif opened:
            fence = opened.group(1)
        elif ATX.match(lines[i]):
            found.append(i)
    return found


def _flat(tokens: list[dict]):
    for token in tokens:
        yield token
        yield from _flat(token["children"])


def headings(text: str, display: str = "<page>") -> tuple[Heading, ...]:
    """Every ATX heading of a page's Markdown `text`, in order (`display`: its path, for
    errors in its front matter)."""
    return _headings(text, front_matter.read(text, display).offset)


@lru_cache(maxsize=64)  # the checks and the source pages' chips ask for the same pages
def _headings(text: str, start: int) -> tuple[Heading, ...]:
    lines = text.split("\n")
    at = heading_lines(lines, start)
    md = Markdown(
        extensions=[TocExtension(), AttrListExtension()]
    )  # instances: no entry-point scan
    md.convert("\n\n".join(lines[i].strip() for i in at))
    tokens = list(_flat(md.toc_tokens))
    return tuple(
        Heading(i, t["level"], t["id"], html.unescape(t["name"]).strip())
        for i, t in zip(at, tokens, strict=True)
    )


def section_anchors(text: str, level: int = 3, display: str = "<page>") -> dict[str, str]:
    """The page's headings of one level (a source page's `###` sections): id -> text."""
    return {h.id: h.text for h in headings(text, display) if h.level == level}
