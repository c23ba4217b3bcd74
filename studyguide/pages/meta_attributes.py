"""Page metadata that the theme writes into HTML attributes.

Material's base.html writes `<meta name="description" content="{{ page.meta.description }}">`
and MkDocs' Jinja does not autoescape, so a description holding a straight double quote
ends the attribute early and the rest of the sentence becomes stray attributes (the W3C
checker's "Attribute … not allowed on element meta"). A description is plain text: it is
escaped once, at build time, for every page (macros/hooks/meta_attributes.py).
"""

from __future__ import annotations

from html import escape

from studyguide.errors import GuideError, Problem

# Front-matter keys the theme writes inside an attribute value.
ATTRIBUTE_KEYS = ("description",)


def escape_attribute_meta(meta: dict, where: str) -> dict:
    """Escape `&`, `<`, `>` and both quotes in each attribute-bound value of `meta`, in
    place. A value that is not text stops the build: it would be written as a Python repr."""
    for key in ATTRIBUTE_KEYS:
        value = meta.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise GuideError(
                Problem(
                    where,
                    None,
                    key,
                    f"must be plain text, not {type(value).__name__} (write it as one quoted line)",
                )
            )
        meta[key] = escape(value, quote=True)
    return meta
