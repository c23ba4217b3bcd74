"""Citations come from the official CSL styles through citeproc-py, and follow the
registry exactly: no invented dates or authors."""

from __future__ import annotations

import pytest

from studyguide.cite.citations import (
    STYLES,
    csl_item,
    guide_item,
    passage,
    reference,
    sentence_case,
)


def cite(guide, source_id, style):
    return reference(csl_item(source_id, guide.sources[source_id]), style)


def test_chicago_for_the_working_paper_gives_full_names_series_number_and_permalink(guide):
    assert cite(guide, "shi-2014", "chicago-notes-bibliography") == (
        "Shi, Shih-Jiunn. <i>The Emerging New Social Policy Paradigm in China: Reframing State-society Relations</i>. "
        "Working Paper 2013-14.02. ISSI Visiting Scholar Working Paper Series. Institute for the Study of Societal Issues, "
        "UC Berkeley, 2014. https://escholarship.org/uc/item/6j52v1p8."
    )


def test_apa_for_the_working_paper_uses_sentence_case_and_keeps_proper_nouns(guide):
    assert cite(guide, "shi-2014", "apa").startswith(
        "Shi, S.-J. (2014). <i>The emerging new social policy paradigm in China: Reframing state-society relations</i> (Working Paper 2013-14.02"
    )


@pytest.mark.parametrize(
    "source_id", ["baek-interview", "hhm-interview", "zhuojun-blog", "gong-2012"]
)
def test_undated_sources_are_cited_no_date(guide, source_id):
    for style in ("apa", "chicago-author-date"):
        assert "n.d." in cite(guide, source_id, style)
    assert "issued" not in csl_item(source_id, guide.sources[source_id])


def test_unsigned_commentary_is_not_attributed_to_the_translated_author_and_its_title_prints_once(
    guide,
):
    for style in STYLES:
        text = cite(guide, "gong-2012", style)
        assert not text.startswith("Gong") and "Gong Weibin" in text and "15 October 2012" in text
        assert text.lower().count("party paper lists six errors") == 1, text


def test_hyphenated_given_name_initials_keep_the_lower_case_part(guide):
    assert cite(guide, "baek-interview", "apa").startswith("Song, S.-h. (n.d.).")
    assert cite(guide, "baek-interview", "chicago-notes-bibliography").startswith("Song, Sang-ho.")


def test_no_empty_label_is_printed_for_a_missing_edition(guide):
    for source_id in guide.sources:
        for style in STYLES:
            assert "Edition" not in cite(guide, source_id, style)


def test_every_source_has_a_reference_in_every_style(guide):
    for source_id in guide.sources:
        for style in STYLES:
            assert cite(guide, source_id, style), (source_id, style)


def test_passage_citation_carries_the_locator(guide):
    item = csl_item("shi-2014", guide.sources["shi-2014"])
    assert (
        passage(item, "chicago-author-date", "§2, on the academic debate") == "(Shi 2014, sec. 2)"
    )
    assert passage(item, "apa", "§2, on the academic debate") == "(Shi, 2014, Section 2)"
    baek = csl_item("baek-interview", guide.sources["baek-interview"])
    assert (
        passage(baek, "apa", "Question 3, on control over funded NGOs")
        == "(Song, n.d., Question 3, on control over funded NGOs)"
    )


def test_guide_is_cited_from_citation_cff():
    cff = {
        "title": "A Guide: Test",
        "authors": [{"name": "The contributors"}],
        "version": "1.2.3",
        "date-released": "2026-11-24",
        "url": "https://example.org/",
    }
    apa = reference(guide_item(cff), "apa")
    assert (
        apa
        == "The contributors. (2026). <i>A guide: Test</i> (Version 1.2.3) [Study guide]. https://example.org/"
    )


def test_sentence_case_keeps_acronyms_and_first_word_after_colon():
    assert (
        sentence_case("The Role of Chinese NGOs: A New Policy")
        == "The role of Chinese NGOs: A new policy"
    )


