"""What a build remembers of its own results (studyguide.load.memo) is found again only
for the same inputs: an edited glossary entry, page or question gives a new result with
every check run again, a bad input fails on every build, and a corrupt cache file is
ignored, never fatal."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT
from studyguide.errors import GuideError
from studyguide.load import guide as guide_module
from studyguide.load.guide import load_guide
from studyguide.load.memo import Table, kept
from studyguide.load.page_calls import page_problems


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """A fresh cache folder, and no guide left in memory from an earlier load."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("GUIDE_CACHE_DIR", str(folder))
    monkeypatch.setattr(guide_module, "_last", None)
    return folder


def fresh_load(root: Path):
    """load_guide as the next build's process would call it: nothing in memory."""
    guide_module._last = None
    return load_guide(root)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# load.memo itself


def test_a_result_is_made_once_per_key_and_an_empty_key_remembers_nothing(tmp_path, cache):
    made = []

    def make(value):
        return lambda: made.append(value) or value

    assert kept(tmp_path, "r.pickle", "k1", make("one")) == "one"
    assert kept(tmp_path, "r.pickle", "k1", make("stale")) == "one"
    assert kept(tmp_path, "r.pickle", "k2", make("two")) == "two"
    assert kept(tmp_path, "e.pickle", "", make("three")) == "three"
    assert kept(tmp_path, "e.pickle", "", make("four")) == "four"
    assert made == ["one", "two", "three", "four"]


@pytest.mark.parametrize("garbage", [b"", b"k1\n\x80\x05not a pickle", b"k1\n", b"\xff" * 64])
def test_a_corrupt_pickle_is_ignored_and_made_again(tmp_path, cache, garbage):
    cache.mkdir()
    (cache / "r.pickle").write_bytes(garbage)
    assert kept(tmp_path, "r.pickle", "k1", lambda: {"fresh": 1}) == {"fresh": 1}
    assert kept(tmp_path, "r.pickle", "k1", lambda: "not asked") == {"fresh": 1}


@pytest.mark.parametrize("garbage", ["", "{", "[1, 2]", '{"key": "k", "results": 3}', "\x00"])
def test_a_corrupt_table_is_ignored_and_keeps_only_what_the_last_build_asked(
    tmp_path, cache, garbage
):
    cache.mkdir()
    (cache / "t.json").write_text(garbage, encoding="utf-8")
    table = Table(tmp_path, "t.json", "k")
    assert table.get("a", lambda: 1) == 1
    table.save()
    again = Table(tmp_path, "t.json", "k")
    assert again.get("a", lambda: "not asked") == 1 and again.get("b", lambda: 2) == 2
    again.save()
    stored = json.loads((cache / "t.json").read_text(encoding="utf-8"))["results"]
    assert stored == {"a": 1, "b": 2}
    other_rule = Table(tmp_path, "t.json", "k-edited")
    assert other_rule.get("a", lambda: "made again") == "made again"


# the loaded guide


@pytest.fixture
def project(project_copy, cache) -> Path:
    return project_copy


def test_an_edited_glossary_entry_shows_in_the_next_load(project):
    assert "household registration" in fresh_load(project).glossary.entries["hukou"].english
    edit(project / "glossary.yaml", "household registration", "residence registration")
    assert "residence registration" in fresh_load(project).glossary.entries["hukou"].english


def test_a_bad_edit_fails_on_every_load_and_fixing_it_loads_again(project):
    fresh_load(project)
    edit(project / "glossary.yaml", "pinyin: hùkǒu", "pinyin: hùkōu")
    for _ in range(2):
        with pytest.raises(GuideError, match="hùkōu"):
            fresh_load(project)
    edit(project / "glossary.yaml", "pinyin: hùkōu", "pinyin: hùkǒu")
    assert fresh_load(project).glossary.entries["hukou"].pinyin == "hùkǒu"


def test_a_corrupt_guide_cache_is_ignored(project, cache):
    first = fresh_load(project)
    (cache / "guide.pickle").write_bytes(b"garbage")
    assert fresh_load(project) == first
    (cache / "guide.pickle").write_bytes((cache / "guide.pickle").read_bytes()[:1000])
    assert fresh_load(project) == first


def test_a_warm_load_imports_neither_pypinyin_nor_jsonschema(project, cache):
    """The point of the cache: a build with nothing changed skips the checking libraries
    (pypinyin alone is 0.2 s to import), and still gets the same guide."""
    code = (
        "import json, sys; from pathlib import Path; from studyguide.load.guide import load_guide\n"
        f"g = load_guide(Path({str(project)!r}))\n"
        "print(json.dumps([len(g.glossary), len(g.excerpts), "
        "'pypinyin' in sys.modules or 'jsonschema' in sys.modules]))"
    )
    env = {"GUIDE_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"}
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
            ).stdout
        )
        for _ in range(2)
    ]
    assert runs[0][:2] == runs[1][:2] and runs[0][2] is True and runs[1][2] is False, runs


