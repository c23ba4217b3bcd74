"""Check data against its JSON Schema and say what is wrong in a contributor's words."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from pathlib import Path

from studyguide.errors import GuideError, Problem, did_you_mean
from studyguide.load.cache import Checks, digest
from studyguide.load.yaml_strict import Lines, load_file

# The JSON Schemas ship inside the package (package data: pyproject.toml), so an installed
# studyguide checks data without the repository around it.
SCHEMA_DIR = files("studyguide") / "schemas"


@cache
def validator(name: str):
    from jsonschema import Draft202012Validator  # imported on first use: 65 ms

    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _line(lines: Lines, path: tuple) -> int | None:
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None


def _allowed_fields(schema: dict, root: dict) -> list[str]:
    if "$ref" in schema:
        ref = schema["$ref"].split("/")[-1]
        schema = root["$defs"][ref]
    return list(schema.get("properties", {}))


def _describe(error, root: dict) -> tuple[tuple, str]:
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = _allowed_fields(error.schema, root)
        extras = [k for k in error.instance if k not in allowed]
        field = extras[0] if extras else "?"
        return (
            path + (field,),
            f"unknown field '{field}'{did_you_mean(field, allowed)}; allowed fields: {', '.join(allowed)}",
        )
    if error.validator == "required":
        missing = [
            f
            for f in error.validator_value
            if isinstance(error.instance, dict) and f not in error.instance
        ]
        field = missing[0] if missing else "?"
        return path, f"missing required field '{field}'"
    if error.schema_path and error.schema_path[0] == "propertyNames":
        return (
            path + (error.instance,),
            f"key '{error.instance}' must be a lowercase ASCII slug (letters, digits, hyphens), e.g. 'shuniu-zuzhi'",
        )
    if (
        isinstance(error.instance, str)
        and not error.instance.strip()
        and error.validator in ("minLength", "pattern")
    ):
        return path, f"field '{path[-1]}' is empty"
    if error.validator == "enum":
        choices = [str(c) for c in error.validator_value]
        return (
            path,
            f"'{error.instance}' is not one of {', '.join(choices)}{did_you_mean(str(error.instance), choices)}",
        )
    if error.validator == "type" and error.instance is None:
        return path, f"field '{path[-1]}' is empty"
    return path, error.message


def check(data, schema_name: str, lines: Lines, file: str) -> list[Problem]:
    """Every schema violation as a Problem with file, line and entry key."""
    v = validator(schema_name)
    problems = []
    for error in sorted(v.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        path, message = _describe(error, v.schema)
        key = str(path[0]) if path else None
        problem = Problem(file, _line(lines, path), key, message)
        if problem not in problems:
            problems.append(problem)
    return problems


def load_checked(
    path: Path, schema_name: str, display: str, checks: Checks | None = None
) -> tuple[object, Lines]:
    """Parse a YAML data file strictly and check it against its schema; raise on any problem.

    A file whose exact bytes passed this schema before is not validated again."""
    data, lines = load_file(path, display)
    if data is None:
        raise GuideError(Problem(display, None, None, "the file is empty"))
    key = digest(path.read_bytes(), (SCHEMA_DIR / schema_name).read_bytes())
    if checks and key in checks.schemas:
        return data, lines
    problems = check(data, schema_name, lines, display)
    if problems:
        raise GuideError(problems)
    if checks:
        checks.schemas.add(key)
    return data, lines
