"""Markdown extension: wrap every run of Chinese characters in <span lang="zh-Hans">, and
every run of tone-marked pinyin in <span lang="zh-Latn-pinyin">.

Screen readers then switch voice, browsers pick a CJK font, and WCAG 3.1.2 (language of
parts) holds on every page without authors having to remember markup. It runs on the
finished HTML of each page (after raw HTML is restored), so it also covers HTML written
by hand or by macros. Text inside an element that already has a lang attribute, and
code, scripts and styles, are left alone.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
PUNCT = r"\u3000-\u303f\uff01-\uff5e"
CJK_RUN = rf"[{PUNCT}{HAN}]*[{HAN}][{PUNCT}{HAN}]*"
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A pinyin word has at least two letters and a tone mark ("hùkǒu", "Zhōngguó", "dī");
# a run is such words separated by single spaces. Lone "à" (as in "à la") is not one.
PINYIN_WORD = rf"(?<![\w'’])(?=[a-zA-Zü{TONED}'’]*[{TONED}])[a-zA-Zü{TONED}'’]{{2,}}(?![\w])"
RUN = re.compile(rf"(?P<zh>{CJK_RUN})|(?P<py>{PINYIN_WORD}(?: {PINYIN_WORD})*)")
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<!--.*?-->", re.S)
SKIP = {"code", "pre", "script", "style", "textarea", "svg"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
LANG_ATTR = re.compile(r"\slang\s*=", re.I)


def wrap(html: str) -> str:
    """Return `html` with Chinese runs in text (not in skipped elements) wrapped."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag, skip) for open elements
    at = 0
    for match in TAG.finditer(html):
        out.append(_text(html[at:match.start()], stack))
        out.append(match.group())
        at = match.end()
        closing, name, attrs = match.group(1), (match.group(2) or "").lower(), match.group(3) or ""
        if not name:
            continue
        if closing:
            while stack:
                tag, _ = stack.pop()
                if tag == name:
                    break
        elif name not in VOID and not attrs.rstrip().endswith("/"):
            skip = bool(stack and stack[-1][1]) or name in SKIP or bool(LANG_ATTR.search(attrs))
            stack.append((name, skip))
    out.append(_text(html[at:], stack))
    return "".join(out)


def _text(text: str, stack) -> str:
    if not text or (stack and stack[-1][1]):
        return text
    return RUN.sub(lambda m: f'<span lang="{"zh-Hans" if m.group("zh") else "zh-Latn-pinyin"}">{m.group()}</span>', text)


class CjkLangPostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        return wrap(text)


class CjkLangExtension(Extension):
    def extendMarkdown(self, md):
        md.postprocessors.register(CjkLangPostprocessor(md), "cjk_lang", 5)


def makeExtension(**kwargs):
    return CjkLangExtension(**kwargs)
