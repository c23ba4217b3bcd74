"""Shared by tests/test_pdf_*.py: the PDF rendered once per session from the real site,
exactly as `make pdf` does (and with `-X importtime`, to see what it imported), and
helpers that read it back with pypdf and pdftotext. tests/conftest.py loads it as a
plugin (the fixtures); test files import the helpers."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from studyguide.outputs import pdf as guide_pdf

ROOT = Path(__file__).resolve().parent.parent


def require_fonts():
    if guide_pdf.find_cjk_font() is None:
        pytest.skip(f"no Noto CJK SC font (install the Debian package {guide_pdf.CJK_PACKAGE})")


def require_tool(name: str, package: str):
    if shutil.which(name) is None:
        pytest.skip(f"{name} not installed (Debian package {package})")


def run_pdf(
    site: Path, *args: str, python_options: tuple[str, ...] = (), env: dict | None = None
) -> subprocess.CompletedProcess:
    """`python -m studyguide.outputs.pdf SITE ARGS...` as `make pdf` runs it."""
    return subprocess.run(
        [sys.executable, *python_options, "-m", "studyguide.outputs.pdf", str(site), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def rendered(site, tmp_path_factory):
    """Run `python -m studyguide.outputs.pdf SITE` on the strictly built site, as `make pdf`
    does, once per test run (the PDF test files may run on different xdist workers). Its
    cache folder starts empty, as on a machine that did not build the site (the workflow's
    test job): the PDF step must not lean on what the build remembered."""
    from conftest import built_once

    require_fonts()
    pytest.importorskip("weasyprint", reason="WeasyPrint or its system libraries (Pango) missing")

    def render(folder: Path) -> None:
        cache = folder.with_name("pdf-cache")
        shutil.rmtree(cache, ignore_errors=True)
        env = dict(os.environ, GUIDE_CACHE_DIR=str(cache))
        result = run_pdf(site, python_options=("-X", "importtime"), env=env)
        assert result.returncode == 0, (
            f"python -m studyguide.outputs.pdf failed:\n{result.stderr[-4000:]}"
        )
        folder.mkdir(parents=True)
        (folder / "run.json").write_text(
            json.dumps({"stdout": result.stdout, "stderr": result.stderr}), encoding="utf-8"
        )

    run = json.loads(
        (built_once(tmp_path_factory, "pdf", render) / "run.json").read_text(encoding="utf-8")
    )
    imported = {
        m.group(1).split(".")[0]
        for m in re.finditer(r"^import time:.*\|\s*(\S+)\s*$", run["stderr"], re.M)
    }
    stderr = "\n".join(ln for ln in run["stderr"].splitlines() if not ln.startswith("import time:"))
    return {
        "path": site / guide_pdf.OUTPUT_NAME,
        "stdout": run["stdout"],
        "stderr": stderr,
        "imported": imported,
        "site": site,
    }


@pytest.fixture(scope="session")
def reader(rendered):
    from pypdf import PdfReader

    return PdfReader(rendered["path"])


@pytest.fixture(scope="session")
def text(rendered) -> str:
    require_tool("pdftotext", "poppler-utils")
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(rendered["path"]), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def page_text(path: Path, number: int) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-f", str(number), "-l", str(number), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def flat(s: str) -> str:
    return " ".join(s.split())


def squeeze(s: str) -> str:
    """Without any whitespace: lines of hanzi and long URLs wrap anywhere."""
    return "".join(s.split())


def outline(reader) -> list[dict]:
    """The PDF's bookmarks as a tree: {title, page (1-based), children}."""

    def walk(items) -> list[dict]:
        out: list[dict] = []
        for item in items:
            if isinstance(item, list):
                out[-1]["children"] = walk(item)
            else:
                out.append(
                    {
                        "title": item.title,
                        "page": reader.get_destination_page_number(item) + 1,
                        "children": [],
                    }
                )
        return out

    return walk(reader.outline)


