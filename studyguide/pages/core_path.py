"""The core path: the "In brief", "Key points" and "Who says what" sections of the five
source pages and ten theme chapters, in nav order, as generated pages core/<name>.md
(macros/hooks/core_path.py adds them to the build; mkdocs.yml's nav section "Core path"
lists them, so next/previous walks the path).

Each core page sits at the same folder depth as sources/ and themes/, so the sections'
own relative links work unchanged once the same-folder ones are pointed at the full
page's folder; each ends with a link to the full page.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from studyguide.errors import GuideError, Problem
from studyguide.load import front_matter, page_paths
from studyguide.pages.sections import sections

CORE_DIR = page_paths.CORE
START = f"{page_paths.CORE}index.md"
NAV_TITLE = "Core path"
REQUIRED = ("In brief", "Key points")  # every source page and theme chapter
THEME_ONLY = ("Who says what",)  # theme chapters, when they have the table
SECTIONS = REQUIRED + THEME_ONLY
FULL_FOLDERS = (page_paths.SOURCES, page_paths.THEMES)
NOT_ON_PATH = {page_paths.THEMES_INDEX}
LAYOUT = (
    "'## In brief', one paragraph of at most 120 words, "
    "then '## Key points', 3-7 one-line bullets, then on a theme '## Who says what'"
)

# An inline link's target: ](target) or ](target "title"); reference links are left alone.
_LINK = re.compile(r"\]\((?P<target>[^)\s]+)")


def full_pages(nav) -> list[str]:
    """The source pages and theme chapters, in the order mkdocs.yml's nav lists them."""
    found: list[str] = []

    def walk(items):
        for item in items or []:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            elif (
                isinstance(value, str)
                and value.startswith(FULL_FOLDERS)
                and value not in NOT_ON_PATH
            ):
                found.append(value)

    walk(nav)
    return found


def core_page(full: str) -> str:
    """'sources/shi-2014.md' -> 'core/shi-2014.md'."""
    return CORE_DIR + PurePosixPath(full).name


def _retarget(text: str, full: str) -> str:
    """Links relative to the full page's folder, made to work from core/: a same-folder
    link ("gong-2012.md") or an anchor ("#x") points into the full page's folder."""
    folder, name = PurePosixPath(full).parent.name, PurePosixPath(full).name

    def fix(match: re.Match) -> str:
        target = match.group("target")
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith(("../", "/")):
            return match.group(0)
        if target.startswith("#"):
            return f"](../{folder}/{name}{target}"
        return f"](../{folder}/{target}"

    return _LINK.sub(fix, text)


def extract(text: str, full: str) -> tuple[str, dict[str, str]]:
    """(the page's H1 title, {section title: Markdown}) of the core sections; a missing
    required section is a GuideError naming the file and line."""
    found = sections(text)
    h1 = next((s for s in found if s.level == 1), None)
    path = f"docs/{full}"
    if h1 is None:
        raise GuideError(Problem(path, 1, None, "no '# Title' heading"))
    core = {s.title: s.text for s in found if s.level == 2 and s.title in SECTIONS}
    problems = []
    for title in REQUIRED:
        if title not in core:
            near = next(
                (s for s in found if s.level == 2 and s.title.lower() == title.lower()), None
            )
            line = near.line if near else h1.line + 1
            hint = (
                f"the heading reads '## {near.title}': write it exactly '## {title}'"
                if near
                else f"add '## {title}' under the title ({LAYOUT}); "
                "the core path (core/) is made from it"
            )
            problems.append(Problem(path, line, title, f"no '{title}' section: {hint}"))
    if problems:
        raise GuideError(problems)
    return h1.title, {title: _retarget(core[title], full) for title in SECTIONS if title in core}


def core_markdown(text: str, full: str, position: tuple[int, int]) -> str:
    """The core page for the full page `full` (its Markdown `text`)."""
    title, parts = extract(text, full)
    n, total = position
    nav_title = front_matter.read(text, f"docs/{full}").title or title
    who = " and who says what." if "Who says what" in parts else "."
    out = [
        "---",
        f"title: {_yaml_string(f'{n}/{total} {nav_title}')}",
        f"description: {_yaml_string(f'The core of {title}: in brief, key points{who}')}",
        "search:",
        "  exclude: true",  # its text is the full page's: search finds it there
        "---",
        "",
        f"<!-- Generated page: the core sections of docs/{full} (macros/hooks/core_path.py). "
        f"Edit docs/{full}, not this page. -->",
        "",
        f"# {title}",
        "",
    ]
    for heading, body in parts.items():
        out += [f"## {heading}", "", body, ""]
    out.append(f"[Read the full page](../{full}){{ .core-full-link }}")
    return "\n".join(out) + "\n"


def start_markdown(pages: list[tuple[str, str]]) -> str:
    """The path's first page: what it is, and its pages with their times ({{ }} filled by
    the reading_time macro). `pages`: (core page, title)."""
    steps = "\n".join(
        f'{n}. [{_md(title)}]({PurePosixPath(page).name}) ({{{{ reading_time("{page}") }}}})'
        for n, (page, title) in enumerate(pages, 1)
    )
    return (
        "---\ntitle: The core path\n"
        "description: \"The guide's core in one sitting: the in-brief paragraph and key points "
        "of the five sources, and the ten themes' who-says-what tables.\"\n---\n\n"
        "<!-- Generated page (macros/hooks/core_path.py): "
        "edit the source and theme pages, not this one. -->\n\n"
        "# The core path\n\n"
        "The guide's core, read in order: for each of the five sources and ten themes, "
        "the paragraph in brief, the key points and (for a theme) who says what. "
        "Each page links to its full page for the evidence, the quotations and the analysis. "
        f'All of it takes about {{{{ reading_time("{CORE_DIR}") }}}}; '
        "the button at the foot of each page leads to the next.\n\n"
        f"{steps}\n"
    )


def _md(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]")


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
