"""Generated pages: who's who, timeline, concept tracker and review (the glossary and the
term pages have modules of their own).

Each is the output of one macro call in a page that says it is generated; each is built
from the data once, with one pass over the entries.
"""

from __future__ import annotations

from studyguide.crossref.index import Index
from studyguide.load.guide import Guide
from studyguide.render.blocks import excerpt_links, pinyin, self_check, source_page, term, zh
from studyguide.render.links import md_link, md_text, relative

NOTICE = (
    '!!! info "Generated page"\n\n'
    "    This page is generated from `{data}` by the `{macro}()` macro at build time. "
    "To change it, edit `{data}`, not this page.\n\n"
)


def _page_links(page: str, pages: list[str], titles: dict[str, str]) -> str:
    return ", ".join(md_link(titles.get(p, p), relative(page, p)) for p in sorted(pages, key=lambda p: titles.get(p, p)))


def people_page(guide: Guide, index: Index, page: str) -> str:
    titles = index.page_titles
    out = [NOTICE.format(data="data/people.yaml", macro="people_page")]
    for kind, heading in (("person", "People"), ("organization", "Organizations")):
        out.append(f"## {heading}\n")
        records = sorted((r for r in guide.people.values() if r["kind"] == kind), key=lambda r: r["name"].lower())
        for r in records:
            name = md_text(r["name"]) + (f" {zh(r['hanzi'])}" if r.get("hanzi") else "")
            out.append(f"### {name} {{#{r.key}}}\n")
            out.append('<div class="who-entry" markdown>\n')
            if r.get("hanzi"):
                out.append(f"{zh(r['hanzi'])} · {pinyin(r['pinyin'])}\n")
            out.append(md_text(r["about"]) + "\n")
            if r.get("aliases"):
                out.append("**Also named:** " + ", ".join(md_text(a) for a in r["aliases"]) + "\n")
            out.append("**Sources:** " + ", ".join(md_link(guide.sources[s]["short"], relative(page, source_page(s))) for s in r["sources"]) + "\n")
            if index.person_excerpts.get(r.key):
                out.append("**Excerpts:** " + excerpt_links(guide, page, index.person_excerpts[r.key]) + "\n")
            if index.person_pages.get(r.key):
                out.append("**Mentioned in:** " + _page_links(page, index.person_pages[r.key], titles) + "\n")
            out.append("</div>\n")
    return "\n".join(out) + "\n"


def timeline_page(guide: Guide, page: str) -> str:
    out = [NOTICE.format(data="data/timeline.yaml", macro="timeline_page")]
    out.append("Dates are given exactly as the source texts give them. *Approximate* marks an event the texts date only roughly, or whose year is inferred.\n")
    out.append("| When | Event | Dated by |\n|---|---|---|")
    for event in sorted(guide.timeline, key=lambda e: e["year"]):
        when = md_text(event["when"]) + (" <em>(approximate)</em>" if event.get("approximate") else "")
        source = guide.sources[event["source"]]
        target = relative(page, source_page(event["source"]), event.get("excerpt"))
        label = source["short"] + (", excerpt" if event.get("excerpt") else "")
        out.append(f"| {when} | {md_text(' '.join(event['event'].split()))} | {md_link(label, target)} |")
    return "\n".join(out) + "\n"


def tracker_page(guide: Guide, index: Index, page: str) -> str:
    sources = list(guide.sources)
    out = [NOTICE.format(data="data/excerpts/", macro="tracker_page")]
    out.append("Rows are the guide's concepts, columns the five sources. Each number links to an excerpt in which that source treats that concept; a dash means the source's excerpts are silent on it.\n")
    out.append("| Concept | " + " | ".join(md_link(guide.sources[s]["short"], relative(page, source_page(s))) for s in sources) + " |")
    out.append("|---|" + "---|" * len(sources))
    for entry in guide.glossary.sorted():
        ids = index.term_excerpts.get(entry.key, [])
        if not ids:
            continue
        cells = []
        for s in sources:
            mine = [i for i in ids if guide.excerpts[i]["source"] == s]
            links = [md_link(str(n), relative(page, source_page(s), i), f"{guide.sources[s]['short']}, {guide.excerpts[i]['location']}") for n, i in enumerate(mine, 1)]
            cells.append(" ".join(links) if links else '<span role="img" aria-label="silent">—</span>')
        out.append(f"| {term(guide, page, entry.key)} | " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def review_page(guide: Guide, index: Index, page: str) -> str:
    """Every theme's self-check questions on one page, grouped by theme."""
    out = [NOTICE.format(data="data/selfcheck.yaml", macro="review_page")]
    for theme in guide.selfcheck:
        target = f"themes/{theme}.md"
        title = index.page_titles.get(target, theme)
        out.append(f"## {md_text(title)}\n")
        out.append(f"From the chapter {md_link(title, relative(page, target))}.\n")
        out.append(self_check(guide, page, theme))
    return "\n".join(out) + "\n"
