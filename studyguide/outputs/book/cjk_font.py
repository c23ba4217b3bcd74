"""Finding the Simplified Chinese font the PDF sets hanzi in and the EPUB embeds.

Hanzi need Noto Serif CJK SC or Noto Sans CJK SC (Debian package fonts-noto-cjk).
Without one the command stops before anything slow.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from studyguide.outputs.book import BookError

CJK_PACKAGE = "fonts-noto-cjk"

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
        raise BookError(
            f"no Simplified Chinese font found ({' or '.join(CJK_FAMILIES)}): the hanzi would "
            f"print as empty boxes. Install the Debian package {CJK_PACKAGE} "
            f"(sudo apt-get install {CJK_PACKAGE}) and run again."
        )
    return font
