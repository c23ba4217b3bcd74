"""Each source's citation for reference managers, read back by independent parsers from
the built site: the .bib by bibtexparser, the .ris by a minimal RIS reader, the .json by
the CSL-JSON schema, and the COinS span on the source's page by urllib's query parser."""

from __future__ import annotations

import json
import re
from html import unescape
from urllib.parse import parse_qs

import bibtexparser
import pytest
from jsonschema import Draft202012Validator

from studyguide import ROOT
from studyguide.cite.citations import csl_item
from studyguide.cite.formats import bibtex, coins, ris

SOURCES = ["baek-interview", "shi-2014", "gong-2012", "hhm-interview", "zhuojun-blog"]


@pytest.fixture(scope="module")
def items(guide):
    assert sorted(guide.sources) == sorted(SOURCES), "update SOURCES"
    return {key: csl_item(key, source) for key, source in guide.sources.items()}


def family_names(item) -> list[str]:
    return [p.get("family", p.get("literal")) for p in item.get("author", [])]


def parse_bib(text: str) -> dict:
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    assert len(library.entries) == 1
    entry = library.entries[0]
    return {"key": entry.key, "type": entry.entry_type, **{f.key: f.value for f in entry.fields}}


def parse_ris(text: str) -> list[tuple[str, str]]:
    """RIS: one `TAG  - value` per line, TY first and ER last."""
    lines = [line for line in text.splitlines() if line.strip()]
    tags = []
    for line in lines:
        match = re.fullmatch(r"([A-Z][A-Z0-9])  - ?(.*)", line)
        assert match, f"not an RIS line: {line!r}"
        tags.append((match[1], match[2]))
    assert tags[0][0] == "TY" and tags[-1] == ("ER", ""), tags
    return tags


@pytest.mark.parametrize("source_id", SOURCES)
def test_bibtex_parses_back_with_the_sources_fields(site, items, source_id):
    item = items[source_id]
    entry = parse_bib((site / "sources" / f"{source_id}.bib").read_text(encoding="utf-8"))
    assert (
        entry["key"] == source_id and re.sub(r"(?<!\\)[{}]", "", entry["title"]) == item["title"]
    )  # less the case braces
    for family in family_names(item):
        assert family in entry["author"]
    if "author" not in item:
        assert "author" not in entry  # an unsigned text gets no invented author
    assert entry.get("year") == (
        str(item["issued"]["date-parts"][0][0]) if "issued" in item else None
    )
    assert entry.get("url") == item.get("URL")


def test_bibtex_titles_protect_the_capitals_a_style_must_keep(site):
    """BibTeX styles that lower-case titles leave braced words alone: proper nouns,
    acronyms and the first word after a colon are braced; other words are not."""
    shi = parse_bib((site / "sources" / "shi-2014.bib").read_text(encoding="utf-8"))["title"]
    assert (
        shi
        == "The emerging new social policy paradigm in {China}: {Reframing} state-society relations"
    ), shi
    gong = parse_bib((site / "sources" / "gong-2012.bib").read_text(encoding="utf-8"))["title"]
    assert "{Chinese}" in gong and "{Party}" not in gong, gong


@pytest.mark.parametrize("source_id", SOURCES)
def test_ris_has_type_title_and_authors(site, items, source_id):
    item = items[source_id]
    tags = parse_ris((site / "sources" / f"{source_id}.ris").read_text(encoding="utf-8"))
    assert dict(tags)["TI"] == item["title"] and dict(tags)["TY"] in {
        "RPRT",
        "NEWS",
        "ELEC",
        "BLOG",
    }
    assert [value.split(",")[0] for tag, value in tags if tag == "AU"] == family_names(item)


def test_csl_json_downloads_are_valid_and_are_the_items_the_citations_use(site, items):
    validator = Draft202012Validator(
        json.loads((ROOT / "studyguide/schemas/csl-data.schema.json").read_text(encoding="utf-8"))
    )
    for source_id, item in items.items():
        document = json.loads((site / "sources" / f"{source_id}.json").read_text(encoding="utf-8"))
        assert not list(validator.iter_errors(document)), source_id
        assert document == [item]


@pytest.mark.parametrize("source_id", SOURCES)
def test_each_source_page_has_a_coins_span_and_links_its_downloads(site, items, source_id):
    page = (site / "sources" / source_id / "index.html").read_text(encoding="utf-8")
    spans = re.findall(r'<span class="Z3988" title="([^"]*)"></span>', page)
    assert len(spans) == 1, "one COinS span per source card"
    fields = parse_qs(unescape(spans[0]), strict_parsing=True)
    item = items[source_id]
    assert fields["ctx_ver"] == ["Z39.88-2004"]
    fmt = fields["rft_val_fmt"][0]
    assert fmt in {
        "info:ofi/fmt:kev:mtx:book",
        "info:ofi/fmt:kev:mtx:journal",
        "info:ofi/fmt:kev:mtx:dc",
    }
    title = {"book": "rft.btitle", "journal": "rft.atitle", "dc": "rft.title"}[
        fmt.rsplit(":", 1)[1]
    ]
    assert fields[title] == [item["title"]]
    people = (
        fields.get("rft.aulast", []) + fields.get("rft.aucorp", []) + fields.get("rft.creator", [])
    )
    assert people == family_names(item)
    if "issued" in item:
        assert fields["rft.date"][0].startswith(str(item["issued"]["date-parts"][0][0]))
    else:
        assert "rft.date" not in fields  # no stated date, none invented
    for ext in ("bib", "ris", "json"):
        assert f'href="../{source_id}.{ext}"' in page


def test_bibtex_escapes_what_would_break_it():
    item = {
        "id": "x",
        "type": "report",
        "title": "Costs & benefits: 50% of {all}_cases #1",
        "author": [{"literal": "Research Group A & B"}, {"family": "Li", "given": "Wei"}],
        "URL": "https://example.org/a_b%20c",
    }
    entry = parse_bib(bibtex(item))
    assert entry["title"] == r"Costs \& benefits: 50\% of \{all\}\_cases \#1"
    assert entry["author"] == r"{Research Group A \& B} and Li, Wei" and entry["url"] == item["URL"]


def test_ris_and_coins_carry_no_empty_fields():
    item = {"id": "x", "type": "webpage", "title": "T"}
    assert parse_ris(ris(item)) == [("TY", "ELEC"), ("TI", "T"), ("ER", "")]
    assert parse_qs(coins(item)) == {
        "ctx_ver": ["Z39.88-2004"],
        "rft_val_fmt": ["info:ofi/fmt:kev:mtx:dc"],
        "rft.type": ["webpage"],
        "rft.title": ["T"],
    }
