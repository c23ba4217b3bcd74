"""Render terms, people and excerpts as Markdown (with md_in_html for the blocks)."""

from __future__ import annotations

import html

from studyguide.cite import citations, formats
from studyguide.crossref.index import Index
from studyguide.errors import GuideError, Problem, did_you_mean
from studyguide.load.guide import Guide
from studyguide.render.links import md_link, md_text, relative

WHO_PAGE = "who.md"


def term_path(key: str) -> str:
    """A term's own page (generated: studyguide.pages.term_page)."""
    return f"terms/{key}.md"


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def zh(text: str) -> str:
    return f'<span lang="zh-Hans">{html.escape(text)}</span>'


def pinyin(text: str) -> str:
    return f'<span lang="zh-Latn-pinyin">{html.escape(text)}</span>'


def term(guide: Guide, page: str, key: str, text: str | None = None, *, hanzi: bool = False) -> str:
    """A link to the term's page; its title is the tooltip and data-def the one-line
    definition the touch card shows (docs/javascripts/term-card.js). With `hanzi`, the
    characters follow the link (the first mention on a page: Macros.first_mention)."""
    entry = guide.glossary.get(key, page)
    label = text or entry.term
    link = (
        md_link(label, relative(page, term_path(key)), entry.tooltip)
        + f'{{ data-def="{_attribute(entry.summary)}" }}'
    )
    return link + (" " + zh(entry.hanzi) if hanzi and entry.hanzi not in label else "")


def _attribute(text: str) -> str:
    """Plain text that attr_list keeps whole inside a double-quoted value: Markdown's
    emphasis and raw HTML would be parsed before attr_list sees the value."""
    plain = text.replace('"', "'").replace("{", "(").replace("}", ")").replace("&", "and")
    return "".join(c for c in plain if c not in "*_`<>[]\\")


def who(guide: Guide, page: str, key: str, text: str | None = None) -> str:
    """A link to the person's or organization's who's-who entry. Its title (name, hanzi,
    pinyin) is the tooltip and data-def the role in a line, as a term's definition is:
    guide.js shows it under the tooltip, term-card.js on a tap (data-who: a who's-who card)."""
    person = _lookup(guide.people, key, page, "who's-who key", "data/people.yaml")
    tip = person["name"] + (
        f" · {person['hanzi']} · {person['pinyin']}" if person.get("hanzi") else ""
    )
    link = md_link(text or person["name"], relative(page, WHO_PAGE, key), tip)
    return link + f'{{ data-def="{_attribute(person["role"])}" data-who="" }}'


def _lookup(table, key: str, page: str, what: str, where: str):
    if key not in table:
        raise GuideError(
            Problem(
                page,
                None,
                key,
                f"unknown {what}{did_you_mean(key, table)}; {what}s are the keys of {where}",
            )
        )
    return table[key]


def excerpt(guide: Guide, index: Index, page: str, excerpt_id: str, *, home: bool = False) -> str:
    """A stored excerpt as a <blockquote> whose id is the excerpt id. "Cite this passage"
    and "Why it matters" appear at its home (the source page) only; elsewhere the
    attribution links there."""
    record = _lookup(guide.excerpts, excerpt_id, page, "excerpt id", "data/excerpts/*.yaml")
    home_page = source_page(record["source"])
    if page == home_page and not home:
        raise GuideError(
            Problem(
                page,
                None,
                excerpt_id,
                "this is the excerpt's own source page: it is shown there by key_excerpts(); link to it with [text](#"
                + excerpt_id
                + ")",
            )
        )
    speaker = f"{md_text(record['speaker'])}, in " if record.get("speaker") else ""
    where = excerpt_links(guide, page, [excerpt_id])
    # The hanzi beside every term here: a Terms line is often where a reader first meets a
    # term (in a theme chapter's excerpts, before any prose mentions it), and it is a short
    # vocabulary line, where the characters belong whether or not the prose shows them too.
    terms = " · ".join(
        term(guide, page, key, hanzi=True) for key in index.excerpt_terms[excerpt_id]
    )
    lines = [
        f'<blockquote class="excerpt" id="{excerpt_id}" data-source="{record["source"]}" markdown>',
        "",
        md_text(" ".join(record["text"].split())),
        "",
        f"<footer markdown>— {speaker}<cite>{where}</cite></footer>",
        "",
        cite_passage(guide, record) if home else "",
        "",
        "</blockquote>",
        "",
        f'<p class="excerpt-terms" markdown>Terms: {terms}</p>' if terms else "",
    ]
    if home:
        lines += [
            "",
            f'<p class="excerpt-note" markdown>**Why it matters.** {md_text(record["note"])}</p>',
        ]
    return "\n".join(lines) + "\n"


