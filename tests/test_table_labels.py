"""Table cells labelled with their column header for the phone layout: the Markdown
treeprocessor (studyguide.render.table_labels) on real Markdown tables."""

from __future__ import annotations

import markdown

from studyguide.render.table_labels import TableLabelsExtension


def render(text: str) -> str:
    extensions = ["tables", "attr_list", "md_in_html", "macros.cjk_lang", TableLabelsExtension()]
    return markdown.markdown(text, extensions=extensions)


def test_wide_table_cells_carry_their_column_names():
    html = render(
        '| A | [B](b.md) | <span class="sr-only">x</span> |\n|---|---|---|\n| 1 | 2 | 3 |\n'
    )
    assert '<td data-label="A">1</td>\n<td data-label="B">2</td>\n<td>3</td>' in html


def test_label_is_escaped_once_and_comes_first():
    html = render("| The source's words | 户口 & co | C |\n|:--|---|---|\n| 1 | 2 | 3 |\n")
    assert '<td data-label="The source&#x27;s words" style="text-align: left;">1</td>' in html
    assert '<td data-label="户口 &amp; co">2</td>' in html


def test_two_column_tables_and_headerless_tables_are_left_alone():
    two = "| K | V |\n|---|---|\n| 1 | 2 |\n"
    assert "data-label" not in render(two)
    raw = "<table><tr><td>1</td><td>2</td><td>3</td></tr></table>\n"
    assert render(raw) == raw.strip()
