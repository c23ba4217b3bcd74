"""The EPUB (`make epub`): built once per session from the `site` fixture, checked by
EPUBCheck (the W3C's checker: 0 fatal errors, 0 errors, 0 warnings) and by Ace by DAISY
(0 violations, the accessibility conformance claim reported; tests/ace_support.py), and
read back as a reader's device would: the container, the navigation document, the
languages, the term popups and the embedded font."""

from __future__ import annotations

import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from ace_support import ace

from studyguide import ROOT
from studyguide.outputs.book.cjk_font import find_cjk_font
from studyguide.outputs.book.nav import NavPage, iter_pages, load_nav
from studyguide.outputs.epub import __main__ as epub_cli
from studyguide.outputs.epub.check import epubcheck, java
from studyguide.outputs.epub.font import is_cjk
from studyguide.outputs.epub.package import (
    CONFORMS_TO,
    cover_document,
    nav_document,
    package_document,
    write_zip,
)
from studyguide.outputs.epub.xhtml import document

XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_NS = "{http://www.idpf.org/2007/ops}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
TONE_MARKS = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")


@pytest.fixture(scope="session")
def epub(site, tmp_path_factory):
    if find_cjk_font() is None:
        pytest.skip("no Noto CJK SC font (install the Debian package fonts-noto-cjk)")
    output = tmp_path_factory.mktemp("epub") / "guide.epub"
    assert epub_cli.main([str(site), "-o", str(output)]) == 0
    return output


@pytest.fixture(scope="session")
def documents(epub) -> dict[str, ET.Element]:
    with zipfile.ZipFile(epub) as zf:
        return {
            n.removeprefix("EPUB/"): ET.fromstring(zf.read(n))
            for n in zf.namelist()
            if n.endswith(".xhtml")
        }


def _require_java():
    if java() is None:
        pytest.skip("no Java for EPUBCheck (apt-get install default-jre-headless)")


def test_epubcheck_reports_nothing(epub):
    _require_java()
    result = epubcheck(epub)
    assert result.clean, result.summary()


def small_book(path, body: str):
    """A one-chapter book made by the same code as the guide's, with BODY as its chapter."""
    config = {"site_name": "Small", "site_url": "https://example.org/", "site_author": "Testers"}
    page = NavPage("Home", "", "index.html", "index", 1)
    files = {
        "cover.xhtml": cover_document(
            config, dt.date(2026, 1, 1), "CC BY-SA 4.0", "en", "epub.css"
        ),
        "nav.xhtml": nav_document([page], {"index": "Home"}, "en", "epub.css"),
        "index.xhtml": document("Home", body, "en", "epub.css"),
        "epub.css": "p { margin: 0; }",
    }
    spine = ["cover.xhtml", "nav.xhtml", "index.xhtml"]
    files["package.opf"] = package_document(
        config, dt.date(2026, 1, 1), "CC BY-SA 4.0", "en", spine, ["epub.css"]
    )
    write_zip(path, files)
    return path


def test_epubcheck_catches_a_broken_epub(tmp_path):
    """The checker is really checking: a small book made by the same code, whose term
    popup points to a note that is not there, is reported."""
    _require_java()
    body = (
        '<section><h1>Home</h1><p><a href="#note-hukou" epub:type="noteref">hukou</a></p></section>'
    )
    result = epubcheck(small_book(tmp_path / "broken.epub", body))
    ids = {m["ID"] for m in result.messages if m["severity"] == "ERROR"}
    assert ids == {"RSC-012"}, result.summary()


def test_ace_finds_no_violation_and_reports_the_conformance_claim(epub, tmp_path):
    report = ace(epub, tmp_path / "ace")
    assert report.violations == [], "\n".join(report.violations)
    assert report.outcome == "pass"
    metadata = report.metadata
    assert (
        metadata["dcterms:conformsTo"]
        == CONFORMS_TO
        == "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
    )
    assert metadata["a11y:certifiedBy"]
    assert {
        "schema:accessMode",
        "schema:accessibilityFeature",
        "schema:accessibilityHazard",
        "schema:accessibilitySummary",
        "schema:accessModeSufficient",
        "dcterms:conformsTo",
        "a11y:certifiedBy",
    } <= set(report.present), report.present
    assert len(report.documents) > 70, "Ace checked every chapter"


def test_ace_catches_an_unnamed_link(tmp_path):
    """Ace is really checking: a small book made by the same code, with a link that has
    no text, is reported (axe's link-name rule)."""
    book = small_book(
        tmp_path / "unnamed.epub", '<section><h1>Home</h1><p><a href="nav.xhtml"></a></p></section>'
    )
    report = ace(book, tmp_path / "ace")
    assert report.outcome == "fail"
    assert any(v.startswith("link-name ") for v in report.violations), report.violations


