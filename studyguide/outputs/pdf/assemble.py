"""One HTML document from the pages: a cover (title, build date, licence), a table of
contents (page numbers by CSS target-counter), then one <section id="page--<slug>"> per
page; each nav section gets a title page, unless its first page has the section's title
(an index page), which then opens it."""

from __future__ import annotations

import datetime as dt
import html
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from studyguide import ROOT
from studyguide.outputs.book import build_date
from studyguide.outputs.book.extract import PageContent, add_class, extract_article, tag_of
from studyguide.outputs.book.nav import NavPage, NavSection, iter_pages
from studyguide.outputs.pdf.links import LinkMapper, LinkStats
from studyguide.repository import locate
from studyguide.text import VOID_ELEMENTS

LICENCE = "Text CC BY-SA 4.0; code MIT; quoted excerpts remain the work of their authors"


@dataclass
class Assembled:
    document: str
    stats: LinkStats
    contents: list[PageContent]


def serialize(element: ET.Element) -> str:
    """HTML for an ElementTree element (tinyhtml5's tree; namespaces dropped)."""
    out: list[str] = []

    def walk(e):
        tag = tag_of(e)
        if tag is None:
            out.append(html.escape(e.tail or "", quote=False))
            return
        attrs = "".join(f' {k.rsplit("}", 1)[-1]}="{html.escape(v)}"' for k, v in e.attrib.items())
        out.append(f"<{tag}{attrs}>")
        if tag not in VOID_ELEMENTS:
            if e.text:
                out.append(e.text if tag == "style" else html.escape(e.text, quote=False))
            for child in e:
                walk(child)
            out.append(f"</{tag}>")
        if e.tail:
            out.append(html.escape(e.tail, quote=False))

    walk(element)
    return "".join(out)


def _head_and_cover(config: dict, date: dt.date) -> tuple[str, str]:
    e = html.escape
    site_name = config["site_name"]
    description = " ".join((config.get("site_description") or "").split())
    head = (
        f"<meta charset='utf-8'><title>{e(site_name)}</title>"
        f"<meta name='author' content='{e(config.get('site_author') or '')}'>"
        f"<meta name='description' content='{e(description)}'>"
        f"<meta name='dcterms.created' content='{date.isoformat()}'>"
    )
    cover = (
        "<section class='pdf-cover' id='cover'>"
        f"<h1 class='pdf-cover-title'>{e(site_name)}</h1>"
        + (f"<p class='pdf-cover-description'>{e(description)}</p>" if description else "")
        + f"<p class='pdf-cover-date'>Built on {date.day} {date:%B %Y}</p>"
        + (
            "<p class='pdf-cover-url'>Online edition: "
            f"<a class='pdf-bare-url' href='{e(online)}'>{e(online)}</a></p>"
            if (online := locate(ROOT).site_url)
            else ""
        )  # SITE_URL or a GitHub origin's Pages address; else none
        + f"<p class='pdf-cover-licence'>{e(LICENCE)}</p>"
        "</section>"
    )
    return head, cover


def build_html(config: dict, outline: list, site_dir: Path) -> Assembled:
    contents = [
        extract_article(page, site_dir, config["site_name"]) for page in iter_pages(outline)
    ]
    by_slug = {c.page.slug: c for c in contents}
    mapper = LinkMapper(contents, site_dir, config.get("site_url"))
    for content in contents:
        mapper.rewrite(content)

    e = html.escape
    head, cover = _head_and_cover(config, build_date())
    toc: list[str] = [
        "<nav class='pdf-toc' id='contents'><h1 class='pdf-toc-title'>Contents</h1><ul>"
    ]
    body: list[str] = []

    def emit(items: list, opens: NavSection | None = None) -> None:
        """`opens`: the section whose index page this is (same title as the section): the
        page then stands for the section too, instead of a divider page."""
        for item in items:
            if isinstance(item, NavSection):
                first = (
                    item.children[0]
                    if item.children and isinstance(item.children[0], NavPage)
                    else None
                )
                merged = first is not None and by_slug[first.slug].title == item.title
                toc.append(
                    f"<li class='pdf-toc-part pdf-toc-l{item.level}'>"
                    f"<a href='#{item.slug}'>{e(item.title)}</a></li>"
                )
                if merged:
                    emit(item.children[:1], opens=item)
                    emit(item.children[1:])
                    continue
                pages = "".join(
                    f"<li>{e(by_slug[p.slug].title)}</li>" for p in iter_pages(item.children)
                )
                body.append(
                    f"<section class='pdf-part pdf-level-{item.level}' id='{item.slug}' "
                    f"data-bookmark='{e(item.title)}'>"
                    f"<h1 class='pdf-part-title'>{e(item.title)}</h1>"
                    f"<ul class='pdf-part-pages'>{pages}</ul></section>"
                )
                emit(item.children)
            else:
                body.append(_page_section(by_slug[item.slug], item, opens, toc))

    emit(outline)
    toc.append("</ul></nav>")
    document = (
        "<!DOCTYPE html>"
        f"<html lang='{e(config['theme'].get('language') or 'en')}'><head>{head}</head>"
        f"<body>{cover}{''.join(toc)}{''.join(body)}</body></html>"
    )
    return Assembled(document, mapper.stats, contents)


def _page_section(
    content: PageContent, item: NavPage, opens: NavSection | None, toc: list[str]
) -> str:
    e = html.escape
    content.article.tag, content.article.tail = "div", None
    for h2 in (x for x in content.article.iter() if tag_of(x) == "h2"):
        add_class(h2, f"pdf-h2-level-{item.level + 1}")
    if opens is None:
        if item.in_toc:
            toc.append(
                f"<li class='pdf-toc-page pdf-toc-l{item.level}'>"
                f"<a href='#page--{item.slug}'>{e(content.title)}</a></li>"
            )
        return (
            f"<section class='pdf-page pdf-level-{item.level}' id='page--{item.slug}' "
            f"data-bookmark='{e(content.title)}'>" + serialize(content.article) + "</section>"
        )
    # The section's bookmark on the page, the page's own bookmark on its h1.
    h1 = next((x for x in content.article.iter() if tag_of(x) == "h1"), None)
    if h1 is None:
        h1 = ET.Element("h1", {"class": "pdf-chapter"})
        h1.text = content.title
        content.article.insert(0, h1)
    add_class(h1, f"pdf-level-{item.level}")
    h1.set("data-bookmark", content.title)
    return (
        f"<section class='pdf-page pdf-level-{opens.level}' id='page--{item.slug}' "
        f"data-bookmark='{e(opens.title)}'>"
        f"<span id='{opens.slug}'></span>" + serialize(content.article) + "</section>"
    )
