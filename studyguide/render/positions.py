"""Who says what on a theme (data/positions/<theme>.yaml) as a Markdown table: one row
per source, its position, evidence and concession, each one attributed line."""

from __future__ import annotations

from studyguide.load.guide import Guide
from studyguide.load.page_paths import source_page
from studyguide.render.blocks import _lookup
from studyguide.render.links import md_link, md_text, relative

HEADER = "| Source | Position | Evidence | Concedes |\n| --- | --- | --- | --- |\n"


def cell(text: str) -> str:
    """One line of data text, safe inside a Markdown table cell."""
    return md_text(" ".join(text.split())).replace("|", "\\|")


def who_says_what(guide: Guide, page: str, theme: str) -> str:
    """The theme's table; a source that is silent on the theme says so in one line."""
    record = _lookup(
        guide.positions, theme, page, "positions theme", "data/positions/ (one file per theme)"
    )
    rows = []
    for row in record["rows"]:
        source = guide.sources[row["source"]]
        name = md_link(source["short"], relative(page, source_page(row["source"])))
        if "silent" in row:
            rows.append(f"| {name} | *Silent.* {cell(row['silent'])} | — | — |")
        else:
            rows.append(
                f"| {name} | {cell(row['position'])} | {cell(row['evidence'])} "
                f"| {cell(row['concedes'])} |"
            )
    return HEADER + "\n".join(rows) + "\n"
