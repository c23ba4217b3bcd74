"""The printable sheets (docs/study/sheets.md, studyguide/practice/sheets.py) as real sheets:
the glossary on one sheet beside the title (no page with only a title on it), then one
printed page per source: its thesis and evidence (the source page's "In brief" and "Key
points") and five verbatim quotes from its excerpts. Checked in the Markdown the macro
writes, in Chromium's print of the page (A4 and Letter, as a reader prints it), and in the
guide's PDF book, where the sheets are an appendix; both PDFs are read back with pypdf."""

from __future__ import annotations

import re
import unicodedata

import pytest
from pdf_support import flat_outline, outline, squeeze

from studyguide.errors import GuideError
from studyguide.practice import sheets
from studyguide.practice.context import plain


def _flat(text: str) -> str:
    """For comparing text with a PDF's: NFKC (PDF text of hanzi may come back as CJK radicals),
    curly quotes straight, no whitespace (lines wrap anywhere)."""
    text = (
        unicodedata.normalize("NFKC", text)
        .replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("\u2019", "'")
    )
    return squeeze(re.sub(r"[*_`]", "", text))


def test_a_source_sheet_is_its_in_brief_key_points_and_five_verbatim_quotes(guide):
    for source_id in guide.sources:
        core = sheets.core_sections(guide, source_id)
        sheet = "\n".join(sheets.source_sheet(guide, "study/sheets.md", source_id))
        assert "{{" not in sheet, f"{source_id}: a macro call reached the sheet"
        assert core["In brief"] in sheet and core["Key points"] in sheet
        assert 80 <= len(core["In brief"].split()) <= 130, source_id
        quotes = re.findall(r"^\d\. \u201c(.*)\u201d \(", sheet, re.M)
        texts = {" ".join(x["text"].split()) for x in guide.excerpts_of(source_id)}
        assert len(quotes) == sheets.QUOTES and set(quotes) <= texts, (source_id, quotes)


def test_quotes_prefer_the_excerpts_the_key_points_quote(guide):
    """Core text quoting four of Gong's excerpts puts all four on the sheet, with the
    shortest other one, in the text's order; and Gong's real In brief and Key points each
    bring the excerpts they quote."""
    quoted = [
        "gong-2012-intro-errors",
        "gong-2012-petitioning-trust",
        "gong-2012-managing-society",
        "gong-2012-error-4-rights",
    ]
    core = " and ".join(
        f'"{" ".join(plain(guide.excerpts[k]["text"]).split()[1:7])}"' for k in quoted
    )
    chosen = sheets.sheet_quotes(guide, "gong-2012", core)
    keys = {x.key for x in chosen}
    assert set(quoted) <= keys and len(chosen) == 5
    rest = [x for x in guide.excerpts_of("gong-2012") if x.key not in keys]
    extra = next(x for x in chosen if x.key not in quoted)
    assert all(len(extra["text"].split()) <= len(x["text"].split()) for x in rest)
    order = [x.key for x in guide.excerpts_of("gong-2012")]
    assert [x.key for x in chosen] == sorted((x.key for x in chosen), key=order.index), (
        "in the text's order"
    )
    real = sheets.core_sections(guide, "gong-2012")
    on_sheet = {
        x.key
        for x in sheets.sheet_quotes(guide, "gong-2012", real["In brief"] + real["Key points"])
    }
    assert "gong-2012-managing-society" in on_sheet, "the key point quoting it brings it"


def test_a_sheet_refuses_what_it_cannot_show_naming_the_page(guide):
    assert (
        sheets._plain(
            guide,
            'A {{ who("gong-weibin") }} and {{ term("hukou", "registration") }} [link](x.md).',
            "p",
        )
        == "A Gong Weibin and registration link."
    )
    with pytest.raises(GuideError, match=r"docs/sources/x\.md.*who\(\) and term\(\) only"):
        sheets._plain(guide, '{{ excerpt("shi-2014-co-optation") }}', "docs/sources/x.md")
    with pytest.raises(GuideError, match="no-such-person"):
        sheets._plain(guide, '{{ who("no-such-person") }}', "docs/sources/x.md")


def _check_pages(pages: list[str], guide, where: str) -> None:
    """`pages`: the sheets' printed pages, the first the one with the page's title."""
    flat = [_flat(p) for p in pages]
    assert "Printablesheets" in flat[0] and "Glossarysheet" in flat[0], (
        f"{where}: page 1 is not title + glossary"
    )
    # Pinyin and English: a PDF's text may give hanzi back as look-alike radicals (户 as ⼾).
    missing = [
        e.english
        for e in guide.glossary.entries.values()
        if _flat(e.pinyin + e.english) not in flat[0]
    ]
    assert not missing, f"{where}: glossary entries not on its one sheet: {missing}"
    assert all(len(p.split()) > 20 for p in pages), f"{where}: a blank or near-blank page"
    heads = {sid: _flat(guide.sources[sid]["title"])[:40] for sid in guide.sources}
    for sid in guide.sources:
        at = [n for n, p in enumerate(flat) if heads[sid] in p]
        assert len(at) == 1, f"{where}: {sid}'s sheet heading on pages {at}"
        page = flat[at[0]]
        core = sheets.core_sections(guide, sid)
        last = sheets.sheet_quotes(guide, sid, core["In brief"] + core["Key points"])[-1]
        assert _flat(" ".join(last["text"].split())[-60:]) in page, (
            f"{where}: {sid}'s sheet runs past its page"
        )
        assert not [o for o in heads if o != sid and heads[o] in page], (
            f"{where}: two sheets on one page"
        )


@pytest.mark.browser
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printed_from_the_browser_each_sheet_is_one_page(recorder, served, guide, paper, tmp_path):
    from pypdf import PdfReader

    page = recorder.page
    recorder.open(served[1] + "study/sheets/")
    page.emulate_media(media="print")
    pdf = tmp_path / "sheets.pdf"
    page.pdf(path=str(pdf), format=paper)
    texts = [p.extract_text() for p in PdfReader(pdf).pages]
    _check_pages(texts, guide, f"browser print, {paper}")


@pytest.mark.pdf
def test_in_the_pdf_book_each_sheet_is_one_page(reader, guide):
    """The sheets' pages, found by their bookmark: pypdf reads those six, not all 300 (13 s)."""
    (start,) = [
        page - 1 for _, title, page in flat_outline(outline(reader)) if title == "Printable sheets"
    ]
    texts = [
        reader.pages[n].extract_text() or "" for n in range(start, start + 1 + len(guide.sources))
    ]
    assert texts[0].lstrip().startswith("Printable sheets"), "the bookmark is not the first sheet"
    _check_pages(texts, guide, "PDF book")
