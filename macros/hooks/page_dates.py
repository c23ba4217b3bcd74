"""Hook: each page's "last updated" date (Material shows `revision_date`) and its
sitemap.xml `lastmod` (MkDocs writes `update_date`), both from one `git log` per build
(studyguide.pages.dates)."""

from __future__ import annotations

from pathlib import Path

from studyguide.pages.dates import page_dates

_dates: dict = {}


def on_files(files, config):
    root = Path(config["config_file_path"]).parent
    pages = [f.src_uri for f in files.documentation_pages()]
    _dates.clear()
    _dates.update(page_dates(root, Path(config["docs_dir"]), pages))
    return files


def on_page_markdown(markdown, page, config, files):
    when = _dates.get(page.file.src_uri)
    if when:
        page.meta["revision_date"] = f"{when:%d %B %Y}".lstrip("0")
        page.update_date = f"{when:%Y-%m-%d}"
    return markdown
