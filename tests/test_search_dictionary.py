"""The search dictionary (docs/javascripts/search-dictionary.js, fed by
studyguide/crossref/search_terms.py) names the term a reader typed, run in node against
the real glossary: exact forms first, tone marks and spaces folded, one typo from five
letters, and nothing for a query that is not a term."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import ROOT
from studyguide.crossref.search_terms import records
from studyguide.load.guide import load_guide


def published_term_url(key: str) -> str:
    """A term page's URL in the published site (checked against the build's page manifest
    by test_the_dictionary_links_terms_where_mkdocs_put_them)."""
    return f"terms/{key}/"


SCRIPT = ROOT / "docs/javascripts/search-dictionary.js"

QUERIES = {
    "hukou": "terms/hukou/",
    "hùkǒu": "terms/hukou/",
    "HU KOU": "terms/hukou/",
    "户口": "terms/hukou/",
    "戶口": "terms/hukou/",
    "hukuo": "terms/hukou/",
    "维稳": "terms/weiwen/",
    "维权": "terms/weiquan/",
    "wéiquán": "terms/weiquan/",
    "shuniu zuzhi": "terms/shuniu-zuzhi/",
    "hub organizations": "terms/shuniu-zuzhi/",
    "work unit": "terms/danwei/",
    "stability maintenence": "terms/weiwen/",  # codespell:ignore maintenence
    "huku": None,  # four letters: too short for a typo
    "hokuu": None,  # two typos
    "the": None,
    "": None,
    "户": None,
}


def run_node(queries: list[str]) -> list:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node not installed: the JavaScript side is not checked")
    terms = records(load_guide(ROOT), published_term_url)
    code = (
        f"const d = require({json.dumps(str(SCRIPT))}); "
        f"const terms = {json.dumps(terms, ensure_ascii=False)};"
        f"console.log(JSON.stringify({json.dumps(queries, ensure_ascii=False)}"
        ".map(q => { const t = d.match(q, terms); return t && t.url; })))"
    )
    out = subprocess.run(
        [node, "-e", code], capture_output=True, text=True, timeout=30, check=True
    ).stdout
    return json.loads(out)


def test_each_query_names_its_term_or_none():
    got = dict(zip(QUERIES, run_node(list(QUERIES)), strict=True))
    wrong = {q: (got[q], want) for q, want in QUERIES.items() if got[q] != want}
    assert not wrong, f"query: (found, expected): {wrong}"


def test_every_term_is_found_by_each_of_its_forms():
    terms = records(load_guide(ROOT), published_term_url)
    queries = [f for t in terms for f in (t["hanzi"], t["pinyin"], t["english"])]
    found = run_node(queries)
    expected = [t["url"] for t in terms for _ in range(3)]
    missed = [(q, f, e) for q, f, e in zip(queries, found, expected, strict=True) if f != e]
    assert not missed, (
        f"forms that do not find their own term (query, found, expected): {missed[:8]}"
    )


def test_records_carry_what_the_result_shows():
    terms = {t["url"]: t for t in records(load_guide(ROOT), published_term_url)}
    hukou = terms["terms/hukou/"]
    assert (hukou["hanzi"], hukou["traditional"], hukou["pinyin"], hukou["english"]) == (
        "户口",
        "戶口",
        "hùkǒu",
        "household registration",
    )
    assert hukou["summary"].endswith(".") and "\n" not in hukou["summary"]


def test_each_term_pages_search_entry_starts_with_its_definition_and_has_toneless_pinyin(site):
    """What Material's result shows first is the definition (not the reading time or a
    provenance note), and the toneless and unspaced pinyin are in the entry."""
    from studyguide.crossref.search_terms import _plain

    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    wrong = []
    for term in records(load_guide(ROOT), published_term_url):
        text = docs[term["url"]]["text"]
        first = _plain(text.split("</p>", 1)[0])
        plain = "".join(
            c for c in __import__("unicodedata").normalize("NFD", term["pinyin"]) if c.isascii()
        )
        if (
            first.split()[:3] != _plain(term["summary"]).split()[:3]
            or plain.replace(" ", "") not in text
            or "Reading time" in text
        ):
            wrong.append((term["url"], first[:60]))
    assert not wrong, (
        f"term entries that do not start with the definition or lack toneless pinyin: {wrong[:5]}"
    )


def test_the_dictionary_links_terms_where_mkdocs_put_them(site):
    """The records' URLs are the term pages' URLs in the build's page manifest (`make
    offline` turns directory URLs off, terms/hukou.html: the links follow MkDocs)."""
    from studyguide.load import page_manifest
    from studyguide.load.page_paths import term_page

    manifest = page_manifest.read(site)
    script = (site / "javascripts/search-terms.js").read_text(encoding="utf-8")
    guide = load_guide(ROOT)
    terms = json.loads(script.split("=", 1)[1].rstrip().rstrip(";"))
    assert [t["url"] for t in terms] == [
        manifest.url(term_page(e.key)) for e in guide.glossary.sorted()
    ]
    assert all((site / manifest.page(term_page(e.key)).dest).is_file() for e in guide.glossary)
