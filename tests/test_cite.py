"""'How to cite' strings follow the registry exactly: no invented dates or authors."""

from __future__ import annotations

from studyguide.outputs.citations import apa, chicago, sentence_case


def test_chicago_for_the_working_paper_gives_its_date_and_permalink(guide):
    assert chicago(guide.sources["shi-2014"]) == (
        "Shi, Shih-Jiunn. “The Emerging New Social Policy Paradigm in China: Reframing State-Society Relations.” "
        "ISSI Visiting Scholar Working Paper Series 2013-14.02, Institute for the Study of Societal Issues, UC Berkeley, "
        "2 February 2014. https://escholarship.org/uc/item/6j52v1p8."
    )


def test_apa_for_the_working_paper_uses_sentence_case_and_keeps_proper_nouns(guide):
    assert apa(guide.sources["shi-2014"]).startswith(
        "Shi, S.-J. (2014). The emerging new social policy paradigm in China: Reframing state-society relations (ISSI"
    )


def test_undated_sources_are_cited_no_date(guide):
    for source_id in ("baek-interview", "gong-2012", "hhm-interview", "zhuojun-blog"):
        assert chicago(guide.sources[source_id]).endswith("n.d.") or ", n.d." in chicago(guide.sources[source_id])
        assert "(n.d.)" in apa(guide.sources[source_id])


def test_unsigned_commentary_is_not_attributed_to_the_translated_author(guide):
    for cite in (chicago(guide.sources["gong-2012"]), apa(guide.sources["gong-2012"])):
        assert not cite.startswith("Gong")
        assert "Gong Weibin" in cite and "15 October 2012" in cite


def test_interview_names_interviewer_as_author_and_interviewee():
    source = {"title": "T", "people": [{"name": "Song Sang-ho", "family": "Song", "given": "Sang-ho"}, {"name": "Baek Seung-wook", "role": "interviewee"}],
              "container": "The Korea Herald", "date": "n.d.", "year": None, "genre": "interview"}
    assert chicago(source) == "Song, Sang-ho. “T.” Interview with Baek Seung-wook. *The Korea Herald*, n.d."
    assert apa(source) == "Song, S.-h. (n.d.). T [Interview]. *The Korea Herald*."


def test_sentence_case_keeps_acronyms_and_first_word_after_colon():
    assert sentence_case("The Role of Chinese NGOs: A New Policy") == "The role of Chinese NGOs: A new policy"
