"""Language and table header scope on the PDF's structure elements.

WeasyPrint 70 tags the PDF (structure tree, /Lang of the document from <html lang>) but
gives no structure element a /Lang of its own, so a screen reader would read the hanzi
with the English voice; and its header cells (/TH) carry no /Scope, so a checker cannot
tell which data cells a header heads (PDF/UA-1 7.5; pdfua's UA-15-003). While the tags
are built, this adds
- /Lang to each element made for an HTML element with a `lang` attribute (the zh-Hans and
  zh-Latn-pinyin spans of macros/cjk_lang.py);
- /Scope to each header cell's table attributes: /Row for `<th scope="row">`, otherwise
  /Column, the same rule WeasyPrint uses when it lists a data cell's /Headers.
It wraps WeasyPrint's internal `pdf.tags._build_box_tree` (pinned version); without that
function the PDF is still tagged, and tests/test_pdf_tags.py fails on the missing /Lang
and tests/test_pdf_ua.py on the missing /Scope.
"""

from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def element_attributes():
    """While active, structure elements carry their HTML element's `lang`, and header
    cells their scope."""
    import pydyf
    from weasyprint.pdf import tags

    original = getattr(tags, "_build_box_tree", None)
    if original is None:
        yield
        return

    def build(box, parent, *args):
        element = getattr(box, "element", None)
        lang = (
            element.get("lang")
            if element is not None and box.element_tag not in ("html", "body")
            else None
        )
        for struct in original(box, parent, *args):
            if lang and "Lang" not in struct:
                struct["Lang"] = pydyf.String(lang)
            if struct.get("S") == "/TH" and "A" in struct and element is not None:
                struct["A"]["Scope"] = "/Row" if element.get("scope") == "row" else "/Column"
            yield struct

    tags._build_box_tree = build
    try:
        yield
    finally:
        tags._build_box_tree = original
