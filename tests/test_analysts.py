"""An analyst's commentary is coded by the codebook's rule for it, not by parties' precedents (made-up text)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from iraq_presence.annotate.actors import Context
from iraq_presence.annotate.analysts import is_analyst
from iraq_presence.annotate.suggest import Corpus, Precedent, coded


def _ctx(text: str) -> Context:
    aliases = {"Ben Tal": "ben-tal", "Tal": "ben-tal", "Ann Roe": "ann-roe", "Harbor Institute": "harbor-institute"}
    types = {"ben-tal": "person", "ann-roe": "person", "harbor-institute": "research_organization"}
    return Context("009_x", text, dt.date(2030, 5, 10), aliases, types, Corpus())


@pytest.mark.parametrize(
    ("text", "speaker", "source", "expected"),
    [
        ("Ben Tal, a senior fellow at the Harbor Institute, said the plan would fail.", "ben-tal", "Ben Tal", True),
        ("Dovran security analyst Ben Tal said the plan would fail.", "ben-tal", "Ben Tal", True),
        ("Ben Tal, director of the Dovra Policy Center, spoke. Tal said more.", "ben-tal", "Tal", True),
        ("Ben Tal, head of the Vale Bureau for Strategic Studies, said so.", "ben-tal", "Ben Tal", True),
        ("Experts said the plan would fail.", "unnamed-experts-009", "Experts", True),
        ("The Harbor Institute said the plan would fail.", "harbor-institute", "The Harbor Institute", True),
        ("Ben Tal, the leader of the dock union, said the plan would fail.", "ben-tal", "Ben Tal", False),
        ("Ann Roe and her fellow commanders said the troops must leave.", "ann-roe", "Ann Roe", False),
    ],
)
def test_the_article_gives_the_speaker_an_analysts_title(text: str, speaker: str, source: str, expected: bool) -> None:
    assert is_analyst(_ctx(text), speaker, source) is expected


def _precedent(quote: str) -> Precedent:
    plover = {"category": "REQUEST", "mode": "yield", "context": ("military",)}
    return Precedent(
        "000-s01",
        "ann-roe",
        quote,
        plover["category"],
        plover["mode"],
        plover["context"],
        "demands_withdrawal",
        ["us_military_presence"],
        "u-1",
        None,
        "urged",
    )


def _codes(quote: str, commentary: bool) -> dict[str, Any]:
    corpus = Corpus([_precedent("the foreign troops must leave the country at once")])
    return {s.field: s.value for s in coded(quote, corpus, "said", (), commentary)}


def test_an_analysts_remark_on_the_presence_is_neutral_and_performs_no_act() -> None:
    """A party's words like these would vote REQUEST and demands_withdrawal; an analyst's describe."""
    quote = "the foreign troops must leave the country, the militias say, and Dovra agrees"
    assert _codes(quote, commentary=False)["plover"] is not None
    codes = _codes(quote, commentary=True)
    assert codes["plover"] is None
    assert codes["stance_us_presence"] == "neutral"
    assert "us_military_presence" in codes["topics"]


def test_an_analysts_remark_on_something_else_does_not_address_the_presence() -> None:
    codes = _codes("the port's trade will recover by the spring", commentary=True)
    assert (codes["plover"], codes["stance_us_presence"], codes["topics"]) == (
        None,
        "not_addressed",
        ["economy_and_trade"],
    )


def test_us_forces_named_by_the_states_word_are_the_presence() -> None:
    codes = _codes("American soldiers are unlikely to stay long", commentary=True)
    assert (codes["stance_us_presence"], codes["topics"]) == ("neutral", ["us_military_presence"])


@pytest.mark.parametrize(
    ("setting", "presence"),
    [
        ("“ ,” said the analyst, as the US-led coalition prepares to withdraw from Dovra.", True),
        ("Of the American troops in Dovra, the analyst said that ", True),
        ("“ ,” said the analyst of the harbour reform.", False),
        ("“ ,” said the analyst, as the harbour guild plans its withdrawal from the port.", False),
    ],
)
def test_words_referring_back_speak_of_the_presence_their_sentence_names(setting: str, presence: bool) -> None:
    """docs/curation.md, analysts' commentary and coverage rule 1: "the transition" is the US forces'
    withdrawal where the sentence the words sit in names it; otherwise it addresses no presence."""
    corpus = Corpus([_precedent("the foreign troops must leave the country at once")])
    codes = {s.field: s.value for s in coded("the transition will be slow", corpus, "said", (), True, setting)}
    assert (codes["stance_us_presence"] == "neutral") is presence
    assert ("us_military_presence" in codes["topics"]) is presence


def test_an_analysts_quoted_word_said_of_the_presence_speaks_of_it() -> None:
    """ "scholars find Washington’s exit scheme is “hasty”": the word is said of the scheme its sentence names;
    "that kind of drawdown" refers back to the presence its sentence names."""
    from iraq_presence.annotate.suggest import analyst_coded

    got = {
        s.field: s.value for s in analyst_coded("hasty", [], "scholars find Washington’s exit scheme is “ ” and vague")
    }
    assert (got["stance_us_presence"], got["topics"]) == ("neutral", ["us_military_presence"])
    got = {
        s.field: s.value
        for s in analyst_coded("slow to carry out that kind of drawdown", [], "raids on US bases leave it ‘ ’")
    }
    assert got["stance_us_presence"] == "neutral"
    got = {s.field: s.value for s in analyst_coded("hasty", [], "scholars find the harvest scheme is “ ”")}
    assert got["stance_us_presence"] == "not_addressed"