def test_container_has_mimetype_first_and_stored(epub):
    with zipfile.ZipFile(epub) as zf:
        first = zf.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert zf.read("mimetype") == b"application/epub+zip"
        assert "EPUB/package.opf" in zf.read("META-INF/container.xml").decode()


def test_nav_lists_every_page_in_the_pdf_order(documents):
    """The navigation document lists every page of mkdocs.yml's nav, in the PDF's order
    (Reference last, then the study sheets), and the spine-ready files exist."""
    _, outline = load_nav(ROOT / "mkdocs.yml")
    expected = [f"{page.slug}.xhtml" for page in iter_pages(outline)]
    toc = next(
        n for n in documents["nav.xhtml"].iter(f"{XHTML}nav") if n.get(f"{EPUB_NS}type") == "toc"
    )
    listed = [a.get("href") for a in toc.iter(f"{XHTML}a")]
    assert listed == expected
    assert set(expected) <= set(documents)
    reference = [name for name in listed if not name.startswith("terms-")]
    assert reference[-5:] == [
        "glossary.xhtml",
        "who.xhtml",
        "timeline.xhtml",
        "tracker.xhtml",
        "study-sheets.xhtml",
    ]
    assert listed[len(reference) :] == [name for name in listed if name.startswith("terms-")], (
        "the term pages come last"
    )


def test_chinese_and_pinyin_are_marked(documents):
    """Every text with hanzi sits in an element whose language is zh-Hans (lang and
    xml:lang alike); the term cards' pinyin is zh-Latn-pinyin."""
    unmarked, pinyin = [], 0

    def walk(element, lang):
        nonlocal pinyin
        if element.get("lang") != element.get(XML_LANG):
            unmarked.append(f"lang {element.get('lang')!r} != xml:lang {element.get(XML_LANG)!r}")
        lang = element.get(XML_LANG) or lang
        for text in (element.text,):
            if text and HAN.search(text) and lang != "zh-Hans":
                unmarked.append(f"{lang}: {text.strip()[:40]}")
        if lang == "zh-Latn-pinyin" and TONE_MARKS.search(element.text or ""):
            pinyin += 1
        for child in element:
            walk(child, lang)
            if child.tail and HAN.search(child.tail) and lang != "zh-Hans":
                unmarked.append(f"{lang}: {child.tail.strip()[:40]}")

    for name, root in documents.items():
        assert root.get(XML_LANG) == "en", name
        walk(root, "en")
    assert not unmarked, unmarked[:10]
    assert pinyin > 100


def test_term_links_are_popup_notes(documents):
    """Term links on the pages are noterefs to a footnote aside in the same document
    with the term's card; the card links to the term's own page in the book."""
    notes = 0
    for name, root in documents.items():
        asides = {
            a.get("id"): a
            for a in root.iter(f"{XHTML}aside")
            if a.get(f"{EPUB_NS}type") == "footnote"
        }
        for a in root.iter(f"{XHTML}a"):
            if a.get(f"{EPUB_NS}type") == "noteref":
                notes += 1
                aside = asides.get(a.get("href").removeprefix("#"))
                assert aside is not None, f"{name}: {a.get('href')} has no footnote"
                full = [x.get("href") for x in aside.iter(f"{XHTML}a")]
                assert full and full[0].startswith("terms-") and full[0] in documents, full
    assert notes > 100


def test_links_stay_inside_the_book_or_go_to_the_web(documents):
    for name, root in documents.items():
        for a in root.iter(f"{XHTML}a"):
            href = a.get("href") or ""
            if href.startswith(("http://", "https://", "mailto:", "#")):
                continue
            assert href.split("#")[0] in documents, (
                f"{name}: {href} is neither a chapter nor a web link"
            )


def test_font_subset_covers_every_hanzi(epub, documents):
    from fontTools.ttLib import TTFont

    with zipfile.ZipFile(epub) as zf:
        font = TTFont(io.BytesIO(zf.read("EPUB/fonts/cjk-subset.otf")))
        text = "".join(zf.read(n).decode() for n in zf.namelist() if n.endswith(".xhtml"))
    used = {c for c in text if is_cjk(c)}
    cmap = font.getBestCmap()
    assert used and not [c for c in used if ord(c) not in cmap]
    assert len(cmap) < 2000, "the font is a subset, not the whole face"
