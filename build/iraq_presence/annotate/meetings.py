"""Meeting reports in a text, their link to a curated meeting when participants and date agree, and a
new meeting's entry when none does.

A report is a sentence with a meeting cue ("met", "a meeting with", "visiting", "received") naming
at least two known people. It links to a curated meeting only when its people are all among that
meeting's participants and its date falls in the meeting's (both read at their precision): a
report without a resolved date links to nothing, and two agreeing meetings leave the choice to
the curator. A report no curated meeting agrees with is drafted as a new meeting of the article
(`new_meetings`): its type, roles, place and date read from the sentence, each for the curator
to confirm.
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
            d = max(near, key=lambda d: d["confidence"])  # "on Tuesday, March 4, 2025": the date with its year
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


HOSTING = re.compile(r"\b(?:received|receives|receiving|hosted|hosts|hosting|welcomed|welcomes)\b", re.I)
PHONE = re.compile(r"\b(?:phone|telephone|call)\b", re.I)
PLACE_IN = re.compile(r"\b(?:in|to) ((?:[A-Z][\w’'-]+ ?){1,3})")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]+(?:\([^)]*\))?\s*[–—-]\s*")
"""A dateline opening the report's sentence ("TEHRAN (Outlet) – "): not the report's words."""


def proposed_meeting(report: dict[str, Any], text: str, article_id: str, taken: set[str]) -> dict[str, Any]:
    """A new meeting entry for a report no curated meeting agrees with: the id from its date and the
    participants' last names (`taken`: ids in use, a repeat gets a number), a phone call when the
    sentence says so and else a visit, the host the subject of "received"/"hosted" (the others
    visitors; without such a cue all are participants), the place after "in"/"to" when it is a city
    or a country, and the report dated as its sentence dates it (`stated` with a year, `inferred`
    without: resolved against the article's date)."""
    s, e = report["start"], report["end"]
    sentence, people = text[s:e], report["participants"]
    stem = "-".join(["m", report["date"] or f"{article_id[:3]}-undated", *(p.rsplit("-", 1)[-1] for p in people[:2])])
    meeting_id, n = stem, 1
    while meeting_id in taken:
        n += 1
        meeting_id = f"{stem}-{n}"
    taken.add(meeting_id)
    hosting = HOSTING.search(sentence)
    roles = ["host", *["visitor"] * (len(people) - 1)] if hosting else ["participant"] * len(people)
    where = _place(sentence)
    dated = report["date"] is not None
    basis = ("stated" if YEAR.search(report["date_text"]) else "inferred") if dated else None
    note = (
        None
        if basis == "stated"
        else f"{report['date_text']!r} in the report's sentence, resolved against the article's date."
        if dated
        else "The report's sentence gives no date."
    )
    report_entry: dict[str, Any] = {"quote": DATELINE.sub("", report["quote"])}
    day = dt.date.fromisoformat(report["date"]) if dated else None
    if dated:
        report_entry |= {
            "date_quote": report["date_text"],
            "date": day,
            "date_precision": report["date_precision"],
            "date_basis": basis,
        }
    report_entry["date_note"] = note
    return {
        "meeting_id": meeting_id,
        "meeting_type": "phone" if PHONE.search(sentence) else "visit",
        "meeting_date": day,
        "meeting_date_precision": report["date_precision"],
        "meeting_date_basis": basis,
        "meeting_date_note": note if dated else "No report gives a date.",
        "location": where[0],
        "country": where[1],
        "description": f"TODO one line: the meeting of {', '.join(people)} that article {article_id[:3]} reports.",
        "participants": [{"actor": p, "role": r} for p, r in zip(people, roles)],
        "reports": [report_entry],
    }


def _place(sentence: str) -> tuple[str | None, str | None]:
    """The city (its name as written) and country (ISO 3166-1 alpha-3) the sentence places the meeting in."""
    import pycountry

    from .places import place

    for m in PLACE_IN.finditer(sentence):
        name = m.group(1).strip()
        found = place(name)
        if found is None or len(found.countries) != 1:
            continue
        country = pycountry.countries.get(alpha_2=next(iter(found.countries)))
        return (None if found.kind == "country" else name), (country.alpha_3 if country else None)
    return None, None


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


__all__ = ["Meeting", "agreeing", "find_reports", "proposed_meeting", "read_meetings"]
