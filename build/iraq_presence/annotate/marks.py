"""Quotations in single marks (‘…’ or '…'), as British-style outlets print them.

The package's quote finder (tables/quotes.py) reads double marks only; the extractor also proposes
top-level single-mark quotations (outside double marks). An apostrophe is told
from a closing mark by what follows it: a letter ("don’t", "the group’s") continues a word.
"""

from __future__ import annotations

import re

from ..tables.quotes import QuoteSpan
from .spans import SpanIndex

OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?=[\w\d])", re.M)
LONGEST = 400  # characters: a single-mark span longer than this is an apostrophe pair, not a quotation


def single_quotes(text: str, doubles: SpanIndex) -> list[QuoteSpan]:
    """Top-level single-mark quotations outside double-mark ones, in order."""
    out: list[QuoteSpan] = []
    pos = 0
    for m in OPEN.finditer(text):
        at = m.start()
        if at < pos or doubles.holding(at) is not None or doubles.holding(at + 1) is not None:
            continue
        close = _closing(text, at + 1, text[at])
        if close is None:
            continue
        out.append(QuoteSpan(at + 1, close, "single", text[at], text[close]))
        pos = close + 1
    return out


def _closing(text: str, start: int, opening: str) -> int | None:
    """The closing mark of a quotation opened before `start`, in its paragraph, or None."""
    marks = "’" if opening == "‘" else "'"
    end = min(len(text), start + LONGEST)
    k = start
    while k < end:
        c = text[k]
        if c == "\n" or c == "”":
            return None
        if c in '“"':  # a quotation inside the quotation ("‘They call it “a plan”, but …’"): past it
            inner = text.find("”" if c == "“" else '"', k + 1, end)
            if inner < 0 or "\n" in text[k:inner]:
                return None
            k = inner
        elif _closes(text, k, c, marks) and not _plural(text, k, opening, end):
            return k if k > start else None
        k += 1
    return None


def _closes(text: str, k: int, c: str, marks: str) -> bool:
    """A closing mark: after a word, before no letter ("don’t", "the group’s" continue a word)."""
    return c in marks and text[k - 1] not in " \t" and (k + 1 == len(text) or not text[k + 1].isalnum())


def _plural(text: str, k: int, opening: str, end: int) -> bool:
    """A mark after a plural noun and before a lower-case word reads as a possessive ("the farmers'
    union", "the growers’ hope"), not a closing mark; a curly one
    (also the closing mark: "called it ‘a matter for the courts’ and left") only where the quotation
    closes later in its paragraph, before any new opening mark."""
    if text[k - 1] != "s" or text[k + 1 : k + 2] != " " or not text[k + 2 : k + 3].islower():
        return False
    if opening == "'":
        return True
    later = re.search(r"[‘\n“”\"]|(?<=[^\s])’(?![\w])", text[k + 1 : end])
    return later is not None and later.group() == "’"


__all__ = ["single_quotes"]
