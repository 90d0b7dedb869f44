"""Dates in news text resolved against the publication date: never guessed when none is given.

News reports the past: "on Wednesday" is the last Wednesday on or before the publication day, and
a month or day without a year takes the year that puts it on or before publication, unless the
words just before announce the future ("will meet on Wednesday", "next month"). Precision is
honest: "last week" is a month only when that whole week lies in one month, otherwise unknown.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DATE_RE = re.compile(
    rf"\b(?:(?:[Oo]n|[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    rf"\b(?:{MONTHS})\s+\d{{1,2}}(?:,\s+\d{{4}})?\b|\b\d{{1,2}}\s+(?:{MONTHS})(?:\s+\d{{4}})?\b|"
    rf"\b(?:(?:[Ii]n|[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?:{MONTHS})(?:\s+\d{{4}})?\b|"
    r"\b(?:[Ll]ast|[Nn]ext|[Tt]his) (?:year|month|week)\b|\b[Ee]arlier this (?:month|year|week)\b|"
    r"\b[Tt]oday\b|\b[Yy]esterday\b|\b[Tt]omorrow\b"
)
FUTURE = re.compile(
    r"\b(?:will|would|shall|is to|are to|plans?|planned|scheduled|due|expected|upcoming|next)\b[^.]{0,40}$"
)


def _month_start(d: dt.date) -> dt.date:
    return dt.date(d.year, d.month, 1)


def _week_in_one_month(first: dt.date) -> tuple[dt.date | None, str | None]:
    last = first + dt.timedelta(days=6)
    return (_month_start(first), "month") if first.month == last.month else (None, None)


def resolve_date(expr: str, published: dt.date | None, before: str = "") -> tuple[dt.date | None, str | None, float]:
    """(date, precision, confidence) of a date expression; `before` is the text just before it."""
    low = re.sub(r"^(?:on|in) ", "", expr.lower().strip())
    future = bool(FUTURE.search(before[-60:])) or low.startswith("next ")
    month, day, year = _parts(expr)
    if month and year:
        value = _safe_date(year, month, day or 1)
        return value, ("day" if day else "month") if value else None, 0.95 if value else 0.0
    if published is None:
        return None, None, 0.0  # relative to a publication date nobody gave: not guessed
    relative = _relative(low, published)
    if relative is not None:
        return relative
    if low.split()[-1] in WEEKDAYS:
        return _weekday(low.split(), published, future)
    if month:
        return _month_day(month, day, published, future)
    return None, None, 0.0


def _relative(low: str, published: dt.date) -> tuple[dt.date | None, str | None, float] | None:
    """A day, year, month or week named from the publication date ("yesterday", "last month"), else None."""
    if low == "today":
        return published, "day", 0.9
    if low in {"yesterday", "tomorrow"}:
        return published + dt.timedelta(days=1 if low == "tomorrow" else -1), "day", 0.9
    if low in {"last year", "next year", "this year", "earlier this year"}:
        year = published.year + (-1 if low == "last year" else 1 if low == "next year" else 0)
        return dt.date(year, 1, 1), "year", 0.85
    if low in {"this month", "earlier this month"}:
        return _month_start(published), "month", 0.85
    if low in {"last month", "next month"}:
        shifted = _month_start(published) + dt.timedelta(days=-1 if low == "last month" else 32)
        return _month_start(shifted), "month", 0.85
    if low in {"this week", "earlier this week", "last week", "next week"}:
        monday = published - dt.timedelta(days=published.weekday())
        monday += dt.timedelta(days={"last week": -7, "next week": 7}.get(low, 0))
        value, precision = _week_in_one_month(monday)
        return value, precision, 0.6 if value else 0.0
    return None


def _weekday(words: list[str], published: dt.date, future: bool) -> tuple[dt.date, str, float]:
    """A weekday: the last one on or before publication, the coming one after future words."""
    day = WEEKDAYS.index(words[-1])
    if words[0] == "last":
        back = (published.weekday() - day) % 7 or 7
        return published - dt.timedelta(days=back), "day", 0.75
    if future:
        return published + dt.timedelta(days=(day - published.weekday()) % 7 or 7), "day", 0.6
    return published - dt.timedelta(days=(published.weekday() - day) % 7), "day", 0.8


def _month_day(
    month: int, day: int | None, published: dt.date, future: bool
) -> tuple[dt.date | None, str | None, float]:
    """A month, or a month and day, without a year: the nearest one before publication, or after
    it when the words before announce the future."""
    value = _safe_date(published.year, month, day or 1)
    if value is None:
        return None, None, 0.0
    if not future and (value > published if day else month > published.month):
        value = _safe_date(published.year - 1, month, day or 1)
    elif future and (value < published if day else month < published.month):
        value = _safe_date(published.year + 1, month, day or 1)
    return value, "day" if day else "month", 0.8 if day else 0.75


def _parts(expr: str) -> tuple[int | None, int | None, int | None]:
    """(month, day, year) written in an expression, each None when absent."""
    names = [m.lower() for m in MONTHS.split("|")]
    month = next((k + 1 for k, name in enumerate(names) if re.search(rf"\b{name}\b", expr.lower())), None)
    year = re.search(r"\b(1[89]\d\d|2\d\d\d)\b", expr)
    day = re.search(r"\b(\d{1,2})\b(?!\d)", re.sub(r"\b\d{4}\b", "", expr))
    return month, int(day.group(1)) if day else None, int(year.group(1)) if year else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, published: dt.date | None) -> list[dict]:
    """Every date expression with its resolution, as extractor records."""
    out = []
    for m in DATE_RE.finditer(text):
        if m.group() in {"May", "March"} and not re.search(
            r"\b(?:in|last|next|this|of|since|by|until)\s+$", text[: m.start()][-8:]
        ):
            continue  # the verb or the walk, not the month
        value, precision, conf = resolve_date(m.group(), published, text[max(0, m.start() - 80) : m.start()])
        out.append(
            {
                "kind": "date",
                "start": m.start(),
                "end": m.end(),
                "confidence": round(conf, 2),
                "text": m.group(),
                "date": value.isoformat() if value else None,
                "precision": precision,
            }
        )
    return out


__all__ = ["DATE_RE", "find_dates", "resolve_date"]
