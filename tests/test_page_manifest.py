"""The page manifest (studyguide.load.page_manifest, written by macros/hooks/page_manifest.py):
every page of the build with the URL MkDocs gave it, read by the PDF, the EPUB and the
search dictionary instead of MkDocs' URL rules worked out again."""

from __future__ import annotations

import subprocess
import sys

import pytest

from studyguide import ROOT
from studyguide.errors import GuideError
from studyguide.load import page_manifest
from studyguide.outputs.book import nav as book_nav

HOOK = ROOT / "macros/hooks/page_manifest.py"


def test_every_nav_page_has_the_url_mkdocs_gave_it(site):
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation
    from pdf_support import with_core_path

    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    navigation = get_navigation(with_core_path(get_files(config), config), config)
    manifest = page_manifest.read(site)
    assert [p.src for p in manifest.nav()] == [p.file.src_uri for p in navigation.pages]
    assert [p.url for p in manifest.nav()] == [p.url for p in navigation.pages]
    for page in manifest.pages:
        assert (site / page.dest).is_file(), page
        assert page.title, page
    assert manifest.page("sources/shi-2014.md").sections == ("Sources",)
    assert manifest.url("terms/hukou.md", "x") == "terms/hukou/#x"
    with pytest.raises(GuideError, match=r"'terms/hukuo.md': no such page in the build "):
        manifest.page("terms/hukuo.md")


def build(project, nav: str, directory_urls: bool = True):
    (project / "mkdocs.yml").write_text(
        "site_name: Tiny\n"
        f"use_directory_urls: {str(directory_urls).lower()}\n"
        f"hooks: [{HOOK}]\n"
        f"nav:\n{nav}",
        encoding="utf-8",
    )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")],
        check=True,
        cwd=project,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    return page_manifest.read(project / "site")


def test_a_page_moved_in_the_nav_gets_its_new_place_everywhere(tmp_path):
    """Moving a page in mkdocs.yml (or turning directory URLs off) changes what the PDF's
    outline reads, with no code change."""
    docs = tmp_path / "docs"
    (docs / "a").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n")
    (docs / "a/page.md").write_text("---\ntitle: A page\n---\n\ntext\n")
    (docs / "b.md").write_text("# B\n")

    before = build(tmp_path, "  - index.md\n  - a/page.md\n  - b.md\n")
    assert [(p.src, p.url, p.sections) for p in before.nav()] == [
        ("index.md", "", ()),
        ("a/page.md", "a/page/", ()),
        ("b.md", "b/", ()),
    ]
    after = build(tmp_path, "  - index.md\n  - b.md\n  - Part: [a/page.md]\n")
    assert [(p.src, p.sections, p.title) for p in after.nav()][1:] == [
        ("b.md", (), "B"),
        ("a/page.md", ("Part",), "A page"),
    ]
    _, outline = book_nav.load_nav(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert [type(i).__name__ for i in outline] == ["NavPage", "NavPage", "NavSection"]
    assert outline[2].title == "Part" and outline[2].children[0].url == "a/page/"

    flat = build(tmp_path, "  - index.md\n  - a/page.md\n", directory_urls=False)
    assert [(p.url, p.dest) for p in flat.nav()] == [
        ("index.html", "index.html"),
        ("a/page.html", "a/page.html"),
    ]


def test_page_paths_name_each_page_once():
    from studyguide.load import page_paths

    assert page_paths.key_of(page_paths.source_page("shi-2014"), page_paths.SOURCES) == "shi-2014"
    assert page_paths.key_of(page_paths.THEMES_INDEX, page_paths.THEMES) is None
    assert page_paths.key_of("themes/x.md", page_paths.SOURCES) is None
    chapters = [p.stem for p in page_paths.theme_files(ROOT / page_paths.DOCS)]
    assert chapters and "index" not in chapters
    assert all((ROOT / "docs" / page_paths.theme_page(t)).is_file() for t in chapters)


def test_pages_json_matches_its_schema_which_refuses_a_bad_file(site):
    import json

    from jsonschema import Draft202012Validator

    schema = json.loads(
        (ROOT / "studyguide/schemas/site/pages.schema.json").read_text(encoding="utf-8")
    )
    validator = Draft202012Validator(schema)
    data = json.loads((site / page_manifest.FILE).read_text(encoding="utf-8"))
    assert not list(validator.iter_errors(data))
    page = data["pages"][0]
    bad = {**data, "pages": [{**page, "url": "/abs/", "title": "", "nav_index": -1}]}
    assert len(list(validator.iter_errors(bad))) == 3
