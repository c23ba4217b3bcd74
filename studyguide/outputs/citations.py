"""'How to cite': Chicago (bibliography) and APA (7th ed.) strings from data/sources.yaml.

Both follow the record exactly: no stated date becomes 'n.d.', an unnamed author is left
out (the title leads), and only a URL that the text itself gives is printed.
"""

from __future__ import annotations

from studyguide.render.links import md_text

KEEP_CAPITALS = {"China", "China's", "Chinese", "NGO", "NGOs", "Guangdong", "ISSI", "UC", "Berkeley"}
ITALIC_GENRES = {"interview", "blog post with comments", "interview excerpt", "translation with commentary"}


def _people(source, roles):
    return [p for p in source["people"] if p.get("role", "author") in roles]


def _chicago_name(person, first: bool) -> str:
    if "family" not in person:
        return person["name"]
    return f"{person['family']}, {person['given']}" if first else f"{person['given']} {person['family']}"


def _apa_name(person) -> str:
    if "family" not in person:
        return person["name"]
    initials = "-".join(f"{part[0]}." for part in person["given"].split("-"))
    return f"{person['family']}, {initials}"


def sentence_case(title: str) -> str:
    """APA sentence case: first word, first after a colon, and proper nouns keep capitals."""
    words = title.split(" ")
    out = []
    for i, word in enumerate(words):
        core = word.strip("'\"‘’“”[]:,.")
        after_colon = i > 0 and words[i - 1].endswith(":")
        keep = i == 0 or after_colon or core in KEEP_CAPITALS or (core.isupper() and len(core) > 1)
        out.append(word if keep else word.lower())
    return " ".join(out)


def _end(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def _container(source) -> str | None:
    container = source.get("container")
    if not container:
        return None
    return f"*{container}*" if source["genre"] in ITALIC_GENRES else container


def chicago(source) -> str:
    authors = _people(source, ("author",))
    parts = []
    lead = " and ".join(_chicago_name(p, i == 0) for i, p in enumerate(authors))
    title = f"“{_end(source['title'])}”"
    parts.append(f"{_end(lead)} {title}" if lead else title)
    interviewees = _people(source, ("interviewee",))
    if interviewees and authors:
        parts.append(f"Interview with {interviewees[0]['name']}.")
    if source.get("cite_note"):
        parts.append(_end(source["cite_note"]))
    tail = [c for c in (_container(source), source.get("publisher")) if c]
    tail.append(source["date"] if source["year"] else "n.d.")
    parts.append(_end(", ".join(tail)))
    if source.get("url"):
        parts.append(_end(source["url"]))
    return md_text(" ".join(parts))


def apa(source) -> str:
    authors = _people(source, ("author",))
    year = f"({source['year']})." if source["year"] else "(n.d.)."
    title = sentence_case(source["title"])
    if source["genre"] == "working paper" and source.get("container"):
        described = f"{title} ({source['container']})."
        container = None
    else:
        described = f"{title} [{source['genre'].capitalize()}]."
        container = _container(source)
    if authors:
        names = [_apa_name(p) for p in authors]
        lead = (", ".join(names[:-1]) + ", & " + names[-1]) if len(names) > 1 else names[0]
        parts = [_end(lead), year, described]
    else:
        parts = [described, year]
    if source.get("cite_note"):
        parts.append(_end(source["cite_note"]))
    parts += [_end(c) for c in (container, source.get("publisher")) if c]
    if source.get("url"):
        parts.append(source["url"])
    return md_text(" ".join(parts))


def guide_citations(cff: dict) -> tuple[str, str]:
    """(Chicago, APA) for the guide itself, from CITATION.cff."""
    who = cff["authors"][0].get("name") or f"{cff['authors'][0]['family-names']}, {cff['authors'][0]['given-names']}"
    year = str(cff["date-released"])[:4]
    title, version, url = cff["title"], cff["version"], cff["url"]
    chicago_text = f"{who}. *{title}*. Version {version}. {year}. {url}."
    apa_text = f"{who}. ({year}). *{title}* (Version {version}) [Study guide]. {url}"
    return md_text(chicago_text), md_text(apa_text)
