"""The extractor on small made-up texts in the styles news uses (no corpus names or phrases)."""

import datetime as dt
from pathlib import Path

import pytest

from iraq_presence.annotate.evaluate import score
from iraq_presence.annotate.extract import Extractor, Gazetteer, resolve_date
from iraq_presence.annotate.roles import Role, org_forms, read_roles

GAZ = Gazetteer(
    aliases={
        "Maria Lopez": "maria-lopez",
        "Lopez": "maria-lopez",
        "John Okafor": "john-okafor",
        "Okafor": "john-okafor",
        "Harbor Party": "harbor-party",
        "City Council": "city-council",
    },
    types={
        "maria-lopez": "person",
        "john-okafor": "person",
        "harbor-party": "political_party",
        "city-council": "state_body",
    },
)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(GAZ)


def speakers(ex: Extractor, text: str) -> list[tuple[str, str | None]]:
    return [(p["quote"], p.get("speaker_id") or p.get("speaker_name")) for p in ex.run(text)["statements"]]


def test_name_said_after_quote(ex: Extractor) -> None:
    assert speakers(ex, "“The budget is balanced,” Lopez said on Monday.") == [
        ("The budget is balanced,", "maria-lopez")
    ]


def test_said_name_after_quote(ex: Extractor) -> None:
    assert speakers(ex, '"We will appeal," said John Okafor, the party leader.') == [("We will appeal,", "john-okafor")]


def test_name_with_apposition(ex: Extractor) -> None:
    text = '"Taxes will rise," Okafor, the spokesman for the Harbor Party, said.'
    assert speakers(ex, text) == [("Taxes will rise,", "john-okafor")]


def test_pronoun_resolves_to_nearest_person_outside_quotes(ex: Extractor) -> None:
    text = (
        "Maria Lopez spoke after the vote.\n"
        "“The council, as John Okafor said last year, must act now,” she told reporters."
    )
    assert speakers(ex, text)[0][1] == "maria-lopez"


def test_unknown_speaker_is_named_not_guessed(ex: Extractor) -> None:
    [(_, who)] = speakers(ex, "“Prices will fall,” Ahmed Karimi said.")
    assert who == "Ahmed Karimi"


def test_speaker_before_quote(ex: Extractor) -> None:
    text = "Lopez concluded, “The plan is ready and the money is there for it.”"
    assert speakers(ex, text) == [("The plan is ready and the money is there for it.", "maria-lopez")]


def test_continuation_paragraph(ex: Extractor) -> None:
    text = "“First part of the remarks,” Okafor said.\n“A second paragraph of the same remarks follows here.”"
    assert [w for _, w in speakers(ex, text)] == ["john-okafor", "john-okafor"]


def test_split_quote(ex: Extractor) -> None:
    text = '"This change," Lopez added, "is visible in every district of the city."'
    assert [w for _, w in speakers(ex, text)] == ["maria-lopez", "maria-lopez"]


def test_partial_quote_takes_sentence_subject(ex: Extractor) -> None:
    text = "In a meeting with Okafor, Lopez called the proposal “reckless” and left."
    clause, p = ex.run(text)["statements"]
    assert p["speaker_id"] == "maria-lopez" and p["statement_type"] == "partial"
    assert clause["speaker_id"] == "maria-lopez" and clause["statement_type"] == "indirect"


def test_title_resolves_to_person(ex: Extractor) -> None:
    text = "John Okafor visited the port.\n“Trade is growing fast this year,” the party leader said."
    assert speakers(ex, text)[0][1] == "john-okafor"


def test_mentions_and_candidates(ex: Extractor) -> None:
    out = ex.run("The City Council met Maria Lopes and Peter Brandt of the Harbor Party.")
    assert {m["actor_id"] for m in out["mentions"]} == {"city-council", "harbor-party"}
    cands = {c["name"]: c for c in out["candidates"]}
    assert cands["Maria Lopes"]["likely_alias_of"] == "maria-lopez"
    assert "Peter Brandt" in cands and "likely_alias_of" not in cands["Peter Brandt"]


