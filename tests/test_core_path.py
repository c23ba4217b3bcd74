"""The core path's machinery without a site: the section parser, the core pages made
from a page's Markdown (and the errors for a page without its sections), the nav section,
reading times and their marks, the positions tracker and the core PDF's nav section."""

from __future__ import annotations

import copy

import pytest
import yaml

from studyguide import ROOT
from studyguide.errors import GuideError
from studyguide.pages import core_path, reading
from studyguide.pages.sections import sections

PAGE = """---
title: "Example: a page"
---

# Example page

## In brief

Shi argues [this](gong-2012.md), see [below](#later) and [a theme](../themes/welfare-mix.md).

## Key points

- One.
- Two.

```markdown
## Who says what
not a heading: inside a fence
```

## Who says what {#wsw}

{{ who_says_what("welfare-mix") }}

## Later

Not on the core path.
"""


def mkdocs_nav() -> list:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text[text.index("\nnav:") :])["nav"]


def test_sections_by_heading_outside_fences():
    found = sections(PAGE)
    assert [(s.level, s.title, s.line) for s in found] == [
        (1, "Example page", 5),
        (2, "In brief", 7),
        (2, "Key points", 11),
        (2, "Who says what", 21),
        (2, "Later", 25),
    ]
    assert "not a heading: inside a fence" in found[2].text  # the fence stays in Key points' body
    assert (
        sections("~~~~\n## x\n~~~\n## y\n~~~~\n## z\n")[-1].title == "z"
    )  # a shorter fence does not close


def test_core_page_takes_the_three_sections_and_retargets_links():
    title, parts = core_path.extract(PAGE, "sources/shi-2014.md")
    assert title == "Example page" and list(parts) == ["In brief", "Key points", "Who says what"]
    assert (
        "](../sources/gong-2012.md)" in parts["In brief"]
        and "](../sources/shi-2014.md#later)" in parts["In brief"]
    )
    assert "](../themes/welfare-mix.md)" in parts["In brief"]
    markdown = core_path.core_markdown(PAGE, "sources/shi-2014.md", (1, 15))
    meta = yaml.safe_load(markdown.split("---")[1])
    assert meta["title"] == "1/15 Example: a page"
    assert (
        "Not on the core path" not in markdown
        and "[Read the full page](../sources/shi-2014.md)" in markdown
    )


@pytest.mark.parametrize(
    ("old", "new", "where", "says"),
    [
        ("## In brief\n", "## Summary\n", "docs/sources/x.md:6: 'In brief'", "add '## In brief'"),
        (
            "## Key points\n",
            "## Key Points\n",
            "docs/sources/x.md:11: 'Key points'",
            "write it exactly '## Key points'",
        ),
    ],
)
def test_a_page_without_its_core_sections_is_an_error_naming_file_and_line(old, new, where, says):
    with pytest.raises(GuideError) as caught:
        core_path.extract(PAGE.replace(old, new), "sources/x.md")
    assert where in str(caught.value) and says in str(caught.value)


def test_nav_core_path_lists_the_start_and_every_source_and_theme_in_nav_order():
    nav = mkdocs_nav()
    full = core_path.full_pages(nav)
    assert len(full) == 15 and full[0] == "sources/shi-2014.md" and "themes/index.md" not in full
    listed = next(
        item[core_path.NAV_TITLE]
        for item in nav
        if isinstance(item, dict) and core_path.NAV_TITLE in item
    )
    assert listed == [core_path.START] + [core_path.core_page(p) for p in full]


def test_words_and_reading_times():
    fragment = '<h1 id="t">Title<a class="headerlink" href="#t">¶</a></h1><p>One <b>two</b>three.</p><script>x y z</script><!-- a comment -->'
    assert reading.fragment_words(fragment) == 4  # Title, One, two, three.
    assert (
        reading.article_words(
            f'<p>out</p><article class="md-content__inner md-typeset">{fragment}</article><p>after</p>'
        )
        == 4
    )
    assert [reading.label(w) for w in (10, 300, 1000, 1100, 13000)] == [
        "½ min",
        "1½ min",
        "5 min",
        "6 min",
        "1 h 5 min",
    ]
    shown = reading.insert_line(fragment, 1234)
    assert shown.index("</h1>") < shown.index('class="reading-time"') < shown.index("<p>One")
    assert "(1,234 words)" in shown


def test_plan_times_sum_their_pages_and_reject_an_unknown_page():
    words = {"a.md": 1000, "core/x.md": 400, "core/y.md": 600, "core/index.md": 5}
    html = "Plan: " + reading.mark(("a.md#part", "core/")) + "."
    assert (
        reading.fill(html, words, "core/index.md") == "Plan: 10 min."
    )  # the folder's index is not counted
    assert reading.fill(html, words, "index.md") == "Plan: 10 min."
    with pytest.raises(GuideError, match=r"docs/index.md: 'b.md': reading_time\(\) names no page"):
        reading.fill(reading.mark(("b.md",)), words, "index.md")


def test_tracker_rows_are_themes_by_rank_with_each_sources_gist(guide):
    from studyguide.crossref.index import build_index
    from studyguide.load.records import Record
    from studyguide.pages.tracker import tracker_page

    guide = copy.copy(guide)
    hub = guide.positions["hub-organizations"]
    first = Record(
        "migrants-and-hukou", {**hub.data, "rank": 1, "term": "hukou"}, hub.file, hub.line
    )
    guide.positions = {"hub-organizations": hub, "migrants-and-hukou": first}
    page = tracker_page(guide, build_index(guide), "tracker.md")
    rows = [line for line in page.splitlines() if line.startswith("| [")]
    assert (
        rows[0].startswith("| [")
        and "](themes/migrants-and-hukou.md) " in rows[0]
        and "户口" in rows[0]
    )
    assert "hub-organizations" in rows[1] and "枢纽组织" in rows[1]
    assert (
        '[The state "manufactures" its own partners](themes/hub-organizations.md#who-says-what)'
        in rows[1]
    )
    assert (
        rows[1].rstrip(" |").endswith('<span class="sr-only">silent</span></span>')
    )  # HHM is silent on hubs


def test_every_theme_chapter_has_a_positions_file(guide):
    """Fails until every theme chapter's positions land (issue 24); the tracker shows
    the themes that have one."""
    themes = sorted(p.stem for p in (ROOT / "docs/themes").glob("*.md") if p.stem != "index")
    missing = [t for t in themes if t not in guide.positions]
    assert not missing, f"no data/positions/<theme>.yaml for: {', '.join(missing)}"


def test_core_pdf_is_the_core_path_nav_section_alone():
    from studyguide.outputs.book.nav import NavPage, load_nav
    from studyguide.outputs.pdf.errors import PdfError
    from studyguide.outputs.pdf.section import CORE_SECTION, select_section

    _, outline = load_nav(ROOT / "mkdocs.yml")
    pages = select_section(outline, CORE_SECTION)
    assert [p.url for p in pages] == ["core/"] + [
        f"core/{p.removesuffix('.md').split('/')[-1]}/" for p in core_path.full_pages(mkdocs_nav())
    ]
    assert all(isinstance(p, NavPage) and p.level == 1 for p in pages)
    with pytest.raises(PdfError, match="no section 'Core paths'"):
        select_section(outline, "Core paths")
