"""Citations through CSL: data/sources.yaml as CSL-JSON, rendered by citeproc-py with the
official styles vendored in studyguide/cite/csl/ (APA 7th, Chicago 18th notes and
bibliography, Chicago 18th author-date).

Titles are stored in sentence case, as CSL expects: APA prints them so, and the Chicago
styles set them in title case themselves. The CSL-JSON follows the record exactly: no stated date means no `issued` (the styles
print "n.d."), an unnamed author is left out (the styles let the title lead), and only a
URL that the text itself gives is kept.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from citeproc import CitationStylesStyle


@cache
def _citeproc():
    """citeproc-py, with our two patches applied (citeproc_gaps, citeproc_speed), imported
    only when a citation is not in the cache (RenderedCache): 15 ms of every build else."""
    import citeproc
    import citeproc.source.json

    from studyguide.cite import citeproc_gaps, citeproc_speed

    citeproc_gaps.apply()
    citeproc_speed.apply()
    return citeproc


CSL_DIR = files("studyguide.cite") / "csl"  # package data (pyproject.toml)
STYLES = {  # file name in csl/ -> label on the page
    "chicago-notes-bibliography": "Chicago (notes and bibliography)",
    "chicago-author-date": "Chicago (author-date)",
    "apa": "APA (7th ed.)",
}
CSL_TYPES = {  # the registry's genre -> CSL item type
    "working paper": "report",
    "interview": "article-newspaper",
    "translation with commentary": "webpage",
    "interview excerpt": "webpage",
    "blog post with comments": "post-weblog",
}
ROLES = {
    "author": "author",
    "interviewer": "interviewer",
    "interviewee": "author",
    "translated author": "original-author",
}
SERIES_NUMBER = re.compile(r"^(?P<series>.+?) (?P<number>\d[\d.-]*)$")
KEEP_CAPITALS = {
    "China",
    "China's",
    "Chinese",
    "NGO",
    "NGOs",
    "Guangdong",
    "ISSI",
    "UC",
    "Berkeley",
}
MONTHS = (
    "January February March April May June July August September October November December".split()
)


def capitals_kept(words: list[str]) -> list[tuple[str, bool]]:
    """Each word's core (without quotes and punctuation) and whether its capitals stay in
    sentence case: after a colon, a proper noun, an acronym. (The first word is the
    caller's: sentence case keeps it; BibTeX styles never lower its first letter.)"""
    out = []
    for i, word in enumerate(words):
        core = word.strip("'\"‘’“”[]:,.")
        after_colon = i > 0 and words[i - 1].endswith(":")
        out.append(
            (core, after_colon or core in KEEP_CAPITALS or (core.isupper() and len(core) > 1))
        )
    return out


def sentence_case(title: str) -> str:
    """APA sentence case: first word, first after a colon, and proper nouns keep capitals."""
    words = title.split(" ")
    return " ".join(
        word if i == 0 or keep else word.lower()
        for i, (word, (_, keep)) in enumerate(zip(words, capitals_kept(words), strict=True))
    )


def _name(person) -> dict:
    if "family" in person:
        return {"family": person["family"], "given": person["given"]}
    return {"literal": person["name"]}


def _issued(source) -> dict | None:
    if not source["year"]:
        return None
    day, month, year = (source["date"].split() + [None, None, None])[:3]
    if month in MONTHS and year == str(source["year"]):
        return {"date-parts": [[source["year"], MONTHS.index(month) + 1, int(day)]]}
    return {"date-parts": [[source["year"]]]}


def csl_item(source_id: str, source) -> dict:
    """One source as a CSL-JSON item (studyguide/schemas/csl-data.schema.json)."""
    item: dict = {
        "id": source_id,
        "type": CSL_TYPES[source["genre"]],
        "title": sentence_case(source["title"]),
    }
    people = source["people"]
    interviewed = [p for p in people if p.get("role") == "interviewee"]
    authors = [p for p in people if p.get("role", "author") == "author"]
    for person in people:
        role = ROLES[person.get("role", "author")]
        if person.get("role") == "interviewee" and authors:
            continue  # a published interview is the byline's; the interviewee goes in genre
        item.setdefault(role, []).append(_name(person))
    genre = {
        "working paper": "Working paper",
        "interview": "Interview",
        "interview excerpt": "Interview excerpt",
    }.get(source["genre"])
    if source["genre"] == "interview" and interviewed and authors:
        genre = f"Interview with {interviewed[0]['name']}"
    if genre:
        item["genre"] = genre
    container = source.get("container")
    if container and item["type"] == "report" and (match := SERIES_NUMBER.match(container)):
        item["collection-title"], item["number"] = match["series"], match["number"]
    elif container:
        item["container-title"] = container
    if source.get("publisher"):
        item["publisher"] = source["publisher"]
    if source.get(
        "cite_note"
    ):  # what the styles print of it: the genre (the note field they do not)
        item["note"] = re.sub(r"\*([^*]+)\*", r"\1", source["cite_note"])
        if source["genre"] == "translation with commentary":
            item["genre"] = item["note"]
    if issued := _issued(source):
        item["issued"] = issued
    if source.get("url"):
        item["URL"] = source["url"]
    return item


@cache
def _style(name: str) -> CitationStylesStyle:
    # The file itself, not its name: citeproc-py would take a name it cannot find as one of
    # its own bundled styles.
    with (CSL_DIR / f"{name}.csl").open("rb") as style:
        return _citeproc().CitationStylesStyle(style, validate=False)


def _punctuation_in_quote(text: str) -> str:
    """American English (the en-US locale's punctuation-in-quote, which citeproc-py skips)."""
    return re.sub(r"”([.,])", r"\1”", text)


def _render(item: dict, style: str, locator: tuple[str, str] | None = None) -> tuple[str, str]:
    """Once per item, style and locator in a process (citeproc-py takes ~50-90 ms a
    citation; the pages and the open data ask for the same ones), and across builds from
    .cache/ (RenderedCache): an unchanged source is not rendered again."""
    item_json = json.dumps(item, sort_keys=True)
    key = json.dumps([item_json, style, list(locator) if locator else None])
    disk = RenderedCache.shared()
    if key not in disk.entries:
        disk.add(key, _rendered(item_json, style, locator))
    return tuple(disk.entries[key])


class RenderedCache:
    """Rendered citations kept in .cache/citations.json ($GUIDE_CACHE_DIR), under a key
    that digests what decides them: this module, citeproc_gaps, the CSL styles and
    citeproc-py's version. Written as soon as something new is rendered (atomically)."""

    _shared: RenderedCache | None = None

    def __init__(self, path: Path | None):
        from importlib.metadata import version

        from studyguide.load.cache import digest

        self.path = path
        code = [
            Path(__file__).read_bytes(),
            Path(__file__).with_name("citeproc_gaps.py").read_bytes(),
            *(
                p.read_bytes()
                for p in sorted(CSL_DIR.iterdir(), key=str)
                if p.name.endswith(".csl")
            ),
        ]
        self.key = digest(version("citeproc-py").encode(), *code)
        self.entries: dict[str, list[str]] = {}
        try:
            stored = json.loads(path.read_text(encoding="utf-8")) if path else {}
            if stored.get("key") == self.key:
                self.entries = stored["entries"]
        except (OSError, ValueError, KeyError):
            pass

    @classmethod
    def shared(cls) -> RenderedCache:
        if cls._shared is None:
            from studyguide import ROOT
            from studyguide.load.cache import cache_dir

            folder = cache_dir(ROOT)
            cls._shared = cls(folder / "citations.json" if folder else None)
        return cls._shared

    def add(self, key: str, rendered: tuple[str, str]) -> None:
        import os
        import tempfile

        self.entries[key] = list(rendered)
        if not self.path:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=self.path.parent, delete=False, suffix=".tmp"
            ) as out:
                json.dump({"key": self.key, "entries": self.entries}, out, ensure_ascii=False)
            os.replace(out.name, self.path)
        except OSError:
            pass  # a read-only checkout renders every time


