"""When each page last changed, from git history, in one `git log` call per build.

A generated page changes when its data does, so it takes the later of its own date and
its data files' dates. A file git does not know (new, uncommitted) or a checkout without
git gets the build date; in a shallow clone, files older than the clone's history get the
date of its oldest commit, which is the best git can say there.

The history is remembered (load.memo.kept) under the commit git's HEAD names, which fixes
it; a shallow clone (whose history can deepen under the same HEAD) reads it every time.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

from studyguide.load.memo import digest, kept
from studyguide.pages import generated_from


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, timeout=60, check=True
    ).stdout


def history(root: Path) -> dict[str, date]:
    """Path (relative to the repository root) -> date of the last commit that touched it."""
    try:
        head, shallow = _git(root, "rev-parse", "HEAD", "--is-shallow-repository").split()
        key = digest(str(Path(root).resolve()), head) if shallow == "false" else ""
        return kept(root, "git-dates.pickle", key, lambda: _read_log(root))
    except (OSError, subprocess.SubprocessError, ValueError):
        return {}


def _read_log(root: Path) -> dict[str, date]:
    out = _git(root, "log", "--format=%x00%ct", "--name-only", "--no-renames", "--", ".")
    dates: dict[str, date] = {}
    when = None
    for line in out.splitlines():
        if line.startswith("\x00"):
            when = datetime.fromtimestamp(int(line[1:]), tz=UTC).date()
        elif line and when and line not in dates:
            dates[line] = when
    return dates


def page_dates(
    root: Path, docs_dir: Path, pages: list[str], today: date | None = None
) -> dict[str, date]:
    """Docs-relative page path -> the date it last changed (its data included)."""
    today = today or datetime.now(UTC).date()
    dates = history(root)
    docs = docs_dir.relative_to(root).as_posix() if docs_dir.is_relative_to(root) else "docs"

    folders: dict[str, date] = {}  # each folder -> the latest date of a file under it
    for path, when in dates.items():
        folder = path
        while "/" in folder:
            folder = folder.rsplit("/", 1)[0]
            if folder not in folders or folders[folder] < when:
                folders[folder] = when

    def last(path: str) -> date | None:
        return dates[path] if path in dates else folders.get(path)

    result = {}
    for page in pages:
        data = [d for d in (last(p) for p in generated_from(page) or []) if d]
        result[page] = max([last(f"{docs}/{page}") or today, *data])
    return result
