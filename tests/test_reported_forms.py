"""Forms of reported speech without quotation marks, on made-up texts (no corpus names or phrases)."""

import pytest

from iraq_presence.annotate.extract import Extractor, Gazetteer

GAZ = Gazetteer(
    aliases={"Norland": "norland", "Vale Brigades": "vale-brigades"},
    types={"norland": "state", "vale-brigades": "armed_group"},
)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(GAZ)


def indirect(ex: Extractor, text: str) -> list[tuple[str, str | None]]:
    return [
        (p["quote"], p.get("speaker_id") or p.get("speaker_name"))
        for p in ex.run(text)["statements"]
        if p["statement_type"] == "indirect"
    ]


def test_a_fronted_setting_coordinated_with_and_is_not_the_words(ex: Extractor) -> None:
    text = (
        "With the harvest in its third week, and the rains now flooding the valley, "
        "farmers say the relief plan is vague and lacks any detail."
    )
    assert indirect(ex, text) == [("the relief plan is vague and lacks any detail", "farmers")]


def test_a_that_past_a_comma_opens_a_second_clause(ex: Extractor) -> None:
    text = "The Vale Brigades said the strike had ended, but that the pickets would return if wages fell."
    assert indirect(ex, text)[0] == (
        "the strike had ended, but that the pickets would return if wages fell",
        "vale-brigades",
    )


def test_a_passive_view_is_the_holders(ex: Extractor) -> None:
    text = "The levy was seen by many farmers as a threat to their land, and others said it was fair."
    assert indirect(ex, text) == [("a threat to their land", "many farmers"), ("it was fair", "others")]


def test_a_characterisation_without_quotation_is_a_statement(ex: Extractor) -> None:
    text = "The Vale Brigades threatened to block the roads again, describing the new levy as plain theft."
    assert ("the new levy as plain theft", "vale-brigades") in indirect(ex, text)


def test_an_opposing_participle_is_an_act_of_its_own(ex: Extractor) -> None:
    text = "Norland demanded that the dam be closed, opposing a scheme by two firms to widen the river."
    assert indirect(ex, text) == [
        ("the dam be closed", "norland"),
        ("a scheme by two firms to widen the river", "norland"),
    ]


def test_swore_reports_a_vow(ex: Extractor) -> None:
    assert indirect(ex, "The guilds swore to rebuild the old bridge.") == [("to rebuild the old bridge", "The guilds")]


def test_a_number_with_a_comma_is_no_clause_break(ex: Extractor) -> None:
    text = "Norland, which is selling its 12,400 acres in the south, threatened to close its mills in the capital."
    assert [s for _, s in indirect(ex, text)] == ["norland"]


@pytest.mark.parametrize(
    ("text", "words", "holder"),
    [
        ("Many officials believe the troops will stay for years.", "the troops will stay for years", "Many officials"),
        (
            "Some lawmakers think the deal is a mistake for the country.",
            "the deal is a mistake for the country",
            "Some lawmakers",
        ),
        ("Residents fear the fighting will return to the city.", "the fighting will return to the city", "Residents"),
        ("A new poll shows that most voters oppose the plan.", "most voters oppose the plan", "A new poll"),
        (
            "The study found the groups had grown stronger since the vote.",
            "the groups had grown stronger since the vote",
            "The study",
        ),
    ],
)
def test_views_and_findings_are_reported(ex: Extractor, text: str, words: str, holder: str) -> None:
    assert (words, holder) in indirect(ex, text)


def test_a_finding_needs_a_research_noun(ex: Extractor) -> None:
    assert indirect(ex, "The police found the car near the river on Monday.") == []


def test_an_opening_phrase_is_not_the_words_when_a_clause_follows_the_cue(ex: Extractor) -> None:
    text = "Touring the northern county on a wet Sunday, Ann Berg said she would reopen every library."
    assert indirect(ex, text) == [("she would reopen every library", "Ann Berg")]
    cited = "Two traders reached the port on Sunday with grain, the Daily Star reported citing a clerk."
    assert indirect(ex, cited)[0][0] == "Two traders reached the port on Sunday with grain"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "The minister refused to set a date for the withdrawal of the troops.",
            "to set a date for the withdrawal of the troops",
        ),
        (
            "The minister proposed that the two sides meet again in the spring.",
            "the two sides meet again in the spring",
        ),
        ("The minister mentioned that the talks had stalled over the border.", "the talks had stalled over the border"),
        ("The minister worried that the talks would stall over the border.", "the talks would stall over the border"),
    ],
)
def test_more_verbs_of_speech_and_position(ex: Extractor, text: str, words: str) -> None:
    assert indirect(ex, text) == [(words, "The minister")]


