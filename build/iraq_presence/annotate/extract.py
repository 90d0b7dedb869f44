"""A general extractor for English news text: quotations, speakers, mentions, unknown names, dates.

Rules, not a model: nothing is downloaded at run time. Sentence splitting is pysbd, alias
matching pyahocorasick (via mentions.AliasMatcher), fuzzy matching rapidfuzz, date parsing
dateparser. Every proposal carries its evidence span and a confidence. The rules name no article,
person or phrase of the corpus; they are kept general by tests on made-up texts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..tables.mentions import AliasMatcher
from ..tables.quotes import find_quotes

VERBS = (
    "said|says|say|told|tells|added|adds|stated|states|stating|stressed|stresses|stressing|noted|notes|noting|"
    "warned|warns|warning|explained|explains|observed|observes|concluded|concludes|emphasized|emphasised|"
    "emphasizes|emphasises|emphasizing|emphasising|underscored|underscores|remarked|remarking|saying|"
    "reiterated|highlighted|urged|declared|insisted|claimed|alleged|argued|wrote|tweeted|asked|replied|"
    "continued|elaborated|announced|vowed|acknowledged|admitted|described|called|advised|referred|"
    "told reporters|pointed out|confirmed|denied|suggested|maintained|recalled"
)
VERB = rf"(?:(?:also|further|reportedly|then|later|again)\s+)?(?P<verb>{VERBS})"
_WORD = r"(?:[A-Z][\w’'.-]*|al-[A-Z][\w’'-]*|el-[A-Z][\w’'-]*)"
NAME = rf"(?P<name>(?:{_WORD}|bin|de|van|von)(?:\s+(?:{_WORD}|bin|Al))*)"
PRONOUN = r"(?P<pron>he|she|they|He|She|They)"
_ROLE = "spokesman|spokeswoman|spokesperson|minister|president|leader|commander|official|analyst|source|expert"
TITLE = rf"(?P<title>the\s+(?:[\w-]+\s+){{0,3}}(?:{_ROLE}|specialist|ambassador))"

AFTER = [
    re.compile(rf"^\s*[,.]?\s*{PRONOUN}\s+{VERB}\b"),
    re.compile(rf"^\s*[,.]?\s*{VERB}\s+{NAME}"),
    re.compile(rf"^\s*[,.]?\s*{NAME}(?:,\s+[^,]{{0,120}}?,)?\s+{VERB}\b"),
    re.compile(rf"^\s*[,.]?\s*{VERB}\s+{TITLE}"),
    re.compile(rf"^\s*[,.]?\s*{TITLE}\s+{VERB}\b"),
    re.compile(rf"^\s*[,.]?\s*(?:[\w-]+\s+){{1,6}}?{NAME}\s+{VERB}\b"),
]
BEFORE = [
    re.compile(rf"{NAME}(?:,\s+[^,]{{0,120}}?,)?\s+{VERB}(?:\s+that)?[,:]?\s*$"),
    re.compile(rf"{PRONOUN}\s+{VERB}(?:\s+that)?[,:]?\s*$"),
    re.compile(rf"{NAME}\b[^.“”\"]{{0,160}}?,?\s+{VERB}(?:\s+that)?[,:]?\s*$"),
    re.compile(rf"\b{VERB}(?:\s+that)?[,:]?\s*$"),
]
STOP = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "As",
    "But",
    "And",
    "If",
    "It",
    "This",
    "That",
    "These",
    "Those",
    "However",
    "Meanwhile",
    "Still",
    "While",
    "When",
    "After",
    "Before",
    "Some",
    "Several",
    "Many",
    "Earlier",
    "Last",
    "Next",
    "During",
    "According",
    "Despite",
    "Unlike",
    "Moreover",
    "Second",
    "First",
    "Recently",
    "Comment",
    "Separately",
    "With",
    "For",
    "By",
    "From",
    "Addressing",
    "Looking",
    "Iraq's",
    "Iran's",
}
PREPOSITIONS = {
    "with",
    "to",
    "by",
    "of",
    "from",
    "for",
    "at",
    "in",
    "on",
    "about",
    "against",
    "toward",
    "towards",
    "between",
    "and",
    "than",
    "into",
    "over",
    "under",
    "after",
    "before",
    "during",
    "including",
}
LEADING = re.compile(
    r"^(?:(?:In|On|At|During|After|Before|Still|However|Meanwhile|Separately|Moreover|Earlier|"
    r"Later|Also|Yet|Nevertheless|Addressing|Looking|According)\b[^,]{0,120},\s*)+"
)
SUBJECT_PRONOUN = re.compile(r"^(?:He|She|They)\b")
SUBJECT_TITLE = re.compile(
    r"^[Tt]he\s+(?:[\w-]+\s+){0,3}(?:leader|minister|president|commander|official|spokesman|"
    r"spokeswoman|analyst|specialist|premier|prime minister)\b"
)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE_RE = re.compile(
    rf"\b(?:(?:on|On)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    rf"(?:{MONTHS})\s+\d{{1,2}}(?:,\s+\d{{4}})?|(?:in|In)\s+(?:{MONTHS})(?:\s+\d{{4}})?|"
    r"last year|Last year|today|this week|earlier this month|last month|last week|yesterday)\b"
)


@dataclass
class Proposal:
    kind: str
    start: int
    end: int
    confidence: float
    data: dict[str, Any] = field(default_factory=dict)

    def record(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 2),
            **self.data,
        }


@dataclass
class Gazetteer:
    """Known actors: alias -> actor_id, and actor_id -> actor_type."""

    aliases: dict[str, str]
    types: dict[str, str]

    @classmethod
    def from_frames(cls, actors: Any, aliases: Any) -> Gazetteer:
        return cls(
            dict(zip(aliases["alias"], aliases["actor_id"])), dict(zip(actors["actor_id"], actors["actor_type"]))
        )


class Extractor:
    def __init__(self, gazetteer: Gazetteer) -> None:
        import pysbd

        self.gaz = gazetteer
        self.matcher = AliasMatcher(gazetteer.aliases)
        self.segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def run(self, text: str, published: dt.date | None = None) -> dict[str, list[dict[str, Any]]]:
        mentions = self.matcher.find(text)
        sentences = [(s.start, s.end) for s in self.segmenter.segment(text)]
        statements = self._statements(text, mentions, sentences, published)
        return {
            "statements": [p.record() for p in statements],
            "mentions": [
                Proposal(
                    "mention", m.start, m.end, 1.0, {"actor_id": self.gaz.aliases[m.surface], "surface": m.surface}
                ).record()
                for m in mentions
            ],
            "candidates": [p.record() for p in self._candidates(text, mentions)],
            "dates": [p.record() for p in self._dates(text, published)],
        }

    # --- statements -----------------------------------------------------------------------------------

    def _statements(
        self, text: str, mentions: list[Any], sentences: list[tuple[int, int]], published: dt.date | None
    ) -> list[Proposal]:
        out: list[Proposal] = []
        quotes = [q for q in find_quotes(text) if q.pattern != "stray_mark" and q.end - q.start >= 2]
        self._quoted = [(q.start, q.end) for q in quotes]
        last_speaker: dict[str, Any] | None = None
        last_para = -1
        for q in quotes:
            quote = text[q.start : q.end].strip()
            para_start = text.rfind("\n", 0, q.start) + 1
            para_end = text.find("\n", q.end)
            para_end = len(text) if para_end < 0 else para_end
            close = q.end + (1 if q.close_mark else 0)
            after = text[close:para_end]
            before = text[para_start : q.start - 1] if q.open_mark else text[para_start : q.start]
            speaker, verb, conf, how = self._attribute(text, after, close, before, para_start, mentions, q.start)
            continues = last_speaker is not None and (not before.strip() or para_start == last_para)
            if how in ("sentence_subject", "none") and continues and not _attribution_in(after):
                speaker, verb, conf, how = dict(last_speaker), None, 0.7, "continuation"
            words = len(quote.split())
            sentence_start = not before.strip() or (before.rstrip().endswith((":", ",")) and words > 8)
            stype = "direct" if (quote[:1].isupper() and (words >= 6 or sentence_start)) else "partial"
            data: dict[str, Any] = {
                "quote": text[q.start : q.end],
                "statement_type": stype,
                "reporting_verb": verb,
                "attribution": how,
            }
            if speaker:
                data.update(speaker)
                last_speaker, last_para = speaker, para_start
            else:
                data["speaker_name"] = None
                conf = 0.2
            out.append(Proposal("statement", q.start, q.end, conf, data))
        return out

    def _attribute(
        self, text: str, after: str, after_at: int, before: str, before_at: int, mentions: list[Any], quote_start: int
    ) -> tuple[dict[str, Any] | None, str | None, float, str]:
        for pattern in AFTER:
            m = pattern.search(after)
            if m:
                who = self._who(text, m, after_at, mentions, quote_start)
                if who:
                    return who, m.group("verb"), 0.9, "after"
        for pattern in BEFORE[:2]:
            m = pattern.search(before)
            if m:
                who = self._who(text, m, before_at, mentions, quote_start)
                if who:
                    return who, m.group("verb"), 0.8, "before"
        verb_m = BEFORE[3].search(before)
        who = self._subject(text, mentions, quote_start)
        if who:
            return who, verb_m.group("verb") if verb_m else None, 0.6 if verb_m else 0.5, "sentence_subject"
        return None, None, 0.0, "none"

    def _sentence_start(self, text: str, at: int) -> int:
        starts = [m.end() for m in re.finditer(r"[.!?][”\"]?\s+(?=[A-Z“\"])|\n", text[:at])]
        return starts[-1] if starts else 0

    def _subject(self, text: str, mentions: list[Any], quote_start: int) -> dict[str, Any] | None:
        """The grammatical subject of the sentence holding the quote: a name, a pronoun or a title."""
        sent = self._sentence_start(text, quote_start)
        head = text[sent:quote_start]
        lead = LEADING.match(head)
        subj_at = sent + (lead.end() if lead else 0)
        rest = text[subj_at:quote_start]
        if SUBJECT_PRONOUN.match(rest) or SUBJECT_TITLE.match(rest):
            return self._nearest_person(mentions, subj_at)
        for mn in mentions:
            if (
                subj_at <= mn.start < quote_start
                and self._speaks(self.gaz.aliases[mn.surface])
                and not self._inside_quote(mn.start)
            ):
                prev = text[max(sent, mn.start - 40) : mn.start].split()
                if prev and prev[-1].lower().strip(",") in PREPOSITIONS:
                    continue
                if prev and prev[-1].endswith(("’s", "'s")):
                    continue
                return {"speaker_id": self.gaz.aliases[mn.surface]}
        return None

    def _inside_quote(self, at: int) -> bool:
        return any(s <= at < e for s, e in getattr(self, "_quoted", []))

    def _nearest_person(self, mentions: list[Any], before: int) -> dict[str, Any] | None:
        people = [
            mn
            for mn in mentions
            if mn.end <= before
            and not self._inside_quote(mn.start)
            and self.gaz.types.get(self.gaz.aliases[mn.surface]) == "person"
        ]
        return {"speaker_id": self.gaz.aliases[people[-1].surface]} if people else None

    def _who(
        self, text: str, m: re.Match[str], offset: int, mentions: list[Any], quote_start: int
    ) -> dict[str, Any] | None:
        groups = m.groupdict()
        if groups.get("name"):
            s, e = offset + m.start("name"), offset + m.end("name")
            prev = text[max(0, s - 30) : s].split()
            if prev and prev[-1].lower() in PREPOSITIONS:
                return None  # "in his meeting with X, Y said": X is not the speaker
            hit = [mn for mn in mentions if mn.start < e and s < mn.end]
            if hit:
                return {"speaker_id": self.gaz.aliases[hit[-1].surface]}
            name = text[s:e].strip()
            if name.split()[0] in STOP:
                return None
            return {"speaker_name": name}
        if groups.get("pron") or groups.get("title"):
            return self._nearest_person(mentions, min(offset + m.start(), quote_start))
        return None

    def _speaks(self, actor_id: str) -> bool:
        return self.gaz.types.get(actor_id) in {
            "person",
            "armed_group",
            "state_body",
            "political_party",
            "coalition",
            "international_organization",
        }

    # --- unknown names -------------------------------------------------------------------------------

    def _candidates(self, text: str, mentions: list[Any]) -> list[Proposal]:
        from rapidfuzz import fuzz, process

        taken = [(m.start, m.end) for m in mentions]
        out, seen = [], set()
        name_re = re.compile(
            r"\b(?:[A-Z][a-z’'-]+|al-[A-Z][a-z’'-]+)(?:\s+(?:[A-Z][a-z’'-]+|al-[A-Z][a-z’'-]+|bin|Al)){1,4}"
        )
        for m in name_re.finditer(text):
            words = m.group().split()
            while words and words[0] in STOP:
                words = words[1:]
            if len(words) < 2:
                continue
            surface = " ".join(words)
            start = m.end() - len(surface)
            if any(s < m.end() and start < e for s, e in taken) or surface in seen:
                continue
            seen.add(surface)
            best = process.extractOne(surface, list(self.gaz.aliases), scorer=fuzz.WRatio, score_cutoff=85)
            org_words = {
                "Organization",
                "Movement",
                "Party",
                "Forces",
                "Force",
                "News",
                "TV",
                "Alliance",
                "Ministry",
                "Council",
                "Corps",
                "Institute",
                "Units",
                "Brigades",
                "Front",
            }
            suggested = (
                "media_outlet"
                if words[-1] in {"News", "TV", "Times", "Post"}
                else "organization"
                if set(words) & org_words
                else "person"
            )
            data = {"name": surface, "suggested_type": suggested}
            if best:
                data.update(likely_alias_of=self.gaz.aliases[best[0]], matched_alias=best[0], score=round(best[1], 1))
            out.append(Proposal("candidate", start, m.end(), 0.6 if best else 0.4, data))
        return out

    # --- dates ---------------------------------------------------------------------------------------

    def _dates(self, text: str, published: dt.date | None) -> list[Proposal]:
        out = []
        for m in DATE_RE.finditer(text):
            expr = m.group()
            value, precision, conf = resolve_date(expr, published)
            out.append(
                Proposal(
                    "date",
                    m.start(),
                    m.end(),
                    conf,
                    {"text": expr, "date": value.isoformat() if value else None, "precision": precision},
                )
            )
        return out


def resolve_date(expr: str, published: dt.date | None) -> tuple[dt.date | None, str | None, float]:
    """Resolve a date expression against the publication date (dateparser for the parsing)."""
    import dateparser

    low = expr.lower().removeprefix("on ").removeprefix("in ")
    if re.fullmatch(r"\w+ \d{1,2}, \d{4}", expr):
        parsed = dateparser.parse(expr)
        return (parsed.date() if parsed else None), "day", 0.95
    if published is None:
        return None, None, 0.1
    base = dt.datetime.combine(published, dt.time())
    if low in {"last year"}:
        return dt.date(published.year - 1, 1, 1), "year", 0.8
    if low in {"earlier this month", "this month"}:
        return dt.date(published.year, published.month, 1), "month", 0.8
    if low == "last month":
        first = dt.date(published.year, published.month, 1) - dt.timedelta(days=1)
        return dt.date(first.year, first.month, 1), "month", 0.8
    if low in {"this week", "last week"}:
        return dt.date(published.year, published.month, 1), "month", 0.5
    if low in {"today", "yesterday"}:
        return (published if low == "today" else published - dt.timedelta(days=1)), "day", 0.9
    weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    if low in weekdays:
        back = (published.weekday() - weekdays.index(low)) % 7
        return published - dt.timedelta(days=back), "day", 0.7
    parsed = dateparser.parse(low, settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    if parsed is None:
        return None, None, 0.1
    precision = "day" if re.search(r"\d", low) else "month"
    value = parsed.date() if precision == "day" else dt.date(parsed.year, parsed.month, 1)
    return value, precision, 0.7


def _attribution_in(after: str) -> bool:
    return any(p.search(after) for p in AFTER)


__all__ = ["Extractor", "Gazetteer", "Proposal", "resolve_date"]
