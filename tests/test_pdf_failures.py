"""`make pdf` fails loudly, one line per problem naming the page and the link (or glyph),
on bad input: a dangling internal link, a page left out of the nav, a missing glyph, no
CJK font. Also the unit rules it relies on: link mapping and MkDocs' page URLs."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET

import pytest
from pdf_support import guide_pdf, require_fonts, run_pdf

from studyguide import ROOT
from studyguide.outputs.book import BookError, nav
from studyguide.outputs.pdf import write


def _content(url: str, ids: set[str]):
    page = guide_pdf.NavPage(None, url, url + "index.html", guide_pdf.page_slug(url), 2)
    return guide_pdf.PageContent(page, ET.Element("div"), url, ids)


def test_links_resolve_against_the_page_url(tmp_path):
    shi = _content("sources/shi-2014/", {"shi-2014-co-optation"})
    glossary = _content("glossary/", {"hukou"})
    home = _content("", set())
    (tmp_path / "deck.apkg").write_bytes(b"x")
    mapper = guide_pdf.LinkMapper([shi, glossary, home], tmp_path, "https://example.org/guide/")
    assert mapper.target(shi, "../../glossary/#hukou") == ("#glossary--hukou", True)
    assert mapper.target(shi, "#shi-2014-co-optation") == (
        "#sources-shi-2014--shi-2014-co-optation",
        True,
    )
    assert mapper.target(glossary, "../sources/shi-2014/") == ("#page--sources-shi-2014", True)
    assert mapper.target(glossary, "../") == ("#page--index", True)
    assert mapper.target(home, "glossary/index.html#hukou") == ("#glossary--hukou", True)
    assert mapper.target(home, "https://example.com/x") == ("https://example.com/x", False)
    assert mapper.target(home, "deck.apkg") == ("https://example.org/guide/deck.apkg", False)
    assert not mapper.stats.problems, "a download is a web link, not a problem"
    assert mapper.target(home, "glossary/#nowhere") == ("#page--glossary", True)
    assert mapper.target(glossary, "../nowhere/") == ("https://example.org/guide/nowhere/", False)
    assert mapper.stats.problems == [
        "glossary/index.html: ../nowhere/: /nowhere/ is no page of the built site (fix the link)",
        "index.html: glossary/#nowhere: no id 'nowhere' on glossary/index.html (fix the link or the anchor)",
    ]


def test_page_urls_follow_mkdocs():
    assert nav.page_urls("index.md") == ("", "index.html")
    assert nav.page_urls("glossary.md") == ("glossary/", "glossary/index.html")
    assert nav.page_urls("themes/index.md") == ("themes/", "themes/index.html")
    assert nav.page_urls("sources/shi-2014.md") == (
        "sources/shi-2014/",
        "sources/shi-2014/index.html",
    )
    assert nav.page_urls("a/b.md", directory_urls=False) == ("a/b.html", "a/b.html")


def test_config_reads_env_tags(tmp_path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: X\nsite_url: !ENV [SITE_URL, 'https://a.example/x/']\n"
        "theme: {name: material, language: en}\nnav:\n  - index.md\n  - Web: https://b.example/\n"
    )
    monkeypatch.setenv("SITE_URL", "https://c.example/guide")
    settings, outline = nav.load_nav(config)
    assert settings["site_url"] == "https://c.example/guide/"
    assert [(p.url, p.dest) for p in outline] == [("", "index.html")], (
        "an external nav link is not a page"
    )


def test_print_appendix_pages_join_the_appendices_before_the_terms():
    """The guide's own mkdocs.yml: the study sheets leave the Study part for the appendices."""
    _, outline = nav.load_nav(ROOT / "mkdocs.yml")
    study = next(s for s in outline if s.title == "Study")
    assert "study/sheets/" not in [p.url for p in study.children]
    appendix = outline[-1]
    urls = [getattr(c, "url", c.title) for c in appendix.children]
    assert urls[-2:] == ["study/sheets/", "Terms"], urls
    assert appendix.children[-2].level == 2


def test_print_appendix_names_a_page_not_in_the_nav(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: X\nextra: {print_appendix: [study/sheet.md]}\nnav:\n  - index.md\n  - study/sheets.md\n"
    )
    with pytest.raises(
        BookError, match=r"print_appendix lists study/sheet\.md, which the nav does not"
    ):
        nav.load_nav(config)


