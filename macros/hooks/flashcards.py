"""MkDocs hooks (mkdocs.yml `hooks:`): generated study files and page dates.

- The Anki deck and CSV are added as generated files in `on_files`, so MkDocs copies them
  into the site and validates the links to them like any other page link. They are kept
  in .cache/ and made again only when glossary.yaml, the code that reads and writes them
  (macros/glossary.py, macros/flashcards.py) or genanki's or Markdown's version changes.
- robots.txt names the sitemap at the deployed address (site_url).
- Each page's "last updated" date (shown by Material from `revision_date`) comes from
  one `git log` call per build (macros/page_dates.py).
"""

from __future__ import annotations

import sys
from functools import cache
from importlib.metadata import version
from pathlib import Path

from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import flashcards  # noqa: E402
from macros import glossary as glossary_module  # noqa: E402
from macros.build_cache import Checks, digest, remembered  # noqa: E402
from macros.glossary import load_glossary  # noqa: E402
from macros.page_dates import page_dates  # noqa: E402

DECK = "study/guide-glossary.apkg"
CSV = "study/guide-glossary.csv"


def on_files(files, config):
    root = Path(config["config_file_path"]).parent
    deck, table = flashcard_files(root)
    files.append(File.generated(config, DECK, content=deck))
    files.append(File.generated(config, CSV, content=table))
    files.append(File.generated(config, "robots.txt", content=robots_txt(config["site_url"] or "/")))
    pages = [f.src_uri for f in files.documentation_pages()]
    config["extra"]["page_dates"] = page_dates(root, Path(config["docs_dir"]), pages)
    return files


def flashcard_files(root: Path) -> tuple[bytes, bytes]:
    """The deck and the CSV, from .cache/ when nothing they are made from has changed."""
    source = root / "glossary.yaml"
    code = [Path(module.__file__).read_bytes() for module in (flashcards, glossary_module)]
    key = digest(source.read_bytes(), *code, version("genanki").encode(), version("markdown").encode())
    glossary = cache(lambda: load_glossary(source, checks=Checks.at(root)))
    deck = remembered(root, "guide-glossary.apkg", key, lambda: flashcards.apkg_bytes(glossary()))
    table = remembered(root, "guide-glossary.csv", key, lambda: flashcards.csv_text(glossary()).encode("utf-8"))
    return deck, table


def robots_txt(site_url: str) -> str:
    """Crawlers may read everything; the sitemap is named with the deployed address."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def on_page_markdown(markdown, page, config, files):
    when = config["extra"].get("page_dates", {}).get(page.file.src_uri)
    if when:
        page.meta["revision_date"] = f"{when:%d %B %Y}".lstrip("0")
    return markdown
