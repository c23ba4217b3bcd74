"""The EPUB container: the package document (OPF), the navigation document, the cover,
and the zip with `mimetype` first and stored (uncompressed), as OCF requires."""

from __future__ import annotations

import datetime as dt
import uuid
import zipfile
from pathlib import Path

from studyguide.outputs.book.nav import NavPage, NavSection
from studyguide.outputs.epub.xhtml import document, escape
from studyguide.text import mark_chinese_html

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""
MEDIA_TYPES = {".xhtml": "application/xhtml+xml", ".css": "text/css", ".otf": "font/otf"}
# EPUB Accessibility 1.1 discovery metadata, and its conformance claim. The claim rests on
# the checks the suite runs on every EPUB it builds: Ace by DAISY (axe's WCAG 2.2 A and AA
# rules on every chapter, and these metadata; tests/test_epub_ace.py) and EPUBCheck; the
# chapters are the site's pages, held to WCAG 2.2 AA by axe in a browser.
CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
ACCESSIBILITY = [
    ("schema:accessMode", "textual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "displayTransformability"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityFeature", "ARIA"),  # doc-toc, doc-footnote roles
    ("schema:accessibilityFeature", "unlocked"),  # no DRM
    ("schema:accessibilityHazard", "none"),
    (
        "schema:accessibilitySummary",
        "Meets WCAG 2.2 Level AA as far as automated checks (Ace by DAISY, "
        "EPUBCheck) can tell. Text only, with headings, a table of contents and popup notes for Chinese "
        "terms; Chinese and pinyin are marked with their languages.",
    ),
    ("dcterms:conformsTo", CONFORMS_TO),
]


def book_id(site_url: str) -> str:
    """Stable across builds of the same guide (a name-based UUID of its address)."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, site_url or 'study-guide')}"


def zh_marked(text: str) -> str:
    """Escaped text with each Chinese run marked, as the chapters are (lang and xml:lang)."""
    return mark_chinese_html(text).replace(
        '<span lang="zh-Hans">', '<span lang="zh-Hans" xml:lang="zh-Hans">'
    )


def nav_document(outline: list, titles: dict[str, str], lang: str, css: str) -> str:
    def items(entries: list) -> str:
        out = []
        for item in entries:
            if isinstance(item, NavSection):
                out.append(
                    f"<li><span>{zh_marked(escape(item.title))}</span><ol>{items(item.children)}</ol></li>"
                )
            elif isinstance(item, NavPage):
                out.append(
                    f'<li><a href="{item.slug}.xhtml">{zh_marked(escape(titles[item.slug]))}</a></li>'
                )
        return "".join(out)

    first = next(iter(titles))
    body = (
        '<nav epub:type="toc" id="toc" role="doc-toc"><h1>Contents</h1>'
        f"<ol>{items(outline)}</ol></nav>"
        '<nav epub:type="landmarks" id="landmarks" hidden="hidden"><h2>Landmarks</h2><ol>'
        '<li><a epub:type="cover" href="cover.xhtml">Cover</a></li>'
        '<li><a epub:type="toc" href="nav.xhtml">Contents</a></li>'
        f'<li><a epub:type="bodymatter" href="{first}.xhtml">Start of content</a></li>'
        "</ol></nav>"
    )
    return document("Contents", body, lang, css, body_type="frontmatter")


def cover_document(config: dict, date: dt.date, licence: str, lang: str, css: str) -> str:
    site_name, url = config["site_name"], config.get("site_url") or ""
    description = " ".join((config.get("site_description") or "").split())
    body = (
        '<section class="cover" epub:type="titlepage">'
        f"<h1>{escape(site_name)}</h1>"
        + (f'<p class="description">{escape(description)}</p>' if description else "")
        + f"<p>Built on {date.day} {date:%B %Y}</p>"
        + (f'<p>Online edition: <a href="{escape(url, True)}">{escape(url)}</a></p>' if url else "")
        + f"<p>{escape(licence)}</p></section>"
    )
    return document(site_name, body, lang, css, body_type="cover")


def package_document(
    config: dict, date: dt.date, licence: str, lang: str, spine: list[str], resources: list[str]
) -> str:
    """The OPF: metadata, every file in the manifest, the reading order in the spine."""
    modified = dt.datetime.combine(date, dt.time(), dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    meta = "".join(f'<meta property="{p}">{escape(v)}</meta>' for p, v in ACCESSIBILITY)
    # Who evaluated the publication for the claim (EPUB Accessibility 1.1, 2.1): its makers.
    meta += f'<meta property="a11y:certifiedBy">{escape(config.get("site_author") or "The study guide")}</meta>'
    description = " ".join((config.get("site_description") or "").split())
    manifest, ids = [], {}
    for index, href in enumerate(spine + resources):
        ids[href] = "nav" if href == "nav.xhtml" else f"item{index}"
        properties = ' properties="nav"' if href == "nav.xhtml" else ""
        media = MEDIA_TYPES[Path(href).suffix]
        manifest.append(f'<item id="{ids[href]}" href="{href}" media-type="{media}"{properties}/>')
    itemrefs = "".join(f'<itemref idref="{ids[href]}"/>' for href in spine)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" '
        f'xml:lang="{lang}">\n<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:identifier id="book-id">{book_id(config.get("site_url") or "")}</dc:identifier>'
        f"<dc:title>{escape(config['site_name'])}</dc:title>"
        f"<dc:language>{lang}</dc:language><dc:language>zh-Hans</dc:language>"
        f"<dc:creator>{escape(config.get('site_author') or 'The study guide')}</dc:creator>"
        + (f"<dc:description>{escape(description)}</dc:description>" if description else "")
        + f"<dc:rights>{escape(licence)}</dc:rights>"
        f"<dc:date>{date.isoformat()}</dc:date>"
        f'<meta property="dcterms:modified">{modified}</meta>{meta}'
        f"</metadata>\n<manifest>{''.join(manifest)}</manifest>\n"
        f"<spine>{itemrefs}</spine>\n</package>\n"
    )


def write_zip(output: Path, files: dict[str, bytes | str]) -> None:
    """The OCF container: `mimetype` first and stored, then META-INF and EPUB/."""
    tmp = output.with_suffix(".epub.tmp")
    with zipfile.ZipFile(tmp, "w") as zf:
        zf.writestr(
            zipfile.ZipInfo("mimetype", (1980, 1, 1, 0, 0, 0)),
            "application/epub+zip",
            compress_type=zipfile.ZIP_STORED,
        )
        entries = {
            "META-INF/container.xml": CONTAINER,
            **{f"EPUB/{k}": v for k, v in files.items()},
        }
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    tmp.replace(output)
