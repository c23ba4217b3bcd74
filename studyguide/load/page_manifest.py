"""Every page of a build as MkDocs made it: its source path, the URL and the built file
MkDocs gave it, its title and its place in the nav. One definition of the site's URLs:
the hook macros/hooks/page_manifest.py makes it once per build from MkDocs' own Files and
Navigation (`from_mkdocs`) and writes it into the site as pages.json; the PDF and the
EPUB, made from the built site afterwards, read it there (`read`), so that a page moved
in mkdocs.yml's nav, or use_directory_urls turned off, reaches them without a code change.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from studyguide.errors import GuideError, Problem, did_you_mean

FILE = "pages.json"  # in the site folder, beside index.html
VERSION = 1


@dataclass(frozen=True)
class Page:
    src: str  # docs-relative source: "sources/shi-2014.md", "terms/hukou.md"
    url: str  # site-relative, as MkDocs gives it: "" (home), "glossary/", "terms/hukou/"
    dest: str  # the built file: "index.html", "glossary/index.html"
    title: str  # as the nav and the page's <title> show it
    sections: tuple[str, ...] = ()  # the nav sections it sits in, outermost first
    nav_index: int | None = None  # its place in the nav's order; None: not in the nav
    nav_title: str | None = None  # the title mkdocs.yml's nav gives it, if it names one


class Manifest:
    def __init__(self, pages, use_directory_urls: bool = True):
        self.pages: tuple[Page, ...] = tuple(pages)
        self.use_directory_urls = use_directory_urls
        self.by_src = {p.src: p for p in self.pages}

    def page(self, src: str) -> Page:
        """The page built from `src`; a GuideError names the nearest page if none is."""
        try:
            return self.by_src[src]
        except KeyError:
            raise GuideError(
                Problem(
                    FILE, None, src, f"no such page in the build{did_you_mean(src, self.by_src)}"
                )
            ) from None

    def url(self, src: str, anchor: str | None = None) -> str:
        """The site-relative URL of the page built from `src`, with `#anchor` if given."""
        return self.page(src).url + (f"#{anchor}" if anchor else "")

    def nav(self) -> list[Page]:
        """The pages of the nav, in its order."""
        return sorted((p for p in self.pages if p.nav_index is not None), key=lambda p: p.nav_index)

    def to_json(self) -> str:
        data = {
            "version": VERSION,
            "generated": "by MkDocs (macros/hooks/page_manifest.py): each page's URL, nav place",
            "use_directory_urls": self.use_directory_urls,
            "pages": [asdict(p) for p in self.pages],
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _named(items) -> dict[str, str]:
    """The pages mkdocs.yml's nav names itself ({title: path}): path -> title."""
    named = {}
    for item in items or ():
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    named[value] = str(title)
                else:
                    named |= _named(value)
    return named


def from_mkdocs(nav, files, config) -> Manifest:
    """The manifest of a build from MkDocs' Navigation and Files, once every page has been
    read (on_env: titles are final): nav pages in nav order, then the others by path."""
    place: dict[str, tuple[tuple[str, ...], int]] = {}
    named = _named(config["nav"])

    def walk(items, sections: tuple[str, ...]) -> None:
        for item in items:
            if getattr(item, "is_section", False):
                walk(item.children, (*sections, str(item.title)))
            elif getattr(item, "is_page", False):
                place[item.file.src_uri] = (sections, len(place))

    walk(nav.items, ())
    pages = []
    for file in files.documentation_pages():
        page = file.page
        if page is None:
            continue
        sections, index = place.get(file.src_uri, ((), None))
        pages.append(
            Page(
                file.src_uri,
                page.url,
                file.dest_uri,
                str(page.title or ""),
                sections,
                index,
                named.get(file.src_uri),
            )
        )
    pages.sort(key=lambda p: (p.nav_index is None, p.nav_index or 0, p.src))
    return Manifest(pages, config["use_directory_urls"])


def read(site_dir: Path) -> Manifest:
    """The manifest a build wrote into `site_dir`; a GuideError says what is wrong."""
    path = Path(site_dir) / FILE
    if not path.is_file():
        raise GuideError(
            Problem(str(path), None, None, "no page manifest: build the site with mkdocs first")
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise ValueError(f"version {data.get('version')!r}, expected {VERSION}")
        pages = [
            Page(
                str(p["src"]),
                str(p["url"]),
                str(p["dest"]),
                str(p["title"]),
                tuple(p.get("sections") or ()),
                p.get("nav_index"),
                p.get("nav_title"),
            )
            for p in data["pages"]
        ]
        return Manifest(pages, bool(data.get("use_directory_urls", True)))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise GuideError(
            Problem(str(path), None, None, f"not a page manifest this code can read: {error}")
        ) from error
