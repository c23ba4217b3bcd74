"""mkdocs.yml's nav as the book's outline (PDF and EPUB), read with PyYAML alone (no MkDocs,
no hooks).

MkDocs' own loader would import every hook listed in mkdocs.yml (and with them jieba);
the PDF needs only the settings below and the nav, whose rules are simple: an entry is
"path.md", {title: "path.md"}, {title: [entries]} (a section) or {title: URL} (an
external link, not printed). Pages get MkDocs' URLs (use_directory_urls, default on).
Two exceptions to the nav's order: the section titled "Reference" (glossary, who's who,
timeline, tracker) always goes at the end of the PDF, titled "Appendices"; and the pages
listed in mkdocs.yml's `extra.print_appendix` (the printable study sheets) leave their
nav section to join the appendices, after the reference pages and before the term pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml
from yaml_env_tag import construct_env_tag

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


def page_urls(src: str, directory_urls: bool = True) -> tuple[str, str]:
    """(url, dest) of a Markdown file as MkDocs builds it: "a/b.md" -> ("a/b/", "a/b/index.html")."""
    path = PurePosixPath(src)
    parent = "" if str(path.parent) == "." else f"{path.parent}/"
    if path.stem in ("index", "README"):
        dest = f"{parent}index.html"
        return (parent if directory_urls else dest), dest
    if directory_urls:
        return f"{parent}{path.stem}/", f"{parent}{path.stem}/index.html"
    return f"{parent}{path.stem}.html", f"{parent}{path.stem}.html"


def load_nav(config_file: Path) -> tuple[dict, list]:
    """The config and the PDF's outline: the nav in order, with the appendix section
    (nav title "Reference") moved to the end and renamed "Appendices"."""
    config = read_config(config_file)
    if not config.get("nav"):
        raise BookError(
            f"{config_file}: no nav; the PDF follows the nav's order, so list the pages there."
        )
    directory_urls = config.get("use_directory_urls", True)
    extra = config.get("extra") or {}
    screen_only = set(extra.get("screen_only") or [])  # browser-only pages
    to_appendix = list(extra.get("print_appendix") or [])  # pages printed as appendices
    moved: dict[str, NavPage] = {}

    def convert(items, level: int) -> list:
        out = []
        for item in items:
            title, value = next(iter(item.items())) if isinstance(item, dict) else (None, item)
            if isinstance(value, list):
                section = NavSection(str(title), level, "part--" + _ascii_slug(str(title)))
                section.children = convert(value, level + 1)
                out.append(section)
            elif (
                isinstance(value, str)
                and value.endswith(".md")
                and "://" not in value
                and value not in screen_only
            ):
                url, dest = page_urls(value.lstrip("/"), directory_urls)
                url = "" if url == "./" else url
                page = NavPage(title, url, dest, page_slug(url), level)
                if value in to_appendix:
                    moved[value] = page
                else:
                    out.append(page)
            # anything else is an external link: no page to print
        return out

    outline = convert(config["nav"], 1)
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
            f"{config_file}: extra.print_appendix lists {', '.join(missing)}, which the nav does not "
            "(or lists as screen_only): name pages of the nav."
        )
    for src in to_appendix:
        page = moved[src]
        page.level = 2 if appendix else 1
        (appendix.children if appendix else outline).append(page)
    if (Path(config_file).parent / "glossary.yaml").is_file():  # a guide (not a test's tiny site)
        terms = term_pages(Path(config_file).parent, level=2 if appendix else 1)
        (appendix.children if appendix else outline).append(terms)
    return config, outline


def term_pages(root: Path, level: int) -> NavSection:
    """The term pages (outside the nav, made by macros/hooks/term_pages.py), printed last
    among the appendices so that every term link stays inside the book: an offline reader
    gets each term's full page, not only the glossary index."""
    from studyguide.load.guide import load_guide

    section = NavSection("Terms", level, "part--terms")
    for entry in load_guide(root).glossary.sorted():
        url = f"terms/{entry.key}/"
        section.children.append(
            NavPage(
                f"{entry.term} {entry.hanzi}",
                url,
                url + "index.html",
                page_slug(url),
                level + 1,
                in_toc=False,
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
