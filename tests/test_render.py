"""Macro output, compared with the exact Markdown/HTML expected."""

from __future__ import annotations

import markdown
import pytest

from studyguide.crossref.index import build_index
from studyguide.errors import GuideError
from studyguide.load.glossary import Entry, Glossary
from studyguide.load.guide import Guide
from studyguide.load.records import Record
from studyguide.render import blocks as render
from studyguide.render.links import md_link, relative

EXTENSIONS = ["attr_list", "md_in_html", "macros.cjk_lang"]


def small_guide() -> Guide:
    glossary = Glossary("glossary.yaml")
    glossary.entries["hukou"] = Entry(
        "hukou",
        "户口",
        "hùkǒu",
        "household registration",
        "Registration.",
        "hukou",
        aliases=("household registration system",),
    )
    glossary.entries["danwei"] = Entry(
        "danwei", "单位", "dānwèi", "work unit", "The <script>alert(1)</script> unit.", "danwei"
    )
    source = {
        "file": "001_x.txt",
        "short": "Shi (2014)",
        "title": "T",
        "people": [],
        "date": "2 February 2014",
        "year": 2014,
        "genre": "working paper",
        "why": "w",
    }
    excerpt = {
        "source": "shi-2014",
        "location": "§4",
        "text": "The *hukou* <b>system</b>\n  persists.",
        "terms": ["hukou"],
        "note": "Why.",
    }
    return Guide(
        root=None,
        glossary=glossary,
        sources={"shi-2014": Record("shi-2014", source, "data/sources.yaml", 1)},
        excerpts={
            "shi-2014-hukou": Record("shi-2014-hukou", excerpt, "data/excerpts/shi-2014.yaml", 2)
        },
        people={
            "wang-yang": Record(
                "wang-yang",
                {
                    "name": "Wang Yang",
                    "kind": "person",
                    "hanzi": "汪洋",
                    "pinyin": "Wāng Yáng",
                    "role": "top leader of Guangdong",
                    "about": "a",
                    "sources": ["shi-2014"],
                },
                "data/people.yaml",
                1,
            )
        },
    )


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("index.md", "glossary.md#hukou"),
        ("glossary.md", "#hukou"),
        ("sources/shi-2014.md", "../glossary.md#hukou"),
        ("themes/deep/page.md", "../../glossary.md#hukou"),
    ],
)
def test_links_are_relative_at_every_depth(page, expected):
    assert relative(page, "glossary.md", "hukou") == expected


DEF = '{ data-def="Registration." }'


def test_term_links_to_its_page_with_tooltip_title_and_card_definition():
    guide = small_guide()
    assert (
        render.term(guide, "sources/shi-2014.md", "hukou")
        == '[hukou](../terms/hukou.md "户口 · hùkǒu · household registration")' + DEF
    )


def test_term_with_other_link_text():
    guide = small_guide()
    assert (
        render.term(guide, "index.md", "hukou", "household registration")
        == '[household registration](terms/hukou.md "户口 · hùkǒu · household registration")' + DEF
    )


def test_term_with_hanzi_adds_them_after_the_link_unless_the_text_has_them():
    guide = small_guide()
    assert render.term(guide, "index.md", "hukou", hanzi=True).endswith(
        DEF + ' <span lang="zh-Hans">户口</span>'
    )
    assert render.term(guide, "index.md", "hukou", "户口", hanzi=True).endswith(DEF)


def test_card_definition_is_the_first_sentence_and_cannot_break_the_attribute():
    entry = Entry(
        "x", "户口", "hùkǒu", "e", 'A "quoted" {brace} *hub* <b>one</b>. Second sentence.', "x"
    )
    assert entry.summary == 'A "quoted" {brace} *hub* <b>one</b>.'
    assert render._attribute(entry.summary) == "A 'quoted' (brace) hub bone/b."
    out = markdown.markdown(
        "x " + render.term(Guide(None, Glossary("g", {"x": entry}), {}, {}, {}), "index.md", "x"),
        extensions=EXTENSIONS,
    )
    assert "data-def=\"A 'quoted' (brace) hub bone/b.\"" in out and "{" not in out