def key_excerpts(guide: Guide, index: Index, page: str, source_id: str) -> str:
    """All of a source's excerpts, on the source's own page (their home)."""
    _lookup(guide.sources, source_id, page, "source id", "data/sources.yaml")
    records = guide.excerpts_of(source_id)
    if not records:
        raise GuideError(
            Problem(page, None, source_id, "this source has no excerpts in data/excerpts/")
        )
    return "\n".join(excerpt(guide, index, page, r.key, home=True) for r in records)


def source_card(guide: Guide, page: str, source_id: str) -> str:
    source = _lookup(guide.sources, source_id, page, "source id", "data/sources.yaml")
    people = (
        "; ".join(f"{md_text(p['name'])} ({p.get('role', 'author')})" for p in source["people"])
        or "not named in the text"
    )
    item = citations.csl_item(source_id, source)
    rows = [
        (
            "Title",
            md_text(source["title"]) + formats.coins_span(item),
        ),  # COinS: reference managers read it
        ("People", people),
        ("Published in", md_text(source.get("container", "not stated"))),
        ("Publisher", md_text(source.get("publisher", "not named in the text"))),
        ("Date", md_text(source["date"])),
        ("Genre", source["genre"]),
    ]
    if source.get("url"):
        rows.append(("Link", f"<{source['url']}>"))
    if source.get("omissions"):
        rows.append(("Not in the text", md_text(source["omissions"])))
    rows.append(("Why read it", md_text(source["why"])))
    downloads = " · ".join(
        f"[{label}]({relative(page, formats.export_path(source_id, ext))}){{ download }}"
        for ext, label in formats.FORMATS.items()
    )
    rows.append(("For reference managers", downloads))
    table = "\n".join(f"| {k} | {v} |" for k, v in rows)
    styles = "\n\n".join(
        f"    **{label}:** {citations.reference(item, style)}"
        for style, label in citations.STYLES.items()
    )
    return (
        '<div class="source-card" markdown>\n\n| Record | Detail |\n|---|---|\n'
        + table
        + "\n\n</div>\n\n"
        '??? note "How to cite this source"\n\n' + styles + "\n"
    )


# Styles whose citation of a passage is short enough to give under every excerpt; a note
# (Chicago notes and bibliography) is the full reference, given once in the source card.
PASSAGE_STYLES = ("chicago-author-date", "apa")


def cite_passage(guide: Guide, record) -> str:
    """'Cite this passage': the in-text citations with the excerpt's location as the
    locator, folded in a <details> (no script needed). The full reference, for a note or
    a bibliography, is said once, in the page's "How to cite this source"."""
    item = citations.csl_item(record["source"], guide.sources[record["source"]])
    lines = "".join(
        f"<p><strong>{citations.STYLES[style]}:</strong> {citations.passage(item, style, record['location'])}</p>"
        for style in PASSAGE_STYLES
    )
    return (
        f'<details class="cite-passage"><summary>Cite this passage</summary>{lines}'
        "<p>For a note, the full reference is under How to cite this source.</p></details>"
    )


def excerpt_links(guide: Guide, page: str, excerpt_ids: list[str]) -> str:
    """'Source, location' links to excerpts on their source pages, separated by semicolons."""
    links = []
    for excerpt_id in excerpt_ids:
        record = guide.excerpts[excerpt_id]
        label = f"{guide.sources[record['source']]['short']}, {record['location']}"
        links.append(md_link(label, relative(page, source_page(record["source"]), excerpt_id)))
    return "; ".join(links)


def self_check(guide: Guide, page: str, theme: str) -> str:
    """A theme's questions, each answer folded away (pymdownx.details): the answer, the
    model answer outline (each claim with the excerpts behind it), then the evidence."""
    questions = _lookup(guide.selfcheck, theme, page, "self-check theme", "data/selfcheck.yaml")
    out = []
    for number, item in enumerate(questions["items"], 1):
        title = f"{number}. {item['q']}".replace('"', "'")
        answer = md_text(" ".join(item["a"].split()))
        out.append(
            f'??? question "{md_text(title)}"\n\n    {answer}\n\n{model_outline(guide, page, item.get("outline", []))}'
            f"    **Evidence:** {excerpt_links(guide, page, item['excerpts'])}\n"
        )
    return "\n".join(out)


def model_outline(guide: Guide, page: str, points: list[dict]) -> str:
    """'Model answer outline': an ordered list of claims, each followed by its excerpt
    links; indented to sit inside the folded answer. Empty when there is no outline."""
    if not points:
        return ""
    items = "".join(
        f"    {n}. {md_text(' '.join(p['claim'].split()))} (see {excerpt_links(guide, page, p['excerpts'])})\n"
        for n, p in enumerate(points, 1)
    )
    return f"    **Model answer outline**\n\n{items}\n"


def cite_guide(cff: dict) -> str:
    """'Cite this guide', from CITATION.cff through the same CSL styles as the sources."""
    item = citations.guide_item(cff)
    return (
        "\n\n".join(
            f"**{label}:** {citations.reference(item, style)}"
            for style, label in citations.STYLES.items()
        )
        + "\n"
    )
