"""Hook: the repository and site address from studyguide.repository (REPO_URL/SITE_URL,
else git's GitHub origin); with no repository known, no edit, view-source or header
link at all rather than one to a placeholder. `mkdocs serve` keeps its own address."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from studyguide.repository import locate

_command: list[str] = []


def on_startup(command, dirty):
    _command[:] = [command]


@event_priority(300)  # before every other on_config: they may read the addresses
def on_config(config):
    home = locate(Path(config["config_file_path"]).parent)
    config["repo_url"], config["repo_name"] = home.repo_url, home.repo_name
    if not home.repo_url:
        config["edit_uri"] = config["edit_uri_template"] = (
            None  # Material then shows no edit or view button
        )
    if home.site_url and _command != ["serve"]:
        config["site_url"] = home.site_url
    return config
