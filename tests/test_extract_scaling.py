"""The extractor's work grows linearly with the text (issue 19): counted in function calls, not seconds.

A quadratic lookup (every name or cue scanned for each quotation) makes the calls for a text four
times longer grow sixteen-fold; linear work grows four-fold. Timings live in
benchmarks/extraction_scaling.py.
"""

from __future__ import annotations

import random
import sys

from iraq_presence.annotate.extract import Extractor, Gazetteer
from iraq_presence.annotate.spans import Lines, SpanIndex, pairs


def made_up(paragraphs: int, breaks: bool = True) -> str:
    """A made-up article: named and titled speakers, quotations, reported speech, pronouns."""
    parts = [
        f"Jane Roe{i}, the spokeswoman for the Orchard Council, said on Monday that plan {i} would go ahead. "
        f'"We will not wait any longer," she said. The council warned growers against selling early, '
        f'according to a statement. Mr. Doe{i} told reporters that "nothing had changed".'
        for i in range(paragraphs)
    ]
    return ("\n\n" if breaks else " ").join(parts)


def calls(text: str) -> int:
    ex = Extractor(Gazetteer({}, {}))
    ex.run(made_up(2))  # compile the patterns first
    count = 0

    def tick(frame: object, event: str, arg: object) -> None:
        nonlocal count
        count += event in {"call", "c_call"}

    sys.setprofile(tick)
    try:
        ex.run(text)
    finally:
        sys.setprofile(None)
    return count


def test_work_grows_linearly_with_paragraphs() -> None:
    assert calls(made_up(160)) < 4.6 * calls(made_up(40))


def test_work_grows_linearly_in_one_paragraph_without_breaks() -> None:
    # one endless paragraph: sentences are cut at spaces into bounded pieces
    assert calls(made_up(160, breaks=False)) < 4.6 * calls(made_up(40, breaks=False))


def test_span_lookups_agree_with_scans() -> None:
    rng = random.Random(7)
    spans, at = [], 0
    for _ in range(200):
        at += rng.randint(0, 5)
        length = rng.randint(1, 9)
        spans.append((at, at + length))
        at += length
    ix = pairs(spans)
    for _ in range(500):
        lo = rng.randint(0, at)
        hi = lo + rng.randint(0, 30)
        assert ix.starting_in(lo, hi) == [s for s in spans if lo <= s[0] < hi]
        assert ix.overlapping(lo, hi) == [s for s in spans if s[0] < hi and lo < s[1]]
        assert ix.holding(lo) == next((s for s in spans if s[0] <= lo < s[1]), None)
        assert ix.before(lo, 2) == [s for s in spans if s[0] < lo][-2:]
    assert SpanIndex([], lambda s: s, lambda s: s).holding(3) is None


def test_line_starts_and_ends_agree_with_find() -> None:
    text = "one\n\ntwo three\nfour"
    lines = Lines(text)
    for at in range(len(text) + 1):
        assert lines.start(at) == text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        assert lines.end(at) == (len(text) if end < 0 else end)
