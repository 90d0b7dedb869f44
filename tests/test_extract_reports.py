"""Reported speech and speakers in the forms news of this package's subject takes (made-up texts only)."""

import json
from pathlib import Path

import pytest

from iraq_presence.annotate.extract import Extractor, Gazetteer


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(Gazetteer({}, {}))


def reports(ex: Extractor, text: str) -> list[tuple[str, str | None]]:
    return [
        (p["quote"], p.get("speaker_id") or p.get("speaker_name"))
        for p in ex.run(text)["statements"]
        if p["statement_type"] == "indirect"
    ]


def test_adding_that_reports_the_main_subject(ex: Extractor) -> None:
    text = "Jane Roe met the farmers on Monday, adding that the harvest would be late this year."
    assert ("the harvest would be late this year", "Jane Roe") in reports(ex, text)


def test_stating_that_after_a_warning(ex: Extractor) -> None:
    text = "Tom Vale issued a warning on Friday, stating that the river will flood the lower town."
    assert ("the river will flood the lower town", "Tom Vale") in reports(ex, text)


def test_coordinated_cue_reports_the_clause_subject(ex: Extractor) -> None:
    text = "The Orchard League has old ties to the valley and has threatened to close every road."
    assert reports(ex, text) == [("to close every road", "Orchard League")]


def test_called_on_keeps_the_object_with_its_complement(ex: Extractor) -> None:
    text = "Anna Berg called on the growers to sell their apples before winter."
    assert reports(ex, text) == [("the growers to sell their apples before winter", "Anna Berg")]


def test_calls_for_in_a_lower_case_line(ex: Extractor) -> None:
    text = "Anna Berg calls for a full review of the dam project."
    assert reports(ex, text) == [("a full review of the dam project", "Anna Berg")]


def test_report_ends_where_its_quotation_begins(ex: Extractor) -> None:
    text = "Anna Berg said the dam was safe for now, adding: “We will check it again in May.”"
    assert ("the dam was safe for now", "Anna Berg") in reports(ex, text)


@pytest.mark.parametrize("verb", ["expressed", "clarified", "affirmed", "underlined", "condemned"])
def test_more_reporting_verbs(ex: Extractor, verb: str) -> None:
    text = f"Anna Berg {verb} that the dam would open in the spring."
    assert reports(ex, text) == [("the dam would open in the spring", "Anna Berg")]


def test_a_position_held_with_reasons_to_want(ex: Extractor) -> None:
    """Coverage rule 3: "X have their reasons to want Z" is X's position; "states" before a verb is a noun."""
    text = "Norland and other river states have their reasons to want the dam removed."
    assert reports(ex, text) == [("the dam removed", "other river states"), ("the dam removed", "Norland")]
    text = "The growers seem to want the gates opened."
    assert reports(ex, text) == [("the gates opened", "The growers")]


def quotes(ex: Extractor, text: str) -> list[tuple[str, str | None]]:
    return [
        (p["quote"], p.get("speaker_id") or p.get("speaker_name"))
        for p in ex.run(text)["statements"]
        if p["statement_type"] != "indirect"
    ]


def test_single_curly_marks_are_quotations(ex: Extractor) -> None:
    text = "The dam is ‘safe for another decade,’ says engineer Anna Berg of the Valley Board."
    assert quotes(ex, text) == [("safe for another decade,", "Anna Berg")]


def test_single_straight_marks_and_apostrophes(ex: Extractor) -> None:
    text = "Tom Vale said the growers' union would 'fight every fee' and that it wasn't over."
    assert [q for q, _ in quotes(ex, text)] == ["fight every fee"]


def test_a_titled_name_after_a_place_in_the_title_is_the_speaker() -> None:
    """ "says the X Forum’s senior Norland analyst Jane Roe": Jane Roe speaks, not Norland."""
    ex = Extractor(Gazetteer({"Norland": "norland"}, {"norland": "state"}))
    text = "- Dam plan poses a ‘grave risk,’ says the Valley Policy Forum’s senior Norland analyst Jane Roe"
    assert quotes(ex, text) == [("grave risk,", "Jane Roe")]


def test_double_marks_inside_single_marks_are_the_inner_quotation(ex: Extractor) -> None:
    """British style: single marks are the quotation, double marks the words it quotes."""
    text = "‘They call it “a safety plan”, but it is a trap,’ said Anna Berg, the board’s engineer."
    assert quotes(ex, text) == [("They call it “a safety plan”, but it is a trap,", "Anna Berg")]


