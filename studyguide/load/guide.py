"""Everything the guide knows, loaded once per build and cross-checked.

A build whose data, pages and code are those of an earlier build that loaded them without
a problem gets that load's result back from the cache (load.memo), without parsing or
checking again; any changed byte loads and checks everything (the pinyin and schema checks
still skip the inputs load.cache remembers passing)."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path

from studyguide.errors import GuideError, Problem, did_you_mean
from studyguide.load import page_paths, records, schema
from studyguide.load.cache import Checks
from studyguide.load.glossary import Glossary, load_glossary
from studyguide.load.glossary_notes import note_problems
from studyguide.load.memo import code_key, digest, files_digest, kept
from studyguide.load.questions import load_questions, question_reference_problems
from studyguide.load.records import Record
from studyguide.load.theme_tags import Tag, load_theme_tags


@dataclass
class Guide:
    root: Path
    glossary: Glossary
    sources: dict[str, Record]
    excerpts: dict[str, Record]
    people: dict[str, Record]
    timeline: list[Record] = field(default_factory=list)
    selfcheck: dict[str, Record] = field(default_factory=dict)
    theme_tags: list[Tag] = field(default_factory=list)
    positions: dict[str, Record] = field(default_factory=dict)  # theme → who says what
    questions: dict[str, Record] = field(default_factory=dict)  # argument questions by id
    # What load_guide made it from (a digest of its inputs, our code and the libraries);
    # "" for a Guide made otherwise. Results worked out from it are remembered under it.
    key: str = field(default="", compare=False, repr=False)

    def source_of(self, excerpt: Record) -> Record:
        return self.sources[excerpt["source"]]

    def excerpts_of(self, source_id: str) -> list[Record]:
        """A source's excerpts in file order (the order they appear in the text)."""
        return [e for e in self.excerpts.values() if e["source"] == source_id]


_last: tuple[tuple, Guide] | None = None


def _inputs(root: Path) -> list[Path]:
    """Every file the loaded guide is made from: the data, its schemas, and the source and
    theme pages (theme tags' anchors, the questions' links)."""
    paths = [
        root / "glossary.yaml",
        *sorted((root / "data").rglob("*.yaml")),
        *sorted(p for p in schema.SCHEMA_DIR.iterdir() if p.name.endswith(".json")),
        *sorted((root / page_paths.DOCS / page_paths.SOURCES).glob("*.md")),
        *sorted((root / page_paths.DOCS / page_paths.THEMES).glob("*.md")),
    ]
    return [p for p in paths if p.exists()]


