"""Hook: each page's reading time under its title, from its rendered words
(studyguide.pages.reading), and the study plans' times (the reading_time() macro's marks)
filled from the pages they name. Pages that call reading_time() render last, after every
page whose time they sum.

A page's count is remembered under the digest of its HTML (load.memo.Table, keyed on our
code): a build counts again only the pages whose HTML changed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from studyguide.errors import GuideError
from studyguide.load.memo import Table, code_key, digest
from studyguide.pages import reading

log = logging.getLogger("mkdocs.hooks.reading_time")
WORDS: dict[str, int] = {}  # this build's pages: src_uri -> words
_counted: list[Table] = []  # this build's remembered counts


def _sums_times(file) -> bool:
    return file.is_documentation_page() and "reading_time(" in file.content_string


def on_files(files, config):
    WORDS.clear()
    root = Path(config["config_file_path"]).parent
    _counted[:] = [Table(root, "reading-words.json", code_key())]
    return Files(sorted(files, key=_sums_times))  # stable: the others keep their order


@event_priority(-100)  # last: the words other hooks add (theme chips) count too
def on_page_content(html, page, config, files):
    words = _counted[0].get(digest(html), lambda: reading.fragment_words(html))
    WORDS[page.file.src_uri] = words
    if 'data-reading-time="' in html:
        try:
            html = reading.fill(html, WORDS, page.file.src_uri)
        except GuideError as error:
            for problem in error.problems:
                log.error(str(problem))
            raise PluginError(
                f"{page.file.src_uri}: reading_time() names a page the guide does not have"
            ) from None
    return reading.insert_line(html, words)


def on_post_build(config):
    _counted[0].save()
