"""Elements of the built site's HTML (tinyhtml5's tree) written as XHTML for EPUB 3.

XHTML is XML: every element closed, every attribute quoted and escaped, void elements
self-closed. A `lang` is doubled as `xml:lang` (EPUB reading systems read either, and
EPUBCheck requires the two to agree), so Chinese keeps `zh-Hans` and pinyin
`zh-Latn-pinyin` from the site's own marks.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from studyguide.text import CJK_RUN, VOID_ELEMENTS

CHINESE_RUN = re.compile(CJK_RUN)

# Attribute names XML accepts (HTML allows more, e.g. "@click"; none is kept), and epub:type.
_XML_NAME = re.compile(r"^(epub:)?[A-Za-z_][\w.\-]*$")
# Characters XML 1.0 forbids (C0 controls other than tab, newline, return).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def tag_of(element) -> str | None:
    """The local tag name; None for a comment or processing instruction."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else None


def classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())


def escape(text: str, quote: bool = False) -> str:
    return html.escape(_NOT_XML.sub("", text), quote=quote)


def attributes(attrib: dict) -> str:
    out = []
    for name, value in attrib.items():
        name = name.rsplit("}", 1)[-1]
        if name == "xml:lang" or not _XML_NAME.match(name):
            continue
        out.append(f' {name}="{escape(value, quote=True)}"')
        if name == "lang":
            out.append(f' xml:lang="{escape(value, quote=True)}"')
    return "".join(out)


def serialize(element: ET.Element) -> str:
    """XHTML for an element and its subtree (its tail excluded)."""
    out: list[str] = []

    def walk(e: ET.Element) -> None:
        tag = tag_of(e)
        if tag is not None:
            attrs = attributes(e.attrib)
            if tag in VOID_ELEMENTS:
                out.append(f"<{tag}{attrs}/>")
            else:
                out.append(f"<{tag}{attrs}>")
                if e.text:
                    out.append(escape(e.text))
                for child in e:
                    walk(child)
                out.append(f"</{tag}>")
        if e.tail and e is not element:
            out.append(escape(e.tail))

    walk(element)
    return "".join(out)


def document(title: str, body: str, lang: str, css: str, body_type: str = "bodymatter") -> str:
    """A whole XHTML content document. Its <title> is in the book's language: a <title>
    cannot mark a Chinese run, so the hanzi (shown in the chapter's headline) are left out."""
    title = " ".join(CHINESE_RUN.sub("", title).split()) or title
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
        f'lang="{lang}" xml:lang="{lang}">\n'
        f'<head><meta charset="utf-8"/><title>{escape(title)}</title>'
        f'<link rel="stylesheet" type="text/css" href="{css}"/></head>\n'
        f'<body epub:type="{body_type}">{body}</body>\n</html>\n'
    )
