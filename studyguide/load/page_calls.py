"""The macro calls in the guide's pages (docs/**/*.md), read with Jinja's own parser (the
one mkdocs-macros renders them with, so `{% raw %}` and comments count as they do in a
build), and each key they name checked against the loaded data, with the file and line.

A build finds the same unknown keys as it renders (studyguide.render.blocks), but only
one page at a time and without a line number; this check finds them all before building.
The calls read from each page's text are remembered under the digest of that text
(load.memo), so a build re-reads only the pages that changed; the keys are checked
against the data every time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError, nodes
from jinja2.defaults import DEFAULT_NAMESPACE

from studyguide.errors import GuideError, Problem, did_you_mean
from studyguide.load import front_matter, page_paths
from studyguide.load.guide import Guide
from studyguide.load.memo import Table, code_key, digest

# Each macro registered in studyguide/site_macros.py and what its first argument names
# (None: no key). tests/test_page_calls.py keeps this table equal to the registry.
KEYS: dict[str, str | None] = {
    "term": "term",
    "term_page": "term",
    "who": "person",
    "excerpt": "excerpt",
    "key_excerpts": "source",
    "source_card": "source",
    "who_says_what": "positions",
    "self_check": "selfcheck",
    "zh": None,
    "pinyin": None,
    "cite_guide": None,
    "glossary_page": None,
    "people_page": None,
    "timeline_page": None,
    "tracker_page": None,
    "review_page": None,
    "sheets_page": None,
    "reading_time": None,
}
# What else a page may call: Jinja's globals and the ones mkdocs-macros adds.
OTHER_CALLABLES = {*DEFAULT_NAMESPACE, "context", "macros_info", "now", "fix_url"}

# kind -> (what the build calls it, where the keys are defined); the messages are the
# build's own (studyguide.render.blocks).
KINDS = {
    "term": ("glossary term", "glossary.yaml"),
    "person": ("who's-who key", "data/people.yaml"),
    "excerpt": ("excerpt id", "data/excerpts/*.yaml"),
    "source": ("source id", "data/sources.yaml"),
    "positions": ("positions theme", "data/positions/ (one file per theme)"),
    "selfcheck": ("self-check theme", "data/selfcheck.yaml"),
}


@dataclass(frozen=True)
class Call:
    name: str
    line: int
    key: str | None  # the first argument when it is a literal string, else None


def page_text(path: Path, display: str | None = None) -> str:
    """The page as mkdocs-macros renders it: without its front matter, whose lines are kept
    blank so that line numbers are the file's."""
    page = front_matter.read_file(path, display)
    return "\n" * page.offset + page.body


def calls(text: str) -> list[Call]:
    """Every call of a named function in the template, in order; raises TemplateSyntaxError."""
    tree = Environment().parse(text)
    own = {m.name for m in tree.find_all(nodes.Macro)} | {
        n.name for n in tree.find_all(nodes.Name) if n.ctx == "store"
    }
    found = []
    for node in tree.find_all(nodes.Call):
        if (
            isinstance(node.node, nodes.Name) and node.node.name not in own
        ):  # not a {% macro %} or {% set %} of the page's own
            first = node.args[0] if node.args else None
            key = (
                first.value
                if isinstance(first, nodes.Const) and isinstance(first.value, str)
                else None
            )
            found.append(Call(node.node.name, node.lineno, key))
    return sorted(found, key=lambda c: c.line)


def valid_keys(guide: Guide, kind: str):
    return {
        "term": guide.glossary.entries,
        "person": guide.people,
        "excerpt": guide.excerpts,
        "source": guide.sources,
        "positions": guide.positions,
        "selfcheck": guide.selfcheck,
    }[kind]


@dataclass
class PageReport:
    pages: int = 0
    calls: int = 0
    keys: int = 0


def page_problems(guide: Guide, docs: Path, report: PageReport | None = None) -> list[Problem]:
    """Each page's unknown macros and unknown keys, one Problem each, as docs/<page>:<line>."""
    report = report if report is not None else PageReport()
    problems: list[Problem] = []
    read = Table(guide.root, "page-calls.json", code_key())
    for path in sorted(docs.rglob("*.md")):
        shown = f"{docs.name}/{path.relative_to(docs).as_posix()}"
        report.pages += 1
        try:
            text = page_text(path, shown)
        except GuideError as error:  # a front matter that is not YAML
            problems += error.problems
            continue
        try:
            found = [Call(*c) for c in read.get(digest(text), lambda t=text: _as_lists(calls(t)))]
        except TemplateSyntaxError as error:
            problems.append(
                Problem(
                    shown,
                    error.lineno,
                    None,
                    f"template syntax error: {error.message} "
                    "(to show {{ or {% as text, wrap it in {% raw %}…{% endraw %})",
                )
            )
            continue
        for call in found:
            report.calls += 1
            problems += _call_problems(
                guide, path.relative_to(docs).as_posix(), shown, call, report
            )
    read.save()
    return problems


def _as_lists(found: list[Call]) -> list[list]:
    """The calls as JSON keeps them (load.memo.Table)."""
    return [[c.name, c.line, c.key] for c in found]


def _call_problems(
    guide: Guide, page: str, shown: str, call: Call, report: PageReport
) -> list[Problem]:
    if call.name not in KEYS:
        if call.name in OTHER_CALLABLES:
            return []
        return [
            Problem(
                shown,
                call.line,
                call.name,
                f"unknown macro{did_you_mean(call.name, KEYS)}; "
                "the macros are registered in studyguide/site_macros.py",
            )
        ]
    kind = KEYS[call.name]
    if kind is None or call.key is None:
        return []
    report.keys += 1
    valid = valid_keys(guide, kind)
    what, where = KINDS[kind]
    if call.key not in valid:
        return [
            Problem(
                shown,
                call.line,
                call.key,
                f"unknown {what}{did_you_mean(call.key, valid)}; {what}s are the keys of {where}",
            )
        ]
    if call.name == "excerpt" and page == page_paths.source_page(
        guide.excerpts[call.key]["source"]
    ):
        return [
            Problem(
                shown,
                call.line,
                call.key,
                "this is the excerpt's own source page: it is shown there by key_excerpts(); "
                f"link to it with [text](#{call.key})",
            )
        ]
    return []
