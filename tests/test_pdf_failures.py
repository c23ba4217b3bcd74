"""`make pdf` fails loudly, one line per problem naming the page and the link (or glyph),
on bad input: a dangling internal link, a page left out of the nav, a missing glyph, no
CJK font. Also the unit rules it relies on: link mapping and MkDocs' page URLs."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET

import pytest
from pdf_support import guide_pdf, require_fonts, run_pdf

from studyguide import ROOT
from studyguide.load import page_manifest
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
        "index.html: glossary/#nowhere: no id 'nowhere' on glossary/index.html "
        "(fix the link or the anchor)",
    ]


def write_manifest(site_dir, *srcs: str) -> None:
    """A built site's page manifest listing `srcs` in the nav, with MkDocs' URLs."""
    pages = [
        page_manifest.Page(src, url, dest, src, (), i) for i, (src, url, dest) in enumerate(srcs)
    ]
    (site_dir / page_manifest.FILE).write_text(page_manifest.Manifest(pages).to_json())


def test_config_reads_env_tags(tmp_path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: X\nsite_url: !ENV [SITE_URL, 'https://a.example/x/']\n"
        "theme: {name: material, language: en}\nnav:\n  - index.md\n  - Web: https://b.example/\n"
    )
    monkeypatch.setenv("SITE_URL", "https://c.example/guide")
    write_manifest(tmp_path, ("index.md", "", "index.html"))
    settings, outline = nav.load_nav(config, tmp_path)
    assert settings["site_url"] == "https://c.example/guide/"
    assert [(p.url, p.dest) for p in outline] == [("", "index.html")], (
        "an external nav link is not a page"
    )


def test_print_appendix_pages_join_the_appendices_before_the_terms(site):
    """The guide's own mkdocs.yml: the study sheets leave the Study part for the appendices."""
    _, outline = nav.load_nav(ROOT / "mkdocs.yml", site)
    study = next(s for s in outline if s.title == "Study")
    assert "study/sheets/" not in [p.url for p in study.children]
    appendix = outline[-1]
    urls = [getattr(c, "url", c.title) for c in appendix.children]
    assert urls[-2:] == ["study/sheets/", "Terms"], urls
    assert appendix.children[-2].level == 2


def test_print_appendix_names_a_page_not_in_the_nav(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: X\nextra: {print_appendix: [study/sheet.md]}\n"
        "nav:\n  - index.md\n  - study/sheets.md\n"
    )
    write_manifest(
        tmp_path,
        ("index.md", "", "index.html"),
        ("study/sheets.md", "study/sheets/", "study/sheets/index.html"),
    )
    with pytest.raises(
        BookError, match=r"print_appendix lists study/sheet\.md, which the nav does not"
    ):
        nav.load_nav(config, tmp_path)


