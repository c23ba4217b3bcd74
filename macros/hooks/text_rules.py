"""Hook: javascripts/text-rules.js, the rules for Chinese text and pinyin from
studyguide/text.py, generated for docs/javascripts/guide.js so both use one definition."""

from __future__ import annotations

from mkdocs.structure.files import File

from studyguide.text import browser_rules

PATH = "javascripts/text-rules.js"


def on_files(files, config):
    files.append(File.generated(config, PATH, content=browser_rules()))
    return files
