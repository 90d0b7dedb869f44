"""A headline shares the utterance of the act its body reports (docs/curation.md; made-up text)."""

from iraq_presence.annotate.headline_utterance import share_headline_utterances


def _s(sid: str, speaker: str, quote: str, utterance: str) -> dict:
    return {
        "statement_id": sid,
        "speaker": speaker,
        "quote": quote,
        "utterance": utterance,
        "unreviewed": ["utterance: x"],
    }


def test_the_headline_joins_the_like_body_act_of_its_speaker() -> None:
    out = [
        _s("009-s01", "ann-roe", "Vale must close the port soon", "u-1"),
        _s("009-s02", "ann-roe", "the harvest was good", "u-2"),
        _s("009-s03", "ann-roe", "she said Vale must close the northern port before the winter", "u-3"),
        _s("009-s04", "ben-tal", "Vale must close the port soon", "u-4"),
    ]
    drafted = [{"head": True}, {}, {}, {}]
    utterances = {("ann-roe", f"u-{n}", "unknown"): {"utterance_id": f"u-{n}"} for n in range(1, 5)}
    share_headline_utterances(drafted, out, utterances, lambda p: bool(p.get("head")))
    assert [s["utterance"] for s in out] == ["u-3", "u-2", "u-3", "u-4"]
    assert {u["utterance_id"] for u in utterances.values()} == {"u-2", "u-3", "u-4"}
    assert "headline" in out[0]["unreviewed"][0]


def test_a_headline_whose_speaker_reports_no_like_act_stays_its_own() -> None:
    out = [
        _s("009-s01", "ann-roe", "Vale must close the port soon", "u-1"),
        _s("009-s02", "ann-roe", "rain fell", "u-2"),
    ]
    utterances = {("ann-roe", "u-1", "unknown"): {"utterance_id": "u-1"}}
    share_headline_utterances([{"head": True}, {}], out, utterances, lambda p: bool(p.get("head")))
    assert out[0]["utterance"] == "u-1" and utterances


def test_a_headline_already_in_the_like_acts_utterance_keeps_it() -> None:
    out = [
        _s("009-s01", "ann-roe", "Vale must close the port soon", "u-1"),
        _s("009-s02", "ann-roe", "Vale must close the northern port soon", "u-1"),
    ]
    utterances = {("ann-roe", "u-1", "unknown"): {"utterance_id": "u-1"}}
    share_headline_utterances([{"head": True}, {}], out, utterances, lambda p: bool(p.get("head")))
    assert [s["utterance"] for s in out] == ["u-1", "u-1"] and list(utterances) == [("ann-roe", "u-1", "unknown")]


def test_a_lone_statement_saying_again_an_earlier_point_joins_its_utterance() -> None:
    from iraq_presence.annotate.headline_utterance import join_restatements

    out = [
        {**_s("009-s01", "ann-roe", "the northern port must close before the winter", "u-1"), "channel": "unknown"},
        {**_s("009-s02", "ann-roe", "the harvest was good this year", "u-2"), "channel": "unknown"},
        {**_s("009-s03", "ann-roe", "the northern port must close before winter comes", "u-3"), "channel": "unknown"},
        {**_s("009-s04", "ben-tal", "the northern port must close before the winter", "u-4"), "channel": "unknown"},
        {**_s("009-s05", "ann-roe", "the northern port must close before the winter", "u-5"), "channel": "speech"},
    ]
    utterances = {("x", f"u-{n}", "unknown"): {"utterance_id": f"u-{n}"} for n in range(1, 6)}
    join_restatements(out, utterances, lambda a, b: a["channel"] == b["channel"])
    assert [s["utterance"] for s in out] == ["u-1", "u-2", "u-1", "u-4", "u-5"]
    assert "u-3" not in {u["utterance_id"] for u in utterances.values()}
    assert "says again" in out[2]["unreviewed"][0]
