"""Hook: a generated page's edit button opens the data file it is made from
(studyguide.pages.GENERATED), not the one-line Markdown page that calls the macro."""

from __future__ import annotations

from studyguide.pages import edit_url


def on_page_context(context, page, config, nav):
    url = edit_url(page.file.src_uri, config.repo_url, config.edit_uri)
    if url:
        page.edit_url = url
    return context
