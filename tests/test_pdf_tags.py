"""The offline PDF is tagged for assistive technology (WeasyPrint's pdf_tags): a structure
tree, the document's language, Chinese and pinyin spans in their own language, and the
bookmarks and links kept."""

from __future__ import annotations

import subprocess
from collections import Counter

import pytest
from pdf_support import outline, require_tool

pytestmark = pytest.mark.pdf


def structure_elements(reader):
    """Every /StructElem of the structure tree, depth first."""
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    stack = [root.get("/K")]
    while stack:
        kid = stack.pop()
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, list):
            stack.extend(kid)
        elif isinstance(kid, dict) and kid.get("/Type") == "/StructElem":
            yield kid
            stack.append(kid.get("/K"))


def test_pdfinfo_says_tagged(rendered):
    require_tool("pdfinfo", "poppler-utils")
    info = subprocess.run(
        ["pdfinfo", str(rendered["path"])], capture_output=True, text=True, check=True
    ).stdout
    assert any(line.split() == ["Tagged:", "yes"] for line in info.splitlines()), info


def test_structure_tree_document_language_and_marked_content(reader):
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog.get("/Lang") == "en", "the document's language is not set"
    assert catalog["/MarkInfo"]["/Marked"]
    kinds = Counter(str(e["/S"]) for e in structure_elements(reader))
    for kind in ("/H1", "/H2", "/P", "/L", "/LI", "/Table", "/Link", "/Sect"):
        assert kinds[kind], f"no {kind} in the structure tree: {kinds.most_common(12)}"


def test_chinese_and_pinyin_spans_carry_their_language(reader):
    languages = Counter(str(e["/Lang"]) for e in structure_elements(reader) if "/Lang" in e)
    assert languages["zh-Hans"] > 50, f"Chinese spans without /Lang zh-Hans: {languages}"
    assert languages["zh-Latn-pinyin"] > 20, (
        f"pinyin spans without /Lang zh-Latn-pinyin: {languages}"
    )


def test_tagging_keeps_bookmarks_and_links(reader):
    assert len(outline(reader)) > 5
    links = sum(
        1
        for page in reader.pages
        for a in page.get("/Annots") or []
        if a.get_object().get("/Subtype") == "/Link"
    )
    tagged_links = sum(1 for e in structure_elements(reader) if e["/S"] == "/Link")
    assert links > 100 and tagged_links >= links * 0.9, (
        f"{links} link annotations, {tagged_links} /Link elements"
    )
