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

from studyguide.load.guide import Guide

GLOBAL = "guideSearchTerms"


def records(guide: Guide) -> list[dict]:
    """One record per glossary entry, in glossary order."""
    out = []
    for e in guide.glossary.sorted():
        out.append({
            "url": f"terms/{e.key}/",
            "hanzi": e.hanzi,
            "traditional": e.traditional or "",
            "pinyin": e.pinyin,
            "english": e.english,
            "aliases": [a for a in e.aliases if a != e.english],
            "summary": e.summary,
        })
    return out


def script(guide: Guide) -> str:
    """The records as a script that sets window.guideSearchTerms (a script, not JSON, so
    the offline copy, opened from disk where fetch() is refused, loads it too)."""
    body = json.dumps(records(guide), ensure_ascii=False, separators=(",", ":"))
    return f"window.{GLOBAL}={body};\n"
