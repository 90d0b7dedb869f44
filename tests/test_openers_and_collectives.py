"""Made-up cases of the fifteenth set's rules: an issued statement's stated aim, a sentence-opening
participle before a quotation, a time after "By" that is no byline, a nationality word before a known
group, a preposition's object that is no subject, counted collectives and "the sources"."""

from __future__ import annotations

import datetime as dt

from iraq_presence.annotate.byline import read_metadata

from .test_draft import PEOPLE, PEOPLE_TYPES, _drafted

DAY = dt.date(2030, 5, 10)
GROUP = {**PEOPLE, "Harbour Front": "harbour-front"}
GROUP_TYPES = {**PEOPLE_TYPES, "harbour-front": "armed_group"}


def _by_quote(text: str, aliases: dict[str, str] = PEOPLE, types: dict[str, str] = PEOPLE_TYPES) -> dict:
    return {s["quote"]: s for s in _drafted(text, DAY, aliases, types)}


def test_a_statement_released_to_stress_its_words_is_the_issuers_written_statement() -> None:
    text = (
        "Council answers plan\n\n"
        "In response to the plan, Ann Roe releases a statement to highlight the fact that “the dam must stay "
        "closed until the talks end.”\n"
    )
    [st] = [s for q, s in _by_quote(text).items() if q.startswith("the dam must")]
    assert (st["speaker"], st["reporting_verb"], st["channel"]) == (
        "ann-roe",
        "releases a statement to highlight",
        "written_statement",
    )


def test_a_sentence_opening_participle_reports_the_quoted_speakers_words_too() -> None:
    """ "Stressing that A, X added, “B”": A is X's too, up to the comma, though the main cue holds a quotation."""
    text = (
        "Roe speaks\n\nAnn Roe spoke on Monday.\n\n"
        "Stressing that the river people have never been unable to defend their rights, Ann Roe added, "
        "“We advise the visitors to leave.”\n"
    )
    st = _by_quote(text)["the river people have never been unable to defend their rights"]
    assert (st["speaker"], st["statement_type"]) == ("ann-roe", "indirect")


def test_a_sentence_opened_by_by_and_a_time_is_no_byline() -> None:
    text = (
        "Roe sets a deadline\n\n"
        "The river council met on Monday.\n\n"
        "By December 31, 2031, “no visitors” should remain, Ann Roe told reporters at the harbour.\n"
    )
    meta = read_metadata(text, None, PEOPLE, PEOPLE_TYPES)
    assert not meta.authors and meta.outlet is None and meta.date is None
    assert not any(i.issue_type == "byline" for i in meta.issues)


def test_a_nationality_word_before_a_known_group_names_that_group() -> None:
    """A group whose name is all common group words ("Asaib Ahl al-Nur") is still known after "Iraqi"."""
    aliases, types = (
        {**PEOPLE, "Asaib Ahl al-Nur": "asaib-ahl-al-nur"},
        {**PEOPLE_TYPES, "asaib-ahl-al-nur": "armed_group"},
    )
    text = "Iraqi Asaib Ahl al-Nur: visitors must leave\n\nAnn Roe said that the visitors must leave.\n"
    speakers = {s["quote"]: s["speaker"] for s in _drafted(text, DAY, aliases, types)}
    assert speakers["visitors must leave"] == "asaib-ahl-al-nur"


def test_the_object_of_a_preposition_is_not_the_subject_of_the_cue_after_it() -> None:
    text = (
        "Roe answers raid\n\n"
        "Ann Roe, head of the river council, on Friday night in response to a raid by visitors on the "
        "offices of the Harbour Front said that there are attempts to weaken the council.\n"
    )
    st = _by_quote(text, GROUP, GROUP_TYPES)["there are attempts to weaken the council"]
    assert st["speaker"] == "ann-roe"


def test_an_outlet_credit_with_a_slash_is_not_the_subject_of_a_second_verb() -> None:
    text = (
        "Harbour Wire/ Ann Roe, the head of the council, on Tuesday called for the dam's reopening and "
        "called for the departure of the visitors from the country.\n"
    )
    speakers = {q: s["speaker"] for q, s in _by_quote(text).items()}
    assert speakers.get("the departure of the visitors from the country") == "ann-roe"


