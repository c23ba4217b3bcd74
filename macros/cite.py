"""'How to cite': Chicago (bibliography) and APA (7th ed.) strings from data/sources.yaml.

Both follow the record exactly: no date becomes 'n.d.', an unnamed author is left out
(the title leads), and only a URL that the text itself gives is printed.
"""

from __future__ import annotations

import re

from .links import md_text

KEEP_CAPITALS = {"China", "China's", "Chinese", "NGO", "NGOs", "Party", "Guangdong", "ISSI", "UC", "Berkeley"}


def _authors(source, roles=("author", "translated author")):
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
        core = word.strip("'\"‘’“”[]")
        after_colon = i > 0 and words[i - 1].endswith(":")
        if i == 0 or after_colon or core in KEEP_CAPITALS or core.isupper():
            out.append(word)
        else:
            out.append(word.lower())
    return " ".join(out)


def _interviewee(source) -> str:
    people = _authors(source, ("interviewee",))
    return f" Interview with {people[0]['name']}." if people and _authors(source) else ""


def chicago(source) -> str:
    authors = _authors(source)
    lead = ""
    if authors:
        names = [_chicago_name(p, i == 0) for i, p in enumerate(authors)]
        lead = " and ".join(names).rstrip(".") + ". "
    title = f"“{source['title'].rstrip('.')}.”"
    parts = [f"{lead}{title}{_interviewee(source)}"]
    if source.get("container"):
        parts.append(f"*{source['container']}*")
    if source.get("publisher"):
        parts.append(source["publisher"])
    text = ". ".join(parts) + f", {source['date'] if source['year'] else 'n.d.'}."
    if source.get("url"):
        text += f" {source['url']}."
    return md_text(re.sub(r"\.\.", ".", text))


def apa(source) -> str:
    authors = _authors(source)
    year = f"({source['year']})" if source["year"] else "(n.d.)"
    title = sentence_case(source["title"])
    genre = f" [{source['genre'].capitalize()}]"
    if authors:
        names = [_apa_name(p) for p in authors]
        lead = (", ".join(names[:-1]) + ", & " + names[-1]) if len(names) > 1 else names[0]
        text = f"{lead.rstrip('.')}. {year}. {title}{genre}."
    else:
        text = f"{title}{genre}. {year}."
    if source.get("container"):
        text += f" *{source['container']}*."
    if source.get("publisher"):
        text += f" {source['publisher']}."
    if source.get("url"):
        text += f" {source['url']}"
    return md_text(text)
