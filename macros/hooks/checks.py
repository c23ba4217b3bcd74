"""Hook: every offline check (studyguide.check) at the start of each build and rebuild,
before any other hook or plugin loads the data; one line per problem, no traceback.

A pass is remembered (load.memo.kept) under a digest of everything the checks read: the
loaded guide's key (its data, our code, the libraries), every page under docs/ and the
source texts. A build with none of them changed skips the checks; any change runs them
all, and a failure is never remembered.

`make serve`: a rebuild that fails replaces the served pages with a page listing the
problems (it reloads itself once they are fixed), instead of leaving stale content.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from studyguide.errors import GuideError, error_page
from studyguide.load import verbatim
from studyguide.load.guide import load_guide
from studyguide.load.memo import digest, kept

log = logging.getLogger("mkdocs.hooks.checks")


@event_priority(200)  # before search_words (100) and the macros plugin load the data
def on_config(config):
    root = Path(config["config_file_path"]).parent
    note = kept(root, "checks-passed.pickle", _inputs_key(root), lambda: _check(root))
    if note:
        log.info(note)
    return config


def _check(root: Path) -> str | None:
    """Run every check; raise after logging the problems, else return the note on what
    was not checked."""
    from studyguide.check import run  # imported only when the checks run (not remembered)

    problems, note = run(root, os.environ)
    for problem in problems:
        log.error(str(problem))
    if problems:
        raise PluginError(
            f"{len(problems)} problem{'s' if len(problems) > 1 else ''} in the guide's data "
            "(above, one per line): fix and save"
        )
    return note


def _inputs_key(root: Path) -> str:
    """A digest of what the checks read; "" (check, remember nothing) when the data does
    not load."""
    try:
        guide = load_guide(root)
    except GuideError:
        return ""
    seeds = verbatim.seeds_dir(root, os.environ)
    texts = sorted({seeds / s["file"] for s in guide.sources.values()})
    pages = sorted((root / "docs").rglob("*.md"))
    return digest(
        guide.key,
        str(seeds),
        *(part for p in [*texts, *pages] if p.is_file() for part in (str(p), p.read_bytes())),
    )


class _Lines(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def on_serve(server, config, builder):
    original, site_dir = server.builder, Path(config["site_dir"])

    def build_or_show_problems(config=None):
        lines = _Lines()
        logging.getLogger("mkdocs").addHandler(lines)
        try:
            original(config)
        except SystemExit as error:  # mkdocs' Abort: the problems are logged above it
            print(error, file=sys.stderr)
            page = error_page(lines.lines or [str(error)])
            for html in [site_dir / "index.html", *site_dir.rglob("*.html")]:
                html.write_text(page, encoding="utf-8")
        finally:
            logging.getLogger("mkdocs").removeHandler(lines)

    server.builder = build_or_show_problems
    return server
