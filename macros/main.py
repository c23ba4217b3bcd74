"""The mkdocs-macros module (mkdocs.yml: `module_name: macros/main`).

`define_env` loads the data once and registers the macros; each macro is a call into the
studyguide package, with the current page's path added. `on_pre_page_macros` and
`on_post_page_macros` (mkdocs-macros' own hooks around each page's rendering) let a page
whose rendering is remembered skip Jinja (studyguide.render.remembered_pages).
"""

from __future__ import annotations

import logging
from pathlib import Path

from studyguide.crossref.index import build_index
from studyguide.load.guide import load_guide
from studyguide.load.memo import kept
from studyguide.render.remembered_pages import Pages
from studyguide.site_macros import Macros
from studyguide.site_macros import log as macro_log

_build: dict = {}  # this build's index, remembered pages and error count


class _Errors(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record):
        self.count += 1


def define_env(env):
    guide = load_guide(Path(env.project_dir))
    # The cross-index of the data, remembered under the guide's key (load.memo): a fresh
    # copy each build, since rendering adds each page's uses to it.
    index = kept(guide.root, "index.pickle", guide.key, lambda: build_index(guide))
    functions = Macros(guide, index, page=lambda: env.page).functions()
    for name, function in functions.items():
        env.macro(function, name)
    cff = guide.root / "CITATION.cff"
    pages = Pages(guide.root, guide.key, cff.read_bytes() if cff.exists() else b"", {*functions})
    errors = _build.get("errors") or _Errors()
    macro_log.addHandler(errors)
    _build.update(index=index, pages=pages, errors=errors, skipped=False)


def on_pre_page_macros(env):
    page, pages = env.page, _build["pages"]
    _build["seen"], _build["skipped"] = _build["errors"].count, False
    if "render_macros" in page.meta or env.has_j2(str(page.title)):
        pages.pending = None
        return
    found = pages.before(_build["index"], page.file.src_uri, page.title, env.markdown, env.conf)
    if found is not None:
        page.meta["render_macros"] = False  # mkdocs-macros' own switch: not rendered again
        env.markdown = found
        _build["skipped"] = True


def on_post_page_macros(env):
    if _build["skipped"]:
        del env.page.meta["render_macros"]
        return
    failed = _build["errors"].count > _build["seen"]
    _build["pages"].after(_build["index"], env.markdown, failed)


def on_post_build(env):
    _build["pages"].save()