def test_a_counted_collective_of_two_nationalities_is_one_source_and_the_sources_after_it() -> None:
    text = (
        "Deal reached\n\n"
        "Eight Valeian and Ruritanian officials confirmed on Friday that their countries reached a deal.\n\n"
        "The plan would see the visitors leave by September, the sources said.\n"
    )
    got = _by_quote(text)
    first = got["their countries reached a deal"]
    assert first["speaker"].startswith("unnamed-eight-valeian-and-ruritanian-officials")
    assert sum(1 for s in got.values() if s["quote"] == "their countries reached a deal") == 1  # no second speaker
    later = next(s for q, s in got.items() if q.startswith("The plan would see"))
    assert later["speaker"] == first["speaker"]


def test_a_clerics_rank_is_no_part_of_his_name() -> None:
    text = "Cleric speaks\n\nHujjat al-Islam Omar Vale said that the visitors must leave.\n"
    [st] = _drafted(text, DAY, PEOPLE, PEOPLE_TYPES)
    assert st["speaker"] == "omar-vale"


def test_words_spoken_at_an_event_are_a_speech() -> None:
    text = (
        "Roe speaks\n\nSpeaking at a memorial event organized by the council in the old town on Tuesday, "
        "Ann Roe stated, “We must restore the harbour.”\n"
    )
    [st] = _drafted(text, DAY)
    assert st["channel"] == "speech"


def test_a_leads_hyphenated_title_is_the_person_the_next_paragraph_names() -> None:
    """News describes in the lead and names in the next paragraph; "secretary-general" is a role noun."""
    text = (
        "Front vows to fight\n\n"
        "The secretary-general of the Harbour Front movement said that no one could stop its fighters.\n\n"
        "Omar Vale, secretary-general of the Harbour Front movement, said that there are attempts to weaken it.\n"
    )
    got = _by_quote(text)
    assert got["no one could stop its fighters"]["speaker"] == "omar-vale"


def test_a_dateline_credit_closed_by_an_underscore_credits_the_outlet_and_dates_the_page() -> None:
    text = "Council answers plan\n\nWednesday, 18 November 2020 (HWN)_ The council released a statement.\n"
    meta = read_metadata(text, None, {}, {})
    assert meta.outlet is not None and meta.outlet.text == "HWN"
    assert meta.date is not None and meta.date.value == dt.date(2020, 11, 18)


def test_an_unnamed_source_tells_an_outlet_though_the_outlet_is_new() -> None:
    """Sources the article does not name talk to outlets: "a senior official told X" is an interview with X,
    even where the clause comes first and a manner phrase ("according to a timetable agreed between …")
    stands in it, which names no source."""
    text = (
        "Deal news\n\n"
        "The deal will be implemented according to a timetable agreed between the two parties, a senior "
        "Valeian official told Harbour Courant on Saturday.\n"
    )
    got = _drafted(text, DAY)
    assert [(s["speaker"].startswith("unnamed-senior"), s["channel"], s["medium"]) for s in got] == [
        (True, "interview", "harbour-courant")
    ]


def test_a_headline_whose_plural_subject_follows_an_opening_phrase() -> None:
    """ "Emboldened by X, Valeian-Backed Militias Demand …": the subject after the comma, the plain verb form."""
    text = (
        "Emboldened by the Vote, Valeian-Backed Militias Demand Visitors Out of the Harbour\n\n"
        "Ann Roe on Tuesday urged all visitors to leave the harbour.\n"
    )
    [headline] = [s for s in _drafted(text, DAY) if s["quote"] == "Visitors Out of the Harbour"]
    assert headline["speaker"].startswith("unnamed-valeian-backed-militias")


def test_remarks_told_reporters_are_a_press_conference_and_carry_past_an_outlets_report() -> None:
    """ "X told reporters at the forum" is the press's occasion (codebook, Channel); "he added" goes on there, though
    the lead's words of X came through an outlet's report ("…, Harbour Wire reported")."""
    text = (
        "Roe speaks\n\n"
        "Ann Roe on Tuesday urged all visitors to leave the harbour, the news agency Harbour Wire reported.\n\n"
        "No visitors should remain, Roe told reporters at the forum in the old town.\n\n"
        "“This is the people's decision,” she added.\n"
    )
    got = {q: s["channel"] for q, s in _by_quote(text).items()}
    assert got["No visitors should remain"] == "press_conference"
    assert got["This is the people's decision,"] == "press_conference"


def test_advising_a_hearer_to_act_is_a_request() -> None:
    from iraq_presence.annotate.cues import plover

    assert plover("We advise the visitors to speed up their departure from the occupied harbour", "added")[0] == (
        "REQUEST"
    )


