"""A line printed twice (a standfirst repeated as the first bullet or the lead) is recorded once.

docs/curation.md, coverage rule 4: a summary printed twice is recorded once, at its first printing.
A statement whose line repeats an earlier line word for word, at the same place in it, is that
earlier statement again and is not proposed twice.
"""

from __future__ import annotations

from typing import Any

from .spans import Lines

BULLETS = "-–—•*· \t"
SHORTEST = 30  # characters: a shorter line repeated ("Read more") is furniture, not a summary
LONGEST = 600  # characters: a longer line is a paragraph, not a summary printed twice


def first_printings(text: str, statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The statements, less those on a line that repeats an earlier one's (same words, place and
    speaker); two statements on one span of one line ("twice told") both stay."""
    lines = Lines(text)
    first: dict[tuple[str, int, str, str, str | None], int] = {}
    out = []
    for s in statements:
        lo, hi = lines.start(s["start"]), lines.end(s["start"])
        if SHORTEST <= hi - lo <= LONGEST:
            line, at = _stripped(text[lo:hi], s["start"] - lo)
            key = (line, at, s["statement_type"], s["quote"], s.get("speaker_id") or s.get("speaker_name"))
            if first.setdefault(key, lo) != lo:
                continue
        out.append(s)
    return out


def _stripped(raw: str, at: int) -> tuple[str, int]:
    """A line without its bullet and final stop, and `at`'s place in it."""
    line = raw.lstrip(BULLETS)
    return line.rstrip(" \t.;"), at - (len(raw) - len(line))


__all__ = ["first_printings"]