def test_remembered_questions_follow_an_edited_question(project):
    from studyguide.practice.quiz import questions_for

    def prompts(guide):
        return " ".join(seg["text"] for q in questions_for(guide)[1] for seg in q.prompt)

    guide = fresh_load(project)
    question = next(iter(guide.questions.values()))
    assert question["ask"] in prompts(guide)
    assert questions_for(fresh_load(project))[0].guide is not guide  # the new load's own
    path = project / question.file
    edit(
        path,
        question["ask"].split()[0],
        "Reconsidering,",
    )
    assert "Reconsidering," in prompts(fresh_load(project))


# the pages' macro calls


def test_an_edited_page_is_read_again_and_a_bad_key_is_reported_every_time(project):
    guide = fresh_load(project)
    docs = project / "docs"
    assert page_problems(guide, docs) == []
    edit(docs / "themes/welfare-mix.md", '{{ term("', '{{ term("hukuo") }} {{ term("')
    for _ in range(2):
        problems = [str(p) for p in page_problems(guide, docs)]
        assert len(problems) == 1 and "themes/welfare-mix.md" in problems[0]
        assert "'hukuo'" in problems[0] and "hukou" in problems[0]


# reading times (macros/hooks/reading_time.py)


def hook(name: str):
    spec = importlib.util.spec_from_file_location(f"{name}_hook", ROOT / f"macros/hooks/{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_pages_word_count_follows_its_html(tmp_path, cache):
    reading = hook("reading_time")
    config = {"config_file_path": str(tmp_path / "mkdocs.yml")}
    page = SimpleNamespace(file=SimpleNamespace(src_uri="a.md"))

    def build(html: str) -> str:
        reading.on_files([], config)
        shown = reading.on_page_content(html, page, config, None)
        reading.on_post_build(config)
        return shown

    assert "(3 words)" in build("<h1>One</h1><p>two three</p>")
    assert "(3 words)" in build("<h1>One</h1><p>two three</p>")  # remembered
    assert "(4 words)" in build("<h1>One</h1><p>two three four</p>")
    (cache / "reading-words.json").write_text("{not json", encoding="utf-8")
    assert "(4 words)" in build("<h1>One</h1><p>two three four</p>")


# page dates


def test_git_history_is_read_again_after_a_new_commit(tmp_path, cache):
    from studyguide.pages.dates import history

    def git(*args, when="2024-03-05T12:00:00Z"):
        env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "PATH": "/usr/bin:/bin"}
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
            env={**env, "HOME": str(tmp_path)},
        )

    (tmp_path / "a.md").write_text("a")
    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "one")
    assert str(history(tmp_path)["a.md"]) == "2024-03-05"
    assert (cache / "git-dates.pickle").exists()
    (tmp_path / "a.md").write_text("b")
    git("commit", "-qam", "two", when="2025-06-07T12:00:00Z")
    assert str(history(tmp_path)["a.md"]) == "2025-06-07"


# pages as the macros rendered them (studyguide.render.remembered_pages)


def test_a_page_reading_anything_but_the_macros_and_plain_settings_is_not_remembered():
    from studyguide.render.remembered_pages import names_read

    assert names_read('{{ term("hukou") }} {% if config.repo_url %}x{% endif %}') == (
        ["config", "term"],
        ["repo_url"],
    )
    assert names_read("{% for x in navigation %}{{ x }}{% endfor %}")[0] == ["navigation"]
    assert names_read("{{ unclosed") is None


def test_a_remembered_pages_uses_are_added_to_the_index_again():
    from studyguide.crossref.index import Index
    from studyguide.render.remembered_pages import add_again, added, uses

    index = Index()
    index.term_pages["hukou"].append("a.md")
    before = uses(index)
    index.term_pages["hukou"].append("b.md")
    index.term_pages["danwei"].append("b.md")
    index.page_titles["b.md"] = "B"
    stored = added(before, uses(index))
    assert stored == {
        "term_pages": {"hukou": ["b.md"], "danwei": ["b.md"]},
        "page_titles": {"b.md": "B"},
    }
    again = Index()
    again.term_pages["hukou"].append("a.md")
    add_again(again, json.loads(json.dumps(stored)))  # as the cache file stores it
    assert uses(again) == uses(index)


def test_a_warm_build_is_the_cold_builds_site_and_an_edit_shows(project, cache, tmp_path):
    """Three strict builds of a copy sharing one cache: the second (every page remembered)
    writes the same site as the first; after a glossary edit the third shows it on the
    term page and on a theme chapter that uses the term."""
    from conftest import run_mkdocs

    sites = [tmp_path / f"site{i}" for i in range(3)]
    for site in sites[:2]:
        assert run_mkdocs(project, site).returncode == 0
    stored = json.loads((cache / "rendered-pages.json").read_text(encoding="utf-8"))["results"]
    assert len(stored) > 50
    for page in sorted(sites[0].rglob("*.html")):
        twin = sites[1] / page.relative_to(sites[0])
        assert twin.read_bytes() == page.read_bytes(), page.relative_to(sites[0])
    edit(project / "glossary.yaml", "english: household registration", "english: hukou status")
    assert run_mkdocs(project, sites[2]).returncode == 0
    assert "hukou status" in (sites[2] / "terms/hukou/index.html").read_text(encoding="utf-8")
    theme = (sites[2] / "themes/migrants-and-hukou/index.html").read_text(encoding="utf-8")
    assert "hukou status" in theme  # the term's tooltip on the chapter
