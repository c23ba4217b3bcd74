"""The guide's pages as EPUB content documents, one per page, in the PDF's order.

Each page's article (studyguide/outputs/book/extract.py) becomes text/<slug>.xhtml. Links
are resolved against the page's URL on the site and remapped:

- a term link (to terms/<key>/ from any other page) becomes a popup note: an
  `epub:type="noteref"` link to an `epub:type="footnote"` aside at the end of the
  chapter holding the term's short card (hanzi, pinyin, English, definition, taken from
  the built term page) and a link to the term's page in the book; reading systems that
  support popups show the card in place, others jump to the aside;
- a link to another page of the guide points to that page's file (and its anchor);
- everything else (the web, the site's downloads) stays a web link, made absolute.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

from studyguide.outputs.book.extract import PageContent
from studyguide.outputs.epub.xhtml import serialize, tag_of

FAKE_HOST = "guide.invalid"  # resolves relative links without the network
TERMS_URL = "terms/"


def file_name(slug: str) -> str:
    return f"{slug}.xhtml"


@dataclass
class Chapter:
    content: PageContent
    notes: dict[str, str] = field(default_factory=dict)  # term key -> its card, in order of use

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
        self.cards = {
            c.content.page.url: term_card(c)
            for c in chapters
            if c.content.page.url.startswith(TERMS_URL)
        }
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
            a.set(
                "href",
                urljoin(self.site_url, path)
                + (f"#{resolved.fragment}" if resolved.fragment else ""),
            )
        if target is None:
            self.report.external += 1
            return
        if path in self.cards and not fragment and target is not chapter:
            key = path.removeprefix(TERMS_URL).strip("/")
            chapter.notes.setdefault(key, self.cards[path])
            a.set("href", f"#note-{key}")
            a.set("epub:type", "noteref")
            a.set("role", "doc-noteref")
            self.report.notes += 1
            return
        self.report.internal += 1
        same = target is chapter
        if fragment and fragment not in target.content.ids:
            self.report.problems.append(
                f"{chapter.content.page.dest}: {href}: no id {fragment!r} on "
                f"{target.content.page.dest}; linked to the page's start"
            )
            fragment = ""
        a.set(
            "href",
            (
                f"#{fragment}"
                if same and fragment
                else target.file + (f"#{fragment}" if fragment else "")
            ),
        )


def term_card(chapter: Chapter) -> str:
    """A term's short card, as XHTML, from its built term page (so its Chinese and pinyin
    carry the site's language marks): the headline (hanzi, romanization, English), the
    facts line (pinyin, traditional form) and the definition, links unwrapped, then a link
    to the term's page in the book."""
    key = chapter.content.page.url.removeprefix(TERMS_URL).strip("/")
    article = chapter.content.article
    heading = next((x for x in article.iter() if tag_of(x) == "h1"), None)
    title = copy.deepcopy(heading) if heading is not None else ET.Element("strong")
    title.tag, title.attrib = "strong", {}
    for link in [x for x in title if tag_of(x) == "a"]:  # the heading's permalink
        title.remove(link)
    paragraphs = [copy.deepcopy(p) for p in article if tag_of(p) == "p"][:2]
    for element in [title, *paragraphs]:
        for a in [x for x in element.iter() if tag_of(x) == "a"]:
            a.tag, a.attrib = "span", {}
    return (
        f'<aside epub:type="footnote" role="doc-footnote" id="note-{key}" class="term-card">'
        f"<p>{serialize(title)}</p>{''.join(serialize(p) for p in paragraphs)}"
        f'<p><a href="{chapter.file}">The term\'s page</a></p></aside>'
    )


def chapter_body(chapter: Chapter) -> str:
    """The chapter's XHTML body: the article as a <section>, then its term cards."""
    article = chapter.content.article
    article.tag, article.tail = "section", None
    article.attrib = {"id": f"page-{chapter.slug}", "class": "chapter"}
    notes = "".join(chapter.notes.values())
    return serialize(article) + (f'<section class="term-cards">{notes}</section>' if notes else "")
