"""The build remembers only what passed, under one key for the code (the package's files,
its CSL styles and schemas, and its libraries' versions), so a cached build is as strict
as a cold one; the tests' cache is never the repository's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from studyguide.errors import GuideError
from studyguide.load import cache as cache_module
from studyguide.load import pinyin as pinyin_module
from studyguide.load.cache import Checks, cache_dir, remembered
from studyguide.load.glossary import load_glossary

ENTRY = (
    "hukou:\n  hanzi: 户口\n  pinyin: {pinyin}\n  {english}: household registration\n"
    "  definition: Registration.\n"
)


@pytest.fixture(autouse=True)
def cache_beside_the_data(monkeypatch):
    """These tests keep their cache in <tmp_path>/.cache, as a developer's build would, and
    each computes the code's key afresh (a build computes it once)."""
    monkeypatch.delenv("GUIDE_CACHE_DIR", raising=False)
    cache_module.code_key.cache_clear()
    yield
    cache_module.code_key.cache_clear()


def passed(checks_pinyin, hanzi: str, written: str) -> bool:
    """Whether the pair is remembered (the key also records whether grouping was checked)."""
    return any(item.startswith(f"{hanzi}\t{written}\t") for item in checks_pinyin.items)


def build(tmp_path, pinyin="hùkǒu", english="english"):
    """Write a one-entry glossary and load it as a build would, saving what passed."""
    path = tmp_path / "glossary.yaml"
    path.write_text(ENTRY.format(pinyin=pinyin, english=english), encoding="utf-8")
    checks = Checks.at(tmp_path)
    try:
        return load_glossary(path, checks=checks)
    finally:
        checks.save()


def test_passed_pinyin_and_schema_are_remembered_across_builds(tmp_path):
    build(tmp_path)
    again = Checks.at(tmp_path)
    assert passed(again.pinyin, "户口", "hùkǒu") and len(again.schemas.items) == 1


def test_a_bad_pinyin_is_reported_on_every_build_never_remembered(tmp_path):
    for _ in range(2):
        with pytest.raises(GuideError, match="does not fit"):
            build(tmp_path, pinyin="hùkōu")
    assert not passed(Checks.at(tmp_path).pinyin, "户口", "hùkōu")


def test_an_edited_file_is_validated_again(tmp_path):
    build(tmp_path)
    with pytest.raises(GuideError, match="unknown field 'englsh'"):
        build(tmp_path, english="englsh")


def test_a_remembered_file_is_made_once_per_key(tmp_path):
    made = []

    def make(data):
        return lambda: made.append(data) or data

    assert remembered(tmp_path, "out.bin", "k1", make(b"one")) == b"one"
    assert remembered(tmp_path, "out.bin", "k1", make(b"stale")) == b"one"  # kept, not made
    assert remembered(tmp_path, "out.bin", "k2", make(b"two")) == b"two"  # new key: made again
    assert remembered(None, "out.bin", "k2", make(b"three")) == b"three"  # no folder: always made
    assert made == [b"one", b"two", b"three"]


def test_an_edited_glossary_gives_new_flashcards_even_with_a_cache(tmp_path):
    """The deck and CSV are cached under a digest of glossary.yaml, so an edit shows up
    in the next build's files, and an unchanged glossary reuses the stored deck."""
    from studyguide.outputs.flashcards import files as flashcard_files

    build(tmp_path)
    deck, table = flashcard_files(tmp_path)
    assert "household registration" in table.decode("utf-8") and deck.startswith(b"PK")
    assert flashcard_files(tmp_path) == (deck, table)
    entry = tmp_path / "glossary.yaml"
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("household registration", "residence permit"),
        encoding="utf-8",
    )
    deck2, table2 = flashcard_files(tmp_path)
    assert "residence permit" in table2.decode(
        "utf-8"
    ) and "household registration" not in table2.decode("utf-8")
    assert deck2 != deck


