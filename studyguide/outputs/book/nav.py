"""The book's outline (PDF and EPUB): the pages of the built site in nav order (the page
manifest MkDocs wrote into the site, studyguide.load.page_manifest: URLs, files, titles
and nav sections as MkDocs made them), and mkdocs.yml's settings, read with PyYAML alone
(MkDocs' own loader would import every hook listed in mkdocs.yml, and with them jieba).

Two exceptions to the nav's order: the section titled "Reference" (glossary, who's who,
timeline, tracker) always goes at the end of the PDF, titled "Appendices"; and the pages
listed in mkdocs.yml's `extra.print_appendix` (the printable study sheets) leave their
nav section to join the appendices, after the reference pages and before the term pages.
Pages in `extra.screen_only` are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml_env_tag import construct_env_tag

from studyguide.errors import GuideError
from studyguide.load import page_manifest, page_paths
from studyguide.outputs.book import BookError

APPENDIX_NAV_TITLE = "Reference"  # the nav section moved to the end...
APPENDIX_TITLE = "Appendices"  # ...under this title


@dataclass
class NavPage:
    title: str | None  # nav title; None: the page's h1 (as MkDocs does)
    url: str  # site-relative URL: "", "glossary/", "sources/shi-2014/"
    dest: str  # built file: "glossary/index.html"
    slug: str  # "glossary", "sources-shi-2014", "index"
    level: int  # bookmark level of the page
    in_toc: bool = True  # False: listed on its section's title page only (term pages)
    src: str = ""  # the page's source in docs/: "terms/hukou.md"


@dataclass
class NavSection:
    title: str
    level: int
    slug: str
    children: list = field(default_factory=list)  # NavSection | NavPage


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's YAML: !ENV as MkDocs reads it; other tags (!!python/name: ...) as None."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> dict:
    config = yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    if config.get("site_url") and not config["site_url"].endswith("/"):
        config["site_url"] += "/"  # as MkDocs normalises it
    theme = config.get("theme")
    config["theme"] = theme if isinstance(theme, dict) else {"name": theme}
    return config


def page_slug(url: str) -> str:
    path = url.strip("./").removesuffix("index.html").removesuffix(".html").strip("/")
    return path.replace("/", "-") or "index"


def load_nav(config_file: Path, site_dir: Path) -> tuple[dict, list]:
    """The config and the PDF's outline of the site built in `site_dir`: the nav in order,
    with the appendix section (nav title "Reference") moved to the end and renamed
    "Appendices"."""
    config = read_config(config_file)
    try:
        manifest = page_manifest.read(site_dir)
    except GuideError as error:
        raise BookError(str(error)) from None
    if not manifest.nav():
        raise BookError(
            f"{config_file}: no nav; the PDF follows the nav's order, so list the pages there."
        )
    extra = config.get("extra") or {}
    screen_only = set(extra.get("screen_only") or [])  # browser-only pages
    to_appendix = list(extra.get("print_appendix") or [])  # pages printed as appendices
    moved: dict[str, NavPage] = {}
    outline: list = []
    open_sections: list[NavSection] = []  # the sections the last page sat in
    for entry in manifest.nav():
        same = 0
        while (
            same < min(len(open_sections), len(entry.sections))
            and open_sections[same].title == entry.sections[same]
        ):
            same += 1
        del open_sections[same:]
        for title in entry.sections[same:]:
            section = NavSection(title, len(open_sections) + 1, "part--" + _ascii_slug(title))
            (open_sections[-1].children if open_sections else outline).append(section)
            open_sections.append(section)
        if entry.src in screen_only:
            continue
        page = NavPage(
            entry.nav_title,
            entry.url,
            entry.dest,
            page_slug(entry.url),
            len(entry.sections) + 1,
            src=entry.src,
        )
        if entry.src in to_appendix:
            moved[entry.src] = page
        else:
            (open_sections[-1].children if open_sections else outline).append(page)
    appendix = next(
        (
            s
            for s in outline
            if isinstance(s, NavSection) and s.title.strip().lower() == APPENDIX_NAV_TITLE.lower()
        ),
        None,
    )
    if appendix is not None:
        outline.remove(appendix)
        appendix.title, appendix.slug = APPENDIX_TITLE, "part--appendices"
        outline.append(appendix)
    missing = [src for src in to_appendix if src not in moved]
    if missing:
        raise BookError(
            f"{config_file}: extra.print_appendix lists {', '.join(missing)}, "
            "which the nav does not (or lists as screen_only): name pages of the nav."
        )
    for src in to_appendix:
        page = moved[src]
        page.level = 2 if appendix else 1
        (appendix.children if appendix else outline).append(page)
    if (Path(config_file).parent / "glossary.yaml").is_file():  # a guide (not a test's tiny site)
        terms = term_pages(Path(config_file).parent, manifest, level=2 if appendix else 1)
        (appendix.children if appendix else outline).append(terms)
    return config, outline


def term_pages(root: Path, manifest: page_manifest.Manifest, level: int) -> NavSection:
    """The term pages (outside the nav, made by macros/hooks/term_pages.py), printed last
    among the appendices so that every term link stays inside the book: an offline reader
    gets each term's full page, not only the glossary index. The glossary is read, not
    checked again: the build that made the site has checked it."""
    from studyguide.load.glossary import load_glossary

    section = NavSection("Terms", level, "part--terms")
    for entry in load_glossary(root / "glossary.yaml", check_pinyin=False).sorted():
        page = manifest.page(page_paths.term_page(entry.key))
        section.children.append(
            NavPage(
                f"{entry.term} {entry.hanzi}",
                page.url,
                page.dest,
                page_slug(page.url),
                level + 1,
                in_toc=False,
                src=page.src,
            )
        )
    return section


def _ascii_slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-") or "section"


def iter_pages(outline: list):
    for item in outline:
        if isinstance(item, NavSection):
            yield from iter_pages(item.children)
        else:
            yield item
