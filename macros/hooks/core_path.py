"""Hook: the core path, core/<name>.md, one page per source page and theme chapter (their
"In brief", "Key points" and "Who says what" sections) and a start page, made at build
time from the pages' Markdown (studyguide.pages.core_path). mkdocs.yml's nav section
"Core path" lists them in the order of the Sources and Themes sections: a page missing
there, or a source or theme page without its sections, stops the build (file:line).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from studyguide.errors import GuideError
from studyguide.load.memo import code_key, digest, kept
from studyguide.pages import core_path

log = logging.getLogger("mkdocs.hooks.core_path")


def _nav_section(nav, title: str) -> list[str] | None:
    for item in nav or []:
        if isinstance(item, dict) and title in item and isinstance(item[title], list):
            return [next(iter(i.values())) if isinstance(i, dict) else i for i in item[title]]
    return None


def on_files(files, config):
    docs = Path(config["docs_dir"])
    full = core_path.full_pages(config["nav"])
    sources = [docs / page for page in full]
    key = digest(
        code_key(),
        repr(config["nav"]),
        *(part for p in sources if p.is_file() for part in (p.as_posix(), p.read_bytes())),
    )
    made = kept(docs.parent, "core-path.pickle", key, lambda: _made(config, full))
    _made_from.clear()
    _made_from.update({core_path.core_page(p): p for p in full})
    for uri, content in made:
        files.append(File.generated(config, uri, content=content))
    return files


def _made(config, full: list[str]) -> list[tuple[str, str]]:
    """The core pages and the start page, as (path, Markdown); raises after logging the
    problems. Remembered (load.memo.kept) under our code, the nav and the full pages."""
    docs = Path(config["docs_dir"])
    problems, made = [], []
    for n, page in enumerate(full, 1):
        try:
            text = (docs / page).read_text(encoding="utf-8")
            title = core_path.extract(text, page)[0]
            made.append(
                (
                    core_path.core_page(page),
                    core_path.core_markdown(text, page, (n, len(full))),
                    title,
                )
            )
        except GuideError as error:
            problems += error.problems
    expected = [core_path.START] + [core_path.core_page(p) for p in full]
    listed = _nav_section(config["nav"], core_path.NAV_TITLE)
    if listed != expected:
        problems.append(
            f"mkdocs.yml: nav: the section '{core_path.NAV_TITLE}' must list, in this order: "
            + ", ".join(expected)
            + f" (it lists: {', '.join(listed or []) or 'nothing'})"
        )
    for problem in problems:
        log.error(str(problem))
    if problems:
        raise PluginError(f"the core path could not be made: {len(problems)} problem(s) above")
    start = core_path.start_markdown([(uri, title) for uri, _, title in made])
    return [(uri, content) for uri, content, _ in made] + [(core_path.START, start)]


_made_from: dict[str, str] = {}  # this build's core pages: core page -> full page


def on_page_context(context, page, config, nav):
    """A core page's edit button opens the full page it is made from."""
    full = _made_from.get(page.file.src_uri)
    if full and config.repo_url and config.edit_uri:
        page.edit_url = f"{config.repo_url.rstrip('/')}/{config.edit_uri.strip('/')}/{full}"
    return context
