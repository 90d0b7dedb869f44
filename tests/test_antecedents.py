"""Speakers given as descriptions, offices and compound adjectives, on made-up texts (no corpus names)."""

import pytest

from iraq_presence.annotate.extract import Extractor, Gazetteer

GAZ = Gazetteer(
    aliases={
        "Norland": "norland",
        "Vale Brigades": "vale-brigades",
        "Harbour Front": "harbour-front",
        "Norland Ministry of Works": "norland-mow",
        "Ann Roe": "ann-roe",
        "Hill Council": "hill-council",
    },
    types={
        "norland": "state",
        "vale-brigades": "armed_group",
        "harbour-front": "armed_group",
        "norland-mow": "state_body",
        "ann-roe": "person",
        "hill-council": "state_body",
    },
)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(GAZ)


def speakers(ex: Extractor, text: str) -> list[tuple[str, str | None]]:
    return [(p["quote"], p.get("speaker_id") or p.get("speaker_name")) for p in ex.run(text)["statements"]]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Vale Brigades shelled a depot in Norland. The group said it would go on fighting.", "vale-brigades"),
        ("The Vale Brigades met in Norland. The militia warned that more attacks would follow soon.", "vale-brigades"),
        ("The Norland Ministry of Works met Norland. The ministry said the bridge would reopen in May.", "norland-mow"),
        ("The Hill Council met the Vale Brigades. The council said the bridge would reopen in May.", "hill-council"),
    ],
)
def test_description_takes_the_nearest_actor_of_its_type(ex: Extractor, text: str, speaker: str) -> None:
    assert [s for _, s in speakers(ex, text)] == [speaker]


def test_description_with_no_compatible_actor_stays_written(ex: Extractor) -> None:
    text = "Officials in Norland met on Monday. The party said it would leave the cabinet at once."
    assert speakers(ex, text)[-1] == ("it would leave the cabinet at once", "The party")


def test_new_name_ending_in_the_noun_is_kept(ex: Extractor) -> None:
    text = "The Hill Brigades shelled a depot on Monday. The brigades said the campaign would go on."
    assert speakers(ex, text) == [("the campaign would go on", "Hill Brigades")]


def test_office_speaks_for_its_principal_when_its_words_are_about_him(ex: Extractor) -> None:
    text = "Tom Vale met the envoy on Monday. His office said he had asked for a timetable for the exit."
    assert speakers(ex, text) == [("he had asked for a timetable for the exit", "Tom Vale")]
    quoted = "Ann Roe met the envoy. “The governor urged the mills to reopen by June,” her office said."
    assert speakers(ex, quoted) == [("The governor urged the mills to reopen by June,", "ann-roe")]


def test_office_speaks_in_its_own_name_otherwise(ex: Extractor) -> None:
    text = "Ann Roe met the envoy on Monday. Her office said the meeting lasted an hour and covered trade."
    assert speakers(ex, text) == [("the meeting lasted an hour and covered trade", "Her office")]


def test_a_name_in_a_compound_adjective_does_not_speak(ex: Extractor) -> None:
    text = "Norland-backed clubs said they would boycott the league until the spring."
    assert speakers(ex, text) == [("they would boycott the league until the spring", "Norland-backed clubs")]


def test_joined_name_with_a_particle_speaks_too(ex: Extractor) -> None:
    text = "Tom al-Rashid and other growers want the new dam to be built by May."
    assert {s for _, s in speakers(ex, text)} == {"Tom al-Rashid", "other growers"}


def test_according_to_a_statement_takes_its_issuer(ex: Extractor) -> None:
    text = (
        "Ann Roe spoke in the capital on Friday.\n\n"
        "The governor urged a quick sale of the mills, according to a statement released by her office.\n\n"
        "She said buyers would be named in June, the statement said."
    )
    said = speakers(ex, text)
    assert said[0] == ("The governor urged a quick sale of the mills", "ann-roe")  # her words
    assert ("She said buyers would be named in June", "ann-roe") in said
    plain = text.replace("The governor urged", "Friday saw").replace("She said buyers", "Buyers")
    assert speakers(ex, plain)[-1] == ("Buyers would be named in June", "a statement released by her office")


def test_a_headline_description_is_the_actor_the_body_names() -> None:
    text = (
        "Northern Militia Warns Of Road Blocks Over Toll Plan\n\n"
        "“We will not wait,” said Tom Hale, a spokesman for the Vale Brigades, a militia in Norland."
    )
    assert speakers(Extractor(GAZ), text)[0] == ("Of Road Blocks Over Toll Plan", "vale-brigades")


