"""The mkdocs-macros module (mkdocs.yml: `module_name: macros/main`).

`define_env` loads the data once and registers the macros; each macro is a call into the
studyguide package, with the current page's path added. Nothing else happens here.
"""

from __future__ import annotations

from studyguide.site_macros import Macros


def define_env(env):
    macros = Macros.load(env.project_dir, page=lambda: env.page)
    for name, function in macros.functions().items():
        env.macro(function, name)
