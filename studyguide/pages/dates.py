"""When each page last changed, from git history, in one `git log` call per build.

A generated page changes when its data does, so it takes the later of its own date and
its data files' dates. A file git does not know (new, uncommitted) or a checkout without
git gets the build date; in a shallow clone, files older than the clone's history get the
date of its oldest commit, which is the best git can say there.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

from studyguide.pages import generated_from


def history(root: Path) -> dict[str, date]:
    """Path (relative to the repository root) -> date of the last commit that touched it."""
    try:
        out = subprocess.run(
            ["git", "log", "--format=%x00%ct", "--name-only", "--no-renames", "--", "."],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
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

    def last(path: str) -> date | None:
        if path in dates:
            return dates[path]
        found = [d for p, d in dates.items() if p.startswith(path + "/")]
        return max(found) if found else None

    result = {}
    for page in pages:
        data = [d for d in (last(p) for p in generated_from(page) or []) if d]
        result[page] = max([last(f"{docs}/{page}") or today, *data])
    return result
