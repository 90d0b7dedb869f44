"""Made-up cases of the rules read from sets 18-22: the outlet told however described, an interview
credited by "According to", speech at a forum, a press release, "This came in …" placing the words before
it, an occasion inside reported words, a person written as a role, a known person by surname alone, long
title-case headlines and their kickers, statements aired on a channel."""

from __future__ import annotations

import datetime as dt

import pytest

from iraq_presence.annotate.suggest import channel

from .test_draft import PEOPLE, PEOPLE_TYPES, _drafted

DAY = dt.date(2030, 5, 10)


@pytest.mark.parametrize(
    ("sentence", "code", "medium"),
    [
        (
            "“Leaving is a mistake,” he told Harbour Times from his base near the dam.",
            "interview",
            "TODO-new-actor (Harbour Times)",
        ),
        ("The dam will close, Ann Roe told Vale's official news agency VNA.", "interview", "TODO-new-actor (VNA)"),
        (
            "According to Vale TV, Ann Roe has told in an interview, on Tuesday, that the dam must close.",
            "interview",
            "TODO-new-actor (Vale TV)",
        ),
        ("“We are surprised,” Ann Roe said at a forum in Hilltown.", "speech", None),
        ("This came in a press release in which she said the dam would close.", "written_statement", None),
        ("Ann Roe told the minister from Vale that the dam would close.", "unknown", None),
        ("Two sources confirmed to The Harbour that there is a truce.", "interview", "TODO-new-actor (The Harbour)"),
        ("Speaking to the Congress, Ann Roe said the dam would close.", "unknown", None),
    ],
)
def test_channel_and_medium_from_more_cues(sentence: str, code: str, medium: str | None) -> None:
    ch, med = channel(sentence, {}, {})  # outlets the gazetteer does not know
    assert (ch.value, med.value) == (code, medium)


def test_a_report_credited_before_the_attribution_is_its_medium_not_a_speaker() -> None:
    """ "According to X TV, Y has told …": Y speaks in an interview X TV carried; X TV says nothing itself."""
    text = "Dam talks\n\nAccording to Vale TV, Ann Roe has told in an interview, on Tuesday, that the dam must close.\n"
    drafted = _drafted(text, DAY, PEOPLE, PEOPLE_TYPES)
    assert [(s["speaker"], s["channel"], s["quote"]) for s in drafted] == [
        ("ann-roe", "interview", "the dam must close")
    ]
    assert drafted[0]["medium"] != "TODO-new-actor (Tuesday)"


def test_this_came_in_a_press_release_places_the_words_before_it() -> None:
    text = (
        "Dam talks\n\nAnn Roe stressed that the dam must be closed after the flood.\n\n"
        "This came in a press release in which she said that the river had risen.\n"
    )
    assert [s["channel"] for s in _drafted(text, DAY, PEOPLE, PEOPLE_TYPES)] == ["written_statement"] * 2


def test_a_meeting_inside_reported_words_is_not_where_the_next_words_were_said() -> None:
    text = (
        "Dam talks\n\nAnn Roe said Ben Tal met with the envoys of the river towns in Hilltown.\n\n"
        "The towns “gave the council a chance” to close the dam, she added.\n"
    )
    assert {s["channel"] for s in _drafted(text, DAY, PEOPLE, PEOPLE_TYPES)} == {"unknown"}


def test_a_role_written_for_its_holder_is_the_person_named_in_apposition() -> None:
    """ "The leader of the X group, X, has called": the leader, the person named "Y, the leader of …"."""
    aliases = {**PEOPLE, "Harbour Front": "harbour-front"}
    types = {**PEOPLE_TYPES, "harbour-front": "armed_group"}
    text = (
        "River militia leader blames Vale for the flood\n\n"
        "The leader of the Valeian militia group, Harbour Front, has called the dam unsafe.\n\n"
        "Ola Berg, the leader of the militia, has accused Vale of neglecting the river.\n"
    )
    assert {s["speaker"] for s in _drafted(text, DAY, aliases, types)} == {"ola-berg"}


