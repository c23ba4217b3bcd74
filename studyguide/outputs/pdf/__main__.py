"""Write the whole guide as one PDF: `python -m macros.pdf SITE_DIR` -> SITE_DIR/guide.pdf.

`make pdf` runs this after the strict build. The PDF is made from the *built* site, not by
rendering the Markdown again:

1. The navigation comes from mkdocs.yml through MkDocs' own loader (`load_config`,
   `get_files`, `get_navigation`), so the PDF follows the site's order. One exception:
   the nav section titled "Reference" (glossary, who's who, timeline, tracker) always
   goes at the end of the PDF, titled "Appendices", wherever it sits in the nav.
2. From each built page (SITE_DIR/<page>/index.html) only the article is kept
   (`article.md-content__inner`, else `.md-content`); screen-only parts are dropped
   (permalinks, edit/view buttons, "last update" facts, tooltips' titles, scripts) and
   every <details> is rendered open.
3. The pages are joined into one HTML document: a cover (title, build date, licence),
   a table of contents (page numbers by CSS target-counter), then one
   <section id="page--<slug>"> per page; each nav section gets a title page, unless
   its first page has the section's title (an index page), which then opens it. Every id inside a page is prefixed with its
   slug ("glossary--hukou"), and every link is resolved against its page's URL and
   mapped to the prefixed id ("../../glossary/#hukou" -> "#glossary--hukou"), so
   internal links, excerpt attributions included, stay inside the PDF. External links
   stay clickable; the print stylesheet prints their URL after the text.
4. WeasyPrint (CSS paged media, no browser) renders it with macros/pdf.css: bookmarks
   follow the nav (section -> page -> h2), the running header carries the chapter
   (string-set from each page's h1), pages are numbered, fonts are subset.

Hanzi need a Simplified Chinese font: Noto Serif CJK SC or Noto Sans CJK SC (Debian
package fonts-noto-cjk). Without one the command stops before rendering, and a render
that would draw a missing-glyph box (.notdef) fails instead of writing the PDF.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import logging
import os
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from studyguide.text import is_hanzi

ROOT = Path(__file__).resolve().parents[3]
STYLESHEET = Path(__file__).with_name("print.css")
OUTPUT_NAME = "guide.pdf"
APPENDIX_NAV_TITLE = "Reference"      # the nav section moved to the end...
APPENDIX_TITLE = "Appendices"         # ...under this title
LICENCE = "Text CC BY-SA 4.0; code MIT; quoted excerpts remain the work of their authors"
CJK_PACKAGE = "fonts-noto-cjk"
# Preferred first: the body text is set in a serif face.
CJK_FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC")
# Where Debian's fonts-noto-cjk puts them, for machines without fontconfig's fc-list.
CJK_DEBIAN_FILES = {
    "Noto Serif CJK SC": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",),
    "Noto Sans CJK SC": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",),
}
FAKE_HOST = "guide.invalid"           # resolves relative links without touching the network
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr"}
DROP_CLASSES = {"headerlink", "md-content__button", "md-source-file", "md-announce",
                "md-header", "md-footer", "md-search", "md-sidebar", "guide-tooltip"}
DROP_TAGS = {"script", "noscript", "template", "button", "input", "form"}
ID_LIST_ATTRS = ("for", "headers", "aria-labelledby", "aria-describedby", "aria-controls")


class PdfError(Exception):
    """A problem that stops the PDF; the message says what to do."""


# --------------------------------------------------------------------------- fonts

@dataclass(frozen=True)
class CJKFont:
    family: str
    path: str


def find_cjk_font() -> CJKFont | None:
    """The Simplified Chinese Noto font fontconfig knows (what WeasyPrint's Pango uses);
    without fc-list, the file at Debian's path. None when neither is there."""
    fc_list = shutil.which("fc-list")
    if fc_list:
        try:
            out = subprocess.run([fc_list, "--format", "%{family}\t%{file}\n", ":lang=zh-cn"],
                                 capture_output=True, text=True, timeout=30).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        found: dict[str, str] = {}
        for line in out.splitlines():
            families, _, path = line.partition("\t")
            for family in families.split(","):
                found.setdefault(family.strip(), path)
        for family in CJK_FAMILIES:
            if family in found:
                return CJKFont(family, found[family])
    for family in CJK_FAMILIES:
        for path in CJK_DEBIAN_FILES[family]:
            if Path(path).is_file():
                return CJKFont(family, path)
    return None


def require_cjk_font() -> CJKFont:
    font = find_cjk_font()
    if font is None:
        raise PdfError(
            f"no Simplified Chinese font found ({' or '.join(CJK_FAMILIES)}): the hanzi would "
            f"print as empty boxes. Install the Debian package {CJK_PACKAGE} "
            f"(sudo apt-get install {CJK_PACKAGE}) and run again.")
    return font


# --------------------------------------------------------------------------- navigation

@dataclass
class NavPage:
    title: str | None          # nav title; None: the page's h1 (as MkDocs does)
    url: str                   # site-relative URL: "", "glossary/", "sources/shi-2014/"
    dest: str                  # built file: "glossary/index.html"
    slug: str                  # "glossary", "sources-shi-2014", "index"
    level: int                 # bookmark level of the page
    in_toc: bool = True        # False: listed on its section's title page only (term pages)


@dataclass
class NavSection:
    title: str
    level: int
    slug: str
    children: list = field(default_factory=list)   # NavSection | NavPage


def page_slug(url: str) -> str:
    path = url.strip("./").removesuffix("index.html").removesuffix(".html").strip("/")
    return path.replace("/", "-") or "index"


def load_nav(config_file: Path) -> tuple[dict, list]:
    """The MkDocs config and the PDF's outline: the nav in order, with the appendix
    section (nav title "Reference") moved to the end and renamed "Appendices"."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import Link, Page, Section, get_navigation

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(config_file=str(config_file))
    nav = get_navigation(get_files(config), config)

    def convert(items, level: int) -> list:
        out = []
        for item in items:
            if isinstance(item, Section):
                section = NavSection(item.title, level, "part--" + _ascii_slug(item.title))
                section.children = convert(item.children, level + 1)
                out.append(section)
            elif isinstance(item, Page):
                url = "" if item.file.url in ("./", ".") else item.file.url
                out.append(NavPage(item.title, url, item.file.dest_uri, page_slug(url), level))
            elif isinstance(item, Link):
                continue                     # external nav links have no page to print
        return out

    outline = convert(nav.items, 1)
    appendix = next((s for s in outline if isinstance(s, NavSection)
                     and s.title.strip().lower() == APPENDIX_NAV_TITLE.lower()), None)
    if appendix is not None:
        outline.remove(appendix)
        appendix.title, appendix.slug = APPENDIX_TITLE, "part--appendices"
        outline.append(appendix)
    terms = term_pages(Path(config["config_file_path"]).parent, level=2 if appendix else 1)
    (appendix.children if appendix else outline).append(terms)
    return config, outline


def term_pages(root: Path, level: int) -> NavSection:
    """The term pages (outside the nav, made by macros/hooks/term_pages.py), printed last
    among the appendices so that every term link stays inside the PDF: an offline reader gets
    each term's full page, not only the glossary index."""
    from studyguide.load.guide import load_guide

    section = NavSection("Terms", level, "part--terms")
    for entry in load_guide(root).glossary.sorted():
        url = f"terms/{entry.key}/"
        section.children.append(NavPage(f"{entry.term} {entry.hanzi}", url, url + "index.html", page_slug(url), level + 1, in_toc=False))
    return section


def _ascii_slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-") or "section"


def iter_pages(outline: list):
    for item in outline:
        if isinstance(item, NavSection):
            yield from iter_pages(item.children)
        else:
            yield item


# --------------------------------------------------------------------------- pages

def _tag(element) -> str | None:
    tag = element.tag
    if not isinstance(tag, str):
        return None                          # comment or processing instruction
    return tag.rsplit("}", 1)[-1]


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def _text(element) -> str:
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
        raise PdfError(f"{path} is missing: the site is older than mkdocs.yml's nav. "
                       "Build it first (make build, or make pdf which builds).")
    root = tinyhtml5.parse(path.read_bytes(), namespace_html_elements=False)
    article = next((e for e in root.iter() if _tag(e) == "article" and "md-content__inner" in _classes(e)), None)
    if article is None:
        article = next((e for e in root.iter() if "md-content" in _classes(e)), None)
    if article is None:
        raise PdfError(f"{path}: no article.md-content__inner or .md-content; is this a page built by MkDocs Material?")
    _strip_screen_only(article)
    h1 = next((e for e in article.iter() if _tag(e) == "h1"), None)
    title = page.title or _html_title(root, site_name) or (_text(h1) if h1 is not None else page.slug)
    if h1 is not None:
        h1.set("class", " ".join(sorted(_classes(h1) | {"pdf-chapter"})))
    ids = {e.get("id") for e in article.iter() if e.get("id")}
    return PageContent(page, article, title, ids)


def _html_title(root: ET.Element, site_name: str) -> str | None:
    """The page's title as the site's nav shows it (front-matter title, else the h1): the
    <title> that Material writes as "<page title> - <site name>"."""
    element = next((e for e in root.iter() if _tag(e) == "title"), None)
    text = _text(element) if element is not None else ""
    suffix = f" - {' '.join(site_name.split())}"
    return text.removesuffix(suffix) if site_name and text.endswith(suffix) else None


def _strip_screen_only(parent: ET.Element) -> None:
    for child in list(parent):
        tag = _tag(child)
        if tag is None or tag in DROP_TAGS or _classes(child) & DROP_CLASSES:
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


@dataclass
class LinkStats:
    internal: int = 0
    external: int = 0
    missing_anchors: list[str] = field(default_factory=list)
    outside_nav: dict[str, list[str]] = field(default_factory=dict)   # page -> pages linking to it

    @property
    def problems(self) -> list[str]:
        out = [f"{page} is linked from {', '.join(sorted(set(sources)))} but is not in mkdocs.yml's nav, "
               "so it is not in the PDF; the links print as web links" for page, sources in sorted(self.outside_nav.items())]
        return out + self.missing_anchors


class LinkMapper:
    """Maps a page's hrefs to ids of the combined document."""

    def __init__(self, contents: list[PageContent], site_dir: Path, site_url: str | None):
        self.site_dir = site_dir
        self.by_path: dict[str, PageContent] = {}
        for content in contents:
            self.by_path[content.page.url] = content
        self.site_url = site_url
        self.stats = LinkStats()

    def target(self, content: PageContent, href: str) -> tuple[str, bool]:
        """(new href, is internal)."""
        base = f"https://{FAKE_HOST}/{content.page.url}"
        resolved = urlsplit(urljoin(base, href))
        if resolved.netloc != FAKE_HOST:
            return href, False
        path = unquote(resolved.path).lstrip("/")
        if path.endswith("index.html"):
            path = path[: -len("index.html")]
        target = self.by_path.get(path) or self.by_path.get(path + "/" if path else path)
        if target is None:
            is_download = path and not path.endswith((".html", "/")) and (self.site_dir / path).is_file()
            if not is_download:          # a download (e.g. the Anki deck) is fine as a web link
                self.stats.outside_nav.setdefault("/" + path, []).append(content.page.dest)
            if self.site_url:
                return urljoin(self.site_url, path) + (f"#{resolved.fragment}" if resolved.fragment else ""), False
            return href, False
        fragment = unquote(resolved.fragment)
        if fragment and fragment in target.ids:
            return f"#{target.page.slug}--{fragment}", True
        if fragment:
            self.stats.missing_anchors.append(f"{content.page.dest}: {href}: no id {fragment!r} on {target.page.dest}; linked to the page's start")
        return f"#page--{target.page.slug}", True

    def rewrite(self, content: PageContent) -> None:
        slug = content.page.slug
        for element in content.article.iter():
            if _tag(element) is None:
                continue
            if element.get("id"):
                element.set("id", f"{slug}--{element.get('id')}")
            for attr in ID_LIST_ATTRS:
                if element.get(attr):
                    element.set(attr, " ".join(f"{slug}--{i}" for i in element.get(attr).split()))
            if _tag(element) == "a" and element.get("href") is not None:
                href = element.get("href").strip()
                new, internal = self.target(content, href)
                element.set("href", new)
                if internal:
                    self.stats.internal += 1
                else:
                    self.stats.external += 1
                    if _same_url(_text(element), new):
                        element.set("class", " ".join(sorted(_classes(element) | {"pdf-bare-url"})))
            if _tag(element) == "img" and element.get("src"):
                element.set("src", urljoin(f"https://{FAKE_HOST}/{content.page.url}", element.get("src")))


def _same_url(text: str, href: str) -> bool:
    def norm(u: str) -> str:
        u = u.strip().lower()
        for prefix in ("https://", "http://", "mailto:", "www."):
            u = u.removeprefix(prefix)
        return u.rstrip("/")
    return bool(text) and norm(text) == norm(href)


# --------------------------------------------------------------------------- document

def serialize(element: ET.Element) -> str:
    """HTML for an ElementTree element (tinyhtml5's tree; namespaces dropped)."""
    out: list[str] = []

    def walk(e):
        tag = _tag(e)
        if tag is None:
            out.append(html.escape(e.tail or "", quote=False))
            return
        attrs = "".join(f' {_tag_name(k)}="{html.escape(v)}"' for k, v in e.attrib.items())
        out.append(f"<{tag}{attrs}>")
        if tag not in VOID:
            if e.text:
                out.append(e.text if tag in ("style",) else html.escape(e.text, quote=False))
            for child in e:
                walk(child)
            out.append(f"</{tag}>")
        if e.tail:
            out.append(html.escape(e.tail, quote=False))

    walk(element)
    return "".join(out)


def _tag_name(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def build_date() -> dt.date:
    """Today, or SOURCE_DATE_EPOCH's date for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def build_html(config, outline: list, site_dir: Path) -> tuple[str, LinkStats]:
    contents = [extract_article(page, site_dir, config["site_name"]) for page in iter_pages(outline)]
    by_slug = {c.page.slug: c for c in contents}
    mapper = LinkMapper(contents, site_dir, config.get("site_url"))
    for content in contents:
        mapper.rewrite(content)

    e = html.escape
    date = build_date()
    site_name = config["site_name"]
    head = (
        f"<meta charset='utf-8'><title>{e(site_name)}</title>"
        f"<meta name='author' content='{e(config.get('site_author') or '')}'>"
        f"<meta name='description' content='{e(' '.join((config.get('site_description') or '').split()))}'>"
        f"<meta name='dcterms.created' content='{date.isoformat()}'>"
    )
    cover = (
        "<section class='pdf-cover' id='cover'>"
        f"<h1 class='pdf-cover-title'>{e(site_name)}</h1>"
        + (f"<p class='pdf-cover-description'>{e(' '.join(config['site_description'].split()))}</p>"
           if config.get("site_description") else "")
        + f"<p class='pdf-cover-date'>Built on {date.day} {date:%B %Y}</p>"
        + (f"<p class='pdf-cover-url'>Online edition: <a class='pdf-bare-url' href='{e(config['site_url'])}'>{e(config['site_url'])}</a></p>"
           if config.get("site_url") else "")
        + f"<p class='pdf-cover-licence'>{e(LICENCE)}</p>"
        "</section>"
    )
    toc: list[str] = ["<nav class='pdf-toc' id='contents'><h1 class='pdf-toc-title'>Contents</h1><ul>"]
    body: list[str] = []

    def emit(items: list, opens: NavSection | None = None) -> None:
        """`opens`: the section whose index page this is (same title as the section): the
        page then stands for the section too, instead of a divider page."""
        for item in items:
            if isinstance(item, NavSection):
                first = item.children[0] if item.children and isinstance(item.children[0], NavPage) else None
                merged = first is not None and by_slug[first.slug].title == item.title
                toc.append(f"<li class='pdf-toc-part pdf-toc-l{item.level}'><a href='#{item.slug}'>{e(item.title)}</a></li>")
                if merged:
                    emit(item.children[:1], opens=item)
                    emit(item.children[1:])
                    continue
                pages = "".join(f"<li>{e(by_slug[p.slug].title)}</li>" for p in iter_pages(item.children))
                body.append(
                    f"<section class='pdf-part pdf-level-{item.level}' id='{item.slug}' data-bookmark='{e(item.title)}'>"
                    f"<h1 class='pdf-part-title'>{e(item.title)}</h1><ul class='pdf-part-pages'>{pages}</ul></section>")
                emit(item.children)
            else:
                content = by_slug[item.slug]
                content.article.tag, content.article.tail = "div", None
                for h2 in (x for x in content.article.iter() if _tag(x) == "h2"):
                    h2.set("class", " ".join(sorted(_classes(h2) | {f"pdf-h2-level-{item.level + 1}"})))
                if opens is None:
                    if item.in_toc:
                        toc.append(f"<li class='pdf-toc-page pdf-toc-l{item.level}'><a href='#page--{item.slug}'>{e(content.title)}</a></li>")
                    body.append(
                        f"<section class='pdf-page pdf-level-{item.level}' id='page--{item.slug}' data-bookmark='{e(content.title)}'>"
                        + serialize(content.article) + "</section>")
                    continue
                # The section's bookmark on the page, the page's own bookmark on its h1.
                h1 = next((x for x in content.article.iter() if _tag(x) == "h1"), None)
                if h1 is None:
                    h1 = ET.Element("h1", {"class": "pdf-chapter"})
                    h1.text = content.title
                    content.article.insert(0, h1)
                h1.set("class", " ".join(sorted(_classes(h1) | {f"pdf-level-{item.level}"})))
                h1.set("data-bookmark", content.title)
                body.append(
                    f"<section class='pdf-page pdf-level-{opens.level}' id='page--{item.slug}' data-bookmark='{e(opens.title)}'>"
                    f"<span id='{opens.slug}'></span>" + serialize(content.article) + "</section>")

    emit(outline)
    toc.append("</ul></nav>")
    document = (f"<!DOCTYPE html><html lang='{e(config['theme'].get('language') or 'en')}'><head>{head}</head>"
                f"<body>{cover}{''.join(toc)}{''.join(body)}</body></html>")
    return document, mapper.stats


# --------------------------------------------------------------------------- render

def embedded_fonts(pdf: bytes) -> set[str]:
    """BaseFont names of the fonts embedded in a PDF (font file present)."""
    from io import BytesIO

    from pypdf import PdfReader

    names: set[str] = set()
    for page in PdfReader(BytesIO(pdf)).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            for face in font.get("/DescendantFonts") or [font]:
                face = face.get_object()
                descriptor = face.get("/FontDescriptor")
                descriptor = descriptor.get_object() if descriptor is not None else {}
                if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.add(str(face.get("/BaseFont")).lstrip("/"))
    return names


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def running_css(site_name: str) -> str:
    """The left running header: the guide's title."""
    return "@page { @top-left { content: " + _css_string(site_name.split(":")[0]) + "; } }\n"


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def font_css(font: CJKFont) -> str:
    """The font stacks: DejaVu for Latin text and pinyin (it has every tone mark), the CJK
    font for hanzi; the CJK font is in every stack, so hanzi never fall to another face."""
    cjk = f'"{font.family}"'
    sans_cjk = '"Noto Sans CJK SC"' if "Sans" not in font.family else cjk
    return (
        f"html {{ font-family: 'DejaVu Serif', {cjk}, serif; }}\n"
        f"@page {{ font-family: 'DejaVu Sans', {sans_cjk}, {cjk}, sans-serif; }}\n"
        f"h1, h2, h3, h4, h5, h6, .pdf-sans, th, .admonition-title, summary {{ font-family: 'DejaVu Sans', {sans_cjk}, {cjk}, sans-serif; }}\n"
        f"code, pre, kbd {{ font-family: 'DejaVu Sans Mono', {cjk}, monospace; }}\n"
        f":lang(zh-Hans), :lang(zh-CN), :lang(zh) {{ font-family: {cjk}, 'DejaVu Serif', serif; }}\n"
        f"h1 :lang(zh-Hans), h2 :lang(zh-Hans), h3 :lang(zh-Hans), h4 :lang(zh-Hans), th :lang(zh-Hans) {{ font-family: {sans_cjk}, {cjk}, sans-serif; }}\n"
        f":lang(zh-Latn-pinyin), :lang(zh-Latn) {{ font-family: 'DejaVu Serif', {cjk}, serif; }}\n"
    )


def write_pdf(site_dir: Path, output: Path | None = None, config_file: Path | None = None,
              font: CJKFont | None = None) -> dict:
    """Render SITE_DIR's pages into one PDF; return facts for the report."""
    started = time.perf_counter()
    font = font or require_cjk_font()         # before anything slow
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise PdfError(f"{site_dir} is not a built site (no index.html). Run make build first.")
    output = Path(output) if output else site_dir / OUTPUT_NAME
    config, outline = load_nav(Path(config_file) if config_file else ROOT / "mkdocs.yml")
    document, stats = build_html(config, outline, site_dir)

    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    collect = _Collect()
    wp_logger = logging.getLogger("weasyprint")
    wp_logger.addHandler(collect)
    try:
        fonts = FontConfiguration()
        stylesheets = [CSS(filename=str(STYLESHEET), font_config=fonts),
                       CSS(string=font_css(font) + running_css(config["site_name"]), font_config=fonts)]
        rendered = HTML(string=document, base_url=str(site_dir.resolve()) + "/").render(
            stylesheets=stylesheets, font_config=fonts)
        missing = sorted({r.args[0] for r in collect.records if r.msg.startswith(".notdef")})
        if missing:
            raise PdfError(f"the fonts have no glyph for {' '.join(missing)} "
                           f"({', '.join(f'U+{ord(c):04X}' for c in missing)}): install {CJK_PACKAGE} or "
                           "add a font that has them to macros/pdf.css. guide.pdf was not written.")
        pdf = rendered.write_pdf()
    finally:
        wp_logger.removeHandler(collect)
    embedded = embedded_fonts(pdf)
    if any(is_hanzi(c) for c in document) and not any(font.family.replace(" ", "") in name.replace("-", "") for name in embedded):
        raise PdfError(f"the hanzi were set without {font.family} (embedded fonts: {', '.join(sorted(embedded)) or 'none'}); "
                       "check the font stacks in macros/pdf.py (font_css). guide.pdf was not written.")
    tmp = output.with_suffix(".pdf.tmp")
    tmp.write_bytes(pdf)
    tmp.replace(output)
    return {
        "output": output, "pages": len(rendered.pages), "bytes": len(pdf),
        "seconds": time.perf_counter() - started, "font": font,
        "internal_links": stats.internal, "external_links": stats.external,
        "link_problems": stats.problems,
        "warnings": [r.getMessage() for r in collect.records],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.pdf", description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, help="the built site (site/)")
    parser.add_argument("-o", "--output", type=Path, help=f"the PDF (default: SITE_DIR/{OUTPUT_NAME})")
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml", help="mkdocs.yml")
    args = parser.parse_args(argv)
    try:
        facts = write_pdf(args.site_dir, args.output, args.config_file)
    except PdfError as error:
        print(f"pdf: error: {error}", file=sys.stderr)
        return 1
    for problem in facts["link_problems"]:
        print(f"pdf: warning: {problem}", file=sys.stderr)
    for warning in facts["warnings"]:
        print(f"pdf: weasyprint: {warning}", file=sys.stderr)
    print(f"pdf: wrote {facts['output']} ({facts['pages']} pages, {facts['bytes'] / 1e6:.1f} MB, "
          f"{facts['internal_links']} internal and {facts['external_links']} external links, "
          f"hanzi in {facts['font'].family}) in {facts['seconds']:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