def _state(root: Path, paths: list[Path]) -> tuple:
    """Each input's path, size and change time: cheap to compare within one process."""
    return (root, *((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths))


def load_guide(root: Path) -> Guide:
    """Load every data file under `root` and check the references between them.

    Within one process, a second call with no data file changed returns the same Guide
    (a build's hooks and macros both need it); across builds, the cache returns the last
    good load of the same inputs (module docstring)."""
    global _last
    root = Path(root).resolve()
    paths = _inputs(root)
    state = _state(root, paths)
    if _last and _last[0] == state:
        return _last[1]
    key = digest(str(root), files_digest(root, paths), code_key())
    guide = kept(root, "guide.pickle", key, lambda: _load(root))
    guide.key = key
    _last = (state, guide)
    return guide


def _load(root: Path) -> Guide:
    """Parse and check every input (raises GuideError listing every problem)."""
    checks = Checks.at(root)

    def optional(loader, name: str, empty):
        return loader(root / name, name, checks) if (root / name).exists() else empty

    guide = Guide(
        root=root,
        glossary=load_glossary(root / "glossary.yaml", checks=checks),
        sources=records.load_sources(root / "data/sources.yaml", "data/sources.yaml", checks),
        excerpts=optional(records.load_excerpts, "data/excerpts", {}),
        people=optional(records.load_people, "data/people.yaml", {}),
        timeline=optional(records.load_timeline, "data/timeline.yaml", []),
        selfcheck=optional(records.load_selfcheck, "data/selfcheck.yaml", {}),
        positions=optional(records.load_positions, "data/positions", {}),
        questions=optional(load_questions, "data/questions", {}),
    )
    if (root / "data/theme-tags.yaml").exists():
        guide.theme_tags = load_theme_tags(
            root / "data/theme-tags.yaml",
            "data/theme-tags.yaml",
            guide.sources,
            root / "docs",
            checks,
        )
    check_references(guide)
    checks.save()
    return guide


def _ref(
    problems, record: Record, kind: str, value: str, valid, what: str, line: int | None = None
) -> None:
    if value not in valid:
        problems.append(
            Problem(
                record.file,
                line or record.line,
                record.key,
                f"{kind} '{value}' is not {what}{did_you_mean(value, valid)}",
            )
        )


def check_references(guide: Guide) -> None:
    """Every id a record names must exist: sources, glossary keys, people, excerpts."""
    problems: list[Problem] = []
    terms = guide.glossary.entries
    for excerpt in guide.excerpts.values():
        _ref(
            problems,
            excerpt,
            "source",
            excerpt["source"],
            guide.sources,
            "a source in data/sources.yaml",
        )
        if not excerpt.key.startswith(excerpt["source"] + "-"):
            problems.append(
                Problem(
                    excerpt.file,
                    excerpt.line,
                    excerpt.key,
                    f"excerpt id must start with its source id: '{excerpt['source']}-…'",
                )
            )
        for key in excerpt["terms"]:
            _ref(problems, excerpt, "term", key, terms, "a glossary key")
        for key in excerpt.get("people", []):
            _ref(problems, excerpt, "person", key, guide.people, "a key in data/people.yaml")
    for person in guide.people.values():
        for source in person["sources"]:
            _ref(problems, person, "source", source, guide.sources, "a source in data/sources.yaml")
    for event in guide.timeline:
        _ref(
            problems,
            event,
            "source",
            event["source"],
            guide.sources,
            "a source in data/sources.yaml",
        )
        if event.get("excerpt"):
            _ref(problems, event, "excerpt", event["excerpt"], guide.excerpts, "an excerpt id")
    for questions in guide.selfcheck.values():
        lines = questions.get("lines", {})
        for i, question in enumerate(questions["items"]):
            for excerpt_id in question["excerpts"]:
                _ref(
                    problems,
                    questions,
                    "excerpt",
                    excerpt_id,
                    guide.excerpts,
                    "an excerpt id",
                    lines.get((i,)),
                )
            for j, point in enumerate(question.get("outline", [])):
                for excerpt_id in point["excerpts"]:
                    _ref(
                        problems,
                        questions,
                        f"question {i + 1}, outline point {j + 1}: excerpt",
                        excerpt_id,
                        guide.excerpts,
                        "an excerpt id",
                        lines.get((i, j)),
                    )
    problems += position_problems(guide)
    problems += question_reference_problems(
        guide.questions, guide.excerpts, guide.sources, guide.root / "docs", theme_names(guide)
    )
    glossary_lines = (guide.root / "glossary.yaml").read_text(encoding="utf-8").splitlines()
    problems += note_problems(terms.values(), guide.sources, glossary_lines, guide.glossary.path)
    if problems:
        raise GuideError(problems)


def theme_names(guide: Guide) -> list[str]:
    """The theme chapters: docs/themes/<name>.md, but the index."""
    return [p.stem for p in page_paths.theme_files(guide.root / page_paths.DOCS)]


def position_problems(guide: Guide) -> list[Problem]:
    """Who-says-what rows name real sources (each once), a glossary term and a theme
    chapter that exists; ranks are used once each."""
    problems: list[Problem] = []
    themes = theme_names(guide)
    ranks: dict[int, str] = {}
    for theme, record in guide.positions.items():
        _ref(
            problems,
            record,
            "theme",
            theme,
            themes,
            "a theme chapter in docs/themes/ (the file's name is the theme's)",
        )
        _ref(problems, record, "term", record["term"], guide.glossary.entries, "a glossary key", 2)
        if record["rank"] in ranks:
            problems.append(
                Problem(
                    record.file,
                    3,
                    theme,
                    f"rank {record['rank']} is already {ranks[record['rank']]}'s; "
                    "give each theme its own rank",
                )
            )
        ranks.setdefault(record["rank"], theme)
        seen: set[str] = set()
        for row, line in zip(record["rows"], record["lines"], strict=True):
            _ref(
                problems,
                record,
                "source",
                row["source"],
                guide.sources,
                "a source in data/sources.yaml",
                line,
            )
            if row["source"] in seen:
                problems.append(
                    Problem(
                        record.file,
                        line,
                        theme,
                        f"source '{row['source']}' has two rows; give each source one row",
                    )
                )
            seen.add(row["source"])
    return problems


def once_per_guide(function=None, *, remember: str | None = None):
    """`function(guide)` worked out once per loaded Guide and reused while that Guide is
    the current one (load_guide returns the same object until a data file changes). The
    result is shared, so it should not be changed by its callers: return a tuple.

    With `remember="<name>"`, the result is also kept across builds (load.memo.kept, as
    .cache/<name>.pickle) under the guide's key, which digests every input and the code key
    (load.cache: the package and its libraries): for a function of the guide alone, using no other
    library. The guide inside the result is the current one, not a copy."""
    if function is None:
        return lambda f: once_per_guide(f, remember=remember)
    last: list = [None, None]  # a weak reference to the guide, and the result for it

    def work(guide: Guide):
        if not remember or not guide.key:
            return function(guide)
        return kept(
            guide.root, f"{remember}.pickle", guide.key, lambda: function(guide), {"guide": guide}
        )

    @wraps(function)
    def for_guide(guide: Guide):
        if last[0] is None or last[0]() is not guide:
            last[:] = [weakref.ref(guide), work(guide)]
        return last[1]

    return for_guide
