"""Markdown extension (mkdocs.yml: `macros.cjk_lang`): Chinese text marked lang="zh-Hans"
and tone-marked pinyin lang="zh-Latn-pinyin", on each page's element tree
(studyguide.render.lang_marks does the work)."""

from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from studyguide.render.lang_marks import mark_tree


class LangMarks(Treeprocessor):
    def run(self, root):
        mark_tree(root, self.md.htmlStash.rawHtmlBlocks)


class CjkLangExtension(Extension):
    def extendMarkdown(self, md):
        # After inline patterns (20) have turned text into elements; before toc (5).
        md.treeprocessors.register(LangMarks(md), "cjk_lang", 6)


def makeExtension(**kwargs):
    return CjkLangExtension(**kwargs)
