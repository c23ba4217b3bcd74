"""The core path's own PDF (site/guide-core.pdf), written by the same command as the book:
at most 30 pages, read back with pypdf; its bookmarks are the core path's pages."""

from __future__ import annotations

import pytest
from pdf_support import flat_outline, outline

from studyguide.outputs.pdf.section import CORE_OUTPUT

MAX_PAGES = 30


@pytest.fixture(scope="module")
def core_reader(rendered):
    from pypdf import PdfReader

    return PdfReader(rendered["site"] / CORE_OUTPUT)


def test_core_pdf_is_at_most_30_pages(core_reader, reader):
    assert len(core_reader.pages) <= MAX_PAGES, f"guide-core.pdf has {len(core_reader.pages)} pages"
    assert len(core_reader.pages) < len(reader.pages) / 5  # a short book beside the full one


def test_core_pdf_holds_the_core_path_pages_in_order(core_reader, rendered):
    titles = [title for depth, title, _ in flat_outline(outline(core_reader)) if depth == 0]
    assert titles[:3] == ["Cover", "Contents", "The core path"] and len(titles) == 18, titles
    assert "Shi (2014)" in titles[3] and "Reading the sources critically" in titles[-1]
