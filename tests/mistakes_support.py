"""The mistakes a first-time contributor makes (issues 17 and 29), each as a function that
makes it on a scratch copy of the project, with the exact line the build prints for it.
tests/test_contributor_mistakes.py makes each and builds; tests/test_contributing_error_table.py
checks CONTRIBUTING's error table quotes every line."""

from __future__ import annotations

import re

MASS_INCIDENTS = (
    "mass-incidents:\n  hanzi: 群体性事件\n  pinyin: qúntǐxìng shìjiàn\n"
    "  english: mass incidents (2)\n  definition: x\n\n"
)
ANQUAN = "\nanquan:\n  hanzi: 安全\n  pinyin: ānquán\n  english: security\n  definition: x\n"


def edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def changed_word(p):
    edit(
        p / "data/excerpts/baek-interview.yaml",
        "which has supplanted the previous",
        "which has replaced the previous",
    )


def thirteenth_excerpt(p):
    path = p / "data/excerpts/shi-2014.yaml"
    text = path.read_text(encoding="utf-8")
    first = text[
        text.index("shi-2014-new-terminologies:") : text.index(
            "shi-2014-social-management-innovation:"
        )
    ]
    path.write_text(
        text + first.replace("shi-2014-new-terminologies:", "shi-2014-new-terminologies-again:"),
        encoding="utf-8",
    )


def duplicate_hanzi(p):
    edit(p / "glossary.yaml", "minsheng:\n", MASS_INCIDENTS + "minsheng:\n")


def key_out_of_order(p):
    path = p / "glossary.yaml"
    path.write_text(path.read_text(encoding="utf-8") + ANQUAN, encoding="utf-8")


def split_word(p):
    edit(p / "glossary.yaml", "pinyin: qúntǐxìng shìjiàn", "pinyin: qúntǐ xìng shì jiàn")


def wrong_tone(p):
    edit(p / "glossary.yaml", "pinyin: qúntǐxìng shìjiàn", "pinyin: qúntǐxìng shìjiān")


def missing_field(p):
    edit(p / "glossary.yaml", "  english: household registration\n", "")


def unknown_field(p):
    edit(
        p / "glossary.yaml",
        "  english: household registration\n",
        "  englsh: household registration\n",
    )


def duplicate_key(p):
    text = (p / "glossary.yaml").read_text(encoding="utf-8")
    start = text.index("\nhukou:\n") + 1
    (p / "glossary.yaml").write_text(
        text + "\n" + text[start : text.index("\n\n", start)] + "\n", encoding="utf-8"
    )


def unknown_see_also(p):
    edit(
        p / "glossary.yaml",
        "  see_also: [danwei, guojia-ziben-zhuyi",
        "  see_also: [danwie, guojia-ziben-zhuyi",
    )


def yaml_syntax(p):
    edit(
        p / "glossary.yaml",
        "  english: household registration\n",
        " english: household registration\n",
    )


def unknown_term(p):
    edit(p / "docs/sources/shi-2014.md", '{{ term("hukou") }}', '{{ term("hukuo") }}')


def unknown_excerpt(p):
    edit(
        p / "docs/themes/hub-organizations.md",
        '{{ excerpt("shi-2014-hub-organizations") }}',
        '{{ excerpt("shi-2014-hub-organisations") }}',
    )


def unmarked_note(p):
    edit(
        p / "glossary.yaml",
        "the hanzi is the standard term.\n  language: >-\n    In everyday Chinese 关系",
        "the hanzi is the standard term.\n"
        "    English borrows *guanxi* for useful connections.\n"
        "  language: >-\n    In everyday Chinese 关系",
    )


def missing_anchor(p):
    path = p / "docs/study/index.md"
    path.write_text(
        path.read_text(encoding="utf-8") + "\nSee [a term](../glossary.md#no-such-term).\n",
        encoding="utf-8",
    )


