"""Hook: front-matter values the theme writes inside HTML attributes (the page
description) are escaped, so quotes in them cannot break the `<meta>` tag
(studyguide.pages.meta_attributes)."""

from __future__ import annotations

from studyguide.pages.meta_attributes import escape_attribute_meta


def on_page_context(context, page, config, nav):
    escape_attribute_meta(page.meta, f"docs/{page.file.src_uri}")
    return context
