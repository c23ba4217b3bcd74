"""Which pages get the "I have read this page" box, and the progress page's data file:
every source and theme page (not the themes' overview) in navigation order, every quiz's
title, the number of cards."""

from __future__ import annotations

import json

import pytest

from studyguide.practice.progress import readable


@pytest.mark.parametrize(
    "path, expected",
    [
        ("sources/shi-2014.md", True),
        ("themes/welfare-mix.md", True),
        ("core/01-start.md", True),
        ("themes/index.md", False),
        ("study/quiz.md", False),
        ("index.md", False),
        ("terms/hukou.md", False),
        ("sources/sub/page.md", False),
    ],
)
def test_readable_pages(path, expected):
    assert readable(path) is expected


def test_progress_json_lists_sources_and_themes_in_nav_order(site):
    data = json.loads((site / "study/practice/progress.json").read_text(encoding="utf-8"))
    urls = [p["url"] for p in data["pages"]]
    assert urls[0] == "core/shi-2014/", "the core path comes first in the menu, then the sources"
    assert urls.index("sources/shi-2014/") < urls.index("themes/social-management-to-governance/")
    assert "themes/index/" not in urls and "themes/" not in urls and "core/" not in urls
    for folder, count in (("core/", 15), ("sources/", 5), ("themes/", 10)):
        assert len([u for u in urls if u.startswith(folder)]) == count, folder
    assert all(p["title"] for p in data["pages"])
    assert data["quizzes"]["all"] and data["cards"] > 100
    for url in urls:
        html = (site / url / "index.html").read_text(encoding="utf-8")
        assert f'class="guide-read" data-page="{url}"' in html, url
    assert 'class="guide-read"' not in (site / "themes/index.html").read_text(encoding="utf-8")


def test_progress_json_matches_its_schema_which_refuses_a_bad_file(site):
    from jsonschema import Draft202012Validator

    from studyguide import ROOT

    schema = json.loads(
        (ROOT / "studyguide/schemas/site/practice-progress.schema.json").read_text(encoding="utf-8")
    )
    validator = Draft202012Validator(schema)
    data = json.loads((site / "study/practice/progress.json").read_text(encoding="utf-8"))
    assert not list(validator.iter_errors(data))
    bad = {**data, "pages": [{"url": "/abs", "title": ""}], "cards": 0}
    assert len(list(validator.iter_errors(bad))) == 3
