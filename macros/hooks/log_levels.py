"""Hook: a build prints what a contributor needs (problems, warnings, where the site is
served, how long it took), not the routine lines of two libraries, printed on every build
and rebuild: mkdocs-macros' INFO lines (the module it found, the functions, variables,
macros and filters it registered; `verbose: false` does not stop them) and jieba's
"Building prefix dict…" lines when Material's search loads its dictionary. `mkdocs build
-v` still shows them.

Hooks are imported while the configuration loads, before any plugin's on_config logs."""

from __future__ import annotations

import logging

import jieba

if logging.getLogger("mkdocs").getEffectiveLevel() > logging.DEBUG:
    logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)
    jieba.setLogLevel(logging.WARNING)  # jieba sets its logger to DEBUG when imported
