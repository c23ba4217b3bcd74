"""The offline PDF's text, fonts and links, read back with pdftotext and pypdf."""

from __future__ import annotations

import html
import re

import pytest
from pdf_support import ROOT, flat, links, nav_in_pdf, outline, squeeze

pytestmark = pytest.mark.pdf


def test_every_glossary_term_and_its_hanzi_are_in_the_text(text):
    from studyguide.load.glossary import load_glossary

    glossary = load_glossary(ROOT / "glossary.yaml")
    flat_text, bare = flat(text), squeeze(text)
    for entry in glossary.entries.values():
        assert entry.term in flat_text, f"glossary term {entry.term!r} is not in the PDF's text"
        assert squeeze(entry.hanzi) in bare, (
            f"{entry.key}: hanzi {entry.hanzi} not extractable from the PDF"
        )


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
                descriptor = descendant.get("/FontDescriptor") or {}
                descriptor = descriptor.get_object() if descriptor else {}
                has_file = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                embedded[str(descendant.get("/BaseFont"))] = has_file
    cjk = [name for name, has_file in embedded.items() if "CJK" in name or "Noto" in name]
    assert cjk, f"no CJK font in the PDF: {sorted(embedded)}"
    assert all(embedded[name] for name in cjk), f"CJK font not embedded: {cjk}"
    assert all(re.match(r"/?[A-Z]{6}\+", name) for name in cjk), f"CJK font not subset: {cjk}"


def test_screen_only_parts_are_left_out_and_details_are_open(text, rendered):
    for screen_only in (
        "Edit this page",
        "View source of this page",
        "Last update",
        "Download the whole guide",
    ):
        assert screen_only not in text, f"{screen_only!r} is printed"
    # A heading's permalink (¶) ends its line; a ¶ in the prose ("commentary, ¶3") is content.
    permalinks = [line for line in text.splitlines() if line.rstrip().endswith("¶")]
    assert not permalinks, f"heading permalinks are printed: {permalinks[:3]}"
    # Every <details> of the site is printed open: its body is in the text.
    bodies = []
    for page in rendered["site"].rglob("index.html"):
        for block in re.findall(
            r"<details[^>]*>.*?</summary>(.*?)</details>", page.read_text(encoding="utf-8"), re.S
        ):
            body = squeeze(html.unescape(re.sub(r"<[^>]+>", "", block)))
            if body:
                bodies.append(body[:30])
    assert bodies, "the site has no <details> to check"
    bare = squeeze(text.replace("•", ""))  # list bullets are drawn, not in the HTML's text
    for body in bodies:
        assert body in bare, f"the body of a <details> is not printed: {body!r}"


def test_internal_links_point_inside_the_document(reader):
    names = reader.named_destinations
    internal = 0
    for _, annot in links(reader):
        action = annot.get("/A")
        dest = (
            annot.get("/Dest")
            if "/Dest" in annot
            else (action.get("/D") if action and action.get("/S") == "/GoTo" else None)
        )
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
    from studyguide.load.glossary import load_glossary

    names = reader.named_destinations
    pairs = nav_in_pdf(reader, rendered["site"])
    glossary = next(node for title, node in pairs if title == "Glossary")["page"]
    hukou = names.get("page--terms-hukou")
    assert hukou is not None and "glossary--hukou" in names  # the index keeps its old anchors
    assert reader.get_destination_page_number(hukou) + 1 > glossary
    terms = next(node for node in outline(reader)[-1]["children"] if node["title"] == "Terms")
    assert len(terms["children"]) == len(load_glossary(ROOT / "glossary.yaml").entries)
    linked = {annot.get("/Dest") for _, annot in links(reader)}
    assert "page--terms-hukou" in linked


def test_external_links_are_uri_annotations_and_printed(reader, text):
    uris = [
        annot["/A"]["/URI"]
        for _, annot in links(reader)
        if annot.get("/A") and annot["/A"].get("/S") == "/URI"
    ]
    assert uris, "no external links"
    bare = squeeze(text)
    for uri in uris:
        assert uri.startswith(("http://", "https://", "mailto:")), uri
        assert squeeze(uri).removeprefix("mailto:") in bare, (
            f"{uri} is not printed for paper readers"
        )
