"""The verbatim check's message: the difference marked, the nearest passage as the source
writes it (curly quotes and dashes kept), whole words, its paragraph named."""

from __future__ import annotations

from studyguide.load.verbatim import check

SOURCE = "Menu noise.\n\nThe “social management” idea has replaced the previous one — and so on.\n"


def test_a_verbatim_excerpt_passes_with_straight_quotes():
    assert check('The "social management" idea has replaced the previous one', SOURCE) is None


def test_a_changed_word_is_marked_and_the_passage_shown_as_written():
    message = str(check('The "social management" idea has supplanted the previous one', SOURCE))
    assert "…idea has [supplanted → replaced] the previous…" in message
    assert "«The “social management” idea has replaced the previous one" in message
    assert "paragraph 2 (line 3)" in message
    assert "[→" not in message, "the passage running on past the excerpt is not a difference"


def test_fragments_out_of_order_are_reported_as_such():
    message = str(check("the previous one … The “social management” idea", SOURCE))
    assert "not in order within one paragraph" in message
