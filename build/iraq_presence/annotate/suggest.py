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

from . import acts, cues
from .dates import MONTHS as DATE_MONTHS
from .dates import WEEKDAYS
from .lexicon import INSTITUTION_HEADS, MEDIA_WORDS

K = 5
"""Precedents consulted per suggestion."""
MIN_SIMILARITY = 45.0
"""Below this token-set similarity (0-100) a curated statement is no precedent."""
LINK_SIMILARITY = 70.0
"""Words this similar, same speaker and close dates: the same remark reported by another article."""
LINK_DAYS = 7
NO_ACT = "no cue names an act"
"""cues.plover's basis where neither the cue verb nor the words name an act."""
STRONG_PRECEDENT = 80.0
"""A precedent this similar (0-100) suggests PLOVER where no cue names the act."""

CHANNEL_CUES: list[tuple[re.Pattern[str], str, float]] = [
    # before "told X": "told X via email" is an email
    (re.compile(r"\bin an? (?:e-?mail|emailed)\b|\b(?:by|via|over) e-?mail\b", re.I), "email", 0.85),
    (
        re.compile(
            r"(?i:\b(?:in|during|at the end of|in the course of) (?:an?|his|her|their|the) "
            r"(?:exclusive |televised |phone |telephone |short |on-stage |live |recorded )?(?:interview|conversation)\b"
            r"|\binterview (?:with|by)\b"
            r"|\b(?:gave|granted|published|aired|broadcast) an? (?:[\w-]+ )?interview\b)"
            r"|\b(?:told|said to|(?:confirmed|explained|revealed|disclosed) to|[Ss]peaking to|[Tt]alking to)"
            r" (?:the )?[A-Z]"
            r"|\b(?:in response to )?a question (?:from|by)\b"
            r"|\b(?:said|speaking) to (?=[^\sa-z\d])(?=[^\x00-\x7f])"
        ),
        "interview",
        0.8,
    ),
    (re.compile(r"\bpress conference\b|\bnews conference\b|\bbriefing\b", re.I), "press_conference", 0.85),
    # remarks to the press gathered there: the codebook's press conference (Channel)
    (
        re.compile(
            r"\b(?:told|telling|speaking to|spoke to|talking to|said to) (?:the )?(?:reporters|journalists|press)\b"
        ),
        "press_conference",
        0.6,
    ),
    # a statement aired on a channel was spoken to its audience: a speech, the channel its medium
    (
        re.compile(
            r"\b(?:statement|remarks|message|address)\s+(?:aired|broadcast|televised)\s+(?:on|by)\b"
            r"|\b(?:televised|video(?:taped)?)\s+(?:statement|message|address|remarks)\b",
            re.I,
        ),
        "speech",
        0.7,
    ),
    # before "in a statement": words given to an outlet are an interview through it, the outlet the medium
    (
        re.compile(r"\b(?:statements?|remarks|comments)\s+(?:to|with)\s+(?:the\s+)?(?=[A-Z]|(?:news|press)\b)"),
        "interview",
        0.7,
    ),
    (
        re.compile(
            r"\b(?:in|issue[sd]|release[sd]|publishe[sd]) an? (?:(?!televised|video|verbal|oral)[\w-]+ )?statement\b"
            r"|\bstatement (?:issued|released)\b|\bcommuniqu|\b(?:press|news) release\b"
            r"|\b(?:an?|the|its|his|her|their) (?:[\w-]+ ){0,2}statement"
            r" (?:from|by|said|says|read|reads|added|stated)\b",
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
            r"|\b(?:[Ss]peaking|spoke|speaks|said|says) (?:at|during) (?:an?|the) (?:[\w’'-]+ ){0,4}"
            r"(?:event|ceremony|memorial|rally|commemoration|gathering|festival|funeral|celebration|forum|conference|summit|seminar|symposium)\b"
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
OUTLET_NOUN = (
    r"(?:(?:[A-Z][\w.-]*[’']s\s+)?(?:[A-Z][a-z]+\s+)?(?:(?:official|state|state-run|semi-official|government|news)\s+){0,2}"
    r"(?:magazine|newspaper|daily|weekly|agency|channel|network|website|broadcaster|television)\s+)?"
)
"""The outlet's description before its name ("the Valeian daily X", "Vale's official news agency X")."""
CALENDAR = rf"(?!(?:{'|'.join(w.capitalize() for w in WEEKDAYS)}|{DATE_MONTHS})\b)"
"""A day or a month after "on" is a date, never an outlet ("in an interview, on Tuesday")."""
MEDIUM = re.compile(
    r"\b(?:interview (?:with|by)|(?:statements?|remarks|comments)\s+(?:to|with)|told|on|to|via|in a post on)\s+"
    r"(?:(?:the|his|her|its|their)\s+)?"
    + OUTLET_NOUN
    + CALENDAR
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
            if named and (re.search(r"[a-z]\.$", named) or re.search(r"(?:^|\s)[^\s.]+\.$", named)):
                named = named[:-1]  # the sentence's stop, not the name's ("told Harbour Times.", "told VNA.")
            if named:
                named = DESCRIBED_OUTLET.sub("", named)  # "the Arabic-language Al X": the outlet is "Al X"
            if named and (reporter := re.match(r"(?P<outlet>.+?)[’']s\s+[A-Z]", named)):
                named = reporter["outlet"]  # "told Vale Wire's Tom Hale": the outlet of its reporter
            if code == "interview" and TOLD.match(m.group(0)) and mm and not _outlet_hearer(sentence, mm, known, types):
                continue  # "told the visiting minister", "told Ann Roe": a hearer, not an outlet
            if code == "interview" and GIVEN.match(m.group(0)) and not _given_outlet(sentence, m, mm, known, types):
                continue  # "a statement to the council": a written statement, no outlet
            if named and mm and mm["name"] and named not in known:
                named = _without_demonym(named)  # "the Valeian X newspaper": X
            if code == "media_report" and (by := REPORTED_BY.search(sentence)) is not None:
                named = by["name"]  # "…, X daily reported": the outlet that reported the words
            if code in {"interview", "social_media_post", "media_report"} or AIRED_ON.search(m.group(0)):
                named_id = known.get(named) if named else None
                is_outlet = named_id is not None and (types is None or types.get(named_id) == "media_outlet")
                outlet = None if is_outlet else _known_outlet(sentence, m, known, types)
                if outlet is not None:
                    medium, named = outlet
                elif named and (named_id is None or is_outlet):  # a known person is the one interviewed
                    medium = named_id or f"TODO-new-actor ({named})"
            if code == "interview" and medium is None and (credited := _according_outlet(sentence, known, types)):
                medium, named = credited  # "According to X TV, Y told in an interview": the outlet carried it
            cue = f"cue {m.group(0)!r}"
            basis = cue + (f", medium named {named!r}" if medium else "")
            return Suggestion("channel", code, conf, cue), Suggestion("medium", medium, conf if medium else 0.6, basis)
    return (
        Suggestion("channel", "unknown", 0.6, "no channel cue in the sentence"),
        Suggestion("medium", None, 0.7, "no medium named"),
    )


AIRED_ON = re.compile(r"\b(?:aired|broadcast|televised)\s+(?:on|by)\b", re.I)
"""A speech carried by a channel: the channel is its medium."""
ACCORDING = re.compile(r"\b[Aa]ccording to (?:the )?(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})")
OUTLET_WORD = re.compile(rf"\b(?:{'|'.join(sorted(MEDIA_WORDS))})\.?$")
"""The last word of a name that is an outlet's ("X TV", "X News")."""


def _according_outlet(sentence: str, known: dict[str, str], types: dict[str, str] | None) -> tuple[str, str] | None:
    """The outlet an interview is credited to ("According to X TV, …"): a known outlet, or a name ending
    in an outlet's word; its id (or a new actor's TODO) and the name."""
    m = ACCORDING.search(sentence)
    if m is None:
        return None
    name = m["name"].rstrip(".")
    actor = known.get(name)
    if actor is not None:
        return (actor, name) if types is None or types.get(actor) == "media_outlet" else None
    return (f"TODO-new-actor ({name})", name) if OUTLET_WORD.search(name) else None


DESCRIBED_OUTLET = re.compile(r"^[A-Z][a-z]+-(?:language|based|run|owned|funded|affiliated|backed)\s+(?=[A-Z])")
"""A describing word before an outlet's name ("Arabic-language", "Doha-based"): not part of the name."""
REPORTED_BY = re.compile(
    r"(?<![\w’'-])(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+"
    r"(?:(?:news\s+)?(?:daily|newspaper|agency|website|channel|network|weekly|magazine)\s+)?reported\b"
)
"""The outlet before "reported" ("X daily reported", "X news agency reported")."""
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
TOLD = re.compile(r"(?:told|said to|(?:confirmed|explained|revealed|disclosed) to|[Ss]peaking to|[Tt]alking to) ")
GIVEN = re.compile(r"(?:statements?|remarks|comments)\s")
OUTLET_NEAR = re.compile(
    r"\b(?:news|press|agency|newspaper|daily|weekly|magazine|channel|network|website|broadcaster|TV|television"
    r"|radio)\b",
    re.I,
)
"""An outlet noun by the name the words went to ("a statement to the X newspaper")."""


def _given_outlet(
    sentence: str, cue: re.Match[str], mm: re.Match[str] | None, known: dict[str, str], types: dict[str, str] | None
) -> bool:
    """Words given "to" or "with" an outlet: a known outlet, or a name with an outlet noun beside it."""
    if mm is None or mm.start() > cue.end():
        return False
    named = (mm["name"] or "").rstrip(".")
    if named in known:
        return types is None or types.get(known[named]) == "media_outlet"
    return OUTLET_NEAR.search(sentence, cue.start(), min(len(sentence), mm.end() + 25)) is not None


def _without_demonym(name: str) -> str:
    """An outlet's name without the nationality word before it ("the Valeian Al-X newspaper" is "Al-X"),
    unless what is left is only an outlet noun ("Valeian Times")."""
    first, _, rest = name.partition(" ")
    demonym = first.endswith(("ian", "ese", "ish", "i")) and first[:1].isupper()
    generic = re.fullmatch(r"(?:Times|Gazette|Post|Daily|News|Herald|Tribune|Journal|Press|Observer)", rest)
    return rest if rest[:1].isupper() and demonym and not generic else name


ROLE_AFTER = re.compile(
    r"\s+(?!(?:news|agency|newspaper|magazine|daily|channel|television|tv|radio|website"
    r"|that|about|on|in|via|by|during|after|before|at|of|for|last|this|earlier|recently|when|while|and|it|its"
    r"|he|she|they|we|how|what|why|if|which|who|there|late|early|yesterday|today|tonight|overnight|exclusively"
    r"|separately|shortly|from|with|as|over|while|since|amid|following|ahead|because|through|upon|until)\b)[a-z]"
)
"""A role noun after the one told ("told the Iraqi prime minister"): a hearer; a conjunction, a
preposition or a word of time ("told X that", "told X on Monday", "told X late Wednesday") is no role."""


def _outlet_hearer(sentence: str, mm: re.Match[str], known: dict[str, str], types: dict[str, str] | None) -> bool:
    """The one told is an outlet: not a known actor of another type, not a role described after a
    capitalised word ("the Iraqi prime minister")."""
    named = mm["name"] or mm["outlet"] or ""
    actor = known.get(named, known.get(named.rstrip(".")))  # "U.S." is an alias with its stop
    if actor is not None and types is not None:
        return types.get(actor) == "media_outlet"
    if TITLED.search(named):
        return False  # "told the Iraqi PM", "told Prime Minister X": a person by his title
    if named.split()[-1:] and named.split()[-1] in INSTITUTION_HEADS:
        return False  # "speaking to the Congress", "told the Council": a body, not an outlet
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
    category, why = first_act(quote, verb)
    found, topic_why = own_topics(quote, armed_groups)
    if category:
        plover = _plover_value(category, quote, found, near)
        pl = Suggestion("plover", plover, 0.6, f"{why}; precedents {cited}", _shown(plover))
    elif _strong(quote, near) and not cues.QUESTION.search(quote) and voted["plover"][0]:
        pl = Suggestion(
            "plover", voted["plover"][0], voted["plover"][1], f"precedents {cited}", _shown(voted["plover"][0])
        )
    else:
        pl = Suggestion("plover", None, 0.4, f"{why}; code it by the rules if it performs an act")
    side, side_why = cues.stance(quote, verb)
    if (
        side is None and category == "THREATEN" and not (STAY.search(quote) or END_IT.search(quote))
    ):  # a threat to the forces, not their stay
        side, side_why = "not_addressed", f"{side_why}; a threat, no call for their end (the codebook)"
    if side == "demands_withdrawal" and category in {None, "AGREE", "CONSULT", "CONCEDE"}:
        side, side_why = _discussed(quote, side_why)  # a withdrawal only discussed, no act against the stay
    out = (
        (US_TO_LEAVE.search(quote) if category == "REQUEST" else US_OUT_END.search(quote))
        if side == "not_addressed"
        else None
    )
    if out:  # "(wish) the US to withdraw": the state for its forces, asked to go
        side, side_why = "demands_withdrawal", f"words {out.group(0)!r}, a call for the state's forces to go"
    stance = (
        Suggestion("stance_us_presence", side, 0.6, side_why)
        if side
        else side_of_presence(quote, side_why, category, verb)
    )
    if stance.value != "not_addressed" and "us_military_presence" not in found:
        found = sorted([*found, "us_military_presence"])  # a stance on the presence always carries it
        topic_why += f"; us_military_presence with the stance {stance.value}"
    return [pl, stance, Suggestion("topics", found, 0.6 if found else 0.4, f"own words: {topic_why}")]


END_IT = re.compile(
    r"\b(?:(?:put|putting|puts)\s+an\s+end[”\"’]?\s+to|end(?:s|ed|ing)?|terminat\w+|oust\w*|kick\w*\s+out"
    r"|get(?:s|ting)?\s+(?:the\s+)?\w+\s+out)\s+(?:(?:the|this|that|its|their|any|all)\s+)?[“\"‘]?(?:[\w-]+\s+){0,3}?"
    r"(?:presence|existence|coalition|forces|troops|mission|occupation|Americans)\b"
    r"|\b(?:getting|get|kick\w*|drive\w*|forc\w*)\s+(?:the\s+)?(?:Americans|US|U\.S\.|United\s+States[’']?|foreign)\s+"
    r"(?:troops\s+|forces\s+)?out\b",
    re.I,
)
"""Ending the presence named ("to put an end to the garrison", "to end the mission"): a call for it."""
STRUCK = re.compile(
    r"\b(?:attack\w*|target\w*|strik\w*|struck|aggression|assault\w*|shell\w*|rocket\w*|violence)[”\"’]?\s+"
    r"(?:[\w.’'-]+\s+){0,6}?(?:forces|troops|bases?|coalition)\b"
    r"|\b(?:forces|troops|bases?|coalition)\b(?:\s+[\w.-]+){0,4}?\s+(?:were|was|have been|has been|had been)\s+"
    r"(?:attacked|targeted|struck|hit)\b",
    re.I,
)
"""Violence against the forces or their base spoken of ("raids on the garrison's troops", "hitting the bases"): not
their stay (docs/curation.md, Stance: a threat of violence against the troops is `not_addressed`)."""
HOSTED = re.compile(r"\b(?:hosts?|hosting|houses|housing)\s+(?:[\w.,’'-]+\s+){0,5}?(?:forces|troops)\b", re.I)
"""The forces named only as a base's guests ("the air base, which hosts the garrison's troops"): where the words
take no side on them, not their stay either."""


US_TO_LEAVE = re.compile(
    r"\b(?:US|U\.S\.|United States|America|Americans|Washington)\s+(?:to\s+)?"
    r"(?:leave|withdraw|exit|pull\s+out|get\s+out)\b"
)
NOT_ALLOW = re.compile(r"\bnot\s+(?:to\s+|be\s+able\s+to\s+)?(?:allow|permit|accept|tolerate)\b", re.I)
"""A refusal to let the forces stay ("shall not permit them", "not to allow the troops to linger")."""
OWN_FORCES = re.compile(
    r"(?:\b(?:Iraqi|Iraq[’']s|armed|security|regular|government|state|its own|their own)\s+(?:[\w-]+\s+)?"
    r"|(?<![\w.-])(?!(?:US|U\.S\.|American|Foreign|Coalition|NATO|International)\b)[A-Z][\w’'-]*\s+)$"
)
"""Before "forces": a state's own or a named force ("the Valeian armed forces", "the Dovra Hill Forces"), not the
foreign presence the stance is about."""
SIDE_ACTS = {"REJECT", "ACCUSE", "THREATEN"}
KEPT = re.compile(
    r"\b(?:troops|forces|presence|mission|coalition)\b[^.;]{0,40}?\b(?:will|would|to)\s+(?:\w+\s+)?(?:remain|stay)\b"
    r"|\bpresence\s+(?:[\w’'-]+\s+){0,2}?as\s+advisory\b|\b(?:on|at)\s+the\s+request\s+of\b"
    r"|\b(?:no|not\s+be\s+an?y?)\s+(?:significant\s+|major\s+)?change\s+in\s+(?:the\s+)?(?:number\s+of\s+)?troop"
    r"|\b(?:keep|keeping|maintain\w*)\s+(?:[\w.’'-]+\s+){0,3}?(?:troops|forces|presence)\b"
    r"|\bnon-combat\b|\badvisory\s+(?:role|capacity|mission)\b|\bpurely\s+for\s+training\b",
    re.I,
)
"""The forces' stay stated, or its basis ("the garrison will stay on to train", "holds their presence as
advisory", "at the request of the council", "no major change in troop levels"): the schema's `accepts`, the
continued presence accepted in some form."""
HEARSAY = re.compile(
    r"\b(?:expected|likely|set)\s+to\b|\b(?:may|might|could)\b|\b(?:we are|were|was)\s+told\b|\bclaim\w*", re.I
)
"""An expectation or a report of another's claim ("the garrison is expected to stay", "we were told …"): no side."""
US_END = re.compile(r"\b(?:Americans|US|U\.S\.)\b")
US_OUT_END = re.compile(
    r"\b(?:getting|get|kick\w*|drive\w*|forc\w*)\s+(?:the\s+)?(?:Americans|US|U\.S\.|United\s+States[’']?)\s+"
    r"(?:troops\s+|forces\s+)?out\b"
)
"""The state's forces driven out ("to get the US out"): a call for their end with no presence word."""
OWN_ENDED = re.compile(r"^\w+\s+(?:its|their|our)\s+(?!presence)", re.I)
OPPOSED = re.compile(
    r"\b(?:against|condemn\w*|oppos\w*|denounc\w*)\s+(?:the\s+|any\s+|all\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:presence|troops|forces|occupation|bases|occupiers)\b",
    re.I,
)
"""The presence opposed or condemned ("a rally against the garrison's presence", "denounces the foreign
bases"): a side against it."""
DENIAL = re.compile(r"\b(?:den(?:y|ied|ies)|dismiss\w*|refut\w*|rebuff\w*)\b", re.I)
"""A denial's words are the report denied: refusing a report is no side on the presence it names."""


DISCUSSED = re.compile(
    r"\b(?:discuss\w*|negotiat\w*|talks\s+(?:on|about)|timetables?|timelines?|schedul\w*|reduc\w*|drawdown"
    r"|wrap\w*\s+up)\b",
    re.I,
)
CALLED = re.compile(
    r"\b(?:must|should|has to|have to|need\w*|demand\w*|call\w*|ask\w*|want\w*|insist\w*|urg\w*|refus\w*|reject\w*"
    r"|oppos\w*|ambition|not\s+(?:to\s+)?(?:allow|permit|accept))\b",
    re.I,
)


def _discussed(quote: str, why: str) -> tuple[str, str]:
    """A withdrawal the words only discuss, plan or report ("the sides will negotiate the pullout", "a schedule
    for the exit") with no call, refusal or want of it: spoken of, no side taken (docs/curation.md, Stance)."""
    talk = DISCUSSED.search(quote)
    if talk and not CALLED.search(quote):
        return "neutral", f"{why}, only {talk.group(0)!r}: no call for it"
    return "demands_withdrawal", why


def side_of_presence(quote: str, why: str, category: str | None = None, verb: str | None = None) -> Suggestion:
    """The stance where no cue reads a side (docs/curation.md, Stance): forces that are a state's own or
    a named force do not speak of the foreign presence; ending it or refusing its stay is a call for its
    end; violence against the forces does not speak of their stay; refusing, condemning or threatening
    a presence the words name takes a side against it; otherwise the words speak of it without taking
    a side, `neutral`. The precedents' vote is not used: most curated statements demand a withdrawal, so
    it drafted reports of a drawdown or a plan as demands."""

    def said(value: str, conf: float, because: str) -> Suggestion:
        return Suggestion("stance_us_presence", value, conf, f"{why}; {because}")

    foreign = [
        m for m in cues.PRESENCE.finditer(quote) if not (m.group(0).lower().startswith("force") and _own(quote, m))
    ]
    end = END_IT.search(quote) or NOT_ALLOW.search(quote) or OPPOSED.search(quote)
    if end and OWN_ENDED.search(end.group(0)):
        end = None  # "the navy ended its patrol mission": the actor ending its own, no call on it
    if not foreign and not (end and US_END.search(end.group(0))):
        return said("not_addressed", 0.5, "the forces named are a state's own or a named force")
    if end:
        return said("demands_withdrawal", 0.6, f"its end or stay refused, or it opposed {end.group(0)!r}")
    stay = STAY.search(quote) if category == "THREATEN" else None
    if stay:  # "will strike the garrison if it stays on": the threat is against their stay
        return said("demands_withdrawal", 0.5, f"a threat against their stay {stay.group(0)!r}")
    struck = STRUCK.search(quote)
    if struck:
        return said("not_addressed", 0.5, f"violence against them {struck.group(0)!r}")
    if category in SIDE_ACTS and not (category == "REJECT" and DENIAL.search(verb or "")):
        return said("demands_withdrawal", 0.5, f"a {category} act on the presence it names")
    hosted = HOSTED.search(quote)
    if hosted:
        return said("not_addressed", 0.5, f"the forces named as a base's guests {hosted.group(0)!r}")
    kept = KEPT.search(quote)
    if kept and not HEARSAY.search(quote):
        return said("accepts", 0.5, f"their stay or its basis stated {kept.group(0)!r}")
    return said("neutral", 0.5, "spoken of, no side taken")


def _own(quote: str, m: re.Match[str]) -> bool:
    """Forces that are a state's own or named, or a "force" in the singular not said to be foreign ("the
    band's fighting force"): not the presence."""
    before = quote[max(0, m.start() - 40) : m.start()]
    if m.group(0).lower() == "force":
        return FOREIGN_BEFORE.search(before) is None
    return OWN_FORCES.search(before) is not None


FOREIGN_BEFORE = re.compile(
    r"\b(?:US|U\.S\.|American|foreign|coalition|multinational|occupation)\s+(?:[\w-]+\s+)?$", re.I
)


SECURITY_TIES = re.compile(
    r"\bsecurity[\s-]+(?:partnerships?|co-?operation|relationship|agreements?|ties|coordination|pact)\b", re.I
)
"""Security agreements and ties between states: the codebook's `security_cooperation`."""
IRAQI_DECISION = re.compile(
    r"\b(?:parliament\w*|Council of Representatives)\s+(?:\w+\s+){0,2}?(?:resolution|decision|vote|law)s?\b"
    r"|\b(?:resolution|decision|vote)s?\s+of\s+the\s+(?:\w+\s+){0,2}?(?:parliament|Council of Representatives)\b"
    r"|\bin\s+(?:agreement|accordance|line|coordination)\s+with\s+the\s+(?:[\w’']+\s+){0,3}?"
    r"(?:government|parliament|Council|decisions?|resolution)\b"
    r"|\bforeign\s+(?:military\s+)?(?:presence|troops|forces)\b",
    re.I,
)
"""Iraq's own decision, consent or agreement as the basis of a presence, or a foreign presence as such: the
codebook's `sovereignty` ("only with the assembly's approval", "the status of the foreign garrison")."""
CONFLICTS = re.compile(r"\b(?:conflicts|wars)\b", re.I)
IRAN_WORDS = re.compile(r"\b(?:Iran\w*|Tehran|Persian)\b")
OTHER_STATE_TIES = re.compile(r"\b(?:US|U\.S\.|United States|America\w*|Washington)\b")


FOUGHT = re.compile(
    r"(?:\b(?:against|defeat\w*|fight\w*|after|combat\w*|counter\w*|battl\w*|war\s+on|pressure\s+on"
    r"|(?:air\s*)?strikes\s+on)\s+(?:the\s+)?(?:\S+/)?$)"
)
FOUGHT_AFTER = re.compile(r"(?:/\S+)?\s+(?:terror\w*|is\s+(?:now\s+)?(?:\w+ly\s+)?defeated|retak\w*|resurg\w*)")
"""A group named as the enemy the forces fight ("the alliance against X", "X is defeated", "X retaking a
town"): the mission's reason, not the factions the codebook's `armed_factions` speaks of."""
FACTIONS_SUBJECT = re.compile(
    r"^\W*(?:[A-Z]{2,}\s*\([^)]*\)\s*[-–—]+\s*)?(?:(?:An?|The)\s+(?:\w+\s+of\s+)?)?(?:[\w’'-]+\s+){0,2}?"
    r"(?:factions|militias|militia\s+groups|armed\s+groups|groups)\s+(?:have|has|had)?\s*"
    r"(?:asked|presented|called|demanded|said|offered|warned|urged|announced|declared|vowed|threatened|proposed)\b"
)
"""The factions as the subject of the speech the words report ("The militias have proposed …", "A dozen
groups announced …"): the actors of the words, not their topic."""


def own_topics(quote: str, armed_groups: Sequence[str]) -> tuple[list[str], str]:
    """The topics of the words (cues.topics, then the codebook's definitions): a group named as the
    enemy fought, or the factions as the clause's subject, do not make the words speak of the factions."""
    groups = [g for g in armed_groups if not _fought(quote, g)]
    found, why = cues.topics(quote, groups)
    subject = FACTIONS_SUBJECT.match(quote)
    if subject and "armed_factions" in found and "armed_factions" not in cues.topics(quote[subject.end() :], groups)[0]:
        found = [t for t in found if t != "armed_factions"]
        why += f"; armed_factions dropped: {subject.group(0).strip()!r} is the clause's subject"
    return codebook_topics(quote, found, why)


def _fought(quote: str, group: str) -> bool:
    hits = list(re.finditer(rf"(?<![\w’'-]){re.escape(group)}(?![\w’'-])", quote))
    return bool(hits) and all(
        FOUGHT.search(quote[max(0, h.start() - 30) : h.start()]) or FOUGHT_AFTER.match(quote, h.end()) for h in hits
    )


def codebook_topics(quote: str, found: list[str], why: str) -> tuple[list[str], str]:
    """The cue words' topics, by the codebook's definitions (docs/curation.md, Topics): `bilateral_relations`
    is Iran–Iraq ties, not ties the words give to another state; security ties are `security_cooperation`;
    Iraq's decision or consent as the basis of a presence, and a foreign presence as such, `sovereignty`."""
    out = set(found)
    if "bilateral_relations" in out and OTHER_STATE_TIES.search(quote) and not IRAN_WORDS.search(quote):
        out.discard("bilateral_relations")
        why += "; bilateral_relations dropped: ties with another state than Iran"
    for topic, pattern in (("security_cooperation", SECURITY_TIES), ("sovereignty", IRAQI_DECISION)):
        m = pattern.search(quote)
        if m and topic not in out:
            out.add(topic)
            why += f"; {topic} {m.group(0)!r}"
    plural = CONFLICTS.search(quote)
    if plural and "regional_conflict" not in out:  # the cue words' "war" and "conflict" in the plural
        out.add("regional_conflict")
        why += f"; regional_conflict {plural.group(0)!r}"
    if "security_cooperation" in out and SECURITY_TIES.search(quote) and not IRAN_WORDS.search(quote):
        out.discard("bilateral_relations")  # "bilateral security pacts": the security ties, not the states'
    return sorted(out), why


US_MILITARY = re.compile(
    r"\b(?:US|U\.S\.|American|America[’']s|Washington[’']s)\s+(?:military|soldiers|personnel|advisers|advisors"
    r"|troops|forces|bases|mission|presence|footprint)\b"
)
"""US forces named by the state's word ("the US military", "American soldiers"): the presence spoken of."""
REFERRING = re.compile(
    r"\b(?:the|this|that|its|their)\s+(?:\w+\s+){0,2}?(?:transition|withdrawal|drawdown|pullout|departure|exit|mission"
    r"|presence|deployment|plan|timetable)\b",
    re.I,
)
"""Words referring to a presence or its end named elsewhere ("the transition", "the withdrawal plan")."""
PREDICATE = re.compile(
    r"(?P<subject>[^,;.:]{3,80}?)\s+(?:is|are|was|were|as|called|calling\s+it)\s+"
    r"(?:[“\"‘][^”\"’]{1,40}[”\"’]\s*(?:,|and|or)\s*)*[“\"‘]\s+[”\"’]"
)
"""A quoted word predicated of a subject its sentence names ("the scheme is “ ”", the words blanked)."""


def _predicated(quote: str, setting: str) -> re.Match[str] | None:
    """A short quotation (a word or two) said of the subject its sentence names: it speaks of that."""
    return PREDICATE.search(setting) if len(quote.split()) <= 3 else None


US_WORD = re.compile(r"\b(?:US|U\.S\.|American|Americans|Washington|United States)\b")
COMMENTARY = "an analyst's commentary performs no act towards an actor (docs/curation.md, PLOVER)"


def analyst_coded(quote: str, armed_groups: Sequence[str] = (), setting: str = "") -> list[Suggestion]:
    """An analyst's remark (docs/curation.md): no PLOVER act; stance `neutral` where the words speak of
    the presence, whatever side they describe, else `not_addressed`; topics from the words. Words
    referring back ("the transition", "the mission") speak of the presence where the article's sentence
    they sit in (`setting`, the words blanked) names it: anaphora identifies a referent (coverage rule 1)."""
    found, topic_why = own_topics(quote, armed_groups)
    side, side_why = cues.stance(quote)
    named = US_MILITARY.search(quote)
    referred = REFERRING.search(quote) or _predicated(quote, setting)
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


WORDS_CUE = re.compile(r"^words '(?P<word>[^']+)'$")


def first_act(quote: str, verb: str | None) -> tuple[str | None, str]:
    """The act the cue verb names, else the act of the first clause that performs one: the cue words
    (cues.py) or the codebook's idioms the cue words do not read (acts.py), whichever comes first."""
    category, why = cues.plover(quote, verb)
    idiom, idiom_why, at = acts.act(quote)
    words = WORDS_CUE.match(why)
    if idiom and (why == NO_ACT or (words and at < min(FIRST_CLAUSE, quote.find(words["word"])))):
        return idiom, idiom_why
    return category, why


FIRST_CLAUSE = 60
"""Characters: an idiom this near the start is the first main clause's act, before later cue words."""


WHOLE_SIMILARITY = 60.0
"""A strong precedent's words are alike as a whole too (token sort): a short curated phrase that is a subset
of any words naming a withdrawal gave them its act."""


def _strong(quote: str, near: list[tuple[Precedent, float]]) -> bool:
    from rapidfuzz import fuzz

    return (
        bool(near)
        and near[0][1] >= STRONG_PRECEDENT
        and fuzz.token_sort_ratio(quote, near[0][0].quote) >= WHOLE_SIMILARITY
    )


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
