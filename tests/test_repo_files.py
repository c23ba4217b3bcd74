"""The contributor kit: CITATION.cff, issue forms, the codespell word list and the
pre-commit hooks. Tests come in pairs where it matters: the real file validates, and a
deliberately broken one is rejected (check-jsonschema, offline: repo_support)."""

from __future__ import annotations

import pytest
import yaml
from repo_support import (
    DATA_FILES,
    GITHUB,
    ROOT,
    SOURCE_IDS,
    assert_rejected,
    assert_valid,
    check_jsonschema,
    load_yaml,
)

# --- CITATION.cff --------------------------------------------------------------------------


def test_citation_cff_validates_against_vendored_cff_schema():
    assert_valid(
        check_jsonschema("--builtin-schema", "vendor.citation-file-format", ROOT / "CITATION.cff")
    )


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


def test_citation_cff_names_one_github_repository_its_pages_address_and_mkdocs_yml_title():
    """The repository comes from git at build time (studyguide/repository.py); CITATION.cff is
    static, so its two addresses must at least be one repository and its Pages address, the
    address mkdocs.yml falls back to."""
    from studyguide.repository import github_repository, pages_url

    mkdocs = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    citation = load_yaml(ROOT / "CITATION.cff")
    owner, name = github_repository(citation["repository-code"])
    assert citation["url"] == pages_url(owner, name) == mkdocs["site_url"]
    assert citation["title"] == mkdocs["site_name"]
    assert "repo_url" not in mkdocs, (
        "repo_url is set by macros/hooks/repository.py, never a placeholder"
    )


# --- Issue forms --------------------------------------------------------------------

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
    assert_valid(
        check_jsonschema("--builtin-schema", "vendor.github-issue-config", FORMS / "config.yml")
    )
    assert load_yaml(FORMS / "config.yml")["blank_issues_enabled"] is False


def test_report_an_error_form_asks_for_page_error_source_quote_and_the_source_check():
    fields = form_fields("report-an-error.yml")
    expected = {
        "page": "input",
        "what-is-wrong": "textarea",
        "source": "dropdown",
        "what-the-source-says": "textarea",
        "checked": "checkboxes",
    }
    assert {key: fields[key]["type"] for key in expected if key in fields} == expected
    assert all(
        required(fields[key]) for key in ("page", "what-is-wrong", "source", "what-the-source-says")
    )
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


# --- The codespell word list ---------------------------------------------------------


def test_codespell_word_list_is_sorted_lowercase_and_free_of_duplicates():
    words = (ROOT / ".codespell-words.txt").read_text(encoding="utf-8").splitlines()
    assert words, "the word list is empty"
    assert all(word and word == word.strip().lower() and " " not in word for word in words), words
    assert len(words) == len(set(words)), sorted({w for w in words if words.count(w) > 1})
    assert words == sorted(words)


# --- The pre-commit hooks ------------------------------------------------------------


def hooks() -> list[dict]:
    config = load_yaml(ROOT / ".pre-commit-config.yaml")
    return [hook for repo in config["repos"] for hook in repo["hooks"]]


def test_pre_commit_config_has_every_expected_hook():
    ids = {hook["id"] for hook in hooks()}
    expected = {
        "check-yaml",
        "end-of-file-fixer",
        "trailing-whitespace",
        "yamllint",
        "codespell",
        "ruff",
        "check-jsonschema",
    }
    assert expected <= ids, f"missing: {sorted(expected - ids)}"


def test_pre_commit_hooks_are_local_system_hooks_that_need_no_network():
    config = load_yaml(ROOT / ".pre-commit-config.yaml")
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    assert {hook["language"] for hook in hooks()} == {"system"}


def test_pre_commit_validates_every_schema_file_and_only_existing_ones():
    named = {
        part
        for hook in hooks()
        if hook["id"] == "check-jsonschema"
        for part in hook["entry"].split()
        if part.startswith("studyguide/schemas/")
    }
    assert named == {
        f"studyguide/schemas/{name}" for name, files in DATA_FILES.items() if files
    }  # output schemas: their own tests
    assert all((ROOT / path).is_file() for path in named)
