"""The timeline page (docs/timeline.md): every dated event in the sources, the key
milestones first, each beside the source's own words; and the one date format the term
pages use too."""

from __future__ import annotations

import html

from studyguide.load.guide import Guide
from studyguide.pages import NOTICE
from studyguide.render.blocks import source_page
from studyguide.render.links import md_link, md_text, relative


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
