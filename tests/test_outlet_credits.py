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


def test_told_the_outlet_the_dateline_credits_is_an_interview_with_it() -> None:
    text = (
        "Dam talks stall\n\nHILLTOWN, March 2 (Harbourwire) -- A river official told Harbourwire that the dam "
        "will stay closed.\n"
    )
    got = _drafted_with_metadata(text)
    assert [(s["channel"], s["medium"]) for s in got if s["quote"].startswith("the dam")] == [
        ("interview", "harbourwire")
    ]


def test_words_said_in_an_online_statement_are_a_written_statement() -> None:
    ch, _ = channel("The front said in an online statement that its men closed the port.", {})
    assert ch.value == "written_statement"
    spoken, _ = channel("The front said in a televised statement that its men closed the port.", {})
    assert spoken.value != "written_statement"


def _drafted_with_metadata(text: str) -> list[dict]:
    """The draft as `dataset add` writes it: the article's fields (its outlet drafted) before its statements."""
    from iraq_presence.annotate import draft

    meta = read_metadata(text, DAY, {}, {})
    ctx = Context("009_x", text, DAY, {}, {}, Corpus())
    doc, _ = draft.article_fields(ctx, meta, url=None, outlet=None, published_date=DAY, title=None)
    ctx.headline = (meta.title.start, meta.title.end) if meta.title is not None else None
    return draft.statements(ctx, Extractor(Gazetteer({}, {})).run(text, DAY), doc)[0]


def test_words_posted_on_the_speakers_own_platform_account_take_the_account_as_medium() -> None:
    """The codebook: a post's medium is the account, not the platform ("on its Telegram channel")."""
    text = "Front claims attack\n\nThe Harbour Front said on its Telegram channel on Friday that it hit the dam.\n"
    aliases, types = {"Harbour Front": "harbour-front"}, {"harbour-front": "armed_group"}
    got = [(s["channel"], s["medium"]) for s in _drafted(text, DAY, aliases, types) if s["quote"].startswith("it hit")]
    assert got == [("social_media_post", "harbour-front-telegram")]
