"""The offline copy: `python -m studyguide.outputs.offline BUILT_DIR ZIP` zips a site
built with mkdocs.offline.yml (`make offline` does both) into one folder,
guide-offline/, whose index.html opens from disk with search working.

Refuses a site that would not work from disk: one built with directory URLs (no
index of .html pages) or without the inlined search index (the offline plugin off).
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

FOLDER = "guide-offline"
SKIP = {
    "sitemap.xml",
    "sitemap.xml.gz",
    "robots.txt",
    "guide.pdf",
    "guide.epub",
    "guide-offline.zip",
}


class OfflineError(Exception):
    pass


def check_offline_site(site_dir: Path) -> None:
    if not (site_dir / "index.html").is_file():
        raise OfflineError(f"{site_dir} is not a built site (no index.html)")
    if not (site_dir / "search" / "search_index.js").is_file():
        raise OfflineError(
            f"{site_dir} has no search/search_index.js: build it with mkdocs.offline.yml "
            "and GUIDE_OFFLINE=true (make offline), or search will not work from disk"
        )
    if (site_dir / "glossary" / "index.html").is_file():
        raise OfflineError(
            f"{site_dir} was built with directory URLs (glossary/index.html): from disk, "
            "links would open folders; build it with the offline plugin (make offline)"
        )
    if "unpkg.com" in (site_dir / "index.html").read_text(encoding="utf-8"):
        raise OfflineError(
            f"{site_dir}/index.html loads the search shim from a CDN: build with "
            "-f mkdocs.offline.yml, which vendors it"
        )


def write_zip(site_dir: Path, output: Path) -> int:
    check_offline_site(site_dir)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            relative = path.relative_to(site_dir).as_posix()
            if relative in SKIP:
                continue
            info = zipfile.ZipInfo(f"{FOLDER}/{relative}", (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())
    tmp.replace(output)
    return output.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m studyguide.outputs.offline", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("site_dir", type=Path, help="the site built with mkdocs.offline.yml")
    parser.add_argument("output", type=Path, help="the zip to write (site/guide-offline.zip)")
    args = parser.parse_args(argv)
    try:
        size = write_zip(args.site_dir, args.output)
    except OfflineError as error:
        print(f"offline: error: {error}", file=sys.stderr)
        return 1
    print(
        f"offline: wrote {args.output} ({size / 1e6:.1f} MB); unzip it and open {FOLDER}/index.html"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
