"""The guide's pages as EPUB content documents, one per page, in the PDF's order.

Each page's article (studyguide/outputs/site_pages.py) becomes text/<slug>.xhtml. Links
are resolved against the page's URL on the site and remapped:

- a term link (to glossary/#<key> from any other page) becomes a popup note: an
  `epub:type="noteref"` link to an `epub:type="footnote"` aside at the end of the
  chapter holding the term's short card (hanzi, pinyin, English, definition, taken from
  the built glossary page) and a link to its full glossary entry; reading systems that support popups show the card in
  place, others jump to the aside;
- a link to another page of the guide points to that page's file (and its anchor);
- everything else (the web, the site's downloads) stays a web link, made absolute.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

from studyguide.outputs.epub.xhtml import classes, serialize, tag_of
from studyguide.outputs.site_pages import PageContent

FAKE_HOST = "guide.invalid"           # resolves relative links without the network
GLOSSARY_URL = "glossary/"


def file_name(slug: str) -> str:
    return f"{slug}.xhtml"


@dataclass
class Chapter:
    content: PageContent
    notes: dict[str, str] = field(default_factory=dict)     # term key -> its card, in order of use

    @property
    def slug(self) -> str:
        return self.content.page.slug

    @property
    def file(self) -> str:
        return file_name(self.slug)


@dataclass
class LinkReport:
    internal: int = 0
    external: int = 0
    notes: int = 0
    problems: list[str] = field(default_factory=list)


class Remapper:
    """Rewrites every chapter's links (see the module's docstring)."""

    def __init__(self, chapters: list[Chapter], site_url: str):
        self.by_url = {c.content.page.url: c for c in chapters}
        glossary = self.by_url.get(GLOSSARY_URL)
        self.cards = term_cards(glossary.content.article) if glossary else {}
        self.site_url = site_url
        self.report = LinkReport()

    def rewrite(self, chapter: Chapter) -> None:
        for element in chapter.content.article.iter():
            if tag_of(element) == "a" and element.get("href") is not None:
                self._link(chapter, element)

    def _link(self, chapter: Chapter, a: ET.Element) -> None:
        href = a.get("href").strip()
        resolved = urlsplit(urljoin(f"https://{FAKE_HOST}/{chapter.content.page.url}", href))
        path = unquote(resolved.path).lstrip("/").removesuffix("index.html")
        fragment = unquote(resolved.fragment)
        target = self.by_url.get(path) if resolved.netloc == FAKE_HOST else None
        if resolved.netloc == FAKE_HOST and target is None:
            # The site's own file outside the book (a download): its address on the web.
            a.set("href", urljoin(self.site_url, path) + (f"#{resolved.fragment}" if resolved.fragment else ""))
        if target is None:
            self.report.external += 1
            return
        if path == GLOSSARY_URL and fragment in self.cards and chapter.content.page.url != GLOSSARY_URL:
            chapter.notes.setdefault(fragment, self.cards[fragment])
            a.set("href", f"#note-{fragment}")
            a.set("epub:type", "noteref")
            a.set("role", "doc-noteref")
            self.report.notes += 1
            return
        self.report.internal += 1
        same = target is chapter
        if fragment and fragment not in target.content.ids:
            self.report.problems.append(f"{chapter.content.page.dest}: {href}: no id {fragment!r} on "
                                        f"{target.content.page.dest}; linked to the page's start")
            fragment = ""
        a.set("href", (f"#{fragment}" if same and fragment else target.file + (f"#{fragment}" if fragment else "")))


def term_cards(glossary: ET.Element) -> dict[str, str]:
    """Each glossary entry's short card, as XHTML, taken from the built glossary page (so
    its Chinese and pinyin carry the site's language marks): the entry's heading, its
    facts line (hanzi, pinyin, English) and its definition, links unwrapped, then a link
    to the full entry."""
    cards: dict[str, str] = {}
    pairs = ((h, e) for parent in glossary.iter() for h, e in zip(list(parent), list(parent)[1:], strict=False))
    for heading, entry in pairs:
        if tag_of(heading) != "h3" or not heading.get("id") or "glossary-entry" not in classes(entry):
            continue
        key = heading.get("id")
        title = copy.deepcopy(heading)
        title.tag, title.attrib = "strong", {}
        paragraphs = [copy.deepcopy(p) for p in entry if tag_of(p) == "p"][:2]
        for element in [title, *paragraphs]:
            for a in [x for x in element.iter() if tag_of(x) == "a"]:
                a.tag, a.attrib = "span", {}
        cards[key] = (
            f'<aside epub:type="footnote" role="doc-footnote" id="note-{key}" class="term-card">'
            f"<p>{serialize(title)}</p>{''.join(serialize(p) for p in paragraphs)}"
            f'<p><a href="{file_name("glossary")}#{key}">Full entry in the glossary</a></p></aside>'
        )
    return cards


def chapter_body(chapter: Chapter) -> str:
    """The chapter's XHTML body: the article as a <section>, then its term cards."""
    article = chapter.content.article
    article.tag, article.tail = "section", None
    article.attrib = {"id": f"page-{chapter.slug}", "class": "chapter"}
    notes = "".join(chapter.notes.values())
    return serialize(article) + (f'<section class="term-cards">{notes}</section>' if notes else "")