def test_a_description_in_the_lead_looks_ahead_only_there(ex: Extractor) -> None:
    lead = "Several clubs want the fees cut before May, one of the groups said."
    named = "\nA spokesman for the Vale Brigades said the fees were too high."
    assert speakers(ex, lead + named)[0][1] == "vale-brigades"
    later = "Norland met the envoy on Monday. The talks went on.\nThe group said it would sell the mill."
    assert speakers(ex, later + named)[0][1] == "The group"


def test_groups_backed_by_a_state_are_not_the_state(ex: Extractor) -> None:
    text = "Three farm unions backed by Norland are demanding the grain tax be scrapped."
    assert speakers(ex, text) == [("the grain tax be scrapped", "Three farm unions backed by Norland")]


def test_joined_titled_name_is_the_person(ex: Extractor) -> None:
    text = "Tom Vane won the vote. Later, President Vane and Ann Roe agreed the bridge would open in spring."
    assert {s for _, s in speakers(ex, text)} == {"ann-roe", "Tom Vane"}


def test_officials_a_cue_cites_are_the_source_of_their_relative_clause(ex: Extractor) -> None:
    text = "Two papers cited unnamed Vale officials who said the toll would rise in June."
    said = Extractor(GAZ).run(text)["statements"]
    last = said[-1]
    assert text[last["source_start"] : last["source_end"]] == "unnamed Vale officials"


def test_a_joined_speaker_carries_its_own_source_span(ex: Extractor) -> None:
    text = "The Vale Brigades and other clubs want the fees cut before May."
    joined = [p for p in ex.run(text)["statements"] if p.get("speaker_id") == "vale-brigades"]
    assert [text[p["source_start"] : p["source_end"]] for p in joined] == ["Vale Brigades"]


def test_a_hyphenated_lower_case_title_before_a_name_in_commas(ex: Extractor) -> None:
    text = "The Vale Brigades’ secretary-general, Tom Hale, stressed the need to cut the river tolls."
    assert speakers(ex, text) == [("the need to cut the river tolls", "Tom Hale")]


def test_a_statement_by_a_group_keeps_its_issuer(ex: Extractor) -> None:
    text = "A statement by the Vale Brigades said the group would sell its two mills."
    assert speakers(ex, text) == [("the group would sell its two mills", "A statement by the Vale Brigades")]


def test_a_description_takes_a_new_organisation_of_a_fitting_kind() -> None:
    """ "The group" after a name the gazetteer does not know, ending in a group's noun: that name,
    not the nearest capitalised word (made-up text)."""
    ex = Extractor(Gazetteer({}, {}))
    text = (
        "Lio Varga met farmers on Monday.\n"
        "The Tarn Hills Movement said on Monday that the ferry must stop.\n"
        "The American trade fair opened in the capital.\n"
        "The group accused the mayor of lying about the budget."
    )
    got = [p.get("speaker_name") for p in ex.run(text)["statements"]]
    assert got[-1] == "Tarn Hills Movement"


def test_a_state_word_with_a_participle_describes_the_group_before(ex: Extractor) -> None:
    text = "The Vale Brigades met on Monday. In a statement, the Norland-affiliated group stressed that it would stay."
    assert speakers(ex, text) == [("it would stay", "vale-brigades")]


@pytest.mark.parametrize(
    "text",
    [
        "Vale Brigades halts attacks on depots\n\nA pro-Norland group in Hillshire said Tuesday that it would halt "
        "its attacks on the depots.",
        "Militia says it shelled the depot\n\nHILLTOWN, Eastern Region - An Eastern militia group on Friday claimed "
        "that it shelled a depot.\n\nThe Vale Brigades said on its channel that it used a drone.",
    ],
)
def test_an_indefinite_group_in_the_lead_is_the_group_the_article_names(ex: Extractor, text: str) -> None:
    assert {s for _, s in speakers(ex, text)} == {"vale-brigades"}


def test_an_indefinite_group_after_the_lead_stays_written(ex: Extractor) -> None:
    text = (
        "The Vale Brigades said on Monday that the depot was shut.\n\nTalks went on.\n\n"
        "A pro-Norland group said Tuesday that it would halt its attacks."
    )
    assert speakers(ex, text)[-1][1] != "vale-brigades"


