"""Hook: every wide table's cells carry their column header as data-label, for the
stacked phone layout in stylesheets/tables.css: adds the Markdown extension
studyguide.render.table_labels to the build's markdown_extensions."""

from __future__ import annotations

from studyguide.render.table_labels import TableLabelsExtension


def on_config(config):
    config.markdown_extensions.append(TableLabelsExtension())
    return config
