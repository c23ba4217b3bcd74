"""Reading times, computed from a page's words at build time (never written by hand).

The measure is the article's words: the text of the rendered page content (the article,
<details> content included), without the permalink marks, buttons, scripts, HTML comments
and the reading-time line itself; the same count as `article_words` gives for a built page
(measured after every other hook has written the page). The rate is stated on the About page.

Rate: 200 words a minute. Silent reading of English non-fiction averages about 238 words a
minute (Brysbaert 2019, a meta-analysis of 190 studies); study reading, with new terms,
hanzi, tables and links to follow, is slower, so the guide rounds down to 200.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from studyguide.errors import GuideError, Problem, did_you_mean
from studyguide.text import VOID_ELEMENTS

WORDS_PER_MINUTE = 200
SKIP_CLASSES = {
    "headerlink",
    "md-content__button",
    "md-source-file",
    "reading-time",
    "guide-read",
    "guide-report",
    "glossary-filter",
    "guide-mine",
}  # controls, not reading
SKIP_TAGS = {"script", "button", "style", "template"}


class _Words(HTMLParser):
    """Text of an HTML fragment (or of the article of a whole page), skipped parts left out."""

    def __init__(self, article_only: bool):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0  # depth inside a skipped element
        self.inside = 0 if article_only else 1  # depth inside the article (1: whole fragment)
        self.article_only = article_only

    def handle_starttag(self, tag, attrs):
        if tag in VOID_ELEMENTS:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if self.article_only and not self.inside:
            if tag == "article" and "md-content__inner" in classes:
                self.inside = 1
            return
        if self.article_only:
            self.inside += 1
        if self.skip or tag in SKIP_TAGS or classes & SKIP_CLASSES:
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS or not self.inside:
            return
        if self.skip:
            self.skip -= 1
        if self.article_only:
            self.inside -= 1

    def handle_data(self, data):
        if self.inside and not self.skip:
            self.parts.append(data)


def _count(html: str, article_only: bool) -> int:
    parser = _Words(article_only)
    parser.feed(html)
    parser.close()
    return len(" ".join(parser.parts).split())  # each tag separates words


def fragment_words(html: str) -> int:
    """Words of rendered page content (what MkDocs passes to on_page_content)."""
    return _count(html, article_only=False)


def article_words(document: str) -> int:
    """Words of a built page's article (<article class="md-content__inner">)."""
    return _count(document, article_only=True)


def minutes(words: int) -> float:
    """Reading time in minutes, as shown: whole minutes from five up, half minutes below
    (at least half a minute)."""
    exact = words / WORDS_PER_MINUTE
    if exact >= 5:
        return float(round(exact))
    return max(0.5, round(exact * 2) / 2)


def label(words: int) -> str:
    """'12 min', '1½ min', '½ min', '2 h 5 min'."""
    shown = minutes(words)
    if shown >= 60:
        hours, rest = divmod(int(shown), 60)
        return f"{hours} h {rest} min" if rest else f"{hours} h"
    whole, half = int(shown), shown % 1
    text = (str(whole) if whole else "") + ("½" if half else "")
    return f"{text} min"


def line(words: int) -> str:
    """The line under a page's title."""
    return (
        f'<p class="reading-time">Reading time: about {label(words)} '
        f'<span class="reading-time__words">({words:,} words)</span></p>'
    )


# A study plan's time: the reading_time() macro leaves a mark in the page, and the
# reading_time hook fills it once the pages it names have rendered (it renders the pages
# that use the macro last), with the sum of their reading times.
_MARK = re.compile(r'<span data-reading-time="(?P<pages>[^"]*)"></span>')


def _expand(name: str, words_of: dict[str, int], page: str) -> list[str]:
    """A folder ("core/") stands for the pages rendered under it, but its index (the
    start page that lists them) and the page itself."""
    name = name.split("#", 1)[0]  # a deep link counts its whole page
    if not name.endswith("/"):
        return [name]
    return [n for n in words_of if n.startswith(name) and n not in (page, name + "index.md")] or [
        name
    ]


def mark(pages: tuple[str, ...]) -> str:
    return f'<span data-reading-time="{" ".join(pages)}"></span>'


def fill(html: str, words_of: dict[str, int], page: str) -> str:
    """`html` with each mark replaced by the summed time of its pages; a page the build
    has not rendered (a typo, or a page outside docs/) is a GuideError."""
    problems: list[Problem] = []

    def total(match: re.Match) -> str:
        names = [n for name in match.group("pages").split() for n in _expand(name, words_of, page)]
        missing = [n for n in names if n not in words_of]
        for name in missing:
            problems.append(
                Problem(
                    f"docs/{page}",
                    None,
                    name,
                    "reading_time() names no page of the guide" + did_you_mean(name, words_of),
                )
            )
        return label(sum(words_of.get(n, 0) for n in names))

    filled = _MARK.sub(total, html)
    if problems:
        raise GuideError(problems)
    return filled


def insert_line(html: str, words: int) -> str:
    """The page's content with its reading time just under the title (the first h1), or
    first when it has none."""
    end = html.find("</h1>")
    if end < 0:
        return line(words) + html
    end += len("</h1>")
    return html[:end] + line(words) + html[end:]
