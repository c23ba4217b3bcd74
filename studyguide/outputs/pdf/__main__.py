"""`python -m studyguide.outputs.pdf SITE_DIR`: write SITE_DIR/guide.pdf (see __init__) and, in
a second process at the same time, SITE_DIR/guide-core.pdf, the nav section "Core path" alone
(--no-core: the book only).

Exit 1 with one `pdf: error:` line per problem (a dangling internal link, a missing glyph,
no CJK font); 0 when the PDF is written."""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
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
    output = args.output or args.site_dir / OUTPUT_NAME
    if args.no_core:
        return _report(*_write(args, output, None))
    # The core path is laid out in a second process while this one lays out the book: on
    # two cores `make pdf` then takes the book's time alone.
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("fork")) as pool:
        core = pool.submit(_write, args, args.site_dir / CORE_OUTPUT, CORE_SECTION)
        status = _report(*_write(args, output, None))
        core_result = core.result()  # reported only when the book was written, as before
    return status or _report(*core_result)


def _write(args, output: Path, section: str | None) -> tuple[int, list[str], list[str]]:
    """Write one PDF: its exit status, and the lines for stdout and for stderr."""
    try:
        facts = write.write_pdf(args.site_dir, output, args.config_file, section=section)
    except BookError as error:  # PdfError, or the book's nav, pages or font
        errors = [f"pdf: error: {line}" for line in str(error).splitlines()]
        return 1, [], [*errors, f"pdf: {output} was not written"]
    warnings = [f"pdf: weasyprint: {warning}" for warning in facts["warnings"]]
    return (
        0,
        [
            f"pdf: wrote {facts['output']} ({facts['pages']} pages, "
            f"{facts['bytes'] / 1e6:.1f} MB, {facts['internal_links']} internal and "
            f"{facts['external_links']} external links, hanzi in {facts['font'].family}, "
            f"tagged) in {facts['seconds']:.1f} s"
        ],
        warnings,
    )


def _report(status: int, out: list[str], err: list[str]) -> int:
    for line in err:
        print(line, file=sys.stderr)
    for line in out:
        print(line)
    return status


if __name__ == "__main__":
    sys.exit(main())
