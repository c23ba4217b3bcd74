"""The benchmark's results: rows and notes, printed as a text table and written as
Markdown into bench/README.md between the bench markers."""

from __future__ import annotations

import os
import platform
import re
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

START, END = "<!-- bench:start -->", "<!-- bench:end -->"


@dataclass
class Row:
    check: str
    value: str
    budget: str = ""
    ok: bool | None = None  # None: information only

    @property
    def result(self) -> str:
        return "" if self.ok is None else ("pass" if self.ok else "FAIL")


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *args, **kwargs) -> Row:
        row = Row(*args, **kwargs)
        self.rows.append(row)
        return row

    def section(self, title: str) -> None:
        self.rows.append(Row(f"**{title}**", ""))


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        ram = f"{kib / 1024**2:.0f} GiB"
    except (OSError, AttributeError):
        pass
    versions = []
    for package, label in (
        ("mkdocs", "MkDocs"),
        ("mkdocs-material", "Material"),
        ("mkdocs-macros-plugin", "mkdocs-macros"),
    ):
        try:
            versions.append(f"{label} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            pass
    load = f"; load average at start {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {ram} RAM, Python {platform.python_version()}, "
        f"{', '.join(versions)}{load}"
    )


def text_table(rows: list[Row]) -> str:
    head = ("Check", "Value", "Budget", "Result")
    cells = [
        (r.check.replace("**", "").replace("`", ""), r.value, r.budget, r.result) for r in rows
    ]
    widths = [max(len(c[i]) for c in [head, *cells]) for i in range(4)]
    line = lambda c: "  ".join(str(x).ljust(w) for x, w in zip(c, widths, strict=True)).rstrip()  # noqa: E731
    out = [line(head), "  ".join("-" * w for w in widths)]
    for row, c in zip(rows, cells, strict=True):
        if row.check.startswith("**"):
            out.append("")
        out.append(line(c))
    return "\n".join(out)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("{{", "{ {").replace("{%", "{ %").replace("{#", "{ #")


def markdown(report: Report, header: str, date: str) -> str:
    lines = [
        f"Measured {date} on {header}.",
        "",
        "| Check | Value | Budget | Result |",
        "|---|---|---|---|",
    ]
    for row in report.rows:
        check = row.check.replace("  ", "&emsp;", 2) if row.check.startswith("  ") else row.check
        result = "**FAIL**" if row.ok is False else row.result
        lines.append(f"| {_md(check)} | {_md(row.value)} | {_md(row.budget)} | {result} |")
    if report.notes:
        lines += ["", "Notes:", ""]
        lines += [
            f"- {_md(note)}" if "```" not in note else "- " + note.replace("\n", "\n  ")
            for note in report.notes
        ]
    return "\n".join(lines)


def write_page(path: Path, body: str) -> None:
    block = f"{START}\n\n{body}\n\n{END}"
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if START in text and END in text:
            text = text[: text.index(START)] + block + text[text.index(END) + len(END) :]
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
    else:
        text = block + "\n"
    path.write_text(text, encoding="utf-8")
