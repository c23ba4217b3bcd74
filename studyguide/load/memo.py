"""Results remembered across builds under a digest of everything they are made from.

load.cache remembers which inputs passed a check; this module keeps what a pure function
made from its inputs, so that a build with nothing changed does not make it again:

- `Table`: small results (a page's word count, the macro calls in a page's text) under the
  digest of the one input each is made from, all in one JSON file under a key (the one
  code key of load.cache: the package's files and its libraries' versions). A build
  that asks for an input not in the table makes its result and adds it; the file keeps only
  what the last build asked for, so it does not grow with every edit.
- `kept`: one larger result (the loaded guide, the practice data) pickled under a key that
  must digest every input of the function that makes it.

Each key is exact: a changed byte in an input, our code or a library's version gives a new
key, and the result is made again, with every check it runs. Only what was made without
an error is stored. A missing, unreadable or corrupt file counts as empty, never as an
error. The files live beside load.cache's, in .cache/ or $GUIDE_CACHE_DIR.
"""

from __future__ import annotations

import io
import json
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path

from studyguide.load.cache import cache_dir, code_key, digest, write_atomically

__all__ = ["Table", "code_key", "digest", "files_digest", "kept"]


def files_digest(root: Path, paths: Iterable[Path]) -> str:
    """A digest of each file's path (relative to `root` when inside it) and bytes: an
    edited, added, removed or renamed file changes it."""
    parts: list[bytes | str] = []
    for path in paths:
        name = path.relative_to(root) if path.is_relative_to(root) else path
        parts += [name.as_posix(), path.read_bytes()]
    return digest(*parts)


def _write(path: Path, data: bytes) -> None:
    """Through write_atomically; a read-only checkout simply makes everything every time."""
    try:
        write_atomically(path, data)
    except OSError:
        pass


class Table:
    """Results under the digest of their input, stored as JSON under the rule's key (an
    empty key remembers nothing)."""

    def __init__(self, root: Path | None, name: str, key: str):
        folder = cache_dir(root) if key else None
        self.path = folder / name if folder else None
        self.key = key
        self.stored: dict = {}
        self.used: dict = {}
        if self.path is None:
            return
        try:
            data = json.loads(self.path.read_bytes())
            if isinstance(data, dict) and data.get("key") == key:
                self.stored = dict(data.get("results", {}))
        except (OSError, ValueError, TypeError):
            pass  # missing or corrupt: start from nothing

    def get(self, item: str, make: Callable[[], object]) -> object:
        """The result for the input whose digest is `item`, made by `make()` if the table
        does not have it."""
        if item in self.stored:
            self.used[item] = self.stored[item]
        else:
            self.used[item] = make()
        return self.used[item]

    def save(self) -> None:
        if self.path is not None and self.used != self.stored:
            data = {"key": self.key, "results": self.used}
            _write(self.path, json.dumps(data, ensure_ascii=False, indent=0).encode("utf-8"))
            self.stored = dict(self.used)


class _Pickler(pickle.Pickler):
    """Pickles `shared` objects by name: the stored result refers to them, not a copy."""

    def __init__(self, file, shared: dict[str, object]):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.names = {id(obj): name for name, obj in shared.items()}

    def persistent_id(self, obj):
        return self.names.get(id(obj))


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, shared: dict[str, object]):
        super().__init__(file)
        self.shared = shared

    def persistent_load(self, name):
        return self.shared[name]


def kept(
    root: Path | None,
    name: str,
    key: str,
    make: Callable[[], object],
    shared: dict[str, object] | None = None,
) -> object:
    """`make()`'s result, pickled in the cache folder as `name` under `key` (which must
    digest every input of `make`) and made again only when the key changes; an empty key
    remembers nothing. Objects in `shared` (the loaded guide) are stored by name and given
    back as they are now."""
    shared = shared or {}
    folder = cache_dir(root) if key else None
    path = folder / name if folder else None
    header = (key + "\n").encode("utf-8")
    if path is not None:
        try:
            stored = path.read_bytes()
            if stored.startswith(header):
                return _Unpickler(io.BytesIO(stored[len(header) :]), shared).load()
        except Exception:  # noqa: BLE001 - a corrupt or stale pickle raises anything; make it again
            pass
    result = make()
    if path is not None:
        out = io.BytesIO()
        try:
            _Pickler(out, shared).dump(result)
        except (pickle.PicklingError, TypeError, AttributeError):
            return result  # not picklable: made every time
        _write(path, header + out.getvalue())
    return result