def test_a_curly_plural_possessive_inside_single_marks_is_no_closing_mark(ex: Extractor) -> None:
    """’ is the apostrophe too: after a plural it closes the quotation only where none closes later."""
    text = "- The dam is ‘the board’s worst mistake and the growers’ last hope,’ says engineer Anna Berg"
    assert quotes(ex, text) == [("the board’s worst mistake and the growers’ last hope,", "Anna Berg")]
    text = "Tom Vale called it ‘a matter for the courts’ and left the hall."
    assert [q for q, _ in quotes(ex, text)] == ["a matter for the courts"]


def test_single_marks_inside_double_marks_are_not_top_level(ex: Extractor) -> None:
    text = "“They called it ‘a fair deal’ last year,” Anna Berg said."
    assert quotes(ex, text) == [("They called it ‘a fair deal’ last year,", "Anna Berg")]


def test_a_name_before_its_preposition_heads_the_source(ex: Extractor) -> None:
    text = "“The dam will hold,” said Anna Berg of the Valley Board."
    assert quotes(ex, text) == [("The dam will hold,", "Anna Berg")]


def test_role_of_an_organisation_is_a_title_not_the_organisation(ex: Extractor) -> None:
    text = "“The dam will hold,” the spokesman of the Valley Board said."
    assert quotes(ex, text)[0][1] != "Valley Board"


GAZ = Gazetteer(
    aliases={"Northland": "northland", "Northlandi": "northland", "Orchard League": "orchard-league"},
    types={"northland": "state", "orchard-league": "armed_group"},
)


def test_nationality_adjective_and_part_of_a_longer_name_are_not_speakers() -> None:
    ex = Extractor(GAZ)
    text = (
        "“We will stay,” a Northlandi official said.\n“We will leave,” said the Free Orchard League Front, a new group."
    )
    assert [s for _, s in quotes(ex, text)] == ["a Northlandi official", "Free Orchard League Front"]


def test_possessor_is_not_the_speaker() -> None:
    ex = Extractor(GAZ)
    text = "Northland's River TV says the bridge will open in May next year."
    assert [s for _, s in reports(ex, text)] == ["Northland's River TV"]


def test_capitalised_role_then_name_in_commas(ex: Extractor) -> None:
    text = "The Secretary-General of the Valley Board, Anna Berg, called on the growers to unite against the fees."
    assert reports(ex, text) == [("the growers to unite against the fees", "Anna Berg")]


def test_subject_named_in_commas_after_a_role_and_place(ex: Extractor) -> None:
    text = "Senior security official in the north, Anna Berg, spoke on Monday, stating that the river was rising fast."
    assert ("the river was rising fast", "Anna Berg") in reports(ex, text)


def test_opening_adverb_is_not_the_subject(ex: Extractor) -> None:
    text = "Moreover, Tom Vale denied the old claims, adding that the bridge had never been closed."
    assert ("the bridge had never been closed", "Tom Vale") in reports(ex, text)


def test_calls_as_a_noun_is_no_cue(ex: Extractor) -> None:
    text = "Anna Berg spoke in the valley amid international calls on the board to resign over the fees."
    assert [s for _, s in reports(ex, text)] == []


def test_british_spelling_of_labelled(ex: Extractor) -> None:
    text = "The Valley Board labelled the fee an act of theft by the city."
    assert reports(ex, text) == [("the fee an act of theft by the city", "Valley Board")]


def test_title_resolves_to_the_name_the_article_bound_it_to_earlier(ex: Extractor) -> None:
    text = (
        "The Secretary-General of the Valley Board, Anna Berg, called on the growers to unite.\n"
        "The new fees come after a long dispute in the valley.\n"
        '"The fees are a theft from every family," the Secretary-General of the Valley Board said.\n'
        "The Secretary-General said the board would meet again in May."
    )
    assert [s for _, s in ex_all(ex, text)] == ["Anna Berg"] * 3


def ex_all(ex: Extractor, text: str) -> list[tuple[str, str | None]]:
    return [(p["quote"], p.get("speaker_id") or p.get("speaker_name")) for p in ex.run(text)["statements"]]


def test_statement_that_speaks_and_is_referred_back_to(ex: Extractor) -> None:
    text = (
        "Anna Berg, the mayor, backed the plan and “announced her support for the bridge,” "
        "a statement from her office read.\n"
        "It said the bridge would open in the spring of next year."
    )
    assert [s for _, s in ex_all(ex, text)] == ["a statement from her office"] * 3  # a clause, its fragment, 'It said'


