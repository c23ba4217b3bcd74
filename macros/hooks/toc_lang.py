"""Hook: Chinese in table-of-contents titles marked lang="zh-Hans" (WCAG 3.1.2).

MkDocs keeps a heading's title as plain text for the table of contents, so the lang marks
the Markdown extension put into the heading are lost there; this puts them back.
"""

from __future__ import annotations

from studyguide.text import mark_chinese_html


def _mark(items) -> None:
    for item in items:
        item.title = mark_chinese_html(item.title)
        _mark(item.children)


def on_page_content(html, page, config, files):
    _mark(page.toc)
    return html
