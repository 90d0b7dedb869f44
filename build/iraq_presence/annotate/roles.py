"""Dated role titles from the curated affiliations: "the Iraqi prime minister" -> the holder at a date.

A role phrase resolves only when the article's date falls inside a curated affiliation's attested
period (its start and end widened to their precision: a month-precise date covers that month), and
exactly one person fits. No date, no resolution: an office holder is never guessed. A phrase that
names no organisation ("the Supreme Leader") fits only an office of a state; "a senior official" or
"the former minister" fit none.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .lexicon import ABBREVIATIONS, DETERMINERS

# How news writes a curated role code; the code's own words are always accepted too.
ROLE_WORDS = {
    "spokesperson": [("spokesperson",), ("spokesman",), ("spokeswoman",)],
    "head": [("head",), ("chief",), ("leader",)],
    "secretary_general": [("secretary", "general")],
}
# A role phrase with these words names a past or acting holder, not the one in office.
NOT_CURRENT = {"former", "ex", "late", "then", "previous", "acting", "interim", "deputy", "vice", "next", "future"}
INDEFINITE = {"a", "an", "one", "some", "several", "many", "two", "three", "other", "another"}
DEMONYM_ENDINGS = ("i", "ian", "n", "an", "ese", "ish")


@dataclass(frozen=True)
class Role:
    """One curated person-in-role attestation: role words, the organisation's forms, the period."""

    forms: tuple[tuple[str, ...], ...]  # ways to write the role ("prime", "minister")
    actor_id: str
    org_forms: frozenset[str]  # lower-case names and demonyms of the organisation
    start: dt.date
    end: dt.date
    of_state: bool = False  # an office of a state: "the prime minister" may name it without the country


def _period(value: str, precision: str, last: bool) -> dt.date | None:
    """The first (or last) day a date of this precision may stand for."""
    if not value:
        return None
    d = dt.date.fromisoformat(value)
    if precision == "year":
        return dt.date(d.year, 12, 31) if last else dt.date(d.year, 1, 1)
    if precision == "month":
        return dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1]) if last else d.replace(day=1)
    return d


def org_forms(names: list[str]) -> frozenset[str]:
    """An organisation's names, lower-cased, and the demonyms a one-word name makes ('Iraq' -> 'iraqi')."""
    out = set()
    for name in names:
        low = _normal(name)
        out.add(low)
        if " " not in low and len(low) > 3:
            out.update(low + e for e in DEMONYM_ENDINGS)
            out.update(low[:-1] + e for e in DEMONYM_ENDINGS if low.endswith(("a", "e")))
    return frozenset(out)


def read_roles(data: Path, aliases: dict[str, str], types: dict[str, str]) -> list[Role]:
    """Person roles from data/affiliations.csv (a UTF-8 file with a byte-order mark)."""
    path = data / "affiliations.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return roles_from_rows(list(csv.DictReader(fh)), aliases, types)


def roles_from_rows(rows: list[dict[str, Any]], aliases: dict[str, str], types: dict[str, str]) -> list[Role]:
    """Person roles from affiliation rows (CSV strings or typed values); other actors' roles are left out."""
    names: dict[str, list[str]] = {}
    for alias, actor in aliases.items():
        names.setdefault(actor, []).append(alias)
    out = []
    for row in rows:
        if types.get(row["actor_id"]) != "person" or not row["role"]:
            continue
        first, last = _iso(row["start_date"]), _iso(row["end_date"])
        start = _period(first or last, row["start_date_precision"] if first else row["end_date_precision"], False)
        end = _period(last or first, row["end_date_precision"] if last else row["start_date_precision"], True)
        if start is None or end is None:
            continue
        org = row["organization_id"]
        forms = tuple(dict.fromkeys([tuple(row["role"].split("_")), *ROLE_WORDS.get(row["role"], [])]))
        orgs = org_forms([*names.get(org, []), org.replace("-", " ")])
        out.append(Role(forms, row["actor_id"], orgs, start, end, types.get(org) == "state"))
    return out


def _iso(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value if isinstance(value, str) else ""


def _normal(phrase: str) -> str:
    text = phrase.lower().replace("’s", "").replace("'s", "").replace("-", " ")
    words = [ABBREVIATIONS.get(w, w) for w in re.findall(r"[\w.]+", text)]
    return " ".join(w.strip(".") for w in words if w.strip("."))


def holder(roles: list[Role], phrase: str, on: dt.date | None) -> str | None:
    """The one person holding the role the phrase names on that date; None when none or several fit."""
    if on is None or not roles:
        return None
    text = _normal(phrase)
    words = text.split()
    if NOT_CURRENT & set(words) or (words and words[0] in INDEFINITE):
        return None
    capitals = {_normal(w) for w in re.findall(r"[\w’'-]+", phrase) if w[:1].isupper()}
    fits = set()
    for role in roles:
        form = next((f for f in role.forms if _has(words, f)), None)
        if form is None or not role.start <= on <= role.end:
            continue
        named_org = any(f" {o} " in f" {text} " for o in role.org_forms)
        others = [w for w in words if w not in set(form) | DETERMINERS | {"of", "s", "country", "current"}]
        foreign = [w for w in others if w in capitals]
        if named_org or (role.of_state and not foreign):
            fits.add((role.actor_id, named_org))
    named = {a for a, by_org in fits if by_org}
    pool = named or {a for a, _ in fits}
    return next(iter(pool)) if len(pool) == 1 else None


def _has(words: list[str], form: tuple[str, ...]) -> bool:
    return any(tuple(words[k : k + len(form)]) == form for k in range(len(words) - len(form) + 1))


__all__ = ["Role", "holder", "org_forms", "read_roles", "roles_from_rows"]
