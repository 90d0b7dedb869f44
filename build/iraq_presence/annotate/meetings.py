"""Meeting reports in a text, and their link to a curated meeting when participants and date agree.

A report is a sentence with a meeting cue ("met", "a meeting with", "visiting", "received") naming
at least two known people. It links to a curated meeting only when its people are all among that
meeting's participants and its date falls in the meeting's (both read at their precision): a
report without a resolved date links to nothing, and two agreeing meetings leave the choice to
the curator.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MEETING_CUE = re.compile(
    r"\b(?:met|meet|meets|meeting|meetings|talks|visit|visits|visited|visiting|received|receives|hosted|hosts|"
    r"summit)\b",
    re.I,
)


@dataclass(frozen=True)
class Meeting:
    meeting_id: str
    date: dt.date | None
    precision: str | None
    participants: frozenset[str]


def find_reports(
    text: str, sentences: list[tuple[int, int]], people: list[tuple[int, int, str]], dates: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Meeting-report proposals: sentence span, the people it names (actor ids), its resolved date."""
    out = []
    for s, e in sentences:
        if not MEETING_CUE.search(text, s, e):
            continue
        who = list(dict.fromkeys(actor for a, b, actor in people if s <= a and b <= e))
        if len(who) < 2:
            continue
        near = [d for d in dates if s <= d["start"] < e and d["date"]]
        record: dict[str, Any] = {"kind": "meeting_report", "start": s, "end": e, "participants": who}
        record.update(quote=text[s:e].strip(), date=None, date_precision=None, date_text=None)
        if near:
            d = near[0]
            record.update(date=d["date"], date_precision=d["precision"], date_text=d["text"])
        record["confidence"] = 0.6 if near else 0.4
        out.append(record)
    return out


def _period(value: dt.date, precision: str | None) -> tuple[dt.date, dt.date]:
    if precision == "year":
        return dt.date(value.year, 1, 1), dt.date(value.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(value.year, value.month)[1]
        return value.replace(day=1), value.replace(day=last)
    return value, value


def agreeing(report: dict[str, Any], meetings: list[Meeting]) -> list[str]:
    """The curated meetings whose participants include the report's people and whose date agrees with its date."""
    if not report.get("date"):
        return []
    lo, hi = _period(dt.date.fromisoformat(report["date"]), report.get("date_precision"))
    out = []
    for m in meetings:
        if m.date is None or not set(report["participants"]) <= m.participants:
            continue
        mlo, mhi = _period(m.date, m.precision)
        if (mlo <= lo and hi <= mhi) or (lo <= mlo and mhi <= hi):
            out.append(m.meeting_id)
    return out


def read_meetings(data: Path) -> list[Meeting]:
    """Curated meetings with their participants, from the built CSV tables (UTF-8 with a byte-order mark)."""
    if not (data / "meetings.csv").exists() or not (data / "meeting_participants.csv").exists():
        return []
    people: dict[str, set[str]] = {}
    with (data / "meeting_participants.csv").open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            people.setdefault(row["meeting_id"], set()).add(row["actor_id"])
    out = []
    with (data / "meetings.csv").open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            date = dt.date.fromisoformat(row["meeting_date"]) if row["meeting_date"] else None
            precision = row["meeting_date_precision"] or None
            out.append(Meeting(row["meeting_id"], date, precision, frozenset(people.get(row["meeting_id"], ()))))
    return out


__all__ = ["Meeting", "agreeing", "find_reports", "read_meetings"]
