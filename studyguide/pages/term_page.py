"""A page per glossary term (terms/<key>.md), generated from glossary.yaml and the excerpts.

`stub` is the Markdown a build puts at terms/<key>.md (macros/hooks/term_pages.py): front
matter and one `term_page(key)` macro call, whose output `term_page` renders here. Every
fact on the page comes from the data: nothing is written per term by hand.
"""

from __future__ import annotations

from studyguide.crossref.cedict import character, entries
from studyguide.crossref.index import Index, Matcher
from studyguide.load.guide import Guide, once_per_guide
from studyguide.load.pinyin import per_character_all
from studyguide.pages.timeline import display_date, event_anchor
from studyguide.render.blocks import excerpt_links, pinyin, source_page, term, term_path, zh
from studyguide.render.links import md_link, md_text, relative

TIMELINE_PAGE = "timeline.md"
GLOSSARY_PAGE = "glossary.md"
CATEGORIES = {  # glossary.schema.json's categories, as headings
    "policy": "Policy",
    "institution": "Institutions",
    "organization": "Organizations",
    "society": "Society",
    "welfare": "Welfare",
    "rights": "Rights and contention",
    "analytic": "Analytic terms",
    "slogan": "Slogans and watchwords",
}
UNCATEGORIZED = "Other terms"


path = term_path


def category_anchor(category: str | None) -> str:
    return f"category-{category or 'other'}"


def stub(entry) -> str:
    """The generated Markdown source of a term page."""
    # No hanzi in the title: Material shows it in the header, where no lang mark reaches.
    title = f"{entry.term} · {entry.english}".replace('"', "'")
    description = (
        f"{entry.term} ({entry.hanzi}, {entry.pinyin}): {entry.english}. " + entry.definition
    ).replace('"', "'")
    return (
        "---\n"
        f'title: "{title}"\n'
        f"description: {_yaml_string(description)}\n"
        "search:\n  boost: 3\n"
        "---\n\n"
        f'{{{{ term_page("{entry.key}") }}}}\n\n'
        "<!-- GENERATED PAGE: made from glossary.yaml and data/excerpts/ by the term_page() macro. -->\n"
    )


def _yaml_string(text: str) -> str:
    return '"' + " ".join(text.split()).replace("\\", "\\\\").replace('"', '\\"') + '"'


def term_page(guide: Guide, index: Index, page: str, key: str) -> str:
    e = guide.glossary.get(key, page)
    facts = [md_text(e.term)] + ([f"traditional {zh(e.traditional)}"] if e.traditional else [])
    # The headline, on one line as in a dictionary: the hanzi, then the tone-marked pinyin
    # and the English, smaller; the guide's own spelling (toneless) and the traditional
    # form on the line below.
    out = [
        f'# <span class="term-hanzi" lang="zh-Hans">{md_text(e.hanzi)}</span> '
        f"<small>{pinyin(e.pinyin)} · {md_text(e.english)}</small> {{ #{e.key} }}\n",
        '<p class="term-facts" markdown>' + " · ".join(facts) + "</p>\n",
        # The reader's "My cards" deck (docs/javascripts/practice-site.js wires it; unseen without it).
        f'<p class="guide-mine" data-term="{e.key}"><button type="button" class="guide-mine__button">Add to my cards</button> '
        '<span class="guide-mine__note" role="status"></span></p>\n',
        md_text(e.definition) + "\n",
    ]
    if e.notes:
        out.append(md_text(e.notes) + "\n")
    out.append(_characters(guide, e))
    out.append(_by_source(guide, index, page, e))
    if e.aliases or e.language:
        out.append("## Renderings and spellings\n")
    if (
        e.language
    ):  # the guide's own, never a claim about the texts (studyguide.load.glossary_notes)
        out.append(
            f"**The word** (the guide's note, from general knowledge, not from the texts): {md_text(e.language)}\n"
        )
    if e.aliases:
        out.append(
            "The forms the guide matches in the sources' text: "
            + ", ".join(f"“{md_text(a)}”" for a in e.aliases)
            + ".\n"
        )
    out.append(_earliest(guide, index, page, e))
    related = list(dict.fromkeys([*e.see_also, *guide.glossary.backlinks()[key]]))
    out.append("## Related\n")
    category = CATEGORIES.get(e.category or "", UNCATEGORIZED)
    out.append(
        f"**Category:** {md_link(category, relative(page, GLOSSARY_PAGE, category_anchor(e.category)))}\n"
    )
    if related:
        out.append(
            "**Related terms:** " + ", ".join(_term_link(guide, page, k) for k in related) + "\n"
        )
    used = index.term_pages.get(key, [])
    if used:
        titles = index.page_titles
        links = ", ".join(
            md_link(titles.get(p, p), relative(page, p))
            for p in sorted(used, key=lambda p: titles.get(p, p))
        )
        out.append(f"**Used in:** {links}\n")
    return "\n".join(out) + "\n"


