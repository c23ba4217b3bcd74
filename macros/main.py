"""mkdocs-macros module for the study guide.

`define_env` only loads the data once and registers the macros; the logic lives in the
modules beside this file (glossary, records, guide, index, render, pages, …), which the
tests import without MkDocs.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from . import cite, pages, render, search_terms
from .guide import load_guide
from .index import build_index


def define_env(env):
    root = Path(env.project_dir)
    guide = load_guide(root)
    index = build_index(guide, Path(env.conf["docs_dir"]))
    search_terms.register(guide)

    def here() -> str:
        """The current page's path under docs/ (Zensical's pages carry it as .path)."""
        page = env.page
        return page.file.src_uri if hasattr(page, "file") else page.path

    macros = {
        "term": lambda key, text=None: render.term(guide, here(), key, text),
        "who": lambda key, text=None: render.who(guide, here(), key, text),
        "excerpt": lambda excerpt_id: render.excerpt(guide, index, here(), excerpt_id),
        "key_excerpts": lambda source_id: render.key_excerpts(guide, index, here(), source_id),
        "source_card": lambda source_id: render.source_card(guide, here(), source_id),
        "zh": render.zh,
        "pinyin": render.pinyin,
        "glossary_page": lambda: pages.glossary_page(guide, index, here()),
        "people_page": lambda: pages.people_page(guide, index, here()),
        "timeline_page": lambda: pages.timeline_page(guide, here()),
        "tracker_page": lambda: pages.tracker_page(guide, index, here()),
        "self_check": lambda theme: render.self_check(guide, here(), theme),
        "review_page": lambda: pages.review_page(guide, index, here()),
        "cite_guide": lambda: render.cite_guide(*cite.guide_citations(yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8")))),
    }
    for name, function in macros.items():
        env.macro(function, name)
