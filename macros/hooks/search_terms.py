"""Hook: the glossary in search.

- javascripts/search-terms.js, the glossary as a search dictionary
  (studyguide/crossref/search_terms.py), loaded by the search part of study-guide.js
  (docs/javascripts/search-dictionary.js) when a reader opens search;
- search/search_index.json rewritten after Material's search plugin writes it: each term
  page's entry starts with its definition and holds its pinyin's toneless forms.
  Runs before the offline plugin copies the index into a script (its priority is -100).
  The rewritten index is remembered (load.memo.kept) under the guide's key and a digest
  of the index Material wrote.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.structure.files import File

from studyguide.crossref.search_terms import rewrite_index, script
from studyguide.load.guide import load_guide
from studyguide.load.memo import digest, kept

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
    written, guide = path.read_bytes(), _guide(config)

    def rewritten() -> bytes:
        index = rewrite_index(json.loads(written), guide)
        return json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    key = digest(guide.key, written) if guide.key else ""
    path.write_bytes(kept(guide.root, "search-index.pickle", key, rewritten))