@pytest.mark.parametrize(
    ("expr", "value", "precision"),
    [
        ("today", dt.date(2021, 3, 10), "day"),
        ("on Monday", dt.date(2021, 3, 8), "day"),
        ("last year", dt.date(2020, 1, 1), "year"),
        ("earlier this month", dt.date(2021, 3, 1), "month"),
        ("February 7", dt.date(2021, 2, 7), "day"),
        ("in November", dt.date(2020, 11, 1), "month"),
        ("March 3, 2019", dt.date(2019, 3, 3), "day"),
    ],
)
def test_dates_resolve_against_publication(expr: str, value: dt.date, precision: str) -> None:
    got, prec, conf = resolve_date(expr, dt.date(2021, 3, 10))  # a Wednesday
    assert (got, prec) == (value, precision) and 0 < conf <= 1


def test_evaluate_arithmetic_on_a_made_up_case() -> None:
    gold = [("a", 0, 10, "x"), ("a", 20, 30, "y"), ("a", 40, 50, "z"), ("b", 0, 5, "x")]
    pred = [("a", 2, 8, "x"), ("a", 22, 28, "x"), ("a", 60, 70, "q"), ("b", 1, 4, "x")]
    s = score(
        gold,
        pred,
        {("a", 0, 1, "x"), ("a", 5, 6, "y")},
        {("a", 0, 1, "x")},
        {("a", 1, 2): dt.date(2020, 1, 1), ("a", 3, 4): dt.date(2020, 2, 1)},
        {("a", 1, 2): dt.date(2020, 1, 1), ("a", 3, 4): dt.date(2020, 2, 2)},
    )
    assert (s.n_matched, s.span_precision, s.span_recall) == (3, 0.75, 0.75)
    assert s.span_f1 == 0.75
    assert s.speaker_accuracy == round(2 / 3, 4)
    assert s.mention_recall == 0.5 and s.date_accuracy == 0.5


# --- speakers as news writes them: one made-up text per pattern ---------------------------------------


def first(ex: Extractor, text: str, published: dt.date | None = None) -> dict:
    return ex.run(text, published)["statements"][0]


def who(p: dict) -> str | None:
    return p.get("speaker_id") or p.get("speaker_name")


def test_told_addressee_is_never_the_speaker(ex: Extractor) -> None:
    text = "Maria Lopez met the mayor.\nShe also told John Okafor that “the port must stay open all year.”"
    p = first(ex, text)
    assert who(p) == "maria-lopez" and text[p["addressee_start"] : p["addressee_end"]] == "John Okafor"


def test_described_as_partial_quote(ex: Extractor) -> None:
    out = ex.run("The chief justice described the new tax as “illegal” on Monday.")["statements"]
    kinds = [(who(p), p["statement_type"]) for p in out]
    assert kinds == [("The chief justice", "indirect"), ("The chief justice", "partial")]
    assert out[0]["quote"] == "the new tax as “illegal” on Monday"  # the clause and its fragment (coverage rule 7)


def test_title_resolves_through_a_role_written_before_a_name(ex: Extractor) -> None:
    text = "Prime Minister Tomas Varga arrived late.\nThe prime minister stated that “the deal is done.”"
    assert who(first(ex, text)) == "Tomas Varga"


def test_title_resolves_through_an_appositive(ex: Extractor) -> None:
    text = "Dana Reyes, the group's spokeswoman, met the press.\nThe spokeswoman said the talks had failed badly."
    p = first(ex, text)
    assert (who(p), p["statement_type"]) == ("Dana Reyes", "indirect")


