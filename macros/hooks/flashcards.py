"""Hook: the Anki deck and the CSV, added to the site as generated files.

MkDocs copies them and validates the links to them like any other file. They are kept in
.cache/ and made again only when something they are made from changes (see
studyguide.outputs.flashcards.files).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from studyguide.outputs.flashcards import CSV_PATH, DECK_PATH, files


def on_files(files_, config):
    deck, table = files(Path(config["config_file_path"]).parent)
    files_.append(File.generated(config, DECK_PATH, content=deck))
    files_.append(File.generated(config, CSV_PATH, content=table))
    return files_
