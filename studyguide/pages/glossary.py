"""The glossary: a compact index of the terms (A–Z by romanization, by characters, by
category), each row linking to the term's own page (studyguide.pages.term_page).

Rows are lists, not tables, so that they wrap on a 390 px phone; each A–Z row keeps the
id the old glossary gave the entry (glossary/#hukou), so old links still land on it.
A–Z rows show the tone-marked pinyin too. The filter box above the lists is hidden until
docs/javascripts/search-dictionary.js runs (without scripts it would do nothing); it
keeps the rows whose hanzi, pinyin (with or without tones and spaces) or English match.
"""

from __future__ import annotations

from itertools import groupby

from studyguide.load.guide import Guide
from studyguide.load.pinyin import toneless
from studyguide.pages import NOTICE, term_page
from studyguide.render.blocks import pinyin, zh
from studyguide.render.links import md_link, md_text, relative

FILTER = (
    '<div class="glossary-filter" hidden>\n'
    '<label for="glossary-filter">Filter the terms</label>\n'
    '<input id="glossary-filter" type="search" autocomplete="off" spellcheck="false" '
    'placeholder="hanzi, pinyin or English" aria-describedby="glossary-filter-count">\n'
    '<p id="glossary-filter-count" role="status"></p>\n'
    "</div>\n"
)


def glossary_page(guide: Guide, page: str) -> str:
    entries = guide.glossary.sorted()
    letters = [letter for letter, _ in groupby(entries, key=lambda e: e.letter)]
    out = [NOTICE.format(data="glossary.yaml", macro="glossary_page")]
    out.append(
        f"{len(entries)} terms, each with its own page. Browse them [A–Z](#a-z), "
        "[by characters](#by-characters) or [by category](#by-category).\n"
    )
    out.append(FILTER)
    out.append("## A–Z {#a-z}\n")
    out.append(
        '<nav class="letter-bar" aria-label="Glossary letters" markdown>\n'
        + " ".join(f"[{c}](#letter-{c.lower()})" for c in letters)
        + "\n</nav>\n"
    )
    for letter, group in groupby(entries, key=lambda e: e.letter):
        out.append(f"### {letter} {{#letter-{letter.lower()}}}\n")
        out.append(
            _list(
                f"{_link(page, e, anchor=True)} {zh(e.hanzi)} {pinyin(e.pinyin)} — {md_text(e.english)}"
                for e in group
            )
        )
    out.append("## By characters {#by-characters}\n")
    out.append("Every term by its characters, ordered by pinyin.\n")
    by_pinyin = sorted(entries, key=lambda e: (toneless(e.pinyin).lower(), e.pinyin, e.key))
    out.append(
        _list(
            (f"{zh(e.hanzi)} {pinyin(e.pinyin)} — {_link(page, e)}" for e in by_pinyin),
            "term-index--characters",
        )
    )
    out.append("## By category {#by-category}\n")
    order = list(term_page.CATEGORIES) + [None]
    for category in order:
        members = [e for e in entries if e.category == category]
        if members:
            heading = term_page.CATEGORIES.get(category or "", term_page.UNCATEGORIZED)
            out.append(f"### {heading} {{#{term_page.category_anchor(category)}}}\n")
            out.append(_list(f"{_link(page, e)} {zh(e.hanzi)}" for e in members))
    return "\n".join(out) + "\n"


def _link(page: str, e, anchor: bool = False) -> str:
    link = md_link(e.term, relative(page, term_page.path(e.key)))
    return link + (f"{{ #{e.key} }}" if anchor else "")


def _list(rows, extra: str = "") -> str:
    return (
        f'<div class="term-index {extra}" markdown>\n\n'
        + "\n".join(f"- {row}" for row in rows)
        + "\n\n</div>\n"
    )
