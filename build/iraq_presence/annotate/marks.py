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
    for k in range(start, end):
        c = text[k]
        if c == "\n" or c in '“”"':
            return None
        if c in marks and text[k - 1] not in " \t" and (k + 1 == len(text) or not text[k + 1].isalnum()):
            if text[k - 1] == "s" and k + 1 < len(text) and text[k + 1] == " " and _plural(text, k, opening, end):
                continue  # "the farmers' union", "the growers’ hope": a plural possessive, not a closing mark
            return k if k > start else None
    return None


def _plural(text: str, k: int, opening: str, end: int) -> bool:
    """A mark after a plural noun and before a lower-case word reads as a possessive; a curly one
    (also the closing mark: "called it ‘a matter for the courts’ and left") only where the quotation
    closes later in its paragraph, before any new opening mark."""
    if not text[k + 2 : k + 3].islower():
        return False
    if opening == "'":
        return True
    later = re.search(r"[‘\n“”\"]|(?<=[^\s])’(?![\w])", text[k + 1 : end])
    return later is not None and later.group() == "’"


__all__ = ["single_quotes"]
