"""The offline PDF (studyguide/outputs/pdf/): rendered once per session from the real site, exactly as
`make pdf` does, then read back with pypdf and pdftotext."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studyguide.load.glossary import load_glossary
from studyguide.outputs.pdf import __main__ as guide_pdf  # the package is run with python -m

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.pdf

MAX_BYTES = 10_000_000          # small enough to mail
MAX_SECONDS = 60                # the PDF step alone, on two cores


def _require_fonts():
    if guide_pdf.find_cjk_font() is None:
        pytest.skip(f"no Noto CJK SC font (install the Debian package {guide_pdf.CJK_PACKAGE})")


def _require_pdftotext():
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed (Debian package poppler-utils)")


@pytest.fixture(scope="session")
def rendered(site):
    """Run `python -m studyguide.outputs.pdf SITE` on the strictly built site, as `make pdf` does."""
    _require_fonts()
    pytest.importorskip("weasyprint", reason="WeasyPrint or its system libraries (Pango) missing")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "studyguide.outputs.pdf", str(site)], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, f"python -m studyguide.outputs.pdf failed:\n{result.stderr[-4000:]}"
    return {"path": site / guide_pdf.OUTPUT_NAME, "seconds": seconds, "stdout": result.stdout,
            "stderr": result.stderr, "site": site}


@pytest.fixture(scope="session")
def reader(rendered):
    from pypdf import PdfReader

    return PdfReader(rendered["path"])


@pytest.fixture(scope="session")
def text(rendered) -> str:
    _require_pdftotext()
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(rendered["path"]), "-"],
                         capture_output=True, text=True, check=True)
    return out.stdout


def page_text(path: Path, number: int) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(number), "-l", str(number), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


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
                out.append({"title": item.title, "page": reader.get_destination_page_number(item) + 1, "children": []})
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
    return " ".join(html.unescape(re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", h1)).split())


def expected_outline(site: Path) -> list[tuple[str, list[str]]]:
    """The nav read with MkDocs' loader, as the PDF must mirror it: (title, page titles
    of a section or [] for a page) at the top level, the Reference section moved last
    and renamed Appendices, which end with the term pages (outside the nav)."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import Page, Section, get_navigation

    config = load_config(config_file=str(ROOT / "mkdocs.yml"))

    def title(page: Page) -> str:
        return page.title or page_title(site / page.file.dest_uri, config["site_name"])

    top = []
    for item in get_navigation(get_files(config), config).items:
        if isinstance(item, Section):
            top.append((item.title, [title(p) for p in item.children if isinstance(p, Page)]))
        elif isinstance(item, Page):
            top.append((title(item), []))
    reference = next(entry for entry in top if entry[0] == guide_pdf.APPENDIX_NAV_TITLE)
    top.remove(reference)
    return top + [(guide_pdf.APPENDIX_TITLE, [*reference[1], "Terms"])]  # term pages: outside the nav, printed last


# --------------------------------------------------------------------------- the file


def test_make_pdf_writes_one_small_pdf_fast(rendered):
    path = rendered["path"]
    assert path == rendered["site"] / "guide.pdf" and path.is_file()
    assert path.read_bytes()[:5] == b"%PDF-"
    size = path.stat().st_size
    assert size < MAX_BYTES, f"guide.pdf is {size / 1e6:.1f} MB: too big to mail"
    assert rendered["seconds"] < MAX_SECONDS, f"the PDF step took {rendered['seconds']:.0f} s"
    assert "pdf: wrote" in rendered["stdout"]


def test_no_broken_links_or_renderer_warnings(rendered):
    """Every link of the site has its target inside the PDF: no anchor is missing and no
    linked page is left out of the nav (and so out of the PDF)."""
    warnings = [line for line in rendered["stderr"].splitlines() if line.startswith("pdf: ")]
    assert not warnings, "\n".join(warnings)


def test_cover_has_title_date_and_licence(rendered, reader):
    _require_pdftotext()
    from mkdocs.config import load_config

    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    cover = flat(page_text(rendered["path"], 1))
    assert flat(config["site_name"]) in cover
    assert guide_pdf.LICENCE in cover
    today = guide_pdf.build_date()
    assert f"{today.day} {today:%B %Y}" in cover


def nav_in_pdf(reader, site: Path) -> list[tuple[str, dict]]:
    """Each nav section and page (expected title) with its bookmark node, in PDF order."""
    nodes = [n for n in outline(reader) if n["title"] not in ("Cover", "Contents")]
    expected = expected_outline(site)
    assert [n["title"] for n in nodes] == [title for title, _ in expected], "top-level bookmarks differ from the nav"
    pairs = []
    for node, (title, pages) in zip(nodes, expected, strict=True):
        pairs.append((title, node))
        if pages:
            assert [c["title"] for c in node["children"]] == pages, f"bookmarks under {title!r} differ from the nav"
            pairs += list(zip(pages, node["children"], strict=True))
    return pairs


