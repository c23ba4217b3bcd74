"""Flashcards from glossary.yaml: an Anki deck (.apkg, via genanki) and a CSV.

Ids are fixed, and each note's guid is derived from its glossary key, so re-importing an
updated deck updates the learner's existing cards instead of duplicating them and their
review history survives.
"""

from __future__ import annotations

import csv
import io
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import markdown

from studyguide.load.glossary import Glossary

DECK_ID = 1_794_305_117  # fixed forever: Anki matches decks by id
MODEL_ID = 1_651_802_349  # fixed forever: changing it orphans learners' cards
DECK_NAME = "Social Management to Social Governance: glossary"
GUID_NAMESPACE = "social-governance-guide"
CSV_FIELDS = ["hanzi", "pinyin", "english", "definition", "term", "key"]
DECK_PATH = "study/guide-glossary.apkg"  # where the site serves them
CSV_PATH = "study/guide-glossary.csv"
# genanki numbers notes and cards from a timestamp (in seconds) and stamps each note's
# modification time with it. Never 0, which would give the first note the id 0 (Anki
# cannot render such a note's cards, and its "Check Database" fails on it); never older
# than the deck a learner already has, or Anki's importer (which updates a note only
# when the incoming one is newer) keeps their old text. So: when glossary.yaml last
# changed (changed_at), and at least this floor. The stamp is part of the cache key: a deck
# made in a copy without git history must not be reused where the history gives another.
TIMESTAMP = 1_700_000_000


@cache
def model():
    """The note type. genanki is imported here, not at module load: a build whose deck is
    cached (macros.build_cache.remembered) never needs it."""
    import genanki

    return genanki.Model(
        MODEL_ID,
        "Study guide term (hanzi → meaning)",
        fields=[{"name": n} for n in ("Key", "Hanzi", "Pinyin", "Term", "English", "Definition")],
        templates=[
            {
                "name": "Hanzi → meaning",
                "qfmt": '<div class="hanzi" lang="zh-Hans">{{Hanzi}}</div>',
                "afmt": '{{FrontSide}}<hr id="answer"><div lang="zh-Latn-pinyin">{{Pinyin}}</div>'
                "<div><b>{{Term}}</b> — {{English}}</div><div>{{Definition}}</div>",
            },
            {
                "name": "Meaning → hanzi",
                "qfmt": "<div><b>{{English}}</b></div><div>{{Definition}}</div>",
                "afmt": '{{FrontSide}}<hr id="answer"><div class="hanzi" lang="zh-Hans">{{Hanzi}}</div>'
                '<div lang="zh-Latn-pinyin">{{Pinyin}}</div><div>{{Term}}</div>',
            },
        ],
        css=".card { font-family: system-ui, sans-serif; font-size: 20px; text-align: center; }"
        " .hanzi { font-size: 48px; font-family: 'Noto Sans CJK SC', 'PingFang SC', sans-serif; }",
    )


def guid(key: str) -> str:
    import genanki

    return genanki.guid_for(GUID_NAMESPACE, key)


def _html(text: str) -> str:
    """Definition Markdown as HTML; raw HTML in the YAML is escaped, not kept."""
    return markdown.markdown(text.replace("<", "&lt;").replace(">", "&gt;"))


def deck(glossary: Glossary, guide=None):
    """The glossary notes, and with a loaded `guide` also its excerpt notes (cloze and
    "who wrote this?", studyguide.outputs.anki_excerpts)."""
    import genanki

    result = genanki.Deck(DECK_ID, DECK_NAME)
    for e in glossary.sorted():
        fields = [e.key, e.hanzi, e.pinyin, e.term, e.english, _html(e.definition)]
        result.add_note(
            genanki.Note(model=model(), fields=fields, guid=guid(e.key), sort_field=e.key)
        )
    if guide is not None:
        from studyguide.outputs.anki_excerpts import notes

        for note in notes(guide, GUID_NAMESPACE):
            result.add_note(note)
    return result


def apkg_bytes(glossary: Glossary, guide=None, timestamp: int = TIMESTAMP) -> bytes:
    import genanki

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deck.apkg"
        genanki.Package(deck(glossary, guide)).write_to_file(
            str(path), timestamp=max(TIMESTAMP, timestamp)
        )
        return path.read_bytes()


def deck_inputs(root: Path) -> list[Path]:
    """The data files the deck is made from: the glossary, and the excerpts with their
    sources when the project has them."""
    with_excerpts = (root / "data/excerpts").is_dir() and (root / "data/sources.yaml").is_file()
    return [root / "glossary.yaml"] + (
        sorted((root / "data/excerpts").glob("*.yaml")) + [root / "data/sources.yaml"]
        if with_excerpts
        else []
    )


def changed_at(paths: list[Path]) -> int:
    """When the files last changed: the latest commit touching them, or, for a file with
    edits not yet committed, its modification time (newer than any deck published before the
    edit). Two git calls however many files; a folder outside git counts modification times."""
    root = paths[0].parent

    def git(*args) -> str | None:
        try:
            done = subprocess.run(
                ["git", *args, "--", *map(str, paths)],
                cwd=root,
                capture_output=True,
                text=True,
                timeout=60,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout if done.returncode == 0 else None

    status, committed = (
        git("status", "--porcelain", "--untracked-files=all"),
        git("log", "-1", "--format=%ct"),
    )
    if status is None or committed is None or not committed.strip().isdigit():
        return max(int(p.stat().st_mtime) for p in paths)
    edited = [
        p for p in paths if any(line[3:].strip().endswith(p.name) for line in status.splitlines())
    ]
    return max([int(committed.strip())] + [int(p.stat().st_mtime) for p in edited])


def csv_text(glossary: Glossary) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for e in glossary.sorted():
        writer.writerow(
            [e.hanzi, e.pinyin, e.english, " ".join(e.definition.split()), e.term, e.key]
        )
    return "\ufeff" + out.getvalue()  # BOM: spreadsheet programs then read the hanzi as UTF-8


def files(root: Path) -> tuple[bytes, bytes]:
    """The deck and the CSV for the guide at `root`, from .cache/ when nothing they are made
    from has changed: glossary.yaml, the excerpts and sources (when the guide has them),
    the modules that make the notes, genanki and Markdown."""
    from importlib.metadata import version

    from studyguide.cite import citations
    from studyguide.load import glossary as glossary_module
    from studyguide.load.cache import Checks, digest, remembered
    from studyguide.outputs import anki_excerpts
    from studyguide.practice import cards, context

    source = root / "glossary.yaml"
    data = deck_inputs(root)
    with_excerpts = len(data) > 1
    modules = (glossary_module, anki_excerpts, citations, cards, context)
    code = [Path(module.__file__).read_bytes() for module in modules] + [
        Path(__file__).read_bytes()
    ]
    stamp = changed_at(data)  # notes carry the data's last change (Anki updates only newer notes)
    key = digest(
        *(p.read_bytes() for p in data),
        *code,
        str(stamp).encode(),
        version("genanki").encode(),
        version("markdown").encode(),
    )
    loaded = cache(lambda: glossary_module.load_glossary(source, checks=Checks.at(root)))

    def make_deck() -> bytes:
        if not with_excerpts:
            return apkg_bytes(loaded(), timestamp=stamp)
        from studyguide.load.guide import load_guide

        guide = load_guide(root)
        return apkg_bytes(guide.glossary, guide, stamp)

    deck_bytes = remembered(root, "guide-glossary.apkg", key, make_deck)
    table = remembered(root, "guide-glossary.csv", key, lambda: csv_text(loaded()).encode("utf-8"))
    return deck_bytes, table
