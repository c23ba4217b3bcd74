"""Menu, labels and data that a reader sees the same way everywhere: source order, the
tracker's name, the timeline's dates and milestones, tables labelled for phones."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import load_error
from studyguide import ROOT
from studyguide.errors import GuideError
from studyguide.load.guide import load_guide
from studyguide.render.table_labels import label_tables


def nav() -> list:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text[text.index("\nnav:") :])["nav"]


def section(title: str) -> list:
    return next(item[title] for item in nav() if isinstance(item, dict) and title in item)


def test_menu_and_tracker_list_the_sources_in_one_order(guide):
    in_menu = [p.removeprefix("sources/").removesuffix(".md") for p in section("Sources")]
    assert in_menu == list(guide.sources)


def test_tracker_has_one_name_in_menu_and_home():
    reference = section("Reference")
    assert {"Positions across the themes": "tracker.md"} in reference
    home = (ROOT / "docs/index.md").read_text(encoding="utf-8")
    assert "**Tracker.**" not in home and "[tracker](tracker.md)" not in home


def test_themes_has_no_child_called_themes_and_benchmarks_is_no_page():
    """The benchmark's figures live in bench/README.md, not in the reader's site
    (tests/test_reader_surface.py checks the sitemap and the search index)."""
    assert {"Overview": "themes/index.md"} in section("Themes")
    assert "benchmarks.md" not in str(nav())
    assert not (ROOT / "docs/benchmarks.md").exists()


def test_tables_cells_carry_their_column_names():
    table = '<table><thead><tr><th>A</th><th><a>B</a></th><th><span class="sr-only">x</span></th></tr></thead><tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody></table>'
    out = label_tables(table)
    assert '<td data-label="A">1</td><td data-label="B">2</td><td>3</td>' in out
    two = "<table><thead><tr><th>K</th><th>V</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
    assert label_tables(two) == two


def test_timeline_events_have_one_date_format(site, guide):
    html = (site / "timeline/index.html").read_text(encoding="utf-8")
    rows = re.findall(
        r'<tr>\s*<td data-label="Date"><span id="event-\d+"></span>(.*?)</td>', html, re.S
    )
    assert len(rows) == len(guide.timeline)
    pattern = re.compile(
        r"^(c\.&nbsp;)?((January|February|March|April|May|June|July|August|September|October|November|December)&nbsp;)?\d{4}$"
    )
    assert all(pattern.match(r) for r in rows), [r for r in rows if not pattern.match(r)]
    milestones = re.search(r'<div class="timeline-milestones">(.*?)</div>', html, re.S).group(1)
    assert 1 <= milestones.count("<li>") <= 12


def test_months_only_where_the_text_names_one(guide):
    months = "january february march april may june july august september october november december".split()
    for event in guide.timeline:
        named = [m for m in months if m in event["when"].lower()]
        if event["precision"] == "month":
            assert named and months.index(named[0]) + 1 == int(event["date"][5:]), event["when"]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            '  - date: "1949"\n    precision: year',
            '  - date: "1949"\n    precision: month',
            "precision 'month' does not match the date",
        ),
        ('  - date: "1949"', '  - date: "1949-13"', "does not match"),
    ],
)
def test_bad_timeline_dates_stop_the_build(project_copy, old, new, message):
    error = load_error(project_copy, "data/timeline.yaml", old, new)
    assert "data/timeline.yaml:" in error and message in error


def test_more_than_twelve_milestones_stop_the_build(project_copy):
    path = project_copy / "data/timeline.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    milestone: true\n", "").replace(
        "    precision: year\n", "    precision: year\n    milestone: true\n"
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GuideError) as caught:
        load_guide(project_copy)
    assert "keep at most 12" in str(caught.value) and "data/timeline.yaml:" in str(caught.value)


def test_whos_who_puts_the_principal_figures_first_each_a_name_and_a_line(site, guide):
    """Authors and speakers first in data/sources.yaml's order, then the others most cited
    first; each entry is its name and one line that opens on what the texts say."""
    from studyguide.crossref.index import build_index
    from studyguide.pages.who import citations

    html = (site / "who/index.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="([a-z]+)"', html)
    assert headings == ["authors", "people", "organizations"]
    section = {h: html.split(f'<h2 id="{h}"')[1].split("<h2")[0] for h in headings}
    authors = re.findall(r'<h3 class="who-name" id="([a-z0-9-]+)"', section["authors"])
    assert authors[:2] == ["shi-shih-jiunn", "gong-weibin"] and "hhm" in authors
    assert 'id="xi-jinping"' in section["people"] and 'id="ccp"' in section["organizations"]
    people = re.findall(r'<h3 class="who-name" id="([a-z0-9-]+)"', section["people"])
    assert len(people) > 5
    # The order is the one the page says: the most cited first (the guide's pages are
    # counted at build time, so this reads the counts back from the lines).
    counts = [
        sum(int(n) for n in re.findall(r"(\d+) (?:excerpt|page)", line))
        for line in re.findall(
            r'<h3 class="who-name".*?<summary>(.*?)</summary>', section["people"], re.S
        )
    ]
    assert counts == sorted(counts, reverse=True), counts
    assert citations(build_index(guide), "xi-jinping")[0] == counts[
        people.index("xi-jinping")
    ] - int(re.search(r'id="xi-jinping".*?(\d+) page', section["people"], re.S).group(1))
    entries = re.findall(
        r'<details class="who-more">\s*<summary>(.*?)</summary>(.*?)</details>', html, re.S
    )
    assert len(entries) == len(guide.people)
    assert all(
        len(summary) < 120 and "<a " not in summary and "Sources:" in body
        for summary, body in entries
    )


def test_an_organization_marked_official_stops_the_build(project_copy):
    path = project_copy / "data/people.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  kind: organization\n", "  kind: organization\n  official: true\n", 1),
        encoding="utf-8",
    )
    with pytest.raises(GuideError) as caught:
        load_guide(project_copy)
    assert "data/people.yaml:" in str(
        caught.value
    ) and "'official: true' is for persons only" in str(caught.value)