def test_a_vow_to_act_is_a_pledge_and_fighting_the_foreign_forces_a_threat() -> None:
    from iraq_presence.annotate.cues import plover

    assert plover("to keep a Valeian troop presence in the harbour", "vowed")[0] == "AGREE"
    assert plover("to retaliate against any attack", "vowed")[0] == "THREATEN"
    assert plover("Resistance forces continue to fight US", "headline")[0] == "THREATEN"
    assert plover("no one could stop them from fighting the American forces until they leave", "said")[0] == "THREATEN"


def test_a_known_body_opening_a_titled_name_is_not_part_of_it() -> None:
    """ "Ambassador to the UN Omar Vale": the body the title names, then the person."""
    aliases, types = (
        {**PEOPLE, "UN": "united-nations"},
        {**PEOPLE_TYPES, "united-nations": "international_organization"},
    )
    text = "Envoy speaks\n\nValeia’s Ambassador to the UN Omar Vale said that the visitors must leave the region.\n"
    [st] = _drafted(text, DAY, aliases, types)
    assert st["speaker"] == "omar-vale"


def test_a_body_named_before_its_place_speaks_and_an_agency_in_brackets_is_the_outlet() -> None:
    """ "The Vale Embassy in Hilltown, meanwhile, acknowledged …": the embassy, not the place; "(HWN) A
    group said …": the agency's credit (the outlet), not the subject."""
    text = (
        "Visitors warned\n\n"
        "(HWN) The river council has issued a warning to the visitors, threatening fines if they stay.\n\n"
        "The Vale Embassy in Hilltown, meanwhile, acknowledged growing threats against visitors.\n"
    )
    speakers = {q: s["speaker"] for q, s in _by_quote(text).items()}
    assert speakers["growing threats against visitors"] == "vale-embassy"
    assert not any(s == "hwn" for s in speakers.values())
    meta = read_metadata(text, None, {}, {})
    assert meta.outlet is not None and meta.outlet.text == "HWN"


def test_a_known_bodys_canonical_name_opening_a_titled_name_and_a_second_verb_of_the_same_subject() -> None:
    """ "Valeia's Ambassador to the Harbour Union Omar Vale highlighted A and said B": the body known by its
    name (not an alias), then the person, who says B too."""
    from iraq_presence.annotate.actors import Context
    from iraq_presence.annotate.draft import statements
    from iraq_presence.annotate.extract import Extractor, Gazetteer
    from iraq_presence.annotate.suggest import Corpus

    text = (
        "Envoy speaks\n\n"
        "Valeia’s Ambassador to the Harbour Union Omar Vale highlighted the nations’ anger with the visitors and "
        "said the visitors have to leave the region.\n"
    )
    aliases, types = {"HU": "harbour-union"}, {"harbour-union": "international_organization"}
    gaz = Gazetteer(aliases, types, names={"Harbour Union": "harbour-union"})
    ctx = Context("009_x", text, DAY, aliases, types, Corpus())
    got = {s["quote"]: s["speaker"] for s in statements(ctx, Extractor(gaz).run(text, DAY), {})[0]}
    assert got.get("the visitors have to leave the region") == "omar-vale"
    assert set(got.values()) == {"omar-vale"}


def test_a_headlines_envoy_is_the_bodys_ambassador_and_a_described_outlet_is_named_without_its_description() -> None:
    """ "…: Valeia UN envoy" is a role of a named body, the person the body calls its Ambassador; "Speaking to the
    Arabic-language Harbour Courant" names the outlet "Harbour Courant"."""
    text = (
        "Visitors must leave region: Valeia UN envoy\n\n"
        "Valeia’s Ambassador to the UN Omar Vale said the visitors have to leave the region.\n\n"
        "Speaking to the Arabic-language Harbour Courant, Vale said the decision was ill-advised.\n"
    )
    aliases, types = (
        {**PEOPLE, "UN": "united-nations"},
        {**PEOPLE_TYPES, "united-nations": "international_organization"},
    )
    got = {s["quote"]: s for s in _drafted(text, DAY, aliases, types)}
    assert got["Visitors must leave region"]["speaker"] == "omar-vale"
    assert (got["the decision was ill-advised"]["channel"], got["the decision was ill-advised"]["medium"]) == (
        "interview",
        "harbour-courant",
    )


def test_a_publication_titled_the_is_an_outlet_and_a_that_clause_after_a_long_setting_is_the_words() -> None:
    """ "told The Courant": a capital "The" inside a sentence opens a publication's title (one new outlet,
    not a person "Courant"); "said during a Friday rally in the old town that A": A."""
    text = (
        "Truce ends\n\n"
        "The militias are ending the truce, a high-ranking member of one of the groups told The Courant on "
        "Tuesday.\n\n"
        "Ann Roe said during a Friday evening rally in the old town that the visitors would be tolerated.\n"
    )
    got = _by_quote(text)
    lead = next(s for q, s in got.items() if q.startswith("The militias are ending"))
    assert (lead["channel"], lead["medium"]) == ("interview", "the-courant")
    assert "the visitors would be tolerated" in got


