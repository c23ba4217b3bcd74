"""The contributor kit: workflows, Dependabot, CITATION.cff, issue forms, the JSON Schemas of
the data, the codespell word list and the pre-commit hooks. Tests come in pairs where it
matters: the real file validates, and a deliberately broken one is rejected.

check-jsonschema runs with its vendored schemas and a proxy that refuses every connection,
so these tests also prove that the hooks need no network."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from test_open_data import OPEN_DATA_BROKEN

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
SCHEMAS = ROOT / "schemas"
SOURCE_IDS = ["baek-interview", "shi-2014", "gong-2012", "hhm-interview", "zhuojun-blog"]

# Any attempt to download a schema goes to a port where nothing listens, and fails.
OFFLINE = dict(os.environ, HTTP_PROXY="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9", NO_PROXY="")


def check_jsonschema(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--no-cache", *map(str, args)],
        capture_output=True, text=True, timeout=120, env=OFFLINE,
    )


def assert_valid(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, f"check-jsonschema rejected it:\n{result.stdout}{result.stderr}"


def assert_rejected(result: subprocess.CompletedProcess, fragment: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, f"check-jsonschema should have rejected it (exit 1), got {result.returncode}:\n{output}"
    assert "Schema validation errors were encountered" in output, output
    assert fragment in output, f"expected {fragment!r} in:\n{output}"


def load_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# --- (a) GitHub workflows ---------------------------------------------------------------

WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))


def test_there_is_at_least_one_workflow_to_check():
    assert WORKFLOWS, "no workflow under .github/workflows"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_validates_against_vendored_github_workflow_schema(workflow):
    assert_valid(check_jsonschema("--builtin-schema", "vendor.github-workflows", workflow))


def test_workflow_with_a_job_missing_runs_on_and_a_bad_timeout_is_rejected(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "name: broken\n"
        "on: push\n"
        "jobs:\n"
        "  build:\n"
        "    timeout-minutes: fifteen\n"
        "    steps:\n"
        "      - run: make test\n",
        encoding="utf-8",
    )
    result = check_jsonschema("--builtin-schema", "vendor.github-workflows", broken)
    assert_rejected(result, "$.jobs.build")
    assert "'runs-on' is a required property" in result.stdout


def test_zensical_workflow_is_non_blocking_read_only_and_time_limited():
    workflow = load_yaml(GITHUB / "workflows" / "zensical.yml")
    triggers = workflow[True] if True in workflow else workflow["on"]  # PyYAML reads `on:` as True
    assert set(triggers) == {"pull_request", "push", "workflow_dispatch"}
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read"}
    assert "group" in workflow["concurrency"]
    (job,) = workflow["jobs"].values()
    assert job["continue-on-error"] is True
    assert job["timeout-minutes"] == 15
    uses = [step["uses"] for step in job["steps"] if "uses" in step]
    assert uses == ["actions/checkout@v4", "actions/setup-python@v5"]
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "zensical==0.1.1" in runs and "zensical build" in runs and "GITHUB_STEP_SUMMARY" in runs


# --- (b) Dependabot and CITATION.cff ----------------------------------------------------

def test_dependabot_config_validates_against_vendored_dependabot_schema():
    assert_valid(check_jsonschema("--builtin-schema", "vendor.dependabot", GITHUB / "dependabot.yml"))


def test_dependabot_updates_pip_and_github_actions_weekly():
    updates = load_yaml(GITHUB / "dependabot.yml")["updates"]
    assert {u["package-ecosystem"]: u["schedule"]["interval"] for u in updates} == {"pip": "weekly", "github-actions": "weekly"}


def test_citation_cff_validates_against_vendored_cff_schema():
    assert_valid(check_jsonschema("--builtin-schema", "vendor.citation-file-format", ROOT / "CITATION.cff"))


def test_citation_cff_with_an_unknown_type_and_no_authors_is_rejected(tmp_path):
    citation = load_yaml(ROOT / "CITATION.cff")
    citation["type"] = "website"
    del citation["authors"]
    broken = tmp_path / "CITATION.cff"
    broken.write_text(yaml.safe_dump(citation, allow_unicode=True), encoding="utf-8")
    result = check_jsonschema("--builtin-schema", "vendor.citation-file-format", broken)
    assert_rejected(result, "'website' is not one of ['dataset', 'software']")
    assert "'authors' is a required property" in result.stdout


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, fallback]` tags as their fallback."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def test_citation_cff_repository_and_url_match_mkdocs_yml():
    mkdocs = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    citation = load_yaml(ROOT / "CITATION.cff")
    assert citation["repository-code"] == mkdocs["repo_url"]
    assert citation["url"] == mkdocs["site_url"]
    assert citation["title"] == mkdocs["site_name"]


# --- (c) Issue forms --------------------------------------------------------------------

FORMS = GITHUB / "ISSUE_TEMPLATE"


def form_fields(name: str) -> dict[str, dict]:
    body = load_yaml(FORMS / name)["body"]
    return {item["id"]: item for item in body if "id" in item}


def required(field: dict) -> bool:
    return field.get("validations", {}).get("required", False)


@pytest.mark.parametrize("name", ["report-an-error.yml", "suggest-a-term.yml"])
def test_issue_form_validates_against_vendored_issue_forms_schema(name):
    assert_valid(check_jsonschema("--builtin-schema", "vendor.github-issue-forms", FORMS / name))


def test_issue_chooser_config_validates_and_disallows_blank_issues():
    assert_valid(check_jsonschema("--builtin-schema", "vendor.github-issue-config", FORMS / "config.yml"))
    assert load_yaml(FORMS / "config.yml")["blank_issues_enabled"] is False


def test_report_an_error_form_asks_for_page_error_source_quote_and_the_source_check():
    fields = form_fields("report-an-error.yml")
    expected = {"page": "input", "what-is-wrong": "textarea", "source": "dropdown",
                "what-the-source-says": "textarea", "checked": "checkboxes"}
    assert {key: fields[key]["type"] for key in expected if key in fields} == expected
    assert all(required(fields[key]) for key in ("page", "what-is-wrong", "source", "what-the-source-says"))
    assert fields["source"]["attributes"]["options"] == SOURCE_IDS
    (checkbox,) = fields["checked"]["attributes"]["options"]
    assert "I checked the source text" in checkbox["label"] and checkbox["required"] is True


def test_suggest_a_term_form_asks_for_term_hanzi_pinyin_english_source_place_and_why():
    fields = form_fields("suggest-a-term.yml")
    assert set(fields) >= {"term", "hanzi", "pinyin", "english", "source", "place", "why"}
    assert all(required(fields[key]) for key in ("term", "english", "source", "place", "why"))
    assert fields["source"]["type"] == "dropdown"
    assert fields["source"]["attributes"]["options"] == SOURCE_IDS


def test_issue_form_source_dropdowns_list_exactly_the_sources_in_data_sources_yaml():
    assert sorted(load_yaml(ROOT / "data" / "sources.yaml")) == sorted(SOURCE_IDS)


# --- (d) The data's JSON Schemas: real data passes, a broken example fails --------------

DATA_FILES = {
    "glossary.schema.json": ["glossary.yaml"],
    "sources.schema.json": ["data/sources.yaml"],
    "excerpts.schema.json": [f"data/excerpts/{source}.yaml" for source in SOURCE_IDS],
    "people.schema.json": ["data/people.yaml"],
    "timeline.schema.json": ["data/timeline.yaml"],
    "selfcheck.schema.json": ["data/selfcheck.yaml"],
    "csl-data.schema.json": [],  # written by studyguide.outputs.citations, checked in tests/test_cite.py
    "open-glossary.schema.json": [],  # data/glossary.json in the site (studyguide.outputs.open_data), tests/test_open_data.py
    "open-excerpts.schema.json": [],  # data/excerpts.json in the site, likewise
}


QUESTION = {"q": "What is a hub organization?", "a": "An umbrella body.", "excerpts": ["shi-2014-hub"]}

# (schema, smallest valid document, how to break it, what the error says)
BROKEN = [
    ("glossary.schema.json",
     {"hukou": {"hanzi": "户口", "pinyin": "hùkǒu", "english": "household registration", "definition": "Where one belongs."}},
     lambda d: d["hukou"].pop("hanzi"),
     "'hanzi' is a required property"),
    ("excerpts.schema.json",
     {"shi-2014-hub": {"source": "shi-2014", "location": "Section 3", "text": "hub", "terms": [], "note": "Why."}},
     lambda d: d["shi-2014-hub"].update(page=12),
     "Additional properties are not allowed ('page' was unexpected)"),
    ("sources.schema.json",
     {"shi-2014": {"file": "001_5bd6b06cb465c701.txt", "short": "Shi (2014)", "title": "T", "people": [],
                   "date": "2 February 2014", "genre": "working paper", "why": "Backbone."}},
     lambda d: d["shi-2014"].update(genre="novel"),
     "'novel' is not one of"),
    ("timeline.schema.json",
     {"events": [{"year": 2012, "when": "15 October 2012", "event": "Gong's article.", "source": "gong-2012"}]},
     lambda d: d["events"][0].pop("year"),
     "'year' is a required property"),
    ("people.schema.json",
     {"gong-weibin": {"name": "Gong Weibin", "kind": "person", "about": "A scholar.", "sources": ["gong-2012"]}},
     lambda d: d["gong-weibin"].update(kind="club"),
     "'club' is not one of ['person', 'organization']"),
    ("selfcheck.schema.json",
     {"hub-organizations": [QUESTION, QUESTION, QUESTION]},
     lambda d: d["hub-organizations"].pop(),
     "is too short"),
    ("csl-data.schema.json",
     [{"id": "s", "type": "report", "title": "T"}],
     lambda d: d[0].update(titel="typo"),
     "Additional properties are not allowed"),
    *OPEN_DATA_BROKEN,  # tests/test_open_data.py
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


# --- (e) The codespell word list ---------------------------------------------------------

def test_codespell_word_list_is_sorted_lowercase_and_free_of_duplicates():
    words = (ROOT / ".codespell-words.txt").read_text(encoding="utf-8").splitlines()
    assert words, "the word list is empty"
    assert all(word and word == word.strip().lower() and " " not in word for word in words), words
    assert len(words) == len(set(words)), sorted({w for w in words if words.count(w) > 1})
    assert words == sorted(words)


# --- (f) The pre-commit hooks ------------------------------------------------------------

def hooks() -> list[dict]:
    config = load_yaml(ROOT / ".pre-commit-config.yaml")
    return [hook for repo in config["repos"] for hook in repo["hooks"]]


def test_pre_commit_config_has_every_expected_hook():
    ids = {hook["id"] for hook in hooks()}
    expected = {"check-yaml", "end-of-file-fixer", "trailing-whitespace", "yamllint", "codespell", "ruff", "check-jsonschema"}
    assert expected <= ids, f"missing: {sorted(expected - ids)}"


def test_pre_commit_hooks_are_local_system_hooks_that_need_no_network():
    config = load_yaml(ROOT / ".pre-commit-config.yaml")
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    assert {hook["language"] for hook in hooks()} == {"system"}


def test_pre_commit_validates_every_schema_file_and_only_existing_ones():
    named = {
        part for hook in hooks() if hook["id"] == "check-jsonschema"
        for part in hook["entry"].split() if part.startswith("schemas/")
    }
    assert named == {f"schemas/{name}" for name, files in DATA_FILES.items() if files}  # output schemas: their own tests
    assert all((ROOT / path).is_file() for path in named)
