"""The mkdocs-macros module (mkdocs.yml: `module_name: macros/main`).

`define_env` loads the data once and registers the macros; each macro is a call into the
studyguide package, with the current page's path added. Nothing else happens here.
"""

from __future__ import annotations

from pathlib import Path

from studyguide.crossref.index import build_index
from studyguide.load.guide import load_guide
from studyguide.load.memo import kept
from studyguide.render.macros import Macros


def define_env(env):
    guide = load_guide(Path(env.project_dir))
    # The cross-index of the data, remembered under the guide's key (load.memo): a fresh
    # copy each build, since rendering adds each page's uses to it.
    index = kept(guide.root, "index.pickle", guide.key, lambda: build_index(guide))
    macros = Macros(guide, index, page=lambda: env.page)
    for name, function in macros.functions().items():
        env.macro(function, name)
