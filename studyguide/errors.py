"""Errors that name the file, the line, the key and, where it helps, the fix."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


def nearest(word: str, choices) -> str | None:
    """The closest valid choice to a misspelt key or field, or None."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, choices) -> str:
    """' (did you mean 'x'?)' or '' when nothing is close."""
    match = nearest(word, choices)
    return f" (did you mean '{match}'?)" if match else ""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, located as precisely as we can."""

    path: str
    line: int | None
    key: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        what = f"'{self.key}': " if self.key else ""
        return f"{where}: {what}{self.message}"


class GuideError(Exception):
    """Raised for bad content; its message lists every problem found, one per line."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def fail_if(problems: list[Problem]) -> None:
    if problems:
        raise GuideError(problems)
