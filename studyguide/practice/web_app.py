"""The installable, offline-after-one-visit site: the web app manifest and the service
worker (studyguide/practice/sw.js with its cache list and version filled in), written
into the built site by macros/hooks/offline_worker.py.

The worker caches the home page, the study pages and the core-path pages (whatever of
docs/core/ exists), the practice data, and every same-site script, stylesheet, image and
font those pages reference, read from the built HTML, so the list follows the build."""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from pathlib import Path

WORKER = Path(__file__).with_name("sw.js")
MANIFEST = "manifest.webmanifest"
ICON = "assets/guide-icon.svg"
PAGES = re.compile(
    r"^(index\.html|study/.*index\.html|core/.*index\.html|study/[^/]+\.html|core/[^/]+\.html)$"
)
ASSET = re.compile(r'(?:src|href)="([^"#?:]+\.(?:css|js|json|svg|png|ico|woff2?|webmanifest))"')
# A practice page's own scripts, which study-guide.js adds (overrides/practice.html).
PRACTICE_SCRIPTS = re.compile(
    r'<script type="application/json" id="practice-scripts">([^<]*)</script>'
)


def practice_scripts(html: str) -> list[str]:
    """The scripts a practice page's list names (relative to the page), in order."""
    listed = PRACTICE_SCRIPTS.search(html)
    return json.loads(listed.group(1))["scripts"] if listed else []


def references(html: str) -> list[str]:
    """The same-site files a page uses: its src and href attributes, and its listed scripts."""
    return ASSET.findall(html) + practice_scripts(html)


def search_files(site: Path, langs: list[str]) -> set[str]:
    """Material's search, which every page starts: its worker (and ours, which runs it:
    docs/javascripts/search-pinyin.js), the index and the lunr language files for `langs`
    and the languages the index names (what the worker imports), so it has no request to
    fail offline."""
    names = [
        "search/search_index.json",
        *[
            p.relative_to(site).as_posix()
            for p in (site / "assets/javascripts/workers").glob("*.js")
        ],
    ]
    index = site / "search/search_index.json"
    if index.is_file():
        named = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", [])
        langs = [*langs, *(lang for lang in named if lang not in langs)]
    lunr = "assets/javascripts/lunr/min/lunr.{}.min.js"
    names += [
        lunr.format(n)
        for n in ("stemmer.support", "multi", *(lang for lang in langs if lang != "en"))
    ]
    return {n for n in names if (site / n).is_file()}


def precache(site: Path, langs: list[str] = ()) -> list[str]:
    """Paths (relative to the site root) of the pages to cache and the files they use."""
    found = [
        *site.glob("*.html"),
        *(site / "study").rglob("*.html"),
        *(site / "core").rglob("*.html"),
    ]
    pages = sorted(
        p.relative_to(site).as_posix() for p in found if PAGES.match(p.relative_to(site).as_posix())
    )
    files = set()
    for page in pages:
        folder = posixpath.dirname(page)
        for ref in references((site / page).read_text(encoding="utf-8")):
            path = posixpath.normpath(posixpath.join(folder, ref))
            if not path.startswith("..") and (site / path).is_file():
                files.add(path)
    files |= {p.relative_to(site).as_posix() for p in (site / "study" / "practice").glob("*.json")}
    files |= search_files(site, list(langs))
    urls = [("" if p == "index.html" else p.removesuffix("index.html")) for p in pages]
    return urls + sorted(files)


def worker(site: Path, langs: list[str] = ()) -> str:
    paths = precache(site, langs)
    digest = hashlib.sha256()
    for path in paths:
        target = site / (path + "index.html" if path.endswith("/") or not path else path)
        digest.update(path.encode() + b"\0" + target.read_bytes())
    source = WORKER.read_text(encoding="utf-8")
    source = source.replace('"__VERSION__"', json.dumps(digest.hexdigest()[:16]))
    return source.replace('["__PRECACHE__"]', json.dumps(paths, indent=0))


def manifest(name: str, short: str, description: str) -> str:
    return json.dumps(
        {
            "name": name,
            "short_name": short,
            "description": description,
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#1d4a73",
            "lang": "en",
            "icons": [{"src": ICON, "sizes": "any", "type": "image/svg+xml", "purpose": "any"}],
        },
        ensure_ascii=False,
        indent=1,
    )


ICON_SVG = (
    """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
<rect width="512" height="512" rx="96" fill="#1d4a73"/>
<path fill="#fff" d="M256 150c-40-30-100-40-160-34v250c60-6 120 4 160 34 40-30 100-40 160-34V116"""
    """c-60-6-120 4-160 34zm-16 236c-36-20-84-28-124-26V136c44-2 92 8 124 30zm156-26"""
    """c-40-2-88 6-124 26V166c32-22 80-32 124-30z"/>
</svg>
"""
)
