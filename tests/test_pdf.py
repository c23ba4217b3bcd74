"""The offline PDF (macros/pdf.py): rendered once per session from the real site, exactly as
`make pdf` does, then read back with pypdf and pdftotext."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros import pdf as guide_pdf

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
    """Run `python -m macros.pdf SITE` on the strictly built site, as `make pdf` does."""
    _require_fonts()
    pytest.importorskip("weasyprint", reason="WeasyPrint or its system libraries (Pango) missing")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "macros.pdf", str(site)], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, f"python -m macros.pdf failed:\n{result.stderr[-4000:]}"
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


def bookmarks(reader) -> list[tuple[int, str, int]]:
    """(depth, title, 1-based page) in document order."""
    out = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return out


class _H1(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth, self.skip, self.title = 0, 0, ""

    def handle_starttag(self, tag, attrs):
        if tag == "h1" and not self.title:
            self.depth = 1
        elif self.depth and "headerlink" in (dict(attrs).get("class") or ""):
            self.skip = 1

    def handle_endtag(self, tag):
        if tag == "h1":
            self.depth = 0
        elif tag == "a":
            self.skip = 0

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.title += data


def nav_titles(site: Path) -> list[tuple[str | None, str]]:
    """(section title, page title) for every page of the nav, read with MkDocs' loader;
    a page without a nav title is titled by its h1, as MkDocs does."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import Page, Section, get_navigation

    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    out = []

    def walk(items, section):
        for item in items:
            if isinstance(item, Section):
                walk(item.children, item.title)
            elif isinstance(item, Page):
                title = item.title
                if not title:
                    parser = _H1()
                    parser.feed((site / item.file.dest_uri).read_text(encoding="utf-8"))
                    title = " ".join(parser.title.split())
                out.append((section, title))

    walk(get_navigation(get_files(config), config).items, None)
    return out


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


def test_table_of_contents_gives_page_numbers(rendered, reader, text):
    contents = page_text(rendered["path"], 2)
    assert "Contents" in contents
    marks = {title: page for _, title, page in bookmarks(reader)}
    for _, title in nav_titles(rendered["site"]):
        line = next((ln for ln in contents.splitlines() if flat(ln).startswith(title[:30])), None)
        assert line is not None, f"{title!r} is not in the table of contents"
        number = re.search(r"(\d+)\s*$", line)
        assert number and int(number.group(1)) == marks[title], f"{title!r}: contents say {line!r}, bookmark says page {marks[title]}"


# --------------------------------------------------------------------------- structure


def test_bookmarks_mirror_the_navigation_with_appendices_last(rendered, reader):
    marks = bookmarks(reader)
    titles = [title for _, title, _ in marks]
    expected = nav_titles(rendered["site"])
    for _, title in expected:
        assert title in titles, f"page {title!r} has no bookmark"
    # Nav order, except that the Reference section comes last, as "Appendices".
    reference = [t for s, t in expected if s == guide_pdf.APPENDIX_NAV_TITLE]
    assert reference, "the nav has no Reference section"
    order = [t for s, t in expected if s != guide_pdf.APPENDIX_NAV_TITLE] + reference
    assert [t for t in titles if t in set(order)] == order
    top = [title for depth, title, _ in marks if depth == 0]
    assert top[-1] == guide_pdf.APPENDIX_TITLE
    appendix_at = titles.index(guide_pdf.APPENDIX_TITLE)
    assert all(titles.index(t) > appendix_at for t in reference)
    # Section -> page -> h2: pages in a section sit one level down, their h2s one more.
    depth = {title: d for d, title, _ in marks}
    for section, title in expected:
        assert depth[title] == (1 if section else 0), f"{title!r} is at bookmark depth {depth[title]}"
    assert "At a glance" in titles and depth["At a glance"] == 2
    assert [p for _, _, p in marks] == sorted(p for _, _, p in marks), "bookmarks out of page order"


def test_running_header_carries_the_chapter_and_pages_are_numbered(rendered, reader):
    _require_pdftotext()
    marks = bookmarks(reader)
    glossary_page = next(page for _, title, page in marks if title == "Glossary")
    following = page_text(rendered["path"], glossary_page + 1)
    head = following.strip().splitlines()[:3]
    assert any("Glossary" in line for line in head), f"no running header on page {glossary_page + 1}: {head}"
    assert re.search(rf"(^|\n)\s*{glossary_page + 1}\s*$", following.rstrip()), "no page number at the foot"


# --------------------------------------------------------------------------- text and fonts


def test_every_glossary_term_and_its_hanzi_are_in_the_text(text):
    from macros.glossary import load_glossary

    glossary = load_glossary(ROOT / "glossary.yaml")
    flat_text, bare = flat(text), squeeze(text)
    for entry in glossary.entries.values():
        assert entry.term in flat_text, f"glossary term {entry.term!r} is not in the PDF's text"
        assert squeeze(entry.hanzi) in bare, f"{entry.key}: hanzi {entry.hanzi} not extractable from the PDF"


def test_no_missing_glyphs(text):
    from macros.glossary import load_glossary

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


def test_glossary_link_lands_on_the_glossary_entry(reader):
    """'../../glossary/#hukou' on a source page -> '#glossary--hukou' inside the PDF."""
    names = reader.named_destinations
    marks = bookmarks(reader)
    start = next(page for _, title, page in marks if title == "Glossary")
    end = next(page for depth, title, page in marks if page > start and depth <= 1 and title != "Glossary")
    hukou = names.get("glossary--hukou")
    assert hukou is not None
    assert start <= reader.get_destination_page_number(hukou) + 1 < end
    linked = {annot.get("/Dest") for _, annot in _links(reader)}
    assert "glossary--hukou" in linked


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