def test_a_participle_of_saying_reports_words_of_its_own(ex: Extractor) -> None:
    text = "The minister praised the deal, suggesting that the troops could leave within a year."
    assert ("the troops could leave within a year", "The minister") in indirect(ex, text)


def test_a_resolution_inside_reported_words_speaks_for_itself(ex: Extractor) -> None:
    text = "Ann Berg said the board must honour a parliamentary resolution in March calling for the mill to close."
    assert ("the mill to close", "a parliamentary resolution in March") in indirect(ex, text)
    voted = "The guild on Monday backed a motion calling for a new toll on the bridge."
    assert indirect(ex, voted) == [("a new toll on the bridge", "The guild")]


def test_a_group_named_as_it_calls_itself(ex: Extractor) -> None:
    text = 'Two clubs calling themselves the "Hill League" issued a note saying they would merge.'
    said = ex.run(text)["statements"]
    assert [(p["quote"], p.get("speaker_name")) for p in said] == [
        ("Hill League", None),
        ("they would merge", "Hill League"),
    ]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Foreign troops must leave the country, Vale Brigades warns",
            "Foreign troops must leave the country",
            "vale-brigades",
        ),
        ("Troops Must Leave Within a Year, Former Envoy Says", "Troops Must Leave Within a Year", "Former Envoy"),
    ],
)
def test_a_headline_closed_by_its_speaker(ex: Extractor, text: str, words: str, speaker: str) -> None:
    assert indirect(ex, text) == [(words, speaker)]


def test_a_clause_in_commas_before_an_inverted_cue_is_no_appositive(ex: Extractor) -> None:
    text = "The fare rise angered the riders, and the vote was put off, said one clerk in the depot."
    assert indirect(ex, text) == [(text[: text.index(", said")], "one clerk")]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The minister blamed the envoys for the collapse of the talks.", "the envoys for the collapse of the talks"),
        ("The minister dismissed the report as a fabrication by rivals.", "the report as a fabrication by rivals"),
        ("Most lawmakers oppose any extension of the mission beyond May.", "any extension of the mission beyond May"),
    ],
)
def test_acts_and_positions_without_marks(ex: Extractor, text: str, words: str) -> None:
    assert [w for w, _ in indirect(ex, text)] == [words]


def test_a_bare_view_after_a_participle_is_a_noun(ex: Extractor) -> None:
    text = "Ann Berg praised the crews, voicing hope that the repairs would end by May."
    assert [w for w, _ in indirect(ex, text)] == ["the crews, voicing hope that the repairs would end by May"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Vale Brigades Demands Full Withdrawal of Foreign Troops", "demands"),
        ("Norland Slams Plan to Keep Troops in the Region", "slams"),
    ],
)
def test_a_headline_verb_that_reads_as_a_noun_in_a_sentence(ex: Extractor, text: str, cue: str) -> None:
    assert [p["reporting_verb"] for p in ex.run(text)["statements"]] == [cue]
    assert ex.run(f"The group repeated its {cue} on Monday.")["statements"] == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "The minister hailed the agreement as a turning point for the region.",
            "the agreement as a turning point for the region",
        ),
        ("The minister ruled out any extension of the foreign mission.", "any extension of the foreign mission"),
        ("The minister appealed to the factions to halt their attacks.", "to the factions to halt their attacks"),
    ],
)
def test_verbs_of_praise_refusal_and_appeal(ex: Extractor, text: str, words: str) -> None:
    assert indirect(ex, text) == [(words, "The minister")]


def test_a_clause_opened_by_this_is_the_words_not_a_time(ex: Extractor) -> None:
    assert indirect(ex, "This is a fair deal for the valley, Ann Berg told reporters.") == [
        ("This is a fair deal for the valley", "Ann Berg")
    ]
    assert indirect(ex, "This week, Ann Berg said the talks would resume in the spring.") == [
        ("the talks would resume in the spring", "Ann Berg")
    ]


