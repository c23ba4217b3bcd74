"""Hook: every wide table's cells carry their column header as data-label, for the
stacked phone layout in stylesheets/tables.css (studyguide.render.table_labels)."""

from __future__ import annotations

from studyguide.render.table_labels import label_tables


def on_page_content(html, page, config, files):
    return label_tables(html) if "<table" in html else html
