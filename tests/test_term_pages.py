"""Term pages, the glossary index and the first-mention rule, without building the site."""

from __future__ import annotations

from types import SimpleNamespace

import markdown
import yaml

from studyguide.crossref.index import build_index
from studyguide.load.glossary import Entry
from studyguide.load.pinyin import per_character
from studyguide.load.records import Record
from studyguide.pages import generated_from, glossary, term_page
from studyguide.site_macros import Macros
from tests.test_render import EXTENSIONS, small_guide


def guide_with_timeline():
    guide = small_guide()
    event = {
        "date": "1958",
        "precision": "year",
        "when": "1958",
        "event": "Hukou regulations.",
        "source": "shi-2014",
        "excerpt": "shi-2014-hukou",
    }
    later = dict(event, date="2012", when="2012", event="Later.")
    guide.timeline = [
        Record("t2", later, "data/timeline.yaml", 2),
        Record("t1", event, "data/timeline.yaml", 1),
    ]
    guide.glossary.entries["danwei"] = Entry(
        "danwei",
        "单位",
        "dānwèi",
        "work unit",
        "Unit.",
        "danwei",
        see_also=("hukou",),
        category="institution",
    )
    return guide


def html(text: str) -> str:
    return markdown.markdown(text, extensions=[*EXTENSIONS, "admonition"])


def test_first_mention_shows_hanzi_once_per_page():
    guide = small_guide()
    here = SimpleNamespace(path="themes/a.md", title="A")
    macros = Macros(guide, build_index(guide), page=lambda: here)
    term = macros.functions()["term"]
    assert term("hukou").endswith('<span lang="zh-Hans">户口</span>')
    assert "户口</span>" not in term("hukou")
    assert term("danwei").endswith('<span lang="zh-Hans">单位</span>')  # each key its own first
    here.path = "themes/b.md"  # a new page starts again
    assert term("hukou").endswith('<span lang="zh-Hans">户口</span>')


def test_first_mention_renders_with_lang_marks_and_the_card_definition():
    guide = small_guide()
    macros = Macros(
        guide, build_index(guide), page=lambda: SimpleNamespace(path="themes/a.md", title="A")
    )
    out = html(macros.functions()["term"]("hukou"))
    assert 'data-def="Registration."' in out and 'href="../terms/hukou.md"' in out
    assert out.count('lang="zh-Hans"') == 1


def test_term_page_has_the_hanzi_headline_readings_sources_timeline_and_related():
    guide = guide_with_timeline()
    out = term_page.term_page(guide, build_index(guide), "terms/hukou.md", "hukou")
    page = html(out)
    assert (
        '<h1 id="hukou"><span class="term-hanzi" lang="zh-Hans">户口</span> '
        '<small><span lang="zh-Latn-pinyin">hùkǒu</span> · household registration</small></h1>'
    ) in page
    assert (
        '<span lang="zh-Hans">户</span> <span lang="zh-Hans">戶</span> <span lang="zh-Latn-pinyin">hù</span>: a household'
        in page
    )
    assert (
        '<a href="../sources/shi-2014.md">Shi (2014)</a>' in page
        and "1 excerpt, writing it as “hukou”" in page
    )
    assert (
        "Earliest dated mention" in page
        and "<strong>1958</strong>" in page
        and "Later." not in page
    )
    assert 'href="danwei.md"' in page  # danwei's see_also names hukou: related both ways
    assert "Other terms" in page  # hukou has no category


def test_term_page_without_excerpts_says_so_and_has_no_timeline():
    guide = guide_with_timeline()
    out = term_page.term_page(guide, build_index(guide), "terms/danwei.md", "danwei")
    assert "No stored excerpt uses this term" in out and "Earliest dated mention" not in out
    assert "[Institutions](../glossary.md#category-institution)" in out


def test_term_page_stub_is_valid_front_matter_and_one_macro_call():
    entry = Entry("x", "户口", "hùkǒu", 'say "hi"', 'A "b" c.', "x")
    front, body = term_page.stub(entry).split("---\n")[1:]
    meta = yaml.safe_load(front)
    assert meta["title"] == "x · say 'hi'" and meta["search"]["boost"] == 3
    assert body.strip().startswith('{{ term_page("x") }}')
    assert generated_from("terms/x.md") and generated_from("sources/x.md") is None


def test_glossary_index_links_every_entry_three_ways_and_keeps_old_anchors():
    guide = guide_with_timeline()
    page = html(glossary.glossary_page(guide, "glossary.md"))
    for key in guide.glossary.entries:
        assert page.count(f'href="terms/{key}.md"') == 3, key
        assert f'id="{key}"' in page
    assert 'id="category-institution"' in page and 'id="category-other"' in page
    assert "<table" not in page


def test_per_character_readings_follow_the_written_pinyin():
    assert per_character("户口", "hùkǒu") == [("户", "hù"), ("口", "kǒu")]
    assert per_character("银行", "yínháng") == [
        ("银", "yín"),
        ("行", "háng"),
    ]  # the heteronym written
    assert per_character("户口", "dānwèi") is None
