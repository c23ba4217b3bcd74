"""Each page's "last updated" date comes from git, and falls back sensibly without it."""

from __future__ import annotations

import subprocess
from datetime import date

from studyguide.pages.dates import page_dates


def git(root, *args, when="2024-03-05T12:00:00Z"):
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "PATH": "/usr/bin:/bin", "HOME": str(root)}
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=root, check=True, capture_output=True, env=env)


def test_pages_take_their_last_commit_date_and_generated_pages_their_datas(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("a")
    (tmp_path / "docs/glossary.md").write_text("g")
    (tmp_path / "glossary.yaml").write_text("x")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "one", when="2024-03-05T12:00:00Z")
    (tmp_path / "glossary.yaml").write_text("y")
    git(tmp_path, "commit", "-qam", "two", when="2025-06-07T12:00:00Z")
    (tmp_path / "docs/new.md").write_text("n")
    dates = page_dates(tmp_path, tmp_path / "docs", ["index.md", "glossary.md", "new.md"], today=date(2026, 1, 1))
    assert dates == {"index.md": date(2024, 3, 5), "glossary.md": date(2025, 6, 7), "new.md": date(2026, 1, 1)}


def test_without_git_every_page_gets_the_build_date(tmp_path):
    (tmp_path / "docs").mkdir()
    assert page_dates(tmp_path, tmp_path / "docs", ["index.md"], today=date(2026, 1, 1)) == {"index.md": date(2026, 1, 1)}


def test_the_built_pages_show_a_last_updated_date(site):
    html = (site / "sources/shi-2014/index.html").read_text(encoding="utf-8")
    assert "md-source-file" in html and "20" in html.split("md-source-file", 1)[1][:600]
