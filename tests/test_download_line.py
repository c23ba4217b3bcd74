"""The download line (overrides/main.html, block announce) offers exactly the files the
site has: a link for each of GUIDE_PDF, GUIDE_EPUB, GUIDE_OFFLINE_ZIP that is set, none
for one that is not, and the build that sets a variable is the one that writes its file.
The block is rendered through MkDocs' own config loader and theme, without a build."""

from __future__ import annotations

import itertools
import re

import pytest
import yaml

from studyguide import ROOT

FILES = {
    "GUIDE_PDF": "guide.pdf",
    "GUIDE_EPUB": "guide.epub",
    "GUIDE_OFFLINE_ZIP": "guide-offline.zip",
}
ALSO = {
    "GUIDE_PDF": {"guide-core.pdf"}
}  # the same command writes the core path's PDF (tests/test_pdf_core.py)
TARGETS = {
    "GUIDE_PDF": "pdf",
    "GUIDE_EPUB": "epub",
    "GUIDE_OFFLINE_ZIP": "offline",
}  # the make target writing it


def announce(monkeypatch, switched_on: set[str]) -> str:
    from mkdocs.config import load_config

    for name in FILES:
        if name in switched_on:
            monkeypatch.setenv(name, "true")
        else:
            monkeypatch.delenv(name, raising=False)
    config = load_config(str(ROOT / "mkdocs.yml"))
    template = config.theme.get_env().get_template("main.html")
    return "".join(
        template.blocks["announce"](template.new_context({"config": config, "base_url": ".."}))
    )


@pytest.mark.parametrize(
    "switched_on",
    [set(c) for n in range(4) for c in itertools.combinations(FILES, n)],
    ids=lambda s: "+".join(sorted(s)) or "none",
)
def test_the_download_line_offers_exactly_the_files_switched_on(monkeypatch, switched_on):
    html = announce(monkeypatch, switched_on)
    offered = set(re.findall(r'href="\.\./([^"]+)" download', html))
    assert offered == {FILES[name] for name in switched_on}.union(
        *(ALSO.get(name, set()) for name in switched_on)
    ), html
    if not switched_on:
        assert "Download" not in html


def test_each_make_target_writes_the_file_it_links():
    from studyguide.outputs.epub.__main__ import OUTPUT_NAME as EPUB
    from studyguide.outputs.pdf import OUTPUT_NAME as PDF

    assert (PDF, EPUB) == (FILES["GUIDE_PDF"], FILES["GUIDE_EPUB"])
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipes = dict(re.findall(r"^([a-z]+):[^\n]*\n((?:\t[^\n]*\n)+)", make, re.M))
    # `make pdf` and `make epub` build the site linking to the file their next line writes.
    assert "GUIDE_PDF=true" in recipes["pdf"] and "studyguide.outputs.pdf site\n" in recipes["pdf"]
    assert (
        "GUIDE_EPUB=true" in recipes["epub"] and "studyguide.outputs.epub site\n" in recipes["epub"]
    )
    assert f"site/{FILES['GUIDE_OFFLINE_ZIP']}" in recipes["offline"]


def test_the_pages_workflow_links_every_file_it_publishes():
    """The workflow's build job makes the published site with `make publish`, whose one site
    build switches on a link for each file the recipe then writes."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/tests.yml").read_text(encoding="utf-8"))
    run = " ".join(
        s.get("run", "") for s in workflow["jobs"]["build"]["steps"]
    )  # the job that builds what deploys
    assert re.search(r"\bmake publish\b", run), "the build job never runs make publish"
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = dict(re.findall(r"^([a-z]+):[^\n]*\n((?:\t[^\n]*\n)+)", make, re.M))["publish"]
    site_build = next(
        line
        for line in recipe.splitlines()
        if "mkdocs build" in line and "--clean" in line and "offline" not in line
    )
    for name, target in TARGETS.items():
        assert f"{name}=true" in site_build, f"the published pages would miss the {target} download"
    assert "studyguide.outputs.pdf site" in recipe and "studyguide.outputs.epub site" in recipe
    assert f"site/{FILES['GUIDE_OFFLINE_ZIP']}" in recipe
