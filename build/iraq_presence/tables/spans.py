"""Locating curated quotes in raw texts: exact, unambiguous, or an error that says where it looked."""

from __future__ import annotations


class SpanNotFound(ValueError):
    """The quote is not in the text, or occurs more often than the curation disambiguates."""


def occurrences(text: str, quote: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of `quote` in `text`."""
    starts = []
    start = text.find(quote)
    while start != -1:
        starts.append(start)
        start = text.find(quote, start + 1)
    return starts


def locate(text: str, quote: str, occurrence: int | None = None, key: str = "occurrence") -> tuple[int, int]:
    """(start, end) of `quote` in `text`; `occurrence` (1-based) picks one of several, and `key` is
    the curation field that sets it (`said_date_occurrence` beside `said_date_quote`), named in the error."""
    if not quote:
        raise SpanNotFound("empty quote")
    starts = occurrences(text, quote)
    if not starts:
        raise SpanNotFound(_not_found(text, quote))
    if occurrence is None:
        if len(starts) > 1:
            where = ", ".join(str(s) for s in starts)
            raise SpanNotFound(
                f"quote occurs {len(starts)} times (at offsets {where}); add '{key}: N' (1-{len(starts)})"
            )
        occurrence = 1
    if not 1 <= occurrence <= len(starts):
        raise SpanNotFound(f"occurrence {occurrence} requested but the quote occurs {len(starts)} time(s)")
    start = starts[occurrence - 1]
    return start, start + len(quote)


def _not_found(text: str, quote: str) -> str:
    """Describe the closest passage in the text and the first place where it differs."""
    from rapidfuzz import fuzz

    alignment = fuzz.partial_ratio_alignment(quote, text, score_cutoff=50)
    if alignment is None:
        return f"quote {_clip(quote)} not found in the text, and no passage resembles it"
    passage = text[alignment.dest_start : alignment.dest_end]
    i = next((k for k, (a, b) in enumerate(zip(quote, passage)) if a != b), min(len(quote), len(passage)))
    got = passage[i : i + 1] or "end of passage"
    want = quote[i : i + 1] or "end of quote"
    return (
        f"quote {_clip(quote)} not found; closest passage at offsets {alignment.dest_start}-"
        f"{alignment.dest_end} is {_clip(passage)}; first difference at character {i}: "
        f"the quote has {want!r} where the text has {got!r}"
    )


def _clip(s: str, n: int = 80) -> str:
    return repr(s if len(s) <= n else s[: n - 1] + "…")
