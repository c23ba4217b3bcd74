"""The offline copy (`make offline` -> site/guide-offline.zip): built once per session
with mkdocs.offline.yml, zipped, unzipped into a temporary folder and opened from disk
(file://) in Chromium: search in English, pinyin and hanzi, a term link and an excerpt
link, with no request leaving the folder. And the zip step refuses a site that would
not work from disk (the online build)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from studyguide import ROOT
from studyguide.outputs.offline import FOLDER, OfflineError, write_zip

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = sync_api.expect

SEARCHES = [
    ("household registration", "terms/hukou.html"),
    ("hukou", "terms/hukou.html"),
    ("户口", "terms/hukou.html"),
]


@pytest.fixture(scope="session")
def offline_copy(tmp_path_factory):
    """The unzipped offline copy's folder (the zip itself is beside it)."""
    work = tmp_path_factory.mktemp("offline")
    env = dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        GUIDE_OFFLINE="true",
        JIEBA_CACHE_DIR=str(ROOT / ".cache"),
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            "mkdocs.offline.yml",
            "--site-dir",
            str(work / "built"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"offline build failed:\n{result.stderr[-4000:]}"
    archive = work / "guide-offline.zip"
    write_zip(work / "built", archive)
    with zipfile.ZipFile(archive) as zf:
        assert all(name.startswith(f"{FOLDER}/") for name in zf.namelist())
        zf.extractall(work / "unzipped")
    return work / "unzipped" / FOLDER


def test_zip_refuses_the_online_site(site, tmp_path):
    with pytest.raises(OfflineError, match="search_index.js|directory URLs"):
        write_zip(site, tmp_path / "x.zip")


@pytest.fixture(scope="module")
def page(offline_copy, browser):
    """A page in the session's Chromium (browser_fixtures: one Playwright per worker)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    foreign: list[str] = []

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            foreign.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.foreign = foreign
    yield page
    context.close()


def _search(page, offline_copy, query: str) -> list[str]:
    """Search from the home page, loaded once for every search (as a reader searches again
    without reloading): the last words and their results are cleared first."""
    home = (offline_copy / "index.html").as_uri()
    if page.url != home:
        page.goto(home)
        page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.fill("")
    box.press("End")  # Material searches on keyup
    expect(page.locator(".md-search-result__list > *")).to_have_count(0)
    box.fill(query)
    box.press("End")  # Material searches on keyup
    links = page.locator(".md-search-result__list a.md-search-result__link")
    page.wait_for_function(  # a result shown, not one the list is about to redraw
        "() => [...document.querySelectorAll('.md-search-result__list a.md-search-result__link')]"
        ".some((a) => a.checkVisibility())",
        timeout=15000,
    )
    return [
        href.split("?")[0].removeprefix(offline_copy.as_uri() + "/")
        + ("#" + href.split("#")[1] if "#" in href else "")
        for href in links.evaluate_all("as => as.filter(a => a.checkVisibility()).map(a => a.href)")
    ]


@pytest.mark.parametrize(("query", "target"), SEARCHES, ids=[q for q, _ in SEARCHES])
def test_search_works_from_disk(page, offline_copy, query, target):
    results = _search(page, offline_copy, query)
    assert target in results[:3], f"search {query!r} from file://: first results {results[:3]}"
    assert not page.foreign, f"requests left the folder: {page.foreign}"


def test_term_and_excerpt_links_work_from_disk(page, offline_copy):
    """A term link opens the term's page, an excerpt's attribution opens the passage
    on its source page: .html files on disk, no server."""
    page.goto((offline_copy / "themes" / "migrants-and-hukou.html").as_uri())
    term = page.locator('article a[href*="terms/hukou.html"]').first
    term.click()
    expect(page).to_have_url((offline_copy / "terms" / "hukou.html").as_uri())
    expect(page.locator("h1#hukou")).to_be_in_viewport()
    page.go_back()
    cite = page.locator('article blockquote.excerpt cite a[href*="sources/"]').first
    href = cite.get_attribute("href")
    cite.click()
    target = (offline_copy / "themes" / href.split("#")[0]).resolve()
    assert target.is_file() and page.url.startswith(target.as_uri())
    expect(page.locator(f'[id="{href.split("#")[1]}"]')).to_be_attached()
    assert not page.foreign, f"requests left the folder: {page.foreign}"
