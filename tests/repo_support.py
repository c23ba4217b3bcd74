"""Shared by the tests of the repository's own files: check-jsonschema run offline
(its vendored schemas, and a proxy that refuses every connection, so these tests also
prove that the hooks need no network) and a YAML loader."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
SCHEMAS = ROOT / "studyguide" / "schemas"
SOURCE_IDS = ["baek-interview", "shi-2014", "gong-2012", "hhm-interview", "zhuojun-blog"]

# Each schema in studyguide/schemas/ and the data files it describes.
DATA_FILES = {
    "glossary.schema.json": ["glossary.yaml"],
    "sources.schema.json": ["data/sources.yaml"],
    "excerpts.schema.json": [f"data/excerpts/{source}.yaml" for source in SOURCE_IDS],
    "people.schema.json": ["data/people.yaml"],
    "timeline.schema.json": ["data/timeline.yaml"],
    "selfcheck.schema.json": ["data/selfcheck.yaml"],
    "csl-data.schema.json": [],  # written by studyguide.cite.citations, checked in tests/test_cite.py
    "theme-tags.schema.json": ["data/theme-tags.yaml"],
    "questions.schema.json": sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "data/questions").glob("*.yaml")
    ),
    "positions.schema.json": sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "data/positions").glob("*.yaml")
    ),
    "open-glossary.schema.json": [],  # data/glossary.json in the site (studyguide.outputs.open_data), tests/test_open_data.py
    "open-excerpts.schema.json": [],  # data/excerpts.json in the site, likewise
}

# Any attempt to download a schema goes to a port where nothing listens, and fails.
OFFLINE = dict(
    os.environ, HTTP_PROXY="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9", NO_PROXY=""
)


def check_jsonschema(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--no-cache", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env=OFFLINE,
    )


def assert_valid(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, f"check-jsonschema rejected it:\n{result.stdout}{result.stderr}"


def assert_rejected(result: subprocess.CompletedProcess, fragment: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, (
        f"check-jsonschema should have rejected it (exit 1), got {result.returncode}:\n{output}"
    )
    assert "Schema validation errors were encountered" in output, output
    assert fragment in output, f"expected {fragment!r} in:\n{output}"


def load_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))