@cache
def _rendered(item_json: str, style: str, locator: tuple[str, str] | None) -> tuple[str, str]:
    item = json.loads(item_json)
    cp = _citeproc()
    bibliography = cp.CitationStylesBibliography(
        _style(style), cp.source.json.CiteProcJSON([item]), cp.formatter.html
    )
    cite_item = (
        cp.CitationItem(item["id"], locator=cp.Locator(*locator))
        if locator
        else cp.CitationItem(item["id"])
    )
    citation = cp.Citation([cite_item])
    bibliography.register(citation)
    note = bibliography.cite(citation, lambda _: None)
    entries = bibliography.bibliography()
    entry = str(entries[0]) if entries else ""
    return _punctuation_in_quote(entry), _punctuation_in_quote(str(note))


def reference(item: dict, style: str) -> str:
    """The bibliography entry (HTML: <i> for italics, text escaped)."""
    return _render(item, style)[0]


def passage(item: dict, style: str, location: str) -> str:
    """A note or in-text citation of one passage, the excerpt's location as the locator."""
    if match := re.match(r"§(\d+)", location):
        return _render(item, style, ("section", match[1]))[1]
    if match := re.search(r"paragraph (\d+)$", location):
        return _render(item, style, ("paragraph", match[1]))[1]
    return _render(item, style, (None, location))[1]


def guide_item(cff: dict) -> dict:
    """The guide itself, from CITATION.cff, as a CSL-JSON item (a dataset, as CFF has it)."""
    author = cff["authors"][0]
    name = (
        {"literal": author["name"]}
        if "name" in author
        else {"family": author["family-names"], "given": author["given-names"]}
    )
    year, month, day = (int(part) for part in str(cff["date-released"]).split("-"))
    return {
        "id": "guide",
        "type": "dataset",
        "title": sentence_case(cff["title"]),
        "author": [name],
        "version": str(cff["version"]),
        "genre": "Study guide",
        "issued": {"date-parts": [[year, month, day]]},
        "URL": cff["url"],
    }


def plain(rendered: str) -> str:
    """A rendered citation as plain text (for RIS, COinS and the like)."""
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))
