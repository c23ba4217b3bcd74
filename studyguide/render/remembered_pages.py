"""Pages as the macros rendered them, remembered across builds (load.memo.Table).

Rendering a page through Jinja (parse, compile, run every macro) is most of the macros'
cost, and a build with nothing changed renders every page to the same Markdown. A page's
rendering is a function of: its Markdown and title, the loaded guide (guide.key: the data,
our code, the libraries), CITATION.cff (cite_guide), the settings of mkdocs.yml the page's
own Jinja reads (`config.repo_url`), and the cross-index as the pages rendered before it
left it (the term pages list the pages that use each term). The key digests all of them.
Rendering also adds the page's uses to the index: those are stored with the Markdown and
added again when the stored rendering is used, so the index ends the build the same.

A page is remembered only when its Jinja names nothing but the macros and `config`'s
plain settings (jinja2.meta reads the names; anything else, a loop variable of its own
say, makes it render every time), and only when it rendered without an error.
"""

from __future__ import annotations

import json

from jinja2 import Environment, TemplateSyntaxError, meta, nodes

from studyguide.crossref.index import Index
from studyguide.load.memo import Table, code_key, digest

# The index's parts that rendering adds to (the rest is the data's, in guide.key).
USES = ("term_pages", "person_pages", "excerpt_pages", "page_titles")


def names_read(markdown: str) -> tuple[list[str], list[str]] | None:
    """(the names the page's Jinja reads, the attributes of `config` it reads), or None
    when it does not parse (the render will report that)."""
    try:
        tree = Environment().parse(markdown)
    except TemplateSyntaxError:
        return None
    attributes = {
        n.attr
        for n in tree.find_all(nodes.Getattr)
        if isinstance(n.node, nodes.Name) and n.node.name == "config"
    }
    return sorted(meta.find_undeclared_variables(tree)), sorted(attributes)


def uses(index: Index) -> dict:
    """A copy of what rendering adds to the index."""
    return {
        name: {k: list(v) if isinstance(v, list) else v for k, v in getattr(index, name).items()}
        for name in USES
    }


def added(before: dict, after: dict) -> dict:
    """What rendering one page added: per part, the new items of each key."""
    out: dict = {}
    for name in USES:
        for key, value in after[name].items():
            old = before[name].get(key)
            if isinstance(value, list):
                new = [v for v in value if v not in (old or [])]
                if new:
                    out.setdefault(name, {})[key] = new
            elif old is None:
                out.setdefault(name, {})[key] = value
    return out


def add_again(index: Index, stored: dict) -> None:
    """Add a remembered page's uses to the index, as its rendering did."""
    for name, items in stored.items():
        part = getattr(index, name)
        for key, value in items.items():
            if isinstance(value, list):
                part[key] += [v for v in value if v not in part[key]]
            else:
                part.setdefault(key, value)


class Pages:
    """This build's remembered renderings: `before(...)` gives a page's stored Markdown or
    None (render it), `after(...)` stores a fresh rendering."""

    def __init__(self, root, guide_key: str, cff: bytes, macros: set[str]):
        self.table = Table(root, "rendered-pages.json", guide_key and code_key())
        self.names = Table(root, "page-names.json", code_key())
        self.base = digest(guide_key, cff)
        self.macros = macros
        self.pending: tuple[str, dict] | None = None

    def key(self, index: Index, src: str, title: str, markdown: str, config) -> str | None:
        read = self.names.get(digest(markdown), lambda: names_read(markdown))
        if read is None:
            return None
        names, attributes = read
        settings = {a: config.get(a) for a in attributes}
        if set(names) - self.macros - {"config"} or not _plain(settings):
            return None
        state = json.dumps(uses(index), sort_keys=True, ensure_ascii=False)
        return digest(self.base, src, str(title), markdown, json.dumps(settings), state)

    def before(self, index: Index, src: str, title, markdown: str, config) -> str | None:
        self.pending = None
        key = self.key(index, src, title, markdown, config)
        if key is None:
            return None
        found = self.table.get(key, lambda: None)
        if found is not None:
            add_again(index, found["uses"])
            return found["markdown"]
        self.pending = (key, uses(index))
        return None

    def after(self, index: Index, rendered: str, failed: bool) -> None:
        if self.pending and not failed:
            key, before = self.pending
            self.table.used[key] = {"markdown": rendered, "uses": added(before, uses(index))}
        self.pending = None

    def save(self) -> None:
        self.table.used = {k: v for k, v in self.table.used.items() if v is not None}
        self.table.save()
        self.names.save()


def _plain(settings: dict) -> bool:
    return all(isinstance(v, str | int | float | bool | type(None)) for v in settings.values())
