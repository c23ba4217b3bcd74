"""Generated pages: who's who, timeline, concept tracker and review (the glossary and the
term pages have modules of their own).

Each is the output of one macro call in a page that says it is generated; each is built
from the data once, with one pass over the entries.
"""

from __future__ import annotations

import html

from studyguide.crossref.index import Index
from studyguide.load.guide import Guide
from studyguide.render.blocks import excerpt_links, pinyin, self_check, source_page, zh
from studyguide.render.links import md_link, md_text, relative

# For contributors only: an HTML comment (the page's edit button opens the data file).
NOTICE = "<!-- Generated page: made from {data} by the {macro}() macro at build time. Edit {data}, not this page. -->\n\n"


def _page_links(page: str, pages: list[str], titles: dict[str, str]) -> str:
    return ", ".join(
        md_link(titles.get(p, p), relative(page, p))
        for p in sorted(pages, key=lambda p: titles.get(p, p))
    )


PEOPLE_GROUPS = (
    (
        "authors",
        "Authors and speakers",
        "The people who wrote, put the questions or spoke in the five sources, source by source.",
    ),
    (
        "people",
        "Others the texts name",
        "Officials, scholars and others the texts name, the most cited first.",
    ),
    (
        "organizations",
        "Organizations",
        "Party and state bodies, organizations, publishers and institutions, the most cited first.",
    ),
)


def people_group(guide: Guide, record) -> str:
    """Which who's-who group a record belongs to: authors and speakers are the people
    data/sources.yaml names for a source; everyone else is a person or an organization."""
    if record["kind"] == "organization":
        return "organizations"
    return "authors" if record["name"] in _speakers(guide) else "people"


def _speakers(guide: Guide) -> dict[str, tuple[int, str, str]]:
    """Name -> (place in data/sources.yaml, role, source id) for each author or speaker."""
    out = {}
    for n, (sid, source) in enumerate(guide.sources.items()):
        for m, person in enumerate(source["people"]):
            out.setdefault(person["name"], (n * 10 + m, person.get("role", ""), sid))
    return out


def citations(index: Index, key: str) -> tuple[int, int]:
    """How much the guide cites a record: (excerpts that name it, guide pages that mention it)."""
    return len(index.person_excerpts.get(key, ())), len(index.person_pages.get(key, ()))


def people_order(guide: Guide, index: Index) -> dict[str, list]:
    """The who's-who groups in reading order. Authors and speakers come first, in the order
    data/sources.yaml lists the sources and their people; everyone else by how much the guide
    cites them (excerpts naming them plus guide pages mentioning them; ties: excerpts, then name)."""
    speakers = _speakers(guide)
    groups = {key: [] for key, _, _ in PEOPLE_GROUPS}
    for r in guide.people.values():
        groups[people_group(guide, r)].append(r)
    groups["authors"].sort(key=lambda r: speakers[r["name"]][0])
    for key in ("people", "organizations"):
        groups[key].sort(
            key=lambda r: (
                -sum(citations(index, r.key)),
                -citations(index, r.key)[0],
                r["name"].lower(),
            )
        )
    return groups


def people_page(guide: Guide, index: Index, page: str) -> str:
    titles = index.page_titles
    out = [NOTICE.format(data="data/people.yaml", macro="people_page")]
    groups = people_order(guide, index)
    out.append(
        "Principal figures first: "
        + ", ".join(
            f"[{title.lower() if n else title}](#{key})"
            for n, (key, title, _) in enumerate(PEOPLE_GROUPS)
            if groups[key]
        )
        + ". Under each name, one line: the role, the sources that name them and how many of the guide's excerpts "
        "and pages cite them (the count that orders the lists); open it for what the texts say.\n"
    )
    for key, heading, blurb in PEOPLE_GROUPS:
        if not groups[key]:
            continue
        out.append(f"## {heading} {{#{key}}}\n")
        out.append(blurb + "\n")
        for r in groups[key]:
            out.append(_person(guide, index, page, r, titles))
    return "\n".join(out) + "\n"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def person_line(guide: Guide, index: Index, r) -> str:
    """The one short line under a name: role, sources, how many excerpts and guide pages
    cite them ("Official · Shi (2014) · 1 excerpt, 4 pages")."""
    speaker = _speakers(guide).get(r["name"])
    shorts = [guide.sources[s]["short"] for s in r["sources"]]
    if speaker:
        parts = [speaker[1].capitalize() or "Named", guide.sources[speaker[2]]["short"]]
    else:
        named = shorts[0] if len(shorts) == 1 else f"{len(shorts)} sources"  # one line on a phone
        parts = ["Official", named] if r.get("official") else [named]
    excerpts, pages = citations(index, r.key)
    cited = ", ".join(_plural(n, w) for n, w in ((excerpts, "excerpt"), (pages, "page")) if n)
    return md_text(" · ".join(parts + ([cited] if cited else [])))


