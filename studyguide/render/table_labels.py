"""Label every data cell of a wide table with its column header (data-label), so that on
a phone, where tables/tables.css stacks each row into a card, a cell still says which
column it belongs to. Works on the built HTML: no JavaScript needed.

Two-column tables (the source card's record | detail) stack as they are and get no
labels; an empty or screen-reader-only header gives no label.
"""

from __future__ import annotations

import html
import re

TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
HEADER = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
ROW = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.S)
CELL = re.compile(r"<td\b", re.S)
TAG = re.compile(r"<[^>]+>")
SR_ONLY = re.compile(r'<span class="sr-only">.*?</span>', re.S)


def header_text(cell: str) -> str:
    return " ".join(html.unescape(TAG.sub("", SR_ONLY.sub("", cell))).split())


def label_table(table: str) -> str:
    head, sep, body = table.partition("</thead>")
    if not sep:
        return table
    labels = [header_text(h) for h in HEADER.findall(head)]
    if len(labels) < 3:
        return table

    def label_row(row: re.Match) -> str:
        cells = iter(labels)

        def label_cell(_cell: re.Match) -> str:
            text = next(cells, "")
            return f'<td data-label="{html.escape(text)}"' if text else "<td"

        return row.group(1) + CELL.sub(label_cell, row.group(2)) + row.group(3)

    return head + sep + ROW.sub(label_row, body)


def label_tables(page_html: str) -> str:
    return TABLE.sub(lambda m: label_table(m.group(0)), page_html)