def test_words_end_before_a_contrast_that_gives_another_source_its_cue(ex: Extractor) -> None:
    text = "Ann Roe said on Tuesday that the dam will open, but the Vale Brigades warned they would shell it."
    assert speakers(ex, text) == [("the dam will open", "ann-roe"), ("they would shell it", "vale-brigades")]


def test_a_photo_caption_drafts_no_statement_and_no_photographer(ex: Extractor) -> None:
    text = (
        "Guild chief wants the gates opened\n\n"
        "Ann Roe speaks during an interview with Vale Wire on May 2. Photo: Tom Hale/Vale Wire\n\n"
        "Ann Roe said on Monday that the gates must open."
    )
    result = ex.run(text)
    assert [p["quote"] for p in result["statements"]][-1:] == ["the gates must open"]
    assert all("Tom Hale" not in text[p["start"] : p["end"]] for p in result["statements"])
    assert "Tom Hale" not in {c["name"] for c in result["candidates"]}


def test_a_widget_line_drafts_no_person_and_a_caption_places_no_words() -> None:
    import datetime as dt

    from tests.test_draft import _drafted

    text = (
        "Comment as a guest\n\nNot a member Register   Forgot Password\n\nGuild chief wants the gates opened\n\n"
        "Ann Roe speaks during an interview with Vale Wire on May 2. Photo: Tom Hale/Vale Wire\n\n"
        "Ann Roe said on Monday that the gates must open."
    )
    drafted = _drafted(text, dt.date(2030, 5, 10))
    assert [(s["speaker"], s["channel"]) for s in drafted if s["quote"] == "the gates must open"] == [
        ("ann-roe", "unknown")
    ]
    widget = "Not a member Register   Forgot Password\n\nThe guild chief said on Monday that he expects a vote."
    assert "Forgot" not in str(Extractor(GAZ).run(widget))
    short = "Drones hit the depot\n\nShort Url\nUpdated 31 October 2031\n\nThe sources said the depot was hit."
    assert "Short Url" not in str(Extractor(GAZ).run(short)["candidates"])


def test_according_to_a_titled_name_and_the_role_bound_to_it_later(ex: Extractor) -> None:
    """ "…, according to Prime Minister X's advisor, Y, as reported by Z": Y speaks the clause before (which
    ends before "according"); "the advisor" and "the prime minister's advisor" later are Y; "a timeline
    agreed upon by" is a participle, not a cue."""
    text = (
        "Norland announced on Sunday that the mission will end in May, according to Prime Minister Ann Roe’s "
        "advisor, Tom Hale, as reported by the state-run Vale News Agency (VNA).\n\n"
        "“The guild is committed to its plan,” the advisor told VNA.\n\n"
        "The prime minister's advisor outlined a two-stage timeline agreed upon by Norland and the guild."
    )
    assert speakers(ex, text) == [
        ("Norland announced on Sunday that the mission will end in May", "Tom Hale"),
        ("the mission will end in May", "norland"),
        ("The guild is committed to its plan,", "Tom Hale"),
        ("a two-stage timeline agreed upon by Norland and the guild", "Tom Hale"),
    ]


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Rockets hit the depot. © Vale Wire/Tom Hale", True),
        ("(Photo by Vale Wire)", True),
        ("a protegÃ©s list", False),
    ],
)
def test_a_photo_credit_but_not_a_broken_letter(line: str, credit: bool) -> None:
    from iraq_presence.annotate.page_lines import CREDIT

    assert bool(CREDIT.search(line)) is credit


def test_a_participle_after_a_nested_cue_and_a_second_verb_keep_the_main_speaker(ex: Extractor) -> None:
    noting = (
        "Ann Roe said on Tuesday that the guild does not trust what Norland claims, noting that Norland "
        "has often stated that it will open the dam."
    )
    assert speakers(ex, noting)[1] == ("Norland has often stated that it will open the dam", "ann-roe")
    two = "If Norland shells the dam, it will get a response, Ann Roe warned and stressed that the guild stays."
    assert speakers(ex, two) == [
        ("If Norland shells the dam, it will get a response", "ann-roe"),
        ("the guild stays", "ann-roe"),
    ]
    reminded = "Norland shut the gates.\n\nThe guild was not afraid of the threats, Ann Roe reminded."
    assert speakers(ex, reminded) == [("The guild was not afraid of the threats", "ann-roe")]


