"""A line printed twice (a standfirst repeated as the first bullet or the lead) is recorded once.

docs/curation.md, coverage rule 4: a summary printed twice is recorded once, at its first printing.
A statement whose line repeats an earlier line word for word, at the same place in it, is that
earlier statement again and is not proposed twice.
"""

from __future__ import annotations

from typing import Any

BULLETS = "-–—•*· \t"
SHORTEST = 30  # characters: a shorter line repeated ("Read more") is furniture, not a summary


def first_printings(text: str, statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The statements, less those on a line that repeats an earlier one's (same words, place and
    speaker); two statements on one span of one line ("twice told") both stay."""
    first: dict[tuple[str, int, str, str, str | None], int] = {}
    out = []
    for s in statements:
        line, at, lo = _line(text, s["start"])
        key = (line, at, s["statement_type"], s["quote"], s.get("speaker_id") or s.get("speaker_name"))
        if len(line) >= SHORTEST and first.setdefault(key, lo) != lo:
            continue
        out.append(s)
    return out


def _line(text: str, at: int) -> tuple[str, int, int]:
    """The line holding `at`, its bullet and spaces stripped, `at`'s place in it and the line's start."""
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    raw = text[lo : hi if hi >= 0 else len(text)]
    line = raw.lstrip(BULLETS)
    return line.rstrip(" \t.;"), at - lo - (len(raw) - len(line)), lo


__all__ = ["first_printings"]
