"""The who's who page (docs/who.md): the authors and speakers of the sources, then the
others they name and the organizations, the most cited first."""

from __future__ import annotations

from studyguide.crossref.index import Index
from studyguide.load.guide import Guide
from studyguide.pages import NOTICE
from studyguide.render.blocks import excerpt_links, pinyin, source_page, zh
from studyguide.render.links import md_link, md_text, relative


def _page_links(page: str, pages: list[str], titles: dict[str, str]) -> str:
    return ", ".join(
        md_link(titles.get(p, p), relative(page, p))
        for p in sorted(pages, key=lambda p: titles.get(p, p))
    )


PEOPLE_GROUPS = (
    (
        "authors",
        "Authors and speakers",
        "The people who wrote, put the questions or spoke in the five sources, source by source.",
    ),
    (
        "people",
        "Others the texts name",
        "Officials, scholars and others the texts name, the most cited first.",
    ),
    (
        "organizations",
        "Organizations",
        "Party and state bodies, organizations, publishers and institutions, the most cited first.",
    ),
)


def people_group(guide: Guide, record) -> str:
    """Which who's-who group a record belongs to: authors and speakers are the people
    data/sources.yaml names for a source; everyone else is a person or an organization."""
    if record["kind"] == "organization":
        return "organizations"
    return "authors" if record["name"] in _speakers(guide) else "people"


def _speakers(guide: Guide) -> dict[str, tuple[int, str, str]]:
    """Name -> (place in data/sources.yaml, role, source id) for each author or speaker."""
    out = {}
    for n, (sid, source) in enumerate(guide.sources.items()):
        for m, person in enumerate(source["people"]):
            out.setdefault(person["name"], (n * 10 + m, person.get("role", ""), sid))
    return out


def citations(index: Index, key: str) -> tuple[int, int]:
    """How much the guide cites a record: (excerpts that name it, guide pages that mention it)."""
    return len(index.person_excerpts.get(key, ())), len(index.person_pages.get(key, ()))


def people_order(guide: Guide, index: Index) -> dict[str, list]:
    """The who's-who groups in reading order. Authors and speakers come first, in the order
    data/sources.yaml lists the sources and their people; everyone else by how much the guide
    cites them (excerpts naming them plus guide pages mentioning them; ties: excerpts, then name)."""
    speakers = _speakers(guide)
    groups = {key: [] for key, _, _ in PEOPLE_GROUPS}
    for r in guide.people.values():
        groups[people_group(guide, r)].append(r)
    groups["authors"].sort(key=lambda r: speakers[r["name"]][0])
    for key in ("people", "organizations"):
        groups[key].sort(
            key=lambda r: (
                -sum(citations(index, r.key)),
                -citations(index, r.key)[0],
                r["name"].lower(),
            )
        )
    return groups


def people_page(guide: Guide, index: Index, page: str) -> str:
    titles = index.page_titles
    out = [NOTICE.format(data="data/people.yaml", macro="people_page")]
    groups = people_order(guide, index)
    out.append(
        "Principal figures first: "
        + ", ".join(
            f"[{title.lower() if n else title}](#{key})"
            for n, (key, title, _) in enumerate(PEOPLE_GROUPS)
            if groups[key]
        )
        + ". Under each name, one line: the role, the sources that name them and how many of the guide's excerpts "
        "and pages cite them (the count that orders the lists); open it for what the texts say.\n"
    )
    for key, heading, blurb in PEOPLE_GROUPS:
        if not groups[key]:
            continue
        out.append(f"## {heading} {{#{key}}}\n")
        out.append(blurb + "\n")
        for r in groups[key]:
            out.append(_person(guide, index, page, r, titles))
    return "\n".join(out) + "\n"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def person_line(guide: Guide, index: Index, r) -> str:
    """The one short line under a name: role, sources, how many excerpts and guide pages
    cite them ("Official · Shi (2014) · 1 excerpt, 4 pages")."""
    speaker = _speakers(guide).get(r["name"])
    shorts = [guide.sources[s]["short"] for s in r["sources"]]
    if speaker:
        parts = [speaker[1].capitalize() or "Named", guide.sources[speaker[2]]["short"]]
    else:
        named = shorts[0] if len(shorts) == 1 else f"{len(shorts)} sources"  # one line on a phone
        parts = ["Official", named] if r.get("official") else [named]
    excerpts, pages = citations(index, r.key)
    cited = ", ".join(_plural(n, w) for n, w in ((excerpts, "excerpt"), (pages, "page")) if n)
    return md_text(" · ".join(parts + ([cited] if cited else [])))


def _person(guide: Guide, index: Index, page: str, r, titles: dict[str, str]) -> str:
    name = md_text(r["name"]) + (f" {zh(r['hanzi'])}" if r.get("hanzi") else "")
    out = [
        f"### {name} {{#{r.key} .who-name}}\n",
        '<details class="who-more" markdown>',
        f"<summary>{person_line(guide, index, r)}</summary>\n",
    ]
    if r.get("hanzi"):
        out.append(f"{zh(r['hanzi'])} · {pinyin(r['pinyin'])}\n")
    out.append(md_text(r["about"]) + "\n")
    if r.get("aliases"):
        out.append("**Also named:** " + ", ".join(md_text(a) for a in r["aliases"]) + "\n")
    out.append(
        "**Sources:** "
        + ", ".join(
            md_link(guide.sources[s]["short"], relative(page, source_page(s))) for s in r["sources"]
        )
        + "\n"
    )
    if index.person_excerpts.get(r.key):
        out.append(
            "**Excerpts:** " + excerpt_links(guide, page, index.person_excerpts[r.key]) + "\n"
        )
    if index.person_pages.get(r.key):
        out.append(
            "**Mentioned in:** " + _page_links(page, index.person_pages[r.key], titles) + "\n"
        )
    out.append("</details>\n")
    return "\n".join(out)
