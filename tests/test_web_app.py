"""The service worker's cache list and version (studyguide.practice.web_app): the home,
study and core pages and the same-site files they use, nothing from another origin,
nothing outside the site; a changed file is a new version (so a new worker)."""

from __future__ import annotations

import json

from studyguide.practice.web_app import ASSET, practice_scripts, precache, worker


def _site(tmp_path):
    site = tmp_path / "site"
    for path, text in {
        "index.html": '<link href="assets/main.css" rel="stylesheet"><script src="https://cdn.example/x.js"></script>',
        "study/quiz/index.html": '<script src="../../javascripts/q.js"></script>'
        '<a href="../../sources/shi/">Shi</a>'
        '<img src="../../../outside.png"><script src="../../javascripts/missing.js"></script>',
        "core/one/index.html": '<link href="../../assets/main.css">',
        "sources/shi/index.html": '<script src="../../javascripts/only-here.js"></script>',
        "assets/main.css": "body{}",
        "javascripts/q.js": "1",
        "javascripts/only-here.js": "2",
        "study/practice/quiz.json": "{}",
        "search/search_index.json": "{}",
        "assets/javascripts/workers/search.abc.min.js": "",
        "assets/javascripts/lunr/min/lunr.zh.min.js": "",
        "assets/javascripts/lunr/min/lunr.ja.min.js": "",
    }.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    return site


def test_precache_lists_study_and_core_pages_and_their_same_site_files(tmp_path):
    site = _site(tmp_path)
    assert precache(site, ["en", "zh"]) == [
        "core/one/",
        "",
        "study/quiz/",
        "assets/javascripts/lunr/min/lunr.zh.min.js",
        "assets/javascripts/workers/search.abc.min.js",
        "assets/main.css",
        "javascripts/q.js",
        "search/search_index.json",
        "study/practice/quiz.json",
    ]


def test_worker_is_filled_in_and_changes_version_with_the_files(tmp_path):
    site = _site(tmp_path)
    first = worker(site, ["zh"])
    assert "__VERSION__" not in first and "__PRECACHE__" not in first
    listed = json.loads(first.split("var PRECACHE = ", 1)[1].split(";\n", 1)[0])
    assert "study/quiz/" in listed
    assert worker(site, ["zh"]) == first, "the same files, the same worker"
    (site / "javascripts/q.js").write_text("changed", encoding="utf-8")
    assert worker(site, ["zh"]) != first
    (site / "javascripts/only-here.js").write_text("changed", encoding="utf-8")


def test_precache_has_the_search_worker_and_the_languages_the_index_names(tmp_path):
    """Search offline after one visit: our worker, which runs Material's, and the lunr
    module of a language the search index names (pinyin: tone marks folded), not only
    those of the search plugin's `lang`."""
    site = _site(tmp_path)
    (site / "search/search_index.json").write_text(
        '{"config": {"lang": ["en", "zh", "pinyin"]}}', encoding="utf-8"
    )
    for path in (
        "assets/javascripts/workers/guide-search.js",
        "assets/javascripts/lunr/min/lunr.pinyin.min.js",
    ):
        (site / path).write_text("", encoding="utf-8")
    listed = precache(site, ["en", "zh"])
    assert "assets/javascripts/workers/guide-search.js" in listed
    assert "assets/javascripts/lunr/min/lunr.pinyin.min.js" in listed
    assert "assets/javascripts/lunr/min/lunr.ja.min.js" not in listed


def test_precache_has_the_scripts_a_practice_page_lists(tmp_path):
    """A practice page names its own scripts in a list that study-guide.js turns into
    scripts after the first paint (overrides/practice.html): offline, they must be cached
    like a <script src>."""
    site = _site(tmp_path)
    (site / "javascripts/listed.js").write_text("3", encoding="utf-8")
    page = site / "study/quiz/index.html"
    page.write_text(
        '<script type="application/json" id="practice-scripts">'
        '{"scripts": ["../../javascripts/listed.js"], "json": "../practice/quiz.json", '
        '"base": "../../"}</script>',
        encoding="utf-8",
    )
    assert "javascripts/listed.js" in precache(site, ["en"])
    page.write_text("<p>no list</p>", encoding="utf-8")
    assert "javascripts/listed.js" not in precache(site, ["en"])


def test_a_practice_page_fetches_its_scripts_after_the_first_paint(site):
    """On the built flashcards, quiz and progress pages no <script src> names a practice
    script (a browser would fetch it while drawing the page, the page's largest paint then
    waiting for it on a slow connection); the list names each, in order, the page's own
    last, and every one is a file of the site."""
    for name, page in (("cards", "flashcards"), ("quiz", "quiz"), ("progress", "progress")):
        html = (site / "study" / page / "index.html").read_text(encoding="utf-8")
        fetched = [ref for ref in ASSET.findall(html) if ref.endswith(".js")]  # src and href
        assert not [s for s in fetched if "practice-" in s or "vendor/" in s], page
        listed = practice_scripts(html)
        assert listed[-2:] == [
            "../../javascripts/practice-common.js",
            f"../../javascripts/practice-{name}.js",
        ], listed
        for src in listed:
            assert (site / "study" / page / src).resolve().is_file(), src
