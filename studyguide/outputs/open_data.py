"""The guide's data as open data, published with the site under data/: the glossary
(glossary.json) and the excerpts with their citations (excerpts.json), each with its
JSON Schema beside it (from studyguide/schemas/), versioned with the guide (CITATION.cff) and
licensed CC BY-SA 4.0. Every glossary entry and every excerpt is written: nothing is
filtered out. The glossary's CSV is the flashcards' (studyguide.outputs.flashcards).
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from studyguide.cite import citations
from studyguide.crossref.index import build_index
from studyguide.load.guide import Guide
from studyguide.load.schema import SCHEMA_DIR

GLOSSARY_PATH = "data/glossary.json"  # where the site serves them
EXCERPTS_PATH = "data/excerpts.json"
SCHEMAS = {  # schema in studyguide/schemas/ -> where the site serves it, beside its data
    "open-glossary.schema.json": "data/glossary.schema.json",
    "open-excerpts.schema.json": "data/excerpts.schema.json",
}
LICENSE = {
    "license": "CC-BY-SA-4.0",
    "license_url": "https://creativecommons.org/licenses/by-sa/4.0/",
}


def _metadata(guide: Guide, schema: str, description: str) -> dict:
    cff = yaml.safe_load((guide.root / "CITATION.cff").read_text(encoding="utf-8"))
    return {
        "$schema": Path(SCHEMAS[schema]).name,
        "title": cff["title"],
        "description": description,
        "version": str(cff["version"]),
        "date_released": str(cff["date-released"]),
        **LICENSE,
        "url": cff["url"],
    }


def _one_line(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None


def glossary_json(guide: Guide, entry_url) -> dict:
    """Every glossary entry; `entry_url(key)` gives the address of its term page."""
    meta = _metadata(
        guide,
        "open-glossary.schema.json",
        "The study guide's glossary: Chinese terms with hanzi, tone-marked pinyin, English, definition and notes "
        "(definitions and notes in Markdown).",
    )
    entries = [
        {
            "key": e.key,
            "hanzi": e.hanzi,
            "traditional": e.traditional,
            "pinyin": e.pinyin,
            "english": e.english,
            "term": e.term,
            "definition": _one_line(e.definition),
            "aliases": list(e.aliases),
            "see_also": list(e.see_also),
            "category": e.category,
            "notes": _one_line(e.notes),
            "language": _one_line(e.language),
            "url": entry_url(e.key),
        }
        for e in guide.glossary.sorted()
    ]
    return {**meta, "entries": entries}


def excerpts_json(guide: Guide, excerpt_url) -> dict:
    """Every excerpt with its source's reference and the passage's citation in each style."""
    meta = _metadata(
        guide,
        "open-excerpts.schema.json",
        "The key excerpts the guide quotes, word for word (Markdown emphasis kept), with the glossary terms each "
        "uses and its citation in each style. The guide's selection, locations and notes are CC BY-SA 4.0; the "
        "quoted text remains the work of its authors, quoted briefly with attribution.",
    )
    index = build_index(guide)
    items = {key: citations.csl_item(key, source) for key, source in guide.sources.items()}
    references = {
        key: {
            style: citations.plain(citations.reference(item, style)) for style in citations.STYLES
        }
        for key, item in items.items()
    }
    excerpts = [
        {
            "id": record.key,
            "source": record["source"],
            "location": record["location"],
            "speaker": record.get("speaker"),
            "text": _one_line(record["text"]),
            "terms": index.excerpt_terms[record.key],
            "url": excerpt_url(record),
            "citations": {
                style: citations.plain(
                    citations.passage(items[record["source"]], style, record["location"])
                )
                for style in citations.STYLES
            },
            "reference": references[record["source"]],
        }
        for record in guide.excerpts.values()
    ]
    return {**meta, "styles": citations.STYLES, "excerpts": excerpts}


def files(guide: Guide, entry_url, excerpt_url) -> dict[str, str]:
    """Site path -> text, for the data and their schemas."""

    def dump(data):
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    out = {
        GLOSSARY_PATH: dump(glossary_json(guide, entry_url)),
        EXCERPTS_PATH: dump(excerpts_json(guide, excerpt_url)),
    }
    for schema, path in SCHEMAS.items():
        out[path] = (SCHEMA_DIR / schema).read_text(encoding="utf-8")
    return out
