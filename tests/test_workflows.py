"""The GitHub workflows and Dependabot: valid against the schemas GitHub publishes
(vendored in check-jsonschema), every action pinned to a commit, the site deployed only
after the tests passed, and each job installing only the dependency group it needs."""

from __future__ import annotations

import re

import pytest
from repo_support import GITHUB, assert_rejected, assert_valid, check_jsonschema, load_yaml

# --- Schema validity ---------------------------------------------------------------

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
    uses = [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]
    assert uses == ["actions/checkout", "actions/setup-python"]
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "zensical==0.1.1" in runs and "zensical build" in runs and "GITHUB_STEP_SUMMARY" in runs


def test_dependabot_config_validates_against_vendored_dependabot_schema():
    assert_valid(check_jsonschema("--builtin-schema", "vendor.dependabot", GITHUB / "dependabot.yml"))


def test_dependabot_updates_pip_npm_and_github_actions_weekly():
    updates = load_yaml(GITHUB / "dependabot.yml")["updates"]
    assert {u["package-ecosystem"]: u["schedule"]["interval"] for u in updates} == {
        "pip": "weekly", "npm": "weekly", "github-actions": "weekly"}
    assert all(u["directory"] == "/" for u in updates)




# --- Every action pinned to a commit --------------------------------------------------------

# `uses: owner/repo[/path]@<40 hex> # vX.Y.Z`, the form Dependabot keeps up to date.
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s*[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s*v\d+\.\d+\.\d+\s*$")
USES = re.compile(r"^\s*(?:-\s+)?uses:")


def unpinned(text: str) -> list[str]:
    """Every `uses:` line that is not a full commit SHA with its release in a comment
    (a local action, `./...`, needs no pin)."""
    return [line.strip() for line in text.splitlines()
            if USES.match(line) and "uses: ./" not in line and not PINNED.match(line)]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_sha_with_its_version(workflow):
    text = workflow.read_text(encoding="utf-8")
    assert "uses:" in text
    assert unpinned(text) == []


@pytest.mark.parametrize("line", [
    "      - uses: actions/checkout@v4",
    "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683",
    "      - uses: actions/checkout@11bd719 # v4.2.2",
    "        uses: actions/checkout@main # v4.2.2",
    "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4",
])
def test_a_tag_a_branch_a_short_sha_or_a_missing_version_is_unpinned(line):
    assert unpinned(line) == [line.strip()]


def test_the_pin_check_accepts_a_pinned_action_and_a_local_one():
    assert unpinned("      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n"
                    "        uses: actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e # v4.0.5\n"
                    "      - uses: ./.github/actions/setup\n") == []


# --- Deploy only what passed; install only what each job needs ------------------------------

def workflow_jobs(name: str) -> dict:
    return load_yaml(GITHUB / "workflows" / name)["jobs"]


def test_only_one_job_may_publish_and_it_needs_the_tests_and_lint_to_pass():
    publishers = {(wf.name, job) for wf in WORKFLOWS for job, spec in load_yaml(wf)["jobs"].items()
                  if "pages" in (spec.get("permissions") or {})}
    assert publishers == {("tests.yml", "deploy")}
    jobs = workflow_jobs("tests.yml")
    assert jobs["deploy"]["needs"] == "pages" and jobs["deploy"]["permissions"]["pages"] == "write"
    assert set(jobs["pages"]["needs"]) == {"test", "lint"}
    assert "refs/heads/main" in jobs["pages"]["if"] and "pull_request" in jobs["pages"]["if"]
    assert jobs["deploy"]["concurrency"]["cancel-in-progress"] is False
    assert not (GITHUB / "workflows" / "pages.yml").exists()


def install_commands(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


@pytest.mark.parametrize("job, lock", [("test", "test"), ("lint", "lint"), ("pages", "pdf")])
def test_each_job_installs_only_its_locked_group_with_pip_caching(job, lock):
    spec = workflow_jobs("tests.yml")[job]
    runs = install_commands(spec)
    assert f"LOCK={lock}" in runs and "requirements.txt" not in runs
    (setup,) = [step for step in spec["steps"] if step.get("uses", "").startswith("actions/setup-python@")]
    assert setup["with"]["cache"] == "pip"
    assert setup["with"]["cache-dependency-path"] == f"requirements/{lock}.txt"


def test_pre_commit_runs_once_in_ci_in_the_lint_job():
    jobs = workflow_jobs("tests.yml")
    assert [name for name, job in jobs.items() if "make lint" in install_commands(job)] == ["lint"]
    assert "make lint" not in install_commands(jobs["test"])
    suite = "".join(path.read_text(encoding="utf-8") for path in GITHUB.parent.joinpath("tests").glob("*.py")
                    if path.name != "test_workflows.py")
    assert not re.search(r"pre-commit\W{0,6}run\b", suite), "a test runs pre-commit again"
