"""Remember which inputs passed a check, so unchanged inputs are not checked again, and
keep generated files whose inputs have not changed.

Only successes are remembered, keyed by the exact input (a data file's digest, a
(hanzi, pinyin) pair) under a key for the rule that decided: the checking library's
version and a digest of our modules that apply it, so editing the rule (or upgrading the
library) forgets every earlier pass. A failing input is checked and reported on every
build. Generated files (the flashcard deck) are kept under a key that digests everything
they are made from. The files live in .cache/ (gitignored), or in $GUIDE_CACHE_DIR when
set (the test suite points it at a fresh folder); deleting it only makes the next build
check and generate everything.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

CACHE_DIR = ".cache"
PACKAGE = Path(__file__).resolve().parent.parent  # studyguide/
# The modules whose code decides each remembered check (relative to studyguide/).
PINYIN_RULES = ("load/pinyin.py", "load/grouping.py", "text.py")
SCHEMA_RULES = ("load/schema.py", "load/yaml_strict.py")


def cache_dir(root: Path | None) -> Path | None:
    """Where the build keeps what it remembers: $GUIDE_CACHE_DIR, else <root>/.cache."""
    if os.environ.get("GUIDE_CACHE_DIR"):
        return Path(os.environ["GUIDE_CACHE_DIR"])
    return Path(root) / CACHE_DIR if root else None


def rule_key(library: str, modules: tuple[str, ...]) -> str:
    """The library's name and version and a digest of the modules' source."""
    return f"{library} {version(library)} {digest(*((PACKAGE / m).read_bytes() for m in modules))}"


class Passed:
    """A set of strings that passed one check, stored as JSON under the rule's key
    (rule_key); a different key starts from nothing."""

    def __init__(self, path: Path | None, key: str):
        self.path = path
        self.key = key
        self.items: set[str] = set()
        self.changed = False
        if path and path.exists():
            try:
                stored = json.loads(path.read_text(encoding="utf-8"))
                if stored.get("version") == self.key:
                    self.items = set(stored.get("passed", []))
            except (OSError, ValueError):
                pass

    def __contains__(self, item: str) -> bool:
        return item in self.items

    def add(self, item: str) -> None:
        if item not in self.items:
            self.items.add(item)
            self.changed = True

    def save(self) -> None:
        if self.path and self.changed:
            try:
                stored = json.dumps(
                    {"version": self.key, "passed": sorted(self.items)},
                    ensure_ascii=False,
                    indent=0,
                )
                _write_atomically(self.path, stored.encode("utf-8"))
            except OSError:
                pass  # a read-only checkout simply checks everything every time


@dataclass
class Checks:
    """The build's memory of passed checks: pinyin pairs and schema-valid data files."""

    pinyin: Passed
    schemas: Passed

    @classmethod
    def at(cls, root: Path | None) -> Checks:
        folder = cache_dir(root)
        return cls(
            pinyin=Passed(
                folder / "pinyin-passed.json" if folder else None,
                rule_key("pypinyin", PINYIN_RULES),
            ),
            schemas=Passed(
                folder / "schema-passed.json" if folder else None,
                rule_key("jsonschema", SCHEMA_RULES),
            ),
        )

    def save(self) -> None:
        self.pinyin.save()
        self.schemas.save()


def digest(*parts: bytes) -> str:
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


def _write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file and rename it: a reader (or a build running in
    parallel) sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_bytes(data)
    os.replace(partial, path)


def remembered(root: Path | None, name: str, key: str, make: Callable[[], bytes]) -> bytes:
    """`make()`'s output, kept in cache_dir(root)/<name> after a line holding `key`, and
    made again only when the key changes. The key must digest every input of `make`."""
    folder = cache_dir(root)
    header = key.encode("utf-8") + b"\n"
    if folder:
        try:
            stored = (folder / name).read_bytes()
            if stored.startswith(header):
                return stored[len(header) :]
        except OSError:
            pass
    data = make()
    if folder:
        try:
            _write_atomically(folder / name, header + data)
        except OSError:
            pass  # a read-only checkout simply generates every time
    return data
