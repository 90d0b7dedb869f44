"""Counting units: which statement rows repeat another's passage, so counts of speech are not inflated."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

Row = dict[str, Any]


def repeated_by(statements: Iterable[Row]) -> dict[str, str]:
    """statement_id -> the statement of the same article, speaker and utterance whose span contains it.

    The container is the longest such span (ties: the first in article order), so a fragment points at
    its whole clause, and of two identical spans the later points at the earlier. A statement of
    another speaker or another utterance on the same span (two speakers, "twice told") is a separate act.
    """
    groups: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    for r in statements:
        groups[(r["article_id"], r["speaker_id"], r["utterance_id"])].append(r)
    out: dict[str, str] = {}
    for rows in groups.values():
        order = sorted(rows, key=lambda r: (-(r["char_end"] - r["char_start"]), r["char_start"], r["statement_id"]))
        for i, r in enumerate(order):
            container = next(
                (o for o in order[:i] if o["char_start"] <= r["char_start"] and r["char_end"] <= o["char_end"]),
                None,
            )
            if container is not None:
                out[r["statement_id"]] = container["statement_id"]
    return out
