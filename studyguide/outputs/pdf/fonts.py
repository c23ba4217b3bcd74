"""Finding the Simplified Chinese font, and the CSS font stacks that use it.

Hanzi need Noto Serif CJK SC or Noto Sans CJK SC (Debian package fonts-noto-cjk).
Without one the command stops before anything slow.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from studyguide.outputs.pdf.errors import CJK_PACKAGE, PdfError

# Preferred first: the body text is set in a serif face.
CJK_FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC")
# Where Debian's fonts-noto-cjk puts them, for machines without fontconfig's fc-list.
CJK_DEBIAN_FILES = {
    "Noto Serif CJK SC": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",),
    "Noto Sans CJK SC": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",),
}


@dataclass(frozen=True)
class CJKFont:
    family: str
    path: str


def find_cjk_font() -> CJKFont | None:
    """The Simplified Chinese Noto font fontconfig knows (what WeasyPrint's Pango uses);
    without fc-list, the file at Debian's path. None when neither is there."""
    fc_list = shutil.which("fc-list")
    if fc_list:
        try:
            out = subprocess.run(
                [fc_list, "--format", "%{family}\t%{file}\n", ":lang=zh-cn"],
                capture_output=True,
                text=True,
                timeout=30,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        found: dict[str, str] = {}
        for line in out.splitlines():
            families, _, path = line.partition("\t")
            for family in families.split(","):
                found.setdefault(family.strip(), path)
        for family in CJK_FAMILIES:
            if family in found:
                return CJKFont(family, found[family])
    for family in CJK_FAMILIES:
        for path in CJK_DEBIAN_FILES[family]:
            if Path(path).is_file():
                return CJKFont(family, path)
    return None


def require_cjk_font(find=None) -> CJKFont:
    font = (find or find_cjk_font)()
    if font is None:
        raise PdfError(
            f"no Simplified Chinese font found ({' or '.join(CJK_FAMILIES)}): the hanzi would "
            f"print as empty boxes. Install the Debian package {CJK_PACKAGE} "
            f"(sudo apt-get install {CJK_PACKAGE}) and run again."
        )
    return font


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