def test_it_after_a_person_is_not_a_statement(ex: Extractor) -> None:
    text = (
        "A statement from the board said the fee would end in May of this year.\n"
        "Tom Vale spoke later. “The Valley Board has lied,” he said. It said nothing more about the fee."
    )
    assert ex_all(ex, text)[-1][1] != "A statement from the board"


def test_bare_form_after_did_is_a_cue(ex: Extractor) -> None:
    text = "The Valley Board said little, but did highlight the “long work” of its crews."
    assert quotes(ex, text) == [("long work", "Valley Board")]


def test_participle_after_a_named_object_hangs_on_the_subject(ex: Extractor) -> None:
    text = "Anna Berg urged the growers to send a letter to the Valley Board calling for a “fair price.”"
    assert quotes(ex, text) == [("fair price.", "Anna Berg")]


def test_subject_before_a_time_phrase(ex: Extractor) -> None:
    text = "After the vote, senior engineer Anna Berg on Tuesday called on growers to hold a “million-tonne” sale."
    assert quotes(ex, text) == [("million-tonne", "Anna Berg")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("New fees are a theft from every family: Valley Board\n\nThe board met on Monday.", "Valley Board"),
        ("River crews to start work on the north bridge - Valley Radio\nThe work starts soon.", "Valley Radio"),
        ("Berg to growers: Sell the apples before winter\n\nThe mayor spoke on Monday.", "Berg"),
    ],
)
def test_headline_attributions(ex: Extractor, text: str, speaker: str) -> None:
    assert [s for _, s in reports(ex, text)][:1] == [speaker]


def test_title_case_headline_cue_gives_its_quotation_a_speaker(ex: Extractor) -> None:
    text = "Valley Board Says There Will Be a ‘Fair Price’ for the Apples\n\nThe board met on Monday."
    assert quotes(ex, text) == [("Fair Price", "Valley Board")]


def test_embedded_attribution_after_a_horizontal_bar(ex: Extractor) -> None:
    text = "“The fees must go.” ― Anna Berg\n“The bridge is late.”― Tom Vale\n"
    assert quotes(ex, text) == [("The fees must go.", "Anna Berg"), ("The bridge is late.", "Tom Vale")]


@pytest.mark.parametrize("noun", ["late-night tweets", "Republican claims", "the board’s calls"])
def test_third_person_forms_read_as_nouns(ex: Extractor, noun: str) -> None:
    text = f"Anna Berg said the {noun} were “unhinged, even for them.”"
    assert quotes(ex, text) == [("unhinged, even for them.", "Anna Berg")]


def test_participle_ends_a_noun_phrase(ex: Extractor) -> None:
    text = "Anna Berg mocked the plan, saying anybody who complains about a fee “is not paying attention.”"
    assert quotes(ex, text)[0][1] == "Anna Berg"


def test_footage_of_a_person_saying(ex: Extractor) -> None:
    text = "The Valley Board ad concludes with footage of Tom Vale saying last week, “That makes me rich.”"
    assert quotes(ex, text) == [("That makes me rich.", "Tom Vale")]


def test_state_abbreviation_in_an_apposition(ex: Extractor) -> None:
    text = "“The vote will pass,” Senate Leader Tom Vale, R-Ore., said Tuesday."
    assert quotes(ex, text) == [("The vote will pass,", "Tom Vale")]


def test_bare_group_noun_speaks_as_written(ex: Extractor) -> None:
    text = "The Valley Hawks play on Sunday.\nPolice say they have “enough officers” for the game."
    assert quotes(ex, text) == [("enough officers", "Police")]


def test_organisation_name_ending_in_a_group_noun(ex: Extractor) -> None:
    text = "North Valley held a vote.\nThe Valley Energy Agency said North Valley showed “complete disregard” for it."
    assert quotes(ex, text) == [("complete disregard", "Valley Energy Agency")]


def test_branded_and_opening_following(ex: Extractor) -> None:
    text = (
        "Northland branded the fee an “outlaw tax.”\n"
        "Following a late meeting, the Valley Board issued a statement calling the fee “a clear theft.”"
    )
    assert quotes(ex, text) == [("outlaw tax.", "Northland"), ("a clear theft.", "Valley Board")]


