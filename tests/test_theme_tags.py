"""Theme tags (data/theme-tags.yaml): every section summary on a source page shows the
themes it feeds, each theme chapter lists its sections, and bad keys stop the build."""

from __future__ import annotations

import re

import pytest

from conftest import load_error
from studyguide import ROOT
from studyguide.load.headings import section_anchors


def summary_sections(source: str) -> list[str]:
    text = (ROOT / f"docs/sources/{source}.md").read_text(encoding="utf-8")
    summary = text.split("\n## Summary and analysis", 1)[1].split("\n## ", 1)[0]
    return list(section_anchors(summary))


def test_every_section_summary_is_tagged(guide):
    tagged = {(t.source, t.anchor) for t in guide.theme_tags}
    missing = [(s, a) for s in guide.sources for a in summary_sections(s) if (s, a) not in tagged]
    assert not missing, missing


def test_source_pages_show_chips_linking_to_theme_chapters(site, guide):
    for tag in guide.theme_tags:
        html = (site / "sources" / tag.source / "index.html").read_text(encoding="utf-8")
        after = html.split(f'id="{tag.anchor}"', 1)[1].split("<h", 1)[0]
        chips = re.search(r'<p class="theme-chips">(.*?)</p>', after, re.S)
        assert chips, f"{tag.source}#{tag.anchor}: no chips under the heading"
        assert re.findall(r'href="../../themes/([a-z-]+)/"', chips.group(1)) == list(tag.themes)


def test_theme_chapters_list_their_tagged_sections(site, guide):
    themes = {t for tag in guide.theme_tags for t in tag.themes}
    for theme in themes:
        html = (site / "themes" / theme / "index.html").read_text(encoding="utf-8")
        block = html.split('id="tagged-sections"', 1)[1].split("<h2", 1)[0]
        for tag in guide.theme_tags:
            if theme in tag.themes:
                assert f'href="../../sources/{tag.source}/#{tag.anchor}"' in block, (
                    theme,
                    tag.anchor,
                )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "[trust-and-acquaintances, danwei-and-after]",
            "[trust-and-acquaintance, danwei-and-after]",
            "'trust-and-acquaintance': unknown theme (did you mean 'trust-and-acquaintances'?)",
        ),
        (
            "hhm-interview:\n",
            "hhm-interveiw:\n",
            "'hhm-interveiw': unknown source (did you mean 'hhm-interview'?)",
        ),
        (
            "  wechat-and-micro-blogs:",
            "  wechat-and-microblogs:",
            "'wechat-and-microblogs': no '### ' section with this anchor "
            "on docs/sources/hhm-interview.md (did you mean 'wechat-and-micro-blogs'?)",
        ),
        (
            "  wechat-and-micro-blogs: [trust-and-acquaintances]",
            "  wechat-and-micro-blogs: []",
            "should be non-empty",
        ),
    ],
)
def test_bad_theme_tags_stop_the_build(project_copy, old, new, message):
    error = load_error(project_copy, "data/theme-tags.yaml", old, new)
    assert re.search(r"data/theme-tags\.yaml:\d+: ", error), error
    assert message in error


def test_anchors_follow_the_toc_extension():
    md = (
        "### 1. Introduction\n### *Shuren shehui*: the society\n"
        "### [Linked](x.md) title {#own-id}\n### 1. Introduction\n"
    )
    assert list(section_anchors(md)) == [
        "1-introduction",
        "shuren-shehui-the-society",
        "own-id",
        "1-introduction_1",
    ]
