"""The PDF renderer on a tiny document, without the site: WeasyPrint's span structure
elements get the language of the span they were made for and header cells their scope
(studyguide.outputs.pdf.tags); a language on any other element, or spans and elements that
do not pair, stop the PDF; a rendered PDF is kept in the build cache and made again when
its document or the code changes."""

from __future__ import annotations

import pytest
from pdf_support import require_fonts

from studyguide.outputs.book import BookError

TAGGED = (
    "<html lang='en'><body><p>The <span lang='zh-Hans'>户口</span> "
    "(<span lang='zh-Latn-pinyin'>hùkǒu</span>) and a <span>plain span</span>.</p>"
    "<table><thead><tr><th>Term</th><th>Gloss</th></tr></thead>"
    "<tbody><tr><th scope='row'>单位</th><td>work unit</td></tr></tbody></table></body></html>"
)


def tagged_elements(document: str) -> list[dict]:
    """The structure elements of `document` rendered as the guide renders (PDF/UA-1 with
    tags.add_attributes as WeasyPrint's finisher), in the order they were made."""
    require_fonts()
    pytest.importorskip("weasyprint", reason="WeasyPrint or its system libraries (Pango) missing")
    from weasyprint import HTML

    from studyguide.outputs.pdf import tags

    kept = []

    def finisher(document, pdf):
        tags.add_attributes(document, pdf)
        kept.extend(o for o in pdf.objects if isinstance(o, dict) and "S" in o)

    HTML(string=document).render().write_pdf(pdf_variant="pdf/ua-1", finisher=finisher)
    return kept


@pytest.mark.pdf
def test_spans_carry_their_language_and_header_cells_their_scope():
    """WeasyPrint's own structure elements, given /Lang by the span they were made for
    and /Scope by the header cell's scope (no attribute: /Column)."""
    elements = tagged_elements(TAGGED)
    spans = [
        (e["Lang"].string if "Lang" in e else "", len(e["K"]))
        for e in elements
        if e["S"] == "/Span"
    ]
    assert [lang for lang, _ in spans if lang] == ["zh-Hans", "zh-Latn-pinyin"], spans
    assert all("Lang" not in e for e in elements if e["S"] != "/Span"), "a /Lang elsewhere"
    scopes = [str(e["A"].get("Scope")) for e in elements if e["S"] == "/TH"]
    assert scopes == ["/Column", "/Column", "/Row"], scopes


@pytest.mark.pdf
def test_a_language_on_an_element_other_than_a_span_stops_the_pdf():
    with pytest.raises(BookError, match=r"only on <span lang>: put <p lang=zh-Hans>"):
        tagged_elements("<html lang='en'><body><p lang='zh-Hans'>户口</p></body></html>")


def test_spans_and_span_elements_that_do_not_pair_stop_the_pdf():
    """Boxes and elements are paired in order; a count that differs (a WeasyPrint that
    tags spans otherwise) stops the PDF instead of giving languages to the wrong text."""
    pytest.importorskip("weasyprint", reason="WeasyPrint or its system libraries (Pango) missing")
    from types import SimpleNamespace

    from studyguide.outputs.pdf import tags

    span = SimpleNamespace(element_tag="span", element={"lang": "zh-Hans"})
    page = SimpleNamespace(_page_box=SimpleNamespace(descendants=lambda placeholders: [span]))
    pdf = SimpleNamespace(objects=[])
    with pytest.raises(BookError, match="0 /Span structure elements for 1 span boxes"):
        tags.add_attributes(SimpleNamespace(pages=[page]), pdf)


@pytest.mark.pdf
def test_a_rendered_pdf_is_kept_and_made_again_when_its_document_changes(tmp_path, monkeypatch):
    """render keeps the PDF in the build cache: the same document gives the kept bytes
    without WeasyPrint laying it out again; another document (or another code key) is
    rendered afresh."""
    require_fonts()
    pytest.importorskip("weasyprint", reason="WeasyPrint or its system libraries (Pango) missing")
    from studyguide.load import cache
    from studyguide.outputs.book import cjk_font
    from studyguide.outputs.pdf import render

    monkeypatch.setenv("GUIDE_CACHE_DIR", str(tmp_path))
    font = cjk_font.find_cjk_font()
    made = []
    real = render._render
    monkeypatch.setattr(render, "_render", lambda *args: made.append(1) or real(*args))
    first = render.render(TAGGED, tmp_path, font, "Tiny")
    assert render.render(TAGGED, tmp_path, font, "Tiny") == first and len(made) == 1
    assert first.pdf.startswith(b"%PDF") and first.pages == 1
    other = render.render(TAGGED.replace("work unit", "danwei"), tmp_path, font, "Tiny")
    assert other.pdf != first.pdf and len(made) == 2
    monkeypatch.setattr(cache, "code_key", lambda: "another version of the code")
    render.render(TAGGED, tmp_path, font, "Tiny")
    assert len(made) == 3, "a PDF made by other code was given back"
