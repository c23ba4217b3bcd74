"""The CSS font stacks that set the PDF's text: DejaVu for Latin text and pinyin, the
Simplified Chinese font (studyguide.outputs.book.cjk_font) for hanzi."""

from __future__ import annotations

from studyguide.outputs.book.cjk_font import CJKFont


def font_css(font: CJKFont) -> str:
    """The font stacks: DejaVu for Latin text and pinyin (it has every tone mark), the CJK
    font for hanzi; the CJK font is in every stack, so hanzi never fall to another face."""
    cjk = f'"{font.family}"'
    sans_cjk = '"Noto Sans CJK SC"' if "Sans" not in font.family else cjk
    return (
        f"html {{ font-family: 'DejaVu Serif', {cjk}, serif; }}\n"
        f"@page {{ font-family: 'DejaVu Sans', {sans_cjk}, {cjk}, sans-serif; }}\n"
        f"h1, h2, h3, h4, h5, h6, .pdf-sans, th, .admonition-title, summary {{ font-family: 'DejaVu Sans', {sans_cjk}, {cjk}, sans-serif; }}\n"
        f"code, pre, kbd {{ font-family: 'DejaVu Sans Mono', {cjk}, monospace; }}\n"
        f":lang(zh-Hans), :lang(zh-CN), :lang(zh) {{ font-family: {cjk}, 'DejaVu Serif', serif; }}\n"
        f"h1 :lang(zh-Hans), h2 :lang(zh-Hans), h3 :lang(zh-Hans), h4 :lang(zh-Hans), th :lang(zh-Hans) {{ font-family: {sans_cjk}, {cjk}, sans-serif; }}\n"
        f":lang(zh-Latn-pinyin), :lang(zh-Latn) {{ font-family: 'DejaVu Serif', {cjk}, serif; }}\n"
    )


def running_css(site_name: str) -> str:
    """The left running header: the guide's title."""
    return "@page { @top-left { content: " + _css_string(site_name.split(":")[0]) + "; } }\n"


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'
