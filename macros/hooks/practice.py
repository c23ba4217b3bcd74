"""Hook: study/practice/cards.json and quiz.json, the data of the flashcard and quiz pages
(studyguide.practice), added to the site as generated files. Links in them are the URLs
MkDocs gives the pages, so they follow use_directory_urls; tests/test_practice.py checks
every one resolves in the built site. Also progress.json for "My progress" (the pages a
reader can mark read, in navigation order, with their titles), and page.meta.readable on
those pages, which gives them the "I have read this page" box (overrides/main.html).

cards.json and quiz.json are remembered (load.memo.kept) under the guide's key and every
page's URL: a build with neither changed does not make them again."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from studyguide.load.guide import load_guide
from studyguide.load.memo import digest, kept
from studyguide.practice.json_files import CARDS_PATH, QUIZ_PATH, cards_json, quiz_json
from studyguide.practice.progress import (
    PROGRESS_PATH,
    practice_summary,
    progress_json,
    readable,
)


def on_files(files, config):
    guide = load_guide(Path(config["config_file_path"]).parent)

    def url(link):
        page = files.get_file_from_path(link.page)
        if page is None:
            raise ValueError(f"studyguide.practice: link to missing page {link.page}")
        return page.url + (f"#{link.anchor}" if link.anchor else "")

    def make():
        cards, quiz = cards_json(guide, url), quiz_json(guide, url)
        return cards, quiz, practice_summary(quiz, cards)

    urls = [f"{f.src_uri} {f.url}" for f in files.documentation_pages()]
    cards, quiz, _summary[:] = kept(
        guide.root,
        "practice.pickle",
        digest(guide.key, *urls) if guide.key else "",  # "": remember nothing
        make,
    )
    files.append(File.generated(config, CARDS_PATH, content=cards))
    files.append(File.generated(config, QUIZ_PATH, content=quiz))
    return files


def on_page_markdown(markdown, page, config, files):
    if readable(page.file.src_uri):
        page.meta["readable"] = True
    return markdown


def on_env(env, config, files):
    """Every page has been read (titles known) and static files are not copied yet."""
    pages = [
        f.page for f in files.documentation_pages() if f.page is not None and readable(f.src_uri)
    ]
    order = {p.file.src_uri: i for i, p in enumerate(_nav_pages)}
    pages.sort(key=lambda p: (order.get(p.file.src_uri, len(order)), p.file.src_uri))
    content = progress_json([(p.url, p.title) for p in pages], *_summary)
    files.append(File.generated(config, PROGRESS_PATH, content=content))
    return env


_nav_pages: list = []
_summary: list = []  # the quizzes' titles and the number of cards, from on_files


def on_nav(nav, config, files):
    _nav_pages[:] = nav.pages
    return nav
