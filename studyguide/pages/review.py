"""The review page (docs/study/review.md): every theme's self-check questions."""

from __future__ import annotations

from studyguide.crossref.index import Index
from studyguide.load.guide import Guide
from studyguide.pages import NOTICE
from studyguide.render.blocks import self_check
from studyguide.render.links import md_link, md_text, relative


def review_page(guide: Guide, index: Index, page: str) -> str:
    """Every theme's self-check questions on one page, grouped by theme."""
    out = [NOTICE.format(data="data/selfcheck.yaml", macro="review_page")]
    for theme in guide.selfcheck:
        target = f"themes/{theme}.md"
        title = index.page_titles.get(target, theme)
        out.append(f"## {md_text(title)}\n")
        out.append(f"From the chapter {md_link(title, relative(page, target))}.\n")
        out.append(self_check(guide, page, theme))
    return "\n".join(out) + "\n"
