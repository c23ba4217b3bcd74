"""`write_pdf`: the stages in order (font, nav, pages, links, document, render), then the
file. Any problem (no CJK font, a dangling internal link, a missing glyph) raises
PdfError with one line per problem, and no PDF is written."""

from __future__ import annotations

import time
from pathlib import Path

from studyguide import ROOT
from studyguide.outputs.book.cjk_font import CJKFont, find_cjk_font, require_cjk_font
from studyguide.outputs.book.extract import text_of
from studyguide.outputs.book.nav import load_nav
from studyguide.outputs.pdf.assemble import build_html
from studyguide.outputs.pdf.errors import OUTPUT_NAME, PdfError
from studyguide.outputs.pdf.render import render
from studyguide.outputs.pdf.section import select_section


def write_pdf(
    site_dir: Path,
    output: Path | None = None,
    config_file: Path | None = None,
    font: CJKFont | None = None,
    section: str | None = None,
) -> dict:
    """Render SITE_DIR's pages into one PDF (or only the nav section titled `section`);
    return facts for the report."""
    started = time.perf_counter()
    font = font or require_cjk_font(find_cjk_font)  # before anything slow
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise PdfError(f"{site_dir} is not a built site (no index.html). Run make build first.")
    output = Path(output) if output else site_dir / OUTPUT_NAME
    config, outline = load_nav(Path(config_file) if config_file else ROOT / "mkdocs.yml")
    if section:
        outline = select_section(outline, section)
        config = dict(config, site_name=f"{config['site_name']}: {section}")
    assembled = build_html(config, outline, site_dir)
    if assembled.stats.problems:
        raise PdfError("\n".join(assembled.stats.problems))
    page_texts = {c.page.dest: text_of(c.article) for c in assembled.contents}
    rendered = render(assembled.document, site_dir, font, config["site_name"], page_texts)
    tmp = output.with_suffix(".pdf.tmp")
    tmp.write_bytes(rendered.pdf)
    tmp.replace(output)
    return {
        "output": output,
        "pages": rendered.pages,
        "bytes": len(rendered.pdf),
        "seconds": time.perf_counter() - started,
        "font": font,
        "internal_links": assembled.stats.internal,
        "external_links": assembled.stats.external,
        "warnings": rendered.warnings,
    }
