"""Language marks on an element tree: every run of Chinese characters in text becomes
<span lang="zh-Hans">, every run of tone-marked pinyin <span lang="zh-Latn-pinyin">.

Screen readers then switch voice, browsers pick a CJK font, and WCAG 3.1.2 (language of
parts) holds without authors remembering markup. Only text and tails are touched, never
attributes; elements that already carry a lang attribute, and code, scripts and styles,
are left alone with everything inside them. The Markdown extension macros/cjk_lang.py
runs this on each page's tree; the rules for what is Chinese are studyguide.text's.

Inline raw HTML (a macro's `<span lang="zh-Hans">户口</span>`) reaches the tree as
placeholders around plain text; each placeholder's tag is read with the standard
library's HTML parser, so text inside a raw element with a lang attribute is left alone.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from html.parser import HTMLParser

from markdown.util import HTML_PLACEHOLDER_RE, STX, AtomicString

from studyguide.text import CHINESE_OR_PINYIN, HAN_OR_TONED, VOID_ELEMENTS

SKIP = {"code", "pre", "script", "style", "textarea", "svg", "kbd", "samp"}


class _Tags(HTMLParser):
    """The start and end tags in a raw HTML snippet, in order: (name, skip) or (name, None)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, bool | None]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_ELEMENTS:
            self.events.append((tag, tag in SKIP or any(name == "lang" for name, _ in attrs)))

    def handle_endtag(self, tag):
        self.events.append((tag, None))


@lru_cache(maxsize=4096)  # the same snippets recur on every page (a closing </a>, a lang span)
def _tags(raw: str) -> tuple[tuple[str, bool | None], ...]:
    parser = _Tags()
    parser.feed(raw)
    parser.close()
    return tuple(parser.events)


class Marker:
    def __init__(self, stash: list | None = None):
        self.stash = stash or []

    def _span(self, match) -> ET.Element:
        span = ET.Element("span", {"lang": "zh-Hans" if match.group("zh") else "zh-Latn-pinyin"})
        span.text = match.group()
        return span

    def _split(self, text: str, open_tags: list) -> tuple[str, list[ET.Element]]:
        """`text` as leading text plus spans (each span's tail the text after it);
        `open_tags` tracks raw HTML elements opened and closed by placeholders."""
        if STX not in text and (open_tags and open_tags[-1][1] or not HAN_OR_TONED.search(text)):
            # Most text: nothing to mark and no raw HTML to track (a third of the
            # extension's time).
            return text, []
        head: list[str] = []
        spans: list[ET.Element] = []

        def emit(piece: str) -> None:
            (
                spans[-1].__setattr__("tail", (spans[-1].tail or "") + piece)
                if spans
                else head.append(piece)
            )

        at = 0
        for holder in [*HTML_PLACEHOLDER_RE.finditer(text), None]:
            plain = text[at : holder.start() if holder else len(text)]
            if open_tags and open_tags[-1][1]:
                emit(plain)
            else:
                last = 0
                for match in CHINESE_OR_PINYIN.finditer(plain):
                    emit(plain[last : match.start()])
                    spans.append(self._span(match))
                    last = match.end()
                emit(plain[last:])
            if holder is None:
                break
            emit(holder.group())
            at = holder.end()
            raw = self.stash[int(holder.group(1))] if int(holder.group(1)) < len(self.stash) else ""
            for name, skip in _tags(raw if isinstance(raw, str) else ""):
                if skip is None:
                    while open_tags and open_tags.pop()[0] != name:
                        pass
                else:
                    open_tags.append((name, skip or bool(open_tags and open_tags[-1][1])))
        return "".join(head), spans

    def mark(self, element: ET.Element) -> None:
        """Mark the text inside `element` (not its own tail), in place."""
        if not isinstance(element.tag, str) or element.tag in SKIP or "lang" in element.attrib:
            return
        if not HAN_OR_TONED.search("".join(element.itertext())):
            return  # most blocks: nothing below to mark (half the extension's time)
        open_tags: list = []
        if element.text and not _atomic(element.text):
            element.text, spans = self._split(element.text, open_tags)
            for i, span in enumerate(spans):
                element.insert(i, span)
        children = list(element)
        added = 0  # spans inserted so far: a child's place is its index plus these
        for index, child in enumerate(children):
            if child.get("lang") is None or child.tag != "span" or child.text is None or len(child):
                self.mark(child)
            if child.tail and not _atomic(child.tail):
                child.tail, spans = self._split(child.tail, open_tags)
                for i, span in enumerate(spans):
                    element.insert(index + added + 1 + i, span)
                added += len(spans)


def mark_tree(element: ET.Element, stash: list | None = None) -> None:
    Marker(stash).mark(element)


def _atomic(text: str) -> bool:
    """Python-Markdown marks text it must not process further (code spans) as AtomicString."""
    return isinstance(text, AtomicString)