def test_negative_contraction_stands_between_subject_and_cue(ex: Extractor) -> None:
    text = "Tom Vale spoke on Monday. He didn't suggest that the bridge would close this year."
    assert reports(ex, text) == [("the bridge would close this year", "Tom Vale")]


def test_evaluate_scores_the_curated_articles(tmp_path: Path) -> None:
    """`dataset evaluate` runs on the built tables, whose nullable span columns hold NA, without a traceback."""
    from typer.testing import CliRunner

    from iraq_presence.cli import app

    out = tmp_path / "evaluation.json"
    result = CliRunner().invoke(app, ["evaluate", "--output", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    scores = json.loads(out.read_text(encoding="utf-8"))
    assert 0.0 <= scores["speaker_accuracy"] <= 1.0 and scores["n_gold_spans"] > 0


def test_report_before_a_participle_lead_in_stands_beside_its_quotation(ex: Extractor) -> None:
    text = (
        "Anna Berg visited the dam on Monday.\n"
        "Praising the “good work” of the crews, she stressed the need for a new bridge, describing it as “vital.”"
    )
    assert reports(ex, text) == [("the need for a new bridge", "Anna Berg")]


def test_quotation_under_its_cue_leaves_no_report_of_the_rest(ex: Extractor) -> None:
    text = "“The fee will go,” Anna Berg said on Monday in a speech to the growers of the valley."
    assert reports(ex, text) == []


def test_headline_speaker_to_addressee_before_short_words(ex: Extractor) -> None:
    text = "Berg to Vale: Lower, freeze fees\n\nThe mayor spoke on Monday."
    assert reports(ex, text) == [("Lower, freeze fees", "Berg")]


def test_plural_noun_after_a_determiner_heads_the_source(ex: Extractor) -> None:
    text = "The reports alleged that the board had sold the old dam to a private firm."
    assert reports(ex, text)[0] == ("the board had sold the old dam to a private firm", "The reports")


def test_name_before_an_appositive_and_who(ex: Extractor) -> None:
    text = "In reply to a question from Tom Vale, a senior Valley Times reporter, who asked, “Will the dam hold?”"
    assert quotes(ex, text) == [("Will the dam hold?", "Tom Vale")]


def test_compound_adjective_is_no_name(ex: Extractor) -> None:
    text = "The board spoke of the city-led plan. It said the Orchard-backed fund would close in May."
    assert "Orchard-backed" not in [s for _, s in reports(ex, text)]


def test_indefinite_role_named_later_in_that_role(ex: Extractor) -> None:
    text = (
        "“We will answer,” a spokesman for the river militia said on Sunday.\n"
        "The river militia's spokesman, Tom Vale, spoke again later."
    )
    assert quotes(ex, text) == [("We will answer,", "Tom Vale")]


@pytest.mark.parametrize("title", ["Secretary of State", "Minister of Foreign Affairs"])
def test_department_in_a_title_is_not_the_name(ex: Extractor, title: str) -> None:
    text = f"Valley {title} Tom Vale said the dam would hold until next spring at least."
    assert [s for _, s in reports(ex, text)] == ["Tom Vale"]


def test_reported_words_end_before_the_next_participle_cue():
    from iraq_presence.annotate.extract import Extractor, Gazetteer

    text = "Jon Vale stressed that the river is higher than ever before, saying, “The dam is full and holding.”\n"
    got = [p["quote"] for p in Extractor(Gazetteer({}, {})).run(text)["statements"]]
    assert "the river is higher than ever before" in got


@pytest.mark.parametrize("opening", ["In a speech to the guild", "Speaking at the harbour on Monday", "On Tuesday"])
def test_an_opening_phrase_of_place_or_time_is_not_the_content(ex: Extractor, opening: str) -> None:
    text = f"{opening}, Anna Berg stressed the need for calm on the docks."
    assert reports(ex, text) == [("the need for calm on the docks", "Anna Berg")]


def test_a_clause_before_its_cue_stays_the_content(ex: Extractor) -> None:
    text = "When the river falls, the mills will close, Anna Berg said on Monday."
    assert reports(ex, text) == [("When the river falls, the mills will close", "Anna Berg")]


@pytest.mark.parametrize("verb", ["believes", "considers", "expects", "thinks", "rejected"])
def test_verbs_of_holding_a_position(ex: Extractor, verb: str) -> None:
    """The coverage rule counts a position held ("considers", "views") as a statement."""
    text = f"Anna Berg {verb} that the dam plan would fail within a year."
    assert reports(ex, text) == [("the dam plan would fail within a year", "Anna Berg")]


def test_in_a_statement_opening_the_sentence_is_not_the_content(ex: Extractor) -> None:
    text = "In a statement, the Valley Board condemned the closure of the northern dam."
    assert reports(ex, text) == [("the closure of the northern dam", "Valley Board")]


def test_it_goes_on_for_the_body_that_spoke_before() -> None:
    """'The X government said …. It called on …': the pronoun is the body, though no name was read for it."""
    gaz = Gazetteer({"Norland government": "norland-government"}, {"norland-government": "state_body"})
    text = (
        "The Norland government said in a statement that the strikes broke the truce. "
        "It called on the guild to respect the agreement."
    )
    got = [(p["quote"], p.get("speaker_id")) for p in Extractor(gaz).run(text)["statements"]]
    assert ("the guild to respect the agreement", "norland-government") in got


def test_the_statement_goes_on_for_the_office_that_issued_it(ex: Extractor) -> None:
    text = (
        "A statement issued by the mayor's office said the bridge would close in May. "
        "The statement added that the ferry would run every hour."
    )
    assert reports(ex, text) == [
        ("the bridge would close in May", "the mayor's office"),
        ("the ferry would run every hour", "the mayor's office"),
    ]


def test_a_participle_read_as_a_noun_is_no_cue(ex: Extractor) -> None:
    text = "Anna Berg issued a stern warning on Monday, stating that the dam would fail in a flood."
    assert reports(ex, text) == [("the dam would fail in a flood", "Anna Berg")]


def test_a_statement_participle_still_reports(ex: Extractor) -> None:
    text = "The Valley Board issued a statement warning the growers against selling their land."
    assert reports(ex, text) == [("the growers against selling their land", "Valley Board")]


def test_a_passive_past_an_adverb_is_no_report(ex: Extractor) -> None:
    text = "Anna Berg, who is widely expected to visit the dam on Monday, met the growers."
    assert reports(ex, text) == []


def test_an_acronym_subject_is_no_pronoun(ex: Extractor) -> None:
    """ "While the UK claims …,": 'UK' (or 'US') is a name, and the words end with the clause."""
    text = "While the UK claims it has ended its mission at the dam, some 200 troops still remain there."
    assert reports(ex, text) == [("it has ended its mission at the dam", "UK")]


def test_two_coordinated_cues_report_apart(ex: Extractor) -> None:
    text = "Anna Berg said the dam was unsafe and called for a full review of the project."
    assert reports(ex, text) == [("the dam was unsafe", "Anna Berg"), ("a full review of the project", "Anna Berg")]


def test_a_describing_clause_with_its_fragment(ex: Extractor) -> None:
    text = "Anna Berg closed the dam, describing its old walls as “a danger to the town” and a burden."
    assert ("its old walls as “a danger to the town” and a burden", "Anna Berg") in reports(ex, text)


def test_a_named_states_government_speaks_and_goes_on(ex: Extractor) -> None:
    text = "The Norland government said the strikes were illegal. The government added that it would file a complaint."
    assert reports(ex, text) == [
        ("the strikes were illegal", "Norland government"),
        ("it would file a complaint", "Norland government"),
    ]


def test_an_official_of_a_group_is_no_group() -> None:
    """'A senior official of X said': a person of X (named later, or an unnamed source), not X."""
    gaz = Gazetteer({"Vale Front": "vale-front"}, {"vale-front": "armed_group"})
    text = "A senior official of Vale Front said the dam would close in the spring."
    [p] = Extractor(gaz).run(text)["statements"]
    assert p.get("speaker_id") is None and p["speaker_name"] == "A senior official of Vale Front"


def test_a_named_actors_position_inside_a_quotation_is_its_own_statement() -> None:
    """'"Norland sees the groups as a threat," Ann said': Norland's position is a statement too."""
    gaz = Gazetteer({"Norland": "norland"}, {"norland": "state"})
    text = "“Norland sees the river guilds as a threat to the harbour, while Vale views them as allies,” Ann Berg said."
    got = {(p["quote"], p.get("speaker_id") or p.get("speaker_name")) for p in Extractor(gaz).run(text)["statements"]}
    assert ("the river guilds as a threat to the harbour", "norland") in got
    assert ("them as allies", "Vale") in got


def test_an_unnamed_collective_inside_a_quotation_stays_the_quotation(ex: Extractor) -> None:
    text = "“Many guild leaders have demanded the closure of the old harbour,” Ann Berg said."
    assert reports(ex, text) == []


@pytest.mark.parametrize("verb", ["pushed for", "pointed to"])
def test_cues_of_pressing_and_pointing(ex: Extractor, verb: str) -> None:
    text = f"Anna Berg {verb} the closure of the old harbour."
    assert reports(ex, text) == [("the closure of the old harbour", "Anna Berg")]


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Anna Berg voiced hope that the dam would open in May.", "the dam would open in May"),
        ("Anna Berg made it clear that the dam would open in May.", "the dam would open in May"),
        ("Anna Berg advised the growers to sell their land.", "to sell their land"),  # the growers: the hearers
    ],
)
def test_voicing_making_clear_and_advising(ex: Extractor, sentence: str, content: str) -> None:
    assert reports(ex, sentence) == [(content, "Anna Berg")]