def test_a_definite_role_is_the_last_speaker_of_its_country_and_an_indefinite_one_someone_else() -> None:
    text = (
        "Dam talks\n\n“The dam must close,” Ola Berg told Vale Wire on Monday.\n\n"
        "“Leaving it open is a mistake,” the diplomat concluded.\n\n"
        "But a Valeian coalition spokesperson said, “The dam is safe.”\n"
    )
    got = {s["quote"][:12]: s["speaker"] for s in _drafted(text, DAY, PEOPLE, PEOPLE_TYPES)}
    assert got["The dam must"] == got["Leaving it o"] == "ola-berg"
    assert got["The dam is s"] != "ola-berg"


def test_a_definite_role_with_a_nationality_skips_a_speaker_of_another_country() -> None:
    text = (
        "“The dam must close,” Ola Berg told Vale Wire on Monday.\n\n"
        "The remarks came after Ann Roe told Harbour News that the dam would stay open.\n\n"
        "The Norwegian official, meanwhile, said the remarks “cannot be counted on.”\n"
    )
    got = {s["quote"][:12]: s["speaker"] for s in _drafted(text, DAY, PEOPLE, PEOPLE_TYPES, {"ann-roe": "SWE"})}
    assert got["cannot be co"] == "ola-berg"


def test_a_known_person_by_surname_alone_and_after_a_long_title() -> None:
    text = "Dam talks\n\nLinde said the dam would stay open.\n"
    assert [s["speaker"] for s in _drafted(text, DAY, {"Ada Linde": "ada-linde"}, {"ada-linde": "person"})] == [
        "ada-linde"
    ]
    text = (
        "Dam talks\n\n“The bond matters,” said Vale Department of Works Secretary Ola Berg on Monday.\n\n"
        "Berg said that the dam would stay open.\n"
    )
    assert {s["speaker"] for s in _drafted(text, DAY, PEOPLE, PEOPLE_TYPES)} == {"ola-berg"}


def test_a_lone_name_ending_like_a_demonym_before_told_is_a_name() -> None:
    text = "Dam talks\n\n“The dam must close,” Karimi told Vale Wire on Monday.\n"
    assert [s["speaker"] for s in _drafted(text, DAY, PEOPLE, PEOPLE_TYPES)] == ["karimi"]


def test_a_name_before_an_apposition_with_its_comma_left_out_is_the_speaker() -> None:
    """ "X, a senior commander of the Y Front has told …": the apposition is X's, not the Front's words."""
    aliases = {**PEOPLE, "Harbour Front": "harbour-front"}
    types = {**PEOPLE_TYPES, "harbour-front": "armed_group"}
    text = (
        "Dam talks\n\nOla Berg, a senior commander of Vale’s Harbour Front (HF) has told in an interview that the "
        "dam must close.\n"
    )
    assert [s["speaker"] for s in _drafted(text, DAY, aliases, types)] == ["ola-berg"]


def test_a_long_title_case_headline_below_a_date_line_with_two_remarks_after_its_speaker() -> None:
    """A headline in title case may run past twenty words; "Title Name: A; B" is two remarks of Name."""
    from iraq_presence.annotate.byline import read_metadata

    head = (
        "Leader Of Valeian River Militia Ola Berg: Harbour Envoy Carries Out Blatant Acts Of Sabotage At The "
        "Dam; Harbour Forces Remain A Target And Will Be Driven From The Valley"
    )
    text = f"May 9, 2030\n{head}\n\nOla Berg said the militia rejects the plan.\n"
    assert read_metadata(text, DAY, {}, {}).title.text == head
    drafted = _drafted(text, DAY, PEOPLE, PEOPLE_TYPES)
    assert [(s["speaker"], s["quote"][:16]) for s in drafted[:2]] == [
        ("ola-berg", "Harbour Envoy Ca"),
        ("ola-berg", "Harbour Forces R"),
    ]


def test_a_short_kicker_above_a_longer_headline_is_no_title() -> None:
    from iraq_presence.annotate.byline import read_metadata

    text = "Advises the minister\n\nRiver Front: Vale turning to talks is owed to the resistance\n\nBody text here.\n"
    assert read_metadata(text, DAY, {}, {}).title.text == "River Front: Vale turning to talks is owed to the resistance"


