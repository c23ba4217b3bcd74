"""The functions pages call as macros ({{ term("hukou") }}), bound to the loaded guide.

Each call renders Markdown for the page being built; the calls a page makes itself
(term, who, excerpt, key_excerpts) are recorded for the cross-reference index, so the
glossary's "Used in" lists come from what pages actually render.

The registry is glue, in the top layer: it names functions of render, pages and practice,
which import none of it (macros/main.py hands it to mkdocs-macros).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from studyguide.crossref.index import Index, build_index, record_use
from studyguide.errors import GuideError
from studyguide.load.guide import Guide, load_guide
from studyguide.pages import core_path, glossary, reading, review, term_page, timeline, tracker, who
from studyguide.practice import sheets
from studyguide.render import blocks, positions

# A child of MkDocs' logger: `--strict` counts its errors and stops the build at the end,
# after every page has reported its own (one line each, no traceback).
log = logging.getLogger("mkdocs.studyguide")


def reported(function: Callable) -> Callable:
    """`function`, whose GuideError is logged one line per problem; the page gets a marker."""

    @functools.wraps(function)
    def call(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except GuideError as error:
            for problem in error.problems:
                log.error(str(problem))
            return "**[error: see the build log]**"

    return call


@dataclass
class Macros:
    guide: Guide
    index: Index
    page: Callable[[], object]  # the page being rendered (MkDocs' Page, or Zensical's)
    shown: tuple[str, set[str]] = field(
        default=("", set())
    )  # (page, term keys whose hanzi it has shown)

    @classmethod
    def load(cls, root, page: Callable[[], object]) -> Macros:
        guide = load_guide(Path(root))
        return cls(guide, build_index(guide), page)

    def here(self) -> str:
        """The current page's path under docs/ (Zensical's pages carry it as .path)."""
        page = self.page()
        return page.file.src_uri if hasattr(page, "file") else page.path

    def _used(self, macro: str, key: str) -> str:
        here = self.here()
        if here.startswith(
            core_path.CORE_DIR
        ):  # the core path repeats its pages' sections: no uses of its own
            return here
        record_use(
            self.guide, self.index, here, getattr(self.page(), "title", None) or here, macro, key
        )
        return here

    def first_mention(self, page: str, key: str) -> bool:
        """True the first time `page` mentions `key` with term(): the one place that
        decides where a term's hanzi appear in running text (*hukou* 户口, then *hukou*)."""
        if self.shown[0] != page:
            self.shown = (page, set())
        first = key not in self.shown[1]
        self.shown[1].add(key)
        return first

    def _term(self, key: str, text: str | None = None) -> str:
        here = self._used("term", key)
        return blocks.term(self.guide, here, key, text, hanzi=self.first_mention(here, key))

    def functions(self) -> dict[str, Callable]:
        """Each macro, reporting a bad key as one logged line (see `reported`)."""
        return {name: reported(function) for name, function in self._functions().items()}

    def _functions(self) -> dict[str, Callable]:
        g, i = self.guide, self.index
        return {
            "term": self._term,
            "who": lambda key, text=None: blocks.who(g, self._used("who", key), key, text),
            "excerpt": lambda excerpt_id: blocks.excerpt(
                g, i, self._used("excerpt", excerpt_id), excerpt_id
            ),
            "key_excerpts": lambda source_id: blocks.key_excerpts(
                g, i, self._used("key_excerpts", source_id), source_id
            ),
            "source_card": lambda source_id: blocks.source_card(g, self.here(), source_id),
            "zh": blocks.zh,
            "pinyin": blocks.pinyin,
            "who_says_what": lambda theme: positions.who_says_what(g, self.here(), theme),
            "self_check": lambda theme: blocks.self_check(g, self._titled(), theme),
            "glossary_page": lambda: glossary.glossary_page(g, self.here()),
            "term_page": lambda key: term_page.term_page(g, i, self.here(), key),
            "people_page": lambda: who.people_page(g, i, self.here()),
            "timeline_page": lambda: timeline.timeline_page(g, self.here()),
            "tracker_page": lambda: tracker.tracker_page(g, i, self.here()),
            "review_page": lambda: review.review_page(g, i, self.here()),
            "sheets_page": lambda: sheets.sheets_page(g, self.here()),
            "cite_guide": lambda: blocks.cite_guide(self._cff()),
            "reading_time": lambda *pages: reading.mark(pages),
        }

    def _titled(self) -> str:
        """The current page, with its title recorded (the review page names theme chapters)."""
        here = self.here()
        i = self.index
        i.page_titles.setdefault(here, getattr(self.page(), "title", None) or here)
        return here

    def _cff(self) -> dict:
        return yaml.safe_load((self.guide.root / "CITATION.cff").read_text(encoding="utf-8"))
