"""Theme chips under each tagged section of a source page, and on each theme chapter the
list of source sections tagged with it (data/theme-tags.yaml). Plain Markdown links, so
MkDocs checks every page and anchor they point to."""

from __future__ import annotations

from studyguide.load.guide import Guide
from studyguide.load.headings import headings
from studyguide.load.page_paths import SOURCES, THEMES, key_of, source_page, theme_page
from studyguide.load.theme_tags import theme_titles
from studyguide.render.links import md_link, md_text, relative


def short_title(title: str) -> str:
    """A chip's label: the chapter title up to its colon."""
    return title.split(":")[0].strip()


def chips(guide: Guide, page: str, themes: tuple[str, ...]) -> str:
    titles = theme_titles(guide.root / "docs")
    links = " ".join(
        md_link(short_title(titles[t]), relative(page, theme_page(t)), f"Theme: {titles[t]}")
        for t in themes
    )
    return f'<span class="theme-chips__label">Themes:</span> {links}\n{{: .theme-chips }}'


def add_chips(guide: Guide, page: str, markdown: str) -> str:
    """The page's Markdown with a chips paragraph after each tagged `###` heading."""
    source = key_of(page, SOURCES)
    tagged = {t.anchor: t.themes for t in guide.theme_tags if t.source == source}
    if not tagged:
        return markdown
    lines = markdown.split("\n")
    for heading in reversed(headings(markdown, f"docs/{page}")):
        if heading.level == 3 and heading.id in tagged:
            lines.insert(heading.line + 1, "\n" + chips(guide, page, tagged[heading.id]))
    return "\n".join(lines)


def sections_on(guide: Guide, page: str, theme: str) -> str:
    """A theme chapter's list of the source sections tagged with it, in source order."""
    order = list(guide.sources)
    tags = sorted(
        (t for t in guide.theme_tags if theme in t.themes), key=lambda t: order.index(t.source)
    )
    if not tags:
        return ""
    lines = [
        "## Source sections on this theme {#tagged-sections}\n",
        "The sections of the source pages whose summaries feed this theme:\n",
    ]
    for t in tags:
        target = relative(page, source_page(t.source), t.anchor)
        lines.append(f"- {md_text(guide.sources[t.source]['short'])}: {md_link(t.heading, target)}")
    return "\n".join(lines) + "\n"


def add_sections(guide: Guide, page: str, markdown: str) -> str:
    """The chapter's Markdown with its tagged sections before "Check yourself" (or at the end)."""
    block = sections_on(guide, page, key_of(page, THEMES))
    if not block:
        return markdown
    marker = "\n## Check yourself"
    at = markdown.find(marker)
    return markdown + "\n" + block if at < 0 else markdown[:at] + "\n" + block + markdown[at:]
