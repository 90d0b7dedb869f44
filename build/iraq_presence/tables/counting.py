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
    rows = list(statements)
    return containers(*([r[k] for r in rows] for k in STATEMENT_KEYS))


STATEMENT_KEYS = ("statement_id", "article_id", "speaker_id", "utterance_id", "char_start", "char_end")
"""The columns `containers` reads, in its order."""


def containers(
    ids: list[str], articles: list[str], speakers: list[str], utterances: list[str], starts: list[int], ends: list[int]
) -> dict[str, str]:
    """`repeated_by` over the statements' columns (the build holds them as Arrow columns)."""
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, key in enumerate(zip(articles, speakers, utterances)):
        groups[key].append(i)
    out: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        order = sorted(members, key=lambda i: (-(ends[i] - starts[i]), starts[i], ids[i]))
        for j, i in enumerate(order):
            container = next((o for o in order[:j] if starts[o] <= starts[i] and ends[i] <= ends[o]), None)
            if container is not None:
                out[ids[i]] = ids[container]
    return out
