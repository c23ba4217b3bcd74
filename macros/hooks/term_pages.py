"""Hook: a page per glossary term, terms/<key>.md, made at build time (no file in docs/).

Each page's Markdown is a stub calling the term_page() macro (studyguide.pages.term_page);
mkdocs.yml lists terms/ under not_in_nav, and generated_last.py (listed after this hook)
renders them after the pages whose term uses they list.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from studyguide.load.guide import load_guide
from studyguide.pages import term_page


def on_files(files, config):
    guide = load_guide(Path(config["config_file_path"]).parent)
    for entry in guide.glossary.sorted():
        files.append(
            File.generated(config, term_page.path(entry.key), content=term_page.stub(entry))
        )
    return files
