"""A theme's self-check questions (studyguide.render.blocks.self_check): the answer folded
away with its model outline, an ordered list of claims each with its excerpt links, and the
evidence; without an outline, the answer and the evidence only."""

from __future__ import annotations

import markdown
from render_support import small_guide

from studyguide.load.guide import Guide
from studyguide.load.records import Record
from studyguide.render import blocks as render


def guide_with_question(outline: list[dict]) -> Guide:
    guide = small_guide()
    question = {
        "q": 'What is "hukou"?',
        "a": "Household\n  registration <b>rules</b>.",
        "excerpts": ["shi-2014-hukou"],
        "outline": outline,
    }
    guide.selfcheck["migrants"] = Record(
        "migrants", {"items": [question]}, "data/selfcheck.yaml", 1
    )
    return guide


def test_self_check_folds_the_answer_its_model_outline_and_the_evidence():
    outline = [
        {"claim": "Shi says it *persists*.", "excerpts": ["shi-2014-hukou"]},
        {
            "claim": "Shi ties it to <i>welfare</i>\n (the paragraph before).",
            "excerpts": ["shi-2014-hukou", "shi-2014-hukou"],
        },
    ]
    link = "[Shi (2014), §4](../sources/shi-2014.md#shi-2014-hukou)"
    assert render.self_check(guide_with_question(outline), "themes/migrants.md", "migrants") == (
        "??? question \"1. What is 'hukou'?\"\n\n"
        "    Household registration &lt;b&gt;rules&lt;/b&gt;.\n\n"
        "    **Model answer outline**\n\n"
        f"    1. Shi says it *persists*. (see {link})\n"
        "    2. Shi ties it to &lt;i&gt;welfare&lt;/i&gt; (the paragraph before). "
        f"(see {link}; {link})\n\n"
        f"    **Evidence:** {link}\n"
    )


def test_the_model_outline_is_an_ordered_list_inside_the_folded_answer():
    outline = [
        {"claim": "First claim.", "excerpts": ["shi-2014-hukou"]},
        {"claim": "Second claim.", "excerpts": ["shi-2014-hukou"]},
    ]
    text = render.self_check(guide_with_question(outline), "themes/migrants.md", "migrants")
    html = markdown.markdown(text, extensions=["pymdownx.details", "attr_list"])
    folded = html[html.index("<details") : html.index("</details>")]
    assert "<strong>Model answer outline</strong>" in folded
    assert '<ol>\n<li>First claim. (see <a href="../sources/shi-2014.md#shi-2014-hukou">' in folded
    assert folded.index("First claim.") < folded.index("Second claim.") < folded.index("Evidence:")


def test_a_question_without_an_outline_shows_the_answer_and_evidence_only():
    text = render.self_check(guide_with_question([]), "themes/migrants.md", "migrants")
    assert "Model answer outline" not in text and "**Evidence:**" in text
