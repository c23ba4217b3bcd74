"""Printable sheets (docs/study/sheets.md, the sheets_page() macro): the glossary on one
sheet, one sheet per source (its thesis and evidence from the source page's "In brief"
and "Key points", and five quotes from its excerpts), and each source's quiz with its
answer key on the next page. docs/stylesheets/practice.css (browser print) and
studyguide/outputs/pdf/print.css (the book's appendix) start each sheet on a new printed
page and set them small enough that each fits one; tests/test_sheets_print.py prints
them and reads the PDF back."""

from __future__ import annotations

import re

from studyguide.errors import GuideError, Problem
from studyguide.load.guide import Guide
from studyguide.pages import NOTICE
from studyguide.pages.sections import sections
from studyguide.practice.context import Link
from studyguide.practice.quiz import questions_for, quizzes
from studyguide.render.blocks import pinyin, source_page, zh
from studyguide.render.links import md_link, md_text, relative

QUIZ_LENGTH = 10
LETTERS = "ABCD"


def _segments(segs: list) -> str:
    return "".join(
        zh(s["text"])
        if s.get("lang") == "zh-Hans"
        else pinyin(s["text"])
        if s.get("lang")
        else md_text(s["text"])
        for s in segs
    )


def _link(page: str, link: Link) -> str:
    return md_link(link.text, relative(page, link.page, link.anchor))


def glossary_sheet(guide: Guide) -> list[str]:
    out = [
        '<section class="print-sheet" markdown>\n',
        "## Glossary sheet {#sheet-glossary}\n",
        "| Hanzi | Pinyin | English |",
        "|---|---|---|",
    ]
    for e in guide.glossary.sorted():
        out.append(f"| {zh(e.hanzi)} | {pinyin(e.pinyin)} | {md_text(e.english)} |")
    return [*out, "\n</section>\n"]


QUOTES = 5
# A macro call in a page's Markdown: {{ who("key") }}, {{ term("key", "label") }}.
_MACRO = re.compile(r'\{\{\s*(\w+)\(\s*"([^"]+)"\s*(?:,\s*"([^"]*)"\s*)?\)\s*\}\}')
_MD_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\([^)]*\)(\{[^}]*\})?")
_QUOTED = re.compile(r'["“]([^"”]{12,})["”]')


def _plain(guide: Guide, text: str, where: str) -> str:
    """A page's Markdown for print: who()/term() calls become their words, links their text.
    Any other macro is an error naming the page (the sheet could not show it)."""

    def words(match: re.Match) -> str:
        name, key, label = match.groups()
        if name == "who" and key in guide.people:
            return label or guide.people[key]["name"]
        if name == "term" and key in guide.glossary.entries:
            return label or guide.glossary.entries[key].term
        raise GuideError(
            Problem(
                where,
                None,
                key,
                f"the printable sheet cannot show {match.group(0)}: "
                "its In brief and Key points may call who() and term() only",
            )
        )

    return _MD_LINK.sub(r"\1", _MACRO.sub(words, text))


def core_sections(guide: Guide, source_id: str) -> dict[str, str]:
    """The source page's "In brief" and "Key points", as plain Markdown."""
    path = source_page(source_id)
    text = (guide.root / "docs" / path).read_text(encoding="utf-8")
    found = {s.title: s.text for s in sections(text) if s.level == 2}
    missing = [t for t in ("In brief", "Key points") if t not in found]
    if missing:
        raise GuideError(
            Problem(
                f"docs/{path}",
                None,
                missing[0],
                f"no '## {missing[0]}' section for the printable sheet",
            )
        )
    return {t: _plain(guide, found[t], f"docs/{path}") for t in ("In brief", "Key points")}


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").lower().split())


def sheet_quotes(guide: Guide, source_id: str, core: str) -> list:
    """Five of the source's excerpts, in the text's order: first those whose words the In
    brief or Key points quote (the thesis's own evidence), then the shortest others."""
    excerpts = guide.excerpts_of(source_id)
    phrases = [_norm(q) for q in _QUOTED.findall(core)]
    quoted = [x for x in excerpts if any(p in _norm(x["text"]) for p in phrases)]
    others = sorted((x for x in excerpts if x not in quoted), key=lambda x: len(x["text"].split()))
    chosen = {x.key for x in (quoted + others)[:QUOTES]}
    return [x for x in excerpts if x.key in chosen]


def source_sheet(guide: Guide, page: str, source_id: str) -> list[str]:
    """One printed page: the source, its thesis and evidence (the page's In brief and Key
    points) and five quotes from its excerpts."""
    source = guide.sources[source_id]
    core = core_sections(guide, source_id)
    out = [
        '<section class="print-sheet" markdown>\n',
        f"## {md_text(source['short'])} {{#sheet-{source_id}}}\n",
        f"**{md_text(source['title'])}** · {md_text(source['genre'])} · {md_text(str(source['date']))} · "
        + md_link("source page", relative(page, source_page(source_id)))
        + "\n",
        "### Thesis and evidence\n",
        core["In brief"] + "\n",
        "### Key points\n",
        core["Key points"] + "\n",
        "### Five quotes\n",
    ]
    for n, x in enumerate(sheet_quotes(guide, source_id, core["In brief"] + core["Key points"]), 1):
        who = f"{md_text(x['speaker'])}, " if x.get("speaker") else ""
        out.append(f"{n}. “{md_text(' '.join(x['text'].split()))}” ({who}{md_text(x['location'])})")
    return [*out, "\n</section>\n"]


def quiz_sheets(guide: Guide, page: str) -> list[str]:
    ctx, questions = questions_for(guide)
    by_id = {q.id: q for q in questions}
    out = []
    for quiz in quizzes(ctx, questions):
        if not quiz["id"].startswith("source:"):
            continue
        slug = quiz["id"].split(":")[1]
        chosen = [by_id[i] for i in quiz["questions"][:QUIZ_LENGTH]]
        out += [
            '<section class="print-sheet" markdown>\n',
            f"## Quiz: {md_text(quiz['title'].split(': ', 1)[1])} {{#sheet-quiz-{slug}}}\n",
        ]
        for n, q in enumerate(chosen, 1):
            out.append(f"{n}. {_segments(q.prompt)}\n")
            out += [f"    - {LETTERS[i]}. {_segments(o.text)}" for i, o in enumerate(q.options)]
            out.append("")
        out += [
            "\n</section>\n",
            '<section class="print-sheet" markdown>\n',
            f"### Answer key: {md_text(quiz['title'].split(': ', 1)[1])} {{#sheet-key-{slug}}}\n",
        ]
        out += [
            f"{n}. **{LETTERS[q.answer]}** — {md_text(q.why)} ({_link(page, q.link)})"
            for n, q in enumerate(chosen, 1)
        ]
        out.append("\n</section>\n")
    return out


def sheets_page(guide: Guide, page: str) -> str:
    out = [
        NOTICE.format(
            data="glossary.yaml, data/sources.yaml, data/excerpts/ and the source pages' In brief and Key points",
            macro="sheets_page",
        )
    ]
    out.append(
        "Print this page (or save it as PDF): the glossary on one sheet, then one sheet per source "
        "(its thesis and evidence, key points and five quotes), then a quiz per source with its "
        "answer key on the page after it.\n"
    )
    out += glossary_sheet(guide)
    for source_id in guide.sources:
        out += source_sheet(guide, page, source_id)
    out += quiz_sheets(guide, page)
    return "\n".join(out) + "\n"