def test_a_quotation_in_a_position_inside_speech_is_the_speakers(ex: Extractor) -> None:
    text = "Ann Berg spoke on Friday. She said Tom Vane favors a “hard line on tolls.”"
    quoted = [p for p in ex.run(text)["statements"] if p["statement_type"] != "indirect"]
    assert [(p["quote"], p.get("speaker_name")) for p in quoted] == [("hard line on tolls.", "Ann Berg")]


def test_a_participle_hangs_on_the_subject_past_an_aside(ex: Extractor) -> None:
    text = "By noon, however, Ann Berg met a crowd of dock workers, promising to cut the harbour fees."
    assert indirect(ex, text) == [("to cut the harbour fees", "Ann Berg")]


def test_a_plural_noun_after_a_participle_is_no_cue(ex: Extractor) -> None:
    assert indirect(ex, "The toll is stoking worries that the ferry will close for good.") == []


def statements(ex: Extractor, text: str) -> list[tuple[str, str, str | None]]:
    return [
        (p["quote"], p["statement_type"], p.get("speaker_id") or p.get("speaker_name"))
        for p in ex.run(text)["statements"]
    ]


@pytest.mark.parametrize("close", ["”", ""])
def test_a_clause_whose_verb_is_quoted_is_a_statement_beside_its_quotation(ex: Extractor, close: str) -> None:
    text = f"A senior farm official told the gazette that the board “will keep its depots open all winter.{close}"
    assert statements(ex, text) == [
        (f"the board “will keep its depots open all winter.{close}", "indirect", "A senior farm official"),
        ("will keep its depots open all winter.", "partial", "A senior farm official"),
    ]


def test_a_short_clause_whose_quotation_has_no_verb_is_only_the_quotation(ex: Extractor) -> None:
    assert [s[1] for s in statements(ex, "The Vale Brigades called it “a theft.”")] == ["partial"]


def test_a_roles_claim_is_the_roles_statement(ex: Extractor) -> None:
    text = "Answering the trade official’s claims that the levy would double, Norland said the harvest was safe."
    assert indirect(ex, text) == [
        ("the levy would double", "the trade official"),
        ("the harvest was safe", "norland"),
    ]


def test_a_sentence_of_and_that_clauses_goes_on_reporting_the_speaker_before(ex: Extractor) -> None:
    text = (
        "The Vale Brigades noted that the talks had resumed. Two depots have already been reopened by the board "
        "and that the rest of the depots would open in spring.\n\nThe river rose and that was the end of it."
    )
    assert indirect(ex, text) == [
        ("the talks had resumed", "vale-brigades"),
        ("Two depots have already been reopened by the board", "vale-brigades"),
        ("the rest of the depots would open in spring", "vale-brigades"),
    ]


def test_a_relative_clause_of_a_source_ends_at_its_comma(ex: Extractor) -> None:
    text = "The fire, which the inspectors said did not reach the granary, was the third this month."
    assert indirect(ex, text) == [("did not reach the granary", "the inspectors")]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The Vale Brigades called for calm and said that the depots were safe.", "calm"),
        ("The Vale Brigades objected on Monday to the new levy.", "the new levy"),
        ("The Vale Brigades rejected the results.", "the results"),
        ("The Vale Brigades vowed revenge.", "revenge"),
        ("The Vale Brigades denied involvement.", "involvement"),
    ],
)
def test_an_object_cue_reports_a_short_object(ex: Extractor, text: str, words: str) -> None:
    assert indirect(ex, text)[0] == (words, "vale-brigades")


def test_an_object_cue_with_a_pronoun_reports_nothing(ex: Extractor) -> None:
    assert indirect(ex, "The Vale Brigades rejected it.") == []


def test_a_relative_clauses_second_verb_has_the_same_source(ex: Extractor) -> None:
    text = "It is a loose league of growers which claims to defend the mills and calls for the closure of the dam."
    assert indirect(ex, text) == [
        ("to defend the mills", "a loose league of growers"),
        ("the closure of the dam", "a loose league of growers"),
    ]


def test_a_relative_clause_in_commas_ends_at_its_comma(ex: Extractor) -> None:
    text = "The board, which said the levy had failed, met again on Monday."
    assert indirect(ex, text) == [("the levy had failed", "The board")]


def test_warned_of_takes_no_hearer(ex: Extractor) -> None:
    assert indirect(ex, "The Vale Brigades warned of unrest in the valley.") == [
        ("of unrest in the valley", "vale-brigades")
    ]


