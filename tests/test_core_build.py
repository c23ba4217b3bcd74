"""The core path's rules stop the real build: a source page without its "In brief" (or
with the heading misspelt) and a nav section "Core path" that does not list the core
pages in order each stop it with a line naming the file and line, or the fix."""

from __future__ import annotations

import re

from test_build_failures import build_output


def test_a_source_page_without_in_brief_or_a_wrong_core_nav_stops_the_build(project_copy, tmp_path):
    page = project_copy / "docs/sources/gong-2012.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("## In brief\n", "## Summary\n"), encoding="utf-8")
    config = project_copy / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("      - core/welfare-mix.md\n", ""),
        encoding="utf-8",
    )
    code, output = build_output(project_copy, tmp_path)
    assert code != 0
    assert re.search(
        r"docs/sources/gong-2012\.md:\d+: 'In brief': no 'In brief' section: add '## In brief'",
        output,
    ), output[-3000:]
    assert (
        "nav: the section 'Core path' must list, in this order: core/index.md, core/shi-2014.md"
        in output
    )
