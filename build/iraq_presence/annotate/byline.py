"""Article metadata read off the page: headline, byline authors, outlet credit, header date, furniture.

A news page carries its metadata in a few conventional shapes: a byline ("By A and B | Role - Org |
date"), an agency credit or dateline ("By <Agency>", "<City> (<Outlet>) –", "<Outlet>/ ..."), a date
printed above the body, and page furniture ("News ID: 123", "Publish Date: ..."). Each is found by
its shape, never by a name: what the line holds is proposed with its span and a confidence, and
furniture becomes an article issue instead of a headline candidate.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from .dates import find_dates
from .lexicon import GENERIC_CREDITS, PAGE_WORDS
from .names import _role_word
from .page_lines import unwrap
from .places import place
from .printed import NOT_A_DATE, date_only, printed_dates

HEAD_LINES = 8
"""Metadata sits above the body: only the first lines are read for bylines, furniture and dates."""
FAR_BYLINE = 30
"""A byline this many lines down still marks the page head (below a page's widgets)."""

NAME = r"[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|al-\w+|bin|de|van|von))*"
BYLINE = re.compile(
    r"^(?:[Bb]y|BY|[Ww]ritten by|[Rr]eported by|Author:)\s+"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|the|then|now"
    r"|contrast|comparison|far|mid|late|early|end|\d)\b)(?P<rest>[A-Z](?!\S*ing\b).{0,118})$"
)
"""A byline, not a sentence opened by "By" and a time ("By December 31, …", "By the end of …"), a lower-case
word or a gerund ("By emphasizing …"), nor a paragraph's length."""
DATELINE = re.compile(
    r"^(?:(?P<city>[A-Z][A-Za-z.’' -]{1,30}?(?:,\s*[\w.’' -]{1,25}?)?)\s*)?"  # BAGHDAD, Iraq / TEHRAN, Jun. 12
    r"\((?P<outlet>[A-Z][^()\n]{1,40}?)\)\s*(?:--|[-–—:_])\s"  # (Outlet) –, (Outlet) --, (Outlet)_
)
BRACKET_CREDIT = re.compile(r"^\((?P<outlet>[A-Z][A-Z0-9&.]{1,11})\)\s+(?=[A-Z])")
"""An agency's acronym in brackets opening the body, with no dash ("(AGENCY) A group said …")."""
BRACKET_BYLINE = re.compile(
    r"^\((?P<outlet>[A-Z][\w.&’' ]{1,30}?)\)\s+(?P<author>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,2})\s+[-–—]\s"
)
"""An outlet in brackets and its author before a dash opening the body ("(Outlet) Ann Roe - …")."""
REPORTING = re.compile(r"\(?(?:[Rr]eporting|[Ww]riting|[Aa]dditional reporting) by (?P<names>[^;)]+)")
"""An agency's closing credit, "(Reporting by A in City and B; Editing by C)": the reporters are authors."""
CREDIT_DATE = re.compile(r"^(?P<credit>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,4})\s*[,|•–—-]\s*(?P<rest>\S.*)$")
"""'<Agency> , <Weekday> <d> <Mon> <yyyy>', 'Author Name | <date>': a credit printed with the date."""
CITY_CREDIT = re.compile(
    r"^(?P<city>[A-Z][A-Z.’' ]{2,30})\s*[-–—/]\s*(?P<outlet>[A-Z][\w.&’']*(?:\s+[A-Z][\w.&’']*){0,3})$"
)
"""A line of its own, "CITY-Agency" ("WASHINGTON-Reuters"): the dateline's credit."""
ROLE_BYLINE = re.compile(
    r"(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})\s*[:|,–—-]\s*"
    r"(?i:(?:senior\s+|chief\s+|managing\s+|deputy\s+)?(?:editor(?:[- ]in[- ]chief)?|correspondent|reporter"
    r"|staff writer|contributor|columnist))"
)
"""A line of a name and its newsroom role ("Ann Roe : Editor-In-Chief"): the byline without its "By"."""
CITY_DATE_CREDIT = re.compile(
    r"^(?P<city>[A-Z][A-Z.’' ]{2,30}),\s*(?P<date>[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)\s*[-–—]\s*"
    r"(?P<outlet>[A-Z][\w&’']*(?:\s+[A-Z][\w&’']*){0,3})\.\s+(?=[A-Z“\"])"
)
"""A dateline with its date and the agency opening the body ("CITY, February 7 - Agency. The …")."""
DASH_CREDIT = re.compile(r"^(?P<outlet>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+[–—]\s")  # Outlet – text
SLASH_CREDIT = re.compile(r"^(?P<outlet>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s*/\s*\S")  # Outlet/ text
CRUMB = r"[A-Z][\w.&’'-]*(?:\s+[\w.&’'-]+){0,3}"
BREADCRUMB = re.compile(rf"{CRUMB}(?:\s*[/>»›|]\s*{CRUMB}){{2,}}")
"""A page's path above the article ("Home / World / Middle East", "News » Politics » Region"):
three or more short labels between separators; page furniture, never a credit or a headline."""
FURNITURE = re.compile(
    r"^(?P<label>(?:[A-Z][a-z]*\s+)?(?:ID|Id|No\.?|Number|Code|Publish(?:ed)? [Dd]ate|Published|Updated|"
    r"Last [Uu]pdated?|Date|Posted|Print|Share|Source|Credits?|Caption))\s*:\s*(?P<value>.*)$"
)
OUTLET_WORDS = {
    "agency",
    "news",
    "press",
    "times",
    "post",
    "journal",
    "tv",
    "television",
    "radio",
    "network",
    "daily",
    "gazette",
    "tribune",
    "herald",
    "monitor",
    "institute",
    "broadcasting",
    "media",
    "channel",
    "observer",
    "review",
}
"""Words that mark a credited name as an organisation rather than a person (general English)."""


@dataclass
class Found:
    """One proposal read off the page: its text and span, with why and how sure."""

    text: str
    start: int
    end: int
    confidence: float
    note: str
    actor_id: str | None = None
    kind: str = ""
    value: dt.date | None = None
    precision: str | None = None
    update: bool = False  # a date the page prints as its update ("Updated 31 October 2023"), not the publication


@dataclass
class Metadata:
    title: Found | None = None
    authors: list[Found] = field(default_factory=list)
    outlet: Found | None = None
    date: Found | None = None
    date_value: dt.date | None = None
    date_precision: str | None = None
    issues: list[dict[str, Any]] = field(default_factory=list)
    generic_credit: str | None = None


def _nonempty(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of the first `limit` non-empty lines, stripped of surrounding spaces."""
    out, at = [], 0
    for raw in text.split("\n"):
        s = at + len(raw) - len(raw.lstrip())
        e = at + len(raw.rstrip())
        at += len(raw) + 1
        if e > s:
            out.append((s, e))
        if len(out) >= limit:
            break
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    """The page head's lines: the first HEAD_LINES non-empty lines, or, where a page's widgets (sign-in,
    comment boxes) fill the top and a byline stands further down, the lines from the headline above it."""
    lines = _nonempty(text, FAR_BYLINE)
    first = next((k for k, (s, e) in enumerate(lines) if BYLINE.match(text[s:e])), None)
    if first is None or first < HEAD_LINES:
        return lines[:HEAD_LINES]
    above = next((k for k in range(first - 1, max(-1, first - 4), -1) if _headline_like(text[slice(*lines[k])])), None)
    start = first if above is None else above
    return lines[start : start + HEAD_LINES]


def _tail(text: str, head: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """The last lines, where a page puts a 'Source:' or share line after the article."""
    out = []
    at = len(text.rstrip())
    for _ in range(3):
        s = text.rfind("\n", 0, at) + 1
        line = text[s:at]
        if line.strip():
            out.append((s + len(line) - len(line.lstrip()), at))
        at = s - 1
        if at <= 0:
            break
    return [x for x in out if x not in head and FURNITURE.match(text[x[0] : x[1]])]


def _is_outlet(name: str, outlets: dict[str, str]) -> bool:
    """A known outlet, a name with an outlet word, or a bare acronym ("By XYZ": an agency, not a person)."""
    words = name.split()
    city = (where := place(name)) is not None and where.kind != "subdivision"  # "BAGHDAD —", yet "SANA" the agency
    acronym = len(words) == 1 and name.isupper() and len(name) >= 2 and not city
    return name in outlets or acronym or any(w.lower().strip(".") in OUTLET_WORDS for w in words)


def read_metadata(text: str, published: dt.date | None, aliases: dict[str, str], types: dict[str, str]) -> Metadata:
    """Every metadata proposal of the page head; `aliases`/`types` are the known actors."""
    outlets = {a: i for a, i in aliases.items() if types.get(i) == "media_outlet"}
    raw, text = text, unwrap(text)  # a hard-wrapped page: its lines inside sentences are no headlines
    meta = Metadata()
    meta_lines: set[tuple[int, int]] = set()
    dates: list[Found] = []
    _head(text, published, outlets, meta, meta_lines, dates)
    _name_lines(text, published, outlets, meta, meta_lines)
    _reporters(text, meta)
    _sign_off(text, outlets, meta)
    _datelines(text, published, outlets, meta, dates, meta_lines)
    dates += [d for d in _opening_iso_date(text) if (d.start, d.end) not in {(x.start, x.end) for x in dates}]
    if meta.outlet is None and meta.authors:
        meta.outlet = _own_interview(text, outlets)
    if meta.outlet:
        meta.outlet.actor_id = outlets.get(meta.outlet.text) or aliases.get(meta.outlet.text)
    for a in meta.authors:
        a.actor_id = aliases.get(a.text)
    meta.title = _title(text, meta_lines, meta.issues)
    if dates:
        d = _publication(dates, published)
        meta.date = d
        meta.date_value, meta.date_precision = d.value, d.precision
        if published and meta.date_value and meta.date_value != published and meta.date_precision == "day":
            meta.date.note += f" It differs from the --published-date {published}: check which is the publication."
            meta.date.confidence = 0.4
    for found in [meta.title, meta.outlet, meta.date, *meta.authors]:
        if found is not None:
            found.text = raw[found.start : found.end]  # as printed (offsets are the same)
    return meta


OPENING_ISO_DATE = re.compile(r"\A\s*(?:(?i:date|published|posted|updated)\s*:?\s*)?(?P<date>\d{4}-\d{2}-\d{2})\b")
"""A full ISO date that opens the page ("2020-09-26 TEHRAN –", "date 2024-06-27 …"): printed, even with the body
run on in the same line."""


def _opening_iso_date(text: str) -> list[Found]:
    m = OPENING_ISO_DATE.match(text)
    if m is None:
        return []
    try:
        value = dt.date.fromisoformat(m["date"])
    except ValueError:
        return []
    a, b = m.span("date")
    return [Found(text[a:b], a, b, 0.85, "Printed at the head of the page.", kind="date", value=value, precision="day")]


def _publication(dates: list[Found], published: dt.date | None) -> Found:
    """The printed date that is the publication's: the one equal to --published-date, else the most
    certain (a date labelled "Publish Date:" outweighs a bare date line, which may be the page's own
    date of printing), else the first."""
    same = [d for d in dates if published and d.value == published and d.precision == "day"]
    return same[0] if same else max(dates, key=lambda d: d.confidence)


def _head(
    text: str,
    published: dt.date | None,
    outlets: dict[str, str],
    meta: Metadata,
    meta_lines: set[tuple[int, int]],
    dates: list[Found],
) -> None:
    """Furniture, bylines, credits printed with the date and date lines of the first and last lines."""
    for s, e in [*_lines(text), *_tail(text, set(_lines(text)))]:
        line = text[s:e]
        if BREADCRUMB.fullmatch(line):
            meta_lines.add((s, e))
            meta.issues.append(_issue("page_furniture", text, s, e, "The page's section path, not the article."))
            continue
        if m := FURNITURE.match(line):
            meta_lines.add((s, e))
            meta.issues.append(
                _issue("page_furniture", text, s, e, f"Page furniture ({m['label']!r}), not the article.")
            )
            dates += _updated(_dates_in(text, s, e, published, "a dated furniture line"), line)
            continue
        if m := BYLINE.match(line):
            meta_lines.add((s, e))
            _byline(text, s + m.start("rest"), e, published, outlets, meta, dates)
            meta.issues.append(_issue("byline", text, s, e, "Byline (authors, affiliation, date) kept in the text."))
            continue
        if m := ROLE_BYLINE.fullmatch(line):
            meta_lines.add((s, e))
            a = s + m.start("name")
            note = f"Byline '{line}': the author and the role the page gives."
            meta.authors.append(Found(m["name"], a, a + len(m["name"]), 0.7, note, kind="person"))
            meta.issues.append(_issue("byline", text, s, e, "Byline (author and role) kept in the text."))
            continue
        if (
            (m := CREDIT_DATE.match(line))
            and not date_only(text, s, e, published)
            and date_only(text, s + m.start("rest"), e, published)
        ):
            meta_lines.add((s, e))
            _credit(text, s, s + m.end("credit"), outlets, meta)
            dates += _dates_in(text, s + m.start("rest"), e, published, f"the credit line {line!r}")
            meta.issues.append(_issue("byline", text, s, e, "Credit and date line kept in the text."))
            continue
        if date_only(text, s, e, published):
            meta_lines.add((s, e))
            found = _dates_in(text, s, e, published, "a date line above the body")
            for d in found:
                d.confidence = 0.6
                d.note += (
                    " A page's own date can stand there too: if it is not the publication, record a page_date issue."
                )
            dates += _updated(found, line)
            continue


UPDATED = re.compile(r"^\W*(?:[Ll]ast\s+)?(?:[Uu]pdated|[Mm]odified)\b")
"""A date line labelled as the page's update: it says when the page changed, not when it was published."""


def _updated(found: list[Found], line: str) -> list[Found]:
    """Mark the dates of an update line, less sure than a publication's so a printed "Published" wins."""
    if UPDATED.match(line):
        for d in found:
            d.update, d.confidence = True, min(d.confidence, 0.5)
    return found


BARE_NAME = re.compile(r"[A-Z][a-z’'-]+(?:\s+(?:al-|el-)?[A-Z][a-z’'-]+){1,2}")
"""Two or three capitalised words alone on a line: a person's name."""


def _name_lines(
    text: str, published: dt.date | None, outlets: dict[str, str], meta: Metadata, meta_lines: set[tuple[int, int]]
) -> None:
    """A name alone on the line right under the page's date line ("22-07-2021 / Ann Roe"), once or repeated:
    the byline without its "By", so the author (at lower confidence), never the headline."""
    from .places import place

    lines = _lines(text)
    for k in range(1, len(lines)):
        (ps, pe), (s, e) = lines[k - 1], lines[k]
        line = text[s:e]
        after_date = date_only(text, ps, pe, published) or text[ps:pe] == line
        if not after_date or not BARE_NAME.fullmatch(line) or place(line) or _is_outlet(line, outlets):
            continue
        meta_lines.add((s, e))
        if meta.authors or text[ps:pe] == line:
            continue
        meta.authors.append(
            Found(line, s, e, 0.5, "A name alone under the page's date: the byline without 'By'?", kind="person")
        )
        meta.issues.append(
            _issue("byline", text, s, e, "A name alone under the date line: the author, kept in the text.")
        )


def _datelines(
    text: str,
    published: dt.date | None,
    outlets: dict[str, str],
    meta: Metadata,
    dates: list[Found],
    meta_lines: set[tuple[int, int]],
) -> None:
    """The outlet of a dateline ("CITY, date (Outlet) –") or of a credit opening the body ("Outlet/ …"); a
    credit line that holds nothing but places ("Outlet – City / City") is the dateline, never the headline."""
    for s, e in _lines(text):
        line = text[s:e]
        weaker = meta.outlet is None or meta.outlet.confidence < 0.8
        if weaker and (m := DATELINE.match(line)):
            o = m.start("outlet") + s
            name = m["outlet"].strip()
            if name in GENERIC_CREDITS:
                meta.generic_credit = f"The dateline credits {name!r} ('{line[: m.end()].strip()}'), a generic credit "
                meta.generic_credit += "for agency copy, not a publisher: the outlet is not stated."
                continue
            sure = _is_outlet(name, outlets) or len(name.split()) > 1
            note = f"Dateline credit '{line[: m.end()].strip()}'." + (
                "" if sure else " One common-looking word: a generic credit rather than the publisher? Check."
            )
            meta.outlet = Found(name, o, o + len(name), 0.85 if sure else 0.4, note)
            if m["city"] and not dates:
                dates += _dates_in(text, s, s + m.start("outlet"), published, "the dateline")
        elif weaker and (m := BRACKET_BYLINE.match(line)) and m["outlet"] not in GENERIC_CREDITS:
            o = s + m.start("outlet")
            note = f"Credit '{line[: m.end()].strip()}' opening the body: the outlet, then its author."
            meta.outlet = Found(m["outlet"], o, o + len(m["outlet"]), 0.8, note)
            a = s + m.start("author")
            meta.authors.append(Found(m["author"], a, a + len(m["author"]), 0.7, note, kind="person"))
        elif weaker and (m := BRACKET_CREDIT.match(line)) and m["outlet"] not in GENERIC_CREDITS:
            o = s + m.start("outlet")
            note = f"Credit '{line[: m.end()].strip()}' opening the body."
            meta.outlet = Found(m["outlet"], o, o + len(m["outlet"]), 0.7, note)
        elif weaker and (m := CITY_DATE_CREDIT.match(line)) and m["outlet"] not in GENERIC_CREDITS:
            o = s + m.start("outlet")
            note = f"Dateline credit '{line[: m.end()].strip()}'."
            meta.outlet = Found(m["outlet"], o, o + len(m["outlet"]), 0.8, note)
        elif weaker and (m := CITY_CREDIT.match(line)) and m["outlet"] not in GENERIC_CREDITS:
            name = m["outlet"]
            o = s + m.start("outlet")
            meta.outlet = Found(name, o, o + len(name), 0.8, f"Dateline credit '{line}'.")
        elif (
            weaker
            and not BREADCRUMB.fullmatch(line)
            and (m := SLASH_CREDIT.match(line) or DASH_CREDIT.match(line))
            and _is_outlet(m["outlet"], outlets)
        ):
            name = m["outlet"]
            meta.outlet = Found(name, s, s + len(name), 0.8, f"Credit '{line[: m.end()].strip()}' opening the body.")
            if _places_only(line[m.end() :]):
                meta_lines.add((s, e))
                note = "Dateline (the outlet and its places) kept in the text."
                meta.issues.append(_issue("byline", text, s, e, note))


def _places_only(rest: str) -> bool:
    """'Washington / Baghdad', 'Basra, Baghdad': nothing but capitalised names between separators, one of
    them a place the gazetteer knows (the others may be cities it does not)."""
    parts = [p.strip() for p in re.split(r"\s*(?:[/,&]|\band\b)\s*", rest.strip().rstrip(".:"))]
    names = all(re.fullmatch(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}", p) for p in parts)
    return names and any(place(p) is not None for p in parts)


SIGN_OFF = re.compile(rf"For (?P<outlet>{NAME}),\s+(?P<name>{NAME})(?:,\s+[^,]+(?:,\s+[^,]+)?)?")
"""A closing credit "For <Outlet>, <Name>, <City>": the author and the outlet they write for."""


def _sign_off(text: str, outlets: dict[str, str], meta: Metadata) -> None:
    """The author (and, where no credit opened the page, the outlet) of a closing "For <Outlet>, <Name>" line."""
    end = len(text.rstrip())
    start = text.rfind("\n", 0, end) + 1
    m = SIGN_OFF.fullmatch(text, start, end)
    if m is None or meta.authors or not _is_outlet(m["outlet"], outlets) or _is_outlet(m["name"], outlets):
        return
    if len(m["name"].split()) < 2 or place(m["name"]) is not None:
        return
    a, b = m.span("name")
    note = "Named in the closing 'For <outlet>, <name>' credit."
    meta.authors.append(Found(m["name"], a, b, 0.7, note, kind="person"))
    if meta.outlet is None:
        a, b = m.span("outlet")
        meta.outlet = Found(m["outlet"], a, b, 0.7, "The outlet of the closing 'For <outlet>, <name>' credit.")
    meta.issues.append(_issue("byline", text, start, end, "Closing credit (author, place) kept in the text."))


TOLD_OUTLET = re.compile(
    rf"\b(?:told|[Ss]peaking to|in an interview with|in remarks to)\s+(?:the\s+)?(?P<outlet>{NAME})"
)
"""An outlet the words were given to ("told X", "speaking to X")."""


def _own_interview(text: str, outlets: dict[str, str]) -> Found | None:
    """On a page with a byline and no credit, the one outlet the speakers were "told" or spoke to is the
    page's own (its reporter's interview); a page without a byline may be reprinting another's."""
    found = [(re.split(r"[’']s\b", m["outlet"])[0], m.start("outlet")) for m in TOLD_OUTLET.finditer(text)]
    named = dict(reversed(found))  # "told X’s reporter": X; each name at its first use
    named = {n: at for n, at in named.items() if n in outlets or _is_outlet(n, outlets) or _only_heard(text, n)}
    if len(named) != 1:
        return None
    name, at = next(iter(named.items()))
    note = f"The speakers told {name!r}, and the page has a byline but no credit: its own interview? Check."
    return Found(name, at, at + len(name), 0.5, note, kind="interview")


def _only_heard(text: str, name: str) -> bool:
    """One word that is mostly told things or reporting ("told X", "X reported"), never introduced as a
    person would be by a fuller name: an outlet."""
    from .actors import HEARER, REPORTER

    uses = [m.start() for m in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w-])", text)]  # "X’s" too
    told = sum(bool(HEARER.search(text[max(0, u - 30) : u]) or REPORTER.match(text, u + len(name))) for u in uses)
    return len(name.split()) == 1 and told > len(uses) / 2  # most uses (a page's own name may stand in its furniture)


def _reporters(text: str, meta: Metadata) -> None:
    """The reporters of a closing agency credit, each with its span (the editors are not authors)."""
    end = len(text.rstrip())
    start = text.rfind("\n", 0, end) + 1
    m = REPORTING.match(text, start, end)
    if m is None or meta.authors:
        return
    for n in re.finditer(NAME, m["names"]):
        name = n.group(0).strip()
        if len(name.split()) >= 2 and not _is_outlet(name, {}):
            at = m.start("names") + n.start()
            meta.authors.append(
                Found(name, at, at + len(name), 0.7, "Named in the closing 'Reporting by' credit.", kind="person")
            )
    meta.issues.append(_issue("byline", text, start, end, "Closing credit (reporters, editors) kept in the text."))


def _credit(text: str, s: int, e: int, outlets: dict[str, str], meta: Metadata) -> None:
    """The name printed with the date: an outlet or agency when it reads as one, else the author."""
    name = text[s:e]
    if name in GENERIC_CREDITS:
        meta.generic_credit = f"The text credits {name!r} with the date, a generic credit for agency copy, not a "
        meta.generic_credit += "publisher: the outlet is not stated."
    elif _is_outlet(name, outlets):
        if meta.outlet is None or meta.outlet.confidence < 0.85:
            meta.outlet = Found(name, s, e, 0.85, f"Credited with the date ('{text[s:e]}, …').")
    elif 2 <= len(name.split()) <= 4:
        meta.authors.append(Found(name, s, e, 0.6, "Printed with the date, as a byline is.", kind="person"))


def _issue(kind: str, text: str, s: int, e: int, note: str) -> dict[str, Any]:
    quote = text[s:e]
    n = text.count(quote)
    return {
        "issue_type": kind,
        "quote": quote,
        **({"occurrence": text[:s].count(quote) + 1} if n > 1 else {}),
        "note": note,
    }


def _dates_in(text: str, s: int, e: int, published: dt.date | None, where: str) -> list[Found]:
    """The full dates printed in text[s:e] (printed.py); else a month and year ("January 2024")."""
    out = [
        Found(text[p.start : p.end], p.start, p.end, p.confidence, f"Printed in {where}.{p.note}", kind="date",
              value=p.value, precision="day")
        for p in printed_dates(text, s, e, published)
    ]  # fmt: skip
    if out:
        return out
    for d in find_dates(text[s:e], published):
        if d["date"] and d["precision"] == "month" and re.search(r"\d{4}", d["text"]):
            a, b = s + d["start"], s + d["end"]
            found = Found(text[a:b], a, b, 0.85, f"Printed in {where}.", kind="date")
            found.value, found.precision = dt.date.fromisoformat(d["date"]), d["precision"]
            out.append(found)
    return out


def _byline(
    text: str,
    s: int,
    e: int,
    published: dt.date | None,
    outlets: dict[str, str],
    meta: Metadata,
    dates: list[Found],
) -> None:
    """'By A and B | Role - Org | date': names as authors (or an agency as the outlet), org, date."""
    parts = [(m.start() + s, m.end() + s) for m in re.finditer(r"[^|]+", text[s:e])]
    for i, (a, b) in enumerate(parts):
        chunk = text[a:b]
        found_dates = _dates_in(text, a, b, published, "the byline")
        if found_dates:  # "By Agency 28/1/2019": the date, and the names beside it
            dates += found_dates
            for d in found_dates:
                chunk = chunk[: d.start - a] + " " * (d.end - d.start) + chunk[d.end - a :]
            if not re.search(NAME, chunk):
                continue
        if NOT_A_DATE.sub("", chunk) == "":
            continue  # a time and its zone ("4:33am EST"), a weekday: no name
        if i == 0:
            for m in re.finditer(NAME, chunk):
                name = m.group(0).strip()
                if name.lower() in {"and", "the"} or len(name) < 2:
                    continue
                at = a + m.start()
                if _is_outlet(name, outlets):
                    if meta.outlet is None:
                        meta.outlet = Found(name, at, at + len(name), 0.8, f"Credited in the byline ('By {name}').")
                    continue
                conf = 0.9 if len(name.split()) >= 2 else 0.5
                meta.authors.append(Found(name, at, at + len(name), conf, "Named in the byline.", kind="person"))
            continue
        # a later part: "Role - Organisation", the organisation the author writes for
        for m in re.finditer(NAME, chunk):
            name = re.sub(r"^(?:The|the)\s+", "", m.group(0)).strip()
            if meta.outlet is None and _is_outlet(name, outlets):
                at = a + m.start() + m.group(0).index(name)
                meta.outlet = Found(
                    name, at, at + len(name), 0.6, "The byline names the organisation the author writes for."
                )


ID_ONLY = re.compile(r"[#№$€£]?\s*\d[\d\s,./-]*\s*[$€£%]?")
"""A line of digits alone: a page's id, counter or amount ("2,500 $"), never a headline."""
SECTION = re.compile(r"(?:[A-Z][\w’'-]*|&|and)(?:\s+(?:[A-Z][\w’'-]*|&|and)){0,2}")
"""At most three capitalised words ("Middle East", "Politics & Policy"): a section label above a headline."""


CAPTION = re.compile(r"(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*,\s+(?:[^,:\s]+\s+){0,5}[^,:\s]+")
"""'Name Surname, the group's spokesman': a photo's caption naming who is shown, no verb of a headline."""


def _headline_like(line: str) -> bool:
    """Short, with no final stop: a question mark or a closing quotation mark may end a headline
    ("… Will it happen?", "… must 'leave now'"), but not one closing a sentence ('… fight."')."""
    words = line.split()
    title_case = sum(w[:1].isupper() for w in words) >= 0.8 * len(words)
    if len(words) > (40 if title_case else 20) or line[-1:] in ".!":
        return False  # a headline in title case may run long ("Leader Of X: Y Carries Out …; Z Remain …")
    return not (line[-1:] in "”\"’'" and line[-2:-1] in ".!?,")


OPENS_BODY = re.compile(r"[A-Z]{3,}[A-Z .’']*(?:,|\s*\(|\s+[-–—])")
"""A dateline opening the next line ("BAGHDAD, February 7 - …", "TEHRAN (Agency) –")."""


def _stopped_headline(line: str) -> bool:
    """A short sentence with its stop ("X may be postponed, the politician said."): some outlets print the
    headline so; it is read as one only above a dateline."""
    return len(line.split()) <= 20 and line.endswith(".") and not line.endswith("..")


def _title(text: str, skip: set[tuple[int, int]], issues: list[dict[str, Any]]) -> Found | None:
    """The first line that reads as a headline: not furniture, a byline, a date, an id or a section label."""
    if len(_lines(text)) <= 1:
        return None
    lines = [x for x in _lines(text) if x not in skip]
    for k, (s, e) in enumerate(lines):
        line = text[s:e]
        if ID_ONLY.fullmatch(line):
            issues.append(
                _issue("page_furniture", text, s, e, "A number alone on its line: a page id, not the article.")
            )
            continue
        words = [w for w in line.split() if re.search(r"\w", w)]
        if len(words) <= 4 and all(w.lower() in PAGE_WORDS for w in words):
            issues.append(_issue("page_furniture", text, s, e, "The page's own label, not a headline."))
            continue
        if CAPTION.fullmatch(line) and _role_word(line.split()[-1]):
            issues.append(
                _issue("page_furniture", text, s, e, "A photo's caption (a name and a role), not a headline.")
            )
            continue
        after = text[lines[k + 1][0] : lines[k + 1][1]] if k + 1 < len(lines) else ""
        if not _headline_like(line) and not (_stopped_headline(line) and OPENS_BODY.match(after)):
            return None
        if SECTION.fullmatch(line) and _headline_like(after) and len(after.split()) > len(line.split()):
            issues.append(_issue("page_furniture", text, s, e, "A section label above the headline, not the title."))
            continue
        if len(line.split()) <= 4 and _headline_like(after) and len(after.split()) >= 2 * len(line.split()) + 4:
            issues.append(_issue("page_furniture", text, s, e, "A kicker above the headline, not the title."))
            continue  # "Advises the minister" above "X: Y is owed to Z": a label, the headline below it
        if line.endswith(":") and not line.endswith("::"):
            line, e = line[:-1].rstrip(), s + len(line[:-1].rstrip())  # "… next year:": the colon leads to the text
        return Found(line, s, e, 0.8, "The first line that is not page furniture reads as a headline.")
    return None


__all__ = ["Found", "Metadata", "read_metadata"]
