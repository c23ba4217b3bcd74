"""Hook: Material's palette stylesheet loses its palette-switching rule, and
docs/javascripts/guide.js does that rule's job with a marker of its own.

Material's palette script marks the body `data-md-color-switching` while it applies a
palette, so that nothing animates from the old colours to the new, and unmarks it a
frame later. It does so on every page load too, with the palette unchanged, and its
rule (`[data-md-color-switching] *`) makes each mark and unmark restyle every element
of the page: two full style recalculations on each load, one of them a task of its own,
for no visible change (on the glossary, about 15 ms of Lighthouse's mobile blocking
time). Without the rule, the marks restyle nothing. guide.js marks the body
`data-guide-switching` when the reader flips the palette, and guide.css turns
transitions off under that mark, so a switch still does not animate.

If a Material release drops or rewrites the rule, the build stops and says so: then
this hook, and guide.js's marker, may no longer be needed.
tests/test_browser_interactions.py checks the switch; tests/test_material_palette.py the rewrite.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

# The rule as Material 9 minifies it: the marker's descendants and their ::before and ::after.
SWITCHING_RULE = re.compile(r"\[data-md-color-switching\][^{}]*\{[^{}]*\}")
STYLESHEETS = "assets/stylesheets/palette.*.css"


def without_switching_rule(css: str, name: str = "palette stylesheet") -> str:
    """`css` without its [data-md-color-switching] rule; an error if it has none, or if the
    marker is still named anywhere after it (the rule would then still restyle the page)."""
    out, count = SWITCHING_RULE.subn("", css)
    if count == 0:
        raise ValueError(
            f"{name}: no [data-md-color-switching] rule to remove; Material has changed "
            "its palette stylesheet, so check macros/hooks/material_palette.py is still needed"
        )
    if "data-md-color-switching" in out:
        raise ValueError(
            f"{name}: data-md-color-switching is still named after removing {count} rule(s)"
        )
    return out


def on_post_build(config):
    site = Path(config["site_dir"])
    sheets = [p for p in site.glob(STYLESHEETS) if not p.name.endswith(".map")]
    if not sheets:
        raise PluginError(
            f"material_palette: no {STYLESHEETS} in {site}; "
            "is the palette still configured in mkdocs.yml?"
        )
    for sheet in sheets:
        try:
            sheet.write_text(
                without_switching_rule(
                    sheet.read_text(encoding="utf-8"), str(sheet.relative_to(site))
                ),
                encoding="utf-8",
            )
        except ValueError as error:
            raise PluginError(f"material_palette: {error}") from None
