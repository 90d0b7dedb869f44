"""The codebook's cue words for PLOVER, stance and topics, on made-up sentences."""

import pytest

from iraq_presence.annotate import cues
from iraq_presence.annotate.suggest import Corpus, coded


def test_the_cue_verb_names_the_act():
    assert cues.plover("the reports of a new base were wrong", "denied")[0] == "REJECT"
    assert cues.plover("the convoy would be hit", "warned")[0] == "THREATEN"
    assert cues.plover("the talks to resume", "called for")[0] == "REQUEST"


def test_the_words_name_the_act_under_a_neutral_cue():
    assert cues.plover("That claim is not true.", "said")[0] == "REJECT"
    assert cues.plover("We are ready to strike back at once.", "said")[0] == "THREATEN"
    assert cues.plover("The weather was mild.", "said")[0] is None


def test_a_question_performs_no_act():
    category, why = cues.plover("Will the garrison leave before spring?", "asked")
    assert category is None and "question" in why


def test_stance_needs_the_presence_and_its_end():
    assert cues.stance("the foreign troops must withdraw now")[0] == "demands_withdrawal"
    assert cues.stance("the harvest was good this year")[0] == "not_addressed"
    assert cues.stance("the troops held a parade")[0] is None  # the presence, no side: suggest.py decides


def test_topics_follow_the_words_and_the_named_groups():
    found, _ = cues.topics("The Wolves of Ardan will keep their weapons", ["Wolves of Ardan"])
    assert found == ["armed_factions"]
    assert cues.topics("Iraqi security forces guarded the road")[0] == []  # a country's own forces
    assert cues.topics("economic ties with the neighbour")[0] == ["economy_and_trade"]


def test_coded_without_precedents_still_suggests_from_cues():
    got = {s.field: s for s in coded("the foreign troops must withdraw", Corpus(), "demanded")}
    assert got["plover"].value == {"category": "REQUEST", "mode": "yield", "context": ["military"]}
    assert got["stance_us_presence"].value == "demands_withdrawal"
    assert got["topics"].value == ["sovereignty", "us_military_presence"]  # a foreign presence as such too
    assert "cue verb" in got["plover"].basis


def test_leaving_the_country_is_the_presence_ending():
    assert cues.stance("the envoy urged them to withdraw from the country by spring")[0] == "demands_withdrawal"


def test_a_reporters_question_is_an_interview_with_the_reporters_outlet():
    from iraq_presence.annotate.suggest import channel

    sentence = "In response to a question from Ann Roe, a senior Harbor Weekly reporter, who asked, “Why?”"
    ch, medium = channel(sentence, {"Harbor Weekly": "harbor-weekly"})
    assert (ch.value, medium.value) == ("interview", "harbor-weekly")


def test_a_cue_verb_past_its_adverbs_and_a_call_for_backing():
    assert cues.plover("the closure of the harbor", "have repeatedly called for")[0] == "REQUEST"
    assert cues.plover("bolstering the harbor guard", "called for")[0] == "SUPPORT"
    assert cues.plover("Ardan to open the port", "asks")[0] == "REQUEST"


def test_a_post_on_an_account_is_a_social_media_post():
    from iraq_presence.annotate.suggest import channel

    assert channel("In a post on his X account, he wrote, “Enough.”", {})[0].value == "social_media_post"
    assert channel("She said on her Telegram channel that the port was shut.", {})[0].value == "social_media_post"


def test_the_presence_named_by_its_end_with_the_state():
    assert cues.stance("Ardan to expel US")[0] == "demands_withdrawal"
    assert cues.stance("an immediate US withdrawal")[0] == "demands_withdrawal"
    assert cues.stance("the US economy will grow")[0] == "not_addressed"


def test_the_first_clause_that_performs_an_act_names_it():
    """Under a neutral cue the earliest act word decides ("first main clause"); a need is AGREE."""
    assert cues.plover("The raid was a crime, and we are ready to strike back.", "said")[0] == "ACCUSE"
    assert cues.plover("the need to bolster the river trade", "stressed")[0] == "AGREE"


def test_another_sides_reported_position_is_neutral():
    assert cues.stance("Some parties have gone as far as demanding the expulsion of the foreign troops")[0] == "neutral"
    assert cues.stance("Norland views the foreign troops as occupiers")[0] == "neutral"
    assert cues.stance("the foreign troops must withdraw now")[0] == "demands_withdrawal"


def test_the_presence_of_armed_factions_is_not_the_forces_presence():
    assert cues.stance("the presence of hill-based armed factions in the valley")[0] == "not_addressed"
    assert cues.topics("the presence of hill-based armed factions in the valley")[0] == ["armed_factions"]
    assert cues.topics("the presence of foreign troops in the valley")[0] == ["us_military_presence"]
    assert cues.topics("Valeian-aligned forces were behind the shelling")[0] == ["armed_factions"]


