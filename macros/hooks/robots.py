"""Hook: robots.txt, naming the sitemap at the deployed address (site_url)."""

from __future__ import annotations

from mkdocs.structure.files import File


def robots_txt(site_url: str) -> str:
    """Crawlers may read everything; the sitemap is named with the deployed address."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def on_files(files, config):
    files.append(
        File.generated(config, "robots.txt", content=robots_txt(config["site_url"] or "/"))
    )
    return files
