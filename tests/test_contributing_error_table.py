"""CONTRIBUTING's error table quotes the exact line the build prints for each contributor
mistake (tests/mistakes_support.py), every row of it, so it cannot drift."""

from __future__ import annotations

import re

from mistakes_support import MISTAKES, expected, same

from studyguide import ROOT


def test_contributing_has_a_row_for_each_mistake_and_nothing_else():
    """Every row of the error table is one of the lines the tests above produce."""
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(.+?)` \|", contributing, flags=re.M)
    assert sorted(same(row) for row in rows) == sorted(same(expected(name)) for name in MISTAKES)


def test_contributing_quotes_each_message_exactly():
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(.+?)` \|", contributing, flags=re.M)
    for name in MISTAKES:
        line = expected(name)
        assert same(line) in [same(row) for row in rows], (
            f"CONTRIBUTING's error table lacks the {name} line:\n{line}"
        )
