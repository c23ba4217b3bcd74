"""Hook: theme chips under the tagged sections of source pages and, on each theme
chapter, the source sections tagged with it (data/theme-tags.yaml; studyguide.render.theme_tags).
Runs after the macros have rendered, so the pages' own text is untouched."""

from __future__ import annotations

from pathlib import Path

from studyguide.load.guide import load_guide
from studyguide.load.page_paths import SOURCES, THEMES, key_of
from studyguide.render.theme_tags import add_chips, add_sections


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if key_of(src, SOURCES):
        return add_chips(load_guide(Path(config["config_file_path"]).parent), src, markdown)
    if key_of(src, THEMES):
        return add_sections(load_guide(Path(config["config_file_path"]).parent), src, markdown)
    return markdown
