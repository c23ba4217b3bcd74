"""Where the guide lives: its repository (for the edit, view-source and header links) and
its published address (for the sitemap, canonical links and the PDF's cover).

Each comes from the environment when set (REPO_URL, REPO_NAME, SITE_URL: the workflow and
anyone building for a known address set them), else from git's `origin` when that is a
GitHub repository (https://github.com/<owner>/<name> or git@github.com:<owner>/<name>,
published by GitHub Pages at https://<owner>.github.io/<name>/), else nothing: a build
that does not know where it lives links to no repository rather than to a placeholder.

`python -m studyguide.repository` prints what it found as NAME=value lines (the
workflow appends them to $GITHUB_ENV, so every later step and job agrees); it needs
only the standard library and git.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# https://github.com/o/n(.git)(/), ssh://git@github.com/o/n.git, git@github.com:o/n.git
_GITHUB = re.compile(
    r"^(?:https?://(?:[^@/]+@)?github\.com/|ssh://git@github\.com/|git@github\.com:)"
    r"(?P<owner>[A-Za-z0-9-]+)/(?P<name>[A-Za-z0-9._-]+?)(?:\.git)?/?$"
)


@dataclass(frozen=True)
class Home:
    repo_url: str | None  # https://github.com/<owner>/<name>, or None: no repository links
    repo_name: str | None  # <owner>/<name>, what the header shows
    site_url: str | None  # https://<owner>.github.io/<name>/, or None: not known


def github_repository(url: str | None) -> tuple[str, str] | None:
    """(owner, name) of a GitHub remote URL, https or ssh; None for anything else."""
    match = _GITHUB.match((url or "").strip())
    return (match["owner"], match["name"]) if match else None


def pages_url(owner: str, name: str) -> str:
    """The address GitHub Pages gives a repository's site (a user site: the domain root)."""
    host = f"{owner.lower()}.github.io"
    return f"https://{host}/" if name.lower() == host else f"https://{host}/{name}/"


def origin_url(project: Path) -> str | None:
    """`git remote get-url origin` in `project`, or None (no git, no repository, no origin)."""
    try:
        result = subprocess.run(
            ["git", "remote", "get-url", "origin"],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return (result.stdout.strip() or None) if result.returncode == 0 else None


def locate(project: Path, environ=os.environ) -> Home:
    """Where the guide in `project` lives: the environment first (an empty value counts as
    unset), then a GitHub origin, else None for each."""
    repo_url = (environ.get("REPO_URL") or "").strip() or None
    site_url = (environ.get("SITE_URL") or "").strip() or None
    repo_name = (environ.get("REPO_NAME") or "").strip() or None
    found = github_repository(repo_url or origin_url(project))
    if found:
        owner, name = found
        repo_url = repo_url or f"https://github.com/{owner}/{name}"
        repo_name = repo_name or f"{owner}/{name}"
        site_url = site_url or pages_url(owner, name)
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    return Home(repo_url, repo_name if repo_url else None, site_url)


def env_lines(home: Home) -> list[str]:
    """NAME=value for each thing found, as $GITHUB_ENV reads them."""
    pairs = {"REPO_URL": home.repo_url, "REPO_NAME": home.repo_name, "SITE_URL": home.site_url}
    return [f"{name}={value}" for name, value in pairs.items() if value]


if __name__ == "__main__":
    print("\n".join(env_lines(locate(Path.cwd()))))
    sys.exit(0)
