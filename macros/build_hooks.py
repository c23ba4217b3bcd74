"""MkDocs hooks (mkdocs.yml `hooks:`): generated study files and page dates.

- The Anki deck and CSV are added as generated files in `on_files`, so MkDocs copies them
  into the site and validates the links to them like any other page link.
- robots.txt names the sitemap at the deployed address (site_url).
- Each page's "last updated" date (shown by Material from `revision_date`) comes from
  one `git log` call per build (macros/page_dates.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import flashcards  # noqa: E402
from macros.build_cache import Checks  # noqa: E402
from macros.glossary import load_glossary  # noqa: E402
from macros.page_dates import page_dates  # noqa: E402

DECK = "study/guide-glossary.apkg"
CSV = "study/guide-glossary.csv"


def on_files(files, config):
    root = Path(config["config_file_path"]).parent
    glossary = load_glossary(root / "glossary.yaml", checks=Checks.at(root))
    files.append(File.generated(config, DECK, content=flashcards.apkg_bytes(glossary)))
    files.append(File.generated(config, CSV, content=flashcards.csv_text(glossary)))
    files.append(File.generated(config, "robots.txt", content=robots_txt(config["site_url"] or "/")))
    pages = [f.src_uri for f in files.documentation_pages()]
    config["extra"]["page_dates"] = page_dates(root, Path(config["docs_dir"]), pages)
    return files


def robots_txt(site_url: str) -> str:
    """Crawlers may read everything; the sitemap is named with the deployed address."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def on_page_markdown(markdown, page, config, files):
    when = config["extra"].get("page_dates", {}).get(page.file.src_uri)
    if when:
        page.meta["revision_date"] = f"{when:%d %B %Y}".lstrip("0")
    return markdown
