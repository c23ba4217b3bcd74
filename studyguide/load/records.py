"""Load the other data files (sources, excerpts, who's who, timeline, self-check,
positions) strictly."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studyguide.errors import GuideError, Problem
from studyguide.load import schema
from studyguide.load.cache import Checks
from studyguide.load.pinyin import check_remembered
from studyguide.load.yaml_strict import Lines


@dataclass(frozen=True)
class Record:
    """One keyed entry of a data file, with where it was defined."""

    key: str
    data: dict
    file: str
    line: int | None

    def __getitem__(self, name):
        return self.data[name]

    def get(self, name, default=None):
        return self.data.get(name, default)


def load_mapping(
    path: Path, schema_name: str, display: str, checks: Checks | None = None
) -> tuple[dict[str, Record], Lines]:
    """A YAML mapping of records, checked against its schema; raises on any problem."""
    data, lines = schema.load_checked(path, schema_name, display, checks)
    return {
        k: Record(k, v if isinstance(v, dict) else {"items": v}, display, lines.get((k,)))
        for k, v in data.items()
    }, lines


def load_sources(path: Path, display: str, checks: Checks | None = None) -> dict[str, Record]:
    return load_mapping(path, "sources.schema.json", display, checks)[0]


def load_excerpts(
    folder: Path, display_root: str, checks: Checks | None = None
) -> dict[str, Record]:
    """Every data/excerpts/*.yaml merged; an id defined in two files is an error."""
    merged: dict[str, Record] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        display = f"{display_root}/{path.name}"
        records, _ = load_mapping(path, "excerpts.schema.json", display, checks)
        for key, record in records.items():
            if key in merged:
                first = merged[key]
                problems.append(
                    Problem(
                        display,
                        record.line,
                        key,
                        f"excerpt id already defined in {first.file}:{first.line}",
                    )
                )
            merged[key] = record
    if problems:
        raise GuideError(problems)
    return merged


def load_people(path: Path, display: str, checks: Checks | None = None) -> dict[str, Record]:
    checks = checks or Checks.at(None)
    records, lines = load_mapping(path, "people.schema.json", display, checks)
    problems = []
    for key, record in records.items():
        if record.get("official") and record["kind"] != "person":
            problems.append(
                Problem(
                    display,
                    lines.get((key, "official"), record.line),
                    key,
                    "'official: true' is for persons only; "
                    "an organization is listed with the organizations",
                )
            )
        if record.get("hanzi") and record.get("pinyin"):
            mismatch = check_remembered(record["hanzi"], record["pinyin"], checks.pinyin)
            if mismatch:
                problems.append(
                    Problem(display, lines.get((key, "pinyin"), record.line), key, mismatch)
                )
        elif record.get("hanzi") or record.get("pinyin"):
            problems.append(
                Problem(display, record.line, key, "give both hanzi and pinyin, or neither")
            )
    if problems:
        raise GuideError(problems)
    return records


MAX_MILESTONES = 12


def load_timeline(path: Path, display: str, checks: Checks | None = None) -> list[Record]:
    """Events with a normalized date whose precision matches its form, at most 12 milestones."""
    data, lines = schema.load_checked(path, "timeline.schema.json", display, checks)
    events = [
        Record(str(i), event, display, lines.get(("events", i)))
        for i, event in enumerate(data["events"])
    ]
    problems = []
    for event in events:
        wanted = "month" if len(event["date"]) == 7 else "year"
        if event["precision"] != wanted:
            problems.append(
                Problem(
                    display,
                    event.line,
                    event["date"],
                    f"precision '{event['precision']}' does not match the date; "
                    f"a date written '{event['date']}' has precision '{wanted}'",
                )
            )
    milestones = [e for e in events if e.get("milestone")]
    if len(milestones) > MAX_MILESTONES:
        extra = milestones[MAX_MILESTONES]
        problems.append(
            Problem(
                display,
                extra.line,
                extra["date"],
                f"{len(milestones)} events are marked milestone: true; "
                f"keep at most {MAX_MILESTONES} "
                f"(remove the flag from {len(milestones) - MAX_MILESTONES})",
            )
        )
    if problems:
        raise GuideError(problems)
    return events


def load_selfcheck(path: Path, display: str, checks: Checks | None = None) -> dict[str, Record]:
    """Each theme's questions; `lines` keeps where each question (i,) and each outline
    point (i, j) starts, so a bad reference names its own line."""
    records, lines = load_mapping(path, "selfcheck.schema.json", display, checks)
    for key, record in records.items():
        where = record.data["lines"] = {}
        for i, item in enumerate(record["items"]):
            where[(i,)] = lines.get((key, i), record.line)
            for j, _ in enumerate(item.get("outline", [])):
                where[(i, j)] = lines.get((key, i, "outline", j), where[(i,)])
    return records


def load_positions(
    folder: Path, display_root: str, checks: Checks | None = None
) -> dict[str, Record]:
    """Each theme's who-says-what rows (data/positions/<theme>.yaml), keyed by theme; the
    record's `lines` keeps where each row starts, so a bad row names its own line."""
    loaded: dict[str, Record] = {}
    for path in sorted(folder.glob("*.yaml")):
        display = f"{display_root}/{path.name}"
        data, lines = schema.load_checked(path, "positions.schema.json", display, checks)
        data["lines"] = [lines.get(("rows", i), 1) for i in range(len(data["rows"]))]
        loaded[path.stem] = Record(path.stem, data, display, 1)
    return loaded
