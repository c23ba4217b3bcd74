"""Page descriptions reach their <meta> tag intact, whatever quotes they hold."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from studyguide.errors import GuideError
from studyguide.pages.meta_attributes import escape_attribute_meta

BAD = 'Baek reads China\'s "social governance" as a <turn> & more'


class Metas(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            self.found.append(dict(attrs))


def meta_description(html: str) -> list[str]:
    parser = Metas()
    parser.feed(html)
    return [m["content"] for m in parser.found if m.get("name") == "description"]


def test_a_description_with_quotes_survives_the_meta_tag():
    meta = escape_attribute_meta({"description": BAD, "title": 'keeps "this"'}, "docs/x.md")
    html = f'<meta name="description" content="{meta["description"]}">'  # as Material writes it
    assert meta_description(html) == [BAD]
    assert meta["title"] == 'keeps "this"'


def test_a_description_that_is_not_text_stops_the_build():
    with pytest.raises(GuideError, match=r"docs/x\.md: 'description': must be plain text"):
        escape_attribute_meta({"description": ["a", "list"]}, "docs/x.md")


def test_the_built_baek_page_carries_its_description_exactly(site):
    from studyguide import ROOT

    source = (ROOT / "docs/sources/baek-interview.md").read_text(encoding="utf-8")
    line = next(x for x in source.splitlines() if x.startswith("description:"))
    written = line.split(":", 1)[1].strip()
    assert '"' in written  # the case that broke the tag
    html = (site / "sources/baek-interview/index.html").read_text(encoding="utf-8")
    assert meta_description(html) == [written]
