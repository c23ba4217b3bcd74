"""Reading HTML fragments with the standard library's parser (studyguide.load.html_text):
table headers' visible text, citations' plain text, the search index's paragraphs."""

from __future__ import annotations

from studyguide.load.html_text import elements, html_text, visible_text


def test_screen_reader_only_text_and_markup_do_not_reach_the_label():
    """Bad input for the header reader: nested and unclosed sr-only markup, entities."""
    assert visible_text('<a href="x">B</a> <span class="sr-only">(<b>hidden</b>)</span>') == "B"
    assert visible_text('<span class="a sr-only">gone') == ""
    assert visible_text("A &amp;\n B &lt;c&gt;") == "A & B <c>"


def test_html_text_reads_citations_as_plain_text():
    """citations.plain (RIS, COinS): tags gone, references decoded, spacing kept; a stray
    '<' or an unclosed tag does not swallow the text after it."""
    rendered = "Shi, S.-J. (2014). <i>The emerging &amp; new</i>  paradigm &#8220;x&#8221;."
    assert html_text(rendered) == "Shi, S.-J. (2014). The emerging & new  paradigm “x”."
    assert html_text("a < b <i>c") == "a < b c"


def test_paragraphs_are_cut_out_exactly_whatever_is_around_them():
    """Bad input for the paragraph splitter: a <p> inside code text, an attribute with '>',
    nested markup, text between blocks, an unclosed paragraph at the end."""
    text = (
        '<p class="a>b">One <em>two</em></p>\n<pre><code>&lt;p&gt;no</code></pre>'
        "<ul><li>x</li></ul>\n<p>Three\nlines</p >tail<p>unclosed"
    )
    assert elements(text, "p") == [
        ('<p class="a>b">One <em>two</em></p>', "One two"),
        ("<p>Three\nlines</p >", "Three\nlines"),
    ]
    assert elements("<div><p>a<p>b</p></p></div>", "p") == [("<p>a<p>b</p></p>", "ab")]
    assert elements("no markup", "p") == []
