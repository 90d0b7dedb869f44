"""Finding quotation spans in news text.

Handles straight and curly double quotes, mismatched pairs (“ … "), quotes split by their
attribution (each part is its own span), a quotation running on into the next paragraph (the
paragraph ends without a closing mark and the next one opens with a mark), ellipses inside
quotes, and stray marks (an opening mark
never closed before a new opening one, as left by a web page's embed code).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'
MARKS = OPENING + CLOSING + STRAIGHT
_BEFORE_OPEN = " \t\n\u00a0([{—–-/"
_MARK = re.compile(f"[{MARKS}]")


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: `start`/`end` delimit the text between the marks (marks excluded)."""

    start: int
    end: int
    pattern: str  # paired | mismatched | run_on | unclosed | stray_mark
    open_mark: str
    close_mark: str  # "" when the span is not closed by a mark


def _can_open(text: str, i: int) -> bool:
    mark = text[i]
    if mark == OPENING:
        return True
    if mark == CLOSING:
        return False
    return i == 0 or text[i - 1] in _BEFORE_OPEN


def _can_close(text: str, i: int) -> bool:
    mark = text[i]
    if mark == CLOSING:
        return True
    if mark == OPENING:
        return False
    return i > 0 and not text[i - 1].isspace()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quotation span in `text`, in order."""
    spans: list[QuoteSpan] = []
    paragraphs = _paragraphs(text)
    for p, (pstart, pend) in enumerate(paragraphs):
        open_at: int | None = None
        for mark in _MARK.finditer(text, pstart, pend):
            i = mark.start()
            if open_at is None:
                if _can_open(text, i):
                    open_at = i
                else:
                    spans.append(QuoteSpan(i, i + 1, "stray_mark", "", text[i]))
                continue
            closes = _can_close(text, i)
            if closes and (text[i] != STRAIGHT or not _opens_word(text, i) or text[open_at] == STRAIGHT):
                pattern = "paired" if _pair(text[open_at], text[i]) else "mismatched"
                spans.append(QuoteSpan(open_at + 1, i, pattern, text[open_at], text[i]))
                open_at = None
            elif _can_open(text, i):
                # a new opening mark while one is open: the earlier mark was stray (its span is the mark itself)
                spans.append(QuoteSpan(open_at, open_at + 1, "stray_mark", text[open_at], ""))
                open_at = i
            else:
                spans.append(QuoteSpan(i, i + 1, "stray_mark", "", text[i]))
        if open_at is not None:
            nxt = paragraphs[p + 1] if p + 1 < len(paragraphs) else None
            runs_on = nxt is not None and text[nxt[0]] in OPENING + STRAIGHT
            end = pend
            while end > open_at + 1 and text[end - 1] in " \t\u00a0":
                end -= 1
            spans.append(QuoteSpan(open_at + 1, end, "run_on" if runs_on else "unclosed", text[open_at], ""))
    return spans


def _opens_word(text: str, i: int) -> bool:
    """A straight mark glued to the next word (`"word`) reads as opening, not closing."""
    return i + 1 < len(text) and text[i + 1].isalnum() and text[i - 1].isspace()


def _pair(opening: str, closing: str) -> bool:
    return (opening, closing) in {(OPENING, CLOSING), (STRAIGHT, STRAIGHT)}