def test_a_warning_on_a_condition_of_war_is_a_threat_and_no_legal_basis_an_accusation():
    assert cues.plover("In case of war on the valley, the garrison would be routed.", "wrote")[0] == "THREATEN"
    assert cues.plover("they would continue their attacks until the garrison leaves", "said")[0] == "THREATEN"
    assert cues.plover("Those raids had no legal basis", "said")[0] == "ACCUSE"
    assert cues.plover("Those attacks were in support of the valley", "said")[0] != "THREATEN"


def test_a_threat_to_the_forces_is_no_stance_on_their_stay_unless_it_names_it():
    plover, stance, _ = coded("violence against the foreign troops", Corpus(), "threatened")
    assert (plover.value["category"], stance.value) == ("THREATEN", "not_addressed")
    _, stance, _ = coded("they will confront the foreign troops if the troops stay", Corpus(), "warned")
    assert "a threat, no call" not in stance.basis  # the stay is named: the threat rule does not decide


def test_topics_of_consent_regional_tension_and_a_stance():
    """'without the approval' is sovereignty; 'regional tensions' the regional conflict; a stance on the
    presence always carries its topic (the codebook)."""
    assert "sovereignty" in cues.topics("no decision on the dam can be made without the approval of the council")[0]
    assert cues.topics("rising regional tensions are only a bluff")[0] == ["regional_conflict"]
    _, stance, topics = coded("the occupiers have no place here", Corpus(), "said")
    assert stance.value == "demands_withdrawal" and "us_military_presence" in topics.value


def test_idioms_of_the_codebooks_acts():
    """A red line or no intention refuses; no reservations about a decision concedes; a key element or a
    strategic partner backs; 'will surely respond' threatens; 'told X not to …' asks an act of X."""
    assert cues.plover("The bridge is our red line", "said")[0] == "REJECT"
    assert cues.plover("there is no intention to close the port", "stated")[0] == "REJECT"
    assert cues.plover("the town has no reservations about any decision of the council", "said")[0] == "CONCEDE"
    assert cues.plover("the guild is a key element of the town", "said")[0] == "SUPPORT"
    assert cues.plover("Dovra as a strategic partner", "described")[0] == "SUPPORT"
    assert cues.plover("the town has stood by the guild", "stating")[0] == "SUPPORT"
    assert cues.plover("will surely respond to the raid", "said")[0] == "THREATEN"
    assert cues.plover("not to open the gates", "told")[0] == "REQUEST"


def test_factions_as_the_actors_or_means_of_the_words_are_not_their_topic():
    """The codebook: a faction speaking is not the topic, nor its own fighters or weapons as the means of
    its threat; words about the factions are."""
    assert cues.topics("the militias themselves have repeatedly called for the exit of foreign troops")[0] == [
        "us_military_presence"
    ]
    assert "armed_factions" not in cues.topics("its fighters will confront the foreign troops at once")[0]
    assert "armed_factions" not in cues.topics("support for the “resistance” in the wider region")[0]
    assert "armed_factions" in cues.topics("the militias must hand over their weapons to the state")[0]
    assert "armed_factions" in cues.topics("the resistance factions will not disarm")[0]


def test_consent_a_gloss_an_untied_foreign_presence_and_tensions_between_states():
    """The codebook: a presence 'on the request of' the government is consent; a relative clause about a
    person gives no topic; a foreign presence not tied to the US is sovereignty; tensions between states
    are the regional conflict."""
    assert "sovereignty" in cues.topics("the troops are here on the request of the cabinet")[0]
    assert "elections" not in cues.topics("the mayor, who is running in the coming elections, will sign the pact")[0]
    assert cues.topics("the party opposes any foreign military presence in the country")[0] == ["sovereignty"]
    assert "regional_conflict" in cues.topics("because of the tension between the two neighbours")[0]


def test_another_sides_act_or_a_sources_speculation_is_not_the_speakers_act():
    """The codebook: a third party's act the speaker reports is not coded, nor speculation by sources;
    the speaker's own words still are, and a threat anywhere is THREATEN."""
    assert cues.plover("Norland views the garrison as occupiers, while the council does not", "said")[0] is None
    assert cues.plover("the militias themselves have repeatedly called for the exit of the troops", "noted")[0] is None
    assert cues.plover("the visit might be linked to pressure on the council to close the port", "suggested")[0] is None
    assert cues.plover("We demand the expulsion of the garrison", "said")[0] == "REQUEST"
    assert cues.plover("the garrison must leave now", "said")[0] == "REQUEST"
    assert cues.plover("the convoy might be hit if they attack us", "said")[0] == "THREATEN"


