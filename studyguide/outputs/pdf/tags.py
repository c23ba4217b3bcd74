"""Language and table header scope on the PDF's structure elements.

WeasyPrint 70 tags the PDF (structure tree, /Lang of the document from <html lang>) but
gives no structure element a /Lang of its own, so a screen reader would read the hanzi
with the English voice; and its header cells (/TH) carry no /Scope, so a checker cannot
tell which data cells a header heads (PDF/UA-1 7.5; pdfua's UA-15-003). `add_attributes`
is passed to WeasyPrint's public `finisher` hook of `write_pdf`, which hands it the laid
out document and the PDF's objects once the tags are built and before anything is
written; it adds
- /Scope to each header cell's table attributes: /Row for `<th scope="row">`, otherwise
  /Column, the same rule WeasyPrint uses when it lists a data cell's /Headers. WeasyPrint
  keeps each cell's structure element on the cell's box (`box.mark`).
- /Lang to the structure element of each box of a `<span lang>` (the zh-Hans and
  zh-Latn-pinyin spans of macros/cjk_lang.py; a `lang` on any other element below <html>
  stops the PDF, naming it). WeasyPrint makes one /Span element for each box of a <span>,
  page by page in document order (a run of text in it, a TextBox, gets an element of its
  own holding its marked content), so the boxes and the elements are paired in that
  order; if their numbers differ (a WeasyPrint that tags otherwise), the PDF is not
  written (PdfError), and tests/test_pdf_tags.py checks the languages it carries.
"""

from __future__ import annotations

from studyguide.outputs.pdf.errors import PdfError


def _boxes(document):
    """Every box of every page, in document order (absolutely placed ones where they sit)."""
    for page in document.pages:
        yield from page._page_box.descendants(placeholders=True)


def _span_elements(pdf):
    """The /Span structure elements made for boxes, in the order they were made (not those
    holding one run of text, whose /K is a marked-content id)."""
    for obj in pdf.objects:
        if isinstance(obj, dict) and obj.get("Type") == "/StructElem" and obj["S"] == "/Span":
            kids = obj["K"]
            if not (kids and all(isinstance(kid, int) for kid in kids)):
                yield obj


def add_attributes(document, pdf) -> None:
    """WeasyPrint's finisher: /Scope on header cells, /Lang on the spans that have one."""
    import pydyf
    from weasyprint.formatting_structure.boxes import TextBox

    boxes = list(_boxes(document))
    for box in boxes:
        cell = getattr(box, "mark", None)
        if box.element_tag == "th" and cell is not None and "A" in cell:
            cell["A"]["Scope"] = "/Row" if box.element.get("scope") == "row" else "/Column"
    elsewhere = sorted(
        {
            f"<{box.element_tag} lang={box.element.get('lang')}>"
            for box in boxes
            if box.element is not None
            and box.element.get("lang")
            and box.element_tag not in ("span", "html")
            and "::" not in box.element_tag
        }
    )
    if elsewhere:
        raise PdfError(
            f"the PDF carries a language only on <span lang>: put {', '.join(elsewhere)}'s "
            "text in a span (studyguide/outputs/pdf/tags.py)"
        )
    spans = [
        box
        for box in boxes
        if box.element is not None and box.element_tag == "span" and not isinstance(box, TextBox)
    ]
    elements = list(_span_elements(pdf))
    if len(spans) != len(elements):
        raise PdfError(
            f"the PDF has {len(elements)} /Span structure elements for {len(spans)} span "
            "boxes, so their languages cannot be set: WeasyPrint tags spans otherwise than "
            "studyguide/outputs/pdf/tags.py expects"
        )
    for box, element in zip(spans, elements, strict=True):
        if (lang := box.element.get("lang")) and "Lang" not in element:
            element["Lang"] = pydyf.String(lang)
