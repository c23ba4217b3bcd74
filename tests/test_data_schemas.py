"""The data's JSON Schemas: each validates its data file in the repository, and rejects
a minimal example broken on purpose, with the message a contributor will read."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from repo_support import DATA_FILES, ROOT, SCHEMAS, load_yaml
from test_open_data import OPEN_DATA_BROKEN

POINT = {"claim": "Shi says hubs incubate organizations.", "excerpts": ["shi-2014-hub"]}
QUESTION = {
    "q": "What is a hub organization?",
    "a": "An umbrella body.",
    "excerpts": ["shi-2014-hub"],
    "outline": [POINT, POINT],
}

# A theme's position table with one row (data/positions/<theme>.yaml), for the bad edits.
POSITION = {
    "term": "shuniu-zuzhi",
    "rank": 1,
    "rows": [
        {"source": "shi-2014", "gist": "Hubs", "position": "P.", "evidence": "E.", "concedes": "C."}
    ],
}

# (schema, smallest valid document, how to break it, what the error says)
BROKEN = [
    (
        "glossary.schema.json",
        {
            "hukou": {
                "hanzi": "户口",
                "pinyin": "hùkǒu",
                "english": "household registration",
                "definition": "Where one belongs.",
            }
        },
        lambda d: d["hukou"].pop("hanzi"),
        "'hanzi' is a required property",
    ),
    (
        "excerpts.schema.json",
        {
            "shi-2014-hub": {
                "source": "shi-2014",
                "location": "Section 3",
                "text": "hub",
                "terms": [],
                "note": "Why.",
            }
        },
        lambda d: d["shi-2014-hub"].update(page=12),
        "Additional properties are not allowed ('page' was unexpected)",
    ),
    (
        "sources.schema.json",
        {
            "shi-2014": {
                "file": "001_5bd6b06cb465c701.txt",
                "short": "Shi (2014)",
                "title": "T",
                "people": [],
                "date": "2 February 2014",
                "genre": "working paper",
                "why": "Backbone.",
            }
        },
        lambda d: d["shi-2014"].update(genre="novel"),
        "'novel' is not one of",
    ),
    (
        "timeline.schema.json",
        {
            "events": [
                {
                    "date": "2012-10",
                    "precision": "month",
                    "when": "15 October 2012",
                    "event": "Gong's article.",
                    "source": "gong-2012",
                }
            ]
        },
        lambda d: d["events"][0].pop("date"),
        "'date' is a required property",
    ),
    (
        "people.schema.json",
        {
            "gong-weibin": {
                "name": "Gong Weibin",
                "kind": "person",
                "role": "a scholar",
                "about": "A scholar.",
                "sources": ["gong-2012"],
            }
        },
        lambda d: d["gong-weibin"].update(kind="club"),
        "'club' is not one of ['person', 'organization']",
    ),
    (
        "people.schema.json",
        {
            "gong-weibin": {
                "name": "Gong Weibin",
                "kind": "person",
                "role": "a scholar",
                "about": "A scholar.",
                "sources": ["gong-2012"],
            }
        },
        lambda d: d["gong-weibin"].pop("role"),
        "'role' is a required property",
    ),
    (
        "people.schema.json",
        {
            "gong-weibin": {
                "name": "Gong Weibin",
                "kind": "person",
                "role": "a scholar",
                "about": "A scholar.",
                "sources": ["gong-2012"],
            }
        },
        lambda d: d["gong-weibin"].update(role="a scholar " * 10),
        "is too long",
    ),
    (
        "selfcheck.schema.json",
        {"hub-organizations": [QUESTION, QUESTION, QUESTION]},
        lambda d: d["hub-organizations"].pop(),
        "is too short",
    ),
    (
        "selfcheck.schema.json",
        {"hub-organizations": [QUESTION, QUESTION, QUESTION]},
        lambda d: d["hub-organizations"][0].pop("outline"),
        "'outline' is a required property",
    ),
    (
        "selfcheck.schema.json",
        {"hub-organizations": [QUESTION, QUESTION, QUESTION]},
        lambda d: d["hub-organizations"][0].update(
            outline=[{"claim": "A claim with no excerpt."}, POINT]
        ),
        "'excerpts' is a required property",
    ),
    (
        "csl-data.schema.json",
        [{"id": "s", "type": "report", "title": "T"}],
        lambda d: d[0].update(titel="typo"),  # codespell:ignore titel
        "Additional properties are not allowed",
    ),
    (
        "theme-tags.schema.json",
        {"shi-2014": {"abstract": ["welfare-mix"]}},
        lambda d: d["shi-2014"].update(abstract="welfare-mix"),
        "'welfare-mix' is not of type 'array'",
    ),
    (
        "positions.schema.json",
        POSITION,
        lambda d: d["rows"][0].update(
            silent="Shi is silent."
        ),  # a row is either a position or silent
        "is not valid under any of the given schemas",
    ),
    (
        "positions.schema.json",
        POSITION,
        lambda d: d["rows"][0].pop("concedes"),
        "is not valid under any of the given schemas",
    ),
    (
        "questions.schema.json",
        [
            {
                "id": "shi-hubs-why",
                "kind": "agree",
                "ask": "Why, for Shi, hubs?",
                "answer": "Too few providers.",
                "why": "Shi says the government cannot find enough organizations.",
                "cites": ["shi-2014-hub-organizations"],
                "wrong": [{"text": f"Option {n}", "why": "Not what Shi says."} for n in range(3)],
            }
        ],
        lambda d: d[0]["wrong"].pop(),
        "is too short",
    ),
    *OPEN_DATA_BROKEN,
]


def validator(schema_name: str):
    schema = json.loads((SCHEMAS / schema_name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def errors(schema_name: str, document) -> list[str]:
    return [error.message for error in validator(schema_name).iter_errors(document)]


def test_every_schema_in_schemas_has_its_data_files_and_a_broken_example_here():
    schemas = {path.name for path in SCHEMAS.glob("*.schema.json")}
    assert schemas == set(DATA_FILES), "add the new schema to DATA_FILES and BROKEN"
    assert schemas == {name for name, *_ in BROKEN}


@pytest.mark.parametrize(
    "schema_name, data_file",
    [(schema, data) for schema, files in DATA_FILES.items() for data in files],
    ids=lambda value: value,
)
def test_schema_accepts_its_data_file_in_the_repo(schema_name, data_file):
    path = ROOT / data_file
    if not path.exists():
        pytest.skip(f"{data_file} does not exist yet")
    assert errors(schema_name, load_yaml(path)) == []


@pytest.mark.parametrize("schema_name, good, breaks, message", BROKEN, ids=[b[0] for b in BROKEN])
def test_schema_accepts_a_minimal_example_and_rejects_it_broken(schema_name, good, breaks, message):
    assert errors(schema_name, good) == []
    broken = copy.deepcopy(good)
    breaks(broken)
    found = errors(schema_name, broken)
    assert any(message in error for error in found), f"expected {message!r} in {found}"
