"""Three places where citeproc-py 0.11.1 departs from the CSL 1.0.2 specification, mended.

Imported (and applied once) by studyguide.cite.citations before any style is loaded.
Each mend follows the specification's words, and tests/test_cite.py feeds each one the
case that showed it; if citeproc-py fixes one upstream, its test still passes.

1. `initialize="false"` on cs:name (spec: "given names are not initialized"; Chicago
   uses it in bibliographies) is ignored: Chicago printed "Shi, S.-J.".
2. A given name with a lower-case part after a hyphen ("Sang-ho") is taken for a
   particle and left whole ("S.-. ho ."); the spec initializes every part ("S.-h.").
3. A variable a cs:substitute renders through a macro (APA and Chicago put the title in
   the author's place that way) is not suppressed for the rest of the entry, so an
   unsigned work printed its title twice (spec: "substituted variables are suppressed").
4. cs:label renders its term even when its variable is empty (spec: "cs:label must not
   be rendered if the selected variable is empty"): Chicago printed "n.d. Edition".
"""

from __future__ import annotations

from citeproc import model

_original_initialize = model.Name.initialize
_original_substitute = model.Substitute.render
_original_label = model.Label.process
CS = "{http://purl.org/net/xbiblio/csl}"


def _initialize(self, given, mark, context):
    if self.get("initialize") == "false":
        return given
    if self.get_option("initialize-with-hyphen", context) and "-" in given:
        first, *rest = given.split("-")
        parts = [_original_initialize(self, first, mark, context)]
        parts += [part[0] + mark.strip() for part in rest if part]
        return "-".join(parts)
    return _original_initialize(self, given, mark, context)


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


def _substitute(self, item, context=None, **kwargs):
    """As citeproc-py, then also suppress each variable a macro child printed: one the
    macro can reach, that the item has, and whose value is in the substituted text."""
    text = _original_substitute(self, item, context=context, **kwargs)
    if text:
        repressed = context.get_layout().repressed.setdefault(CS + "text", [])
        for child in self.getchildren():
            for variable in sorted(_macro_variables(child, set()) if child.get("macro") else ()):
                value = item.reference.get(variable.replace("-", "_"))
                if value and str(value).lower() in str(text).lower():
                    repressed.append(variable)
    return text


def _label(self, item, variable=None, plural=None, context=None, **kwargs):
    name = variable or self.get("variable")
    if name != "locator" and name.replace("-", "_") not in item.reference:
        return None
    return _original_label(self, item, variable, plural, context, **kwargs)


def apply() -> None:
    model.Name.initialize = _initialize
    model.Substitute.render = _substitute
    model.Label.process = _label
