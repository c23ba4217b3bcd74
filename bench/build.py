"""Build the guide through MkDocs' Python API, optionally without some of our extras,
optionally capturing every page's Markdown after the macros have run.

    python -m bench.build --root . --site-dir /tmp/x [--without hooks,cjk] [--capture DIR]

Run it from the project root (bench/bench.py runs it with cwd=ROOT): `python -m` puts
that directory first on the import path, so the project's own macros/ and studyguide/ are the
ones imported (for a scaled copy, the copy's).

`--without` drops components from the configuration in memory (mkdocs.yml is not
touched), so the build still runs from the project root with its git history:

    hooks   our MkDocs hooks (every file in macros/hooks/, listed in mkdocs.yml `hooks:`)
    cjk     our Markdown extensions (macros.cjk_lang)

`--capture DIR` writes a "bare" project into DIR: docs/ is a copy of the docs tree in
which each page is replaced by its Markdown as rendered by the macros (front matter
kept), plus the files our hooks generate; mkdocs.yml is ours without the macros plugin,
our hooks and our extensions. Material then builds the same pages alone.

This does what `mkdocs build` does (load_config, on_startup, build, on_shutdown). Strict
mode is off unless --strict is given: warnings do not change the work a build does, and
without the hooks the links to the generated files would be warnings.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
import types
from collections import defaultdict
from pathlib import Path

import yaml
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils.yaml import yaml_load

EXTRA_PLUGINS = {"macros"}  # ours, not Material's


def _name(item) -> str:
    return next(iter(item)) if isinstance(item, dict) else item


def raw_config(config_file: Path) -> dict:
    with open(config_file, encoding="utf-8") as f:
        return yaml_load(f)


class Clock:
    """Exclusive wall time per component: time inside a nested component (jieba loading
    inside a plugin's event, say) counts for the inner one only. `now`: the clock
    (time.process_time for the process's CPU time, steadier on a busy machine but blind
    to waiting, e.g. for git)."""

    def __init__(self, now=time.perf_counter):
        self.totals: dict[str, float] = defaultdict(float)
        self.stack: list[list] = []
        self.now = now

    def enter(self, name: str) -> None:
        now = self.now()
        if self.stack:
            self.totals[self.stack[-1][0]] += now - self.stack[-1][1]
        self.stack.append([name, now])

    def exit(self) -> None:
        now = self.now()
        name, start = self.stack.pop()
        self.totals[name] += now - start
        if self.stack:
            self.stack[-1][1] = now

    def wrap(self, name: str, function):
        def timed(*args, **kwargs):
            self.enter(name)
            try:
                return function(*args, **kwargs)
            finally:
                self.exit()

        return timed


def instrument(cfg, clock: Clock) -> None:
    """Time every plugin and hook event by owner, jieba's dictionary load and our
    Markdown extensions' processors."""
    plugins = cfg.plugins

    def run_event(self, name, item=None, **kwargs):
        pass_item = item is not None
        for method in self.events[name]:
            owner = self._event_origins.get(method, "<unknown>")
            self._current_plugin = owner
            call = clock.wrap(component_name(owner), method)
            result = call(item, **kwargs) if pass_item else call(**kwargs)
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    plugins.run_event = types.MethodType(run_event, plugins)
    try:
        import jieba

        jieba.Tokenizer.initialize = clock.wrap("jieba dictionary load", jieba.Tokenizer.initialize)
    except ImportError:
        pass
    for ext in cfg["markdown_extensions"]:
        if isinstance(ext, str) and ext.startswith("macros."):
            module = __import__(ext, fromlist=["wrap"])
            for attr in dir(module):
                obj = getattr(module, attr)
                if (
                    isinstance(obj, type)
                    and issubclass(obj, PROCESSORS)
                    and obj.__module__ == module.__name__
                ):
                    obj.run = clock.wrap(ext, obj.run)


PROCESSORS = (Preprocessor, Treeprocessor, Postprocessor)  # our Markdown extensions' steps


def component_name(owner: str) -> str:
    """Plugins by their name; each hook by its file (macros/hooks/<name>.py)."""
    return owner.replace("\\", "/")


def without(raw: dict, parts: set[str]) -> dict:
    """Overrides for load_config that drop the named components."""
    out: dict = {}
    if "hooks" in parts:
        out["hooks"] = []
    if "cjk" in parts:
        out["markdown_extensions"] = [
            e for e in raw.get("markdown_extensions", []) if not _name(e).startswith("macros.")
        ]
    return out


def bare_config(raw: dict, root: Path) -> dict:
    """Our mkdocs.yml for Material alone: same theme, extensions and search, none of ours."""
    bare = dict(raw)
    bare["plugins"] = [p for p in raw.get("plugins", []) if _name(p) not in EXTRA_PLUGINS]
    bare.pop("hooks", None)
    bare.pop("watch", None)  # our data files, watched by `mkdocs serve`
    bare["markdown_extensions"] = [
        e for e in raw.get("markdown_extensions", []) if not _name(e).startswith("macros.")
    ]
    bare["docs_dir"] = "docs"
    theme = dict(bare.get("theme", {}))
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    bare["theme"] = theme
    return bare


class Capture(BasePlugin):
    """Write each page's final Markdown (after every other plugin) into a bare docs tree."""

    def __init__(self, docs_out: Path):
        super().__init__()
        self.docs_out = docs_out

    @event_priority(-100)
    def on_files(self, files, *, config):
        for file in files:
            if file.generated_by:  # files our hooks add: static files in the bare project
                target = self.docs_out / file.src_uri
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(file.content_bytes)
        return files

    @event_priority(-100)
    def on_page_markdown(self, markdown, *, page, config, files):
        meta = {k: v for k, v in page.meta.items() if k != "revision_date"}  # set by our hook
        head = (
            "---\n"
            + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
            + "---\n\n"
            if meta
            else ""
        )
        target = self.docs_out / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(head + markdown, encoding="utf-8")
        return markdown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--config", type=Path, help="default: ROOT/mkdocs.yml")
    parser.add_argument("--timings", type=Path, help="write seconds per component (JSON) here")
    parser.add_argument("--site-dir", type=Path, required=True)
    parser.add_argument("--without", default="", help="comma-separated: hooks, cjk")
    parser.add_argument("--capture", type=Path)
    parser.add_argument("--strict", action="store_true")
    parser.add_argument(
        "--cpu", action="store_true", help="--timings in CPU seconds of this process, not wall"
    )
    args = parser.parse_args()
    root = args.root.resolve()
    os.chdir(root)
    config_file = (args.config or root / "mkdocs.yml").resolve()
    raw = raw_config(config_file)
    parts = {p for p in args.without.split(",") if p}
    unknown = parts - {"hooks", "cjk"}
    if unknown:
        parser.error(f"unknown component(s): {', '.join(sorted(unknown))}")
    now = time.process_time if args.cpu else time.perf_counter
    started = now()
    cfg = load_config(
        config_file=str(config_file),
        site_dir=str(args.site_dir.resolve()),
        strict=args.strict,
        **without(raw, parts),
    )
    loaded = now()
    clock = Clock(now)
    if args.timings:
        instrument(cfg, clock)
    if args.capture:
        out = args.capture.resolve()
        shutil.rmtree(out, ignore_errors=True)
        docs = Path(cfg["docs_dir"])
        shutil.copytree(docs, out / "docs", ignore=shutil.ignore_patterns("*.md"))
        cfg.plugins["bench-capture"] = Capture(out / "docs")
        (out / "mkdocs.yml").write_text(
            "# Generated by bench/build.py --capture: Material alone on the macro-rendered pages.\n"
            + yaml.safe_dump(
                bare_config(raw, root), allow_unicode=True, sort_keys=False, width=10_000
            ),
            encoding="utf-8",
        )
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    if args.timings:
        total = now() - started
        parts_timed = dict(clock.totals)
        parts_timed["load_config (imports, config, hooks loaded)"] = loaded - started
        parts_timed["MkDocs + Material core (Markdown, templates, files)"] = total - sum(
            parts_timed.values()
        )
        args.timings.write_text(
            json.dumps({"total": total, "components": parts_timed}, indent=1), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
