"""The occasion a statement is placed at, and the date it carries (docs/curation.md, Placement and
Dates of speech): channel, date and meeting follow from placement, so words placed at a meeting
dated in another sentence take that meeting's date, not null."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

OCCASIONS = {"meeting", "press_conference", "speech", "interview"}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def attribution_words(text: str, lo: int, hi: int, spoken: list[tuple[int, int]]) -> str:
    """The sentence text[lo:hi] with every statement's own words blanked: a channel cue is the
    attribution's ("said during a meeting"), never the content's ("the government is in talks with")."""
    out = text[lo:hi]
    for a, b in spoken:
        if lo <= a < hi:
            x, y = a - lo, min(b, hi) - lo
            out = out[:x] + " " * (y - x) + out[y:]
    return out


def sentences_before(text: str, start: int, paragraphs: int) -> list[tuple[int, int]]:
    """(start, end) of the sentences from `paragraphs` paragraphs back up to `start`, nearest first."""
    lo = start
    for _ in range(paragraphs + 1):
        lo = max(0, text.rfind("\n", 0, max(0, lo - 1)))
        if text[lo - 1 : lo] == "\n":
            lo = max(0, text.rfind("\n", 0, lo - 1))
    spans, at = [], lo
    for m in SENTENCE_END.finditer(text, lo, start):
        if m.start() > at:
            spans.append((at, m.start()))
        at = m.end()
    if start > at:
        spans.append((at, start))
    return spans[::-1]


ABOUT_IT = re.compile(
    r"\W*(?:(?:(?:His|Her|Their|Its|The|These|Those|[A-Z][\w’'-]+[’']s?)"
    r"|(?P<pronoun>He|She|They)\s+(?:made|delivered|gave|voiced|expressed)\s+(?:the|these|his|her|their))"
    r"\s+(?:[a-z]+\s+)?(?:comments|remarks|statements?|words)\b"
    r"|(?P<came>This|That|It|These)\s+(?:came|was|were)\s+(?=(?:in|during|at|through)\s)"
    r"|(?P<named>[A-Z][\w’'-]+(?:\s+(?:al-|el-)?[A-Z][\w’'-]+)+)(?:,[^,\n]{1,80},)?\s+(?:made|delivered|gave)\s+"
    r"(?:the|these|those|his|her)\s+(?:[a-z]+\s+)?(?:comments|remarks|statements?)\b)"
)
"""A sentence about the words before it ("His comments, made during talks … on Wednesday", "He made the
remarks at a press conference", "This came in a press release", "X, the envoy, made the statement at …"): it
places them, and the named form names their speaker."""


def next_sentence(text: str, end: int, across: bool = False) -> tuple[int, int] | None:
    """(start, end) of the sentence after the one holding `end`, in the same paragraph (or, `across`, the
    first of the next); None at its end."""
    m = SENTENCE_END.search(text, end)
    if m is None or ("\n" in m.group(0) and not across):
        return None
    stop = SENTENCE_END.search(text, m.end())
    return m.end(), stop.start() if stop else len(text)


def dated_sentence(
    dates: list[dict[str, Any]], lo: int, hi: int, spoken: list[tuple[int, int]]
) -> dict[str, Any] | None:
    """The resolved date expression of a sentence outside any statement's words, the last one when several."""
    near = []
    for k in range(bisect.bisect_left(dates, lo, key=lambda d: d["start"]), len(dates)):
        d = dates[k]
        if d["start"] >= hi:
            break
        if d["date"] and not any(a <= d["start"] < b for a, b in spoken):
            near.append(d)
    return near[-1] if near else None


def occasion_date(date: dict[str, Any], why: str) -> dict[str, Any]:
    """A date expression of the occasion's sentence as a statement's said date: inferred, named in the note."""
    return {
        "said_date": dt.date.fromisoformat(date["date"]),
        "said_date_precision": date["precision"],
        "said_date_basis": "inferred",
        "said_date_note": f"{date['text']!r} dates the {why} the words are placed at (another sentence), "
        "resolved against the article's date.",
    }


def carry_dates(out: list[dict[str, Any]], placed_by: dict[int, int], utterances: dict[str, dict[str, Any]]) -> None:
    """A statement placed at the occasion of another of its speaker's statements (its channel carried
    from it) takes that statement's date when it has none of its own: forward, then backward."""
    keys = ("said_date", "said_date_precision", "said_date_basis")
    for order in (sorted(placed_by), sorted(placed_by, reverse=True)):
        for i in order:
            j = placed_by[i]
            if out[i]["said_date"] is not None or out[j]["said_date"] is None:
                continue
            out[i].update({k: out[j][k] for k in keys})
            out[i]["said_date_note"] = f"As {out[j]['statement_id']}: the same occasion (its channel carried from it)."
            out[i].pop("said_date_quote", None)
            out[i].pop("said_date_occurrence", None)
            u = utterances.get(out[i]["utterance"])
            if u is not None and u.get("said_date") is None:
                u.update({k: out[i][k] for k in (*keys, "said_date_note")})


def one_occasion_dates(out: list[dict[str, Any]], utterances: dict[str, dict[str, Any]]) -> None:
    """A statement placed at an occasion (meeting, interview, speech, press conference) with no date
    takes the one date the speaker's other statements at that kind of occasion agree on: the article
    reports one such occasion of theirs (docs/curation.md, Placement 4 and Dates of speech)."""
    dated: dict[tuple[str, str], dict[Any, dict[str, Any]]] = {}
    for s in out:
        if s["channel"] in OCCASIONS and s["said_date"] is not None:
            dated.setdefault((s["speaker"], s["channel"]), {}).setdefault(s["said_date"], s)
    for s in out:
        agree = dated.get((s["speaker"], s["channel"]), {})
        if s["said_date"] is not None or s["channel"] not in OCCASIONS or len(agree) != 1:
            continue
        [via] = agree.values()
        s.update({k: via[k] for k in ("said_date", "said_date_precision", "said_date_basis")})
        s["said_date_note"] = f"As {via['statement_id']}: the speaker's one {s['channel'].replace('_', ' ')} here."
        u = utterances.get(s["utterance"])
        if u is not None and u.get("said_date") is None:
            u.update({k: s[k] for k in ("said_date", "said_date_precision", "said_date_basis", "said_date_note")})


__all__ = [
    "ABOUT_IT",
    "OCCASIONS",
    "attribution_words",
    "carry_dates",
    "dated_sentence",
    "next_sentence",
    "occasion_date",
    "one_occasion_dates",
    "sentences_before",
]