# name -> (how the contributor breaks the copy, the exact line the build prints). The
# lines are exact but for line numbers, which move whenever the data grows (`same`).
MISTAKES = {
    "changed_word": (
        changed_word,
        "data/excerpts/baek-interview.yaml:16: 'baek-interview-social-governance': "
        "not verbatim: …which has [replaced → supplanted] the previous… "
        "([yours → source]; nearest passage, paragraph 18 (line 37): "
        "«The expression, social construction, has been used as a comprehensive term that "
        "includes “social management,” a term that bears some negative connotation as it is "
        "usually associated with police clampdowns or social security control. But from 2013 "
        "onward, China started to use a new term, “social governance,” which has supplanted the "
        "previous term, social management.») in 000_e777d89e91ff38d1.txt",
    ),
    "thirteenth_excerpt": (
        thirteenth_excerpt,
        "data/excerpts/shi-2014.yaml: 13 excerpts, at most 12 — replace one rather than add",
    ),
    "duplicate_hanzi": (
        duplicate_hanzi,
        "glossary.yaml:729: 'quntixing-shijian': hanzi '群体性事件' is also the hanzi of "
        "'mass-incidents' (line 599); keep one entry and merge the other into it "
        "(an alias, a note)",
    ),
    "key_out_of_order": (
        key_out_of_order,
        "glossary.yaml:1402: 'anquan': key out of alphabetical order; "
        "move the entry before 'baorongxing-zengzhang' (line 20)",
    ),
    "split_word": (
        split_word,
        "glossary.yaml:725: 'quntixing-shijian': pinyin 'qúntǐ xìng shì jiàn' "
        "splits the words 群体性, 事件; group syllables by word: 'qúntǐxìng shìjiàn'",
    ),
    "wrong_tone": (
        wrong_tone,
        "glossary.yaml:725: 'quntixing-shijian': pinyin 'qúntǐxìng shìjiān' "
        "does not fit hanzi '群体性事件': '件' reads jiàn/móu; "
        "expected something like 'qúntǐxìng shìjiàn'",
    ),
    "missing_field": (
        missing_field,
        "glossary.yaml:471: 'hukou': missing required field 'english'",
    ),
    "unknown_field": (
        unknown_field,
        "glossary.yaml:475: 'hukou': unknown field 'englsh' (did you mean 'english'?); "
        "allowed fields: term, hanzi, traditional, pinyin, english, definition, aliases, "
        "see_also, category, notes, language",
    ),
    "duplicate_key": (
        duplicate_key,
        "glossary.yaml:1457: 'hukou': duplicate key (first defined on line 471); "
        "YAML would silently keep only the last one",
    ),
    "unknown_see_also": (
        unknown_see_also,
        "glossary.yaml:719: 'post-danwei': see_also names 'danwie', which is not an entry "
        "(did you mean 'danwei'?)",
    ),
    "yaml_syntax": (
        yaml_syntax,
        "glossary.yaml:475: YAML syntax error: "
        "while parsing a block mapping did not find expected key",
    ),
    "unknown_term": (
        unknown_term,
        "docs/sources/shi-2014.md:34: 'hukuo': unknown glossary term (did you mean 'hukou'?); "
        "glossary terms are the keys of glossary.yaml",
    ),
    "unknown_excerpt": (
        unknown_excerpt,
        "docs/themes/hub-organizations.md:28: 'shi-2014-hub-organisations': unknown excerpt id "
        "(did you mean 'shi-2014-hub-organizations'?); "
        "excerpt ids are the keys of data/excerpts/*.yaml",
    ),
    "unmarked_note": (
        unmarked_note,
        "glossary.yaml:410: 'guanxi': notes: "
        '"English borrows *guanxi* for useful connections." names no source and is not marked; '
        'attribute it ("Shi says…"), mark it "(background, not in the sources: …)" '
        'or "(the guide\'s reading)", '
        "or move a note on the word's form or renderings to the language field",
    ),
    "missing_anchor": (
        missing_anchor,
        "Doc file 'study/index.md' contains a link '../glossary.md#no-such-term', "
        "but the doc 'glossary.md' does not contain an anchor '#no-such-term'.",
    ),
}


def expected(name: str) -> str:
    return MISTAKES[name][1]


def same(line: str) -> str:
    """A message with its line and paragraph numbers replaced by N."""
    return re.sub(r"(?<=:)\d+(?=:)|(?<=line )\d+|(?<=paragraph )\d+", "N", line)