def test_a_site_without_a_page_manifest_is_refused(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: X\nnav:\n  - index.md\n")
    with pytest.raises(BookError, match=r"pages\.json: no page manifest: build the site"):
        nav.load_nav(config, tmp_path)
    (tmp_path / "pages.json").write_text('{"version": 99, "pages": []}')
    with pytest.raises(BookError, match=r"not a page manifest this code can read: version 99"):
        nav.load_nav(config, tmp_path)


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
    write_manifest(tmp_path / "site", ("odd.md", "odd/", "odd/index.html"))
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


TAGGED = (
    "<html lang='en'><body><p>The <span lang='zh-Hans'>户口</span> "
    "(<span lang='zh-Latn-pinyin'>hùkǒu</span>) and a <span>plain span</span>.</p>"
    "<table><thead><tr><th>Term</th><th>Gloss</th></tr></thead>"
    "<tbody><tr><th scope='row'>单位</th><td>work unit</td></tr></tbody></table></body></html>"
)


def tagged_elements(document: str) -> list[dict]:
    """The structure elements of `document` rendered as the guide renders (PDF/UA-1 with
    tags.add_attributes as WeasyPrint's finisher), in the order they were made."""
    require_fonts()
    pytest.importorskip("weasyprint", reason="WeasyPrint or its system libraries (Pango) missing")
    from weasyprint import HTML

    from studyguide.outputs.pdf import tags

    kept = []

    def finisher(document, pdf):
        tags.add_attributes(document, pdf)
        kept.extend(o for o in pdf.objects if isinstance(o, dict) and "S" in o)

    HTML(string=document).render().write_pdf(pdf_variant="pdf/ua-1", finisher=finisher)
    return kept


@pytest.mark.pdf
def test_spans_carry_their_language_and_header_cells_their_scope():
    """WeasyPrint's own structure elements, given /Lang by the span they were made for
    and /Scope by the header cell's scope (no attribute: /Column)."""
    elements = tagged_elements(TAGGED)
    spans = [
        (e["Lang"].string if "Lang" in e else "", len(e["K"]))
        for e in elements
        if e["S"] == "/Span"
    ]
    assert [lang for lang, _ in spans if lang] == ["zh-Hans", "zh-Latn-pinyin"], spans
    assert all("Lang" not in e for e in elements if e["S"] != "/Span"), "a /Lang elsewhere"
    scopes = [str(e["A"].get("Scope")) for e in elements if e["S"] == "/TH"]
    assert scopes == ["/Column", "/Column", "/Row"], scopes


@pytest.mark.pdf
def test_a_language_on_an_element_other_than_a_span_stops_the_pdf():
    with pytest.raises(BookError, match=r"only on <span lang>: put <p lang=zh-Hans>"):
        tagged_elements("<html lang='en'><body><p lang='zh-Hans'>户口</p></body></html>")


def test_spans_and_span_elements_that_do_not_pair_stop_the_pdf():
    """Boxes and elements are paired in order; a count that differs (a WeasyPrint that
    tags spans otherwise) stops the PDF instead of giving languages to the wrong text."""
    pytest.importorskip("weasyprint", reason="WeasyPrint or its system libraries (Pango) missing")
    from types import SimpleNamespace

    from studyguide.outputs.pdf import tags

    span = SimpleNamespace(element_tag="span", element={"lang": "zh-Hans"})
    page = SimpleNamespace(_page_box=SimpleNamespace(descendants=lambda placeholders: [span]))
    pdf = SimpleNamespace(objects=[])
    with pytest.raises(BookError, match="0 /Span structure elements for 1 span boxes"):
        tags.add_attributes(SimpleNamespace(pages=[page]), pdf)


@pytest.mark.pdf
def test_a_rendered_pdf_is_kept_and_made_again_when_its_document_changes(tmp_path, monkeypatch):
    """render keeps the PDF in the build cache: the same document gives the kept bytes
    without WeasyPrint laying it out again; another document (or another code key) is
    rendered afresh."""
    require_fonts()
    pytest.importorskip("weasyprint", reason="WeasyPrint or its system libraries (Pango) missing")
    from studyguide.load import cache
    from studyguide.outputs.book import cjk_font
    from studyguide.outputs.pdf import render

    monkeypatch.setenv("GUIDE_CACHE_DIR", str(tmp_path))
    font = cjk_font.find_cjk_font()
    made = []
    real = render._render
    monkeypatch.setattr(render, "_render", lambda *args: made.append(1) or real(*args))
    first = render.render(TAGGED, tmp_path, font, "Tiny")
    assert render.render(TAGGED, tmp_path, font, "Tiny") == first and len(made) == 1
    assert first.pdf.startswith(b"%PDF") and first.pages == 1
    other = render.render(TAGGED.replace("work unit", "danwei"), tmp_path, font, "Tiny")
    assert other.pdf != first.pdf and len(made) == 2
    monkeypatch.setattr(cache, "code_key", lambda: "another version of the code")
    render.render(TAGGED, tmp_path, font, "Tiny")
    assert len(made) == 3, "a PDF made by other code was given back"
