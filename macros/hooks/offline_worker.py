"""Hook: the installable, offline site (studyguide.practice.web_app). After the build,
writes manifest.webmanifest, its icon and sw.js (the service worker, with the list of
pages and files to cache read from the built HTML) into the site's root. Not for the
offline copy (`make offline`, the material/offline plugin): a page opened from disk can
register no worker. config.extra.web_app tells overrides/main.html to link them."""

from __future__ import annotations

from pathlib import Path

from studyguide.practice.web_app import ICON, ICON_SVG, MANIFEST, manifest, worker


def _enabled(config) -> bool:
    offline = config.plugins.get("material/offline")
    return not (offline is not None and offline.config.enabled)


def on_config(config):
    config.extra["web_app"] = _enabled(config)
    return config


def on_post_build(config):
    if not config.extra.get("web_app"):
        return
    site = Path(config["site_dir"])
    (site / ICON).parent.mkdir(parents=True, exist_ok=True)
    (site / ICON).write_text(ICON_SVG, encoding="utf-8")
    (site / MANIFEST).write_text(
        manifest(
            config["site_name"],
            "Social governance",
            config.get("site_description") or config["site_name"],
        ),
        encoding="utf-8",
    )
    search = config.plugins.get("material/search")
    langs = list(search.config.lang or []) if search is not None else []
    (site / "sw.js").write_text(worker(site, langs), encoding="utf-8")
