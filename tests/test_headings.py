"""Heading ids from Python-Markdown's toc extension (studyguide.load.headings) and the one
front-matter reader (studyguide.load.front_matter): the ids the data names are the built
page's, and a broken front matter stops the build with the file and the line."""

from __future__ import annotations

import re

import pytest

from studyguide import ROOT
from studyguide.errors import GuideError
from studyguide.load import front_matter
from studyguide.load.headings import headings, section_anchors

PAGE = """---
title: "A page: with a colon"
# a YAML comment, no heading
---

# Title

## Notes

```md
### Not a heading (fenced code)
```

### Notes

### *Emphasis* and [a link](x.md) {#own-id .klass}

#### Gong's "errors" & more
"""


def test_ids_are_the_toc_extensions():
    found = [(h.line, h.level, h.id, h.text) for h in headings(PAGE)]
    assert found == [
        (5, 1, "title", "Title"),
        (7, 2, "notes", "Notes"),
        (13, 3, "notes_1", "Notes"),  # unique across levels, as on the built page
        (15, 3, "own-id", "Emphasis and a link"),
        (17, 4, "gongs-errors-more", 'Gong\'s "errors" & more'),
    ]
    assert section_anchors(PAGE) == {"notes_1": "Notes", "own-id": "Emphasis and a link"}


def test_ids_match_every_heading_of_the_built_source_pages(site):
    for page in sorted((ROOT / "docs/sources").glob("*.md")):
        built = (site / "sources" / page.stem / "index.html").read_text(encoding="utf-8")
        in_site = re.findall(r'<h[1-6] id="([^"]+)"', built.split("<article", 1)[1])
        ours = [h.id for h in headings(page.read_text(encoding="utf-8"))]
        assert [i for i in in_site if i in ours] == ours, page.name


def test_front_matter_is_read_as_mkdocs_reads_it():
    page = front_matter.read(PAGE)
    assert page.title == "A page: with a colon"
    assert page.offset == 5 and page.body.startswith("# Title")
    assert front_matter.read("# No front matter\n").meta == {}
    assert front_matter.read("# No front matter\n").offset == 0


def test_front_matter_is_mkdocs_own_reading_on_every_page():
    """Pinned against MkDocs' reader (mkdocs.utils.meta.get_data) on every page of docs/ and
    the generated term pages: the same keys, the same body."""
    from mkdocs.utils.meta import get_data

    from studyguide.load.guide import load_guide
    from studyguide.pages.term_page import stub

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").rglob("*.md"))]
    texts += [stub(e) for e in list(load_guide(ROOT).glossary.sorted())[:20]]
    for text in texts + ["no front matter\n", "---\ntitle: x\n...\n\n\nbody\n"]:
        body, meta = get_data(text)
        page = front_matter.read(text)
        assert (page.meta, page.body) == (meta, body), text[:80]
        assert "\n".join(text.split("\n")[page.offset :]) == body


@pytest.mark.parametrize(
    "text, line, message",
    [
        ('---\ntitle: "unclosed\n---\n# T\n', 2, "front matter is not valid YAML"),
        ("---\ntitle: a\n  b: c\n---\n", 3, "front matter is not valid YAML"),
        ("---\n- a list\n---\n# T\n", 2, "must be keys and values"),
        ("---\ntitle: never closed\n\n# T\n", 1, "never closed"),
    ],
)
def test_broken_front_matter_names_the_file_and_line(text, line, message):
    with pytest.raises(GuideError) as error:
        front_matter.read(text, "docs/themes/x.md")
    assert str(error.value).startswith(f"docs/themes/x.md:{line}: "), error.value
    assert message in str(error.value)