@pytest.mark.parametrize("label", ["Read More", "Source"])
def test_a_furniture_label_before_a_colon_is_no_speaker(ex: Extractor, label: str) -> None:
    text = f"The dam opened on Monday.\n\n{label}: Vale Front leaders meet in Ardan to discuss the dam\n"
    assert [p for p in ex.run(text)["statements"] if p.get("speaker_name") == label] == []


def test_a_participle_after_a_determiner_is_an_adjective(ex: Extractor) -> None:
    assert reports(ex, "The Vale guilds, with an estimated 12,000 members across the valley, met.") == []


def test_where_the_words_were_posted_is_not_what_they_said(ex: Extractor) -> None:
    assert reports(ex, "A statement from Anna Berg was posted on her official page.") == []
    [(words, who)] = reports(ex, "Anna Berg said on Monday the dam would open in the spring.")
    assert who == "Anna Berg" and words.endswith("the dam would open in the spring")  # a longer content stays


@pytest.mark.parametrize("opening", ["In the view of Anna Berg", "In Anna Berg’s view"])
def test_a_view_held(ex: Extractor, opening: str) -> None:
    got = reports(ex, f"{opening}, the dam will fail within a year.")
    assert got == [("the dam will fail within a year", "Anna Berg")]


def test_people_inside_a_quotation_are_no_named_source(ex: Extractor) -> None:
    assert reports(ex, "“People say the guild will close the harbour before winter,” Ann Berg said.") == []


