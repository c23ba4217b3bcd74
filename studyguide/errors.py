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


def error_page(lines: list[str]) -> str:
    """The page `make serve` shows while the build fails: each problem, one per line."""
    from html import escape

    items = "\n".join(f"<li><code>{escape(line)}</code></li>" for line in lines)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Build failed</title></head>\n"
        '<body style="font-family: sans-serif; max-width: 60rem; margin: 2rem auto; '
        'padding: 0 1rem">'
        "<h1>The guide did not build</h1>\n<p>Fix each problem below and save: this page reloads "
        "with the guide once the build succeeds. The terminal running <code>make serve</code> "
        f"shows the same lines.</p>\n<ul>\n{items}\n</ul>\n</body></html>\n"
    )
