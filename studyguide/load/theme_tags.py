"""data/theme-tags.yaml: which themes each summarized section of a source page feeds.

source id -> section anchor (the `###` heading's id on docs/sources/<id>.md) -> theme ids
(docs/themes/<id>.md). An unknown source, section or theme stops the build with the
file, the line and the nearest valid key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studyguide.errors import GuideError, Problem, did_you_mean
from studyguide.load import front_matter, schema
from studyguide.load.cache import Checks
from studyguide.load.headings import section_anchors
from studyguide.load.page_paths import DOCS, source_page, theme_files, theme_page


@dataclass(frozen=True)
class Tag:
    source: str
    anchor: str
    heading: str
    themes: tuple[str, ...]


def theme_titles(docs: Path) -> dict[str, str]:
    """Theme id -> the chapter's title (front matter `title:`, else its id)."""
    return {
        path.stem: front_matter.title(path, f"{DOCS}/{theme_page(path.stem)}") or path.stem
        for path in theme_files(docs)
    }


def load_theme_tags(
    path: Path, display: str, sources, docs: Path, checks: Checks | None = None
) -> list[Tag]:
    data, lines = schema.load_checked(path, "theme-tags.schema.json", display, checks)
    themes = theme_titles(docs)
    tags, problems = [], []
    for source, sections in data.items():
        if source not in sources:
            problems.append(
                Problem(
                    display,
                    lines.get((source,)),
                    source,
                    f"unknown source{did_you_mean(source, sources)}; "
                    "sources are the keys of data/sources.yaml",
                )
            )
            continue
        page = source_page(source)
        anchors = section_anchors(
            (docs / page).read_text(encoding="utf-8"), display=f"{DOCS}/{page}"
        )
        for anchor, theme_ids in sections.items():
            if anchor not in anchors:
                problems.append(
                    Problem(
                        display,
                        lines.get((source, anchor)),
                        anchor,
                        f"no '### ' section with this anchor on docs/sources/{source}.md"
                        f"{did_you_mean(anchor, anchors)}",
                    )
                )
                continue
            for i, theme in enumerate(theme_ids):
                if theme not in themes:
                    problems.append(
                        Problem(
                            display,
                            lines.get((source, anchor, i), lines.get((source, anchor))),
                            theme,
                            f"unknown theme{did_you_mean(theme, themes)}; "
                            "themes are the chapters in docs/themes/",
                        )
                    )
            tags.append(Tag(source, anchor, anchors[anchor], tuple(theme_ids)))
    if problems:
        raise GuideError(problems)
    return tags
