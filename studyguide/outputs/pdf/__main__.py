"""`python -m studyguide.outputs.pdf SITE_DIR`: write SITE_DIR/guide.pdf (see __init__), then
SITE_DIR/guide-core.pdf, the nav section "Core path" alone (--no-core: the book only).

Exit 1 with one `pdf: error:` line per problem (a dangling internal link, a missing glyph,
no CJK font); 0 when the PDF is written."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from studyguide import ROOT
from studyguide.outputs.book import BookError
from studyguide.outputs.pdf import write
from studyguide.outputs.pdf.errors import OUTPUT_NAME
from studyguide.outputs.pdf.section import CORE_OUTPUT, CORE_SECTION


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m studyguide.outputs.pdf",
        description="Write the whole guide as one PDF from the built site.",
    )
    parser.add_argument("site_dir", type=Path, help="the built site (site/)")
    parser.add_argument(
        "-o", "--output", type=Path, help=f"the PDF (default: SITE_DIR/{OUTPUT_NAME})"
    )
    parser.add_argument(
        "-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml", help="mkdocs.yml"
    )
    parser.add_argument(
        "--no-core",
        action="store_true",
        help=f"do not write SITE_DIR/{CORE_OUTPUT} (the core path)",
    )
    args = parser.parse_args(argv)
    status = _write(args, args.output or args.site_dir / OUTPUT_NAME, None)
    if status == 0 and not args.no_core:
        status = _write(args, args.site_dir / CORE_OUTPUT, CORE_SECTION)
    return status


def _write(args, output: Path, section: str | None) -> int:
    try:
        facts = write.write_pdf(args.site_dir, output, args.config_file, section=section)
    except BookError as error:  # PdfError, or the book's nav, pages or font
        for line in str(error).splitlines():
            print(f"pdf: error: {line}", file=sys.stderr)
        print(f"pdf: {output} was not written", file=sys.stderr)
        return 1
    for warning in facts["warnings"]:
        print(f"pdf: weasyprint: {warning}", file=sys.stderr)
    print(
        f"pdf: wrote {facts['output']} ({facts['pages']} pages, {facts['bytes'] / 1e6:.1f} MB, "
        f"{facts['internal_links']} internal and {facts['external_links']} external links, "
        f"hanzi in {facts['font'].family}, tagged) in {facts['seconds']:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
