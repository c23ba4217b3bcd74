"""Hook: javascripts/study-guide.js, the one script of ours that every page loads, made
of these parts in this order:

1. the rules for Chinese text and pinyin from studyguide/text.py (`browser_rules()`), so
   the scripts and Python use one definition;
2. docs/javascripts/guide.js: tooltips, lang marks in search results, palette switches;
3. docs/javascripts/term-card.js: a term's card on a tap;
4. docs/javascripts/search-dictionary.js: a term typed in search puts its page first;
5. docs/javascripts/page-contents.js: the page's contents one tap away on a phone.
6. docs/javascripts/practice-store.js and practice-site.js: the reader's progress store,
   the "I have read this page" box, ticks in the navigation, the offline service worker.

The parts stay separate files to edit; they are not published on their own. One file
instead of three because each request made before the page's largest paint delayed that
paint on Lighthouse's mobile profile (simulated slow 4G): on the glossary it went from
1.55-1.6 s to 1.36-1.46 s, and from a score of 0.99 to 1.00. tests/test_layout.py.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from studyguide.text import browser_rules

OUTPUT = "javascripts/study-guide.js"
PARTS = (
    "javascripts/guide.js",
    "javascripts/term-card.js",
    "javascripts/search-dictionary.js",
    "javascripts/page-contents.js",
    "javascripts/practice-store.js",
    "javascripts/practice-site.js",
)


def joined(parts: dict[str, str]) -> str:
    """The script: the text rules, then each part under a comment naming its source file."""
    return "\n".join(
        [browser_rules()] + [f"/* ---- docs/{path} ---- */\n{text}" for path, text in parts.items()]
    )


def on_files(files, config):
    parts = {}
    for path in PARTS:
        part = files.get_file_from_path(path)
        if part is None:
            raise PluginError(
                f"guide_script: docs/{path} is missing; it is one of the parts of {OUTPUT} "
                "(macros/hooks/guide_script.py)"
            )
        parts[path] = part.content_string
        files.remove(part)
    files.append(File.generated(config, OUTPUT, content=joined(parts)))
    return files