def test_a_clause_before_an_inverted_cue_holding_a_fragment_is_a_statement(ex: Extractor) -> None:
    text = "The board did not ask the growers to “guard the river,” the governor said Monday, insisting on a vote."
    assert ("The board did not ask the growers to “guard the river,”", "the governor") in indirect(ex, text)


def test_a_possessor_before_an_adjective_owns_the_speech_noun(ex: Extractor) -> None:
    text = "The mayor hit back at Norland’s sudden declaration that the depots would stay shut."
    assert ("the depots would stay shut", "norland") in indirect(ex, text)


def test_spoke_about_reports_its_object(ex: Extractor) -> None:
    assert indirect(ex, "The Vale Brigades spoke about rebuilding the mills.") == [
        ("rebuilding the mills", "vale-brigades")
    ]


@pytest.mark.parametrize("when", ["Monday", "on Monday", "on May 3", "earlier this month", "last week,"])
def test_a_time_after_the_cue_is_not_the_words(ex: Extractor, when: str) -> None:
    assert indirect(ex, f"The Vale Brigades said {when} the depots would stay shut.") == [
        ("the depots would stay shut", "vale-brigades")
    ]


def test_this_alone_is_no_time(ex: Extractor) -> None:
    assert indirect(ex, "The Vale Brigades said this was wrong.") == [("this was wrong", "vale-brigades")]


def test_a_surname_alone_is_the_fuller_name_the_article_gives() -> None:
    gaz = Gazetteer(aliases={"Tom Hale": "tom-hale"}, types={"tom-hale": "person"})
    text = "Governor Tom Hale spoke on Monday. Anger grew after Hale’s comments to a host that the mills would close."
    assert indirect(Extractor(gaz), text) == [("the mills would close", "tom-hale")]
    unknown = "Ann Berg spoke on Monday. Crowds rallied after Berg’s comments that the mills would close."
    assert indirect(Extractor(Gazetteer({}, {})), unknown) == [("the mills would close", "Ann Berg")]


def test_mp_is_a_title_not_a_name() -> None:
    text = "MP Lena Vos said the levy was illegal."
    assert Extractor(Gazetteer({}, {})).run(text)["statements"][0]["speaker_name"] == "Lena Vos"


def test_held_responsible_is_the_holders_accusation(ex: Extractor) -> None:
    text = "Norland held the Vale Brigades responsible for the raids on its depots."
    assert indirect(ex, text) == [("the Vale Brigades responsible for the raids on its depots", "norland")]
    assert indirect(ex, "The Vale Brigades were held responsible for the raids.") == []


def test_a_colon_headline_ending_in_its_quotation_is_the_named_speakers(ex: Extractor) -> None:
    text = "Vale Brigades: Pause in Raids Is ‘Calm before the Flood’\n\nThe group said it would resume raids.\n"
    assert ("Pause in Raids Is ‘Calm before the Flood’", "vale-brigades") in indirect(ex, text)


def test_a_title_is_not_bound_to_a_person_named_in_the_words_it_reports() -> None:
    gaz = Gazetteer(aliases={"Tom Hale": "tom-hale"}, types={"tom-hale": "person"})
    text = (
        "Governor Tom Hale did not ask the town before closing the mills, the valley’s governor said, "
        "insisting that the council would decide."
    )
    assert [s for _, s in indirect(Extractor(gaz), text)] == ["the valley’s governor", "the valley’s governor"]


def test_a_circumstance_after_an_inverted_cue_is_not_its_words(ex: Extractor) -> None:
    text = "A fire at the depot injured two guards, a board official said, with the Vale Brigades blaming rivals."
    assert indirect(ex, text)[0] == ("A fire at the depot injured two guards", "a board official")


def test_a_quotation_in_an_agreement_reported_by_another_is_the_reporters() -> None:
    text = "A board official said the two towns have agreed on a “two-step plan,” which ends in May."
    got = statements(Extractor(Gazetteer({}, {})), text)
    assert ("two-step plan,", "partial", "A board official") in got


def test_a_cue_form_after_a_possessive_is_a_noun(ex: Extractor) -> None:
    assert indirect(ex, "The Vale Brigades reiterated their call for the closure of the dam.") == [
        ("the closure of the dam", "vale-brigades")
    ]


def test_a_characterising_participle_ends_an_object_cues_words(ex: Extractor) -> None:
    text = "Norland condemned the raid, calling it a breach of the truce."
    assert indirect(ex, text) == [("the raid", "norland"), ("it a breach of the truce", "norland")]


