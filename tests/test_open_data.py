"""The open data the site publishes (data/glossary.json, data/excerpts.json, the CSV),
validated in the built site against the JSON Schemas published beside them, with nothing
silently dropped, the guide's version and licence, and addresses that exist."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
import yaml
from jsonschema import Draft202012Validator

from studyguide import ROOT
from studyguide.outputs.open_data import SCHEMAS

OPEN_DATA = {
    "title": "T",
    "description": "D",
    "version": "0.1.0",
    "date_released": "2026-11-24",
    "license": "CC-BY-SA-4.0",
    "license_url": "https://creativecommons.org/licenses/by-sa/4.0/",
    "url": "https://example.org/",
}
STYLED = {"chicago-notes-bibliography": "C", "chicago-author-date": "(C)", "apa": "(A)"}
# For tests/test_repo_files.py's schema registry: (schema, smallest valid document, how to break it, the error)
OPEN_DATA_BROKEN = [
    (
        "open-glossary.schema.json",
        {
            "$schema": "glossary.schema.json",
            **OPEN_DATA,
            "entries": [
                {
                    "key": "hukou",
                    "hanzi": "户口",
                    "traditional": "戶口",
                    "pinyin": "hùkǒu",
                    "english": "household registration",
                    "term": "hukou",
                    "definition": "D.",
                    "aliases": [],
                    "see_also": [],
                    "category": None,
                    "notes": None,
                    "language": None,
                    "url": "https://example.org/terms/hukou/",
                }
            ],
        },
        lambda d: d["entries"][0].pop("traditional"),
        "'traditional' is a required property",
    ),
    (
        "open-excerpts.schema.json",
        {
            "$schema": "excerpts.schema.json",
            **OPEN_DATA,
            "styles": STYLED,
            "excerpts": [
                {
                    "id": "shi-2014-hub",
                    "source": "shi-2014",
                    "location": "§3",
                    "speaker": None,
                    "text": "hub",
                    "terms": [],
                    "url": "https://example.org/sources/shi-2014/#shi-2014-hub",
                    "citations": STYLED,
                    "reference": STYLED,
                }
            ],
        },
        lambda d: d["excerpts"][0]["citations"].pop("apa"),
        "'apa' is a required property",
    ),
]


def load(site, path):
    return json.loads((site / path).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def published(site):
    data = {}
    for schema_file, schema_path in SCHEMAS.items():
        schema = load(site, schema_path)
        assert schema == json.loads(
            (ROOT / "studyguide/schemas" / schema_file).read_text(encoding="utf-8")
        )
        Draft202012Validator.check_schema(schema)
        document = load(site, schema_path.replace(".schema", ""))
        errors = [
            f"{list(e.absolute_path)}: {e.message}"
            for e in Draft202012Validator(schema).iter_errors(document)
        ]
        assert not errors, errors
        data[schema_path.replace(".schema.json", "").removeprefix("data/")] = document
    return data


def test_every_glossary_entry_is_published_with_every_field(published, guide):
    entries = published["glossary"]["entries"]
    assert [e["key"] for e in entries] == [e.key for e in guide.glossary.sorted()]
    hukou = next(e for e in entries if e["key"] == "hukou")
    source = guide.glossary.entries["hukou"]
    assert (hukou["hanzi"], hukou["pinyin"], hukou["english"], hukou["see_also"]) == (
        source.hanzi,
        source.pinyin,
        source.english,
        list(source.see_also),
    )


def test_every_excerpt_is_published_with_its_citations(published, guide):
    excerpts = published["excerpts"]["excerpts"]
    assert [e["id"] for e in excerpts] == list(guide.excerpts)
    shi = next(e for e in excerpts if e["id"].startswith("shi-2014"))
    assert shi["citations"]["chicago-author-date"].startswith("(Shi 2014, sec.")
    assert shi["reference"]["apa"].startswith("Shi, S.-J. (2014).")


def test_the_data_carry_the_guides_version_and_licence(published):
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    for document in published.values():
        assert document["version"] == str(cff["version"]) and document["license"] == "CC-BY-SA-4.0"


def test_each_address_is_a_built_page_and_its_anchor(published, site):
    from mkdocs.config import load_config

    base = load_config(str(ROOT / "mkdocs.yml")).site_url
    addresses = [e["url"] for e in published["glossary"]["entries"]] + [
        e["url"] for e in published["excerpts"]["excerpts"]
    ]
    pages: dict[str, str] = {}
    for address in addresses:
        assert address.startswith(base), address
        path = urlsplit(address).path.removeprefix(urlsplit(base).path)
        page = pages.setdefault(path, (site / path / "index.html").read_text(encoding="utf-8"))
        fragment = urlsplit(address).fragment
        assert not fragment or f'id="{fragment}"' in page, address


def test_the_csv_is_published_and_the_about_page_links_every_file(site):
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    for path in [
        "data/glossary.json",
        "data/glossary.schema.json",
        "data/excerpts.json",
        "data/excerpts.schema.json",
        "study/guide-glossary.csv",
    ]:
        assert (site / path).is_file(), path
        assert re.search(rf'href="\.\./{re.escape(path)}"', about), path


def test_the_glossary_schema_rejects_a_bad_entry(published):
    schema = json.loads(
        (ROOT / "studyguide/schemas/open-glossary.schema.json").read_text(encoding="utf-8")
    )
    good = published["glossary"]
    entry = dict(good["entries"][0])
    for broken in (
        {k: v for k, v in entry.items() if k != "hanzi"},
        {**entry, "see_also": ["Not A Key"]},
        {**entry, "category": "novel"},
        {**entry, "url": "glossary/#x"},
    ):
        assert list(Draft202012Validator(schema).iter_errors({**good, "entries": [broken]})), broken
    assert list(Draft202012Validator(schema).iter_errors({**good, "license": "MIT"}))
