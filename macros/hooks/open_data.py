"""Hook: the glossary and the excerpts as open data, data/glossary.json and
data/excerpts.json with their JSON Schemas beside them (studyguide.outputs.open_data),
added to the site as generated files. The glossary's CSV is the flashcards hook's.

The files are remembered (load.memo.kept) under the guide's key, CITATION.cff, citeproc-py's
version, the site's address and every page's URL."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from mkdocs.structure.files import File

from studyguide.load.guide import load_guide
from studyguide.load.memo import code_key, digest, kept
from studyguide.load.page_paths import source_page, term_page
from studyguide.outputs.open_data import files as data_files


def on_files(files, config):
    guide = load_guide(Path(config["config_file_path"]).parent)
    site = config["site_url"] or "/"

    def page_url(path: str, anchor: str = "") -> str:
        return urljoin(site, files.get_file_from_path(path).url) + (f"#{anchor}" if anchor else "")

    # term pages are added by the term_pages hook, listed before this one in mkdocs.yml
    made = kept(
        guide.root,
        "open-data.pickle",
        digest(
            guide.key,
            (guide.root / "CITATION.cff").read_bytes(),
            code_key(),
            site,
            *(f"{f.src_uri} {f.url}" for f in files.documentation_pages()),
        )
        if guide.key
        else "",
        lambda: data_files(
            guide,
            lambda key: page_url(term_page(key)),
            lambda record: page_url(source_page(record["source"]), record.key),
        ),
    )
    for path, text in made.items():
        files.append(File.generated(config, path, content=text))
    return files
