"""The offline PDF as a file and a book: valid (qpdf), every font embedded (pdffonts),
small, made without MkDocs or jieba; cover, contents, bookmarks, running header.
(How long it takes is measured by `make bench`, not asserted here.)"""

from __future__ import annotations

import re
import subprocess

import pytest
from pdf_support import (
    ROOT,
    flat,
    flat_outline,
    guide_pdf,
    nav_in_pdf,
    outline,
    page_text,
    require_tool,
)

pytestmark = pytest.mark.pdf

MAX_BYTES = 10_000_000  # small enough to mail


def test_make_pdf_writes_one_small_pdf(rendered):
    path = rendered["path"]
    assert path == rendered["site"] / "guide.pdf" and path.is_file()
    assert path.read_bytes()[:5] == b"%PDF-"
    size = path.stat().st_size
    assert size < MAX_BYTES, f"guide.pdf is {size / 1e6:.1f} MB: too big to mail"
    assert "pdf: wrote" in rendered["stdout"]


def test_pdf_step_imports_neither_mkdocs_nor_jieba(rendered):
    """The nav is read with PyYAML: MkDocs' loader would import every hook, and jieba with them."""
    assert "studyguide" in rendered["imported"] and "weasyprint" in rendered["imported"], (
        "import log not read"
    )
    assert not rendered["imported"] & {"mkdocs", "material", "jieba"}, sorted(rendered["imported"])


def test_no_renderer_warnings(rendered):
    warnings = [line for line in rendered["stderr"].splitlines() if line.startswith("pdf: ")]
    assert not warnings, "\n".join(warnings)


def test_qpdf_finds_no_structural_error(rendered):
    require_tool("qpdf", "qpdf")
    result = subprocess.run(
        ["qpdf", "--check", str(rendered["path"])], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "No syntax or stream encoding errors found" in result.stdout


def test_pdffonts_says_every_font_is_embedded(rendered):
    require_tool("pdffonts", "poppler-utils")
    lines = subprocess.run(
        ["pdffonts", str(rendered["path"])], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    header, rows = lines[0], lines[2:]
    emb = header.index(" emb ") + 1  # the column, by its header
    assert rows, "no fonts listed"
    not_embedded = [row for row in rows if row[emb : emb + 3] != "yes"]
    assert not not_embedded, "fonts not embedded:\n" + "\n".join(not_embedded)
    assert any("CJK" in row for row in rows), "no CJK font in the PDF"


def test_cover_has_title_date_and_licence(rendered, reader):
    require_tool("pdftotext", "poppler-utils")
    from mkdocs.config import load_config

    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    cover = flat(page_text(rendered["path"], 1))
    assert flat(config["site_name"]) in cover
    assert guide_pdf.LICENCE in cover
    today = guide_pdf.build_date()
    assert f"{today.day} {today:%B %Y}" in cover


def test_table_of_contents_gives_page_numbers(rendered, reader):
    require_tool("pdftotext", "poppler-utils")
    tree = outline(reader)
    contents_page = next(n["page"] for n in tree if n["title"] == "Contents")
    first_page = next(n["page"] for n in tree if n["title"] not in ("Cover", "Contents"))
    lines = [
        flat(ln)
        for number in range(contents_page, first_page)
        for ln in page_text(rendered["path"], number).splitlines()
        if flat(ln) not in ("", str(number))
    ]
    assert lines[0] == "Contents"
    entries, pending = [], ""
    for line in lines[1:]:  # a long title wraps: join until the page number
        pending = f"{pending} {line}".strip()
        if re.search(r"\d+$", pending):
            entries.append(pending)
            pending = ""
    wanted = []
    for title, node in nav_in_pdf(reader, rendered["site"]):
        if wanted and wanted[-1][0] == title and wanted[-1][1]["page"] == node["page"]:
            continue  # a section's index page, printed as the section
        wanted.append((title, node))
    assert len(entries) == len(wanted), (
        f"{len(entries)} entries in the contents, {len(wanted)} sections and pages in the nav"
    )
    for entry, (title, node) in zip(entries, wanted, strict=True):
        assert flat(entry).startswith(title[:30]), f"contents entry {entry!r} should be {title!r}"
        assert int(re.search(r"(\d+)$", entry).group(1)) == node["page"], (
            f"{title!r}: contents say {entry!r}, bookmark says page {node['page']}"
        )


def test_bookmarks_mirror_the_navigation_with_appendices_last(rendered, reader):
    """Section -> page -> h2, in nav order, with the Reference section last as Appendices,
    the printable sheets among them."""
    pairs = nav_in_pdf(reader, rendered["site"])  # asserts titles and order
    tree = outline(reader)
    assert tree[-1]["title"] == guide_pdf.APPENDIX_TITLE
    appendices = [c["title"] for c in tree[-1]["children"]]
    assert "Glossary" in appendices and appendices[-2:] == ["Printable sheets", "Terms"], appendices
    titles = [title for title, _ in pairs]
    assert guide_pdf.APPENDIX_NAV_TITLE not in titles
    # A source page's bookmarks are its h2s.
    shi = next(node for title, node in pairs if title.startswith("Shi (2014)"))
    assert "In brief" in [c["title"] for c in shi["children"]]
    assert all(not c["children"] for c in shi["children"]), "bookmarks below h2"
    pages = [page for _, _, page in flat_outline(tree)]
    assert pages == sorted(pages), "bookmarks out of page order"


def test_running_header_carries_the_chapter_and_pages_are_numbered(rendered, reader):
    require_tool("pdftotext", "poppler-utils")
    glossary = next(
        node for title, node in nav_in_pdf(reader, rendered["site"]) if title == "Glossary"
    )
    number = glossary["page"] + 1
    following = page_text(rendered["path"], number)
    head = following.strip().splitlines()[:3]
    assert any("Glossary" in line for line in head), f"no running header on page {number}: {head}"
    assert re.search(rf"(^|\n)\s*{number}\s*$", following.rstrip()), "no page number at the foot"
