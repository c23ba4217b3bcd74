"""Relative Markdown links between source files, so MkDocs checks and rewrites them.

MkDocs turns a link to `glossary.md#hukou` into the right URL at every page depth, with
or without directory URLs and under any site prefix such as /<repo>/ on GitHub Pages,
and (with validation.anchors) fails the strict build when the anchor does not exist.
"""

from __future__ import annotations

import html
import posixpath
from functools import lru_cache


@lru_cache(
    maxsize=16384
)  # 2,700 calls a build for far fewer pairs; relpath asks the OS for the cwd each time
def relative(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Path from one docs-relative .md file to another (or to an anchor in itself)."""
    if from_page == to_page and anchor:
        return f"#{anchor}"
    path = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{path}#{anchor}" if anchor else path


def md_text(text: str) -> str:
    """YAML text made safe for Markdown: raw HTML is escaped, Markdown syntax kept."""
    return html.escape(text, quote=False)


def md_link(text: str, target: str, title: str | None = None) -> str:
    label = md_text(text).replace("[", "\\[").replace("]", "\\]")
    if title:
        safe_title = html.escape(title, quote=False).replace('"', "&quot;")
        return f'[{label}]({target} "{safe_title}")'
    return f"[{label}]({target})"
