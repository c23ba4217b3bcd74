"""The built site's term pages, glossary index and first-mention hanzi (the real site,
built once per session by the `site` fixture)."""

from __future__ import annotations

import gzip
import re

from studyguide import ROOT

TERM_LINK = re.compile(
    r'<a [^>]*href="(?:\.\./)*terms/([a-z0-9-]+)/"[^>]*>(.*?)</a>'
    r'( <span lang="zh-Hans">([^<]*)</span>)?'
)
EXCERPT_TERMS = re.compile(r'<p class="excerpt-terms">.*?</p>', re.S)


def article(path) -> str:
    html = path.read_text(encoding="utf-8")
    return html.split("<article", 1)[1].split("</article>", 1)[0]


def test_every_entry_has_a_term_page_with_the_hanzi_headline(site, guide):
    index = (site / "glossary/index.html").read_text(encoding="utf-8")
    for entry in guide.glossary.entries.values():
        body = article(site / "terms" / entry.key / "index.html")
        assert re.search(
            rf'<h1 id="{entry.key}"><span class="term-hanzi" lang="zh-Hans">'
            rf"{re.escape(entry.hanzi)}</span>",
            body,
        ), entry.key
        assert f'<span lang="zh-Latn-pinyin">{entry.pinyin}</span>' in body, entry.key
        assert "Used in:" in body and "In the sources" in body, entry.key
        assert f'href="../terms/{entry.key}/"' in index, (
            f"the glossary index does not link {entry.key}"
        )


def test_every_theme_chapter_shows_hanzi_at_a_terms_first_mention_only(site, guide):
    chapters = sorted(p for p in (ROOT / "docs/themes").glob("*.md") if p.stem != "index")
    assert len(chapters) >= 10
    for chapter in chapters:
        body = EXCERPT_TERMS.sub("", article(site / "themes" / chapter.stem / "index.html"))
        seen: set[str] = set()
        shown = 0
        for key, text, _, hanzi in TERM_LINK.findall(body):
            expected = guide.glossary.entries[key].hanzi
            if key not in seen and expected not in text:
                assert hanzi == expected, f"{chapter.name}: first mention of {key} lacks {expected}"
                shown += 1
            elif key in seen:
                assert not hanzi, f"{chapter.name}: a later mention of {key} repeats its hanzi"
            seen.add(key)
        assert shown, f"{chapter.name} shows no hanzi in its text"


def test_term_pages_are_outside_the_menu_but_in_the_sitemap(site, guide):
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = home.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "terms/" not in nav
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert all(f"/terms/{key}/" in sitemap for key in guide.glossary.entries)


def test_glossary_index_is_light(site):
    """The old glossary (every definition, note and list on one page) was 204 KB, 38 KB
    gzipped; the index keeps one row per term per view."""
    html = (site / "glossary/index.html").read_bytes()
    assert (
        len(gzip.compress(html)) < 16_000
        and b"<table" not in article(site / "glossary/index.html").encode()
    )