ROLES = [
    Role(
        (("prime", "minister"),), "ann-berg", org_forms(["Veridia"]), dt.date(2010, 1, 1), dt.date(2015, 12, 31), True
    ),
    Role((("prime", "minister"),), "olaf-moe", org_forms(["Veridia"]), dt.date(2016, 1, 1), dt.date(2030, 1, 1), True),
    Role((("prime", "minister"),), "ivo-kral", org_forms(["Ostmark"]), dt.date(2016, 1, 1), dt.date(2030, 1, 1), True),
    Role(
        (("supreme", "leader"),), "rafi-dor", org_forms(["Ostmark"]), dt.date(2019, 1, 1), dt.date(2019, 12, 31), True
    ),
    Role((("official",),), "eli-sand", org_forms(["Blue Front"]), dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
]
ROLE_GAZ = Gazetteer(
    {"Ann Berg": "ann-berg", "Olaf Moe": "olaf-moe", "Ivo Kral": "ivo-kral", "Rafi Dor": "rafi-dor"},
    {"ann-berg": "person", "olaf-moe": "person", "ivo-kral": "person", "rafi-dor": "person"},
    roles=ROLES,
)


def test_dated_role_alias_picks_the_holder_in_office() -> None:
    text = "“We will not yield,” the Veridian prime minister said."
    assert first(Extractor(ROLE_GAZ), text, dt.date(2014, 5, 1))["speaker_id"] == "ann-berg"
    assert first(Extractor(ROLE_GAZ), text, dt.date(2020, 5, 1))["speaker_id"] == "olaf-moe"


@pytest.mark.parametrize(
    ("phrase", "on", "holder_id"),
    [
        ("Ostmark's prime minister", dt.date(2020, 1, 1), "ivo-kral"),
        ("the prime minister of Ostmark", dt.date(2020, 1, 1), "ivo-kral"),
        ("the Veridian PM", dt.date(2020, 1, 1), "olaf-moe"),
        ("the Supreme Leader", dt.date(2019, 6, 1), "rafi-dor"),  # one holder of that office on the date
        ("the prime minister", dt.date(2020, 1, 1), None),  # two countries' prime ministers: not guessed
        ("the Supreme Leader", dt.date(2021, 6, 1), None),  # outside the attested period
        ("the former Veridian prime minister", dt.date(2014, 1, 1), None),
        ("the Blue Front official", dt.date(2019, 6, 1), "eli-sand"),
        ("the official", dt.date(2019, 6, 1), None),  # a group's role needs the group named
        ("a senior Blue Front official", dt.date(2019, 6, 1), None),  # one of several, not the holder
        ("the Veridian prime minister", None, None),  # no publication date: no office holder
    ],
)
def test_role_phrase_resolves_to_the_office_holder_on_the_date(
    phrase: str, on: dt.date | None, holder_id: str | None
) -> None:
    assert ROLE_GAZ.role_holder(phrase, on) == holder_id


def test_a_role_the_article_binds_to_a_name_beats_the_curated_holder() -> None:
    text = "Prime Minister Lena Voss arrived on Monday.\n“We will not yield,” the Veridian prime minister said."
    assert first(Extractor(ROLE_GAZ), text, dt.date(2020, 5, 1)).get("speaker_name") == "Lena Voss"


def test_roles_read_from_affiliations_csv_with_bom_and_precision(tmp_path: Path) -> None:
    (tmp_path / "affiliations.csv").write_text(
        "\ufeffaffiliation_id,actor_id,organization_id,role,start_date,start_date_precision,end_date,end_date_precision\n"
        "a1,ann-berg,veridia,prime_minister,2016-03-01,month,2016-03-01,month\n"
        "a2,veridia,ostmark,member,2016-03-01,day,2016-03-01,day\n",
        encoding="utf-8",
    )
    gaz = Gazetteer(
        {"Ann Berg": "ann-berg", "Veridia": "veridia"},
        {"ann-berg": "person", "veridia": "state"},
    )
    gaz.roles = read_roles(tmp_path, gaz.aliases, gaz.types)
    assert len(gaz.roles) == 1  # a state's membership is no person's office
    assert gaz.role_holder("the Veridian prime minister", dt.date(2016, 3, 31)) == "ann-berg"
    assert gaz.role_holder("the Veridian prime minister", dt.date(2016, 4, 1)) is None


def test_he_added_after_a_named_speaker(ex: Extractor) -> None:
    text = (
        "“The bridge will open in May,” said Peter Brandt, an engineer.\n"
        "Maria Lopez was not at the site.\n"
        "“We are ahead of schedule,” he added."
    )
    assert [who(p) for p in ex.run(text)["statements"]] == ["Peter Brandt", "Peter Brandt"]


def test_pronoun_across_paragraphs_person_not_organization(ex: Extractor) -> None:
    text = "Peter Brandt left the Harbor Party in March.\n\nShe said nothing; he said “the party is finished.”"
    assert who(first(ex, text)) == "Peter Brandt"


def test_new_speaker_named_by_its_fullest_form(ex: Extractor) -> None:
    text = "Nadia al-Rashid leads the movement.\n“We are ready,” al-Rashid said.\n“We will win,” Rashid said."
    assert [who(p) for p in ex.run(text)["statements"]] == ["Nadia al-Rashid", "Nadia al-Rashid"]


def test_according_to(ex: Extractor) -> None:
    p = first(ex, "The dam will be finished next year, according to Peter Brandt.")
    assert (who(p), p["statement_type"], p["reporting_verb"]) == ("Peter Brandt", "indirect", "according to")


def test_said_in_a_statement(ex: Extractor) -> None:
    p = first(ex, "Okafor said in a statement that the vote was fair and final.")
    assert (who(p), p["quote"]) == ("john-okafor", "the vote was fair and final")


def test_embedded_post_with_handle(ex: Extractor) -> None:
    text = "“Proud of our city tonight.”\n— Peter Brandt (@pbrandt)\n"
    assert who(first(ex, text)) == "Peter Brandt"


def test_reported_speech_without_marks_names_source_cue_content(ex: Extractor) -> None:
    text = "City radio says the bridge will close for a week."
    p = first(ex, text)
    assert p["statement_type"] == "indirect" and p["quote"] == "the bridge will close for a week"
    assert text[p["source_start"] : p["source_end"]] == "City radio" and p["reporting_verb"] == "says"


def test_citing_a_source(ex: Extractor) -> None:
    text = "The ministry will resign, the daily reported, citing an official source."
    p = first(ex, text)
    assert p["statement_type"] == "indirect" and text[p["source_start"] : p["source_end"]] == "the daily"


def test_adjectives_are_not_candidate_names(ex: Extractor) -> None:
    out = ex.run("A Shia Muslim cleric and a Sunni Muslim elder met Peter Brandt of the Harbor Party.")
    assert [c["name"] for c in out["candidates"]] == ["Peter Brandt"]


def test_no_publication_date_no_guess() -> None:
    assert resolve_date("on Wednesday", None)[0] is None
    assert resolve_date("last week", None)[0] is None


def test_future_weekday_and_partial_week() -> None:
    wednesday = dt.date(2021, 3, 10)
    assert resolve_date("on Friday", wednesday, "The council will vote ")[0] == dt.date(2021, 3, 12)
    assert resolve_date("on Friday", wednesday, "The council voted ")[0] == dt.date(2021, 3, 5)
    assert resolve_date("last week", dt.date(2021, 4, 6))[:2] == (None, None)  # March 29 to April 4
    assert resolve_date("last week", dt.date(2021, 3, 10))[:2] == (dt.date(2021, 3, 1), "month")


def test_abbreviated_title_resolves_to_the_titled_name(ex: Extractor) -> None:
    text = "Freedonian Prime Minister Tomas Varga met the envoy.\nThe Freedonian PM stated that “the deal is done.”"
    assert who(first(ex, text)) == "Tomas Varga"


def test_capitalised_title_is_not_a_name(ex: Extractor) -> None:
    text = "Supreme Leader Omar Haddad met the envoy.\nThe Supreme Leader described the sanctions as “illegal.”"
    out = ex.run(text)
    assert who(out["statements"][0]) == "Omar Haddad"
    assert [c["name"] for c in out["candidates"]] == ["Omar Haddad"]


def test_document_read_after_quote(ex: Extractor) -> None:
    p = first(ex, "“The port stays open,” the ruling read.")
    assert (who(p), p["reporting_verb"]) == ("the ruling", "read")


def test_partial_quote_without_cue_takes_its_subject(ex: Extractor) -> None:
    text = "Peter Brandt visited the port.\nHe compared the harbor to the “heart of the city” and left."
    p = first(ex, text)
    assert who(p) == "Peter Brandt" and p["confidence"] < 0.5


def test_single_word_place_is_not_a_pronoun_antecedent(ex: Extractor) -> None:
    text = (
        "Nadia Rahimi spoke in Brussels.\n"
        "Rahimi did not name the envoy, but stressed her point in Geneva. “This is our line,” she said."
    )
    assert who(first(ex, text)) == "Nadia Rahimi"


def test_sentences_split_at_stops_not_abbreviations() -> None:
    from iraq_presence.annotate.extract import split_sentences

    text = "Sen. J. Smith met U.S. envoys on Jan. 3. They left.\nA new paragraph."
    assert [text[s:e].strip() for s, e in split_sentences(text)] == [
        "Sen. J. Smith met U.S. envoys on Jan. 3.",
        "They left.",
        "A new paragraph.",
    ]


def test_name_in_apposition_to_a_role(ex: Extractor) -> None:
    text = "A senior official of the Harbor Party, Jane Roe, told reporters that “nothing is decided.”"
    assert who(first(ex, text)) == "Jane Roe"


def test_colon_introduces_the_quotation(ex: Extractor) -> None:
    text = "Peter Brandt had one message for the crowd:\n“Stay home on Friday.”"
    assert who(first(ex, text)) == "Peter Brandt"


def test_an_act_participle_is_a_report_of_its_own(ex: Extractor) -> None:
    text = "Maria Lopez stressed the value of the new harbour plan, accusing the board of delaying the works."
    got = speakers(ex, text)
    assert ("the value of the new harbour plan", "maria-lopez") in got
    assert ("the board of delaying the works", "maria-lopez") in got


def test_a_named_actors_pressure_to_act_is_its_demand(ex: Extractor) -> None:
    text = "The talks were to cover Harbor Party pressure on the council to close the old docks, the paper added."
    got = [(q, s, v) for q, s, v in verbs(ex, text) if v == "pressure"]
    assert got == [("to close the old docks", "harbor-party", "pressure")]
    assert not [v for _, _, v in verbs(ex, "International pressure to close the docks grew.") if v == "pressure"]


def verbs(ex: Extractor, text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (p["quote"], p.get("speaker_id") or p.get("speaker_name"), p.get("reporting_verb"))
        for p in ex.run(text)["statements"]
    ]


def test_an_act_that_goes_on_inside_a_quotation(ex: Extractor) -> None:
    text = (
        "“The parties agreed on a timetable. But the Harbor Party continues to push for a quick and full exit,” "
        "Lopez said."
    )
    assert ("a quick and full exit", "harbor-party", "push for") in verbs(ex, text)


def test_twice_told_not_to_is_two_requests(ex: Extractor) -> None:
    text = "Last spring, Maria Lopez twice told the visiting envoy not to let the ferry stay in the bay."
    got = verbs(ex, text)
    assert got == [("not to let the ferry stay in the bay", "maria-lopez", "told")] * 2


def test_a_clause_opening_with_a_quoted_fragment_is_drafted_with_it(ex: Extractor) -> None:
    text = "Still, Maria Lopez advised “our neighbours” to read the board’s plan as “a trap.”"
    got = verbs(ex, text)
    assert ("“our neighbours” to read the board’s plan as “a trap.”", "maria-lopez", "advised") in got
    assert ("our neighbours", "maria-lopez", "advised") in got


def test_a_headline_pressing_an_actor_on_an_aim(ex: Extractor) -> None:
    text = "Harbor Party pushes council on closing the old docks\n\nThe party met on Monday."
    assert verbs(ex, text)[0] == ("closing the old docks", "harbor-party", "pushes")


def test_a_campaign_with_its_aim_is_a_statement_of_each_joined_speaker(ex: Extractor) -> None:
    text = (
        "With the vote lost, the Harbor Party and its allies in the region have launched a quiet campaign "
        "to pressure the council to close the old docks."
    )
    got = verbs(ex, text)
    aim = "to pressure the council to close the old docks"
    assert [(q, v) for q, _, v in got] == [(aim, "launched a quiet campaign")] * 2
    assert {s for _, s, _ in got} == {"harbor-party", "its allies in the region"}
    assert not [v for _, _, v in verbs(ex, "The Harbor Party started a campaign to win votes.") if "campaign" in v]


def test_a_name_joined_in_the_middle_of_a_clause_is_no_speaker(ex: Extractor) -> None:
    assert verbs(ex, "Lopez visited the Harbor Party and officials said the port was closed.") == [
        ("the port was closed", "officials", "said")
    ]


def test_an_act_named_with_its_aim_by_a_group_in_apposition(ex: Extractor) -> None:
    text = "The Harbor Party, a small, secretive and old group, repeated threats to attack the ferry."
    assert verbs(ex, text) == [("to attack the ferry", "harbor-party", "repeated threats")]
    assert verbs(ex, "Lopez renewed calls for the closure of the port.") == [
        ("the closure of the port", "maria-lopez", "renewed calls for")
    ]
    assert verbs(ex, "Lopez issued a warning to the council.") == []


def test_a_concessive_cue_takes_no_quotation_after_its_clause(ex: Extractor) -> None:
    text = (
        "While the Harbor Party claims it has closed its office in the bay, some staff still work "
        "in what Maria Lopez calls a “temporary” office."
    )
    assert verbs(ex, text) == [
        ("it has closed its office in the bay", "harbor-party", "claims"),
        ("temporary", "maria-lopez", "calls"),
    ]


def test_the_one_an_addressing_cue_urges_to_act_is_its_hearer_not_its_source(ex: Extractor) -> None:
    text = "Harbor Party says port tax 'absurd', urges govt. to act\n\nThe party spoke on Monday."
    assert {who for _, who in speakers(ex, text)} == {"harbor-party"}
    assert speakers(ex, "The port must stay open, urged Maria Lopez on Monday.") == [
        ("The port must stay open", "maria-lopez")
    ]


def test_a_participle_after_an_inverted_cue_keeps_its_own_words(ex: Extractor) -> None:
    text = "The troops must leave the country, Lopez said, adding neighbours could keep the peace."
    assert [(q, w) for q, w in speakers(ex, text)] == [
        ("The troops must leave the country", "maria-lopez"),
        ("neighbours could keep the peace", "maria-lopez"),
    ]


def test_a_relative_clause_with_a_bracketed_acronym_and_an_inner_apostrophe_is_read_past() -> None:
    gaz = Gazetteer(
        aliases={"US": "us", "Harbor Party": "harbor-party"}, types={"us": "state", "harbor-party": "political_party"}
    )
    text = (
        "The spokesman for the Harbor Party, which is part of the Dock Units (DU) or Hashd al-Sa’ad, has denounced"
        " the recent US raids on the port, stressing that the city must show its resolve."
    )
    assert [p.get("speaker_id") for p in Extractor(gaz).run(text)["statements"]] == ["harbor-party", "harbor-party"]