def test_a_publications_title_as_the_hearer_ends_with_its_capitalised_words() -> None:
    text = "Truce ends\n\nAnn Roe told The Harbour Courant from his base that the truce was over.\n"
    [st] = _drafted(text, DAY)
    assert st["addressee"] == "the-harbour-courant"  # not "the-harbour-courant-from-his-base"


def test_a_sentence_opened_by_by_and_a_gerund_is_no_byline_and_its_words_are_the_subjects() -> None:
    """ "By emphasizing A, X renewed the call for B": no byline; A is X's, as after "Stressing that"."""
    text = (
        "Roe renews call\n\n"
        "Ann Roe spoke at the funeral.\n\n"
        "By emphasizing the council’s integral role as a source of pride for the people, Ann Roe renewed the call "
        "for the removal of the visitors.\n"
    )
    meta = read_metadata(text, None, PEOPLE, PEOPLE_TYPES)
    assert not meta.authors and not any(i.issue_type == "byline" for i in meta.issues)
    got = _by_quote(text)
    assert got["the council’s integral role as a source of pride for the people"]["speaker"] == "ann-roe"


def test_a_possessed_statement_speaks_for_its_issuer_and_a_known_outlet_named_with_its_kind_is_that_outlet() -> None:
    """ "“…,” X's statement read": X's written statement; "Harbour Wire News Agency" is the known "Harbour Wire";
    "HILLTOWN (Harbour Wire 24) - The head …": the dateline, then the subject."""
    aliases = {**PEOPLE, "Harbour Wire": "harbour-wire"}
    types = {**PEOPLE_TYPES, "harbour-wire": "media_outlet"}
    text = (
        "Front warns visitors\n\n"
        "HILLTOWN (Harbour Wire 24) - The spokesman of the river front, Omar Vale, in a statement on Monday issued a "
        "stark warning to the visitors.\n\n"
        "“The visit is not welcome,” Vale's statement read.\n\n"
        "Harbour Wire News Agency reported that the visit was set for Sunday.\n"
    )
    got = {q: s for q, s in _by_quote(text, aliases, types).items()}
    read = got["The visit is not welcome,"]
    assert (read["speaker"], read["channel"]) == ("omar-vale", "written_statement")
    assert got["the visit was set for Sunday"]["speaker"] == "harbour-wire"
    warned = next(s for q, s in got.items() if q.startswith("to the visitors"))
    assert warned["speaker"] == "omar-vale"


def test_an_outlet_and_author_in_the_credit_an_age_and_a_quoted_name_in_the_apposition() -> None:
    """ "(Outlet) Ann Roe - …": the outlet and its author; "X, 44, a leader in the “League of Y” battalion,
    said": X; "… Fighters in the Valley Vow to …": a headline of an unnamed collective."""
    text = (
        "After the War, Valeian-Backed Fighters in the Valley Vow to Drive Out the Visitors\n\n"
        "(Harbour Wire) Jane Doe - Some in the ranks may be training their sights on the visitors. Omar Vale, 44, "
        "a leader in the “League of the Righteous Men” battalion in the valley, said, “Our goal is to fight.”\n"
    )
    meta = read_metadata(text, DAY, PEOPLE, PEOPLE_TYPES)
    assert meta.outlet is not None and meta.outlet.text == "Harbour Wire"
    assert [a.text for a in meta.authors] == ["Jane Doe"]
    got = _by_quote(text)
    assert got["Our goal is to fight."]["speaker"] == "omar-vale"
    assert got["to Drive Out the Visitors"]["speaker"].startswith("unnamed-valeian-backed-fighters")


def test_a_statement_by_the_office_of_a_new_person_is_that_offices() -> None:
    """ "a statement by the office of X called on …, saying …": the office speaks (its words are not about X;
    codebook, an office and its principal), not a speaker left for the curator."""
    text = (
        "Office answers protest\n\n"
        "On Tuesday, a statement by the office of Omar Vale called on the demonstrators to leave immediately, "
        "saying that any attack on the harbour will be punished.\n"
    )
    speakers = {s["speaker"] for s in _drafted(text, DAY)}
    assert speakers == {"office-of-omar-vale"}
