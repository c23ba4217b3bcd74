"""Hook: theme chips under the tagged sections of source pages and, on each theme
chapter, the source sections tagged with it (data/theme-tags.yaml; studyguide.render.theme_tags).
Runs after the macros have rendered, so the pages' own text is untouched.

Each page's result is remembered (load.memo.Table) under the guide's key and a digest of
the page's path and rendered Markdown."""

from __future__ import annotations

from pathlib import Path

from studyguide.load.guide import load_guide
from studyguide.load.memo import Table, digest
from studyguide.load.page_paths import SOURCES, THEMES, key_of
from studyguide.render.theme_tags import add_chips, add_sections

_tagged: list[Table] = []  # this build's remembered pages


def on_files(files, config):
    guide = load_guide(Path(config["config_file_path"]).parent)
    _tagged[:] = [Table(guide.root, "theme-tags.json", guide.key)]
    return files


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if key_of(src, SOURCES):
        add = add_chips
    elif key_of(src, THEMES):
        add = add_sections
    else:
        return markdown
    return _tagged[0].get(
        digest(src, markdown),
        lambda: add(load_guide(Path(config["config_file_path"]).parent), src, markdown),
    )


def on_post_build(config):
    _tagged[0].save()
