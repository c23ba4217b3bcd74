"""MkDocs hooks (mkdocs.yml `hooks:`): add the generated study files to the build.

The Anki deck and CSV are added as generated files in `on_files`, so MkDocs copies them
into the site and validates the links to them like any other page link.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import flashcards  # noqa: E402
from macros.glossary import load_glossary  # noqa: E402
from macros.guide import CACHE  # noqa: E402
from macros.pinyin_check import CheckedPairs  # noqa: E402

DECK = "study/guide-glossary.apkg"
CSV = "study/guide-glossary.csv"


def on_files(files, config):
    root = Path(config["config_file_path"]).parent
    glossary = load_glossary(root / "glossary.yaml", pairs=CheckedPairs(root / CACHE / "pinyin-checked.json"))
    files.append(File.generated(config, DECK, content=flashcards.apkg_bytes(glossary)))
    files.append(File.generated(config, CSV, content=flashcards.csv_text(glossary)))
    return files
