"""Remember which inputs passed a check, so unchanged inputs are not checked again, and
keep generated files whose inputs have not changed.

Only successes are remembered, keyed by the exact input (a data file's digest, a
(hanzi, pinyin) pair) and the checking library's version, so a failing input is checked
and reported on every build. Generated files (the flashcard deck) are kept under a key
that digests everything they are made from. The files live in .cache/ (gitignored);
deleting it only makes the next build check and generate everything.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

CACHE_DIR = ".cache"
HERE = Path(__file__).parent
PINYIN_CODE = (HERE / "pinyin.py", HERE / "grouping.py")


class Passed:
    """A set of strings that passed one check, stored as JSON for one checker version."""

    def __init__(self, path: Path | None, checker: str, code: tuple[Path, ...] = ()):
        self.path = path
        # The checking library's version and the code that decides: change either, and
        # every remembered success is checked again.
        self.key = f"{checker} {version(checker)} " + digest(*(p.read_bytes() for p in code))
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
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.path.write_text(json.dumps({"version": self.key, "passed": sorted(self.items)}, ensure_ascii=False, indent=0), encoding="utf-8")
            except OSError:
                pass  # a read-only checkout simply checks everything every time


@dataclass
class Checks:
    """The build's memory of passed checks: pinyin pairs and schema-valid data files."""

    pinyin: Passed
    schemas: Passed

    @classmethod
    def at(cls, root: Path | None) -> Checks:
        folder = Path(root) / CACHE_DIR if root else None
        return cls(
            pinyin=Passed(folder / "pinyin-passed.json" if folder else None, "pypinyin", PINYIN_CODE),
            schemas=Passed(folder / "schema-passed.json" if folder else None, "jsonschema"),
        )

    def save(self) -> None:
        self.pinyin.save()
        self.schemas.save()


def digest(*parts: bytes) -> str:
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


def remembered(root: Path | None, name: str, key: str, make: Callable[[], bytes]) -> bytes:
    """`make()`'s output, kept in .cache/<name> with `key` beside it and made again only
    when the key changes. The key must digest every input of `make`."""
    folder = Path(root) / CACHE_DIR if root else None
    if folder:
        stored, stored_key = folder / name, folder / f"{name}.key"
        try:
            if stored_key.read_text(encoding="utf-8") == key:
                return stored.read_bytes()
        except OSError:
            pass
    data = make()
    if folder:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            stored.write_bytes(data)
            stored_key.write_text(key, encoding="utf-8")  # written last: a torn write is a miss
        except OSError:
            pass  # a read-only checkout simply generates every time
    return data
