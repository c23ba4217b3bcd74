"""Cross-indexes computed once per build: which excerpts use which terms and people,
and which pages use which terms, excerpts and people. Each is one pass over the data,
so cost grows linearly with content."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from studyguide.load.guide import Guide
from studyguide.text import HAN_RUN, fold, has_hanzi

LATIN_WORD = re.compile(r"[a-z0-9\u00c0-\u024f]+(?:['-][a-z0-9\u00c0-\u024f]+)*")


class Matcher:
    """Finds which keys' names occur in a text, in time linear in the text's length.

    Latin-script names match as whole words ("post-danwei" is not "danwei"); Chinese
    names match longest first, so 单位 inside 业务主管单位 counts for the longer term only.
    """

    def __init__(self, needles: dict[str, list[str]]):
        self.order = {key: i for i, key in enumerate(needles)}
        self.words: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.hanzi: dict[str, set[str]] = defaultdict(set)
        for key, names in needles.items():
            for name in names:
                folded = fold(name).lower()
                if has_hanzi(folded):
                    for run in HAN_RUN.findall(folded):  # 广覆盖、低水平: each phrase counts
                        self.hanzi[run].add(key)
                elif words := tuple(LATIN_WORD.findall(folded)):
                    self.words[words].add(key)
        self.word_lengths = sorted({len(w) for w in self.words}, reverse=True)
        self.hanzi_lengths = sorted({len(h) for h in self.hanzi}, reverse=True)

    def find(self, text: str) -> list[str]:
        folded = fold(text).lower()
        hits: set[str] = set()
        tokens = LATIN_WORD.findall(folded)
        for i in range(len(tokens)):
            for n in self.word_lengths:
                hits |= self.words.get(tuple(tokens[i : i + n]), set())
        for run in HAN_RUN.findall(folded):
            i = 0
            while i < len(run):
                for length in self.hanzi_lengths:
                    keys = self.hanzi.get(run[i : i + length])
                    if keys:
                        hits |= keys
                        i += length
                        break
                else:
                    i += 1
        return sorted(hits, key=self.order.__getitem__)


def term_needles(entry) -> list[str]:
    return [entry.term, entry.hanzi, entry.english, *entry.aliases]


def person_needles(record) -> list[str]:
    return [
        record["name"],
        *(record.get("aliases") or []),
        *([record["hanzi"]] if record.get("hanzi") else []),
    ]


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


def build_index(guide: Guide) -> Index:
    """Which excerpts use which terms and people; page uses are added by record_use."""
    index = Index()
    terms = Matcher({e.key: term_needles(e) for e in guide.glossary.entries.values()})
    people = Matcher({k: person_needles(r) for k, r in guide.people.items()})
    for excerpt in guide.excerpts.values():
        keys = list(dict.fromkeys([*excerpt["terms"], *terms.find(excerpt["text"])]))
        index.excerpt_terms[excerpt.key] = keys
        for key in keys:
            index.term_excerpts[key].append(excerpt.key)
        who = list(dict.fromkeys([*excerpt.get("people", []), *people.find(excerpt["text"])]))
        index.excerpt_people[excerpt.key] = who
        for key in who:
            index.person_excerpts[key].append(excerpt.key)
    return index


def record_use(guide: Guide, index: Index, page: str, title: str, macro: str, key: str) -> None:
    """Note that `page` (titled `title`) called `macro` with `key`, as it renders.

    Called by the macros a page's own Markdown calls (not by the generated pages), so
    the glossary's "Used in" lists exactly the pages that cite a term: an example shown
    inside {% raw %} is not a use. Generated pages render after all others
    (macros/hooks/generated_last.py), so by then every use is recorded."""
    index.page_titles.setdefault(page, title)
    if macro == "term":
        _add(index.term_pages, key, page)
    elif macro == "who":
        _add(index.person_pages, key, page)
    elif macro in ("excerpt", "key_excerpts"):
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
