"""Hook: generated pages (glossary, term pages, who's who, tracker, timeline, review) are
rendered after every other page, so the uses the other pages record as they render (which
page cites which term, person or excerpt) are complete when the lists are written.

Only the build order changes: the navigation comes from mkdocs.yml, not from this order.
"""

from __future__ import annotations

from mkdocs.structure.files import Files

from studyguide.pages import generated_from


def on_files(files, config):
    ordered = sorted(
        files, key=lambda f: generated_from(f.src_uri) is not None
    )  # stable: others keep their order
    return Files(ordered)
