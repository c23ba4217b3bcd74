"""A source's CSL-JSON item (studyguide.cite.citations.csl_item) in the formats reference
managers read: BibTeX (.bib), RIS (.ris), CSL-JSON (.json), and a COinS span on the page
(OpenURL 1.0 key/encoded-value, which Zotero's connector detects on a page that describes
several works). One item, four renderings: they cannot disagree with the styled citations.

Metadata the target format has no field for (an interviewer in BibTeX, the translated
author) stays in the item's note, which every format carries.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

from studyguide.cite import citations

FORMATS = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON"}  # extension -> label on the card
BIBTEX_TYPES = {"report": "techreport", "article-newspaper": "article", "dataset": "misc"}
RIS_TYPES = {
    "report": "RPRT",
    "article-newspaper": "NEWS",
    "webpage": "ELEC",
    "post-weblog": "BLOG",
    "dataset": "DATA",
}
BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")


def export_path(source_id: str, extension: str) -> str:
    """Where the site serves a source's file (beside its page): sources/shi-2014.bib."""
    return f"sources/{source_id}.{extension}"


def _name(person: dict, family_first: bool = True) -> str:
    if "literal" in person:
        return person["literal"]
    return (
        f"{person['family']}, {person['given']}"
        if family_first
        else f"{person['given']} {person['family']}"
    )


def _note(item: dict) -> str | None:
    """The note, unless the genre already says it (a commentary's description is both)."""
    return item.get("note") if item.get("note") != item.get("genre") else None


def _date_parts(item: dict) -> list[int]:
    return item["issued"]["date-parts"][0] if "issued" in item else []


def _bib_value(text: str) -> str:
    return "{" + BIBTEX_SPECIAL.sub(r"\\\1", text) + "}"


def _bib_title(title: str) -> str:
    """The title with the words whose capitals must survive a style's case change (proper
    nouns, acronyms, the first word after a colon: the words citations.sentence_case keeps)
    in braces, as BibTeX styles that lower-case titles expect: "... in {China}: {Reframing} ..."."""
    words = BIBTEX_SPECIAL.sub(r"\\\1", title).split(" ")
    for i, (core, keep) in enumerate(citations.capitals_kept(words)):
        if keep and core[:1].isupper():
            words[i] = words[i].replace(core, "{" + core + "}", 1)
    return "{" + " ".join(words) + "}"


def _bib_name(person: dict) -> str:
    # A name without family/given parts (an organization, initials) is braced whole, so
    # BibTeX does not split it into first and last names.
    return (
        "{" + BIBTEX_SPECIAL.sub(r"\\\1", person["literal"]) + "}"
        if "literal" in person
        else BIBTEX_SPECIAL.sub(r"\\\1", _name(person))
    )


