"""The content keeps its promises: verbatim excerpts, a glossary that covers the texts and
is used, complete study data."""

from __future__ import annotations

import os
import sqlite3
import zipfile
from io import BytesIO

import pytest

from conftest import ROOT
from studyguide.check import excerpt_problems
from studyguide.crossref.index import build_index
from studyguide.load import verbatim
from studyguide.outputs import flashcards

SEEDS = verbatim.seeds_dir(ROOT, os.environ)
needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"source texts not found at {SEEDS} (set GUIDE_SEEDS)"
)

PARAGRAPHS = (
    "First paragraph, with ‘curly’ quotes -- and a dash.\n\n"
    "Second paragraph about *hukou* reform here.\n"
)


def test_verbatim_check_accepts_folded_quotes_dashes_emphasis_and_whitespace():
    assert verbatim.check("with 'curly' quotes — and\n a dash", PARAGRAPHS) is None
    assert verbatim.check("about hukou reform", PARAGRAPHS) is None


def test_verbatim_check_accepts_an_ellipsis_within_one_paragraph():
    assert verbatim.check("First paragraph … and a dash.", PARAGRAPHS) is None


def test_verbatim_check_rejects_an_ellipsis_across_paragraphs():
    assert verbatim.check("First paragraph … hukou reform", PARAGRAPHS) is not None


def test_verbatim_check_rejects_a_changed_word_and_shows_the_nearest_passage():
    mismatch = verbatim.check("Second paragraph about hukou reforms here.", PARAGRAPHS)
    assert mismatch is not None
    assert "Second paragraph about hukou reform here." in mismatch.nearest


def test_verbatim_check_rejects_a_corrected_spelling():
    text = "to demand more social protection (*weichuan*)."
    assert verbatim.check(text.replace("weichuan", "weiquan"), text) is not None


@needs_seeds
def test_every_excerpt_is_verbatim_short_and_a_small_share_of_its_source(guide):
    problems = excerpt_problems(guide, SEEDS)
    assert not problems, "\n".join(str(p) for p in problems)


def test_each_source_has_six_to_twelve_excerpts(guide):
    for source_id in guide.sources:
        count = len(guide.excerpts_of(source_id))
        assert 6 <= count <= 12, f"{source_id} has {count} excerpts"


REQUIRED_TERMS = """danwei post-danwei hukou liudong-renkou shuniu-zuzhi shuniushi-guanli
fuhua-jidi weiquan shehui-guanli chuangxin-shehui-guanli shehui-zhili shehui-jianshe
shehui-liliang weiwen wanggehua-guanli quntixing-shijian yewu-zhuguan-danwei shuangchong-guanli
gongo shuren-shehui yiren-weiben baorongxing-zengzhang chengxiang-yitihua guangfugai-dishuiping
duocengci kechixu qunzhong-gongzuo dibao zhengfu-goumai-fuwu hexie-shehui zhongguo-meng guanxi
bei-he-cha welfare-mix deregulated-residualism regulatory-managerialism""".split()


def test_glossary_covers_the_chinese_terms_of_the_texts(guide):
    assert len(guide.glossary) >= 40
    missing = [key for key in REQUIRED_TERMS if key not in guide.glossary]
    assert not missing, f"glossary lacks {missing}"


def test_the_variant_spelling_weichuan_is_recorded(guide):
    assert "weichuan" in guide.glossary.entries["weiquan"].aliases


def test_every_glossary_entry_is_used_by_a_page(site, guide):
    """Each entry's 'Used in' line (recorded as pages render their term() calls) is there."""
    unused = sorted(
        key
        for key in guide.glossary.entries
        if "Used in:" not in (site / "terms" / key / "index.html").read_text(encoding="utf-8")
    )
    assert not unused, f"glossary entries no page uses: {unused}"


def test_every_glossary_entry_lists_excerpts_or_is_explained(guide):
    """An entry no excerpt illustrates must say in its notes which source uses it (by the
    author's name as the source cards give it), so a reader can still find it in the texts."""
    index = build_index(guide)
    authors = {
        guide.sources[s]["short"].split()[0] for s in guide.sources
    }  # Shi, Gong, Baek, HHM, Zhuojun
    unexplained = [
        key
        for key, entry in guide.glossary.entries.items()
        if not index.term_excerpts.get(key) and not any(a in (entry.notes or "") for a in authors)
    ]
    assert not unexplained, (
        f"entries with no excerpt whose notes name no source ({sorted(authors)}): {unexplained}"
    )


def test_timeline_spans_the_period(guide):
    years = {event["date"][:4] for event in guide.timeline}
    assert len(guide.timeline) >= 20 and len(years) >= 15
    assert min(years) <= "1949" and max(years) >= "2013"


def read_apkg(data: bytes) -> list[tuple[str, str]]:
    with zipfile.ZipFile(BytesIO(data)) as archive, open(os.devnull, "wb"):
        collection = archive.read("collection.anki2")
    db = sqlite3.connect(":memory:")
    db.deserialize(collection)
    return db.execute("select guid, flds from notes").fetchall()


def test_anki_deck_opens_with_one_note_per_entry_and_stable_ids(guide):
    notes = read_apkg(flashcards.apkg_bytes(guide.glossary))
    assert len(notes) == len(guide.glossary)
    by_key = {fields.split("\x1f")[0]: (guid, fields.split("\x1f")) for guid, fields in notes}
    for entry in guide.glossary.entries.values():
        guid, fields = by_key[entry.key]
        assert guid == flashcards.guid(entry.key)
        assert fields[1:5] == [entry.hanzi, entry.pinyin, entry.term, entry.english]
    assert read_apkg(flashcards.apkg_bytes(guide.glossary))[0][0] == notes[0][0]


def test_csv_flashcards_match_the_glossary(guide):
    import csv

    rows = list(csv.DictReader(flashcards.csv_text(guide.glossary).lstrip("\ufeff").splitlines()))
    assert len(rows) == len(guide.glossary)
    for row in rows:
        entry = guide.glossary.entries[row["key"]]
        assert (row["hanzi"], row["pinyin"], row["english"]) == (
            entry.hanzi,
            entry.pinyin,
            entry.english,
        )