def test_fails_fast_without_a_cjk_font(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(write, "find_cjk_font", lambda: None)

    def must_not_run(*args, **kwargs):
        raise AssertionError("rendering started without a CJK font")

    monkeypatch.setattr(write, "load_nav", must_not_run)
    monkeypatch.setattr(write, "build_html", must_not_run)
    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    from studyguide.outputs.pdf.__main__ import main

    assert main([str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "fonts-noto-cjk" in err and "Noto" in err
    assert not (tmp_path / "guide.pdf").exists()


@pytest.mark.pdf
def test_dangling_internal_links_fail_naming_page_and_link(site, tmp_path):
    """A copy of the built site with a link to a missing anchor and one to a missing page."""
    require_fonts()
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("guide.pdf"))
    page = copy / "glossary" / "index.html"
    bad = '<p><a href="../about/#no-such-anchor">x</a> <a href="../themes/no-such-page/">y</a></p>'
    page.write_text(
        page.read_text(encoding="utf-8").replace("</h1>", "</h1>" + bad, 1), encoding="utf-8"
    )
    result = run_pdf(copy)
    assert result.returncode == 1, result.stderr[-2000:]
    errors = [line for line in result.stderr.splitlines() if line.startswith("pdf: error: ")]
    assert any(
        "glossary/index.html: ../about/#no-such-anchor: no id 'no-such-anchor' on about/index.html"
        in e
        for e in errors
    ), errors
    assert any(
        "glossary/index.html: ../themes/no-such-page/: /themes/no-such-page/ is no page" in e
        for e in errors
    ), errors
    assert len(errors) == 2, errors
    assert not (copy / "guide.pdf").exists()


@pytest.mark.pdf
def test_missing_glyph_fails_naming_page_and_character(tmp_path):
    """A one-page site with U+0378 (unassigned: no font has it)."""
    require_fonts()
    pytest.importorskip("weasyprint", reason="WeasyPrint or its system libraries (Pango) missing")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Tiny\ntheme: {name: material, language: en}\nnav:\n  - Odd: odd.md\n"
    )
    (tmp_path / "site" / "odd").mkdir(parents=True)
    (tmp_path / "site" / "index.html").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "site" / "odd" / "index.html").write_text(
        "<html><head><meta charset='utf-8'></head><body><article class='md-content__inner'>"
        "<h1>Odd</h1><p>a \u0378 and 中文</p></article></body></html>",
        encoding="utf-8",
    )
    result = run_pdf(tmp_path / "site", "-f", str(config))
    assert result.returncode == 1, result.stderr[-2000:]
    errors = [line for line in result.stderr.splitlines() if line.startswith("pdf: error: ")]
    assert (
        errors == [errors[0]]
        and "odd/index.html: no font has a glyph for '\\u0378' (U+0378" in errors[0]
    ), errors
    assert not (tmp_path / "site" / "guide.pdf").exists()


@pytest.mark.pdf
def test_hanzi_set_without_the_cjk_font_stop_the_pdf():
    """The fonts WeasyPrint drew a tiny document with are read back from the rendering; a
    document with hanzi that the CJK font did not set is refused, naming the fonts used."""
    require_fonts()
    pytest.importorskip("weasyprint", reason="WeasyPrint or its system libraries (Pango) missing")
    from weasyprint import HTML

    from studyguide.outputs.book import cjk_font
    from studyguide.outputs.pdf import render

    cjk = cjk_font.find_cjk_font()
    rendered = HTML(string=f"<p style=\"font-family: '{cjk.family}'\">户口 hukou</p>").render()
    rendered.write_pdf()
    used = render.used_fonts(rendered)
    assert any(cjk.family.replace(" ", "") in name.replace("-", "") for name in used), used
    render.check_hanzi_font(used, "户口", cjk)  # set with the CJK font: fine
    with pytest.raises(
        render.PdfError, match=r"the hanzi were set without .*fonts used: ABCDEF\+DejaVuSerif"
    ):
        render.check_hanzi_font({"ABCDEF+DejaVuSerif"}, "户口", cjk)
    render.check_hanzi_font(set(), "no hanzi here", cjk)  # nothing to set: nothing to check


def test_the_article_is_read_the_same_from_the_page_cut_to_title_and_article(site):
    """extract_article parses only a page's <title> and article (not Material's
    navigation): on a page of each kind what it keeps is what a parse of the whole page
    keeps; a page without the article markup is parsed whole."""
    import tinyhtml5

    from studyguide.outputs.book import extract

    kinds = [
        "",
        "sources/shi-2014/",
        "themes/welfare-mix/",
        "glossary/",
        "terms/hukou/",
        "timeline/",
        "study/sheets/",
        "who/",
    ]
    for path in (site / kind / "index.html" for kind in kinds):
        raw = path.read_bytes()
        cut = extract._title_and_article(raw)
        assert len(cut) < len(raw) - 20_000, (
            f"{path}: the cut kept {len(cut)} of {len(raw)} bytes (the navigation?)"
        )
        whole, part = (tinyhtml5.parse(b, namespace_html_elements=False) for b in (raw, cut))
        articles = [
            next(e for e in tree.iter() if extract.tag_of(e) == "article") for tree in (whole, part)
        ]
        for article in articles:
            article.tail = None  # what follows </article>, not part of it
        titles = [
            extract.text_of(next(e for e in tree.iter() if extract.tag_of(e) == "title"))
            for tree in (whole, part)
        ]
        assert ET.tostring(articles[0]) == ET.tostring(articles[1]) and titles[0] == titles[1], path
    assert (
        extract._title_and_article(b"<html><body><main>no article</main></body></html>")
        == b"<html><body><main>no article</main></body></html>"
    )


def test_kept_page_references_are_pydyfs_own_after_every_page():
    """studyguide.outputs.pdf.pydyf_speed keeps pydyf's page references instead of
    rebuilding them on each read: after each page added, what it hands back is what
    pydyf's own property builds."""
    import pydyf

    from studyguide.outputs.pdf import pydyf_speed

    pydyf_speed.apply()
    pdf = pydyf.PDF()
    assert pdf.page_references == pydyf_speed._original.fget(pdf) == ()
    for n in range(1, 5):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        first = pdf.page_references
        assert first == pydyf_speed._original.fget(pdf) and len(first) == n
        assert pdf.page_references is first  # kept, not rebuilt