def _person(guide: Guide, index: Index, page: str, r, titles: dict[str, str]) -> str:
    name = md_text(r["name"]) + (f" {zh(r['hanzi'])}" if r.get("hanzi") else "")
    out = [
        f"### {name} {{#{r.key} .who-name}}\n",
        '<details class="who-more" markdown>',
        f"<summary>{person_line(guide, index, r)}</summary>\n",
    ]
    if r.get("hanzi"):
        out.append(f"{zh(r['hanzi'])} · {pinyin(r['pinyin'])}\n")
    out.append(md_text(r["about"]) + "\n")
    if r.get("aliases"):
        out.append("**Also named:** " + ", ".join(md_text(a) for a in r["aliases"]) + "\n")
    out.append(
        "**Sources:** "
        + ", ".join(
            md_link(guide.sources[s]["short"], relative(page, source_page(s))) for s in r["sources"]
        )
        + "\n"
    )
    if index.person_excerpts.get(r.key):
        out.append(
            "**Excerpts:** " + excerpt_links(guide, page, index.person_excerpts[r.key]) + "\n"
        )
    if index.person_pages.get(r.key):
        out.append(
            "**Mentioned in:** " + _page_links(page, index.person_pages[r.key], titles) + "\n"
        )
    out.append("</details>\n")
    return "\n".join(out)


def timeline_order(guide: Guide) -> list:
    """The events in date order ("YYYY" sorts before "YYYY-MM"); the n-th has id event-n."""
    return sorted(guide.timeline, key=lambda e: e["date"])


def event_anchor(guide: Guide, event) -> str:
    return f"event-{next(n for n, e in enumerate(timeline_order(guide), 1) if e is event)}"


def timeline_page(guide: Guide, page: str) -> str:
    events = timeline_order(guide)
    number = {id(e): n for n, e in enumerate(events, 1)}
    out = [NOTICE.format(data="data/timeline.yaml", macro="timeline_page")]
    out.append(
        "Each event has a date in one form (a month only where the text names one; *c.* marks a year the texts give only roughly, or that the guide infers) beside the source's own words.\n"
    )
    milestones = [e for e in events if e.get("milestone")]
    if milestones:
        out.append("## Key milestones {#milestones}\n")
        out.append('<div class="timeline-milestones" markdown>\n')
        out += [
            f"1. [**{display_date(e)}**](#event-{number[id(e)]}) {md_text(' '.join(e['event'].split()))}"
            for e in milestones
        ]
        out.append("\n</div>\n")
    out.append("## All events {#events}\n")
    buttons = "".join(
        f'<button type="button" data-source="{s}" aria-pressed="false">{html.escape(guide.sources[s]["short"])}</button>'
        for s in guide.sources
    )
    out.append(
        f'<div class="timeline-filter" hidden role="group" aria-label="Show the events a source dates"><button type="button" data-source="" aria-pressed="true">All sources</button>{buttons} <span class="timeline-count" aria-live="polite"></span></div>\n'
    )
    # On a phone guide.css sets each row as one entry (date, event, then the text's words and
    # the source in small type) instead of a card of four labelled cells.
    out.append('<div class="timeline-events" markdown>\n')
    out.append("| Date | Event | In the source's words | Dated by |\n|---|---|---|---|")
    for e in events:
        source = guide.sources[e["source"]]
        target = relative(page, source_page(e["source"]), e.get("excerpt"))
        label = source["short"] + (", excerpt" if e.get("excerpt") else "")
        date = f'<span id="event-{number[id(e)]}"></span>{display_date(e)}'
        out.append(
            f"| {date} | {md_text(' '.join(e['event'].split()))} | {md_text(e['when'])} | {md_link(label, target)} |"
        )
    out.append("\n</div>")
    return "\n".join(out) + "\n"


MONTHS = (
    "January February March April May June July August September October November December".split()
)


def display_date(event) -> str:
    """The one date format: '2013', 'November 2013', 'c. 1985' (approximate)."""
    year, _, month = event["date"].partition("-")
    text = f"{MONTHS[int(month) - 1]}&nbsp;{year}" if month else year
    return f"c.&nbsp;{text}" if event.get("approximate") else text


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
