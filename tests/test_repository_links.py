"""Where the guide lives (studyguide/repository.py, macros/hooks/repository.py): the
repository and site address come from REPO_URL/SITE_URL, else git's GitHub origin, else
nowhere, so no build links to a placeholder repository. The two builds at the end are
real strict builds of scratch copies: one cloned from GitHub, one with no GitHub remote
(conftest's site_without_repository)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import git
from studyguide.repository import Home, env_lines, github_repository, locate, pages_url

# --- Reading a remote ---------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/acme/guide",
        "https://github.com/acme/guide.git",
        "https://github.com/acme/guide/",
        "git@github.com:acme/guide.git",
        "ssh://git@github.com/acme/guide.git",
        "https://token@github.com/acme/guide.git",
    ],
)
def test_a_github_remote_in_any_form_names_its_owner_and_repository(url):
    assert github_repository(url) == ("acme", "guide")


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "/srv/git/guide.git",
        "https://gitlab.com/acme/guide.git",
        "git@gitlab.com:acme/guide.git",
        "https://github.com/acme",
        "https://github.com.evil.example/acme/guide",
        "https://github.com/acme/guide/tree/main",
    ],
)
def test_anything_else_is_no_github_repository(url):
    assert github_repository(url) is None


def test_pages_address_of_a_project_site_and_of_a_user_site():
    assert pages_url("Acme", "guide") == "https://acme.github.io/guide/"
    assert pages_url("acme", "acme.github.io") == "https://acme.github.io/"


def test_locate_reads_the_origin_and_lets_the_environment_win(tmp_path):
    git(tmp_path, "init", "-q")
    assert locate(tmp_path, {}) == Home(None, None, None)  # no origin: nothing known
    git(tmp_path, "remote", "add", "origin", "git@github.com:acme/guide.git")
    assert locate(tmp_path, {}) == Home(
        "https://github.com/acme/guide", "acme/guide", "https://acme.github.io/guide/"
    )
    assert (
        locate(tmp_path, {"SITE_URL": "https://guide.acme.org", "REPO_URL": ""}).site_url
        == "https://guide.acme.org/"
    )
    assert locate(tmp_path, {"REPO_URL": "https://github.com/fork/g"}).repo_name == "fork/g"
    assert env_lines(locate(tmp_path, {})) == [
        "REPO_URL=https://github.com/acme/guide",
        "REPO_NAME=acme/guide",
        "SITE_URL=https://acme.github.io/guide/",
    ]


def test_locate_outside_any_repository_knows_nothing(tmp_path):
    assert locate(tmp_path / "nowhere", {}) == Home(None, None, None)
    assert env_lines(locate(tmp_path, {})) == []


# --- Real builds ---------------------------------------------------------------------

HREF = re.compile(r'\b(?:href|src)="([^"]*)"|\bcontent="(https?://[^"]*)"')


def _build(project: Path) -> Path:
    env = {k: v for k, v in os.environ.items() if k not in ("REPO_URL", "REPO_NAME", "SITE_URL")}
    site = project / "built"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=dict(env, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def _links(site: Path) -> dict[str, list[str]]:
    pages = {
        str(p.relative_to(site)): ["".join(m) for m in HREF.findall(p.read_text(encoding="utf-8"))]
        for p in site.rglob("*.html")
    }
    pages["sitemap.xml"] = re.findall(
        r"<loc>([^<]*)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8")
    )
    return pages


def test_a_clone_of_a_github_repository_links_only_to_it(project_copy):
    git(project_copy, "init", "-q")
    git(project_copy, "remote", "add", "origin", "https://github.com/acme/guide")
    links = _links(_build(project_copy))
    placeholders = {page: [u for u in urls if "example" in u] for page, urls in links.items()}
    assert not any(placeholders.values()), {p: u for p, u in placeholders.items() if u}
    shi = links["sources/shi-2014/index.html"]
    assert "https://github.com/acme/guide/edit/main/docs/sources/shi-2014.md" in shi
    assert "https://github.com/acme/guide/raw/main/docs/sources/shi-2014.md" in shi
    assert "https://github.com/acme/guide" in shi  # the header's repository link
    assert "https://acme.github.io/guide/sources/shi-2014/" in shi  # canonical
    assert all(loc.startswith("https://acme.github.io/guide/") for loc in links["sitemap.xml"])
    glossary = links["glossary/index.html"]
    assert (
        "https://github.com/acme/guide/edit/main/glossary.yaml" in glossary
    )  # a generated page edits its data


def test_a_copy_with_no_github_remote_has_no_repository_links(site_without_repository):
    """conftest's site_without_repository: origin /srv/git/guide.git, no REPO_URL, REPO_NAME
    or SITE_URL (the build the report-link test reads too)."""
    site = site_without_repository
    links = _links(site)
    github = {page: [u for u in urls if "github.com" in u] for page, urls in links.items()}
    assert not any(github.values()), {p: u for p, u in github.items() if u}
    index = (site / "index.html").read_text(encoding="utf-8")
    assert (
        'class="md-source"' not in index and "md-content__button" not in index
    )  # no header link, no edit/view


# --- The PDF's cover -----------------------------------------------------------------


@pytest.mark.parametrize(
    "site_url, origin, shown",
    [
        ("https://guide.acme.org/", None, "https://guide.acme.org/"),
        (None, "git@github.com:acme/guide.git", "https://acme.github.io/guide/"),
        (None, None, None),  # no address known: no line, never a placeholder
    ],
)
def test_the_pdf_cover_names_the_online_edition_only_where_it_is_known(
    monkeypatch, site_url, origin, shown
):
    import datetime as dt

    from studyguide import repository
    from studyguide.outputs.pdf.assemble import _head_and_cover

    for name in ("REPO_URL", "REPO_NAME", "SITE_URL"):
        monkeypatch.delenv(name, raising=False)
    if site_url:
        monkeypatch.setenv("SITE_URL", site_url)
    monkeypatch.setattr(repository, "origin_url", lambda project: origin)
    config = {
        "site_name": "Guide",
        "site_url": "https://example.github.io/social-governance-guide/",
    }
    _, cover = _head_and_cover(config, dt.date(2026, 12, 7))
    assert "example" not in cover
    assert (
        ("Online edition" in cover and f"href='{shown}'" in cover)
        if shown
        else "Online edition" not in cover
    )
