"""The Anki deck's excerpt notes: a cloze (a verbatim excerpt with a key term blanked) and
"who wrote this?" (excerpt → source), the same cards as the flashcard page
(studyguide.practice.cards). Every note carries its source's citation. Model ids and
guids are fixed (guids from the excerpt id and term key), so re-importing an updated deck
updates these notes in place; the glossary notes' model and guids
(studyguide.outputs.flashcards) are untouched.
"""

from __future__ import annotations

import html
import re
from functools import cache

from studyguide.cite.citations import csl_item, reference
from studyguide.cite.citations import plain as plain_citation
from studyguide.load.guide import Guide
from studyguide.practice.cards import find_term
from studyguide.practice.context import plain

CLOZE_MODEL_ID = 1_651_802_350  # fixed forever, like flashcards.MODEL_ID
WHO_MODEL_ID = 1_651_802_351
CSS = (
    ".card { font-family: system-ui, sans-serif; font-size: 20px; text-align: center; }"
    " .cite { font-size: 14px; color: #555; }"
)


@cache
def models():
    import genanki

    cloze = genanki.Model(
        CLOZE_MODEL_ID,
        "Study guide excerpt (cloze)",
        model_type=genanki.Model.CLOZE,
        fields=[{"name": n} for n in ("Text", "Term", "Location", "Citation", "Id")],
        templates=[
            {
                "name": "Cloze",
                "qfmt": "{{cloze:Text}}",
                "afmt": '{{cloze:Text}}<hr id="answer"><div>{{Term}}</div>'
                '<div class="cite">{{Location}} · {{Citation}}</div>',
            }
        ],
        css=CSS,
    )
    who = genanki.Model(
        WHO_MODEL_ID,
        "Study guide excerpt (who wrote this?)",
        fields=[{"name": n} for n in ("Id", "Text", "Speaker", "Location", "Citation")],
        templates=[
            {
                "name": "Who wrote this?",
                "qfmt": "<div>Who wrote this?</div><blockquote>{{Text}}</blockquote>",
                "afmt": '{{FrontSide}}<hr id="answer"><div><b>{{Speaker}}</b></div>'
                '<div class="cite">{{Location}} · {{Citation}}</div>',
            }
        ],
        css=CSS,
    )
    return cloze, who


def guid(namespace: str, *parts: str) -> str:
    import genanki

    return genanki.guid_for(namespace, "excerpt", *parts)


def notes(guide: Guide, namespace: str) -> list:
    """The excerpt notes, in excerpt order: a "who wrote this?" note per excerpt and a
    cloze note per term the excerpt's text really contains. Their guids are made in the
    deck's `namespace` (studyguide.outputs.flashcards.GUID_NAMESPACE), which passes it in."""
    import genanki

    cloze_model, who_model = models()
    out = []
    for excerpt_id, record in guide.excerpts.items():
        text = plain(record["text"])
        source = guide.sources[record["source"]]
        citation = html.escape(
            plain_citation(
                reference(csl_item(record["source"], source), "chicago-notes-bibliography")
            )
        )
        speaker = (f"{record['speaker']}, in " if record.get("speaker") else "") + source["short"]
        fields = [
            excerpt_id,
            html.escape(text),
            html.escape(speaker),
            html.escape(record["location"]),
            citation,
        ]
        out.append(
            genanki.Note(
                model=who_model,
                fields=fields,
                guid=guid(namespace, excerpt_id),
                sort_field=excerpt_id,
            )
        )
        for key in record["terms"]:
            entry = guide.glossary.entries[key]
            found = find_term(text, entry)
            if not found:
                continue
            blanked = re.sub(
                re.escape(html.escape(found)),
                lambda m: "{{c1::" + m.group(0) + "}}",
                html.escape(text),
                flags=re.IGNORECASE,
            )
            term = html.escape(f"{entry.term} · {entry.hanzi} · {entry.pinyin} — {entry.english}")
            fields = [
                blanked,
                term,
                html.escape(record["location"]),
                citation,
                f"{excerpt_id}:{key}",
            ]
            out.append(
                genanki.Note(
                    model=cloze_model,
                    fields=fields,
                    guid=guid(namespace, excerpt_id, key),
                    sort_field=blanked,
                )
            )
    return out
