"""The glossary as a small search dictionary for the browser (javascripts/search-terms.js).

Material's lunr search ranks by word statistics: 维稳 finds 维权 first, a typo (hukuo)
finds nothing, and tone marks (hùkǒu) only match text that has them. A reader who types
a term expects its page first, as in a dictionary app. docs/javascripts/search-dictionary.js
matches the query against these records (hanzi, traditional, pinyin with or without tones
and spaces, English and the entry's aliases, one typo allowed from five letters) and puts
the term's page first among Material's results.
"""

from __future__ import annotations

import json
import re

from studyguide.load.guide import Guide
from studyguide.load.pinyin import toneless

GLOBAL = "guideSearchTerms"
# Tone marks folded in Material's search (docs/javascripts/search-pinyin.js): in the query
# by a worker that runs Material's (overrides/main.html points Material's config at it),
# in the index by a lunr language module Material's worker loads for each language the
# index names.
FOLD_LANGUAGE = "pinyin"
FOLD_MODULE = f"assets/javascripts/lunr/min/lunr.{FOLD_LANGUAGE}.min.js"
FOLD_WORKER = "assets/javascripts/workers/guide-search.js"


def records(guide: Guide, directory_urls: bool = True) -> list[dict]:
    """One record per glossary entry, in glossary order; `url` as the site writes its
    pages (terms/hukou/, or terms/hukou.html in the offline copy, which has no directory URLs)."""
    out = []
    for e in guide.glossary.sorted():
        out.append(
            {
                "url": f"terms/{e.key}/" if directory_urls else f"terms/{e.key}.html",
                "hanzi": e.hanzi,
                "traditional": e.traditional or "",
                "pinyin": e.pinyin,
                "english": e.english,
                "aliases": [a for a in e.aliases if a != e.english],
                "summary": e.summary,
            }
        )
    return out


def script(guide: Guide, directory_urls: bool = True) -> str:
    """The records as a script that sets window.guideSearchTerms (a script, not JSON, so
    the offline copy, opened from disk where fetch() is refused, loads it too)."""
    body = json.dumps(records(guide, directory_urls), ensure_ascii=False, separators=(",", ":"))
    return f"window.{GLOBAL}={body};\n"


BLOCK = re.compile(r"<p\b.*?</p>", re.S)
TAG = re.compile(r"<[^>]+>|[\u200b*_`\[\]]")


def _plain(text: str) -> str:
    return " ".join(TAG.sub("", text).split())


def rewrite_index(index: dict, guide: Guide) -> dict:
    """Material's search index with each term page's own entry reordered for its result:
    the definition first (the result shows its first lines, which were the reading time,
    the spelling line and, for hukou, a provenance note), then the spelling line, then the
    rest, without the reading time; and the pinyin's toneless and unspaced forms added
    (hùkǒu, hukou, hu kou), so Material matches them as well as the dictionary part does.
    The index's languages gain FOLD_LANGUAGE, whose module folds tone marks."""
    lang = index["config"].setdefault("lang", ["en"])
    if FOLD_LANGUAGE not in lang:
        lang.append(FOLD_LANGUAGE)
    entries = {f"terms/{e.key}/": e for e in guide.glossary}
    for doc in index["docs"]:
        e = entries.get(doc["location"])
        if e is None:
            continue
        blocks = [b for b in BLOCK.findall(doc["text"]) if not _plain(b).startswith("Reading time")]
        start = _plain(e.definition)[:40]
        first = [b for b in blocks if _plain(b).startswith(start)][:1]
        forms = dict.fromkeys([e.pinyin, toneless(e.pinyin), toneless(e.pinyin).replace(" ", "")])
        rest = [b for b in blocks if b not in first]
        doc["text"] = " ".join([*first, *rest, f"<p>{' · '.join(forms)}</p>"])
    return index
