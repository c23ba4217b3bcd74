"""Issue 28: a glossary note says what it rests on. A sentence of `notes` that names no
source and carries no background mark stops the checks with its file and line; the
word's form and renderings go in `language`, which must name no source, and the term page
shows it labelled as the guide's own note."""

from __future__ import annotations

import os

from studyguide import ROOT, check
from studyguide.load import verbatim
from studyguide.load.glossary_notes import sentences

SEEDS = verbatim.seeds_dir(ROOT, os.environ)
NOTES_END = "The\n    commenter writes only the romanization; the hanzi is the standard term.\n"


def project_with_glossary(tmp_path, old: str, new: str):
    for name in ("data", "docs", "CITATION.cff"):
        (tmp_path / name).symlink_to(ROOT / name)
    text = (ROOT / "glossary.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "glossary.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path, text.replace(old, new, 1).splitlines()


def test_an_unmarked_outside_claim_in_notes_is_a_file_line_error(tmp_path, capsys):
    claim = "    English borrows *guanxi* for useful connections.\n"
    root, lines = project_with_glossary(tmp_path, NOTES_END, NOTES_END + claim)
    assert check.main(root, {"GUIDE_SEEDS": str(SEEDS)}) == 1
    line = lines.index(claim.rstrip("\n")) + 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"glossary.yaml:{line}: 'guanxi': notes: \"English borrows *guanxi* for useful connections.\" names no source "
        'and is not marked; attribute it ("Shi says…"), mark it "(background, not in the sources: …)" or '
        "\"(the guide's reading)\", or move a note on the word's form or renderings to the language field"
    )


def test_marked_or_attributed_sentences_pass(tmp_path, capsys):
    marked = (
        "    (Background, not in the sources: English borrows *guanxi* for useful connections.)"
        " Shi does not use it. The guide reads it as a warning (the guide's reading).\n"
    )
    root, _ = project_with_glossary(tmp_path, NOTES_END, NOTES_END + marked)
    assert check.main(root, {"GUIDE_SEEDS": str(SEEDS)}) == 0, capsys.readouterr().err


def test_a_language_note_that_names_a_source_is_an_error(tmp_path, capsys):
    old = "  language: >-\n    In everyday Chinese 关系"
    root, lines = project_with_glossary(
        tmp_path, old, "  language: >-\n    Shi calls it guanxi. In everyday Chinese 关系"
    )
    assert check.main(root, {"GUIDE_SEEDS": str(SEEDS)}) == 1
    line = next(i for i, x in enumerate(lines, 1) if "Shi calls it guanxi." in x)
    assert capsys.readouterr().err.splitlines()[0] == (
        f"glossary.yaml:{line}: 'guanxi': language: \"Shi calls it guanxi.\" names a source ('Shi'); "
        "what a text says goes in the notes field, the word's form and renderings here"
    )


def test_sentences_split_before_chinese_and_emphasis():
    assert sentences('Shi says so. 建设 is also "building". *Dibao* is short. e.g. not here') == [
        "Shi says so.",
        '建设 is also "building".',
        "*Dibao* is short. e.g. not here",
    ]
    assert sentences("") == []  # an entry without notes has nothing to check


def test_the_term_page_labels_the_language_note_as_the_guides():
    from studyguide.crossref.index import build_index
    from studyguide.load.guide import load_guide
    from studyguide.pages.term_page import term_page

    guide = load_guide(ROOT)
    page = term_page(guide, build_index(guide), "terms/guanxi.md", "guanxi")
    renderings = page[page.index("## Renderings and spellings") : page.index("## Related")]
    assert (
        "**The word** (the guide's note, from general knowledge, not from the texts): In everyday Chinese 关系"
        in renderings
    )
    assert (
        "In everyday Chinese" not in page[: page.index("## Renderings and spellings")]
    )  # not among the notes on the texts
