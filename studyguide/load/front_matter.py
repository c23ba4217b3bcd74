"""A page's front matter (the YAML block between `---` lines at its top), read as MkDocs
reads it for page.meta and the page title (mkdocs.utils.meta.get_data: the block, then
the body without the blank lines after it; tests/test_headings.py holds the two equal on
every page). The one place the guide reads front matter; the package does not import
MkDocs, so this is PyYAML on the block MkDocs would take.

MkDocs drops a block that is not valid YAML (or not a mapping) without a word, and the
page loses its title; here it stops the build instead, naming the file and the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from studyguide.errors import GuideError, Problem

DELIMITER = "---"
ENDS = ("---", "...")  # the lines that close it
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, as MkDocs uses


@dataclass(frozen=True)
class Page:
    meta: dict  # the front matter's keys ({} when there is none)
    body: str  # the Markdown after it, as MkDocs renders it
    offset: int  # how many lines of the file come before `body`

    @property
    def title(self) -> str | None:
        title = self.meta.get("title")
        return str(title) if title is not None else None


def read(text: str, display: str = "<page>") -> Page:
    """The front matter and the body of a page's Markdown `text` (`display`: its path, for
    errors)."""
    lines = text.split("\n")
    if lines[0].rstrip(" \t") != DELIMITER:
        return Page({}, text, 0)
    end = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip(" \t") in ENDS), 0)
    if not end:
        raise GuideError(
            Problem(display, 1, None, "front matter opened with '---' is never closed")
        )
    try:
        meta = yaml.load("\n".join(lines[1:end]), Loader=SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or str(error)
        raise GuideError(
            Problem(
                display,
                mark.line + 2 if mark else 1,
                None,
                f"front matter is not valid YAML: {reason}",
            )
        ) from error
    if meta is not None and not isinstance(meta, dict):
        raise GuideError(
            Problem(display, 2, None, "front matter must be keys and values (a YAML mapping)")
        )
    rest = "\n".join(lines[end + 1 :])
    body = rest.lstrip("\n")
    return Page(meta or {}, body, end + 1 + len(rest) - len(body))


def read_file(path: Path, display: str | None = None) -> Page:
    """The page at `path`, read again only when the file has changed (pages ask for the
    theme chapters' titles many times a build)."""
    stat = Path(path).stat()
    return _read_file(Path(path), stat.st_mtime_ns, stat.st_size, display or str(path))


@lru_cache(maxsize=256)
def _read_file(path: Path, _mtime: int, _size: int, display: str) -> Page:
    return read(path.read_text(encoding="utf-8"), display)


def title(path: Path, display: str | None = None) -> str | None:
    """The page's front-matter title, or None."""
    return read_file(path, display).title