def test_unknown_term_names_the_page_the_key_and_the_nearest_key():
    with pytest.raises(GuideError) as caught:
        render.term(small_guide(), "themes/welfare-mix.md", "hukuo")
    assert str(caught.value).startswith(
        "themes/welfare-mix.md: 'hukuo': unknown glossary term (did you mean 'hukou'?)"
    )


def test_who_links_to_the_who_page_with_hanzi_in_the_tooltip():
    assert render.who(small_guide(), "index.md", "wang-yang") == (
        '[Wang Yang](who.md#wang-yang "Wang Yang · 汪洋 · Wāng Yáng")'
        '{ data-def="top leader of Guangdong" data-who="" }'
    )


def test_link_text_and_title_cannot_break_out_of_markdown():
    assert (
        md_link("a]b<i>", "x.md", 'say "hi" <b>')
        == '[a\\]b&lt;i&gt;](x.md "say &quot;hi&quot; &lt;b&gt;")'
    )


def test_excerpt_away_from_its_source_page_is_a_blockquote_with_id_source_and_attribution_only():
    guide = small_guide()
    out = render.excerpt(guide, build_index(guide), "themes/t.md", "shi-2014-hukou")
    assert out == (
        '<blockquote class="excerpt" id="shi-2014-hukou" data-source="shi-2014" markdown>\n\n'
        "The *hukou* &lt;b&gt;system&lt;/b&gt; persists.\n\n"
        "<footer markdown>— <cite>[Shi (2014), §4](../sources/shi-2014.md#shi-2014-hukou)</cite></footer>\n\n\n\n"
        "</blockquote>\n\n"
        '<p class="excerpt-terms" markdown>Terms: [hukou](../terms/hukou.md "户口 · hùkǒu · household registration"){ data-def="Registration." } <span lang="zh-Hans">户口</span></p>\n'
    )
    html = markdown.markdown(out, extensions=EXTENSIONS)
    assert '<blockquote class="excerpt" data-source="shi-2014" id="shi-2014-hukou">' in html
    assert '<cite><a href="../sources/shi-2014.md#shi-2014-hukou">Shi (2014), §4</a></cite>' in html
    assert "<b>" not in html


def test_excerpt_at_home_carries_cite_this_passage_and_why_it_matters():
    guide = small_guide()
    out = render.key_excerpts(
        guide, build_index(guide), "sources/shi-2014.md", "shi-2014-hukou".rsplit("-", 1)[0]
    )
    assert (
        "<p><strong>Chicago (author-date):</strong> (<i>T</i> 2014, sec. 4)</p>" in out
    )  # the small guide has no author
    assert "Chicago (notes and bibliography)" not in out, (
        "the full note is said once, in the source card"
    )
    assert "**Why it matters.** Why." in out


def test_excerpt_on_its_own_source_page_must_use_key_excerpts():
    guide = small_guide()
    with pytest.raises(GuideError, match="key_excerpts"):
        render.excerpt(guide, build_index(guide), "sources/shi-2014.md", "shi-2014-hukou")


def test_unknown_excerpt_names_page_and_id():
    guide = small_guide()
    with pytest.raises(GuideError) as caught:
        render.excerpt(guide, build_index(guide), "themes/t.md", "shi-2014-hukuo")
    assert str(caught.value).startswith(
        "themes/t.md: 'shi-2014-hukuo': unknown excerpt id (did you mean 'shi-2014-hukou'?)"
    )


def test_key_excerpts_adds_the_why_it_matters_note():
    guide = small_guide()
    out = render.key_excerpts(guide, build_index(guide), "sources/shi-2014.md", "shi-2014")
    assert "<footer markdown>— <cite>[Shi (2014), §4](#shi-2014-hukou)</cite></footer>" in out
    assert '<p class="excerpt-note" markdown>**Why it matters.** Why.</p>' in out