def test_the_occasion_and_its_time_after_the_cue_are_no_content(ex: Extractor) -> None:
    """'said in a statement last year they would …': where and when, not what; the 'that' after an
    interview's outlet is found past it."""
    text = "The Dock Union said in a statement last year they would keep the gates shut."
    assert [q for q, _ in reports(ex, text)] == ["they would keep the gates shut"]
    text = "An official clarified in an interview with Harbor Radio news agency that the tolls would stay."
    assert [q for q, _ in reports(ex, text)] == ["the tolls would stay"]


@pytest.mark.parametrize(
    "tail",
    ["in a speech to dock workers", "during a meeting with the harbour board", "at a press conference in Dunmore"],
)
def test_the_occasion_after_the_words_is_not_what_was_said(ex: Extractor, tail: str) -> None:
    text = f"Jane Roe said on Friday that the port deal must be cancelled, {tail}."
    assert reports(ex, text) == [("the port deal must be cancelled", "Jane Roe")]


def test_the_body_named_before_by_its_noun_speaks(ex: Extractor) -> None:
    """'the union' after 'the Harbour Union': the organisation named before whose name ends in that noun."""
    text = (
        "The Harbour Union said on Monday that workers should strike until the plan is withdrawn.\n\n"
        "The union added that the port authority had ignored its letters."
    )
    assert ("the port authority had ignored its letters", "Harbour Union") in reports(ex, text)


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("The Orchard League wants the river barges out of the valley.", "the river barges out of the valley"),
        ("The Orchard League seeks a timetable for closing the old dam.", "a timetable for closing the old dam"),
        ("The Orchard League would like to see the old dam closed.", "to see the old dam closed"),
        ("The Orchard League leaders want the barges out of the valley.", "the barges out of the valley"),
    ],
)
def test_a_position_in_the_writers_voice_with_a_volitional_verb(ex: Extractor, sentence: str, content: str) -> None:
    assert reports(ex, sentence) == [(content, "Orchard League")]


def test_a_passive_volitional_verb_is_no_position(ex: Extractor) -> None:
    assert reports(ex, "The barges were wanted in the lower valley by May.") == []


