"""Issue 29: the quick check (`python -m studyguide.check`) reads every page's macro calls
with Jinja's parser and reports each unknown key with the page's file and line, says what
it checked, and prints each source's room for excerpts with the real figures."""

from __future__ import annotations

import os
import shutil

import pytest

from studyguide import ROOT, check
from studyguide.load import verbatim
from studyguide.load.guide import load_guide
from studyguide.load.page_calls import KEYS, calls
from studyguide.site_macros import Macros

SEEDS = verbatim.seeds_dir(ROOT, os.environ)
TYPOS = """---
title: Typos
description: three misspelt keys
---

# Typos

A {{ term("hukuo") }} here, {{ term("hukou") }} there.

{{ excerpt("shi-2014-hub-organisations") }}

{% raw %}{{ term("not-checked-inside-raw") }}{% endraw %}
And {{ who("wang-yan", "Wang") }}.
"""


def project_with(tmp_path, pages: dict[str, str]):
    """A project whose data are the real ones (linked) and whose docs/ is a copy with `pages` added."""
    for name in ("glossary.yaml", "data", "CITATION.cff"):
        (tmp_path / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    for name, text in pages.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_an_unknown_term_excerpt_and_person_are_three_file_line_errors(tmp_path, capsys):
    root = project_with(tmp_path, {"typos.md": TYPOS})
    assert check.main(root, {"GUIDE_SEEDS": str(SEEDS)}) == 1
    out = capsys.readouterr()
    assert out.err.splitlines()[:3] == [
        "docs/typos.md:8: 'hukuo': unknown glossary term (did you mean 'hukou'?); glossary terms are the keys of glossary.yaml",
        "docs/typos.md:10: 'shi-2014-hub-organisations': unknown excerpt id (did you mean 'shi-2014-hub-organizations'?); excerpt ids are the keys of data/excerpts/*.yaml",
        "docs/typos.md:13: 'wang-yan': unknown who's-who key (did you mean 'wang-yang'?); who's-who keys are the keys of data/people.yaml",
    ]
    assert "3 problems" in out.err and "OK" not in out.out


def test_a_misspelt_macro_a_template_error_and_an_excerpt_on_its_own_page(tmp_path, capsys):
    root = project_with(
        tmp_path,
        {
            "macro.md": "# M\n\n{{ trem('hukou') }}\n",
            "broken.md": "# B\n\nText.\n\n{{ term('hukou' }}\n",
        },
    )
    page = root / "docs/sources/shi-2014.md"
    page.write_text(
        page.read_text(encoding="utf-8") + '\n{{ excerpt("shi-2014-hub-organizations") }}\n',
        encoding="utf-8",
    )
    line = len(page.read_text(encoding="utf-8").splitlines())
    assert check.main(root, {"GUIDE_SEEDS": str(SEEDS)}) == 1
    err = capsys.readouterr().err.splitlines()
    assert (
        "docs/macro.md:3: 'trem': unknown macro (did you mean 'term'?); the macros are registered in studyguide/site_macros.py"
        in err
    )
    assert any(
        x.startswith("docs/broken.md:5: template syntax error: ") and "{% raw %}" in x for x in err
    ), err
    assert (
        f"docs/sources/shi-2014.md:{line}: 'shi-2014-hub-organizations': this is the excerpt's own source page: it is shown there by key_excerpts(); link to it with [text](#shi-2014-hub-organizations)"
        in err
    )


def test_calls_are_read_by_jinja_not_by_pattern():
    text = '{% raw %}{{ term("a") }}{% endraw %}\n{# {{ term("b") }} #}\n{{ who(\n  "c",\n  "C") }} {{ term(key) }}'
    assert [(c.name, c.line, c.key) for c in calls(text)] == [("who", 3, "c"), ("term", 5, None)]
    own = '{% macro box(x) %}[{{ x }}]{% endmacro %}{% set f = term %}{{ box("a") }} {{ f("b") }}'
    assert calls(own) == []  # the page's own macro and variable are not the guide's


def test_the_check_knows_every_registered_macro():
    registered = Macros(load_guide(ROOT), None, lambda: None)._functions()
    assert set(KEYS) == set(registered)


def test_the_real_pages_pass_and_the_output_says_what_was_checked_and_the_room(capsys):
    if not SEEDS.is_dir():
        pytest.skip(f"source texts not found at {SEEDS}")
    assert check.main(ROOT, {"GUIDE_SEEDS": str(SEEDS)}) == 0
    out = capsys.readouterr().out
    assert "pages read with Jinja's parser" in out and "keys found in the data" in out
    guide = load_guide(ROOT)
    for source_id in guide.sources:
        n = len(guide.excerpts_of(source_id))
        assert f"{source_id} " in out and f"{n} of 12 excerpts ({12 - n} left)" in out


def test_percentages_never_look_equal_to_the_cap_when_they_are_not():
    assert check.percent(0.25) == "25%"
    assert check.percent(0.2504) == "25.04%"
    assert check.percent(0.24996) == "24.996%"
    assert check.percent(0.196) == "19.6%"


def test_over_the_quoted_share_the_message_gives_the_real_figures(monkeypatch):
    if not SEEDS.is_dir():
        pytest.skip(f"source texts not found at {SEEDS}")
    monkeypatch.setattr(check, "MAX_SHARE", 0.24)
    room = {r.source_id: r for r in check.rooms(load_guide(ROOT), SEEDS)}["hhm-interview"]
    assert room.quoted > room.cap_words  # HHM is quoted at 24.1%: over a 24% cap
    lines = [str(p) for p in check.excerpt_problems(load_guide(ROOT), SEEDS)]
    expected = (
        f"data/excerpts/hhm-interview.yaml: excerpts quote {room.quoted:,} of the text's {room.words:,} words "
        f"({check.percent(room.quoted / room.words)}); the cap is 24% ({room.cap_words:,} words), "
        f"{room.quoted - room.cap_words:,} over — shorten or replace one rather than add"
    )
    assert expected in lines
    assert "24%)" not in expected.split(";")[0]  # the share is not rounded to the cap


def test_the_pages_use_jinjas_default_syntax_as_the_check_assumes():
    """mkdocs-macros can be given other delimiters (its j2_* options); the check parses with
    Jinja's defaults, so mkdocs.yml must set none of them."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "j2_" not in text and "render_by_default" not in text