def flat_outline(tree: list[dict], depth: int = 0) -> list[tuple[int, str, int]]:
    """(depth, title, page) in document order."""
    out = []
    for node in tree:
        out.append((depth, node["title"], node["page"]))
        out += flat_outline(node["children"], depth + 1)
    return out


def page_title(path: Path, site_name: str) -> str:
    """The title the site's nav shows for a page without a nav title: the front-matter
    title or the h1, which Material writes into <title> as "<title> - <site name>"."""
    html_text = path.read_text(encoding="utf-8")
    title = html.unescape(re.search(r"<title>(.*?)</title>", html_text, re.S).group(1))
    title = " ".join(title.split())
    suffix = f" - {' '.join(site_name.split())}"
    if title.endswith(suffix):
        return title.removesuffix(suffix)
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html_text, re.S).group(1)
    return " ".join(
        html.unescape(re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", h1)).split()
    )


def with_core_path(files, config):
    """`files` with the core path's pages, which a hook generates at build time
    (macros/hooks/core_path.py): the nav lists them, the built site has them."""
    from mkdocs.structure.files import File

    from studyguide.pages import core_path

    for src in [core_path.START] + [
        core_path.core_page(p) for p in core_path.full_pages(config["nav"])
    ]:
        files.append(
            File(src, config["docs_dir"], config["site_dir"], config["use_directory_urls"])
        )
    return files


def expected_outline(site: Path) -> list[tuple[str, list[str]]]:
    """The nav read with MkDocs' own loader (independent of the PDF's PyYAML reader), as
    the PDF must mirror it: (title, page titles of a section or [] for a page) at the top
    level, the Reference section moved last and renamed Appendices, the print_appendix pages
    (the study sheets) moved from their section to the appendices, before the terms."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import Page, Section, get_navigation

    config = load_config(config_file=str(ROOT / "mkdocs.yml"))

    def title(page: Page) -> str:
        return page.title or page_title(site / page.file.dest_uri, config["site_name"])

    skip = set(config.extra.get("screen_only") or [])  # browser-only pages: not printed
    to_appendix = list(config.extra.get("print_appendix") or [])
    moved = {}
    top = []
    for item in get_navigation(with_core_path(get_files(config), config), config).items:
        if isinstance(item, Section):
            pages = [p for p in item.children if isinstance(p, Page) and p.file.src_uri not in skip]
            moved.update({p.file.src_uri: title(p) for p in pages if p.file.src_uri in to_appendix})
            top.append((item.title, [title(p) for p in pages if p.file.src_uri not in to_appendix]))
        elif isinstance(item, Page):
            top.append((title(item), []))
    reference = next(entry for entry in top if entry[0] == guide_pdf.APPENDIX_NAV_TITLE)
    top.remove(reference)
    appendices = [
        *reference[1],
        *(moved[src] for src in to_appendix),
        "Terms",
    ]  # term pages: outside the nav, printed last
    return top + [(guide_pdf.APPENDIX_TITLE, appendices)]


def nav_in_pdf(reader, site: Path) -> list[tuple[str, dict]]:
    """Each nav section and page (expected title) with its bookmark node, in PDF order."""
    nodes = [n for n in outline(reader) if n["title"] not in ("Cover", "Contents")]
    expected = expected_outline(site)
    assert [n["title"] for n in nodes] == [title for title, _ in expected], (
        "top-level bookmarks differ from the nav"
    )
    pairs = []
    for node, (title, pages) in zip(nodes, expected, strict=True):
        pairs.append((title, node))
        if pages:
            assert [c["title"] for c in node["children"]] == pages, (
                f"bookmarks under {title!r} differ from the nav"
            )
            pairs += list(zip(pages, node["children"], strict=True))
    return pairs


def links(reader):
    """(page index, link annotation) of every link in the PDF."""
    for number, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link":
                yield number, annot
