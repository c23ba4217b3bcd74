"""Load YAML loudly: syntax errors and duplicate keys stop the build with a line number.

PyYAML normally keeps the last of two duplicate keys without a word. We compose the node
tree first, check every mapping for repeated keys, record the line of every key, and only
then construct the Python data.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from studyguide.errors import GuideError, Problem

Lines = dict[tuple, int]
# libyaml's C parser when PyYAML was built with it (the wheels are): several times faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _walk(node, path: tuple, lines: Lines, problems: list[Problem], file: str) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(
                    Problem(
                        file,
                        line,
                        key,
                        f"duplicate key (first defined on line {seen[key]}); "
                        "YAML would silently keep only the last one",
                    )
                )
            else:
                seen[key] = line
            lines[path + (key,)] = line
            _walk(value_node, path + (key,), lines, problems, file)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + 1
            _walk(item, path + (index,), lines, problems, file)


def load_text(text: str, file: str) -> tuple[object, Lines]:
    """Parse YAML text; return (data, lines) where lines maps a key path to its line."""
    lines: Lines = {}
    try:
        loader = Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None, lines
            problems: list[Problem] = []
            _walk(node, (), lines, problems, file)
            if problems:
                raise GuideError(problems)
            return loader.construct_document(node), lines
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise GuideError(Problem(file, line, None, f"YAML syntax error: {message}")) from None


def load_file(path: Path, display: str | None = None) -> tuple[object, Lines]:
    """Read and parse a YAML file; `display` is the name used in messages."""
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GuideError(Problem(name, None, None, "file not found")) from None
    return load_text(text, name)
