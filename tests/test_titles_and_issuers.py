"""Speakers on new text: a person after a long title, the issuer of "the statement" (made-up text)."""

import pytest

from iraq_presence.annotate.extract import Extractor, Gazetteer
from iraq_presence.annotate.titled import person_after_title

GAZ = Gazetteer(
    aliases={"Dovra League": "dovra-league", "Vale Party": "vale-party"},
    types={"dovra-league": "armed_group", "vale-party": "political_party"},
)


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Deputy Secretary-General of the Tarn Hills Movement Osric Pell", "Osric Pell"),
        ("head of the Tarn Hills Movement's media office Lio Varga", "Lio Varga"),
        ("Minister of Foreign Affairs Bram Oduya", "Bram Oduya"),
        ("Prime Minister Bram Oduya", None),  # a title only: the name index binds it
        ("Secretary-General of the Tarn Hills Movement", None),
        ("Chairman of the Board of Directors", None),
        ("Tarnish Secretary of State Bram Oduya", "Bram Oduya"),  # a state's word before the title
        ("U.S. Special Envoy for the Tarn Hills Lio Varga", "Lio Varga"),  # a region's name, then the person
        ("U.S. Secretary of State", None),
        ("Minister of Foreign Affairs Bram McOduya", "Bram McOduya"),  # a capital inside a surname
    ],
)
def test_person_after_title(name: str, person: str | None) -> None:
    assert person_after_title(name) == person


def speakers(text: str) -> list[str | None]:
    return [p.get("speaker_id") or p.get("speaker_name") for p in Extractor(GAZ).run(text)["statements"]]


def test_long_title_of_a_known_group_gives_the_person() -> None:
    text = "The Deputy Secretary-General of the Dovra League Osric Pell said the garrison must go home."
    assert speakers(text) == ["Osric Pell"]


def test_surname_later_is_the_same_person() -> None:
    text = (
        "The deputy head of the Vale Party's political council Lio Varga said the vote was fair.\n"
        "Varga said the count would be published on Friday."
    )
    assert speakers(text) == ["Lio Varga", "Lio Varga"]


def test_the_statement_said_is_its_issuer_not_the_nearest_name() -> None:
    text = (
        "The Dovra League issued a statement on Sunday.\n"
        "Lio Varga of the Vale Party met the mayor in the capital.\n"
        "The statement said the garrison had no right to stay."
    )
    assert speakers(text)[-1] == "dovra-league"


def test_the_statement_after_said_in_a_statement_goes_on_past_another_remark() -> None:
    text = (
        "The Tarn Hills Movement said in a statement that the raid was a crime. It added that the council must act.\n"
        "Osric Pell, a farmer, said the road was closed.\n"
        "The statement said the fighters would answer any attack."
    )
    assert speakers(text)[-1] == "Tarn Hills Movement"


def test_an_organisation_run_into_a_persons_name() -> None:
    text = (
        "The Deputy Secretary-General of the Tarn Hills Movement Osric Pell spoke on Monday. "
        "The Tarn Hills Movement issued a statement later.\n"
        "The statement said the garrison must go."
    )
    assert speakers(text) == ["Tarn Hills Movement"]


STATES = Gazetteer(
    aliases={"Norland": "norland", "Norlandic": "norland", "Karsk": "norland", "Vale Party": "vale-party"},
    types={"norland": "state", "vale-party": "political_party"},
)


@pytest.mark.parametrize(
    "source",
    [
        "Officials in Karsk",  # the capital: the state's metonym
        "Karsk officials",
        "Government sources in Karsk",
        "Two Norlandic security officials",
        "Officials in Karsk and Norland",  # one collective, not the last state named
    ],
)
def test_unnamed_officials_and_sources_are_not_the_state_they_belong_to(source: str) -> None:
    """An unnamed source is a placeholder of its own (docs/curation.md), not the state."""
    got = [
        p.get("speaker_id") or p.get("speaker_name")
        for p in Extractor(STATES).run(f"{source} said the vote was fair.")["statements"]
    ]
    assert got == [source]


def test_a_person_named_among_officials_still_speaks() -> None:
    gaz = Gazetteer(aliases={**STATES.aliases, "Lio Varga": "lio-varga"}, types={**STATES.types, "lio-varga": "person"})
    got = [p.get("speaker_id") for p in Extractor(gaz).run("Lio Varga said the vote was fair.")["statements"]]
    assert got == ["lio-varga"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Stressing that the vote was fair, Osric Pell said the count would be published.",
            [("the vote was fair", "Osric Pell"), ("the count would be published", "Osric Pell")],
        ),
        (
            "Noting that the ferry had left, the Vale Party said nothing more.",
            [("the ferry had left", "vale-party")],
        ),
        ("The Vale Party is keen to keep the ferry running.", [("to keep the ferry running", "vale-party")]),
        ("She is keen on gardening.", []),
        (
            "The Vale Party is keen to keep the ferry, and it wants the bridge closed.",
            [("to keep the ferry", "vale-party"), ("the bridge closed", "vale-party")],
        ),
    ],
)
def test_an_opening_participle_and_a_position_in_the_writers_voice(text: str, expected: list[tuple[str, str]]) -> None:
    """Positions in the article's voice and participles of saying are statements (docs/curation.md)."""
    got = [(p["quote"], p.get("speaker_id") or p.get("speaker_name")) for p in Extractor(GAZ).run(text)["statements"]]
    assert got == expected


def test_the_statement_said_far_down_the_article_is_still_its_issuer() -> None:
    filler = "Lio Varga of the Vale Party toured the harbour and the new market hall on the same day.\n" * 25
    text = f"The Dovra League issued a statement on Sunday.\n{filler}The statement said the garrison must go."
    assert speakers(text)[-1] == "dovra-league"


def test_the_one_spoken_with_under_a_state_title_is_the_speaker_of_his_relative_clause() -> None:
    gaz = Gazetteer(aliases={"Dovra": "dovra"}, types={"dovra": "state"})
    text = "Later, the mayor spoke by phone with Dovra Secretary of State Bram Oduya, who urged them to close the port."
    (p,) = Extractor(gaz).run(text)["statements"]
    assert (p.get("speaker_id"), p["speaker_name"]) == (None, "Bram Oduya")
    assert text[p["source_start"] : p["source_end"]] == "Dovra Secretary of State Bram Oduya"


def test_a_country_between_the_title_and_the_name_is_not_the_name() -> None:
    from iraq_presence.annotate.titled import person_after_title

    assert person_after_title("Secretary-General of the Vale movement in Norway Tom Hale") == "Tom Hale"
