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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import cues

K = 5
"""Precedents consulted per suggestion."""
MIN_SIMILARITY = 45.0
"""Below this token-set similarity (0-100) a curated statement is no precedent."""
LINK_SIMILARITY = 70.0
"""Words this similar, same speaker and close dates: the same remark reported by another article."""
LINK_DAYS = 7
STRONG_PRECEDENT = 80.0
"""A precedent this similar (0-100) suggests PLOVER where no cue names the act."""

CHANNEL_CUES: list[tuple[re.Pattern[str], str, float]] = [
    # before "told X": "told X via email" is an email
    (re.compile(r"\bin an? (?:e-?mail|emailed)\b|\b(?:by|via|over) e-?mail\b", re.I), "email", 0.85),
    (
        re.compile(
            r"(?i:\b(?:in|during|at the end of|in the course of) (?:an?|his|her|their|the) "
            r"(?:exclusive |televised |phone |telephone |short )?(?:interview|conversation)\b|\binterview with\b"
            r"|\b(?:gave|granted|published|aired|broadcast) an? (?:[\w-]+ )?interview\b)"
            r"|\b(?:told|said to|speaking to) (?:the )?[A-Z]|\b(?:in response to )?a question (?:from|by)\b"
            r"|\b(?:said|speaking) to (?=[^\sa-z\d])(?=[^\x00-\x7f])"
        ),
        "interview",
        0.8,
    ),
    (re.compile(r"\bpress conference\b|\bnews conference\b|\bbriefing\b", re.I), "press_conference", 0.85),
    (
        re.compile(
            r"\b(?:in|issued|released|published) an? (?:written |official )?statement\b"
            r"|\bstatement (?:issued|released)\b|\bcommuniqu"
            r"|\b(?:an?|the|its|his|her|their) (?:[\w-]+ )?statement (?:from|by|said|says|read|reads|added|stated)\b",
            re.I,
        ),
        "written_statement",
        0.85,
    ),
    (
        re.compile(
            r"\b(?:tweet(?:ed)?|posted|wrote on|on (?:(?:his|her|its|their) )?(?:X|Twitter|Telegram|Facebook|Instagram)"
            r"|(?i:in a (?:post|tweet|message)))\b"
        ),
        "social_media_post",
        0.8,
    ),
    (
        re.compile(
            r"\b(?:in|during|delivered) an? (?:televised )?(?:speech|address|sermon)\b"
            r"|\b(?:(?:to|will|would|did) address|address(?:ed|ing))\b"
            r"(?! (?:the |these |those |his |her |its |their )?(?:[\w-]+[’']s )?(?:[\w-]+ )?"
            r"(?:statements?|remarks?|comments?|concerns?|issues?|questions?|matter|claims?|reports?|allegations?)\b)",
            re.I,
        ),
        "speech",
        0.8,
    ),
    (
        re.compile(
            r"\b(?:during|at|in) (?:a |the |his |her |their )?(?:[\w-]+ )?(?:meeting|talks)\b|\bmet with\b"
            r"|\bmet (?=[A-Z])"
            r"|\bmeeting (?:with|between)\b|\bheld talks\b",
            re.I,
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
    r"\b(?:interview with|told|on|to|via|in a post on)\s+(?:(?:the|his|her|its|their)\s+)?"
    + OUTLET_NOUN
    + r"(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})"
    + r"|\b(?:an?|the)\s+(?:[a-z]+\s+)?(?P<outlet>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})\s+"
    r"(?:reporter|correspondent|journalist|interviewer)\b"
)
"""The outlet the words went to: "interview with X", "told X", or the outlet of the reporter who asked."""


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
    verb: str = ""


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
                        r["reporting_verb"],
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


def armed_group_names(aliases: dict[str, str], types: dict[str, str]) -> list[str]:
    """The known names of armed groups: a statement naming one speaks of the armed factions."""
    return sorted(a for a, i in aliases.items() if types.get(i) == "armed_group" and len(a) > 2)


def channel(sentence: str, known: dict[str, str], types: dict[str, str] | None = None) -> tuple[Suggestion, Suggestion]:
    """Channel and medium from the attribution's words; `known` maps aliases to actor ids, `types`
    ids to actor types."""
    for pattern, code, conf in CHANNEL_CUES:
        m = pattern.search(sentence)
        if m:
            medium = None
            mm = MEDIUM.search(sentence, max(0, m.start() - 5))
            named = (mm["name"] or mm["outlet"]) if mm else None
            if named and re.search(r"[a-z]\.$", named):
                named = named[:-1]  # the sentence's stop, not the name's ("told Harbour Times.")
            if code == "interview" and TOLD.match(m.group(0)) and mm and not _outlet_hearer(sentence, mm, known, types):
                continue  # "told the visiting minister", "told Ann Roe": a hearer, not an outlet
            if code in {"interview", "social_media_post", "media_report"}:
                named_id = known.get(named) if named else None
                is_outlet = named_id is not None and (types is None or types.get(named_id) == "media_outlet")
                outlet = None if is_outlet else _known_outlet(sentence, m, known, types)
                if outlet is not None:
                    medium, named = outlet
                elif named and (named_id is None or is_outlet):  # a known person is the one interviewed
                    medium = named_id or f"TODO-new-actor ({named})"
            cue = f"cue {m.group(0)!r}"
            basis = cue + (f", medium named {named!r}" if medium else "")
            return Suggestion("channel", code, conf, cue), Suggestion("medium", medium, conf if medium else 0.6, basis)
    return (
        Suggestion("channel", "unknown", 0.6, "no channel cue in the sentence"),
        Suggestion("medium", None, 0.7, "no medium named"),
    )


PUBLISHED = re.compile(r"\b(?:published|aired|broadcast|ran)\b", re.I)
"""An outlet that published the interview is the subject before the cue ("X TV also published an interview")."""
OUTLET_REACH = 60


def _known_outlet(
    sentence: str, cue: re.Match[str], known: dict[str, str], types: dict[str, str] | None
) -> tuple[str, str] | None:
    """A known outlet the cue's words name however introduced ("an interview with the Lebanese X TV"), or the
    subject that published it: the nearest known outlet after the cue, or before a publishing cue."""
    if types is None:
        return None
    publishing = PUBLISHED.search(cue.group(0)) is not None
    lo, hi = (0, cue.start()) if publishing else (cue.start(), cue.end() + OUTLET_REACH)
    best: tuple[int, int, str, str] | None = None
    for alias, actor in known.items():
        if types.get(actor) != "media_outlet" or len(alias) < 3:
            continue
        for hit in re.finditer(rf"(?<![\w’'-]){re.escape(alias)}(?![\w’'-])", sentence[lo:hi]):
            rank = (-(hit.start()) if publishing else hit.start(), -len(alias), actor, alias)
            if best is None or rank < best:
                best = rank
    return (best[2], best[3]) if best else None


STAY = re.compile(r"\b(?:presence|stay\w*|remain\w*|keep\w*|footprint|bases?)\b", re.I)
"""Words of the forces' stay: a threat that names it is a stance on it."""
TITLED = re.compile(
    r"\b(?:PM|President|Prime|Minister|Premier|King|Emir|Prince|Leader|Speaker|Chancellor|Governor|Mayor"
    r"|Ambassador|Envoy|Secretary|General|Commander|Sheikh|Ayatollah|Senator|Chairman)\b"
)
"""A title in the name of the one told: a person, not an outlet."""
TOLD = re.compile(r"(?:told|said to|speaking to) ")
ROLE_AFTER = re.compile(
    r"\s+(?!(?:news|agency|newspaper|magazine|daily|channel|television|tv|radio|website"
    r"|that|about|on|in|via|by|during|after|before|at|of|for|last|this|earlier|recently|when|while|and|it|its"
    r"|he|she|they|we|how|what|why|if|which|who|there)\b)[a-z]"
)
"""A role noun after the one told ("told the Iraqi prime minister"): a hearer; a conjunction or a
preposition ("told X that", "told X on Monday") is no role."""


def _outlet_hearer(sentence: str, mm: re.Match[str], known: dict[str, str], types: dict[str, str] | None) -> bool:
    """The one told is an outlet: not a known actor of another type, not a role described after a
    capitalised word ("the Iraqi prime minister")."""
    named = mm["name"] or mm["outlet"] or ""
    actor = known.get(named.rstrip("."))
    if actor is not None and types is not None:
        return types.get(actor) == "media_outlet"
    if TITLED.search(named):
        return False  # "told the Iraqi PM", "told Prime Minister X": a person by his title
    return not ROLE_AFTER.match(sentence, mm.end())


def coded(
    quote: str,
    corpus: Corpus,
    verb: str | None = None,
    armed_groups: Sequence[str] = (),
    commentary: bool = False,
    setting: str = "",
) -> list[Suggestion]:
    """PLOVER, stance and topics: the codebook's cue words first (cues.py), else the vote of the nearest
    curated statements weighted by similarity; the basis names the cue or the precedents. An analyst's
    `commentary` is coded by the codebook's rule for it, not by precedents that are parties' acts;
    `setting` is the article's sentence around the words, which may name what they refer to."""
    if commentary:
        return analyst_coded(quote, armed_groups, setting)
    near = corpus.nearest(quote)
    cited = ", ".join(f"{p.statement_id} {s / 100:.2f}" for p, s in near) or "none similar"
    voted = precedent_vote(near)
    category, why = cues.plover(quote, verb)
    found, topic_why = cues.topics(quote, armed_groups)
    if category:
        plover = _plover_value(category, quote, found, near)
        pl = Suggestion("plover", plover, 0.6, f"{why}; precedents {cited}", _shown(plover))
    elif near and near[0][1] >= STRONG_PRECEDENT and not cues.QUESTION.search(quote) and voted["plover"][0]:
        pl = Suggestion(
            "plover", voted["plover"][0], voted["plover"][1], f"precedents {cited}", _shown(voted["plover"][0])
        )
    else:
        pl = Suggestion("plover", None, 0.4, f"{why}; code it by the rules if it performs an act")
    side, side_why = cues.stance(quote, verb)
    if side is None and category == "THREATEN" and not STAY.search(quote):  # a threat to the forces, not their stay
        side, side_why = "not_addressed", f"{side_why}; a threat, no call for their end (the codebook)"
    if side is None and near:
        stance = Suggestion(
            "stance_us_presence", voted["stance"][0], voted["stance"][1], f"{side_why}; precedents {cited}"
        )
    else:
        stance = Suggestion("stance_us_presence", side or "not_addressed", 0.6, side_why)
    if stance.value != "not_addressed" and "us_military_presence" not in found:
        found = sorted([*found, "us_military_presence"])  # a stance on the presence always carries it
        topic_why += f"; us_military_presence with the stance {stance.value}"
    return [pl, stance, Suggestion("topics", found, 0.6 if found else 0.4, f"own words: {topic_why}")]


US_MILITARY = re.compile(
    r"\b(?:US|U\.S\.|American|America[’']s|Washington[’']s)\s+(?:military|soldiers|personnel|advisers|advisors"
    r"|troops|forces|bases|mission|presence|footprint)\b"
)
"""US forces named by the state's word ("the US military", "American soldiers"): the presence spoken of."""
REFERRING = re.compile(
    r"\b(?:the|this|that|its|their)\s+(?:\w+\s+)?(?:transition|withdrawal|drawdown|pullout|departure|exit|mission"
    r"|presence|deployment|plan|timetable)\b",
    re.I,
)
"""Words referring to a presence or its end named elsewhere ("the transition", "the withdrawal plan")."""
US_WORD = re.compile(r"\b(?:US|U\.S\.|American|Americans|Washington|United States)\b")
COMMENTARY = "an analyst's commentary performs no act towards an actor (docs/curation.md, PLOVER)"


def analyst_coded(quote: str, armed_groups: Sequence[str] = (), setting: str = "") -> list[Suggestion]:
    """An analyst's remark (docs/curation.md): no PLOVER act; stance `neutral` where the words speak of
    the presence, whatever side they describe, else `not_addressed`; topics from the words. Words
    referring back ("the transition", "the mission") speak of the presence where the article's sentence
    they sit in (`setting`, the words blanked) names it: anaphora identifies a referent (coverage rule 1)."""
    found, topic_why = cues.topics(quote, armed_groups)
    side, side_why = cues.stance(quote)
    named = US_MILITARY.search(quote)
    referred = REFERRING.search(quote)
    if not named and referred and "us_military_presence" not in found:
        around = US_MILITARY.search(setting)
        if around is None and US_WORD.search(setting):  # "Washington's withdrawal", "the US-led coalition"
            around = cues.TOPIC_WORDS["us_military_presence"].search(setting)
        named = around
        if around:
            topic_why = f"{topic_why}; {referred.group(0)!r} is what its sentence names"
            side_why = f"{side_why}; its sentence names the presence {referred.group(0)!r} refers to"
    if named and "us_military_presence" not in found:
        found = sorted([*found, "us_military_presence"])
        topic_why = f"{topic_why}; us_military_presence {named.group(0)!r}"
    if side in {"demands_withdrawal", "neutral"} or "us_military_presence" in found:
        stance = Suggestion("stance_us_presence", "neutral", 0.6, f"{side_why}; an analyst describes, takes no side")
        if "us_military_presence" not in found:
            found = sorted([*found, "us_military_presence"])  # a stance on the presence always carries it
    else:
        stance = Suggestion("stance_us_presence", "not_addressed", 0.6, f"{side_why}; an analyst's words")
    return [
        Suggestion("plover", None, 0.6, COMMENTARY),
        stance,
        Suggestion("topics", found, 0.6 if found else 0.4, f"own words: {topic_why}"),
    ]


def precedent_vote(near: list[tuple[Precedent, float]]) -> dict[str, tuple[Any, float]]:
    """The precedents' weighted vote on PLOVER and stance, with a confidence from the best similarity."""
    if not near:
        return {"plover": (None, 0.2), "stance": ("not_addressed", 0.2)}
    total = sum(s for _, s in near)

    def vote(values: list[tuple[Any, float]]) -> tuple[Any, float]:
        tally: Counter[Any] = Counter()
        for v, s in values:
            tally[v] += s
        value, weight = tally.most_common(1)[0]
        return value, round(near[0][1] / 100 * weight / total, 2)

    (category, mode, context), pc = vote([((p.plover, p.mode, p.context), s) for p, s in near])
    plover = {"category": category, "mode": mode, "context": list(context)} if category else None
    return {"plover": (plover, pc), "stance": vote([(p.stance, s) for p, s in near])}


CONTEXTS = {"us_military_presence": "military", "armed_factions": "military", "economy_and_trade": "economic"}
YIELD = re.compile(
    r"\b(?:withdraw\w*|leave|exit|remov\w*|expel\w*|dissol\w*|disband\w*|disarm\w*|halt|stop|end)\b", re.I
)


def _plover_value(category: str, quote: str, topics: list[str], near: list[tuple[Precedent, float]]) -> dict[str, Any]:
    """Mode and context for a category a cue named: the codebook's rules, else the nearest precedent's."""
    mode = None
    if category == "THREATEN":
        mode = "violence"
    elif category in {"REQUEST", "REJECT"} and YIELD.search(quote):
        mode = "yield"
    context = sorted({CONTEXTS[t] for t in topics if t in CONTEXTS})
    if not context:
        same = [p for p, _ in near if p.plover == category and p.context]
        context = list(same[0].context) if same else []
    return {"category": category, "mode": mode, "context": context}


def _shown(plover: dict[str, Any] | None) -> str | None:
    if not plover:
        return None
    return "/".join(x for x in (plover["category"], plover["mode"], ",".join(plover["context"])) if x)


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


__all__ = [
    "Corpus",
    "Precedent",
    "Suggestion",
    "armed_group_names",
    "channel",
    "coded",
    "linked_utterance",
    "precedent_vote",
]