def _term_link(guide: Guide, page: str, key: str) -> str:
    return term(guide, page, key, hanzi=True)


@once_per_guide
def _readings(guide: Guide) -> dict:
    """Every entry's character-by-character reading, worked out (or read from the cache)
    once per build, not once per term page."""
    return per_character_all(
        guide.root, tuple(sorted({(x.hanzi, x.pinyin) for x in guide.glossary}))
    )


@once_per_guide
def _dictionary(guide: Guide) -> dict:
    """CC-CEDICT's single-character entries for every character of the glossary."""
    return entries(guide.root, {c for x in guide.glossary for c in x.hanzi})


def _characters(guide: Guide, e) -> str:
    pairs = _readings(guide)[(e.hanzi, e.pinyin)]
    if not pairs or len(pairs) < 2:
        return ""
    rows = []
    for char, reading in pairs:
        found = character(_dictionary(guide), char, reading)
        trad = f" {zh(found.traditional)}" if found and found.traditional != char else ""
        meaning = (
            "; ".join(md_text(m) for m in found.meanings) if found else "(no entry in CC-CEDICT)"
        )
        rows.append(f"- {zh(char)}{trad} {pinyin(reading)}: {meaning}")
    return (
        "## Character by character\n\n"
        '<div class="term-characters" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n\n"
        "*Each character with its reading in this term (aligned from the entry's pinyin with "
        "pypinyin's dictionary), its traditional form where it differs, and its first meanings "
        "in [CC-CEDICT](https://www.mdbg.net/chinese/dictionary?page=cc-cedict) (CC BY-SA 4.0). "
        "A character's meaning alone is a clue, not the term's meaning.*\n"
    )


def _by_source(guide: Guide, index: Index, page: str, e) -> str:
    ids = index.term_excerpts.get(e.key, [])
    if not ids:
        return "## In the sources\n\nNo stored excerpt uses this term; the notes above say where it comes from.\n"
    forms = Matcher(
        {name: [name] for name in dict.fromkeys([e.term, e.hanzi, e.english, *e.aliases])}
    )
    out = ["## In the sources\n"]
    for source_id, source in guide.sources.items():
        mine = [i for i in ids if guide.excerpts[i]["source"] == source_id]
        if not mine:
            continue
        found = list(dict.fromkeys(f for i in mine for f in forms.find(guide.excerpts[i]["text"])))
        count = f"{len(mine)} excerpt" + ("s" if len(mine) > 1 else "")
        wording = (
            (" writing it as " + ", ".join(f"“{md_text(f)}”" for f in found))
            if found
            else " (tagged by the guide; the wording differs)"
        )
        out.append(f"### {md_link(source['short'], relative(page, source_page(source_id)))}\n")
        out.append(f"{count},{wording}.\n")
        for excerpt_id in mine:
            text = md_text(" ".join(guide.excerpts[excerpt_id]["text"].split()))
            out.append(
                f'<blockquote class="term-excerpt" markdown>\n\n{text}\n\n'
                f"<footer markdown>— {excerpt_links(guide, page, [excerpt_id])}</footer>\n\n</blockquote>\n"
            )
    return "\n".join(out)


def _earliest(guide: Guide, index: Index, page: str, e) -> str:
    ids = set(index.term_excerpts.get(e.key, []))
    events = [ev for ev in guide.timeline if ev.get("excerpt") in ids]
    if not events:
        return ""
    first = min(events, key=lambda ev: ev["date"])
    source = guide.sources[first["source"]]
    return (
        "## Earliest dated mention\n\n"
        f"**{display_date(first)}** ({md_text(first['when'])}): {md_text(' '.join(first['event'].split()))} "
        f"({excerpt_links(guide, page, [first['excerpt']])}; dated by {md_text(source['short'])}; "
        f"see it {md_link('on the timeline', relative(page, TIMELINE_PAGE, event_anchor(guide, first)))}.)\n"
    )
