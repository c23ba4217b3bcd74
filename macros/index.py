"""Cross-indexes computed once per build: which excerpts use which terms and people,
and which pages use which terms, excerpts and people. Each is one pass over the data,
so cost grows linearly with content."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .guide import Guide

CJK = re.compile(r"[\u3400-\u9fff]")


def fold(text: str) -> str:
    """Lowercase, straight quotes and hyphens, no emphasis marks."""
    table = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "*": None, "_": None})
    return text.translate(table).lower()


def _pattern(needles: list[str]) -> re.Pattern | None:
    """Whole-word matches of the Latin-script needles (Chinese ones: see _chinese_hits)."""
    parts = [rf"(?<![\w-]){re.escape(n)}(?![\w-])" for n in sorted({fold(n) for n in needles if n.strip() and not CJK.search(n)}, key=len, reverse=True)]
    return re.compile("|".join(parts)) if parts else None


def _chinese_hits(text: str, hanzi: dict[str, list[str]]) -> set[str]:
    """Keys whose hanzi occur in `text`, longest first: 单位 inside 业务主管单位 is the
    longer term's, not a mention of danwei."""
    found: set[str] = set()
    taken = [False] * len(text)
    for word, key in sorted(((w, k) for k, words in hanzi.items() for w in words), key=lambda wk: -len(wk[0])):
        for match in re.finditer(re.escape(word), text):
            if not any(taken[match.start():match.end()]):
                found.add(key)
                taken[match.start():match.end()] = [True] * (match.end() - match.start())
    return found


def term_needles(entry) -> list[str]:
    return [entry.term, entry.hanzi, entry.english, *entry.aliases]


def person_needles(record) -> list[str]:
    return [record["name"], *(record.get("aliases") or []), *([record["hanzi"]] if record.get("hanzi") else [])]


@dataclass
class Index:
    excerpt_terms: dict[str, list[str]] = field(default_factory=dict)
    term_excerpts: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    excerpt_people: dict[str, list[str]] = field(default_factory=dict)
    person_excerpts: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    term_pages: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    person_pages: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    excerpt_pages: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    page_titles: dict[str, str] = field(default_factory=dict)


def build_index(guide: Guide, docs_dir: Path | None = None) -> Index:
    index = Index()
    term_patterns = {e.key: _pattern(term_needles(e)) for e in guide.glossary.entries.values()}
    term_hanzi = {e.key: [n for n in term_needles(e) if CJK.search(n)] for e in guide.glossary.entries.values()}
    people_patterns = {k: _pattern(person_needles(r)) for k, r in guide.people.items()}
    people_hanzi = {k: [n for n in person_needles(r) if CJK.search(n)] for k, r in guide.people.items()}
    for excerpt in guide.excerpts.values():
        text = fold(excerpt["text"])
        hits = {k for k, p in term_patterns.items() if p and p.search(text)} | _chinese_hits(text, term_hanzi)
        keys = list(excerpt["terms"]) + sorted(hits - set(excerpt["terms"]), key=list(term_patterns).index)
        index.excerpt_terms[excerpt.key] = keys
        for key in keys:
            index.term_excerpts[key].append(excerpt.key)
        named = {k for k, p in people_patterns.items() if p and p.search(text)} | _chinese_hits(text, people_hanzi)
        who = list(excerpt.get("people", [])) + sorted(named - set(excerpt.get("people", [])), key=list(people_patterns).index)
        index.excerpt_people[excerpt.key] = who
        for key in who:
            index.person_excerpts[key].append(excerpt.key)
    if docs_dir is not None:
        scan_pages(guide, index, Path(docs_dir))
    return index


TITLE = re.compile(r"^title:\s*[\"']?(.+?)[\"']?\s*$|^#\s+(.+?)\s*$", re.M)
CALL = re.compile(r"\{\{-?\s*(term|who|excerpt|key_excerpts)\(\s*[\"']([^\"']+)[\"']")


def scan_pages(guide: Guide, index: Index, docs_dir: Path) -> None:
    """Which page calls term(), who(), excerpt() or key_excerpts() with which key."""
    for path in sorted(docs_dir.rglob("*.md")):
        page = path.relative_to(docs_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        title = TITLE.search(text)
        index.page_titles[page] = (title.group(1) or title.group(2)) if title else page
        for macro, key in CALL.findall(text):
            if macro == "term":
                _add(index.term_pages, key, page)
            elif macro == "who":
                _add(index.person_pages, key, page)
            else:
                ids = [key] if macro == "excerpt" else [e.key for e in guide.excerpts_of(key)]
                for excerpt_id in ids:
                    _add(index.excerpt_pages, excerpt_id, page)
                    for term in index.excerpt_terms.get(excerpt_id, ()):
                        _add(index.term_pages, term, page)
                    for person in index.excerpt_people.get(excerpt_id, ()):
                        _add(index.person_pages, person, page)


def _add(table: dict[str, list[str]], key: str, page: str) -> None:
    if page not in table[key]:
        table[key].append(page)
