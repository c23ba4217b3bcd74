"""Macro output, compared with the exact Markdown/HTML expected: relative links, term and
who links with their tooltips, excerpts on and away from their source pages, and the
who-says-what table. Chinese marking is in test_lang_marks, self-check questions in
test_self_check."""

from __future__ import annotations

import markdown
import pytest
from render_support import EXTENSIONS, small_guide

from studyguide.crossref.index import build_index
from studyguide.errors import GuideError
from studyguide.load.glossary import Entry, Glossary
from studyguide.load.guide import Guide
from studyguide.load.records import Record
from studyguide.render import blocks as render
from studyguide.render.links import md_link, relative


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
        "<footer markdown>— <cite>[Shi (2014), §4](../sources/shi-2014.md#shi-2014-hukou)</cite>"
        "</footer>\n\n\n\n"
        "</blockquote>\n\n"
        '<p class="excerpt-terms" markdown>Terms: '
        '[hukou](../terms/hukou.md "户口 · hùkǒu · household registration")'
        '{ data-def="Registration." } <span lang="zh-Hans">户口</span></p>\n'
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