def test_table_of_contents_gives_page_numbers(rendered, reader):
    _require_pdftotext()
    tree = outline(reader)
    contents_page = next(n["page"] for n in tree if n["title"] == "Contents")
    first_page = next(n["page"] for n in tree if n["title"] not in ("Cover", "Contents"))
    lines = [flat(ln) for number in range(contents_page, first_page)
             for ln in page_text(rendered["path"], number).splitlines() if flat(ln) not in ("", str(number))]
    assert lines[0] == "Contents"
    entries, pending = [], ""
    for line in lines[1:]:                      # a long title wraps: join until the page number
        pending = f"{pending} {line}".strip()
        if re.search(r"\d+$", pending):
            entries.append(pending)
            pending = ""
    wanted = []
    for title, node in nav_in_pdf(reader, rendered["site"]):
        if wanted and wanted[-1][0] == title and wanted[-1][1]["page"] == node["page"]:
            continue                            # a section's index page, printed as the section
        wanted.append((title, node))
    assert len(entries) == len(wanted), f"{len(entries)} entries in the contents, {len(wanted)} sections and pages in the nav"
    for entry, (title, node) in zip(entries, wanted, strict=True):
        assert flat(entry).startswith(title[:30]), f"contents entry {entry!r} should be {title!r}"
        assert int(re.search(r"(\d+)$", entry).group(1)) == node["page"], f"{title!r}: contents say {entry!r}, bookmark says page {node['page']}"


# --------------------------------------------------------------------------- structure


def test_bookmarks_mirror_the_navigation_with_appendices_last(rendered, reader):
    """Section -> page -> h2, in nav order, with the Reference section last as Appendices."""
    pairs = nav_in_pdf(reader, rendered["site"])          # asserts titles and order
    tree = outline(reader)
    assert tree[-1]["title"] == guide_pdf.APPENDIX_TITLE
    assert {c["title"] for c in tree[-1]["children"]} >= {"Glossary"}
    titles = [title for title, _ in pairs]
    assert guide_pdf.APPENDIX_NAV_TITLE not in titles
    # A source page's bookmarks are its h2s.
    shi = next(node for title, node in pairs if title.startswith("Shi (2014)"))
    assert "At a glance" in [c["title"] for c in shi["children"]]
    assert all(not c["children"] for c in shi["children"]), "bookmarks below h2"
    pages = [page for _, _, page in flat_outline(tree)]
    assert pages == sorted(pages), "bookmarks out of page order"


def test_running_header_carries_the_chapter_and_pages_are_numbered(rendered, reader):
    _require_pdftotext()
    glossary = next(node for title, node in nav_in_pdf(reader, rendered["site"]) if title == "Glossary")
    number = glossary["page"] + 1
    following = page_text(rendered["path"], number)
    head = following.strip().splitlines()[:3]
    assert any("Glossary" in line for line in head), f"no running header on page {number}: {head}"
    assert re.search(rf"(^|\n)\s*{number}\s*$", following.rstrip()), "no page number at the foot"


# --------------------------------------------------------------------------- text and fonts


def test_every_glossary_term_and_its_hanzi_are_in_the_text(text):
    glossary = load_glossary(ROOT / "glossary.yaml")
    flat_text, bare = flat(text), squeeze(text)
    for entry in glossary.entries.values():
        assert entry.term in flat_text, f"glossary term {entry.term!r} is not in the PDF's text"
        assert squeeze(entry.hanzi) in bare, f"{entry.key}: hanzi {entry.hanzi} not extractable from the PDF"


def test_no_missing_glyphs(text):
    from studyguide.load.glossary import load_glossary

    assert "\ufffd" not in text, "replacement characters in the extracted text (missing glyphs)"
    glossary = load_glossary(ROOT / "glossary.yaml")
    hanzi = {c for e in glossary.entries.values() for c in e.hanzi if not c.isspace()}
    missing = sorted(c for c in hanzi if c not in text)
    assert not missing, f"hanzi not extractable from the PDF: {''.join(missing)}"


def test_cjk_font_is_embedded_and_subset(reader):
    embedded = {}
    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts") or [font]:
                descendant = descendant.get_object()
                descriptor = (descendant.get("/FontDescriptor") or {})
                descriptor = descriptor.get_object() if descriptor else {}
                has_file = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                embedded[str(descendant.get("/BaseFont"))] = has_file
    cjk = [name for name, has_file in embedded.items() if "CJK" in name or "Noto" in name]
    assert cjk, f"no CJK font in the PDF: {sorted(embedded)}"
    assert all(embedded[name] for name in cjk), f"CJK font not embedded: {cjk}"
    assert all(re.match(r"/?[A-Z]{6}\+", name) for name in cjk), f"CJK font not subset: {cjk}"


