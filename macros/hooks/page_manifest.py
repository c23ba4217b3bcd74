"""Hook: pages.json, every page of the build with the URL and built file MkDocs gave it,
its title and its nav place (studyguide.load.page_manifest), written once per build from
MkDocs' own Files and Navigation. The PDF and the EPUB read it from the site folder
instead of working out MkDocs' URL rules again."""

from __future__ import annotations

from mkdocs.structure.files import File

from studyguide.load.page_manifest import FILE, from_mkdocs

_nav: list = []  # this build's Navigation (on_nav), for on_env


def on_nav(nav, config, files):
    _nav[:] = [nav]
    return nav


def on_env(env, config, files):
    """Every page has been read (titles are final); static files are not written yet."""
    manifest = from_mkdocs(_nav[0], files, config)
    files.append(File.generated(config, FILE, content=manifest.to_json()))
    return env
