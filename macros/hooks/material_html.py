"""Hook: two fixes to the HTML Material writes, so every page passes the W3C checker.

- Material's nav-item.html writes `tabindex=""` on the labels of navigation sections
  (it sets tabindex only for collapsible ones). An empty tabindex is invalid HTML, and
  browsers treat it as absent, so dropping it changes nothing a reader can see or do.
- On a page outside the nav (the term pages, the benchmarks), the table of contents'
  title is a `<label for="__toc">` although the `__toc` checkbox is written only for
  pages in the nav; the label's `for` then names nothing, and is dropped.
Overriding the 170-line templates for this would be a larger and riskier change.
tests/test_validators.py runs the checker on every page.
"""

from __future__ import annotations

EMPTY_TABINDEX = ' tabindex=""'
TOC_LABEL = 'class="md-nav__title" for="__toc"'


def on_post_page(output, page, config):
    output = output.replace(EMPTY_TABINDEX, "")
    if 'id="__toc"' not in output:
        output = output.replace(TOC_LABEL, 'class="md-nav__title"')
    return output


def on_post_template(output_content, template_name, config):
    return output_content.replace(EMPTY_TABINDEX, "")  # 404.html has the navigation too
