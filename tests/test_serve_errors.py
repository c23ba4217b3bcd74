"""`make serve` shows the problems, not stale pages, while a rebuild fails
(macros/hooks/checks.py wraps the server's rebuild)."""

from __future__ import annotations

import importlib.util
import logging
from types import SimpleNamespace

from conftest import ROOT


def hook():
    spec = importlib.util.spec_from_file_location("checks_hook", ROOT / "macros/hooks/checks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def served(tmp_path):
    (tmp_path / "glossary").mkdir()
    (tmp_path / "index.html").write_text("<p>old home</p>", encoding="utf-8")
    (tmp_path / "glossary/index.html").write_text("<p>old glossary</p>", encoding="utf-8")
    return tmp_path


def test_a_failed_rebuild_replaces_every_served_page_with_the_problems(tmp_path):
    site = served(tmp_path)

    def failing_build(config=None):
        logging.getLogger("mkdocs.hooks.checks").error(
            "glossary.yaml:477: 'hukou': pinyin 'hùkǒu' does not fit hanzi '户口口'"
        )
        raise SystemExit("Aborted with a BuildError!")

    server = hook().on_serve(SimpleNamespace(builder=failing_build), {"site_dir": str(site)}, None)
    server.builder()
    for page in ("index.html", "glossary/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert (
            "The guide did not build" in html and "glossary.yaml:477: &#x27;hukou&#x27;" in html
        ), page
        assert "old" not in html, f"{page} still shows stale content"


def test_a_successful_rebuild_is_left_alone(tmp_path):
    site = served(tmp_path)
    calls = []
    server = hook().on_serve(
        SimpleNamespace(builder=lambda config=None: calls.append(config)),
        {"site_dir": str(site)},
        None,
    )
    server.builder()
    assert calls == [None]
    assert (site / "index.html").read_text(encoding="utf-8") == "<p>old home</p>"
