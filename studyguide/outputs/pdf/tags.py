"""Language on the PDF's structure elements.

WeasyPrint 70 tags the PDF (`pdf_tags=True`: structure tree, /Lang of the document from
<html lang>) but gives no structure element a /Lang of its own, so a screen reader would
read the hanzi with the English voice. While the tags are built, this adds /Lang to each
element made for an HTML element with a `lang` attribute (the zh-Hans and
zh-Latn-pinyin spans of macros/cjk_lang.py). It wraps WeasyPrint's internal
`pdf.tags._build_box_tree` (pinned version); without that function the PDF is still
tagged, and tests/test_pdf_tags.py fails on the missing /Lang.
"""

from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def element_languages():
    """While active, structure elements carry their HTML element's `lang`."""
    import pydyf
    from weasyprint.pdf import tags

    original = getattr(tags, "_build_box_tree", None)
    if original is None:
        yield
        return

    def build(box, parent, *args):
        element = getattr(box, "element", None)
        lang = element.get("lang") if element is not None and box.element_tag not in ("html", "body") else None
        for struct in original(box, parent, *args):
            if lang and "Lang" not in struct:
                struct["Lang"] = pydyf.String(lang)
            yield struct

    tags._build_box_tree = build
    try:
        yield
    finally:
        tags._build_box_tree = original
