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
from collections.abc import Callable

from studyguide.load.guide import Guide
from studyguide.load.html_text import elements, html_text
from studyguide.load.pinyin import toneless

GLOBAL = "guideSearchTerms"
# Tone marks folded in Material's search (docs/javascripts/search-pinyin.js): in the query
# by a worker that runs Material's (overrides/main.html points Material's config at it),
# in the index by a lunr language module Material's worker loads for each language the
# index names.
FOLD_LANGUAGE = "pinyin"
FOLD_MODULE = f"assets/javascripts/lunr/min/lunr.{FOLD_LANGUAGE}.min.js"
FOLD_WORKER = "assets/javascripts/workers/guide-search.js"


TermUrl = Callable[[str], str]  # glossary key -> its term page's URL, as MkDocs gave it


def records(guide: Guide, term_url: TermUrl) -> list[dict]:
    """One record per glossary entry, in glossary order; `url` the term page's URL in the
    build (terms/hukou/, or terms/hukou.html in the offline copy, which has no directory
    URLs), from MkDocs' files."""
    out = []
    for e in guide.glossary.sorted():
        out.append(
            {
                "url": term_url(e.key),
                "hanzi": e.hanzi,
                "traditional": e.traditional or "",
                "pinyin": e.pinyin,
                "english": e.english,
                "aliases": [a for a in e.aliases if a != e.english],
                "summary": e.summary,
            }
        )
    return out


def script(guide: Guide, term_url: TermUrl) -> str:
    """The records as a script that sets window.guideSearchTerms (a script, not JSON, so
    the offline copy, opened from disk where fetch() is refused, loads it too)."""
    body = json.dumps(records(guide, term_url), ensure_ascii=False, separators=(",", ":"))
    return f"window.{GLOBAL}={body};\n"


MARKS = re.compile(r"[\u200b*_`\[\]]")  # word breaks and Markdown marks, not words


def _words(text: str) -> str:
    """Text as words: word breaks and Markdown marks gone, whitespace folded."""
    return " ".join(MARKS.sub("", text).split())


def _plain(text: str) -> str:
    """Search text (HTML) or Markdown as words: tags gone (an HTML parser), marks gone."""
    return _words(html_text(text))


def rewrite_index(index: dict, guide: Guide, term_url: TermUrl) -> dict:
    """Material's search index with each term page's own entry reordered for its result:
    the definition first (the result shows its first lines, which were the reading time,
    the spelling line and, for hukou, a provenance note), then the spelling line, then the
    rest, without the reading time; and the pinyin's toneless and unspaced forms added
    (hùkǒu, hukou, hu kou), so Material matches them as well as the dictionary part does.
    The index's languages gain FOLD_LANGUAGE, whose module folds tone marks."""
    lang = index["config"].setdefault("lang", ["en"])
    if FOLD_LANGUAGE not in lang:
        lang.append(FOLD_LANGUAGE)
    entries = {term_url(e.key): e for e in guide.glossary}
    for doc in index["docs"]:
        e = entries.get(doc["location"])
        if e is None:
            continue
        kept = [(b, _words(t)) for b, t in elements(doc["text"], "p")]
        kept = [(b, w) for b, w in kept if not w.startswith("Reading time")]
        start = _plain(e.definition)[:40]
        first = [b for b, w in kept if w.startswith(start)][:1]
        blocks = [b for b, _ in kept]
        forms = dict.fromkeys([e.pinyin, toneless(e.pinyin), toneless(e.pinyin).replace(" ", "")])
        rest = [b for b in blocks if b not in first]
        doc["text"] = " ".join([*first, *rest, f"<p>{' · '.join(forms)}</p>"])
    return index
