"""What cards and questions share: tags, text segments marked with their language, links."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from studyguide.load.guide import Guide

ZH = "zh-Hans"
PINYIN = "zh-Latn-pinyin"
GLOSSARY_PAGE = "glossary.md"
THEMES = "docs/themes"
_EXCERPT_CALL = re.compile(r'excerpt\(\s*"([a-z0-9-]+)"')
_TITLE = re.compile(r'^title:\s*"?(.*?)"?\s*$', re.MULTILINE)


def seg(text: str, lang: str | None = None) -> dict:
    """One run of text; `lang` marks Chinese or pinyin so the page sets lang= on it."""
    return {"text": text, "lang": lang} if lang else {"text": text}


def plain(text: str) -> str:
    """Excerpt Markdown as plain text: emphasis marks dropped, whitespace folded."""
    return " ".join(re.sub(r"(?<!\w)\*+|\*+(?!\w)", "", text).split())


@dataclass(frozen=True)
class Link:
    """A place in the guide: a docs-relative page and an optional anchor."""

    page: str
    anchor: str | None = None
    text: str = ""


def term_link(guide: Guide, key: str) -> Link:
    return Link(GLOSSARY_PAGE, key, f"Glossary: {guide.glossary.entries[key].term}")


def excerpt_link(guide: Guide, excerpt_id: str) -> Link:
    record = guide.excerpts[excerpt_id]
    source = guide.sources[record["source"]]
    return Link(
        f"sources/{record['source']}.md", excerpt_id, f"{source['short']}, {record['location']}"
    )


def section_link(guide: Guide, source_id: str, anchor: str) -> Link:
    """A section of a source page (anchor: its ### heading's id)."""
    return Link(f"sources/{source_id}.md", anchor, f"{guide.sources[source_id]['short']}, section")


def source_link(guide: Guide, source_id: str) -> Link:
    return Link(f"sources/{source_id}.md", None, guide.sources[source_id]["short"])


@dataclass
class Tags:
    """Deck and quiz membership: which sources, themes and categories an item belongs to."""

    source: set[str] = field(default_factory=set)
    theme: set[str] = field(default_factory=set)
    category: set[str] = field(default_factory=set)

    def as_json(self) -> dict:
        return {k: sorted(getattr(self, k)) for k in ("source", "theme", "category")}


@dataclass
class Context:
    """The guide plus the indexes cards and questions need, computed once."""

    guide: Guide
    theme_titles: dict[str, str]
    excerpt_themes: dict[str, set[str]]
    term_excerpts: dict[str, list[str]]

    def excerpt_tags(self, excerpt_id: str, category: str) -> Tags:
        return Tags(
            {self.guide.excerpts[excerpt_id]["source"]},
            set(self.excerpt_themes.get(excerpt_id, ())),
            {category},
        )

    def term_tags(self, key: str) -> Tags:
        entry = self.guide.glossary.entries[key]
        tags = Tags(category={entry.category or "other"})
        for excerpt_id in self.term_excerpts.get(key, ()):
            tags.source.add(self.guide.excerpts[excerpt_id]["source"])
            tags.theme |= self.excerpt_themes.get(excerpt_id, set())
        return tags

    def decks(self) -> dict:
        """Every deck name a page can offer, with a readable label."""
        categories = sorted(
            {e.category or "other" for e in self.guide.glossary.entries.values()}
            | {"excerpt", "timeline", "argument"}
        )
        return {
            "source": {k: s["short"] for k, s in self.guide.sources.items()},
            "theme": dict(sorted(self.theme_titles.items(), key=lambda kv: kv[1])),
            "category": {c: c.capitalize() for c in categories},
        }


def themes(guide: Guide) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Theme chapters (docs/themes/<key>.md) by title, and the themes each excerpt serves:
    the excerpts a chapter quotes and those its self-check answers rest on."""
    titles: dict[str, str] = {}
    of_excerpt: dict[str, set[str]] = defaultdict(set)
    for path in sorted(Path(guide.root, THEMES).glob("*.md")):
        if path.stem == "index":
            continue
        text = path.read_text(encoding="utf-8")
        match = _TITLE.search(text)
        titles[path.stem] = match.group(1) if match else path.stem
        for excerpt_id in _EXCERPT_CALL.findall(text):
            of_excerpt[excerpt_id].add(path.stem)
    for theme, record in guide.selfcheck.items():
        for item in record["items"]:
            for excerpt_id in item["excerpts"]:
                of_excerpt[excerpt_id].add(theme)
    return titles, {k: {t for t in v if t in titles} for k, v in of_excerpt.items()}


def context(guide: Guide) -> Context:
    titles, of_excerpt = themes(guide)
    term_excerpts: dict[str, list[str]] = defaultdict(list)
    for excerpt_id, record in guide.excerpts.items():
        for key in record["terms"]:
            term_excerpts[key].append(excerpt_id)
    return Context(guide, titles, of_excerpt, dict(term_excerpts))
