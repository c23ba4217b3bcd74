"""A CSL style for citeproc-py whose elements are our subclasses of citeproc-py's own: the
library is used as published, nothing in it is replaced.

citeproc-py 0.11.1 builds a style's elements from the classes in `citeproc.model` (an lxml
class lookup by tag). `GuideStyle` parses the style with a lookup of its own that gives
each tag a subclass of the class citeproc-py gives it (read from citeproc-py's own parse of
the same file, so a class added upstream is followed), overriding four things:

- Speed: every element looks a macro up in a table built once per style instead of by
  an XPath query over the whole style each time (`CitationStylesElement.get_macro`):
  rendering the guide's 156 citations asked 118,000 times, 13 of a cold build's 20 s.
- Three places where citeproc-py departs from the CSL 1.0.2 specification, mended by
  the specification's words (tests/test_cite.py feeds each the case that showed it):
  1. `initialize="false"` on cs:name ("given names are not initialized"; Chicago uses
     it in bibliographies) is ignored: Chicago printed "Shi, S.-J.". And a given name
     with a lower-case part after a hyphen ("Sang-ho") is taken for a particle and left
     whole ("S.-. ho ."); the spec initializes every part ("S.-h.").
  2. A variable a cs:substitute renders through a macro (APA and Chicago put the title
     in the author's place that way) is not suppressed for the rest of the entry, so an
     unsigned work printed its title twice ("substituted variables are suppressed").
  3. cs:label renders its term even when its variable is empty ("cs:label must not be
     rendered if the selected variable is empty"): Chicago printed "n.d. Edition".

Citations are rendered only when one is not in the build cache (citations.RenderedCache),
so this runs on a cold build or after a source, a style or citeproc-py changes.
"""

from __future__ import annotations

from functools import cache
from io import BytesIO

from citeproc import CitationStylesStyle, model
from citeproc.frontend import CitationStylesXML
from lxml import etree

CSL_NS = "http://purl.org/net/xbiblio/csl"
CS = "{" + CSL_NS + "}"
# style root -> {macro name: cs:macro}. Holding the root keeps its lxml proxy alive, so
# get_root() hands back this same object and the key matches; a style is parsed once per
# process (citations._style), so this stays small.
_MACROS: dict[object, dict[str, object]] = {}


class MacroTable:
    """Mixed into every element class: a style's macros, looked up once."""

    def get_macro(self, name: str):
        root = self.get_root()
        table = _MACROS.get(root)
        if table is None:
            table = _MACROS[root] = {m.get("name"): m for m in root.iterfind(CS + "macro")}
        return table[name]


class Name(MacroTable, model.Name):
    def initialize(self, given, mark, context):
        if self.get("initialize") == "false":
            return given
        if self.get_option("initialize-with-hyphen", context) and "-" in given:
            first, *rest = given.split("-")
            parts = [super().initialize(first, mark, context)]
            parts += [part[0] + mark.strip() for part in rest if part]
            return "-".join(parts)
        return super().initialize(given, mark, context)


def _macro_variables(element, seen: set[str]) -> set[str]:
    """The variables a cs:text calls, through macros and the macros they call."""
    if element.get("variable"):
        return {element.get("variable")}
    name = element.get("macro")
    if not name or name in seen:
        return set()
    seen.add(name)
    found: set[str] = set()
    for text in element.get_macro(name).iter(CS + "text"):
        found |= _macro_variables(text, seen)
    return found


class Substitute(MacroTable, model.Substitute):
    def render(self, item, context=None, **kwargs):
        """As citeproc-py, then also suppress each variable a macro child printed: one the
        macro can reach, that the item has, and whose value is in the substituted text."""
        text = super().render(item, context=context, **kwargs)
        if text:
            repressed = context.get_layout().repressed.setdefault(CS + "text", [])
            for child in self.getchildren():
                called = _macro_variables(child, set()) if child.get("macro") else ()
                for variable in sorted(called):
                    value = item.reference.get(variable.replace("-", "_"))
                    if value and str(value).lower() in str(text).lower():
                        repressed.append(variable)
        return text


class Label(MacroTable, model.Label):
    def process(self, item, variable=None, plural=None, context=None, **kwargs):
        name = variable or self.get("variable")
        if name != "locator" and name.replace("-", "_") not in item.reference:
            return None
        return super().process(item, variable, plural, context, **kwargs)


MENDED = {model.Name: Name, model.Substitute: Substitute, model.Label: Label}


@cache
def guide_class(library_class: type) -> type:
    """Our subclass of one of citeproc-py's element classes."""
    if library_class in MENDED:
        return MENDED[library_class]
    return type(library_class.__name__, (MacroTable, library_class), {})


class GuideStyle(CitationStylesStyle):
    """citeproc-py's CitationStylesStyle, its elements built from our subclasses."""

    def __init__(self, style: bytes, locale: str | None = None):
        stock = CitationStylesXML(BytesIO(style), validate=False).root  # citeproc-py's classes
        lookup = etree.ElementNamespaceClassLookup()
        namespace = lookup.get_namespace(CSL_NS)
        namespace[None] = model.CitationStylesElement
        for element in stock.iter(CS + "*"):
            if type(element) is not model.CitationStylesElement:  # the default stays
                namespace[etree.QName(element).localname] = guide_class(type(element))
        self.parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
        self.parser.set_element_class_lookup(lookup)
        self.xml = etree.parse(BytesIO(style), self.parser)
        self.root = self.xml.getroot()
        self.root.set_locale_list(
            locale or self.root.get("default-locale", "en-US"), validate=False
        )
