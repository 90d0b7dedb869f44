"""The held-out scorer counts a made-up draft against a made-up hand curation strictly."""

import importlib.util
import sys
from collections import Counter
from pathlib import Path

_spec = importlib.util.spec_from_file_location("drafts", Path(__file__).parents[1] / "benchmarks" / "drafts.py")
drafts = importlib.util.module_from_spec(_spec)
sys.modules["drafts"] = drafts
_spec.loader.exec_module(drafts)

TEXT = "Rain falls\n\nThe reports said the port was shut. Ann Roe said “the port is open”. She denied a strike.\n"
ROW = ["indirect", "said", "unknown", None, None, "A", None, "not_addressed", []]


def _statement(sid: str, quote: str, speaker: str, utterance: str, kind: str = "indirect") -> dict:
    return {
        "statement_id": sid,
        "quote": quote,
        "speaker": speaker,
        "statement_type": kind,
        "reporting_verb": "said",
        "channel": "unknown",
        "medium": None,
        "said_date": None,
        "utterance": utterance,
        "plover": None,
        "stance_us_presence": "not_addressed",
        "topics": [],
    }


def _tally() -> dict:
    return drafts.new_tally()


def test_a_placeholder_is_matched_by_what_it_stands_for_and_a_miss_is_counted():
    hand = {
        "article": {"title": "Rain falls", "outlet": None, "authors": [], "date_basis": None},
        "new_actors": {"ann-roe": "person", "unnamed-media-reports": "unnamed_source"},
        "statements": [
            ["the port was shut", "unnamed-media-reports", *ROW],
            ["the port is open", "ann-roe", "direct", *ROW[1:5], "B", *ROW[6:]],
            ["a strike", "ann-roe", *ROW[:5], "B", *ROW[6:]],
        ],
    }
    doc = {
        "title": {"quote": "Rain falls"},
        "outlet": None,
        "published_date_basis": None,
        "new_actors": [
            {"actor_id": "unnamed-reports-009", "actor_type": "unnamed_source"},
            {"actor_id": "ann-roe", "actor_type": "person"},
        ],
        "statements": [
            _statement("009-s01", "the port was shut", "unnamed-reports-009", "u1"),
            _statement("009-s02", "the port is open", "ann-roe", "u2", "direct"),
        ],
    }
    tally = _tally()
    drafts.score_article("x", TEXT, hand, doc, tally)
    assert tally["spans"] == Counter({True: 2, False: 1})
    assert tally["placeholders"] == Counter({True: 1})
    assert tally["fields"]["speaker"] == Counter({True: 2})
    assert tally["article"] == Counter({True: 4})
    assert tally["actors"] == [2, 2, 2, 2]


def test_two_curated_placeholders_are_not_both_one_drafted_placeholder():
    matched = [
        ({"speaker": "unnamed-a"}, {"speaker": "unnamed-x-009"}),
        ({"speaker": "unnamed-a"}, {"speaker": "unnamed-x-009"}),
        ({"speaker": "unnamed-b"}, {"speaker": "unnamed-x-009"}),
    ]
    assert drafts.pair_placeholders(matched, {}) == {"unnamed-a": "unnamed-x-009"}


def test_the_hand_files_new_actors_are_read_as_a_mapping_or_as_a_list():
    as_map = {"ann-roe": "person", "acme-news": "media_outlet"}
    as_list = [
        {"id": "ann-roe", "name": "Ann Roe", "type": "person"},
        {"actor_id": "acme-news", "actor_type": "media_outlet"},
    ]
    assert drafts.curated_actors(as_map) == drafts.curated_actors(as_list) == as_map
    assert drafts.curated_actors(None) == {}


def test_two_curated_statements_on_one_span_need_two_drafted_ones():
    """Two speakers of one clause: one drafted statement stands for one of them, the other is missed."""
    text = "Ann Roe and Bo Li said the port was shut.\n"
    hand = {
        "article": {"title": None, "outlet": None, "authors": [], "date_basis": None},
        "statements": [
            ["the port was shut", "ann-roe", *ROW],
            ["the port was shut", "bo-li", *ROW[:5], "B", *ROW[6:]],
        ],
    }
    doc = {"statements": [_statement("009-s01", "the port was shut", "bo-li", "u1")]}
    tally = _tally()
    drafts.score_article("x", text, hand, doc, tally)
    assert tally["spans"] == Counter({True: 1, False: 1})
    assert tally["fields"]["speaker"] == Counter({True: 1})


def test_a_fragment_pairs_with_the_drafted_fragment_not_its_clause():
    text = "Ann Roe said the port, “a ruin”, was shut.\n"
    hand = {
        "article": {"title": None, "outlet": None, "authors": [], "date_basis": None},
        "statements": [
            ["the port, “a ruin”, was shut", "ann-roe", *ROW],
            ["a ruin", "ann-roe", "partial", *ROW[1:]],
        ],
    }
    doc = {
        "statements": [
            _statement("009-s01", "the port, “a ruin”, was shut", "ann-roe", "u1"),
            _statement("009-s02", "a ruin", "ann-roe", "u1", "partial"),
        ]
    }
    tally = _tally()
    drafts.score_article("x", text, hand, doc, tally)
    assert tally["spans"] == Counter({True: 2})
    assert tally["fields"]["statement_type"] == Counter({True: 2})


def test_a_drafted_statement_on_no_curated_span_is_counted_apart():
    hand = {
        "article": {"title": "Rain falls", "outlet": None, "authors": [], "date_basis": None},
        "statements": [["the port is open", "ann-roe", "direct", *ROW[1:]]],
    }
    doc = {
        "title": {"quote": "Rain falls"},
        "statements": [
            _statement("009-s01", "the port was shut", "unnamed-reports-009", "u1"),
            _statement("009-s02", "the port is open", "ann-roe", "u2", "direct"),
        ],
    }
    tally = _tally()
    drafts.score_article("x", TEXT, hand, doc, tally)
    assert tally["stray"] == [1, 2]
    assert tally["spans"] == Counter({True: 1})


def test_a_new_actor_spelled_otherwise_is_paired_by_name_but_another_name_is_not():
    assert drafts.pair_new_actors({"ann-al-roe": "person", "ben-tal": "person"}, {"ann-roe": "person"}) == {
        "ann-al-roe": "ann-roe"
    }
    assert drafts.pair_new_actors({"iraj-masjidi": "person"}, {"iraj-masjedi": "person"}) == {
        "iraj-masjidi": "iraj-masjedi"
    }
    assert drafts.pair_new_actors({"ann-roe": "person"}, {"ann-rowe-tal": "person", "ann-roe-x": "group"}) == {}
    hand = {
        "article": {"title": "Rain falls", "outlet": None, "authors": [], "date_basis": None},
        "new_actors": {"ann-al-roe": "person"},
        "statements": [["the port is open", "ann-al-roe", "direct", *ROW[1:]]],
    }
    doc = {
        "title": {"quote": "Rain falls"},
        "outlet": None,
        "published_date_basis": None,
        "new_actors": [{"actor_id": "ann-roe", "actor_type": "person"}],
        "statements": [_statement("009-s01", "the port is open", "ann-roe", "u1", "direct")],
    }
    tally = _tally()
    drafts.score_article("x", TEXT, hand, doc, tally)
    assert (tally["fields"]["speaker"], tally["spelled"], tally["actors"][0]) == (Counter({True: 1}), 1, 1)
