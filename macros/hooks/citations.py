"""Hook: each source's citation as BibTeX, RIS and CSL-JSON (sources/<id>.bib, .ris, .json),
added to the site as generated files, so the source cards' links to them are validated
like any other link (studyguide.cite.formats)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from studyguide.cite.formats import source_files
from studyguide.load.guide import load_guide


def on_files(files, config):
    guide = load_guide(Path(config["config_file_path"]).parent)
    for path, text in source_files(guide.sources).items():
        files.append(File.generated(config, path, content=text))
    return files
