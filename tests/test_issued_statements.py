"""Statements a group issues, and who "they", "the statement" and "the group" are after one: made-up texts
(no corpus names or phrases)."""

from __future__ import annotations

import datetime as dt

import pytest

from iraq_presence.annotate.extract import Extractor, Gazetteer
from tests.test_draft import _drafted

GAZ = Gazetteer(
    aliases={"Norland": "norland", "Kataib Vale": "kataib-vale"},
    types={"norland": "state", "kataib-vale": "armed_group"},
)
DAY = dt.date(2031, 3, 8)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(GAZ)


def said(ex: Extractor, text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (p["quote"], p.get("speaker_id") or p.get("speaker_name"), p.get("reporting_verb"))
        for p in ex.run(text)["statements"]
    ]


def test_a_statement_released_with_its_content_is_the_issuers_words(ex: Extractor) -> None:
    text = "The Harbour Front released a statement on Tuesday that its men will close the port if the board refuses."
    assert said(ex, text)[0] == (
        "its men will close the port if the board refuses",
        "Harbour Front",
        "released a statement",
    )


def test_the_statement_is_its_issuer_not_a_cue_in_the_issued_words(ex: Extractor) -> None:
    """A cue inside the lead's words ("if the board refuses") does not make its pronoun the statement's issuer."""
    text = (
        "The Harbour Front released a statement on Tuesday that it will close the port if the Norland board refuses "
        "to pay.\n\n"
        "“The board has ignored the workers for years,” the statement said.\n"
    )
    assert ("The board has ignored the workers for years,", "Harbour Front", "said") in said(ex, text)


def test_a_name_in_marks_opening_the_sentence_is_its_subject(ex: Extractor) -> None:
    text = (
        "HILLTOWN / The clandestine “Harbour Front (River Men)” have issued a statement on Monday, "
        "threatening to close the port by the end of next year.\n"
    )
    got = said(ex, text)
    assert ("to close the port by the end of next year", "Harbour Front", "threatening") in got
    assert not any(q.startswith("Harbour Front") for q, _, _ in got)


def test_a_name_in_marks_inside_reported_words_stays_a_quotation(ex: Extractor) -> None:
    """Mid-sentence, after "said the", the marks may be the speaker's own words: the rule reads only a
    sentence's opening subject."""
    text = "Ann Roe said the “Harbour Front” did not reject the talks.\n"
    assert [q for q, _, _ in said(ex, text) if q.startswith("Harbour")] == ["Harbour Front"]


def test_they_after_a_collective_subject_is_that_collective(ex: Extractor) -> None:
    """The dateline's places (one with a time in it) are not the antecedent of "they"."""
    text = (
        "HILLTOWN, NORLAND (6:20 P.M.) – Several river factions issued a joint statement on Saturday in which "
        "they vowed to block the dam until the company leaves.\n\n"
        "The factions called on the council to cancel the contract.\n"
    )
    got = said(ex, text)
    assert got[0][:2] == ("to block the dam until the company leaves", "Several river factions")
    assert got[1][:2] == ("the council to cancel the contract", "Several river factions")


def test_the_armed_group_after_a_known_group_spelled_otherwise_is_that_group(ex: Extractor) -> None:
    text = (
        "Kataeb Vale said on Monday that the talks had failed.\n\n"
        "The underground armed group also said that the company must leave the valley.\n"
    )
    assert said(ex, text)[-1][:2] == ("the company must leave the valley", "kataib-vale")


def test_words_whose_source_is_the_statement_are_a_written_statement() -> None:
    text = (
        "The Harbour Front issued a statement on Monday.\n\n"
        "“The port will close,” the statement, a copy of which reached the agency, said, calling on the workers "
        "to stay home.\n"
    )
    drafted = _drafted(text, DAY)
    got = {s["quote"]: s["channel"] for s in drafted}
    assert got["The port will close,"] == "written_statement"
