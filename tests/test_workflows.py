"""The GitHub workflows and Dependabot: valid against the schemas GitHub publishes
(vendored in check-jsonschema), every action pinned to a commit, the site built once,
tested as built and deployed only after the tests passed (the deploy job builds nothing),
each job installing only the dependency group it needs and its system packages from the
one list, .ci/packages."""

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
    assert_valid(
        check_jsonschema("--builtin-schema", "vendor.dependabot", GITHUB / "dependabot.yml")
    )


def test_dependabot_updates_pip_npm_and_github_actions_weekly():
    updates = load_yaml(GITHUB / "dependabot.yml")["updates"]
    assert {u["package-ecosystem"]: u["schedule"]["interval"] for u in updates} == {
        "pip": "weekly",
        "npm": "weekly",
        "github-actions": "weekly",
    }
    assert all(u["directory"] == "/" for u in updates)


# --- Every action pinned to a commit --------------------------------------------------------

# `uses: owner/repo[/path]@<40 hex> # vX.Y.Z`, the form Dependabot keeps up to date.
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s*[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s*v\d+\.\d+\.\d+\s*$")
USES = re.compile(r"^\s*(?:-\s+)?uses:")


def unpinned(text: str) -> list[str]:
    """Every `uses:` line that is not a full commit SHA with its release in a comment
    (a local action, `./...`, needs no pin)."""
    return [
        line.strip()
        for line in text.splitlines()
        if USES.match(line) and "uses: ./" not in line and not PINNED.match(line)
    ]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_sha_with_its_version(workflow):
    text = workflow.read_text(encoding="utf-8")
    assert "uses:" in text
    assert unpinned(text) == []


@pytest.mark.parametrize(
    "line",
    [
        "      - uses: actions/checkout@v4",
        "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683",
        "      - uses: actions/checkout@11bd719 # v4.2.2",
        "        uses: actions/checkout@main # v4.2.2",
        "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4",
    ],
)
def test_a_tag_a_branch_a_short_sha_or_a_missing_version_is_unpinned(line):
    assert unpinned(line) == [line.strip()]


def test_the_pin_check_accepts_a_pinned_action_and_a_local_one():
    assert (
        unpinned(
            "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n"
            "        uses: actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e # v4.0.5\n"
            "      - uses: ./.github/actions/setup\n"
        )
        == []
    )


# --- Deploy only what passed; install only what each job needs ------------------------------


def workflow_jobs(name: str) -> dict:
    return load_yaml(GITHUB / "workflows" / name)["jobs"]


def test_only_one_job_may_publish_and_it_needs_the_build_the_tests_and_lint():
    publishers = {
        (wf.name, job)
        for wf in WORKFLOWS
        for job, spec in load_yaml(wf)["jobs"].items()
        if "pages" in (spec.get("permissions") or {})
    }
    assert publishers == {("tests.yml", "deploy")}
    jobs = workflow_jobs("tests.yml")
    assert (
        set(jobs["deploy"]["needs"]) == {"build", "test", "lint"}
        and jobs["deploy"]["permissions"]["pages"] == "write"
    )
    assert "refs/heads/main" in jobs["deploy"]["if"] and "pull_request" in jobs["deploy"]["if"]
    assert jobs["deploy"]["concurrency"]["cancel-in-progress"] is False
    assert jobs["test"]["needs"] == "build"
    assert not (GITHUB / "workflows" / "pages.yml").exists()


BUILDS = re.compile(r"\b(make|mkdocs|pip|python3?|studyguide|npm|tar)\b")


def test_the_deploy_job_builds_nothing_it_publishes_the_build_jobs_artefact():
    steps = workflow_jobs("tests.yml")["deploy"]["steps"]
    uses = [step["uses"].split("@")[0] for step in steps if "uses" in step]
    assert uses == [
        "actions/configure-pages",
        "actions/deploy-pages",
    ]  # deploy-pages takes the run's github-pages artefact
    assert [step["run"] for step in steps if BUILDS.search(step.get("run", ""))] == []
    assert "needs.build.outputs.site_url" in str(
        steps
    )  # it refuses an artefact built for another address


@pytest.mark.parametrize(
    "run", ["make build", "python -m mkdocs build", "pip install x", "tar -xf a.tar"]
)
def test_the_build_step_check_sees_a_build(run):
    assert BUILDS.search(run)


def test_the_build_job_builds_everything_once_uploads_it_and_records_its_sha256():
    steps = workflow_jobs("tests.yml")["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert [r for r in runs if re.search(r"\bmake\b(?!.*\.installed)", r)] == [
        "make publish LOCK=pdf"
    ]
    (upload,) = [
        i
        for i, step in enumerate(steps)
        if step.get("uses", "").startswith("actions/upload-pages-artifact@")
    ]
    assert steps[upload]["with"]["path"] == "site"
    checksum = steps[upload + 1]
    assert (
        "sha256sum" in checksum["run"] and "$RUNNER_TEMP/artifact.tar" in checksum["run"]
    )  # the tar upload-pages-artifact wrote
    assert "GITHUB_STEP_SUMMARY" in checksum["run"] and "GITHUB_OUTPUT" in checksum["run"]
    publish = re.search(
        r"^publish:[^\n]*\n((?:\t[^\n]*\n)+)",
        (GITHUB.parent / "Makefile").read_text(encoding="utf-8"),
        re.M,
    )[1]
    for wanted in (
        "GUIDE_PDF=true",
        "GUIDE_EPUB=true",
        "GUIDE_OFFLINE_ZIP=true",
        "studyguide.outputs.pdf site",
        "studyguide.outputs.epub site",
        "site/guide-offline.zip",
    ):
        assert wanted in publish, wanted
    assert (
        publish.count("mkdocs build") == 2
    )  # the site once, and the offline copy (a different build)


def test_the_test_job_runs_the_suite_on_the_build_jobs_artefact_after_checking_its_sha256():
    steps = workflow_jobs("tests.yml")["test"]["steps"]
    (download,) = [
        step for step in steps if step.get("uses", "").startswith("actions/download-artifact@")
    ]
    assert download["with"]["name"] == "github-pages"
    (unpack,) = [step for step in steps if "sha256sum --check" in step.get("run", "")]
    assert unpack["env"]["SHA256"] == "${{ needs.build.outputs.sha256 }}"
    (suite,) = [step for step in steps if "make test" in step.get("run", "")]
    assert suite["env"]["GUIDE_SITE_DIR"] == "${{ runner.temp }}/site"
    assert "tar -xf" in unpack["run"] and '-C "$RUNNER_TEMP/site"' in unpack["run"]


def test_every_job_takes_its_system_packages_from_the_one_list():
    for workflow in WORKFLOWS:
        for name, job in load_yaml(workflow)["jobs"].items():
            runs = install_commands(job) if "steps" in job else ""
            assert "apt-get" not in runs, f"{workflow.name}/{name} installs packages of its own"
            if name != "deploy":
                assert re.search(r"^\.ci/system-packages install (core|build|test)$", runs, re.M), (
                    f"{workflow.name}/{name}"
                )
    run = (GITHUB.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert ".ci/system-packages install" in run and "apt-get" not in run


def test_the_workflow_and_the_lint_make_target_agree_on_what_the_lint_job_skips():
    make = (GITHUB.parent / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^LINT_SKIP_lint := studyguide-check$", make, re.M)
    assert "make lint LOCK=lint" in install_commands(workflow_jobs("tests.yml")["lint"])


def install_commands(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


@pytest.mark.parametrize("job, lock", [("test", "test"), ("lint", "lint"), ("build", "pdf")])
def test_each_job_installs_only_its_locked_group_with_pip_caching(job, lock):
    spec = workflow_jobs("tests.yml")[job]
    runs = install_commands(spec)
    assert f"LOCK={lock}" in runs and "requirements.txt" not in runs
    (setup,) = [
        step for step in spec["steps"] if step.get("uses", "").startswith("actions/setup-python@")
    ]
    assert setup["with"]["cache"] == "pip"
    assert setup["with"]["cache-dependency-path"] == f"requirements/{lock}.txt"


def test_pre_commit_runs_once_in_ci_in_the_lint_job():
    jobs = workflow_jobs("tests.yml")
    assert [name for name, job in jobs.items() if "make lint" in install_commands(job)] == ["lint"]
    assert "make lint" not in install_commands(jobs["test"])
    suite = "".join(
        path.read_text(encoding="utf-8")
        for path in GITHUB.parent.joinpath("tests").glob("*.py")
        if path.name != "test_workflows.py"
    )
    assert not re.search(r"pre-commit\W{0,6}run\b", suite), "a test runs pre-commit again"
