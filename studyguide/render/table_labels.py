"""Label every data cell of a wide table with its column header (data-label), so that on
a phone, where tables/tables.css stacks each row into a card, a cell still says which
column it belongs to. No JavaScript needed.

A Python-Markdown treeprocessor (TableLabelsExtension; macros/hooks/table_labels.py adds
it to the build): it works on each page's element tree, where the tables extension has
made <table><thead>…</thead><tbody>…</tbody></table>. Two-column tables (the source
card's record | detail) stack as they are and get no labels; an empty or screen-reader-
only header gives no label. Raw HTML tables are not in the tree and keep what they have.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from markdown import Extension, Markdown
from markdown.serializers import to_html_string
from markdown.treeprocessors import Treeprocessor

from studyguide.load.html_text import visible_text

MIN_COLUMNS = 3  # narrower tables stack readably without labels


class TableLabels(Treeprocessor):
    def header_text(self, cell: ET.Element) -> str:
        """The header cell's text as the page shows it: the cell serialized, the raw HTML
        that Markdown keeps aside put back (the postprocessors), then read as HTML."""
        fragment = to_html_string(cell)
        for postprocessor in self.md.postprocessors:
            fragment = postprocessor.run(fragment)
        return visible_text(fragment)

    def label(self, table: ET.Element) -> None:
        head = table.find("thead")
        body = table.find("tbody")
        if head is None or body is None:
            return
        labels = [self.header_text(th) for th in head.iter("th")]
        if len(labels) < MIN_COLUMNS:
            return
        for row in body.iter("tr"):
            for cell, text in zip((c for c in row if c.tag == "td"), labels, strict=False):
                if text:
                    # First among the attributes, and escaped as html.escape does: kept
                    # aside (the HTML stash) so the serializer writes it as it stands.
                    attrib = {"data-label": self.md.htmlStash.store(html.escape(text))}
                    attrib.update(cell.attrib)
                    cell.attrib.clear()
                    cell.attrib.update(attrib)

    def run(self, root: ET.Element) -> None:
        for table in root.iter("table"):
            self.label(table)


class TableLabelsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline patterns (20) have made the header cells' content.
        md.treeprocessors.register(TableLabels(md), "table_labels", 8)


def makeExtension(**kwargs):
    return TableLabelsExtension(**kwargs)