def test_screen_only_parts_are_left_out_and_details_are_open(text, rendered):
    for screen_only in ("¶", "Edit this page", "View source of this page", "Last update", "Download the whole guide as a PDF"):
        assert screen_only not in text, f"{screen_only!r} is printed"
    # Every <details> of the site is printed open: its body is in the text.
    bodies = []
    for page in rendered["site"].rglob("index.html"):
        for block in re.findall(r"<details[^>]*>.*?</summary>(.*?)</details>", page.read_text(encoding="utf-8"), re.S):
            body = squeeze(html.unescape(re.sub(r"<[^>]+>", "", block)))
            if body:
                bodies.append(body[:30])
    assert bodies, "the site has no <details> to check"
    bare = squeeze(text)
    for body in bodies:
        assert body in bare, f"the body of a <details> is not printed: {body!r}"


# --------------------------------------------------------------------------- links


def _links(reader):
    for number, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link":
                yield number, annot


def test_internal_links_point_inside_the_document(reader):
    names = reader.named_destinations
    internal = 0
    for _, annot in _links(reader):
        action = annot.get("/A")
        dest = annot.get("/Dest") if "/Dest" in annot else (action.get("/D") if action and action.get("/S") == "/GoTo" else None)
        if dest is None:
            continue
        internal += 1
        if isinstance(dest, str):
            assert dest in names, f"link to unknown destination {dest!r}"
            assert 0 <= reader.get_destination_page_number(names[dest]) < len(reader.pages)
    assert internal > 100, f"only {internal} internal links"
    assert any(name.startswith("glossary--") for name in names)
    assert any(name.startswith("page--") for name in names)


def test_term_links_land_on_the_term_pages_printed_among_the_appendices(reader, rendered):
    """'../../terms/hukou/' on a source page -> '#page--terms-hukou' inside the PDF: an
    offline reader gets each term's whole page, after the glossary index."""
    names = reader.named_destinations
    pairs = nav_in_pdf(reader, rendered["site"])
    glossary = next(node for title, node in pairs if title == "Glossary")["page"]
    hukou = names.get("page--terms-hukou")
    assert hukou is not None and "glossary--hukou" in names  # the index keeps its old anchors
    assert reader.get_destination_page_number(hukou) + 1 > glossary
    terms = next(node for node in outline(reader)[-1]["children"] if node["title"] == "Terms")
    assert len(terms["children"]) == len(load_glossary(ROOT / "glossary.yaml").entries)
    linked = {annot.get("/Dest") for _, annot in _links(reader)}
    assert "page--terms-hukou" in linked


def test_external_links_are_uri_annotations_and_printed(reader, text):
    uris = [annot["/A"]["/URI"] for _, annot in _links(reader) if annot.get("/A") and annot["/A"].get("/S") == "/URI"]
    assert uris, "no external links"
    bare = squeeze(text)
    for uri in uris:
        assert uri.startswith(("http://", "https://", "mailto:")), uri
        assert squeeze(uri).removeprefix("mailto:") in bare, f"{uri} is not printed for paper readers"


# --------------------------------------------------------------------------- unit level


def _content(url: str, ids: set[str]):
    page = guide_pdf.NavPage(None, url, url + "index.html", guide_pdf.page_slug(url), 2)
    import xml.etree.ElementTree as ET

    return guide_pdf.PageContent(page, ET.Element("div"), url, ids)


def test_links_resolve_against_the_page_url(tmp_path):
    shi = _content("sources/shi-2014/", {"shi-2014-co-optation"})
    glossary = _content("glossary/", {"hukou"})
    home = _content("", set())
    mapper = guide_pdf.LinkMapper([shi, glossary, home], tmp_path, "https://example.org/guide/")
    assert mapper.target(shi, "../../glossary/#hukou") == ("#glossary--hukou", True)
    assert mapper.target(shi, "#shi-2014-co-optation") == ("#sources-shi-2014--shi-2014-co-optation", True)
    assert mapper.target(glossary, "../sources/shi-2014/") == ("#page--sources-shi-2014", True)
    assert mapper.target(glossary, "../") == ("#page--index", True)
    assert mapper.target(home, "glossary/index.html#hukou") == ("#glossary--hukou", True)
    assert mapper.target(home, "https://example.com/x") == ("https://example.com/x", False)
    assert not mapper.stats.problems
    assert mapper.target(home, "glossary/#nowhere") == ("#page--glossary", True)
    assert mapper.stats.problems, "an unknown anchor is reported"


def test_fails_fast_without_a_cjk_font(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(guide_pdf, "find_cjk_font", lambda: None)

    def must_not_run(*args, **kwargs):
        raise AssertionError("rendering started without a CJK font")

    monkeypatch.setattr(guide_pdf, "load_nav", must_not_run)
    monkeypatch.setattr(guide_pdf, "build_html", must_not_run)
    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    assert guide_pdf.main([str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "fonts-noto-cjk" in err and "Noto" in err
    assert not (tmp_path / "guide.pdf").exists()