def test_the_presence_demanded_to_end_by_a_passive_a_bare_end_or_not_tied_to_the_us():
    assert cues.stance("the United States must be expelled")[0] == "demands_withdrawal"
    assert cues.stance("their immediate exit", "called for")[0] == "demands_withdrawal"
    assert cues.stance("their immediate exit", "said")[0] != "demands_withdrawal"
    assert cues.stance("the party opposes any foreign military presence in the country")[0] == "not_addressed"
    assert cues.stance("the foreign troops must withdraw")[0] == "demands_withdrawal"


def test_a_timetable_for_the_presence_to_end_is_demands_withdrawal_but_not_for_own_forces():
    assert cues.stance("the coalition will end its mission in the valley within a year")[0] == "demands_withdrawal"
    assert cues.stance("the mission of the coalition will conclude no later than May 2031")[0] == "demands_withdrawal"
    assert cues.stance("security forces will end the curfew in May 2031")[0] != "demands_withdrawal"
    assert cues.stance("the coalition ended the raid in May 2031")[0] != "demands_withdrawal"


@pytest.mark.parametrize(
    ("quote", "verb", "act"),
    [
        ("Norland's recent moves are endangering the peace of the valley", "said", "ACCUSE"),
        ("the guild does not trust what Norland claims", "said", "ACCUSE"),
        ("the garrison's presence serves Vale's interests", "charged", "ACCUSE"),
        ("the garrison has created a political and security crisis in the valley", "asserted", "ACCUSE"),
        ("Norland and Vale will set a timetable for the garrison's exit", "told", "AGREE"),
        ("We will continue to be in active dialogue with the guild", "said", "AGREE"),
        ("the garrison will leave the valley under an agreement between the two states", "confirmed", "AGREE"),
    ],
)
def test_words_of_accusation_and_of_agreement_under_a_neutral_cue(quote: str, verb: str, act: str):
    assert cues.plover(quote, verb)[0] == act


def test_told_an_outlet_late_in_the_day_or_its_reporter_is_an_interview_through_the_outlet():
    from iraq_presence.annotate.suggest import channel

    for sentence in (
        "The minister told Vale Wire late Wednesday.",
        "The minister told Vale Wire’s Tom Hale after the talks.",
    ):
        ch, medium = channel(sentence, {})
        assert (ch.value, medium.value) == ("interview", "TODO-new-actor (Vale Wire)")
    assert (
        channel("The minister told Vale Wire’s Tom Hale.", {"Vale Wire": "vale-wire"}, {"vale-wire": "media_outlet"})[
            1
        ].value
        == "vale-wire"
    )


@pytest.mark.parametrize(
    ("words", "category"),
    [
        ("We do not accept these results, whatever the price.", "REJECT"),
        ("The charter does not allow our land to be used against a neighbour.", "REJECT"),
        ("The front has decided to return to its attacks on the garrison.", "THREATEN"),
        ("the quiet was only the calm before the storm", "THREATEN"),
        ("its fighters will not attack the garrison as long as it is leaving", "CONCEDE"),
        ("the front would halt its attacks on the garrison", "CONCEDE"),
        ("the two sides confirmed a timetable for the departure", "AGREE"),
        ("the mission will conclude by the end of next year", "AGREE"),
        ("the promise came to a lie", "ACCUSE"),
        ("the garrison is to the detriment of the valley", "ACCUSE"),
    ],
)
def test_the_words_of_a_refusal_a_threat_a_halt_a_timetable_and_a_charge(words: str, category: str) -> None:
    """Under a neutral cue ("said"), the act the words perform (the codebook's PLOVER definitions)."""
    assert cues.plover(words, "said")[0] == category


@pytest.mark.parametrize(
    ("words", "stance"),
    [
        ("Two drones struck the valley air base, which hosts US troops and other forces", "not_addressed"),
        ("a rocket attack on the US base near the dam wounded two guards", "not_addressed"),
        ("US forces in the valley had been attacked 16 times since June", "not_addressed"),
        ("the US troops will maintain their presence to train the army", "accepts"),
        ("the remaining US forces are non-combat forces", "accepts"),
        ("We regret the office called the bases housing the occupying US forces a guarantee", "demands_withdrawal"),
    ],
)
def test_a_base_struck_or_hosting_the_forces_and_forces_kept_in_a_role(words: str, stance: str) -> None:
    """The codebook's stance on words that name the forces: violence against them or their base, or the forces
    as a base's guests, speaks not of their stay; their stay kept or in a non-combat role accepts it; a side
    act on bases housing "occupying" forces stays against them."""
    got = coded(words, Corpus(), verb="said")
    assert next(s.value for s in got if s.field == "stance_us_presence") == stance
