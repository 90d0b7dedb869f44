"""A person introduced by a long title that names an organisation is the speaker (made-up text)."""

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
