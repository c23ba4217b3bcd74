"""Shared by the render tests: a small guide (two terms, one source with one excerpt, one
person) to render macros against without loading the real data, and the Markdown extensions
the site renders Chinese with."""

from __future__ import annotations

from studyguide.load.glossary import Entry, Glossary
from studyguide.load.guide import Guide
from studyguide.load.records import Record

EXTENSIONS = ["attr_list", "md_in_html", "macros.cjk_lang"]


def small_guide() -> Guide:
    glossary = Glossary("glossary.yaml")
    glossary.entries["hukou"] = Entry(
        "hukou",
        "户口",
        "hùkǒu",
        "household registration",
        "Registration.",
        "hukou",
        aliases=("household registration system",),
    )
    glossary.entries["danwei"] = Entry(
        "danwei", "单位", "dānwèi", "work unit", "The <script>alert(1)</script> unit.", "danwei"
    )
    source = {
        "file": "001_x.txt",
        "short": "Shi (2014)",
        "title": "T",
        "people": [],
        "date": "2 February 2014",
        "year": 2014,
        "genre": "working paper",
        "why": "w",
    }
    excerpt = {
        "source": "shi-2014",
        "location": "§4",
        "text": "The *hukou* <b>system</b>\n  persists.",
        "terms": ["hukou"],
        "note": "Why.",
    }
    return Guide(
        root=None,
        glossary=glossary,
        sources={"shi-2014": Record("shi-2014", source, "data/sources.yaml", 1)},
        excerpts={
            "shi-2014-hukou": Record("shi-2014-hukou", excerpt, "data/excerpts/shi-2014.yaml", 2)
        },
        people={
            "wang-yang": Record(
                "wang-yang",
                {
                    "name": "Wang Yang",
                    "kind": "person",
                    "hanzi": "汪洋",
                    "pinyin": "Wāng Yáng",
                    "role": "top leader of Guangdong",
                    "about": "a",
                    "sources": ["shi-2014"],
                },
                "data/people.yaml",
                1,
            )
        },
    )
