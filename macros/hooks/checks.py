"""Hook: every offline check (studyguide.check) at the start of each build and rebuild,
before any other hook or plugin loads the data; one line per problem, no traceback.

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

from studyguide.check import run
from studyguide.errors import error_page

log = logging.getLogger("mkdocs.hooks.checks")


@event_priority(200)  # before search_words (100) and the macros plugin load the data
def on_config(config):
    problems, note = run(Path(config["config_file_path"]).parent, os.environ)
    if note:
        log.info(note)
    for problem in problems:
        log.error(str(problem))
    if problems:
        raise PluginError(
            f"{len(problems)} problem{'s' if len(problems) > 1 else ''} in the guide's data (above, one per line): fix and save"
        )
    return config


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
