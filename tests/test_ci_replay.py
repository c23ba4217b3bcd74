"""`make ci-local` (.ci/replay): the workflow's jobs replayed in a fresh clone as a GitHub
runner runs them. The lint job's replay runs for real here (a fresh clone, CI=true, only
the lint group installed, no ../shared): it must pass, as the lint job must on GitHub."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import re
import subprocess
import sys

import pytest

from studyguide import ROOT

SCRIPT = ROOT / ".ci" / "replay"


def load_replay():
    loader = importlib.machinery.SourceFileLoader("ci_replay", str(SCRIPT))
    spec = importlib.util.spec_from_loader("ci_replay", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


replay = load_replay()
CONTEXT = {
    "runner_temp": "/tmp/rt",
    "needs": {"build": {"sha256": "abc"}},
    "steps": {"where": {"site_url": "https://a/"}},
}


@pytest.mark.parametrize(
    "text, value",
    [
        ("${{ runner.temp }}/site", "/tmp/rt/site"),
        ("${{ needs.build.outputs.sha256 }}", "abc"),
        ("${{steps.where.outputs.site_url}}", "https://a/"),
        ("x${{ vars.SITE_URL }}y", "xy"),  # a repository variable: unset, as in a fork
        ("no expression", "no expression"),
    ],
)
def test_the_expressions_the_workflow_uses_are_evaluated(text, value):
    assert replay.substitute(text, CONTEXT) == value


@pytest.mark.parametrize(
    "text, says",
    [
        ("${{ needs.test.outputs.x }}", "replay the job or step 'test' first"),
        ("${{ secrets.TOKEN }}", "an expression the replay does not know"),
        ("${{ github.event.pull_request.title }}", "an expression the replay does not know"),
    ],
)
def test_an_expression_it_cannot_evaluate_faithfully_is_refused(text, says):
    with pytest.raises(replay.Refused, match=says):
        replay.substitute(text, CONTEXT)


def test_github_env_and_output_files_are_read_with_both_syntaxes(tmp_path):
    path = tmp_path / "env"
    path.write_text("A=1\nB=x=y\nNOTES<<EOF\nline one\nline two\nEOF\nC=3\n", encoding="utf-8")
    assert replay.read_pairs(path) == {
        "A": "1",
        "B": "x=y",
        "NOTES": "line one\nline two",
        "C": "3",
    }
    assert replay.read_pairs(tmp_path / "absent") == {}


def run_replay(*args: str, timeout: int = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_the_deploy_job_and_an_unknown_job_are_refused_before_anything_runs():
    deploy = run_replay("deploy")
    assert (
        deploy.returncode == 2
        and "deploy: it publishes to GitHub Pages; the replay never deploys" in deploy.stderr
    )
    unknown = run_replay("lnt")
    assert unknown.returncode == 2 and "no job 'lnt'" in unknown.stderr and "lint" in unknown.stderr


@pytest.mark.replay
def test_the_lint_job_replayed_in_a_fresh_clone_without_the_source_texts_passes():
    """About a minute: a fresh venv with the lint lock (from pip's cache), `npm ci`, then
    every hook. --dirty: the working tree as it is, so this tests the files under review.
    Not in `make test` (a minute of CPU, a seventh of the suite's): .ci/run runs it after
    the suite, and on GitHub the workflow's replay job, beside the others."""
    result = run_replay("--dirty", "lint", timeout=900)
    out = result.stdout
    assert result.returncode == 0, "\n".join((out + result.stderr).splitlines()[-40:])
    assert "--requirement requirements/lint.txt" in out  # the lint lock alone
    assert re.search(r"^python -m studyguide\.check .*Skipped$", out, re.M)  # skipped, not failed
    assert "Failed" not in out
    assert "== lint: passed" in out
