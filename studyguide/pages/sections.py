"""A page's Markdown cut into its H2 sections, by heading, with line numbers.

A small line parser, not a regular expression over the whole text: it skips the front
matter, and ignores lines inside fenced code (``` or ~~~, any length, the fence closed by
the same character at least as long), so a "## In brief" shown as an example is no
heading. Headings are ATX headings (`## Title`, optional closing #s and `{#id .class}`
attribute list), as the guide writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from studyguide.load import front_matter
from studyguide.load.headings import heading_lines

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_ATTRS = re.compile(r"[ \t]*\{[^{}]*\}[ \t]*$")


@dataclass
class Section:
    title: str  # the heading's text, attribute list and closing #s dropped
    level: int  # 1 for "# ...", 2 for "## ..."
    line: int  # 1-based line of the heading in the file
    body: list[str] = field(
        default_factory=list
    )  # the lines under it, up to the next heading of its level or higher

    @property
    def text(self) -> str:
        return "\n".join(self.body).strip("\n")


def heading_title(raw: str) -> str:
    raw = _ATTRS.sub("", raw or "")
    raw = re.sub(r"[ \t]+#+[ \t]*$", "", raw)
    return raw.strip()


def front_matter_lines(lines: list[str]) -> int:
    """How many lines the front matter takes (0 when there is none), as MkDocs reads it."""
    return front_matter.read("\n".join(lines)).offset if lines else 0


def headings(text: str):
    """(line number, level, title, line index) of each ATX heading outside fenced code."""
    lines = text.split("\n")
    for i in heading_lines(lines, front_matter_lines(lines)):
        heading = _ATX.match(lines[i])
        yield i + 1, len(heading.group(1)), heading_title(heading.group(2)), i


def sections(text: str, level: int = 2) -> list[Section]:
    """The page's sections of `level` (and the H1 before them), in order; each body runs
    to the next heading of the same or a higher level."""
    lines = text.split("\n")
    found: list[Section] = []
    marks = [(n, lvl, title, i) for n, lvl, title, i in headings(text) if lvl <= level]
    for k, (n, lvl, title, i) in enumerate(marks):
        end = marks[k + 1][3] if k + 1 < len(marks) else len(lines)
        found.append(Section(title, lvl, n, lines[i + 1 : end]))
    return found
