"""The printable sheets' plain text (studyguide.practice.sheets._plain): the page's macro
calls evaluated by Jinja with who() and term() standing in, not matched by a pattern."""

from __future__ import annotations

import pytest

from studyguide.errors import GuideError
from studyguide.practice.sheets import _plain


def test_who_and_term_become_their_words_in_any_call_style(guide):
    text = (
        '{{ term("hukou") }}, {{term(\'danwei\', "work units")}} and '
        '{{ who("shi-shih-jiunn") }}; [a link](x.md){: .c } stays text.\n'
    )
    out = _plain(guide, text, "docs/sources/x.md")
    hukou = guide.glossary.entries["hukou"].term
    name = guide.people["shi-shih-jiunn"]["name"]
    assert out == f"{hukou}, work units and {name}; a link stays text.\n"


@pytest.mark.parametrize(
    "text, message",
    [
        ('{{ excerpt("shi-2014-x") }}', "cannot show excerpt():"),
        ("{{ term(key) }}", "cannot show term():"),
        ("{{ 1 + 2 }}", "cannot show an expression:"),
        ('{% if x %}{{ term("hukou") }}{% endif %}', "cannot show a {% if %} block:"),
        ('{{ term("hukuo") }}', "term('hukuo'), which is not a key of glossary.yaml"),
        ('{{ who("nobody") }}', "who('nobody'), which is not a key of data/people.yaml"),
        ("{{ term( }}", "cannot show its template ("),
    ],
)
def test_other_macros_and_unknown_keys_stop_the_build_naming_the_page(guide, text, message):
    with pytest.raises(GuideError) as error:
        _plain(guide, text, "docs/sources/x.md")
    assert str(error.value).startswith("docs/sources/x.md: the printable sheet cannot show ")
    assert message in str(error.value)