def _csl_validator():
    import json

    from jsonschema import Draft202012Validator

    from studyguide import ROOT

    return Draft202012Validator(
        json.loads((ROOT / "studyguide/schemas/csl-data.schema.json").read_text(encoding="utf-8"))
    )


def test_every_source_and_the_guide_are_valid_csl_json(guide):
    import yaml

    from studyguide import ROOT

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    items = [csl_item(key, source) for key, source in guide.sources.items()] + [guide_item(cff)]
    assert not list(_csl_validator().iter_errors(items))


def test_csl_schema_rejects_an_unknown_variable_and_a_bad_date(guide):
    item = csl_item("shi-2014", guide.sources["shi-2014"])
    assert list(_csl_validator().iter_errors([{**item, "titel": "typo"}]))  # codespell:ignore titel
    assert list(_csl_validator().iter_errors([{**item, "issued": {"date-parts": [2014]}}]))


def test_rendered_citations_are_kept_across_builds_and_forgotten_when_the_code_changes(
    tmp_path, monkeypatch
):
    from studyguide.cite import citations

    item = {"id": "x", "type": "report", "title": "A title", "issued": {"date-parts": [[2014]]}}
    first = citations.RenderedCache(tmp_path / "citations.json")
    monkeypatch.setattr(citations.RenderedCache, "_shared", first)
    made = citations._render(item, "apa")
    monkeypatch.setattr(
        citations.RenderedCache, "_shared", citations.RenderedCache(tmp_path / "citations.json")
    )
    monkeypatch.setattr(
        citations, "_rendered", lambda *a: (_ for _ in ()).throw(AssertionError("rendered again"))
    )
    assert citations._render(item, "apa") == made, (
        "a second build reads the rendered citation from .cache/"
    )
    (tmp_path / "citations.json").write_text(
        (tmp_path / "citations.json").read_text(encoding="utf-8").replace(first.key, "old"),
        encoding="utf-8",
    )
    assert citations.RenderedCache(tmp_path / "citations.json").entries == {}, (
        "a cache made by other code is ignored"
    )


@pytest.mark.parametrize("style", STYLES)
def test_memoized_macro_lookup_finds_what_citeproc_finds(style):
    """studyguide.cite.citeproc_speed caches citeproc-py's macro lookup: for every macro
    a vendored style calls, from elements of both its citation and its bibliography, the
    cached element is the one citeproc-py's own XPath finds, asked twice."""
    from studyguide.cite import citations, citeproc_speed

    root = citations._style(style).root
    callers = [e for e in root.iter() if isinstance(e.tag, str) and e.get("macro")]
    assert len(callers) > 10, style
    for element in callers:
        name = element.get("macro")
        uncached = citeproc_speed._original_get_macro(element, name)
        assert uncached.get("name") == name
        assert element.get_macro(name) is element.get_macro(name)
        assert element.get_macro(name) == uncached, (style, name)


def test_a_citation_in_the_cache_is_given_without_importing_citeproc(tmp_path):
    """A build whose sources have not changed gets every citation from .cache/ and never
    imports citeproc-py (15 ms of every build otherwise); the cached text is the rendered one."""
    import json
    import os
    import subprocess
    import sys

    code = (
        "import json, sys; from studyguide import ROOT; from studyguide.load.guide import load_guide; "
        "from studyguide.cite.citations import STYLES, csl_item, reference; g = load_guide(ROOT); "
        "sid = sorted(g.sources)[0]; text = reference(csl_item(sid, g.sources[sid]), next(iter(STYLES))); "
        "print(json.dumps([text, 'citeproc' in sys.modules]))"
    )
    env = {**os.environ, "GUIDE_CACHE_DIR": str(tmp_path)}
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(2)
    ]
    assert runs[0][0] == runs[1][0] and len(runs[0][0]) > 20, runs
    assert (runs[0][1], runs[1][1]) == (True, False), runs
