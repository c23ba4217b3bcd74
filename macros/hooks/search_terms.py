"""Hook: javascripts/search-terms.js, the glossary as a search dictionary
(studyguide/crossref/search_terms.py), loaded by the search part of study-guide.js when a
reader opens search."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from studyguide.crossref.search_terms import script
from studyguide.load.guide import load_guide

OUTPUT = "javascripts/search-terms.js"


def on_files(files, config):
    root = Path(config["config_file_path"]).parent
    files.append(File.generated(config, OUTPUT, content=script(load_guide(root))))
    return files