def statements(ex: Extractor, text: str) -> list[tuple[str, str | None, str]]:
    return [
        (p["quote"], p.get("speaker_id") or p.get("speaker_name"), p["statement_type"])
        for p in ex.run(text)["statements"]
    ]


READOUT = (
    "President Arlo Fenn hosted Prime Minister Ida Norr at the palace on Tuesday.\n\n"
    "“The two leaders discussed the river treaty and the future of the dam,” the palace said in a statement.\n\n"
    "“The President and Prime Minister agreed on the need to open the lower locks,” the statement said.\n\n"
    "The two leaders also reaffirmed their commitment to the orchard accord.\n"
)


@pytest.mark.parametrize(
    "content",
    [
        "the river treaty and the future of the dam",
        "on the need to open the lower locks",
        "their commitment to the orchard accord",
    ],
)
def test_two_leaders_of_a_readout_are_one_statement_each(ex: Extractor, content: str) -> None:
    speakers = sorted(s for q, s, kind in statements(ex, READOUT) if q == content and kind == "indirect")
    assert speakers == ["Arlo Fenn", "Ida Norr"]


def test_two_leaders_named_by_no_one_before_stay_unsplit(ex: Extractor) -> None:
    text = "The two leaders also reaffirmed their commitment to the orchard accord."
    assert [s for q, s, _ in statements(ex, text) if q == "their commitment to the orchard accord"] != [
        "Arlo Fenn",
        "Ida Norr",
    ]


def test_an_office_speaks_as_written_and_its_pronoun_is_the_principal(ex: Extractor) -> None:
    text = (
        "Prime Minister Ida Norr met the river council, with Tomas Brel, a farmer, in the room. "
        "The prime minister's office said she stressed the need to open the lower locks."
    )
    got = reports(ex, text)
    assert ("she stressed the need to open the lower locks", "The prime minister's office") in got
    assert ("the need to open the lower locks", "Ida Norr") in got


def test_the_office_of_a_named_person_speaks_for_him(ex: Extractor) -> None:
    text = "Tomas Brel spoke first. The office of Arlo Fenn said he rejected the plan to close the dam."
    got = reports(ex, text)
    assert ("he rejected the plan to close the dam", "The office of Arlo Fenn") in got
    assert ("the plan to close the dam", "Arlo Fenn") in got


def test_a_speech_cue_takes_the_quotation_before_a_position(ex: Extractor) -> None:
    text = "The farmer said she wanted to speak “directly to the growers” this week."
    assert [s for q, s, kind in statements(ex, text) if kind == "partial"] == ["The farmer"]


EXPERT = (
    "Dana Voss, a senior fellow at the Harbor Policy Institute, has followed the talks for years. "
    "The river plan is mostly symbolic and will change little on the ground. The talks began in March. "
    "The two towns would rather save face before the vote.\n\n"
    "The mayor met the growers in May. The growers will decide in June.\n"
)


def test_an_introduced_experts_judging_sentences_are_her_view(ex: Extractor) -> None:
    got = reports(ex, EXPERT)
    assert ("The river plan is mostly symbolic and will change little on the ground", "Dana Voss") in got
    assert ("The two towns would rather save face before the vote", "Dana Voss") in got


def test_plain_events_and_the_next_paragraph_are_not_the_experts(ex: Extractor) -> None:
    got = {q for q, s in reports(ex, EXPERT) if s == "Dana Voss"}
    assert "The talks began in March" not in got
    assert "The growers will decide in June" not in got


def test_another_attribution_ends_the_experts_view(ex: Extractor) -> None:
    text = (
        "Tomas Brel, an analyst with the Lindqvist Centre, has studied the dam. "
        "Anna Berg said the dam would open in May. The growers will be pleased."
    )
    assert reports(ex, text) == [("the dam would open in May", "Anna Berg")]


def test_a_pronoun_after_an_offices_report_is_its_principal(ex: Extractor) -> None:
    text = (
        "Prime Minister Ida Norr met the river council. Dana Voss said the locks were old.\n\n"
        "The prime minister's office said the talks were useful. She also stressed the need to open the locks."
    )
    assert ("the need to open the locks", "Ida Norr") in reports(ex, text)


def test_an_expert_introduced_after_an_opening_conjunction(ex: Extractor) -> None:
    text = "But Dana Voss, a fellow at the Harbor Policy Institute, is wary. The river plan could stall for years."
    assert reports(ex, text) == [("The river plan could stall for years", "Dana Voss")]


