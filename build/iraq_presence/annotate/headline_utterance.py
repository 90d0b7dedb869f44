"""A headline shares the utterance of the act its body reports (docs/curation.md, Utterance 5).

The same speaker's body statement with the same point: the headline's words and the body's are alike
(token-set similarity over their content words). A headline whose speaker reports no like act in the
body stays its own utterance.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

SAME_POINT = 60.0
"""Token-set similarity (0-100) of content words at which a body statement makes the headline's point."""
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "with", "by", "from", "as", "is", "are",
    "was", "were", "be", "been", "will", "would", "should", "must", "has", "have", "had", "it", "its", "his", "her",
    "their", "he", "she", "they", "that", "this", "these", "those", "off", "says", "said", "say", "over",
})  # fmt: skip


def content_words(words: str) -> str:
    return " ".join(w for w in re.findall(r"[\w-]+", words.lower()) if w not in FUNCTION_WORDS)


def share_headline_utterances(
    drafted: list[dict[str, Any]],
    out: list[dict[str, Any]],
    utterances: dict[Any, dict[str, Any]],
    in_headline: Callable[[dict[str, Any]], bool],
    where: str = "a headline",
    same_occasion: Callable[[dict[str, Any], dict[str, Any]], bool] | None = None,
) -> None:
    """Move each headline statement (and the fragments of its remark) to the utterance of the most alike
    body statement of its speaker; drop the headline's own utterance when nothing else is in it."""
    from rapidfuzz import fuzz

    heads = [i for i, p in enumerate(drafted) if in_headline(p)]
    for i in heads:
        speaker, own = out[i]["speaker"], out[i]["utterance"]
        if speaker.startswith("TODO"):
            continue
        body = [
            j
            for j, p in enumerate(drafted)
            if j not in heads
            and out[j]["speaker"] == speaker
            and (same_occasion is None or same_occasion(out[i], out[j]))
        ]
        scored = [
            (fuzz.token_set_ratio(content_words(out[i]["quote"]), content_words(out[j]["quote"])), -j) for j in body
        ]
        if not scored or max(scored)[0] < SAME_POINT:
            continue
        score, j = max(scored)
        why = f"{where} shares the utterance of the act its body reports, like {out[-j]['statement_id']}"
        _move(out, utterances, own, out[-j]["utterance"], f"{score / 100:.2f}; {why}")


RESTATED = 70.0
"""Token-set similarity (0-100) of content words at which a later statement restates an earlier one's point."""


def join_restatements(
    out: list[dict[str, Any]],
    utterances: dict[Any, dict[str, Any]],
    same_occasion: Callable[[dict[str, Any], dict[str, Any]], bool],
) -> None:
    """A statement standing alone in its utterance that says again what its speaker said earlier on the same
    occasion (the words alike) joins that earlier utterance: one point, however many passages."""
    from rapidfuzz import fuzz

    for n, s in enumerate(out):
        own = s["utterance"]
        if s["speaker"].startswith("TODO") or sum(x["utterance"] == own for x in out) > 1:
            continue
        scored = [
            (fuzz.token_set_ratio(content_words(s["quote"]), content_words(out[j]["quote"])), j)
            for j in range(n)
            if out[j]["speaker"] == s["speaker"] and same_occasion(s, out[j])
        ]
        if not scored or max(scored)[0] < RESTATED:
            continue
        score, j = max(scored)
        _move(
            out,
            utterances,
            own,
            out[j]["utterance"],
            f"{score / 100:.2f}; says again what {out[j]['statement_id']} says",
        )


def _move(out: list[dict[str, Any]], utterances: dict[Any, dict[str, Any]], own: str, target: str, why: str) -> None:
    """Every statement of utterance `own` into `target`, the review line saying why; `own` is dropped."""
    if target == own:
        return  # already one utterance (a quotation running on from it)
    for s in out:
        if s["utterance"] == own:
            s["utterance"] = target
            s["unreviewed"] = [
                f"utterance: {target} ({why})" if line.startswith("utterance:") else line for line in s["unreviewed"]
            ]
    for key in [k for k, u in utterances.items() if u["utterance_id"] == own]:
        del utterances[key]


__all__ = ["RESTATED", "SAME_POINT", "content_words", "join_restatements", "share_headline_utterances"]
