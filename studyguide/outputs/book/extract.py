"""Page bodies from the built HTML: from SITE_DIR/<page>/index.html only the article is
kept (`article.md-content__inner`, else `.md-content`); screen-only parts are dropped
(permalinks, edit/view buttons, "last update" facts, the "Report a problem" link, the
Contents box, tooltips' titles, scripts) and every <details> is rendered open."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from studyguide.outputs.book import BookError
from studyguide.outputs.book.nav import NavPage

DROP_CLASSES = {
    "headerlink",
    "md-content__button",
    "md-source-file",
    "guide-report",
    "md-announce",
    "md-header",
    "md-footer",
    "md-search",
    "md-sidebar",
    "guide-tooltip",
    "glossary-filter",
    "guide-read",
    "guide-mine",
    "page-contents",
}  # screen-only controls: the glossary's filter, the read box, a phone's Contents box
DROP_TAGS = {"script", "noscript", "template", "button", "input", "form"}


def tag_of(element) -> str | None:
    tag = element.tag
    if not isinstance(tag, str):
        return None  # comment or processing instruction
    return tag.rsplit("}", 1)[-1]


def classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def add_class(element, name: str) -> None:
    element.set("class", " ".join(sorted(classes(element) | {name})))


def text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())


@dataclass
class PageContent:
    page: NavPage
    article: ET.Element
    title: str
    ids: set[str]


def extract_article(page: NavPage, site_dir: Path, site_name: str = "") -> PageContent:
    import tinyhtml5

    path = site_dir / page.dest
    if not path.is_file():
        raise BookError(
            f"{path} is missing: the site is older than mkdocs.yml's nav. "
            "Build it first (make build, or make pdf which builds)."
        )
    root = tinyhtml5.parse(_title_and_article(path.read_bytes()), namespace_html_elements=False)
    article = next(
        (e for e in root.iter() if tag_of(e) == "article" and "md-content__inner" in classes(e)),
        None,
    )
    if article is None:
        article = next((e for e in root.iter() if "md-content" in classes(e)), None)
    if article is None:
        raise BookError(
            f"{path}: no article.md-content__inner or .md-content; "
            "is this a page built by MkDocs Material?"
        )
    _strip_screen_only(article)
    h1 = next((e for e in article.iter() if tag_of(e) == "h1"), None)
    title = (
        page.title or _html_title(root, site_name) or (text_of(h1) if h1 is not None else page.slug)
    )
    if h1 is not None:
        add_class(h1, "pdf-chapter")
    ids = {e.get("id") for e in article.iter() if e.get("id")}
    return PageContent(page, article, title, ids)


ARTICLE_START = b'<article class="md-content__inner'


def _title_and_article(raw: bytes) -> bytes:
    """The two parts of a built page that extract_article reads, its <title> and its
    article, as a document of their own: the pure-Python parser then skips Material's
    navigation, about two thirds of most pages' bytes (parsing the 79 pages: 2.2 s -> 0.9 s).
    A page without them (not Material's article markup) is parsed whole."""
    start, end = raw.find(ARTICLE_START), raw.rfind(b"</article>")
    title_start, title_end = raw.find(b"<title>"), raw.find(b"</title>")
    if start < 0 or end < start or title_start < 0 or title_end < title_start:
        return raw
    return (
        b'<!doctype html><html><head><meta charset="utf-8">'
        + raw[title_start : title_end + len(b"</title>")]
        + b"</head><body>"
        + raw[start : end + len(b"</article>")]
        + b"</body></html>"
    )


def _html_title(root: ET.Element, site_name: str) -> str | None:
    """The page's title as the site's nav shows it (front-matter title, else the h1): the
    <title> that Material writes as "<page title> - <site name>"."""
    element = next((e for e in root.iter() if tag_of(e) == "title"), None)
    text = text_of(element) if element is not None else ""
    suffix = f" - {' '.join(site_name.split())}"
    return text.removesuffix(suffix) if site_name and text.endswith(suffix) else None


def _strip_screen_only(parent: ET.Element) -> None:
    for child in list(parent):
        tag = tag_of(child)
        if tag is None or tag in DROP_TAGS or classes(child) & DROP_CLASSES:
            _remove_keep_tail(parent, child)
            continue
        if tag == "details":
            child.set("open", "open")
        for attr in ("title", "onclick", "tabindex", "download"):
            child.attrib.pop(attr, None)
        _strip_screen_only(child)


def _remove_keep_tail(parent: ET.Element, child: ET.Element) -> None:
    if child.tail:
        index = list(parent).index(child)
        if index:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)
