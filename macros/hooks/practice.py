"""Hook: study/practice/cards.json and quiz.json, the data of the flashcard and quiz pages
(studyguide.practice), added to the site as generated files. Links in them are the URLs
MkDocs gives the pages, so they follow use_directory_urls; tests/test_practice.py checks
every one resolves in the built site."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from studyguide.load.guide import load_guide
from studyguide.practice.output import CARDS_PATH, QUIZ_PATH, cards_json, quiz_json


def on_files(files, config):
    guide = load_guide(Path(config["config_file_path"]).parent)

    def url(link):
        page = files.get_file_from_path(link.page)
        if page is None:
            raise ValueError(f"studyguide.practice: link to missing page {link.page}")
        return page.url + (f"#{link.anchor}" if link.anchor else "")

    files.append(File.generated(config, CARDS_PATH, content=cards_json(guide, url)))
    files.append(File.generated(config, QUIZ_PATH, content=quiz_json(guide, url)))
    return files
