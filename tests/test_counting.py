"""Counting units: a fragment inside its clause repeats it; another speaker or act on the same span does not."""

from iraq_presence.tables.counting import repeated_by


def _row(sid: str, start: int, end: int, speaker: str = "a", utterance: str = "u1", article: str = "x") -> dict:
    return {
        "statement_id": sid,
        "article_id": article,
        "speaker_id": speaker,
        "utterance_id": utterance,
        "char_start": start,
        "char_end": end,
    }


def test_fragment_points_at_its_longest_container() -> None:
    rows = [_row("s1", 10, 20), _row("s2", 0, 50), _row("s3", 5, 30)]
    assert repeated_by(rows) == {"s1": "s2", "s3": "s2"}


def test_identical_span_later_repeats_earlier() -> None:
    assert repeated_by([_row("s1", 0, 9), _row("s2", 0, 9)]) == {"s2": "s1"}


def test_other_speaker_utterance_or_article_is_a_separate_act() -> None:
    rows = [
        _row("s1", 0, 50),
        _row("s2", 0, 50, speaker="b"),
        _row("s3", 10, 20, utterance="u2"),
        _row("s4", 10, 20, article="y"),
        _row("s5", 40, 60),
    ]
    assert repeated_by(rows) == {}
