"""The PDF claims PDF/UA-1 and passes pdfua (PyPI), which checks the machine-checkable part
of it on pikepdf: a structure tree, marked content, the document's language and title,
figures' alternative text, header cells tied to their data cells (/Scope), link
descriptions, and the PDF/UA identifier in the XMP metadata. pdfua says itself that a
clean run is not a conformance certificate (it implements 16 of veraPDF's 106 rules)."""

from __future__ import annotations

import pikepdf
import pytest
from pdf_support import require_fonts
from pdfua import validate
from test_pdf_tags import structure_elements

from studyguide.outputs.book.cjk_font import find_cjk_font
from studyguide.outputs.pdf.render import render

pytestmark = pytest.mark.pdf

# pdfua 0.1.3's empty-heading rule (UA-14-001) raises on any heading whose /K is an
# array (it asks a pikepdf.Array for `is_integer`, which pikepdf answers with ValueError,
# in 8.x, 9.x and 10.x alike), so it cannot run on a tagged PDF from WeasyPrint;
# test_no_heading_is_empty checks the same thing with pypdf.
BROKEN_RULES = {"UA-14-001": "is_integer"}

SMALL = """<!doctype html><html lang="en"><head><title>Small</title></head><body>
<h1>Terms</h1><table><thead><tr><th>Term</th><th>Meaning</th></tr></thead>
<tbody><tr><th scope="row">hukou</th><td>household registration</td></tr></tbody></table>
</body></html>"""


def pdfua_report(path):
    return validate(str(path))


def findings(report) -> list[str]:
    return [
        f"{f.rule_id} {f.severity.name} {f.location.describe()}: {f.message}"
        for f in report.findings
    ]


def not_evaluated(report) -> dict[str, str]:
    """Rules that raised instead of deciding, with pdfua's note on why."""
    return {o.rule_id: o.skipped_reason for o in report.outcomes if o.skipped}


def test_pdfua_finds_nothing_and_the_pdf_claims_pdf_ua_1(rendered):
    report = pdfua_report(rendered["path"])
    assert findings(report) == []
    assert report.exit_code == 0
    skipped = not_evaluated(report)
    assert all(
        rule in BROKEN_RULES and BROKEN_RULES[rule] in why for rule, why in skipped.items()
    ), skipped
    with pikepdf.open(rendered["path"]) as pdf:
        assert pdf.pdf_version == "1.7"
        assert pdf.open_metadata().get("pdfuaid:part") == "1", (
            "no PDF/UA identifier in the XMP metadata"
        )


def test_no_heading_is_empty(reader):
    """What pdfua's UA-14-001 would check: every heading reaches marked content."""

    def marks_content(kid) -> bool:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, int):
            return True
        if isinstance(kid, list):
            return any(marks_content(k) for k in kid)
        return isinstance(kid, dict) and (
            kid.get("/Type") == "/MCR" or marks_content(kid.get("/K"))
        )

    headings = [
        e for e in structure_elements(reader) if str(e["/S"]) in {f"/H{n}" for n in range(1, 7)}
    ]
    assert len(headings) > 300
    empty = [str(e["/S"]) for e in headings if not marks_content(e.get("/K"))]
    assert not empty, f"{len(empty)} empty headings"


def test_header_cells_carry_their_scope_and_pdfua_tells_without(tmp_path):
    """pdfua is really checking: WeasyPrint's plain tagged PDF of a small table has no
    PDF/UA identifier and header cells without /Scope; the guide's renderer gives the
    column headers /Column and a `scope="row"` header /Row, and pdfua finds nothing."""
    require_fonts()
    pytest.importorskip("weasyprint", reason="WeasyPrint or its system libraries (Pango) missing")
    from weasyprint import HTML

    plain = tmp_path / "plain.pdf"
    HTML(string=SMALL).write_pdf(plain, pdf_tags=True)
    assert {f.rule_id for f in pdfua_report(plain).findings} == {"UA-28-004", "UA-15-003"}

    ours = tmp_path / "ours.pdf"
    ours.write_bytes(render(SMALL, tmp_path, find_cjk_font(), "Small").pdf)
    assert findings(pdfua_report(ours)) == []
    with pikepdf.open(ours) as pdf:
        scopes = []
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            kids = node.get("/K")
            kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            stack += [k for k in kids if isinstance(k, pikepdf.Dictionary)]
            if node.get("/S") == "/TH":
                scopes.append(str(node.A.Scope))
        assert sorted(scopes) == ["/Column", "/Column", "/Row"]
