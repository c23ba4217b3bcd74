"""The concept tracker (docs/tracker.md): each source's position on each theme, one row
per theme."""

from __future__ import annotations

from studyguide.crossref.index import Index
from studyguide.load.guide import Guide
from studyguide.pages import NOTICE
from studyguide.render.blocks import source_page, zh
from studyguide.render.links import md_link, relative


def tracker_page(guide: Guide, index: Index, page: str) -> str:
    """Positions across themes: a row per theme with a positions file (data/positions/),
    most central first (rank), named in English with its hanzi; a column per source, each
    cell the source's position in a few words (gist), linked to the theme's table."""
    sources = list(guide.sources)
    out = [NOTICE.format(data="data/positions/", macro="tracker_page")]
    out.append(
        "Rows are the themes, the most central first; columns are the five sources. Each cell "
        "gives that source's position on the theme in a few words and links to the theme's "
        "who-says-what table, where the position, its evidence and what the source concedes are "
        "set out; a dash means the source is silent on the theme. On a phone each theme is a card "
        "listing only the sources that speak to it.\n"
    )
    out.append('<div class="concept-tracker positions-tracker" markdown>\n')
    out.append(
        "| Theme | "
        + " | ".join(
            md_link(guide.sources[s]["short"], relative(page, source_page(s))) for s in sources
        )
        + " |"
    )
    out.append("|---|" + "---|" * len(sources))
    for theme, record in sorted(guide.positions.items(), key=lambda item: item[1]["rank"]):
        entry = guide.glossary.get(record["term"], page)
        chapter = f"themes/{theme}.md"
        table = relative(page, chapter, "who-says-what")
        rows = {row["source"]: row for row in record["rows"]}
        cells = []
        for s in sources:
            row = rows.get(s)
            if row is None or "silent" in row:
                cells.append(
                    '<span class="tracker-silent">— <span class="sr-only">silent</span></span>'
                )
            else:
                cells.append(md_link(" ".join(row["gist"].split()), table))
        name = f"{md_link(entry.english[:1].upper() + entry.english[1:], relative(page, chapter))} {zh(entry.hanzi)}"
        out.append(f"| {name} | " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    out.append("\n</div>")
    return "\n".join(out) + "\n"
