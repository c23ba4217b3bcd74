"""`python -m studyguide.outputs.epub SITE_DIR [--check]`: write SITE_DIR/guide.epub."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from studyguide import ROOT
from studyguide.outputs.book import BookError, build_date
from studyguide.outputs.book.extract import extract_article
from studyguide.outputs.book.nav import iter_pages, load_nav
from studyguide.outputs.epub.content import Chapter, Remapper, chapter_body
from studyguide.outputs.epub.font import FILE as FONT_FILE
from studyguide.outputs.epub.font import FontError, is_cjk, subset_font
from studyguide.outputs.epub.package import (
    cover_document,
    nav_document,
    package_document,
    write_zip,
)
from studyguide.outputs.epub.xhtml import document

OUTPUT_NAME = "guide.epub"
STYLESHEET = Path(__file__).with_name("epub.css")
LICENCE = "Text CC BY-SA 4.0; code MIT; quoted excerpts remain the work of their authors"


class EpubError(Exception):
    """A problem that stops the EPUB; the message says what to do."""


def write_epub(site_dir: Path, output: Path | None = None, config_file: Path | None = None) -> dict:
    started = time.perf_counter()
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise EpubError(f"{site_dir} is not a built site (no index.html). Run make build first.")
    output = Path(output) if output else site_dir / OUTPUT_NAME
    config, outline = load_nav(Path(config_file) if config_file else ROOT / "mkdocs.yml")
    lang = config["theme"].get("language") or "en"
    chapters = [
        Chapter(extract_article(page, site_dir, config["site_name"]))
        for page in iter_pages(outline)
    ]
    remapper = Remapper(chapters, config.get("site_url") or "")
    for chapter in chapters:
        remapper.rewrite(chapter)

    files: dict[str, str | bytes] = {}
    date = build_date()
    files["cover.xhtml"] = cover_document(config, date, LICENCE, lang, "epub.css")
    titles = {c.slug: c.content.title for c in chapters}
    files["nav.xhtml"] = nav_document(outline, titles, lang, "epub.css")
    for chapter in chapters:
        files[chapter.file] = document(
            chapter.content.title, chapter_body(chapter), lang, "epub.css"
        )
    spine = list(files)
    characters = {c for text in files.values() for c in text if is_cjk(c)}
    files["epub.css"] = STYLESHEET.read_text(encoding="utf-8")
    try:
        font = subset_font(characters) if characters else None
    except FontError as error:
        raise EpubError(str(error)) from None
    if font:
        files[FONT_FILE] = font.data
    files["package.opf"] = package_document(
        config, date, LICENCE, lang, spine, [n for n in files if n not in spine]
    )
    write_zip(output, files)
    return {
        "output": output,
        "bytes": output.stat().st_size,
        "chapters": len(chapters),
        "notes": remapper.report.notes,
        "internal_links": remapper.report.internal,
        "external_links": remapper.report.external,
        "problems": remapper.report.problems,
        "font": font,
        "seconds": time.perf_counter() - started,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m studyguide.outputs.epub", description=__doc__)
    parser.add_argument("site_dir", type=Path, help="the built site (site/)")
    parser.add_argument(
        "-o", "--output", type=Path, help=f"the EPUB (default: SITE_DIR/{OUTPUT_NAME})"
    )
    parser.add_argument(
        "-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml", help="mkdocs.yml"
    )
    parser.add_argument(
        "--check", action="store_true", help="then run EPUBCheck on it (needs Java)"
    )
    args = parser.parse_args(argv)
    try:
        facts = write_epub(args.site_dir, args.output, args.config_file)
    except (EpubError, BookError) as error:  # BookError: the book's nav, pages or font
        print(f"epub: error: {error}", file=sys.stderr)
        return 1
    for problem in facts["problems"]:
        print(f"epub: warning: {problem}", file=sys.stderr)
    font = facts["font"]
    print(
        f"epub: wrote {facts['output']} ({facts['bytes'] / 1e6:.2f} MB, {facts['chapters']} chapters, "
        f"{facts['notes']} term popups, {facts['internal_links']} internal and {facts['external_links']} "
        f"external links, {font.characters if font else 0} CJK characters embedded"
        f"{' from ' + font.source if font else ''}) in {facts['seconds']:.1f} s"
    )
    if args.check:
        from studyguide.outputs.epub.check import epubcheck

        result = epubcheck(facts["output"])
        print(result.summary())
        return 0 if result.clean else 1
    return 0 if not facts["problems"] else 1


if __name__ == "__main__":
    sys.exit(main())