def bibtex(item: dict) -> str:
    """One BibTeX entry (UTF-8, as biblatex and modern BibTeX read it)."""
    kind = BIBTEX_TYPES.get(item["type"], "misc")
    fields: list[tuple[str, str]] = []
    if item.get("author"):
        fields.append(("author", "{" + " and ".join(_bib_name(p) for p in item["author"]) + "}"))
    fields.append(("title", _bib_title(item["title"])))
    container = item.get("container-title")
    if container:
        fields.append(("journal" if kind == "article" else "howpublished", _bib_value(container)))
    for csl, bib in (
        ("collection-title", "series"),
        ("number", "number"),
        ("genre", "type"),
        ("version", "version"),
    ):
        if item.get(csl):
            fields.append((bib, _bib_value(str(item[csl]))))
    if item.get("publisher"):
        fields.append(
            ("institution" if kind == "techreport" else "publisher", _bib_value(item["publisher"]))
        )
    parts = _date_parts(item)
    if parts:
        fields.append(("year", _bib_value(str(parts[0]))))
        fields.append(
            ("date", _bib_value("-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))))
        )
    if item.get("interviewer"):
        note = "Interviewer: " + "; ".join(_name(p, False) for p in item["interviewer"])
        fields.append(("note", _bib_value(note + (". " + _note(item) if _note(item) else ""))))
    elif _note(item):
        fields.append(("note", _bib_value(_note(item))))
    if item.get("URL"):
        fields.append(("url", "{" + item["URL"] + "}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{kind}{{{item['id']},\n{body}\n}}\n"


def ris(item: dict) -> str:
    """One RIS record (the tags Zotero, EndNote and Mendeley read)."""
    lines = [("TY", RIS_TYPES.get(item["type"], "GEN"))]
    lines += [("AU", _name(p)) for p in item.get("author", [])]
    lines += [("A2", _name(p)) for p in item.get("interviewer", [])]
    lines.append(("TI", item["title"]))
    for csl, tag in (
        ("container-title", "T2"),
        ("collection-title", "T3"),
        ("number", "SN"),
        ("publisher", "PB"),
        ("genre", "M3"),
        ("version", "ET"),
        ("URL", "UR"),
    ):
        if item.get(csl):
            lines.append((tag, str(item[csl])))
    if _note(item):
        lines.append(("N1", _note(item)))
    parts = _date_parts(item)
    if parts:
        lines.append(("PY", str(parts[0])))
        lines.append(
            (
                "DA",
                "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))
                + ("/" if len(parts) < 3 else ""),
            )
        )
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}".rstrip() + "\r\n" for tag, value in lines)


def csl_json(item: dict) -> str:
    """The item as a CSL-JSON document (an array of one item, studyguide/schemas/csl-data.schema.json)."""
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def coins(item: dict) -> str:
    """The OpenURL ContextObject for a COinS span's title attribute: a report as a book
    (genre report), a newspaper interview as an article, anything else as Dublin Core."""
    people = item.get("author", [])
    pairs: list[tuple[str, str]] = [("ctx_ver", "Z39.88-2004")]
    date = "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(_date_parts(item)))
    if item["type"] in ("report", "article-newspaper"):
        book = item["type"] == "report"
        pairs += [
            ("rft_val_fmt", f"info:ofi/fmt:kev:mtx:{'book' if book else 'journal'}"),
            ("rft.genre", "report" if book else "article"),
            ("rft.btitle" if book else "rft.atitle", item["title"]),
        ]
        if item.get("container-title"):
            pairs.append(("rft.jtitle", item["container-title"]))
        if item.get("collection-title"):
            pairs.append(
                ("rft.series", f"{item['collection-title']} {item.get('number', '')}".strip())
            )
        if item.get("publisher"):
            pairs.append(("rft.pub", item["publisher"]))
        for person in people:
            pairs += (
                [("rft.aulast", person["family"]), ("rft.aufirst", person["given"])]
                if "family" in person
                else [("rft.aucorp", person["literal"])]
            )
        if date:
            pairs.append(("rft.date", date))
    else:
        pairs += [
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"),
            ("rft.type", item.get("genre", item["type"])),
            ("rft.title", item["title"]),
        ]
        pairs += [("rft.creator", _name(p)) for p in people]
        for csl, key in (
            ("container-title", "rft.source"),
            ("publisher", "rft.publisher"),
            ("URL", "rft.identifier"),
        ):
            if item.get(csl):
                pairs.append((key, item[csl]))
        if _note(item):
            pairs.append(("rft.description", _note(item)))
        if date:
            pairs.append(("rft.date", date))
    if item.get("URL"):
        pairs.append(("rft_id", item["URL"]))
    return urlencode(pairs)


def coins_span(item: dict) -> str:
    """An empty span Zotero's connector reads (no text: screen readers skip it)."""
    return f'<span class="Z3988" title="{coins(item).replace("&", "&amp;")}"></span>'


RENDER = {"bib": bibtex, "ris": ris, "json": csl_json}


def source_files(sources: dict) -> dict[str, str]:
    """Every source's downloads: site path -> text."""
    return {
        export_path(source_id, ext): RENDER[ext](citations.csl_item(source_id, source))
        for source_id, source in sources.items()
        for ext in FORMATS
    }
