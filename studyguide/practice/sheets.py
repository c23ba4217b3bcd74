"""Printable sheets (docs/study/sheets.md, the sheets_page() macro): a glossary sheet in
columns, a key-facts sheet per source, and each source's quiz with its answer key on the
next page. docs/stylesheets/practice.css starts each sheet on a new printed page."""

from __future__ import annotations

from studyguide.load.guide import Guide
from studyguide.pages.generated import NOTICE
from studyguide.practice.common import Link
from studyguide.practice.quiz import questions_for, quizzes
from studyguide.render.blocks import pinyin, source_page, zh
from studyguide.render.links import md_link, md_text, relative

QUIZ_LENGTH = 10
LETTERS = "ABCD"


def _segments(segs: list) -> str:
    return "".join(zh(s["text"]) if s.get("lang") == "zh-Hans" else pinyin(s["text"]) if s.get("lang") else md_text(s["text"])
                   for s in segs)


def _link(page: str, link: Link) -> str:
    return md_link(link.text, relative(page, link.page, link.anchor))


def glossary_sheet(guide: Guide) -> list[str]:
    out = ['<section class="print-sheet" markdown>\n', "## Glossary sheet {#sheet-glossary}\n",
           "| Hanzi | Pinyin | English |", "|---|---|---|"]
    for e in guide.glossary.sorted():
        out.append(f"| {zh(e.hanzi)} | {pinyin(e.pinyin)} | {md_text(e.english)} |")
    return [*out, "\n</section>\n"]


def source_sheet(guide: Guide, page: str, source_id: str) -> list[str]:
    source = guide.sources[source_id]
    excerpts = guide.excerpts_of(source_id)
    keys = list(dict.fromkeys(k for x in excerpts for k in x["terms"]))
    out = ['<section class="print-sheet" markdown>\n', f"## Key facts: {md_text(source['short'])} {{#sheet-{source_id}}}\n",
           f"**{md_text(source['title'])}** · {md_text(source['genre'])} · {md_text(str(source['date']))} · "
           + md_link("source page", relative(page, source_page(source_id))) + "\n",
           md_text(source["why"]) + "\n", "**Its terms:** " + "; ".join(
               f"{zh(guide.glossary.entries[k].hanzi)} {pinyin(guide.glossary.entries[k].pinyin)} {md_text(guide.glossary.entries[k].english)}"
               for k in keys) + "\n"]
    dated = [e for e in sorted(guide.timeline, key=lambda e: e["date"]) if e["source"] == source_id]
    if dated:
        out.append("**Dates it gives:**\n")
        out += [f"- {md_text(e['when'])}: {md_text(' '.join(e['event'].split()))}" for e in dated]
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
        out += ['<section class="print-sheet" markdown>\n', f"## Quiz: {md_text(quiz['title'].split(': ', 1)[1])} {{#sheet-quiz-{slug}}}\n"]
        for n, q in enumerate(chosen, 1):
            out.append(f"{n}. {_segments(q.prompt)}\n")
            out += [f"    - {LETTERS[i]}. {_segments(o.text)}" for i, o in enumerate(q.options)]
            out.append("")
        out += ["\n</section>\n", '<section class="print-sheet" markdown>\n',
                f"### Answer key: {md_text(quiz['title'].split(': ', 1)[1])} {{#sheet-key-{slug}}}\n"]
        out += [f"{n}. **{LETTERS[q.answer]}** — {md_text(q.why)} ({_link(page, q.link)})" for n, q in enumerate(chosen, 1)]
        out.append("\n</section>\n")
    return out


def sheets_page(guide: Guide, page: str) -> str:
    out = [NOTICE.format(data="glossary.yaml, data/sources.yaml, data/excerpts/ and data/timeline.yaml", macro="sheets_page")]
    out.append("Print this page (or save it as PDF): each sheet starts on a new page, and each "
               "quiz's answer key is on the page after it.\n")
    out += glossary_sheet(guide)
    for source_id in guide.sources:
        out += source_sheet(guide, page, source_id)
    out += quiz_sheets(guide, page)
    return "\n".join(out) + "\n"
