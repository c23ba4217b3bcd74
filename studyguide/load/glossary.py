"""The glossary: load glossary.yaml strictly and answer questions about its entries."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from studyguide.errors import GuideError, Problem, did_you_mean
from studyguide.load import schema
from studyguide.load.cache import Checks
from studyguide.load.pinyin import check_remembered, toneless

SCHEMA = "glossary.schema.json"


@dataclass(frozen=True)
class Entry:
    key: str
    hanzi: str
    pinyin: str
    english: str
    definition: str
    term: str
    traditional: str | None = None
    aliases: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    category: str | None = None
    notes: str | None = None
    language: str | None = None  # the guide's own note on the word (studyguide.load.glossary_notes)
    line: int | None = None
    notes_line: int | None = None
    language_line: int | None = None

    @property
    def sort_key(self) -> str:
        """Order by romanization, ignoring case, tone marks and punctuation."""
        plain = toneless(self.term).lower()
        return "".join(c for c in unicodedata.normalize("NFKD", plain) if c.isalnum() or c == " ")

    @property
    def letter(self) -> str:
        return self.sort_key[:1].upper()

    @property
    def summary(self) -> str:
        """The definition's first sentence (the touch card's one line)."""
        first = self.definition.split(". ")[0].rstrip(".")
        return " ".join(first.split()) + "."

    @property
    def tooltip(self) -> str:
        """Plain text for the link title (docs/javascripts/guide.js shows it as a tooltip)."""
        return f"{self.hanzi} · {self.pinyin} · {self.english}"


@dataclass
class Glossary:
    path: str
    entries: dict[str, Entry] = field(default_factory=dict)

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def __iter__(self):
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, key: str, where: str) -> Entry:
        """The entry for `key`; an unknown key names the page and the nearest key."""
        try:
            return self.entries[key]
        except KeyError:
            raise GuideError(
                Problem(
                    where,
                    None,
                    key,
                    f"unknown glossary term{did_you_mean(key, self.entries)}; "
                    f"terms are the keys of {self.path}",
                )
            ) from None

    def sorted(self) -> list[Entry]:
        return sorted(self.entries.values(), key=lambda e: (e.sort_key, e.key))

    def backlinks(self) -> dict[str, list[str]]:
        """Key -> keys of entries whose see_also names it (for 'see also' both ways)."""
        back: dict[str, list[str]] = {k: [] for k in self.entries}
        for entry in self.entries.values():
            for other in entry.see_also:
                back[other].append(entry.key)
        return back


def default_term(key: str) -> str:
    return key.replace("-", " ")


def load_glossary(
    path: Path,
    display: str = "glossary.yaml",
    checks: Checks | None = None,
    check_pinyin: bool = True,
) -> Glossary:
    """Load and check glossary.yaml; raise GuideError listing every problem.
    check_pinyin=False: for a step that reads a glossary the build has already checked
    (the PDF and EPUB), without loading jieba's dictionary to check each pinyin again."""
    checks = checks or Checks.at(None)
    data, lines = schema.load_checked(path, SCHEMA, display, checks)
    problems: list[Problem] = []
    glossary = Glossary(display)
    for key, raw in data.items():
        glossary.entries[key] = Entry(
            key=key,
            term=raw.get("term") or default_term(key),
            hanzi=raw["hanzi"].strip(),
            pinyin=raw["pinyin"].strip(),
            english=raw["english"].strip(),
            definition=raw["definition"].strip(),
            traditional=raw.get("traditional"),
            aliases=tuple(raw.get("aliases", ())),
            see_also=tuple(raw.get("see_also", ())),
            category=raw.get("category"),
            notes=raw.get("notes", "").strip() or None,
            language=raw.get("language", "").strip() or None,
            line=lines.get((key,)),
            notes_line=lines.get((key, "notes")),
            language_line=lines.get((key, "language")),
        )
    for entry in glossary.entries.values():
        for i, other in enumerate(entry.see_also):
            if other not in glossary.entries:
                line = lines.get((entry.key, "see_also", i), entry.line)
                problems.append(
                    Problem(
                        display,
                        line,
                        entry.key,
                        f"see_also names '{other}', which is not an entry"
                        f"{did_you_mean(other, glossary.entries)}",
                    )
                )
            elif other == entry.key:
                problems.append(
                    Problem(
                        display,
                        lines.get((entry.key, "see_also", i), entry.line),
                        entry.key,
                        "see_also names the entry itself",
                    )
                )
        mismatch = check_pinyin and check_remembered(
            entry.hanzi, entry.pinyin, checks.pinyin, grouped=True
        )
        if mismatch:
            problems.append(
                Problem(display, lines.get((entry.key, "pinyin"), entry.line), entry.key, mismatch)
            )
    problems += duplicates(glossary, lines)
    if problems:
        raise GuideError(problems)
    return glossary


def duplicates(glossary: Glossary, lines) -> list[Problem]:
    """An entry whose hanzi or an alias is another entry's hanzi, English or alias: the
    glossary would list one term twice."""
    problems: list[Problem] = []
    seen: dict[str, tuple[str, Entry]] = {}
    for entry in glossary.entries.values():
        names = [("hanzi", entry.hanzi, ("hanzi",))]
        names += [("english", entry.english, ("english",))]
        names += [("alias", alias, ("aliases", i)) for i, alias in enumerate(entry.aliases)]
        mine = set()
        for kind, name, path in names:
            folded = name.strip().casefold()
            if folded in mine:
                continue
            mine.add(folded)
            if folded in seen and kind != "english":
                what, first = seen[folded]
                line = lines.get((entry.key, *path), entry.line)
                problems.append(
                    Problem(
                        glossary.path,
                        line,
                        entry.key,
                        f"{kind} '{name}' is also the {what} of '{first.key}' "
                        f"(line {first.line}); "
                        "keep one entry and merge the other into it (an alias, a note)",
                    )
                )
            seen.setdefault(folded, (kind, entry))
    return problems


def order(glossary: Glossary) -> list[Problem]:
    """Keys in alphabetical order, so a contributor finds an entry (and its duplicate).
    A rule of the guide's own glossary.yaml (studyguide.check), not of the file format."""
    keys = list(glossary.entries)
    for before, after in zip(keys, keys[1:], strict=False):
        if after < before:
            place = next(k for k in keys if k > after)
            return [
                Problem(
                    glossary.path,
                    glossary.entries[after].line,
                    after,
                    f"key out of alphabetical order; move the entry before '{place}' "
                    f"(line {glossary.entries[place].line})",
                )
            ]
    return []
