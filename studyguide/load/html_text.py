"""The text of an HTML fragment, read with the standard library's HTML parser (tags
gone, character references decoded), optionally without what is only for screen readers.
"""

from __future__ import annotations

from html.parser import HTMLParser

SCREEN_READER_ONLY = "sr-only"  # guide.css: the class of text only screen readers read


class _Text(HTMLParser):
    def __init__(self, hidden_class: str | None):
        super().__init__(convert_charrefs=True)
        self.hidden_class = hidden_class
        self.parts: list[str] = []
        self.hidden: list[str] = []  # the open elements since (and including) a hidden one

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self.hidden or (self.hidden_class and self.hidden_class in classes):
            self.hidden.append(tag)

    def handle_endtag(self, tag):
        if self.hidden and tag in self.hidden:
            while self.hidden.pop() != tag:
                pass

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def html_text(fragment: str, hidden_class: str | None = None) -> str:
    """The fragment's text as it stands (whitespace kept); with `hidden_class`, without
    the content of elements of that class."""
    parser = _Text(hidden_class)
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts)


def visible_text(fragment: str) -> str:
    """The text a sighted reader sees, whitespace folded: screen-reader-only text gone."""
    return " ".join(html_text(fragment, SCREEN_READER_ONLY).split())


class _Elements(HTMLParser):
    """Where each outermost element named `tag` starts and ends in the fragment, and the
    text inside it."""

    def __init__(self, fragment: str, tag: str):
        super().__init__(convert_charrefs=True)
        self.fragment, self.tag = fragment, tag
        self.line_starts = [0] + [i + 1 for i, c in enumerate(fragment) if c == "\n"]
        self.depth, self.start = 0, 0
        self.spans: list[tuple[int, int]] = []
        self.texts: list[str] = []
        self.parts: list[str] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag == self.tag:
            if not self.depth:
                self.start, self.parts = self._offset(), []
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == self.tag and self.depth:
            self.depth -= 1
            if not self.depth:
                self.spans.append((self.start, self.fragment.index(">", self._offset()) + 1))
                self.texts.append("".join(self.parts))

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def elements(fragment: str, tag: str) -> list[tuple[str, str]]:
    """(source, text) of each outermost `tag` element of the fragment, in order, in one
    pass: elements("<p>a</p><ul>…</ul><p><b>b</b></p>", "p") ==
    [("<p>a</p>", "a"), ("<p><b>b</b></p>", "b")]."""
    parser = _Elements(fragment, tag)
    parser.feed(fragment)
    parser.close()
    return [(fragment[a:b], text) for (a, b), text in zip(parser.spans, parser.texts, strict=True)]