def test_excerpts_match_terms_by_alias_and_hanzi_as_well_as_their_own_list():
    guide = small_guide()
    guide.excerpts["shi-2014-hukou"].data["text"] = (
        "The household registration system and 单位 housing."
    )
    guide.excerpts["shi-2014-hukou"].data["terms"] = []
    index = build_index(guide)
    assert sorted(index.excerpt_terms["shi-2014-hukou"]) == ["danwei", "hukou"]
    assert index.term_excerpts["danwei"] == ["shi-2014-hukou"]


def test_a_script_in_a_definition_never_becomes_a_live_script():
    from studyguide.pages import term_page

    guide = small_guide()
    out = term_page.term_page(guide, build_index(guide), "terms/danwei.md", "danwei")
    html = markdown.markdown(out, extensions=EXTENSIONS + ["admonition"])
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def wrap(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_chinese_text_is_wrapped_once_and_code_and_attributes_are_left_alone():
    text = 'Hukou 户口 and <span lang="zh-Hans">单位</span> `代码` <a title="a > b 户口">链接</a>'
    assert (
        wrap(text)
        == '<p>Hukou <span lang="zh-Hans">户口</span> and <span lang="zh-Hans">单位</span> <code>代码</code> <a title="a > b 户口"><span lang="zh-Hans">链接</span></a></p>'
    )


def test_text_inside_raw_html_with_a_lang_is_not_wrapped_again():
    text = '<span lang="zh-Latn-pinyin">hùkǒu <em>dānwèi</em></span> 单位'
    assert (
        wrap(text)
        == '<p><span lang="zh-Latn-pinyin">hùkǒu <em>dānwèi</em></span> <span lang="zh-Hans">单位</span></p>'
    )


def test_pinyin_and_zh_helpers_mark_language():
    assert render.pinyin("hùkǒu") == '<span lang="zh-Latn-pinyin">hùkǒu</span>'
    assert render.zh("户口") == '<span lang="zh-Hans">户口</span>'


def test_a_short_hanzi_inside_a_longer_term_is_not_a_separate_mention():
    guide = small_guide()
    guide.glossary.entries["yewu-zhuguan-danwei"] = Entry(
        "yewu-zhuguan-danwei",
        "业务主管单位",
        "yèwù zhǔguǎn dānwèi",
        "business supervision unit",
        "d",
        "yewu zhuguan danwei",
    )
    guide.excerpts["shi-2014-hukou"].data["text"] = (
        "a suitable ‘business supervision unit’ within the government (“业务主管单位”)"
    )
    guide.excerpts["shi-2014-hukou"].data["terms"] = []
    assert build_index(guide).excerpt_terms["shi-2014-hukou"] == ["yewu-zhuguan-danwei"]


def test_tone_marked_pinyin_in_prose_is_marked_as_pinyin_but_french_a_is_not():
    assert wrap(
        "The system (户籍制度 hùjí zhìdù), *guǎng fùgài, dī shuǐpíng*, welfare à la Shi."
    ) == (
        '<p>The system (<span lang="zh-Hans">户籍制度</span> <span lang="zh-Latn-pinyin">hùjí zhìdù</span>), '
        '<em><span lang="zh-Latn-pinyin">guǎng fùgài</span>, <span lang="zh-Latn-pinyin">dī shuǐpíng</span></em>, welfare à la Shi.</p>'
    )


def guide_with_question(outline: list[dict]) -> Guide:
    guide = small_guide()
    question = {
        "q": 'What is "hukou"?',
        "a": "Household\n  registration <b>rules</b>.",
        "excerpts": ["shi-2014-hukou"],
        "outline": outline,
    }
    guide.selfcheck["migrants"] = Record(
        "migrants", {"items": [question]}, "data/selfcheck.yaml", 1
    )
    return guide


def test_self_check_folds_the_answer_its_model_outline_and_the_evidence():
    outline = [
        {"claim": "Shi says it *persists*.", "excerpts": ["shi-2014-hukou"]},
        {
            "claim": "Shi ties it to <i>welfare</i>\n (the paragraph before).",
            "excerpts": ["shi-2014-hukou", "shi-2014-hukou"],
        },
    ]
    link = "[Shi (2014), §4](../sources/shi-2014.md#shi-2014-hukou)"
    assert render.self_check(guide_with_question(outline), "themes/migrants.md", "migrants") == (
        "??? question \"1. What is 'hukou'?\"\n\n"
        "    Household registration &lt;b&gt;rules&lt;/b&gt;.\n\n"
        "    **Model answer outline**\n\n"
        f"    1. Shi says it *persists*. (see {link})\n"
        f"    2. Shi ties it to &lt;i&gt;welfare&lt;/i&gt; (the paragraph before). (see {link}; {link})\n\n"
        f"    **Evidence:** {link}\n"
    )


def test_the_model_outline_is_an_ordered_list_inside_the_folded_answer():
    outline = [
        {"claim": "First claim.", "excerpts": ["shi-2014-hukou"]},
        {"claim": "Second claim.", "excerpts": ["shi-2014-hukou"]},
    ]
    text = render.self_check(guide_with_question(outline), "themes/migrants.md", "migrants")
    html = markdown.markdown(text, extensions=["pymdownx.details", "attr_list"])
    folded = html[html.index("<details") : html.index("</details>")]
    assert "<strong>Model answer outline</strong>" in folded
    assert '<ol>\n<li>First claim. (see <a href="../sources/shi-2014.md#shi-2014-hukou">' in folded
    assert folded.index("First claim.") < folded.index("Second claim.") < folded.index("Evidence:")


def test_a_question_without_an_outline_shows_the_answer_and_evidence_only():
    text = render.self_check(guide_with_question([]), "themes/migrants.md", "migrants")
    assert "Model answer outline" not in text and "**Evidence:**" in text


def test_the_quick_test_never_rules_out_text_the_marks_would_mark():
    """lang_marks skips text in which HAN_OR_TONED finds nothing; every run that
    CHINESE_OR_PINYIN marks, in every page, the glossary and the data files, has one."""
    from studyguide import ROOT
    from studyguide.text import CHINESE_OR_PINYIN, HAN_OR_TONED

    texts = [
        p.read_text(encoding="utf-8")
        for p in [
            *(ROOT / "docs").rglob("*.md"),
            ROOT / "glossary.yaml",
            *(ROOT / "data").rglob("*.yaml"),
        ]
    ]
    texts += ["hùkǒu", "Zhōngguó", "dī", "户口。", "「单位」", "lǜ"]
    runs = [m.group() for text in texts for m in CHINESE_OR_PINYIN.finditer(text)]
    assert len(runs) > 250, len(runs)  # 298 today
    assert [r for r in runs if not HAN_OR_TONED.search(r)] == []
    assert (
        HAN_OR_TONED.search("social management, 'hukou' without tones, 1949-2012") is None
    )  # the text it lets skip


def test_who_says_what_is_a_table_row_per_source_and_a_silent_source_says_so():
    from studyguide.render.positions import who_says_what

    guide = small_guide()
    rows = [
        {
            "source": "shi-2014",
            "gist": "g",
            "position": "Shi argues | hubs <b>win</b>.",
            "evidence": "Two\n cities.",
            "concedes": "Some.",
        },
        {"source": "shi-2014", "silent": "Nothing on hubs."},
    ]
    guide.positions["hubs"] = Record(
        "hubs",
        {"term": "hukou", "rank": 1, "rows": rows, "lines": [4, 9]},
        "data/positions/hubs.yaml",
        1,
    )
    link = "[Shi (2014)](../sources/shi-2014.md)"
    assert who_says_what(guide, "themes/hubs.md", "hubs") == (
        "| Source | Position | Evidence | Concedes |\n| --- | --- | --- | --- |\n"
        f"| {link} | Shi argues \\| hubs &lt;b&gt;win&lt;/b&gt;. | Two cities. | Some. |\n"
        f"| {link} | *Silent.* Nothing on hubs. | — | — |\n"
    )