def test_two_leaders_are_people_named_shortly_before(ex: Extractor) -> None:
    text = (
        "Arlo Fenn and Ida Norr met in May. "
        + "The river rose again. " * 70
        + ("The two leaders reaffirmed their commitment to the orchard accord.")
    )
    speakers = [s for q, s in reports(ex, text) if q == "their commitment to the orchard accord"]
    assert "Arlo Fenn" not in speakers


def test_a_summary_printed_twice_is_proposed_once(ex: Extractor) -> None:
    """Coverage rule 4: a standfirst repeated as the first bullet is recorded at its first printing."""
    line = "Growers face ‘a summer without water,’ says Piet Andor of the Harbour Institute"
    text = f"Valley farmers fear dam plan\n{line}\n\n- {line}.\n- Andor said ‘the wells are dry’ in May.\n"
    got = [(p["quote"], p["start"]) for p in ex.run(text)["statements"]]
    assert got[0] == ("a summer without water,", text.index("a summer"))
    assert [q for q, _ in got] == ["a summer without water,", "the wells are dry"]


def test_a_speech_act_named_by_its_noun_and_speaker(ex: Extractor) -> None:
    """ "the announcement by X earlier this year that …": X's words, as "X announced that …"."""
    text = "It follows the announcement by Norland earlier this year that the two states had agreed on the exit."
    assert ("the two states had agreed on the exit", "Norland") in reports(ex, text)
    assert reports(ex, "It was a statement by any measure that the port is open.") == []


@pytest.mark.parametrize("comma", ["", ","])
def test_a_name_described_in_an_apposition_left_open_is_the_source(comma: str) -> None:
    """A standfirst may drop the apposition's closing comma: the name it describes acts."""
    ex = Extractor(Gazetteer({"Orchard League": "orchard-league"}, {"orchard-league": "armed_group"}))
    text = f"Orchard League, a militant, secretive and anti-dam group{comma} repeated threats to attack the dam"
    assert reports(ex, text) == [("to attack the dam", "orchard-league")]
    assert reports(ex, "Later, a spokesman said the dam was safe.") == [("the dam was safe", "a spokesman")]


def test_a_past_participle_after_an_infinitive_is_an_adjective(ex: Extractor) -> None:
    """ "to utilize shared capacities": "shared" describes, nobody shares words."""
    text = "Jo Ames stressed the need to utilize shared capacities to bolster ties."
    assert reports(ex, text) == [("the need to utilize shared capacities to bolster ties", "Jo Ames")]


@pytest.mark.parametrize("close", ["’", '"'])
def test_a_clause_before_a_single_or_double_quoted_fragment_and_inverted_cue(ex: Extractor, close: str) -> None:
    """Coverage rule 7 with '<clause> ‘<fragment>,’ says X': the clause and the fragment are both X's,
    whichever marks the article uses; an apostrophe before the cue does not close a quotation."""
    open_ = "‘" if close == "’" else '"'
    text = (
        "Will the dam be built?\n"
        f"- Dry summers in the valley could empty the wells, making it {open_}very hard to keep the orchards,{close} "
        "says Harbour Institute’s water analyst Piet Andor\n"
    )
    assert reports(ex, text) == [("Dry summers in the valley could empty the wells", "Piet Andor")]
    partial = [p for p in ex.run(text)["statements"] if p["statement_type"] == "partial"]
    assert [(p["quote"], p.get("speaker_name")) for p in partial] == [("very hard to keep the orchards,", "Piet Andor")]
    assert reports(ex, "The growers’ says were few and the orchards dry this summer.") == []


def test_a_headlines_cue_reads_its_words_where_the_sentence_reading_finds_none(ex: Extractor) -> None:
    """ "X urges the garrison exit from Y" (a headline's clipped form, no "to"): the headline's own cue gives the
    words the sentence reading of "urges" leaves without."""
    text = "Valeian top leader urges foreign garrison exit from the valley\n\nThe leader met the mayor on Monday.\n"
    assert reports(ex, text)[:1] == [("foreign garrison exit from the valley", "Valeian top leader")]


def test_a_plural_noun_opening_a_clause_after_after_is_its_source(ex: Extractor) -> None:
    """ "… after reports indicated that …": "after" opens a clause here, so "reports" speak, not the main
    clause before it."""
    text = "The army moved its guns to the valley after reports indicated that the dam would fail.\n"
    assert reports(ex, text) == [("the dam would fail", "reports")]
