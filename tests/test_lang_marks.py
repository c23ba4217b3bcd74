"""Chinese and pinyin marked with their languages (macros.cjk_lang, studyguide.render.lang_marks):
each run wrapped once, code and attributes left alone, text already marked not wrapped again,
tone-marked pinyin marked but French à not, and the quick test that skips text never skips
text the marks would mark."""

from __future__ import annotations

import markdown
from render_support import EXTENSIONS

from studyguide.render import blocks as render


def wrap(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_chinese_text_is_wrapped_once_and_code_and_attributes_are_left_alone():
    text = 'Hukou 户口 and <span lang="zh-Hans">单位</span> `代码` <a title="a > b 户口">链接</a>'
    assert (
        wrap(text)
        == '<p>Hukou <span lang="zh-Hans">户口</span> and <span lang="zh-Hans">单位</span> '
        '<code>代码</code> <a title="a > b 户口"><span lang="zh-Hans">链接</span></a></p>'
    )


def test_text_inside_raw_html_with_a_lang_is_not_wrapped_again():
    text = '<span lang="zh-Latn-pinyin">hùkǒu <em>dānwèi</em></span> 单位'
    assert (
        wrap(text) == '<p><span lang="zh-Latn-pinyin">hùkǒu <em>dānwèi</em></span> '
        '<span lang="zh-Hans">单位</span></p>'
    )


def test_pinyin_and_zh_helpers_mark_language():
    assert render.pinyin("hùkǒu") == '<span lang="zh-Latn-pinyin">hùkǒu</span>'
    assert render.zh("户口") == '<span lang="zh-Hans">户口</span>'


def test_tone_marked_pinyin_in_prose_is_marked_as_pinyin_but_french_a_is_not():
    assert wrap(
        "The system (户籍制度 hùjí zhìdù), *guǎng fùgài, dī shuǐpíng*, welfare à la Shi."
    ) == (
        '<p>The system (<span lang="zh-Hans">户籍制度</span> '
        '<span lang="zh-Latn-pinyin">hùjí zhìdù</span>), '
        '<em><span lang="zh-Latn-pinyin">guǎng fùgài</span>, '
        '<span lang="zh-Latn-pinyin">dī shuǐpíng</span></em>, welfare à la Shi.</p>'
    )


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
