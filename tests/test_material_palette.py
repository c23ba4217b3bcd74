"""Material's palette-switching rule is removed from the built palette stylesheet
(macros/hooks/material_palette.py): with it, Material's mark and unmark of the body on
every page load restyled every element twice. guide.js does the rule's job when the
reader flips the palette (tests/test_browser_interactions.py)."""

from __future__ import annotations

import pytest

from macros.hooks.material_palette import STYLESHEETS, without_switching_rule

RULE = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,"
    "[data-md-color-switching] :before{transition-duration:0s!important}"
)


def test_the_rule_goes_and_every_other_rule_stays():
    css = "a{color:red}" + RULE + "[data-md-color-scheme=slate]{color-scheme:dark}"
    assert (
        without_switching_rule(css) == "a{color:red}[data-md-color-scheme=slate]{color-scheme:dark}"
    )


def test_a_stylesheet_without_the_rule_is_an_error_that_says_what_changed():
    with pytest.raises(
        ValueError,
        match=r"palette\.x\.min\.css: no \[data-md-color-switching\] rule.*material_palette\.py",
    ):
        without_switching_rule("a{color:red}", "palette.x.min.css")


def test_the_marker_left_anywhere_else_is_an_error():
    with pytest.raises(ValueError, match="still named"):
        without_switching_rule(RULE + "@media screen{[data-md-color-switching]}")


def test_the_built_palette_stylesheet_has_no_switching_rule_and_keeps_the_dark_scheme(site):
    sheets = [p for p in site.glob(STYLESHEETS) if not p.name.endswith(".map")]
    assert len(sheets) == 1, sheets
    css = sheets[0].read_text(encoding="utf-8")
    assert "data-md-color-switching" not in css
    assert "[data-md-color-scheme=slate]{color-scheme:dark" in css
    assert "[data-guide-switching] *" in (site / "stylesheets" / "guide.css").read_text(
        encoding="utf-8"
    )