def edited_package(tmp_path: Path, module: str, line: str) -> Path:
    """A copy of the studyguide package with one line added to `module`'s source."""
    package = tmp_path / "edited" / "studyguide"
    shutil.copytree(cache_module.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    source = package / module
    source.write_text(source.read_text(encoding="utf-8") + line, encoding="utf-8")
    return package


def test_a_changed_pinyin_rule_checks_every_pair_again(tmp_path, monkeypatch):
    """The issue's reproduction: pairs that passed under the old rule must not pass a
    stricter one from the cache. Here the new rule rejects 户口 hùkǒu."""
    build(tmp_path)
    assert passed(Checks.at(tmp_path).pinyin, "户口", "hùkǒu")
    monkeypatch.setattr(
        cache_module, "PACKAGE", edited_package(tmp_path, "load/pinyin.py", "# a stricter rule\n")
    )
    monkeypatch.setattr(
        pinyin_module,
        "check_pinyin",
        lambda hanzi, written, grouped=False: (
            f"pinyin '{written}' does not fit hanzi '{hanzi}' (new rule)"
        ),
    )
    cache_module.code_key.cache_clear()
    assert len(Checks.at(tmp_path).pinyin.items) == 0, (
        "the old passes survived a change of the rule"
    )
    with pytest.raises(GuideError, match="new rule"):
        build(tmp_path)


@pytest.mark.parametrize(
    "module",
    ["load/pinyin.py", "load/schema.py", "cite/csl/apa.csl", "schemas/glossary.schema.json"],
)
def test_editing_any_file_of_the_package_forgets_every_pass_and_file(tmp_path, monkeypatch, module):
    """One key for every cache: a module, a schema or a CSL style edited, and nothing
    remembered under the old code is given back."""
    build(tmp_path)
    assert remembered(tmp_path, "out.bin", "k", lambda: b"old") == b"old"
    before = Checks.at(tmp_path)
    monkeypatch.setattr(cache_module, "PACKAGE", edited_package(tmp_path, module, "\n"))
    cache_module.code_key.cache_clear()
    after = Checks.at(tmp_path)
    assert before.pinyin.items and before.schemas.items
    assert after.pinyin.items == set() and after.schemas.items == set()
    assert remembered(tmp_path, "out.bin", "k", lambda: b"new") == b"new"


@pytest.mark.parametrize("library", ["citeproc-py", "genanki", "pypinyin", "weasyprint"])
def test_the_code_key_follows_each_librarys_version_and_each_package_file(
    tmp_path, monkeypatch, library
):
    key = cache_module.code_key()
    real = cache_module.version
    cache_module.code_key.cache_clear()
    monkeypatch.setattr(
        cache_module, "version", lambda name: "0.0.0-other" if name == library else real(name)
    )
    assert cache_module.code_key() != key, f"{library}'s version is not in the key"
    monkeypatch.undo()
    cache_module.code_key.cache_clear()
    assert cache_module.code_key() == key, "the key is not stable"
    style = sorted((cache_module.PACKAGE / "cite/csl").glob("*.csl"))[0]
    edited = edited_package(tmp_path, f"cite/csl/{style.name}", "<!-- edited -->\n")
    monkeypatch.setattr(cache_module, "PACKAGE", edited)
    cache_module.code_key.cache_clear()
    assert cache_module.code_key() != key, "a CSL style is not in the key"


def test_the_key_lists_every_library_the_package_imports():
    """Every third-party module the package imports belongs to a distribution in LIBRARIES
    (its version is in every cache's key)."""
    import ast
    import sys
    from importlib.metadata import packages_distributions

    owners = packages_distributions()
    listed = {name.lower().replace("_", "-") for name in cache_module.LIBRARIES}
    missing = set()
    for path in cache_module.PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module]
                if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                else []
            )
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top == "studyguide":
                    continue
                dists = {d.lower().replace("_", "-") for d in owners.get(top, [top])}
                if not dists & listed:
                    missing.add(f"{top} ({', '.join(sorted(dists))}) in {path.name}")
    assert not missing, f"imported but not in load.cache.LIBRARIES: {sorted(missing)}"


def test_a_cache_written_by_another_version_of_the_library_is_ignored(tmp_path, monkeypatch):
    build(tmp_path)
    monkeypatch.setattr(cache_module, "version", lambda name: "0.0.0-other")
    cache_module.code_key.cache_clear()
    assert Checks.at(tmp_path).pinyin.items == set() and Checks.at(tmp_path).schemas.items == set()


def test_guide_cache_dir_moves_every_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert cache_dir(tmp_path) == tmp_path / "elsewhere"
    build(tmp_path)
    assert remembered(tmp_path, "out.bin", "k", lambda: b"made") == b"made"
    assert sorted(p.name for p in (tmp_path / "elsewhere").iterdir()) == [
        "out.bin",
        "pinyin-passed.json",
        "schema-passed.json",
    ]
    assert not (tmp_path / ".cache").exists()


def test_character_readings_are_remembered_so_a_warm_build_never_loads_pypinyin(tmp_path):
    """The term pages' character-by-character readings (pinyin.per_character_all) come from
    the cache when nothing changed: a second process gets the same splits without
    importing pypinyin (0.2 s on every build otherwise)."""
    import json
    import subprocess
    import sys

    pairs = (("户口", "hùkǒu"), ("维权", "wéiquán"))
    code = f"""
import json, sys
from pathlib import Path
from studyguide.load.pinyin import per_character_all
splits = per_character_all(Path({str(tmp_path)!r}), {pairs!r})
print(json.dumps([["pypinyin" in sys.modules], [splits[p] for p in {pairs!r}]]))
"""
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(2)
    ]
    assert (
        runs[0][1] == runs[1][1] == [[["户", "hù"], ["口", "kǒu"]], [["维", "wéi"], ["权", "quán"]]]
    )
    assert runs[0][0] == [True] and runs[1][0] == [False], runs


def test_character_readings_are_worked_out_again_when_an_entry_or_the_rule_changes(
    tmp_path, monkeypatch
):
    assert pinyin_module.per_character_all(tmp_path, (("户口", "hùkǒu"),))[("户口", "hùkǒu")] == [
        ("户", "hù"),
        ("口", "kǒu"),
    ]
    changed = pinyin_module.per_character_all(
        tmp_path, (("户口", "hukou"),)
    )  # an edited entry: its own key
    assert changed[("户口", "hukou")] == [("户", "hu"), ("口", "kou")]
    monkeypatch.setattr(
        cache_module, "PACKAGE", edited_package(tmp_path, "load/pinyin.py", "# edited\n")
    )
    monkeypatch.setattr(
        pinyin_module, "per_character", lambda hanzi, written: None
    )  # the new rule finds no split
    assert (
        pinyin_module.per_character_all(tmp_path, (("户口", "hùkǒu"),))[("户口", "hùkǒu")] is None
    )
