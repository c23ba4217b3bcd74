"""Hook: the glossary in search.

- javascripts/search-terms.js, the glossary as a search dictionary
  (studyguide/crossref/search_terms.py), loaded by the search part of study-guide.js
  (docs/javascripts/search-dictionary.js) when a reader opens search;
- search/search_index.json rewritten after Material's search plugin writes it: each term
  page's entry starts with its definition and holds its pinyin's toneless forms.
  Runs before the offline plugin copies the index into a script (its priority is -100).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.structure.files import File

from studyguide.crossref.search_terms import rewrite_index, script
from studyguide.load.guide import load_guide

OUTPUT = "javascripts/search-terms.js"
INDEX = "search/search_index.json"


def _guide(config):
    return load_guide(Path(config["config_file_path"]).parent)


def on_files(files, config):
    files.append(
        File.generated(config, OUTPUT, content=script(_guide(config), config["use_directory_urls"]))
    )
    return files


def on_post_build(config):
    path = Path(config["site_dir"]) / INDEX
    if not path.exists():
        return
    index = rewrite_index(json.loads(path.read_text(encoding="utf-8")), _guide(config))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
