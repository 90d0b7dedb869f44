"""Coded-field suggestions for a drafted statement: cues in its sentence, and precedents in the corpus.

Channel and medium come from the words of the attribution ("in a statement", "in an interview
with X", "on X"). PLOVER, stance and topics come from the most similar curated statements
(rapidfuzz over their words): each suggestion carries the precedents' ids and similarities, so the
curator checks it against the cases it rests on, and it improves as the corpus grows. A remark
also reported by a curated article links to that utterance when the speaker is the same, the dates
are close and the words are similar.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

K = 5
"""Precedents consulted per suggestion."""
MIN_SIMILARITY = 45.0
"""Below this token-set similarity (0-100) a curated statement is no precedent."""
LINK_SIMILARITY = 70.0
"""Words this similar, same speaker and close dates: the same remark reported by another article."""
LINK_DAYS = 7

CHANNEL_CUES: list[tuple[re.Pattern[str], str, float]] = [
    (
        re.compile(
            r"(?i:\b(?:in|during|at the end of|in the course of) (?:an?|his|her|their|the) "
            r"(?:exclusive |televised |phone |telephone |short )?(?:interview|conversation)\b|\binterview with\b)"
            r"|\btold (?:the )?[A-Z]"
        ),
        "interview",
        0.8,
    ),
    (re.compile(r"\bpress conference\b|\bnews conference\b|\bbriefing\b", re.I), "press_conference", 0.85),
    (
        re.compile(
            r"\b(?:in|issued|released|published) an? (?:written |official )?statement\b"
            r"|\bstatement (?:issued|released)\b|\bcommuniqu",
            re.I,
        ),
        "written_statement",
        0.85,
    ),
    (
        re.compile(r"\b(?:tweet(?:ed)?|posted|wrote on|on (?:X|Twitter|Telegram|Facebook|Instagram)|in a post)\b"),
        "social_media_post",
        0.8,
    ),
    (re.compile(r"\bin an? (?:e-?mail|emailed)\b|\bby e-?mail\b", re.I), "email", 0.85),
    (
        re.compile(r"\b(?:in|during|delivered) an? (?:televised )?(?:speech|address|sermon)\b|\baddressing\b", re.I),
        "speech",
        0.8,
    ),
    (
        re.compile(
            r"\b(?:during|at|in) (?:a |the |his |her |their )?(?:meeting|talks)\b|\bmet with\b|\bmeeting with\b", re.I
        ),
        "meeting",
        0.7,
    ),
    (
        re.compile(r"\baccording to (?:the )?[A-Z][\w-]* (?:news )?(?:agency|report|website|channel)\b|\breported\b"),
        "media_report",
        0.5,
    ),
]
OUTLET_NOUN = r"(?:(?:[A-Z][a-z]+\s+)?(?:magazine|newspaper|daily|weekly|agency|channel|network|website)\s+)?"
MEDIUM = re.compile(
    r"\b(?:interview with|told|on|to|via|in a post on)\s+(?:the\s+)?"
    + OUTLET_NOUN
    + r"(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})"
)


@dataclass
class Suggestion:
    """A proposed value for one field, with how sure and on what it rests."""

    field: str
    value: Any
    confidence: float
    basis: str
    shown: str | None = None

    def line(self) -> str:
        shown = self.shown or ("null" if self.value is None else self.value)
        return f"{self.field}: {shown} ({self.confidence:.2f}; {self.basis})"


@dataclass
class Precedent:
    statement_id: str
    speaker: str
    quote: str
    plover: str | None
    mode: str | None
    context: tuple[str, ...]
    stance: str
    topics: list[str]
    utterance: str
    said_date: dt.date | None


@dataclass
class Corpus:
    """The curated statements as precedents, read from the built CSV tables."""

    statements: list[Precedent] = field(default_factory=list)

    @classmethod
    def read(cls, data: Path) -> Corpus:
        if not (data / "statements.csv").exists():
            return cls()
        topics: dict[str, list[str]] = defaultdict(list)
        with (data / "statement_topics.csv").open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                topics[row["statement_id"]].append(row["topic"])
        out = []
        with (data / "statements.csv").open(encoding="utf-8-sig", newline="") as fh:
            for r in csv.DictReader(fh):
                out.append(
                    Precedent(
                        r["statement_id"],
                        r["speaker_id"],
                        r["quote"],
                        r["plover_category"] or None,
                        r["plover_mode"] or None,
                        tuple(r["plover_context"].split(";")) if r["plover_context"] else (),
                        r["stance_us_presence"],
                        topics.get(r["statement_id"], []),
                        r["utterance_id"],
                        dt.date.fromisoformat(r["said_date"]) if r["said_date"] else None,
                    )
                )
        return cls(out)

    def nearest(self, quote: str) -> list[tuple[Precedent, float]]:
        from rapidfuzz import fuzz, process

        if not self.statements:
            return []
        hits = process.extract(
            quote, [p.quote for p in self.statements], scorer=fuzz.token_set_ratio, limit=K, score_cutoff=MIN_SIMILARITY
        )
        return [(self.statements[i], score) for _, score, i in hits]


def channel(sentence: str, known: dict[str, str]) -> tuple[Suggestion, Suggestion]:
    """Channel and medium from the attribution's words; `known` maps aliases to actor ids."""
    for pattern, code, conf in CHANNEL_CUES:
        m = pattern.search(sentence)
        if m:
            medium = None
            mm = MEDIUM.search(sentence, max(0, m.start() - 5))
            if mm and code in {"interview", "social_media_post", "media_report"}:
                medium = known.get(mm["name"]) or f"TODO-new-actor ({mm['name']})"
            cue = f"cue {m.group(0)!r}"
            basis = cue + (f", medium named {mm['name']!r}" if medium else "")
            return Suggestion("channel", code, conf, cue), Suggestion("medium", medium, conf if medium else 0.6, basis)
    return (
        Suggestion("channel", "unknown", 0.6, "no channel cue in the sentence"),
        Suggestion("medium", None, 0.7, "no medium named"),
    )


