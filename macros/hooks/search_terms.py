"""Hook: the glossary in search.

- javascripts/search-terms.js, the glossary as a search dictionary
  (studyguide/crossref/search_terms.py), loaded by the search part of study-guide.js
  (docs/javascripts/search-dictionary.js) when a reader opens search;
- docs/javascripts/search-pinyin.js published as the search worker that folds tone marks
  in each query before Material's worker (which it loads) reads it, and as the lunr
  language module "pinyin" that folds them in the index;
- search/search_index.json rewritten after Material's search plugin writes it: each term
  page's entry starts with its definition and holds its pinyin's toneless forms, and the
  index names the "pinyin" language. Runs before the offline plugin copies the index into
  a script (its priority is -100). The rewritten index is remembered (load.memo.kept)
  under the guide's key and a digest of the index Material wrote.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.structure.files import File

from studyguide.crossref.search_terms import FOLD_MODULE, FOLD_WORKER, rewrite_index, script
from studyguide.load import page_manifest
from studyguide.load.guide import load_guide
from studyguide.load.memo import digest, kept
from studyguide.load.page_paths import term_page

OUTPUT = "javascripts/search-terms.js"
INDEX = "search/search_index.json"
FOLD_SOURCE = "javascripts/search-pinyin.js"


def _guide(config):
    return load_guide(Path(config["config_file_path"]).parent)


def on_files(files, config):
    def term_url(key: str) -> str:  # term pages are added by term_pages.py, listed before
        return files.get_file_from_path(term_page(key)).url

    fold = files.get_file_from_path(FOLD_SOURCE)
    if fold is not None:  # published where Material's worker loads it, in both roles
        files.remove(fold)
        for path in (FOLD_WORKER, FOLD_MODULE):
            files.append(File.generated(config, path, content=fold.content_string))
    files.append(File.generated(config, OUTPUT, content=script(_guide(config), term_url)))
    return files


def on_post_build(config):
    path = Path(config["site_dir"]) / INDEX
    if not path.exists():
        return
    written, guide = path.read_bytes(), _guide(config)
    manifest = page_manifest.read(Path(config["site_dir"]))  # written on_env (page_manifest.py)

    def rewritten() -> bytes:
        index = rewrite_index(json.loads(written), guide, lambda key: manifest.url(term_page(key)))
        return json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    key = digest(guide.key, written) if guide.key else ""
    path.write_bytes(kept(guide.root, "search-index.pickle", key, rewritten))
