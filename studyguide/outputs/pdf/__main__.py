"""`python -m studyguide.outputs.pdf SITE_DIR`: write SITE_DIR/guide.pdf (see __init__).

Exit 1 with one `pdf: error:` line per problem (a dangling internal link, a missing glyph,
no CJK font); 0 when the PDF is written."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from studyguide import ROOT
from studyguide.outputs.pdf import write
from studyguide.outputs.pdf.errors import OUTPUT_NAME, PdfError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m studyguide.outputs.pdf",
                                     description="Write the whole guide as one PDF from the built site.")
    parser.add_argument("site_dir", type=Path, help="the built site (site/)")
    parser.add_argument("-o", "--output", type=Path, help=f"the PDF (default: SITE_DIR/{OUTPUT_NAME})")
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml", help="mkdocs.yml")
    args = parser.parse_args(argv)
    try:
        facts = write.write_pdf(args.site_dir, args.output, args.config_file)
    except PdfError as error:
        for line in str(error).splitlines():
            print(f"pdf: error: {line}", file=sys.stderr)
        print(f"pdf: {args.output or args.site_dir / OUTPUT_NAME} was not written", file=sys.stderr)
        return 1
    for warning in facts["warnings"]:
        print(f"pdf: weasyprint: {warning}", file=sys.stderr)
    print(f"pdf: wrote {facts['output']} ({facts['pages']} pages, {facts['bytes'] / 1e6:.1f} MB, "
          f"{facts['internal_links']} internal and {facts['external_links']} external links, "
          f"hanzi in {facts['font'].family}, tagged) in {facts['seconds']:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