def test_a_hearer_without_that_ends_where_the_clause_opens(ex: Extractor) -> None:
    assert indirect(ex, "The Vale Brigades told reporters the depots would reopen.") == [
        ("the depots would reopen", "vale-brigades")
    ]


def test_a_statement_denying_is_the_issuers(ex: Extractor) -> None:
    assert indirect(ex, "The Vale Brigades later issued a statement denying any role in the raid.") == [
        ("any role in the raid", "vale-brigades")
    ]


def test_was_quoted_as_saying_is_the_subjects(ex: Extractor) -> None:
    text = "Norland said the mills had closed, and the Vale Brigades were quoted as saying that the depots would open."
    assert ("the depots would open", "vale-brigades") in indirect(ex, text)


def test_a_deputy_named_in_commas_is_the_speaker(ex: Extractor) -> None:
    assert indirect(ex, "Norland’s deputy, Tom Hale, said the depots would reopen.") == [
        ("the depots would reopen", "Tom Hale")
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Norland has long sought the closure of the dam.", ("the closure of the dam", "norland")),
        ("The militias have been pushing for the closure of the dam.", ("the closure of the dam", "The militias")),
        ("The Vale Brigades reject any foreign presence.", ("any foreign presence", "vale-brigades")),
        ("The Vale Brigades regard the levy as illegal.", ("the levy as illegal", "vale-brigades")),
    ],
)
def test_positions_in_the_writers_voice(ex: Extractor, text: str, words: tuple[str, str]) -> None:
    assert indirect(ex, text) == [words]


def test_with_regard_to_is_no_position(ex: Extractor) -> None:
    assert indirect(ex, "With regard to the levy, Norland said it would fall.") == [("it would fall", "norland")]


def test_a_passive_object_cue_is_the_agents(ex: Extractor) -> None:
    assert indirect(ex, "The levy was rejected by Norland on Monday.") == [("The levy", "norland")]
    assert indirect(ex, "The guards were told by the Vale Brigades to leave.") == []  # a hearer, no words


def test_welcomed_and_touched_on_report_their_objects(ex: Extractor) -> None:
    assert indirect(ex, "Norland welcomed the vote.") == [("the vote", "norland")]
    assert indirect(ex, "Norland touched on the recent raids.") == [("the recent raids", "norland")]


def test_a_militia_described_by_a_demonym_is_not_the_state(ex: Extractor) -> None:
    text = "Norlandi Shiite militia claims raids on 3 depots\n\nHILLTOWN - The Vale Brigades claimed the raids."
    assert indirect(ex, text)[0] == ("raids on 3 depots", "Norlandi Shiite militia")


def test_a_standfirst_quoting_the_statement_is_its_issuers_named_below(ex: Extractor) -> None:
    text = (
        "Raids on depots to resume in Norland\n\n“There is no result from the talks,” the statement read.\n\n"
        "HILLTOWN - In a statement released on its channel, the Vale Brigades expressed anger at the talks.\n"
    )
    speakers = [p.get("speaker_id") for p in ex.run(text)["statements"]]
    assert speakers[0] == "vale-brigades"


def test_a_clause_whose_verb_stands_before_the_quotation_is_a_statement(ex: Extractor) -> None:
    text = "The minister stressed it was “out of the question to give them a depot.”"
    assert ("it was “out of the question to give them a depot.”", "The minister") in indirect(ex, text)


def test_an_officer_described_is_an_unnamed_source(ex: Extractor) -> None:
    text = "A Norlandi army officer in Vale province told reporters that two drones were shot down."
    assert indirect(ex, text) == [("two drones were shot down", "A Norlandi army officer in Vale province")]


def test_a_quoted_gloss_in_brackets_neither_speaks_nor_hides_the_cue(ex: Extractor) -> None:
    text = (
        "Tom Hale, the head of the Vale Brigades (“the League of the River Folk”), warned in a speech that "
        "“the depots will burn,” the daily Vale Times reported on June 25."
    )
    got = statements(ex, text)
    assert ("the depots will burn,", "partial", "Tom Hale") in got
    assert not any(s == "Vale Times" for _, _, s in got)  # the daily carries Hale's words: no words of its own
    assert ("the League of the River Folk", "partial", None) in got  # a gloss, for the curator to dismiss


