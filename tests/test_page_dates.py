"""Each page's "last updated" date comes from git, and falls back sensibly without it."""

from __future__ import annotations

import subprocess
from datetime import date

from studyguide.pages.dates import page_dates


def git(root, *args, when="2024-03-05T12:00:00Z"):
    env = {
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "PATH": "/usr/bin:/bin",
        "HOME": str(root),
    }
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=root,
        check=True,
        capture_output=True,
        env=env,
    )


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
    dates = page_dates(
        tmp_path, tmp_path / "docs", ["index.md", "glossary.md", "new.md"], today=date(2026, 1, 1)
    )
    assert dates == {
        "index.md": date(2024, 3, 5),
        "glossary.md": date(2025, 6, 7),
        "new.md": date(2026, 1, 1),
    }


def test_without_git_every_page_gets_the_build_date(tmp_path):
    (tmp_path / "docs").mkdir()
    assert page_dates(tmp_path, tmp_path / "docs", ["index.md"], today=date(2026, 1, 1)) == {
        "index.md": date(2026, 1, 1)
    }


def test_built_pages_and_the_sitemap_carry_each_pages_git_date(site):
    """Every page's "Last update" and its sitemap.xml lastmod are the date git gives it
    (not the build date)."""
    import re
    import xml.etree.ElementTree as ET

    from studyguide import ROOT

    pages = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))
    expected = page_dates(ROOT, ROOT / "docs", pages)
    url_of = {
        p: ""
        if p == "index.md"
        else p.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"
        for p in pages
    }
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site / "sitemap.xml").getroot()
    locs = {
        u.find("s:loc", ns).text: u.find("s:lastmod", ns).text for u in root.findall("s:url", ns)
    }
    base = min(locs, key=len)  # the home page's address
    lastmod = {loc[len(base) :]: when for loc, when in locs.items()}
    for page in pages:
        when = expected[page]
        assert lastmod[url_of[page]] == when.isoformat(), page
        html = (site / url_of[page] / "index.html").read_text(encoding="utf-8")
        shown = re.search(r'title="Last update">.*?</span>\s*([^<]+?)\s*</span>', html, re.S)
        assert shown and shown.group(1) == f"{when:%d %B %Y}".lstrip("0"), page