def test_two_names_and_a_joint_statement_give_each_state_the_words() -> None:
    gaz = Gazetteer(
        aliases={"Norland": "norland", "Vale": "vale", "Norlandic": "norland", "Valeian": "vale"},
        types={"norland": "state", "vale": "state"},
    )
    text = (
        "The mission will end within a year, Norland and Vale said.\n\n"
        "The mission will conclude “no later than May,” a joint Norlandic-Valeian statement said.\n\n"
        "The joint statement says that “Vale continues to engage with Norland.”"
    )
    got = [(p["quote"][:12], p.get("speaker_id")) for p in Extractor(gaz).run(text)["statements"]]
    assert ("The mission ", "norland") in got and ("The mission ", "vale") in got
    assert ("Vale continu", "norland") in got and ("Vale continu", "vale") in got
    assert sum(q == "The mission " for q, _ in got) == 4


def test_a_title_naming_a_group_and_a_country_before_the_name_gives_the_person() -> None:
    gaz = Gazetteer(
        aliases={"Norway": "norway", "Vale movement": "vale-movement"},
        types={"norway": "state", "vale-movement": "armed_group"},
    )
    text = (
        "Secretary-General of the Norway-aligned Vale movement in Norway Tom Hale said on Sunday that the halt "
        "was the calm before the storm."
    )
    assert speakers(Extractor(gaz), text) == [("the halt was the calm before the storm", "Tom Hale")]


def test_the_minister_is_the_person_just_named_not_a_minister_bound_later(ex: Extractor) -> None:
    text = (
        "Tom Hale said the talks would discuss the river.\n\n“A timetable will be set,” the minister said.\n\n"
        "Norland’s minister of works told reporters that the dam will open.\n\n"
        "Prime Minister Ben Tal will host the talks."
    )
    got = speakers(ex, text)
    assert got[1] == ("A timetable will be set,", "Tom Hale")
    assert got[2][1] != "Ben Tal"


def test_a_phrase_ending_in_a_known_persons_name_is_that_known_person() -> None:
    gaz = Gazetteer(aliases={"Roe": "ann-roe", "Norway": "norway"}, types={"ann-roe": "person", "norway": "state"})
    text = "Norway’s Roe said the dam will open. Roe said that the dam will open."
    assert [p.get("speaker_id") for p in Extractor(gaz).run(text)["statements"]][-1] == "ann-roe"


def test_a_hard_wrapped_text_is_read_as_whole_sentences_its_quotes_as_printed(ex: Extractor) -> None:
    text = (
        "Tom Hale on Monday said that the\nguild in the valley is pressuring the council and a number of\n"
        "farmers to keep the gates of the dam\nshut.\nAnn Roe said she did not raise\nthe toll on the bridge "
        "with the council\nat all."
    )
    got = speakers(ex, text)
    assert (
        "the\nguild in the valley is pressuring the council and a number of\nfarmers to keep the gates of the "
        "dam\nshut",
        "Tom Hale",
    ) in got or any(q.startswith("the\nguild") and s == "Tom Hale" for q, s in got)
    assert any(q.startswith("she did not raise\nthe toll") and s == "ann-roe" for q, s in got)


def test_a_noun_described_by_a_participle_is_the_source_and_and_ends_the_words_before(ex: Extractor) -> None:
    text = (
        "Norland condemned the strikes on the farms near the river, and one of the farm groups targeted in the "
        "raids vowed “open war” against the guild."
    )
    got = speakers(ex, text)
    assert got[0] == ("the strikes on the farms near the river", "norland")
    assert got[1][1] == "one of the farm groups targeted in the raids"
    assert (
        speakers(ex, "Officials quoted in the report said the dam must open.")[0][1] == "Officials quoted in the report"
    )


def test_and_without_a_comma_joins_two_names_not_two_clauses(ex: Extractor) -> None:
    text = "Norland announced that the guild and Vale had agreed on the first phase of the works."
    assert speakers(ex, text)[0] == ("the guild and Vale had agreed on the first phase of the works", "norland")


def test_a_possessed_speech_noun_with_its_clause_is_the_owners_statement(ex: Extractor) -> None:
    text = "The fury here was spurred by Hale’s comments Sunday to Vale TV that he’d keep the gates shut for a year."
    assert speakers(ex, text) == [("he’d keep the gates shut for a year", "Hale")]
    assert speakers(ex, "Hale’s comments were welcomed by the guild.") == []
