"""citeproc-py's macro lookup, memoized: the same output, about ten times fewer XPath runs.

citeproc-py 0.11.1 finds a CSL macro by running an XPath query over the whole style each
time an element asks for one (`CitationStylesElement.get_macro`), and asks again for every
element of every entry, often through `calls_variable`: rendering the guide's 156
citations ran 118,000 queries, 13 of a cold build's 20 seconds. A style's macros never
change once it is parsed, so each (style, name) is looked up once.

Imported (and applied once) by studyguide.cite.citations with citeproc_gaps;
tests/test_cite.py checks that every macro of the vendored styles resolves to the element
the uncached lookup finds.
"""

from __future__ import annotations

from citeproc import model

_original_get_macro = model.CitationStylesElement.get_macro
# (style root, macro name) -> the cs:macro element. Holding the root keeps its lxml proxy
# alive, so get_root() hands back this same object (lxml reuses a live proxy) and the key
# matches; a style is parsed once per process (citations.style), so this stays small.
_MACROS: dict[tuple[object, str], object] = {}


def get_macro(self, name: str):
    key = (self.get_root(), name)
    macro = _MACROS.get(key)
    if macro is None:
        macro = _MACROS[key] = _original_get_macro(self, name)
    return macro


def apply() -> None:
    model.CitationStylesElement.get_macro = get_macro