def coded(quote: str, corpus: Corpus) -> list[Suggestion]:
    """PLOVER, stance and topics by the vote of the nearest curated statements, weighted by similarity."""
    near = corpus.nearest(quote)
    if not near:
        return [
            Suggestion("plover", None, 0.2, "no similar curated statement; code it by the rules"),
            Suggestion("stance_us_presence", "not_addressed", 0.2, "no similar curated statement"),
            Suggestion("topics", [], 0.2, "no similar curated statement"),
        ]
    total = sum(s for _, s in near)
    cited = ", ".join(f"{p.statement_id} {s / 100:.2f}" for p, s in near)

    def vote(values: list[tuple[Any, float]]) -> tuple[Any, float]:
        tally: Counter[Any] = Counter()
        for v, s in values:
            tally[v] += s
        value, weight = tally.most_common(1)[0]
        return value, round(near[0][1] / 100 * weight / total, 2)

    plover, pc = vote([((p.plover, p.mode, p.context), s) for p, s in near])
    stance, sc = vote([(p.stance, s) for p, s in near])
    topic_weight: Counter[str] = Counter()
    for p, s in near:
        for t in p.topics:
            topic_weight[t] += s
    topics = sorted(t for t, w in topic_weight.items() if w >= total / 2)
    tc = round(near[0][1] / 100 * (min(topic_weight[t] for t in topics) / total if topics else 0.5), 2)
    value = {"category": plover[0], "mode": plover[1], "context": list(plover[2])} if plover[0] else None
    shown = "/".join(x for x in (plover[0], plover[1], ",".join(plover[2])) if x) if plover[0] else None
    return [
        Suggestion("plover", value, pc, f"precedents {cited}", shown),
        Suggestion("stance_us_presence", stance, sc, f"precedents {cited}"),
        Suggestion("topics", topics, tc, f"precedents {cited}"),
    ]


def linked_utterance(
    quote: str, speaker: str | None, said: dt.date | None, corpus: Corpus
) -> tuple[str, float, str] | None:
    """The curated utterance this remark repeats: same speaker, dates within LINK_DAYS, similar words."""
    from rapidfuzz import fuzz

    if not speaker:
        return None
    best: tuple[str, float, str] | None = None
    for p in corpus.statements:
        if p.speaker != speaker:
            continue
        if said and p.said_date and abs((said - p.said_date).days) > LINK_DAYS:
            continue
        score = fuzz.token_set_ratio(quote, p.quote)
        if score >= LINK_SIMILARITY and (best is None or score > best[1]):
            best = (p.utterance, score, p.statement_id)
    return best


__all__ = ["Corpus", "Precedent", "Suggestion", "channel", "coded", "linked_utterance"]