def test_a_dated_statement_aired_on_a_channel_is_a_speech_carried_by_it_and_dated() -> None:
    text = (
        "Dam talks\n\nOla Berg, Secretary-General of the Harbour Front said in an April 16, 2030 statement aired "
        "on Vale TV (Valeia) that his group rejects any garrison in the valley.\n"
    )
    aliases = {**PEOPLE, "Harbour Front": "harbour-front"}
    types = {**PEOPLE_TYPES, "harbour-front": "armed_group"}
    [first, *_] = _drafted(text, DAY, aliases, types)
    assert (first["speaker"], first["quote"][:9], first["channel"], str(first["said_date"])) == (
        "ola-berg",
        "his group",
        "speech",
        "2030-04-16",
    )
    assert first["medium"] in {"vale-tv", "TODO-new-actor (Vale TV)"}


def test_the_sentence_naming_who_made_the_statement_names_its_unnamed_speaker_and_places_it() -> None:
    text = (
        "Dam talks\n\nThe garrison left the valley in the spring, a diplomat said.\n"
        "Ola Berg, Vale’s envoy to Norland, made the statement in a recent press conference in Hilltown.\n"
    )
    [st] = _drafted(text, DAY, PEOPLE, PEOPLE_TYPES)
    assert (st["speaker"], st["channel"]) == ("ola-berg", "press_conference")


def test_a_pronoun_after_a_role_read_as_its_holder_goes_on_with_the_holder() -> None:
    text = (
        "Dam talks\n\nOla Berg, Vale’s envoy to Norland, spoke on Monday.\n\n"
        "Ann Roe said on Thursday that the garrison would stay.\n\n"
        "The Norwegian envoy noted that the garrison's stay brings unrest.\n\n"
        "“They want the valley to remain in turmoil,” he said.\n"
    )
    got = [(s["quote"][:16], s["speaker"]) for s in _drafted(text, DAY, PEOPLE, PEOPLE_TYPES, {"ann-roe": "SWE"})]
    assert got == [
        ("the garrison wou", "ann-roe"),
        ("the garrison's s", "ola-berg"),
        ("They want the va", "ola-berg"),
    ]


def test_sources_in_two_places_speak_together_and_a_live_updates_line_is_furniture() -> None:
    text = (
        "Truce holds\n\nLive updates: Follow the latest news on the valley\n\n"
        "The militias have halted their raids on the dam, sources in Vale and Norland told Harbour Times.\n"
    )
    drafted = _drafted(text, DAY, PEOPLE, PEOPLE_TYPES)
    assert [s["quote"] for s in drafted] == ["The militias have halted their raids on the dam"]
    assert drafted[0]["speaker"].startswith("unnamed-sources")


def test_a_stopped_headline_above_a_dated_agency_dateline_and_a_name_with_its_newsroom_role() -> None:
    from iraq_presence.annotate.byline import read_metadata

    text = (
        "The garrison's departure may be postponed, the Valeian politician said.\n\n"
        "HILLTOWN, February 7 - Vale Wire. The two sides have reached an understanding on the timetable.\n"
    )
    meta = read_metadata(text, None, {}, {})
    assert (meta.title.text, meta.outlet.text) == (
        "The garrison's departure may be postponed, the Valeian politician said.",
        "Vale Wire",
    )
    text = "Dam talks : Valley Update\n\nAda K Roe : Editor-In-Chief\n\nThe front threatened the garrison.\n"
    assert [a.text for a in read_metadata(text, None, {}, {}).authors] == ["Ada K Roe"]
    assert read_metadata("The port reopened.\nWorkers cheered.", None, {}, {}).title is None


def test_a_known_group_after_a_backed_word_is_that_group() -> None:
    aliases = {**PEOPLE, "Harbour Front": "harbour-front"}
    types = {**PEOPLE_TYPES, "harbour-front": "armed_group"}
    text = "Dam talks\n\nVale-backed Harbour Front said the dam must close.\n"
    assert [s["speaker"] for s in _drafted(text, DAY, aliases, types)] == ["harbour-front"]


def test_a_title_and_a_known_surname_is_that_person() -> None:
    from iraq_presence.annotate.actors import Context, actor_for
    from iraq_presence.annotate.suggest import Corpus

    aliases, types = {"Ola Berg": "ola-berg", "Berg": "ola-berg"}, {"ola-berg": "person"}
    ctx = Context("009_x", "General Berg spoke.", DAY, aliases, types, Corpus())
    assert actor_for(ctx, "General Berg", 0, "person", "Speaker named") == "ola-berg"
