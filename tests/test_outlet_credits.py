"""An outlet credited by the article (a headline's prefix, "X daily reported"), and words that only look like
cues: made-up texts (no corpus names or phrases)."""

from __future__ import annotations

import datetime as dt

from iraq_presence.annotate.actors import Context, candidate_kind
from iraq_presence.annotate.byline import read_metadata
from iraq_presence.annotate.extract import Extractor, Gazetteer
from iraq_presence.annotate.suggest import Corpus, channel
from tests.test_draft import _drafted

DAY = dt.date(2031, 3, 8)


def test_an_outlet_before_a_headlines_colon_credits_it_and_the_subject_speaks() -> None:
    text = "Harbourwire: Norland urges the company to leave the valley\n\nThe council met, Harbourwire reported.\n"
    aliases, types = {"Norland": "norland"}, {"norland": "state"}
    got = [(s["speaker"], s["reporting_verb"]) for s in _drafted(text, DAY, aliases, types)]
    assert got[0] == ("norland", "urges")


def test_a_speakers_name_before_a_headlines_colon_still_speaks() -> None:
    """Only an outlet the article credits ("X reported") is read as a credit, not any name before a colon."""
    text = "Roe: the company must leave the valley\n\nAnn Roe spoke on Monday.\n"
    assert _drafted(text, DAY)[0]["speaker"] == "ann-roe"


def test_a_lone_name_that_reported_is_an_outlet_even_in_a_headlines_credit() -> None:
    text = "Harbourwire: Norland urges the company to leave\n\nThe council met, Harbourwire reported.\n"
    ctx = Context("009_x", text, DAY, {}, {}, Corpus())
    assert candidate_kind(ctx, "Harbourwire", "person") == "media_outlet"


def test_the_outlet_before_reported_is_the_medium() -> None:
    ch, medium = channel("Ann Roe said on Saturday that the dam must close, Harbour Tribune daily reported.", {})
    assert (ch.value, medium.value) == ("media_report", "TODO-new-actor (Harbour Tribune)")


def test_a_plural_noun_before_is_is_no_cue() -> None:
    """ "forces in regional states is …": "states" before the clause's own verb is a noun, not "X states"."""
    ex = Extractor(Gazetteer({}, {}))
    text = "Ann Roe said the presence of foreign forces in regional states is to the detriment of the valley.\n"
    assert [p["quote"] for p in ex.run(text)["statements"]] == [
        "the presence of foreign forces in regional states is to the detriment of the valley"
    ]


def test_a_headline_ending_in_a_colon_is_the_title_without_it() -> None:
    meta = read_metadata("Group vows to close the port by next year:\n\nHILLTOWN / The group said so.\n", None, {}, {})
    assert meta.title is not None and meta.title.text == "Group vows to close the port by next year"
