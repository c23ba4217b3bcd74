"""Terms show their characters at first sight: on every theme chapter of the built site,
the first link to each term sits in a block (paragraph, list item, table cell, heading)
that also shows the term's hanzi, marked zh-Hans, wherever that first link is: the prose,
a Terms line under an excerpt, a table, a list."""

from __future__ import annotations

import re

import pytest
import tinyhtml5

from conftest import ROOT
from studyguide.load.guide import load_guide

NS = "{http://www.w3.org/1999/xhtml}"
BLOCKS = {
    f"{NS}{t}"
    for t in ("p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "figcaption", "summary")
}
TERM_HREF = re.compile(r"(?:\.\./)*terms/([a-z0-9-]+)/(?:index\.html)?$")
THEMES = sorted(p.stem for p in (ROOT / "docs/themes").glob("*.md") if p.stem != "index")


def first_links(article):
    """(key, block) for the first link to each term, in document order."""
    parents = {child: parent for parent in article.iter() for child in parent}
    seen = {}
    for a in article.iter(f"{NS}a"):
        found = TERM_HREF.search(a.get("href", ""))
        if not found or found.group(1) in seen:
            continue
        block = a
        while block is not None and block.tag not in BLOCKS:
            block = parents.get(block)
        seen[found.group(1)] = block if block is not None else a
    return seen


def zh_text(element) -> str:
    return " ".join(
        "".join(s.itertext()) for s in element.iter(f"{NS}span") if s.get("lang") == "zh-Hans"
    )


@pytest.mark.parametrize("theme", THEMES)
def test_every_term_linked_on_a_theme_chapter_shows_its_hanzi_at_its_first_link(site, theme):
    glossary = load_guide(ROOT).glossary
    doc = tinyhtml5.parse((site / "themes" / theme / "index.html").read_text(encoding="utf-8"))
    article = next(doc.iter(f"{NS}article"))
    links = first_links(article)
    assert links, f"themes/{theme}: no term links found (has the link format changed?)"
    missing = [
        key for key, block in links.items() if glossary.entries[key].hanzi not in zh_text(block)
    ]
    assert not missing, (
        f"themes/{theme}: the first link to these terms shows no hanzi beside it: {missing}"
    )
