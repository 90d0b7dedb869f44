"""Full dates as pages print them above or below an article: the publication date's candidates.

Pages print the day in many shapes: "5 January 2024", "Friday 5 Jan 2024", "Jan. 09, 2025",
"January 16, 2019", "2024-01-05T10:00", "05/01/2024 14:22". Only full dates (day, month, year)
count: they can be `stated` with their span. A numeric date whose day and month can be swapped is
read the way the --published-date agrees with; with no such date, only when one reading is a date.
A printed weekday that does not fit the date lowers the confidence. Statement dates are read
elsewhere (dates.py): these shapes are a page's, not a sentence's.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTH = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
WEEKDAY = r"(?:(?P<wd>Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|urday|rsday)?\.?,?\s+)?"
SHAPES = (
    re.compile(rf"\b{WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"\b{WEEKDAY}{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"),
    re.compile(r"\b(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?![\d/.-]*\d)"),
    re.compile(r"(?<![\d/.-])(?P<num2>\d{1,2})[/.-](?P<num1>\d{1,2})[/.-](?P<year>\d{4})\b"),
)
"""Day month year; month day, year; year-month-day; day/month/year (or month/day/year)."""
NOT_A_DATE = re.compile(
    r"\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|urday|rsday)?\b\.?"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?"
    r"|\b(?:GMT|UTC|EST|EDT|CET|AST|IRST|local time|[+-]\d{2}:?\d{2})\b"
    r"|\b\d+\s*min(?:ute)?s?\s+read\b"
    r"|\b(?:[Uu]pdated|[Pp]ublished|[Pp]osted|[Ll]ast|[Oo]n|[Aa]t|[Dd]ate)\b"
    r"|[,|/•·.\-–—:()\s]|T(?=\d)",
    re.I,
)
"""What a date line holds besides the date: a weekday, a time and zone, a reading time, a label."""
MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9


@dataclass(frozen=True)
class Printed:
    """A full date printed in the text: where, what it reads as and how sure."""

    start: int
    end: int
    value: dt.date
    confidence: float
    note: str


def printed_dates(text: str, start: int, end: int, published: dt.date | None) -> list[Printed]:
    """Every full date printed in text[start:end], in text order."""
    out: list[Printed] = []
    taken: list[tuple[int, int]] = []
    for shape in SHAPES:
        for m in shape.finditer(text, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            found = _read(m, published)
            if found is not None:
                value, confidence, note = found
                out.append(Printed(m.start(), m.end(), value, confidence, note))
                taken.append((m.start(), m.end()))
    return sorted(out, key=lambda p: p.start)


def _read(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, float, str] | None:
    year = int(m["year"])
    if m.groupdict().get("mon"):
        return _checked(_date(year, MONTHS[m["mon"].lower()], int(m["day"])), m, "")
    if m.groupdict().get("month"):
        return _checked(_date(year, int(m["month"]), int(m["day"])), m, "")
    first, second = int(m["num1"]), int(m["num2"])
    # day/month/year, or month/day/year where that is a date too
    readings = [d for d in (_date(year, first, second), _date(year, second, first)) if d is not None]
    readings = list(dict.fromkeys(readings))
    if len(readings) == 1:
        return _checked(readings[0], m, "")
    if published in readings:
        return _checked(published, m, " Day and month could be swapped: read as the --published-date agrees.")
    return None  # "05/06/2024" with nothing to tell day from month: not guessed


def _checked(value: dt.date | None, m: re.Match[str], note: str) -> tuple[dt.date, float, str] | None:
    if value is None:
        return None
    weekday = m.groupdict().get("wd")
    if weekday and calendar.day_abbr[value.weekday()].lower()[:3] != weekday.lower()[:3]:
        return value, 0.4, note + f" The printed weekday {weekday!r} does not fit {value}: check."
    return value, 0.85, note


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_only(text: str, start: int, end: int, published: dt.date | None) -> bool:
    """A line that holds a full date and nothing else but a weekday, a time, a label or a reading time."""
    found = printed_dates(text, start, end, published)
    if not found:
        return False
    rest = text[start:end]
    for p in reversed(found):
        rest = rest[: p.start - start] + " " + rest[p.end - start :]
    return NOT_A_DATE.sub("", rest) == ""


__all__ = ["NOT_A_DATE", "Printed", "date_only", "printed_dates"]
