"""Questions from the timeline (data/timeline.yaml): when did it happen (event → year, for
an event that does not give its year away), which source says this (for an event that does
not name its source), and which of four events came first. Each explanation names the
wrong options' years, or gives the four events in order."""

from __future__ import annotations

import random
import re

from studyguide.practice.choices import CHOICES, SEED, ask, distractors
from studyguide.practice.context import Context, Tags, excerpt_link, seg, source_link
from studyguide.practice.validate import Option, Question

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _event_link(ctx: Context, event):
    return (
        excerpt_link(ctx.guide, event["excerpt"])
        if event.get("excerpt")
        else source_link(ctx.guide, event["source"])
    )


def _names(ctx: Context, source_id: str) -> list[str]:
    source = ctx.guide.sources[source_id]
    words = [p["family"] for p in source["people"] if p.get("family")] + [
        source.get("container") or ""
    ]
    words += [
        r["speaker"]
        for r in ctx.guide.excerpts.values()
        if r["source"] == source_id and r.get("speaker")
    ]
    return [w for w in words if w] + ["commenter", "commentary", "blog", "interview", "Herald"]


def _gist(event, words: int = 9) -> str:
    """An event's first words, for an explanation that names several events."""
    text = event["event"].split()
    return " ".join(text[:words]) + ("…" if len(text) > words else "")


def _year(event) -> int | None:
    """An event's year (timeline dates are "YYYY" or "YYYY-MM")."""
    return int(event["date"][:4]) if event.get("date") else None


def event_questions(ctx: Context) -> list[Question]:
    g, out = ctx.guide, []
    dated = [e for e in g.timeline if not e.get("approximate")]
    for i, e in enumerate(dated):
        eid, tags = f"{e['source']}-{_year(e)}-{i}", Tags({e["source"]}, set(), {"timeline"})
        short = g.sources[e["source"]]["short"]
        if not _YEAR.search(e["event"]):
            wrong = distractors(dated, e, _year, CHOICES - 1, f"year:{eid}")
            why = (
                f"{short} dates it “{e['when']}”. The other years: "
                + "; ".join(f"{_year(o)}, {_gist(o)}" for o in wrong)
                + "."
            )
            out.append(
                ask(
                    f"event-year:{eid}",
                    "event-year",
                    [seg("When? "), seg(e["event"])],
                    Option([seg(str(_year(e)))], {"year": _year(e)}),
                    [Option([seg(str(_year(o)))], {"year": _year(o)}) for o in wrong],
                    why,
                    _event_link(ctx, e),
                    tags,
                    e.file,
                    e.line,
                )
            )
        if not any(n.casefold() in e["event"].casefold() for n in _names(ctx, e["source"])):
            wrong = distractors(sorted(g.sources), e["source"], str, CHOICES - 1, f"claim:{eid}")
            out.append(
                ask(
                    f"claim-source:{eid}",
                    "claim-source",
                    [seg("Which source says this? "), seg(e["event"])],
                    Option([seg(g.sources[e["source"]]["short"])], {"source": e["source"]}),
                    [Option([seg(g.sources[s]["short"])], {"source": s}) for s in wrong],
                    f"Only {short} reports this, dated “{e['when']}”; "
                    "the other sources do not mention it.",
                    _event_link(ctx, e),
                    tags,
                    e.file,
                    e.line,
                )
            )
    rng = random.Random(SEED)
    for n in range(len(dated) // 3):
        group = distractors(dated, {}, _year, CHOICES, f"order:{n}")
        first = min(group, key=_year)
        out.append(
            ask(
                f"event-order:{n}",
                "event-order",
                [seg("Which of these came first?")],
                Option([seg(first["event"])], {"year": _year(first)}),
                [Option([seg(o["event"])], {"year": _year(o)}) for o in group if o is not first],
                "In order: "
                + "; ".join(f"{o['when']}, {_gist(o)}" for o in sorted(group, key=_year))
                + ".",
                _event_link(ctx, first),
                Tags({first["source"]}, set(), {"timeline"}),
                first.file,
                first.line,
            )
        )
        rng.random()
    return out