def test_reassured_names_its_hearer_and_reports_the_clause(ex: Extractor) -> None:
    text = "Norland reassured a Valeian delegation that the depots would stay open."
    assert indirect(ex, text) == [("the depots would stay open", "norland")]


@pytest.mark.parametrize("opening", ["Also on Wednesday,", "Meanwhile,", "Separately, on Monday,"])
def test_a_linking_opener_is_never_the_words(ex: Extractor, opening: str) -> None:
    text = f"{opening} the Vale Brigades confirmed the raid."
    assert indirect(ex, text) == [("the raid", "vale-brigades")]


@pytest.mark.parametrize("opening", ["On Monday,", "Meanwhile,", "Earlier this week,"])
def test_a_clause_before_its_source_starts_past_a_phrase_of_time(ex: Extractor, opening: str) -> None:
    assert indirect(ex, f"{opening} the harvest failed, Ada Lund said.") == [("the harvest failed", "Ada Lund")]


def test_a_phrase_of_circumstance_before_the_clause_stays_in_the_words(ex: Extractor) -> None:
    text = "After the vote, the harvest failed, Ada Lund said."
    assert indirect(ex, text) == [("After the vote, the harvest failed", "Ada Lund")]


def test_an_object_ends_before_the_speakers_second_predicate(ex: Extractor) -> None:
    text = "The Vale Brigades confirmed the raid on the depot but did not give details about losses."
    assert indirect(ex, text) == [("the raid on the depot", "vale-brigades")]


def test_what_the_speaker_left_unsaid_is_not_the_words(ex: Extractor) -> None:
    assert indirect(ex, "Ada Lund said the pickets would return but did not say when.") == [
        ("the pickets would return", "Ada Lund")
    ]
    assert indirect(ex, "Ada Lund said the pickets would return but would stay calm.") == [
        ("the pickets would return but would stay calm", "Ada Lund")
    ]


def test_a_name_in_marks_set_in_commas_after_a_role_is_the_speaker_not_a_quotation(ex: Extractor) -> None:
    text = 'Later, the security official of the Vale Brigades, "Abu Sami al-Dovran," also rejected the results.'
    out = ex.run(text)["statements"]
    assert [(p["quote"], p.get("speaker_name")) for p in out] == [("the results", "Abu Sami al-Dovran")]


def test_capitalised_words_in_marks_after_a_cue_stay_words(ex: Extractor) -> None:
    out = ex.run('Ada Lund said, "Harvest Now," and left the hall.')["statements"]
    assert any(p["quote"].startswith("Harvest Now") for p in out)


def test_an_objects_relative_clause_is_the_writers(ex: Extractor) -> None:
    assert indirect(ex, "Ada Lund rejected the plan, which the council had passed in May.") == [
        ("the plan", "Ada Lund")
    ]
    assert indirect(ex, "Ada Lund said the plan, which the council passed, would fail.") == [
        ("the plan, which the council passed, would fail", "Ada Lund")
    ]


def test_appreciated_takes_its_object_as_the_words(ex: Extractor) -> None:
    assert indirect(ex, "For her part, Ada Lund appreciated the help of the guild.") == [
        ("the help of the guild", "Ada Lund")
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The Vale Brigades are pressuring the guild to keep the pickets.", "to keep the pickets"),
        ("The Vale Brigades urged the guild and a number of unions to keep the pickets.", "to keep the pickets"),
        ("Ada Lund told the council and the press that the plan would fail.", "the plan would fail"),
    ],
)
def test_pressure_on_hearers_joined_by_and_reports_the_aim(ex: Extractor, text: str, words: str) -> None:
    assert [q for q, _ in indirect(ex, text)] == [words]


def test_a_document_opening_the_sentence_is_the_subject_not_the_last_name_of_its_topic(ex: Extractor) -> None:
    text = (
        'A Norland statement on a call between Ada Lund and her counterpart Tom Hale described the raid as "a crime".'
    )
    out = ex.run(text)["statements"]
    assert {p.get("speaker_id") or p.get("speaker_name") for p in out} == {"norland"}
    other = ex.run("The report of Tom Hale said the pickets would return.")["statements"]
    assert [p.get("speaker_name") for p in other] == ["Tom Hale"]


def test_pressed_ahead_is_an_act_carried_on_not_words(ex: Extractor) -> None:
    assert indirect(ex, "The Vale Brigades pressed ahead with the strike.") == []
