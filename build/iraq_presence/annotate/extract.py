"""A general extractor for English news text: statements with their speakers, mentions, new names, dates.

Rules, not a model: nothing is downloaded at run time (no registry copy of a parse model has a
provenance that can be checked; see README "Adding an article"). Alias matching is pyahocorasick (via
mentions.AliasMatcher), fuzzy matching rapidfuzz; sentences and dates are split and read here.
A statement is a quotation or a reported-speech clause with its source, cue and
content spans; every proposal carries its evidence span and a confidence calibrated on PolNeAR
train. The rules name no article, person or phrase of any corpus; tests on made-up texts keep them
general.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from ..tables.mentions import AliasMatcher
from ..tables.quotes import find_quotes
from . import antecedents
from .assessments import INTRODUCED, introductions, judges
from .attribution import Cue, analyse_sentence, sentence_subject, tokenize
from .dates import find_dates, resolve_date
from .headlines import headline_cues
from .leaders import JOINT, joined_start, two_leaders, two_names, two_titles
from .lexicon import (
    ADDRESSING,
    COUNT_WORDS,
    CREED_WORDS,
    CUE_FORMS,
    FINITE_OPENERS,
    NOT_NAMES,
    OBJECT_CUES,
    PERSON_PRONOUNS,
    PERSON_TITLES,
    ROLE_NOUNS,
    STATE_PARTICIPLE,
    VOLITIONAL,
)
from .marks import single_quotes
from .meetings import find_reports
from .names import Name, NameIndex, Resolved, is_adjective_like
from .page_lines import blank_page_lines, unwrap
from .reprints import first_printings
from .roles import Role, holder
from .spans import Lines, SpanIndex, pairs
from .titled import organisation_of, person_after_title, titled_speaker

SPEAKING_TYPES = {
    "person",
    "armed_group",
    "state_body",
    "state",
    "state_military",
    "political_party",
    "coalition",
    "international_organization",
    "media_outlet",
    "research_organization",
    "unnamed_source",
}
DEMONYM_ENDINGS = ("i", "ian", "ese", "ish")  # "Iraqi", "Iranian", "Lebanese", "British": adjectives of states
DOCUMENTS = r"(?:statement|communiqu[eé]|press release|letter)"
DOCUMENT_SOURCE = re.compile(
    rf"(?i:(?:an?|the|its|his|her|their)\s+|(?-i:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,3}})[’']s\s+)(?i:(?:\w+\s+)?{DOCUMENTS})(?:\s.*)?"
)
DESCRIBED_DOCUMENT = re.compile(
    rf"(?i)(?:an?|the|its|his|her|their)\s+(?:\w+\s+)?{DOCUMENTS}\s+(?:from|by|of|issued)\s.+"
)
BARE_DOCUMENT = re.compile(rf"(?i)(?:the\s+{DOCUMENTS}|it)")
UNNAMED_SOURCE = re.compile(
    rf"(?:(?i:an?|the|other|{'|'.join(sorted(COUNT_WORDS))}|\d+)\s+)?(?:[\w’'.-]+\s+){{0,4}}?"
    r"(?i:officials?|sources|source|diplomats?|insiders?|circles|officers?)"
    r"(?:\s+(?:in|of|at|from|within|close\s+to|familiar\s+with)\s+[^,;:]{2,60})?"
)
"""People the article describes and does not name ("officials in the capital", "two security officials")."""
SETTING = {"in", "at", "near", "outside", "inside"}
"""Prepositions opening a place after a cue, not the words ("…, X said in the capital")."""
THE_SOURCES = re.compile(r"(?i:the)\s+(?:[\w’'.-]+\s+){0,2}?(?i:sources?|officials?)")
"""An unnamed source described again ("the sources", "the Iraqi official"): the one described before, never
the nearest name (an outlet or a person the words were told to)."""
JOINED_SOURCES = re.compile(
    r"\s*(?:(?:[Aa]n?|[Tt]he|[Tt]wo|[Ss]everal|[Ss]ome)\s+)?"
    r"(?:(?:[A-Z][\w’'.-]*|senior|top|security|government|military|intelligence|foreign|local)\s+){0,3}?"
    r"(?i:officials|sources|diplomats)\s+(?:in|from|of)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}\s+and\s+"
    r"(?:the\s+)?$"
)
"""A sentence opened by "officials in A and B", whose source phrase the sentence's reading ends at B."""
ISSUED_DOCUMENT = re.compile(rf"(?i)\b(?:an?|its|their|his|her)\s+(?:[\w-]+\s+)?{DOCUMENTS}\b")
"""A statement the article says someone issued ("issued a statement", "said in a written statement")."""
DOCUMENT_REACH = 1500  # characters: how far back "the statement" or "it" looks for the statement it means
ISSUER_REACH = 5000  # characters: how far back "the statement" looks for the last statement the article names
QUOTE_MARK = re.compile('[“”"]')
# Participles that report speech on their own (', adding that …'); the rest open a quotation or a
# clause of manner (', saying “…”' is the quotation's cue; 'citing', 'describing' need an object).
ACTS = (
    r"accusing|urging|calling for|calling on|demanding|vowing|threatening|opposing|rejecting|denouncing"
    r"|condemning|criticizing|criticising|praising|welcoming|denying|blaming|dismissing|confirming|reiterating"
    r"|affirming|expressing"
)
"""Participles that perform an act of their own (", accusing X of …"): a report apart, with or without quotation."""
SAYING = (
    r"adding|stating|saying|noting|stressing|emphasi[sz]ing|insisting|warning|arguing|suggesting|claiming|asserting"
    r"|acknowledging|predicting|explaining|promising|pledging|announcing"
)
"""Participles of saying: the words after them are a report of their own (", suggesting that …")."""
CHARACTERISING = r"calling|describing|labell?ing|terming|dubbing"
CHARACTERISES = re.compile(r",\s+(?:" + CHARACTERISING + r")\b")
NEXT_CUE = re.compile(r",\s+(?:" + SAYING + "|" + ACTS + "|" + CHARACTERISING + r")\b(?:\s+that\b)?")
"""A participle cue after reported words opens the next report: the words end before it."""
REPORTING_PARTICIPLE = re.compile(
    r"(?:" + SAYING + "|" + ACTS + r")$"
    r"|\w+(?<!ing)(?: for| on| out)?$"  # a coordinated finite cue: 'X did not …, but warned …', '… and called for …'
)
HANDLE_RE = re.compile(
    r"[\s,.]*[—–―-]{1,2}\s*(?P<name>[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|al-\w+|bin|de)){0,4})\s*(?:\(@\w+\)|[,.\n]|$)"
)


@dataclass
class Gazetteer:
    """Known actors: alias -> actor_id, actor_id -> actor_type, and dated role titles when curated.

    `roles` are person-in-role attestations (roles.Role, from the curated affiliations), so "the Iraqi
    prime minister" means the one in office at the article's date.
    """

    aliases: dict[str, str]
    types: dict[str, str]
    roles: list[Role] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # canonical name -> actor_id, where it is no alias
    countries: dict[str, str] = field(default_factory=dict)  # actor_id -> ISO 3166-1 alpha-3, where known

    @classmethod
    def from_frames(cls, actors: Any, aliases: Any) -> Gazetteer:
        return cls(
            dict(zip(aliases["alias"], aliases["actor_id"])),
            dict(zip(actors["actor_id"], actors["actor_type"])),
            names=dict(zip(actors["name"], actors["actor_id"])),
        )

    def role_holder(self, phrase: str, on: dt.date | None) -> str | None:
        return holder(self.roles, phrase, on)


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


def _counted(name: str) -> bool:
    """ "Eight Iraqi (and American officials)": a count and nationality words share the noun after "and",
    one collective source, not a second speaker."""
    from .places import demonyms

    words = name.split()
    if not words or not (words[0].lower() in COUNT_WORDS or words[0].isdigit()):
        return False
    return all(w in demonyms() or is_adjective_like([w]) for w in words[1:])


class Extractor:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self.matcher = AliasMatcher(gazetteer.aliases)

    def run(self, text: str, published: dt.date | None = None) -> dict[str, list[dict[str, Any]]]:
        raw, text = text, unwrap(blank_page_lines(text))  # captions and widgets say nothing; wrapped lines are one
        mentions = self.matcher.find(text)
        quotes = [q for q in find_quotes(text) if q.pattern != "stray_mark" and q.end - q.start >= 2]
        singles = single_quotes(text, pairs([(q.start, q.end) for q in quotes]))
        outer = pairs([(q.start, q.end) for q in singles])
        quotes = [q for q in quotes if outer.holding(q.start) is None]  # "‘… “a plan” …’": the outer one
        quotes = sorted(quotes + singles, key=lambda q: q.start)
        quotes = [q for q in quotes if not _quoted_name(text, q)]  # 'the official, "Abu X," said': the name is read
        names_in_marks = [q for q in quotes if _determined_name(text, q)]  # 'the underground “X” said': a name
        if names_in_marks:  # read as the noun phrase it is, its marks blanked (offsets kept)
            quotes = [q for q in quotes if q not in names_in_marks]
            text = _unmarked(text, names_in_marks)
            mentions = self.matcher.find(text)
        quoted = [(q.start, q.end) for q in quotes]
        index = NameIndex(text, quoted, self._known_kinds())
        sentences = self._sentences(text)
        quoted_ix = pairs(quoted)
        cues = [c for s, e in sentences for c in analyse_sentence(text, s, e, quoted_ix)]
        headed = {(c.start, c.end) for c in cues if c.content}  # one read with no words leaves it to the headline's
        extra = [c for c in headline_cues(text, quoted_ix) if (c.start, c.end) not in headed]
        if extra:  # a headline's own cue ("Group Says …") stands for the cues read in its line
            lines = Lines(text)
            heads = {lines.start(c.start) for c in extra}
            cues = sorted([c for c in cues if lines.start(c.start) not in heads] + extra, key=lambda c: c.start)
        nested = nested_cues(text, quotes, pairs(sentences))
        named = {q.start for q in quotes if CALLED.search(text, max(0, q.start - 40), q.start)}  # a name taken
        named |= {q.start for q in quotes if _glossed(text, q)}  # 'Asaib Ahl al-Haq (“the League of …”)': a gloss
        built = _Statements(self, text, mentions, index, published)
        statements = built.build([q for q in quotes if q.start not in named], cues, sentences, nested)
        statements += [built.unattributed(q) for q in quotes if q.start in named]
        statements.sort(key=lambda p: p.start)
        dates = find_dates(text, published)
        people = [(m.start, m.end, self.gaz.aliases[m.surface]) for m in mentions]
        people = [p for p in people if self.gaz.types.get(p[2]) == "person"]
        return {
            "statements": [
                {**r, "quote": raw[r["start"] : r["end"]]} if "quote" in r else r
                for r in first_printings(text, [p.record() for p in statements])
            ],
            "mentions": [
                Proposal(
                    "mention", m.start, m.end, 1.0, {"actor_id": self.gaz.aliases[m.surface], "surface": m.surface}
                ).record()
                for m in mentions
            ],
            "candidates": [p.record() for p in self._candidates(index, mentions)],
            "dates": dates,
            "meetings": find_reports(text, sentences, people, dates),
        }

    def _known_kinds(self) -> dict[str, str]:
        """Each known surface's kind for the name index: the aliases, and the canonical names (which tell
        where a known body ends in "Ambassador to the United Nations X Y")."""
        kind = {"person": "person", "media_outlet": "media_outlet"}
        known = {**self.gaz.names, **self.gaz.aliases}
        return {a: kind.get(self.gaz.types.get(i, ""), "organization") for a, i in known.items()}

    def _sentences(self, text: str) -> list[tuple[int, int]]:
        """Sentence spans, never across a paragraph break (see `split_sentences`)."""
        return split_sentences(text)

    # --- unknown names -------------------------------------------------------------------------------

    def _candidates(self, index: NameIndex, mentions: list[Any]) -> list[Proposal]:
        """Names not in the gazetteer, by their fullest form, with a proposed type and nearest alias."""
        from rapidfuzz import fuzz, process

        taken = [(m.start, m.end) for m in mentions]
        out, seen = [], set()
        for n in index.names:
            full = index.fullest(n.text)
            words = full.split()
            if (len(words) < 2 and n.kind in {"person", "other"}) or is_adjective_like(words) or full in seen:
                continue
            if any(s < n.end and n.start < e for s, e in taken) or full in self.gaz.aliases:
                continue
            seen.add(full)
            best = process.extractOne(full, list(self.gaz.aliases), scorer=fuzz.WRatio, score_cutoff=85)
            data: dict[str, Any] = {"name": full, "suggested_type": index.kind_of(full)}
            if best:
                data.update(likely_alias_of=self.gaz.aliases[best[0]], matched_alias=best[0], score=round(best[1], 1))
            at = index.by_text.get(full, [])
            first = at[0] if at else n
            out.append(Proposal("candidate", first.start, first.end, 0.6 if best else 0.4, data))
        return out


PLACE_OPENERS = {"on", "in", "at", "during", "via", "through"}
JOINED = re.compile(
    r"(?:^|[.,;:]\s+|\n)(?:[Tt]he\s+)?(?P<name>[A-Z][\w’'.-]*(?:\s+(?:[A-Z]|(?:al|el)-[A-Z])[\w’'.-]*){0,4})\s+and\s+$"
)
"""A name at the head of its clause joined to the source by 'and' ("…, Norland and its allies said")."""
BARE_JOINT = re.compile(r"(?:[Tt]he|[Tt]his|[Tt]hat)\s+joint\s+(?:statement|communiqu[eé]|declaration)")
"""A joint statement referred back to: the two states of the one named before."""
LEADERS_REACH = 1200  # characters: "the two leaders" are people named in the paragraphs just before
OFFICE_OF = re.compile(
    r"(?:[Tt]he\s+)?(?P<owner>.+?)[’']s\s+(?:press\s+|media\s+|own\s+)?office"
    r"|(?:[Tt]he\s+)?(?:press\s+|media\s+)?office\s+of\s+(?P<of>.+)"
)
"""An office named by its principal ("the minister's office", "the office of X")."""
TWICE = re.compile(r"\btwice\s+$")
"""'X twice told Y …': two remarks on two occasions, one statement each on the one span (docs/curation.md,
coverage rule 6)."""
CONTRAST = re.compile(r"[,;]\s+(?:while|whereas)\s")
OCCASION_TAIL = re.compile(
    r"[,;]\s+(?:in|during|at|via)\s+(?:an?|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:speech|interview|statement|address|meeting|talks|press conference|news conference|sermon|letter)\b[^,;]*$"
)
"""The occasion after the words ("…, in a speech to dock workers"): where they were said, not what."""
SECOND_PREDICATE = re.compile(
    r",?\s+but\s+(?:(?:did|does|would|could)\s+not|(?:declined|refused|stopped short|gave no|offered no|provided no))\b"
    r"|,\s+(?:which|who)\s"
)
"""After an object ("confirmed the attack but did not give details"), "but" opens the speaker's second predicate:
an object takes no verb; ", which …" after it describes the object in the writer's words."""
WITHHELD = re.compile(
    r",?\s+but\s+(?:did|does|would)\s+not\s+(?:give|provide|offer|elaborate|say|specify|comment|mention|name"
    r"|disclose|reveal|identify|explain)\b|,?\s+but\s+(?:declined|refused)\s+to\s+(?:elaborate|comment|give|say|name)"
    r"|,?\s+but\s+(?:gave|offered|provided)\s+no\b"
)
"""What the speaker left unsaid ("… but did not elaborate", "… but gave no details"): the reporter's words."""
CIRCUMSTANCE = {"with", "amid", "as", "while", "despite", "following"}
"""Words opening a circumstance after an inverted cue ("…, X said, with Y blaming …"), not a clause of words."""
NOT_OBJECTS = {"it", "them", "this", "that", "these", "those", "him", "her", "on", "in", "at", "during", "after"}
"""A pronoun or a setting after an object cue says nothing the reader can code ("rejected it", "condemned on")."""
AND_THAT = re.compile(r"(?<![,;])\s+and that\s+(?!is\b|was\b|’s\b|'s\b)")
THAT_BEFORE = re.compile(r"\bthat\s+$")
COORDINATED = re.compile(r",?\s+(?:and|but)\s+(?:also\s+)?$")
BARE_BODY = re.compile(r"the\s+(?P<head>government|ministry|office|army|military|administration|presidency|cabinet)")
WRITTEN = re.compile(rf"(?i)\b{DOCUMENTS}\b")
CALLED = re.compile(r"\b(?:calling (?:themselves|itself)|call themselves|known as)\s+(?:the\s+)?[“\"‘]$")
"""The mark of a name a group goes by ("calling themselves “the X Front”"): a name, not words."""
CALLING_ITSELF = re.compile(
    r",?\s+(?:calling (?:themselves|itself)|who call themselves|known as)\s+(?:the\s+)?[“\"‘]?"
    r"(?P<name>[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*)+)"
)
"""A description followed by the name it goes by ("groups calling themselves “the X Front”")."""
BACKED_BY = re.compile(
    r"(?<=[a-z])\s+(?:(?:backed|supported|funded|sponsored|armed|trained|aligned)\s+by"
    r"|(?:aligned|allied|affiliated|linked)\s+(?:with|to)|(?:loyal|close)\s+to)\s"
)
COMPOUND_MODIFIER = re.compile(rf"[-‑–]{STATE_PARTICIPLE}\b")
"""A name in a compound adjective modifies the speaker; it is not the speaker."""
PLACE_THEN_NAME = re.compile(r"\s+[A-Z][a-z’'-]+\s+(?:(?:al|el)-)?[A-Z][a-z’'-]+")
"""A person's name right after a place named in a title ("… in Norland Tom Hale")."""
OWN_OFFICE = re.compile(r"(?:.+?\s(?:by|from)\s+)?(?i:his|her)\s+(?:(?:press|media|private)\s+)?office", re.DOTALL)
"""His office, or a document it issued ("a statement from his office")."""
PRINCIPAL_REACH = 1500  # characters: the principal spoke in the paragraphs just before
POSS = {"’s", "'s"}
ABOUT_PRINCIPAL = re.compile(
    r"[\s“\"‘]*(?:(?:[a-z]+\s+){0,6}?(?:that\s+)?(?:[Hh]e|[Ss]he)\b|[Tt]he\s+(?:[\w-]+\s+)?(?:"
    + "|".join(
        ("minister", "president", "premier", "leader", "speaker", "governor", "commander", "envoy", "ambassador")
    )
    + r")\b)"
)
"""The office's words begin with its principal: "he had told …", "The governor urged …"."""
GROUP_HEAD = re.compile(
    r"(?i)\b(?:government|ministry|office|council|presidency|cabinet|administration|command|movement|group|party)$"
)


@dataclass
class _Spoken:
    """A statement's speaker where it was drafted: for the pronouns and "the statement" of later cues."""

    at: int
    speaker: dict[str, Any]
    name: Name | None
    group: bool  # an organisation, office or document speaks
    written: bool  # its sentence names a statement ("said in a statement", "a statement issued by")
    para: int


class _Statements:
    """Builds the statements of one article: quotations first, then reported speech without marks."""

    def __init__(
        self, ex: Extractor, text: str, mentions: list[Any], index: NameIndex, published: dt.date | None
    ) -> None:
        self.ex, self.text, self.mentions, self.index, self.published = ex, text, mentions, index, published
        self.mention_ix = SpanIndex(mentions, lambda m: m.start, lambda m: m.end)
        self.lines = Lines(text)
        self._quote_only: dict[int, bool] = {}
        self.spoken: list[_Spoken] = []

    def _spoke(
        self, at: int, speaker: dict[str, Any], name: Name | None, resolved: Resolved | None, cue: Cue | None
    ) -> None:
        """Record a statement's speaker, for the pronouns and "the statement" of later cues."""
        sent = self.sents.holding(cue.start) if cue is not None else None
        written = bool(sent and WRITTEN.search(self._unquoted(*sent)))
        group = speaker.get("speaker_id") is not None and self.ex.gaz.types.get(speaker["speaker_id"]) != "person"
        if resolved is not None:
            group = group or resolved.actor_type not in {None, "person"} or resolved.resolution == "document"
        named = speaker.get("speaker_name") or ""
        group = group or bool(GROUP_HEAD.search(named))
        entry = _Spoken(at, dict(speaker), name, group, written, self.lines.start(at))
        bisect.insort(self.spoken, entry, key=lambda x: x.at)

    def _spoken_before(self, at: int) -> _Spoken | None:
        k = bisect.bisect_left(self.spoken, at, key=lambda x: x.at)
        return self.spoken[k - 1] if k else None

    def _unquoted(self, a: int, b: int) -> str:
        return re.sub(r"“[^”]*”|\"[^\"]*\"", " ", self.text[a:b])

    def _carried(
        self, cue: Cue, speaker: dict[str, Any], resolved: Resolved, conf: float, before: _Spoken | None
    ) -> tuple[dict[str, Any], float]:
        """ "It said", "the statement added" right after an organisation's or a statement's report: that
        speaker goes on, when the pronoun found no name or the statement no description of its own."""
        assert cue.source is not None
        phrase = self.text[slice(*cue.source)].strip().lower()
        if resolved.resolution == "principal":
            return speaker, conf  # "the statement said he …": his words, not the statement's again
        if before is None or (self.lines.start(cue.start) != before.para and not self._next_paragraph(before, cue)):
            return speaker, conf
        unnamed = not (speaker.get("speaker_id") or speaker.get("speaker_name"))
        if phrase in {"it", "they"} and before.group and (unnamed or resolved.resolution == "unresolved"):
            return dict(before.speaker), 0.6
        if BARE_DOCUMENT.fullmatch(phrase) and resolved.resolution != "document" and before.written:
            return dict(before.speaker), 0.6
        body = BARE_BODY.fullmatch(phrase)
        if body and body["head"] in " ".join(str(v).lower() for v in before.speaker.values()):
            return dict(before.speaker), 0.6  # "the government added": the government that spoke before
        return speaker, conf

    def _next_paragraph(self, before: _Spoken, cue: Cue) -> bool:
        """The cue's paragraph follows the earlier statement's directly."""
        return not self.text[self.lines.end(before.at) : self.lines.start(cue.start)].strip()

    def build(
        self, quotes: list[Any], cues: list[Cue], sentences: list[tuple[int, int]], nested: list[Cue] = ()
    ) -> list[Proposal]:
        self.sents = pairs(sentences)
        self.cue_ix = SpanIndex(cues, lambda c: c.start, lambda c: c.end)
        self.lead = self._lead_paragraphs(cues)
        described = [c.source for c in cues if c.source and DESCRIBED_DOCUMENT.fullmatch(self.text[slice(*c.source)])]
        self.documents = pairs(sorted(set(described)))
        out: list[Proposal] = []
        quoted_spans = pairs([(q.start, q.end) for q in quotes])
        self.quoted = quoted_spans
        self.quote_ix = SpanIndex(quotes, lambda q: q.start, lambda q: q.end)
        # the last speaker: its record, its name in the text, its paragraph, its source span
        last: tuple[dict[str, Any], Name | None, int, dict[str, Any]] | None = None
        for q in quotes:
            para = self.lines.start(q.start)
            cue = self._cue_for(q, cues, sentences)
            data: dict[str, Any] = {"quote": self.text[q.start : q.end], "statement_type": self._type(q)}
            if cue is not None:
                cue.used = True
                speaker, resolved, conf = self._speaker(cue, last[1] if last else None, (q.start, q.end))
                data.update(speaker, reporting_verb=cue.verb, attribution=cue.how, **_spans(cue, resolved))
            elif (embed := self._embedded(q)) is not None:
                speaker, resolved, conf, span = embed
                data.update(speaker, reporting_verb=None, attribution="embed", source_start=span[0], source_end=span[1])
            elif (colon := self._colon_subject(q, cues, sentences)) is not None:
                # 'Smith had one message: “…”': the subject of the clause the colon closes
                speaker, resolved, span = colon
                conf = 0.6
                data.update(speaker, reporting_verb=None, attribution="colon")
                data.update(source_start=span[0], source_end=span[1], source_kind=resolved.kind)
            elif (prev := self._previous_sentence_cue(q, cues, sentences)) is not None:
                # 'X said the plan works. "Quotation."': the speaker of the sentence before
                speaker, resolved, _ = self._speaker(prev, last[1] if last else None)
                conf = 0.5
                data.update(
                    speaker, reporting_verb=prev.verb, attribution="previous_sentence", **_spans(prev, resolved)
                )
            elif last is not None and self._continues(q, para, last[2]):
                # same paragraph: right 0.89 of the time on PolNeAR train; a new paragraph: 0.45
                speaker, resolved, conf = dict(last[0]), None, 0.7 if para == last[2] else 0.5
                data.update(speaker, reporting_verb=None, attribution="continuation", **last[3])
            elif (subject := self._sentence_subject(q, sentences)) is not None:
                # a partial quotation in a sentence with no cue ("He referred to X as “…”"): its subject
                speaker, resolved, span = subject
                conf = 0.4
                data.update(speaker, reporting_verb=None, attribution="sentence_subject")
                data.update(source_start=span[0], source_end=span[1], source_kind=resolved.kind)
            else:
                speaker, resolved, conf = {"speaker_name": None}, None, 0.1
                data.update(speaker, reporting_verb=None, attribution="none")
            if speaker.get("speaker_id") or speaker.get("speaker_name"):
                name = self._name_at(resolved)
                source = {k: data[k] for k in ("source_start", "source_end", "source_kind") if k in data}
                last = (speaker, name if name else (last[1] if last else None), para, source)
                self._spoke(q.start, speaker, last[1], resolved, cue)
            out.append(Proposal("statement", q.start, q.end, conf, data))
        self.spoken.sort(key=lambda x: x.at)
        for cue in cues:
            if cue.source is None or not cue.content:
                continue
            fragments = self._with_fragments(cue, quotes)
            if fragments is None and cue.how == "participle" and not self._characterises(cue):
                continue  # ', describing it as “…”' reports only the quoted words it holds
            reported = fragments or self._reported(cue)
            if reported is None or (cue.used and not reported[2]):
                continue  # a cue that took a quotation reports nothing more, unless its words end at a lead-in
            start, end, fragments = reported
            if not fragments and quoted_spans.overlapping(start, end):
                continue
            content = self.text[start:end]
            before = self._spoken_before(cue.start)
            speaker, resolved, conf = self._speaker(cue, before.name if before else (last[1] if last else None))
            speaker, conf = self._carried(cue, speaker, resolved, conf, before)
            speaker, conf = self._principal(cue, speaker, conf)
            if not (speaker.get("speaker_id") or speaker.get("speaker_name")):
                continue
            self._spoke(cue.start, speaker, self._name_at(resolved) or (before.name if before else None), resolved, cue)
            data = {"quote": content, "statement_type": "indirect", "reporting_verb": cue.verb, "attribution": cue.how}
            data.update(speaker, **_spans(cue, resolved))
            out.append(Proposal("statement", start, end, conf, data))
        out += self._nested(nested)
        out += self._assessments(sentences, quoted_spans)
        out += self._and_that_sequels(out, sentences, quoted_spans)
        out += [_again(p) for p in out if p.data.get("cue_start") and self._twice(p.data["cue_start"])]
        out += [j for p in out if (j := self._joint(p)) is not None]
        out = [each for p in out for each in (self._leaders(p) or [p])]
        out.sort(key=lambda p: p.start)
        return out

    def _words_of(self, cue: Cue) -> tuple[int, int]:
        """The span of a cue's words: the clause after a subject and its cue when it has three words or
        more, opens with no participle (", X reported, citing …") and the one before is no quotation
        ("Touring the county on Sunday, X said she …"), else the longest."""
        after = cue.content[-1]
        words = self.text[slice(*after)].split()
        if cue.how == "subject" and len(cue.content) > 1 and words and words[0].lower() in CIRCUMSTANCE:
            return cue.content[0]  # "A, an official said, with the ministry blaming B": the circumstance is no words
        addressed = cue.verb in ADDRESSING
        if cue.how == "subject" and len(cue.content) > 1 and words and words[0].lower() in SETTING and addressed:
            return cue.content[0]  # "A, X told reporters at the forum in the old town": the place is no words
        if cue.how == "subject" and len(cue.content) > 1 and len(words) >= 3 and not words[0].endswith("ing"):
            a, b = cue.content[0]
            lead = self.text[a : max(b, cue.source[0] if cue.source and cue.source[0] > a else b)].rstrip(" ,")
            if lead[-1:] not in "”\"’'":
                return after
        return max(cue.content, key=lambda c: c[1] - c[0])

    def _characterises(self, cue: Cue) -> bool:
        """A participle that reports words of its own: an act (', adding …', ', accusing …'), or a
        characterisation with no quotation (', describing the levy as a theft')."""
        if REPORTING_PARTICIPLE.match(cue.verb):
            return True
        words = self.text[slice(*self._words_of(cue))] if cue.content else ""
        return cue.verb in {"describing", "calling", "labelling", "labeling"} and not QUOTE_MARK.search(words)

    def unattributed(self, q: Any) -> Proposal:
        """A quotation no cue reports (a name in marks): no speaker, for the curator to dismiss."""
        data = {"quote": self.text[q.start : q.end], "statement_type": self._type(q), "speaker_name": None}
        return Proposal("statement", q.start, q.end, 0.1, {**data, "reporting_verb": None, "attribution": "none"})

    def _joint(self, p: Proposal) -> Proposal | None:
        """'X and its allies have launched …': the named actor joined to the source speaks too, one
        statement per speaker on the one span (docs/curation.md, coverage rule 5)."""
        at = p.data.get("source_start")
        m = JOINED.search(self.text, max(0, at - 60), at) if at is not None else None
        if m is None:
            return None
        name = m["name"]
        known = [x for x in self.mention_ix.overlapping(m.start("name"), m.end("name")) if self._may_speak(x, False)]
        if name.split()[0] in NOT_NAMES or is_adjective_like(name.split()) or len(known) > 1 or _counted(name):
            return None
        data = {k: v for k, v in p.data.items() if k not in {"speaker_name", "speaker_id"}}
        data["source_start"], data["source_end"] = m.span("name")  # its own mention, not the other source's
        if known and (known[0].start, known[0].end) == m.span("name"):
            data["speaker_id"] = self.ex.gaz.aliases[known[0].surface]
        elif not known:
            words = name.split()
            while len(words) > 1 and words[0].rstrip(".") in PERSON_TITLES:
                words = words[1:]  # "President Roe and …": the person, by the fullest name the article gives
            data["speaker_name"] = self.index.fullest(" ".join(words))
        else:
            return None
        return Proposal(p.kind, p.start, p.end, min(p.confidence, 0.5), data)

    def _and_that_sequels(
        self, out: list[Proposal], sentences: list[tuple[int, int]], quoted: SpanIndex[tuple[int, int]]
    ) -> list[Proposal]:
        """'X noted that A. B and that C.': a sentence with no cue of its own whose clauses are joined by
        "and that", right after a reported "that"-clause in its paragraph, goes on reporting the same
        speaker: each clause one statement, with no verb of its own."""
        sequels = []
        for (ps, pe), (s, e) in itertools.pairwise(sentences):
            join = AND_THAT.search(self.text, s, e)
            if join is None or self.lines.start(s) != self.lines.start(ps) or quoted.overlapping(s, e):
                continue
            if any(c.source is not None for c in self.cue_ix.overlapping(s, e)):
                continue
            before = [p for p in out if ps <= p.start < pe and p.data.get("statement_type") == "indirect"]
            before = [p for p in before if THAT_BEFORE.search(self.text, max(ps, p.start - 6), p.start)]
            if not before:
                continue
            keep = ("speaker_id", "speaker_name", "source_start", "source_end", "source_kind")
            speaker = {k: v for k, v in before[-1].data.items() if k in keep}
            for a, b in ((s, join.start()), (join.end(), e)):
                a, b = _trim(self.text, a, b)
                if len(self.text[a:b].split()) < 3:
                    continue
                data = {"quote": self.text[a:b], "statement_type": "indirect", "reporting_verb": None}
                sequels.append(Proposal("statement", a, b, 0.4, {**data, **speaker, "attribution": "continuation"}))
        return sequels

    def _assessments(self, sentences: list[tuple[int, int]], quoted: SpanIndex[tuple[int, int]]) -> list[Proposal]:
        """An expert introduced in commas ("X, a fellow at Y, …") whose view the paragraph then gives
        with no cue of its own: each judging sentence is the expert's position (assessments.py)."""
        out = []
        for k, a, b in introductions(self.text, sentences):
            resolved = self.index.resolve(a, b, None)
            speaker = self._identify(resolved, a, b)
            if not (speaker.get("speaker_id") or speaker.get("speaker_name")):
                continue
            para = self.lines.start(sentences[k][0])
            intro = INTRODUCED.match(self.text, sentences[k][0])
            assert intro is not None
            first = (intro.end(), sentences[k][1])
            for s, e in itertools.chain([first], itertools.islice(sentences, k + 1, None)):
                if self.lines.start(s) != para or quoted.overlapping(s, e):
                    break  # the paragraph ends, or a quotation takes over (the quotation rules read it)
                if any(c.source is not None for c in self.cue_ix.overlapping(s, e)):
                    if (s, e) == first:
                        continue  # the introduction's own cue reports it
                    break  # another attribution: the expert's view ends
                if not judges(self.text, s, e):
                    continue
                start, end = _trim(self.text, s, e)
                data = {"quote": self.text[start:end], "statement_type": "indirect", "reporting_verb": None}
                data.update(speaker, attribution="assessment", source_start=a, source_end=b, source_kind=resolved.kind)
                out.append(Proposal("statement", start, end, 0.4, data))
        return out

    def _principal(self, cue: Cue, speaker: dict[str, Any], conf: float) -> tuple[dict[str, Any], float]:
        """ "The minister's office said he stressed …", "… the office said. She also urged …": a pronoun
        right after an office's report in its paragraph is the office's principal, not the nearest name;
        the principal's act is his own statement (docs/curation.md, coverage rule 2)."""
        assert cue.source is not None
        if self.text[slice(*cue.source)].lower() not in PERSON_PRONOUNS:
            return speaker, conf
        outer = next((c for c in reversed(self.cue_ix.before(cue.start, 4)) if c is not cue and c.source), None)
        if outer is None or outer.source is None or self.lines.start(outer.start) != self.lines.start(cue.start):
            return speaker, conf
        m = OFFICE_OF.fullmatch(self.text[slice(*outer.source)])
        if m is None:
            return speaker, conf
        group = "owner" if m["owner"] else "of"
        principal = Cue(
            cue.start, cue.end, cue.verb, (outer.source[0] + m.start(group), outer.source[0] + m.end(group))
        )
        found, _, _ = self._speaker(principal, None)
        if found.get("speaker_id") or found.get("speaker_name"):
            return found, min(conf, 0.6)
        return speaker, conf

    def _leaders(self, p: Proposal) -> list[Proposal] | None:
        """'The two leaders reaffirmed …', 'the President and Prime Minister agreed …' (often inside an
        office's readout): one statement per leader on the one span (docs/curation.md, coverage rule 5).
        Two titles are resolved each as a source; "the two leaders" are the last two people named before."""
        if p.data.get("source_start") is None or p.data.get("cue_start") is None:
            return None
        s, e = p.data["source_start"], p.data["source_end"]
        s = joined_start(self.text, s, e) or s
        phrase = self.text[s:e]
        if two_leaders(phrase):
            people = self._last_people(s, 2)
            if len(people) < 2:
                return None
            speakers = [
                self._identify(Resolved(n.text, "named", n.start, n.end, "person"), n.start, n.end) for n in people
            ]
        elif (parts := two_titles(phrase) or two_names(phrase) or self._joint_before(s, phrase)) is not None:
            base = 0 if BARE_JOINT.fullmatch(phrase.strip()) else s  # "the joint statement": offsets named before
            speakers = []
            for a, b in parts:
                cue = Cue(p.data["cue_start"], p.data["cue_end"], p.data["reporting_verb"], (base + a, base + b))
                speakers.append(self._speaker(cue, None)[0])
            if not all(x.get("speaker_id") or x.get("speaker_name") for x in speakers) or speakers[0] == speakers[1]:
                return None
        else:
            return None
        data = {k: v for k, v in p.data.items() if k not in {"speaker_name", "speaker_id"}}
        if data.get("attribution") == "nested":
            data["attribution"] = "readout"  # the leaders' acts a quoted readout reports: its channel
        return [Proposal(p.kind, p.start, p.end, min(p.confidence, 0.5), {**data, **x}) for x in speakers]

    def _joint_before(self, at: int, phrase: str) -> list[tuple[int, int]] | None:
        """ "The joint statement says" after "a joint US-Valeian statement": the two states' spans (article
        offsets) of the last joint statement named before."""
        if not BARE_JOINT.fullmatch(phrase.strip()):
            return None
        named = list(JOINT.finditer(self.text, 0, at))
        return [named[-1].span("a"), named[-1].span("b")] if named else None

    def _last_people(self, at: int, n: int) -> list[Name]:
        """The last n different people named shortly before `at`, in the order the text names them."""
        out: list[Name] = []
        seen: set[str] = set()
        for name in reversed(self.index.between(max(0, at - LEADERS_REACH), at, {"person"})):
            full = self.index.fullest(name.text)
            if full not in seen and not any(full in x or x in full for x in seen):
                seen.add(full)
                out.insert(0, name)
            if len(out) == n:
                break
        return out

    def _twice(self, at: int) -> bool:
        return TWICE.search(self.text, max(0, at - 12), at) is not None

    def _nested(self, nested: list[Cue]) -> list[Proposal]:
        """Positions and speech a quotation reports of a named actor ("Washington sees these groups as
        a threat"): statements of their own (docs/curation.md, coverage rule 2); an unnamed collective
        ("Many leaders have demanded") stays part of the quotation."""
        out = []
        for cue in nested:
            assert cue.source is not None
            s, e = cue.source
            known = [m for m in self.mention_ix.overlapping(s, e) if self._may_speak(m, False)]
            words = re.sub(r"^(?:The|the)\s+", "", self.text[s:e]).split()
            if known:
                speaker: dict[str, Any] = {"speaker_id": self.ex.gaz.aliases[known[-1].surface]}
            elif words and all(w[:1].isupper() for w in words) and words[0].lower() not in NESTED_NOT_SOURCES:
                speaker = {"speaker_name": " ".join(words)}
            elif two_leaders(self.text[s:e]) or two_titles(self.text[s:e]) or joined_start(self.text, s, e):
                speaker = {"speaker_name": self.text[s:e]}  # one statement per leader (_leaders)
            else:
                continue
            reported = self._reported(cue)
            if reported is None:
                continue
            start, end, _ = reported
            data = {"quote": self.text[start:end], "statement_type": "indirect", "reporting_verb": cue.verb}
            data.update(speaker, attribution="nested", **_spans(cue, Resolved(None, "named")))
            out.append(Proposal("statement", start, end, 0.5, data))
        return out

    def _with_fragments(self, cue: Cue, quotes: list[Any]) -> tuple[int, int, bool] | None:
        """A reported clause holding quoted fragments ('said the strikes were a “violation” of …'):
        the clause with its marks, a statement beside its fragments (docs/curation.md, coverage rule
        7). None when it holds no quotation, or one that stands on its own (a direct quotation), or
        when the clause opens with the mark (the quotation is all it says)."""
        start, end = _trim(self.text, *self._words_of(cue))
        follows = NEXT_CUE.search(self.text, start, end)
        if follows is not None and len(self.text[start : follows.start()].split()) >= 3:
            end = follows.start()  # '…, adding that …': the next report's
        end = self._before_coordinated(start, end, cue.verb)
        inside = [q for q in self.quote_ix.starting_in(start, end + 1) if q.end <= end + 1]
        if not inside or any(self._type(q) != "partial" for q in inside):
            return None
        if self.text[start] in "“\"‘'" and len(self.text[inside[0].end + 1 : end].split()) < 3:
            return None  # the clause is the quotation
        mark = inside[0].start - len(inside[0].open_mark)
        comma = self.text.rfind(",", start, mark)
        lead = self.text[comma + 1 : mark].split() if comma > start else []
        if lead and len(lead) <= 3 and lead[0].endswith("ing"):
            return None  # '…, describing it as “…”': the fragment is the participle's, the clause ends before it
        end = max(end, max(q.end + len(q.close_mark) for q in inside))
        bare = re.sub(r"“[^”]*”?|\"[^\"]*\"?|‘[^’]*’", " ", self.text[start:end])
        if len(bare.split()) >= 3:
            return start, end, True
        # 'that the U.S. “will stay …”', 'it was “out of …”': a subject and verb, one side of the marks or the other
        lead = self.text[start:mark].split()
        said = self.text[inside[0].start : inside[0].end].split()
        finite = bool(said) and said[0].lower() in FINITE_OPENERS
        finite |= len(lead) >= 2 and lead[-1].lower() in FINITE_OPENERS  # 'it was “out of the question …”'
        return (start, end, True) if lead and finite else None  # not "it as “vital”"

    def _before_coordinated(self, start: int, end: int, verb: str) -> int:
        """Where words end before a coordinated cue of the same subject ('described X as “…” and
        praised Y'): the second cue reports words of its own; one word is enough after an object cue
        ('called for restraint and said …')."""
        least = 1 if verb in OBJECT_CUES else 2
        for c in self.cue_ix.starting_in(start + 1, end):
            m = COORDINATED.search(self.text, max(start, c.start - 8), c.start)
            if c.how == "participle" and m is not None and len(self.text[start : m.start()].split()) >= least:
                return m.start()
        return end

    def _reported(self, cue: Cue) -> tuple[int, int, bool] | None:
        """The content of reported speech, up to a quotation that follows it (', adding: “…”'), if any.

        The flag says a participle lead-in (', describing it as “…”') separates the words from the
        quotation after them, so they are a report of their own even when the cue took the quotation.
        """
        start, end = _trim(self.text, *self._words_of(cue))
        end = self._before_coordinated(start, end, cue.verb)
        contrast = CONTRAST.search(self.text, start, end)
        if contrast is not None and len(self.text[start : contrast.start()].split()) >= 3:
            end = contrast.start()  # "X views A as B, while Y declares …": Y's words are Y's
        tail = OCCASION_TAIL.search(self.text, start, end)
        if tail is not None and len(self.text[start : tail.start()].split()) >= 3:
            end = tail.start()
        second = (SECOND_PREDICATE if cue.verb in OBJECT_CUES else WITHHELD).search(self.text, start, end)
        if second is not None and self.text[start : second.start()].strip():
            end = second.start()
        mark = self._first_mark(start, end)
        follows = NEXT_CUE.search(self.text, start, end if mark is None else mark)
        least = 1 if cue.verb in OBJECT_CUES else 3  # "condemned the strike, calling it …": the object alone
        apart = False
        if follows is not None and len(self.text[start : follows.start()].split()) >= least:
            end, mark = follows.start(), None  # '… force, saying, “…”': the participle is the next cue's
            apart = CHARACTERISES.match(follows.group()) is not None  # ', describing it as “…”' after the words
        if mark is not None:
            end = mark
            comma = self.text.rfind(",", start, end)
            lead = self.text[comma + 1 : end].split() if comma > start else []
            if comma > start and len(lead) <= 3:
                # '…, saying “…”', '…, describing it as “…”': the lead-in belongs to the quotation
                end, apart = comma, bool(lead) and lead[0].endswith("ing")
            start, end = _trim(self.text, start, end)
        words = self.text[start:end].split()
        if words and words[0].lower() in PLACE_OPENERS and len(words) <= 6 and not cue.verb.startswith("insist"):
            return None  # "posted on his page", "said during the meeting": where, not what
        short = bool(words) and cue.verb in OBJECT_CUES and words[0].lower() not in NOT_OBJECTS
        return (start, end, apart) if len(words) >= 3 or short else None

    def _first_mark(self, start: int, end: int) -> int | None:
        """Where the first quotation in text[start:end] opens: a double mark, or a single mark the
        quotation finder read as opening one ('‘…,’ says X': ’ is also the apostrophe, so a single
        mark counts only where a quotation was found)."""
        double = QUOTE_MARK.search(self.text, start, end)
        opens = [q.start - len(q.open_mark) for q in self.quote_ix.starting_in(start, end + 1)]
        found = [at for at in [double.start() if double else None, *opens] if at is not None and at >= start]
        return min(found) if found else None

    def _type(self, q: Any) -> str:
        quote = self.text[q.start : q.end].strip()
        at = q.start - (1 if q.open_mark else 0)
        para = self.lines.start(q.start)
        while at > para and self.text[at - 1].isspace():
            at -= 1
        last = self.text[at - 1] if at > para else ""  # the last character before the mark, spaces aside
        words = len(quote.split())
        sentence_start = not last or last in '.!?”"' or (last in ":," and words > 8)
        return "direct" if quote[:1].isupper() and (words >= 6 or sentence_start) else "partial"

    def _cue_for(self, q: Any, cues: list[Cue], sentences: list[tuple[int, int]]) -> Cue | None:
        """The cue whose content holds the quotation; the nearest one in the quotation's sentences."""
        first = self.sents.holding(q.start) or (q.start, q.end)
        last = self.sents.holding(q.end - 1) if q.end > q.start else None
        last = last or first
        lo, hi = first[0], max(last[1], q.end + 1)
        close = q.end + len(q.close_mark)
        # '…?” Smith asked.' is split after the mark: the attribution is the next segment's opening
        following = next(iter(self.sents.starting_in(close, close + 3)), None)
        if following is not None and self.text.find("\n", close, following[0]) < 0:
            hi = max(hi, min(following[1], following[0] + 60))
        # 'Smith agreed.' / 'Smith said:' then the quotation opens the next sentence
        previous = next(
            (s for s in self.sents.before(q.start, 3) if s[1] <= q.start - len(q.open_mark) and q.start - s[1] <= 3),
            None,
        )
        if previous is not None and self.text[previous[0] : previous[1]].rstrip().endswith((".", ":")):
            tail = self.cue_ix.starting_in(previous[0], previous[1])
            if tail and self.text[tail[-1].end : previous[1]].strip() in {".", ":"}:
                lo = min(lo, tail[-1].start)
        near = [
            c
            for c in self.cue_ix.starting_in(lo, hi)
            if c.source is not None and not _inside(c.start, q) and not (c.bounded and c.content[-1][1] <= q.start)
        ]
        if not near:
            return None
        near = [c for c in near if c.verb not in VOLITIONAL] or near
        holding = [c for c in near if any(s < q.end and q.start < e for s, e in c.content)]
        holding = [c for c in holding if not self._reported_agreement(c, holding)] or holding
        pool = holding or near
        return min(pool, key=lambda c: c.start - q.end if c.start >= q.end else q.start - c.end + 5)

    @staticmethod
    def _reported_agreement(cue: Cue, holding: list[Cue]) -> bool:
        """ "X said the two sides have agreed on a “plan”": an agreement reported inside another's words; the
        quotation is the reporter's (docs/curation.md, coverage rule 2), not the parties'."""
        if "agree" not in cue.verb:
            return False
        return any(o is not cue and any(a <= cue.start < b for a, b in o.content) for o in holding)

    def _colon_subject(
        self, q: Any, cues: list[Cue], sentences: list[tuple[int, int]]
    ) -> tuple[dict[str, Any], Resolved, tuple[int, int]] | None:
        """The speaker of a clause ending in a colon right before the quotation (same or last paragraph)."""
        start = q.start - len(q.open_mark)
        before = self.text[max(0, start - 3) : start]
        colon = start
        while colon > 0 and self.text[colon - 1] in " \u00a0\n":
            colon -= 1
        colon -= 1
        if colon < 0 or self.text[colon] != ":" or before.count("\n") > 2:
            return None
        sent = self.sents.holding(colon)
        if sent is None:
            return None
        own = [c for c in self.cue_ix.starting_in(sent[0], colon) if c.source is not None]
        if own:
            s, e = own[-1].source
            resolved = self.index.resolve(s, e, None, own[-1].verb)
            speaker, resolved = self._office(self._identify(resolved, s, e), resolved, s, e)
            return speaker, resolved, (s, e)
        return self._subject_of(sent[0], colon)

    def _sentence_subject(
        self, q: Any, sentences: list[tuple[int, int]]
    ) -> tuple[dict[str, Any], Resolved, tuple[int, int]] | None:
        """The named or pronoun subject of a partial quotation's sentence."""
        if self._type(q) != "partial":
            return None
        sent = self.sents.holding(q.start)
        if sent is None:
            return None
        return self._subject_of(sent[0], q.start)

    def _subject_of(self, start: int, end: int) -> tuple[dict[str, Any], Resolved, tuple[int, int]] | None:
        """The named or pronoun subject of text[start:end], resolved."""
        tokens = tokenize(self.text, start, end)
        np = sentence_subject(tokens)
        if np is None or not (tokens[np[1]].cap or tokens[np[1]].low in PERSON_PRONOUNS):
            return None
        s, e = tokens[np[0]].start, tokens[np[1]].end
        resolved = self.index.resolve(s, e, None)
        speaker, resolved = self._office(self._identify(resolved, s, e), resolved, s, e)
        if not (speaker.get("speaker_id") or speaker.get("speaker_name")):
            return None
        return speaker, resolved, (s, e)

    def _previous_sentence_cue(self, q: Any, cues: list[Cue], sentences: list[tuple[int, int]]) -> Cue | None:
        """The cue of the sentence just before, in the same paragraph, when the quotation opens its own."""
        start = q.start - len(q.open_mark)
        para = self.lines.start(start)
        before = [s for s in self.sents.before(start, 2) if para <= s[0] and s[1] <= start]
        if not before or self.text[before[-1][1] : start].strip():
            return None
        prev = [c for c in self.cue_ix.starting_in(before[-1][0], before[-1][1]) if c.source is not None]
        return prev[-1] if prev and prev[-1].how in {"subject", "inverted"} else None

    def _continues(self, q: Any, para: int, last_para: int) -> bool:
        """A quotation whose paragraph holds nothing but quotations continues the previous speaker."""
        if para not in self._quote_only:
            body = self.text[para : self.lines.end(q.start)]
            outside = re.sub(r"“[^”]*”?|\"[^\"]*\"?", "", body).strip(" .,;:—–-\u00a0")
            self._quote_only[para] = not outside
        return self._quote_only[para] or para == last_para

    def _embedded(self, q: Any) -> tuple[dict[str, Any], Resolved, float, tuple[int, int]] | None:
        """An embedded post: "… — Name (@handle)" right after the quotation."""
        m = HANDLE_RE.match(self.text, q.end + (1 if q.close_mark else 0))
        if not m or not any(c.isalpha() for c in self.text[m.start("name") : m.end("name")]):
            return None
        s, e = m.start("name"), m.end("name")
        resolved = Resolved(self.index.fullest(self.text[s:e]), "named", s, e)
        return self._identify(resolved, s, e), resolved, 0.9, (s, e)

    def _speaker(
        self, cue: Cue, last: Name | None, span: tuple[int, int] | None = None
    ) -> tuple[dict[str, Any], Resolved, float]:
        assert cue.source is not None
        s, e = cue.source
        sent = self.sents.holding(s)
        joined = JOINED_SOURCES.match(self.text, sent[0], s) if sent and s - sent[0] < 120 else None
        if joined is not None and joined.end() == s:  # "Officials in A and B said": one unnamed source
            s = joined.start()
            cue.source = (s, e)
        document = self._document(s, e)
        principal = self._own_office(cue, document or self.text[s:e], s, span)
        if principal is not None:
            return principal
        if document is not None:
            return {"speaker_name": document}, Resolved(document, "title", s, e, "organization", "document"), 0.6
        bare = self.text[s:e].strip().lower()
        collective = self._collective_subject(s) if bare == "they" else None
        if collective is not None:  # "Several factions issued a statement in which they vowed …": the factions
            name = self.text[slice(*collective)]
            return {"speaker_name": name}, Resolved(name, "title", *collective, "organization", "antecedent"), 0.6
        issued = self._issuer(s) if bare != "it" and BARE_DOCUMENT.fullmatch(bare) else None
        if issued is not None:
            return issued
        office = OFFICE_OF.fullmatch(self.text[s:e])
        if office is not None and not any(m.start <= s and e <= m.end for m in self.mention_ix.overlapping(s, e)):
            # "the minister's office", "the office of X": the office speaks, as written (not its principal)
            name = self.text[s:e]
            return {"speaker_name": name}, Resolved(name, "title", s, e, "organization", "office"), 0.7
        if BACKED_BY.search(self.text, s, e):
            phrase = self.text[s:e].strip()  # "groups backed by X": a collective X backs, not X
            return {"speaker_name": phrase}, Resolved(phrase, "title", resolution="unresolved"), 0.5
        resolved = self.index.resolve(s, e, last, cue.verb)
        if self._described_by_demonym(resolved, s, e):
            # "Iraqi Shiite militia claims …": a militia described, not the state its adjective names
            resolved = Resolved(self.text[s:e].strip(), "title", resolution="unresolved")
        in_sentence = self.cue_ix.overlapping(*sent) if sent else [cue]
        inside = any(
            a <= (resolved.start or -1) < b for c in in_sentence if c.source == cue.source for a, b in c.content
        )
        if resolved.resolution in {"nearest", "binding"} and inside:
            # "X didn't ask …, Iraq's president said": the person named in the words is not their speaker
            resolved = Resolved(self.text[s:e].strip(), "title", resolution="unresolved")
        speaker = self._identify(resolved, s, e)
        speaker, resolved = self._office(speaker, resolved, s, e)
        speaker, resolved = self._typed_antecedent(speaker, resolved, s, e)
        speaker, resolved = self._unnamed_sources(speaker, resolved, s, e)
        called = CALLING_ITSELF.match(self.text, e) if not speaker.get("speaker_id") else None
        if called is not None:  # "clubs calling themselves “the X League”": the name they take
            speaker = {"speaker_name": called["name"]}
            resolved = Resolved(called["name"], "named", *called.span("name"), "organization", "direct")
        conf = confidence(cue, resolved, span)
        if cue.addressee and speaker.get("speaker_id") and speaker["speaker_id"] in self._ids_in(*cue.addressee):
            conf = 0.3  # the speaker resolved onto the addressee: suspicious
        return speaker, resolved, conf

    def _described_by_demonym(self, resolved: Resolved, s: int, e: int) -> bool:
        """The name resolved is only the nationality and creed words of a phrase whose head is a role noun."""
        words = self.text[s:e].split()
        name = (resolved.name or "").split()
        if resolved.kind != "named" or not name or len(name) >= len(words) or words[-1].lower() not in ROLE_NOUNS:
            return False
        return all(w in CREED_WORDS or (w[:1].isupper() and w.endswith(DEMONYM_ENDINGS)) for w in name)

    def _unnamed_sources(
        self, speaker: dict[str, Any], resolved: Resolved, s: int, e: int
    ) -> tuple[dict[str, Any], Resolved]:
        """ "Officials in <capital>", "two <nationality> security officials", "government sources": people the
        article does not name, an unnamed source as written (docs/curation.md), not the state their qualifier
        names nor the words the name index cut from the phrase; a person named in it speaks."""
        phrase = self.text[s:e].strip()
        if not UNNAMED_SOURCE.fullmatch(phrase) or speaker.get("speaker_name") == phrase:
            return speaker, resolved
        actor = speaker.get("speaker_id")
        if actor is not None and self.ex.gaz.types.get(actor) != "state":
            return speaker, resolved  # "an official of X": the draft looks for the holder the article names
        if actor is None and resolved.kind != "named":
            return speaker, resolved
        return {"speaker_name": phrase}, Resolved(phrase, "title", s, e, resolution="unresolved")

    def _own_office(
        self, cue: Cue, office: str, s: int, span: tuple[int, int] | None
    ) -> tuple[dict[str, Any], Resolved, float] | None:
        """ "His office said he …", "“The governor urged …,” her office said", "according to a note from
        her office": the office issues its principal's words, so he speaks (docs/curation.md, an
        office and its principal); None where the words are not about him (the office speaks)."""
        if OWN_OFFICE.fullmatch(office.strip()) is None:
            return None
        at = span[0] if span else self._words_of(cue)[0]
        person = self._principal_before(s)
        if person is None or not ABOUT_PRINCIPAL.match(self.text, at):
            return None
        resolved = Resolved(self.index.fullest(person.text), "title", person.start, person.end, "person", "principal")
        return self._identify(resolved, *cue.source), resolved, 0.6

    def _principal_before(self, at: int) -> Name | None:
        """The person "his office" belongs to: the last person a cue before has speak (not one spoken to
        or of), else the last person named."""
        for c in reversed(self.cue_ix.before(at, 6)):
            if c.source is None or c.source[1] > at or at - c.source[1] > PRINCIPAL_REACH:
                continue
            people = [n for n in self.index.between(*c.source, {"person"}) if self.text[n.end : n.end + 2] not in POSS]
            if people:
                return people[-1]
        return self.index.last_before(at, {"person"})

    def _typed_antecedent(
        self, speaker: dict[str, Any], resolved: Resolved, s: int, e: int
    ) -> tuple[dict[str, Any], Resolved]:
        """ "The group said", "the militia warned": the nearest actor named before whose type the
        description's noun allows (antecedents.py), not the nearest organisation of any type; in the
        article's lead ("Faction Warns …" in a headline, "one of the factions said"), where nothing is named
        before, the first such actor the article names after; the description as written (a new
        speaker for the curator) where none is."""
        phrase = self.text[s:e].strip()
        if resolved.resolution == "nearest" and "speaker_name" in speaker and THE_SOURCES.fullmatch(phrase):
            return {"speaker_name": phrase}, Resolved(phrase, "title", resolution="unresolved")  # the draft's unnamed
        lead = self._in_lead(s)
        types = antecedents.compatible(phrase) or (
            antecedents.titled(phrase) or antecedents.introduced(phrase) if lead else None
        )
        if types is None or (speaker.get("speaker_id") and resolved.resolution not in {"nearest", "unresolved"}):
            return speaker, resolved
        if self.ex.gaz.types.get(speaker.get("speaker_id", "")) in types:
            return speaker, resolved
        before = reversed([m for m in self.mention_ix.overlapping(max(0, s - antecedents.REACH), s) if m.end <= s])
        after = [m for m in self.mention_ix.overlapping(e, e + antecedents.REACH) if m.start >= e] if lead else []
        near = [m for m in itertools.chain(before, after) if self._may_speak(m, False)]
        named = [m for m in near if antecedents.ends_in_head(m.surface, phrase)]  # "the council": "the X Council"
        typed = [m for m in near if self.ex.gaz.types.get(self.ex.gaz.aliases[m.surface]) in types]
        for m in (named or typed)[:1]:
            actor = self.ex.gaz.aliases[m.surface]
            return {"speaker_id": actor}, Resolved(m.surface, "title", m.start, m.end, "organization", "antecedent")
        if (
            speaker.get("speaker_name")
            and resolved.resolution == "nearest"
            and antecedents.ends_in_head(resolved.name or "", phrase)
        ):
            return speaker, resolved  # "the brigades" after the new name "the Harbour Brigades"
        plural = phrase.split()[-1].lower()
        for said in reversed([x for x in self.spoken if s - antecedents.REACH <= x.at < s]):
            named = said.speaker.get("speaker_name") or ""
            if plural.endswith("s") and named.lower() != phrase.lower() and named.split()[-1:] == [plural]:
                return dict(said.speaker), Resolved(named, "title", resolution="antecedent")  # "the factions"
        for n in reversed(self.index.between(max(0, s - antecedents.REACH), s, {"organization", "person"})):
            name = organisation_of(self.index.fullest(n.text))
            if not lead and n.kind == "organization" and antecedents.new_name_fits(name, phrase):
                # "the group" after "the X Movement"
                return {"speaker_name": name}, Resolved(name, "title", n.start, n.end, "organization", "antecedent")
            spelled = self._spelled_otherwise(name, types)
            if spelled is not None:  # "the armed group" after "Kataeb X", the known "Kataib X" spelled otherwise
                return {"speaker_id": spelled}, Resolved(name, "title", n.start, n.end, "organization", "antecedent")
        return {"speaker_name": phrase}, Resolved(phrase, "title", resolution="unresolved")

    def _collective_subject(self, at: int) -> tuple[int, int] | None:
        """The subject of the pronoun's own sentence where it is a plural common noun phrase ("Several Iraqi
        factions", "The protesters"): what "they" later in the sentence stands for, not a name before it."""
        sent = self.sents.holding(at)
        if sent is None:
            return None
        tokens = tokenize(self.text, sent[0], at)
        subject = sentence_subject(tokens)
        if subject is None or subject[1] + 1 >= len(tokens):
            return None
        head = tokens[subject[1]]
        if head.cap or not head.is_word or not head.low.endswith("s") or head.low.endswith("ss"):
            return None
        return tokens[subject[0]].start, head.end

    def _spelled_otherwise(self, name: str, types: frozenset[str]) -> str | None:
        """The known actor of one of these types that the name is another romanisation of."""
        from .transliteration import same_name

        known = self.ex.gaz.aliases.get(name)
        if known is not None:
            return known if self.ex.gaz.types.get(known) in types else None
        fits = (i for a, i in self.ex.gaz.aliases.items() if self.ex.gaz.types.get(i) in types and same_name(name, a))
        return next(fits, None)

    def _in_lead(self, at: int) -> bool:
        """In the article's first paragraph that reports speech (its headline, or its lead), or in the
        first one after a headline's cue: the lead sentence that the headline sums up."""
        paragraphs, here = self.lead, self.lines.start(at)
        return bool(paragraphs) and (
            here == paragraphs[0] or (here in paragraphs and self._headline_line(paragraphs[0]))
        )

    def _lead_paragraphs(self, cues: list[Cue]) -> tuple[int, ...]:
        """The starts of the first two paragraphs that report speech."""
        paragraphs: list[int] = []
        for c in sorted(cues, key=lambda c: c.start):
            para = self.lines.start(c.start)
            if c.source is not None and para not in paragraphs:
                paragraphs.append(para)
            if len(paragraphs) == 2:
                break
        return tuple(paragraphs)

    def _headline_line(self, start: int) -> bool:
        """A line with no final stop, as headlines are written."""
        line = self.text[start : self.lines.end(start)].strip()
        return bool(line) and line[-1] not in ".!?”\"’'"

    def _document(self, s: int, e: int) -> str | None:
        """A statement that speaks: described ("a statement from his office"), or referred back to.

        "The statement", "it" or "the communique" shortly after a described statement is that
        statement again, not the nearest name; a described one is its own speaker, as the article
        describes it.
        """
        phrase = self.text[s:e].strip()
        if DESCRIBED_DOCUMENT.fullmatch(phrase):
            return phrase
        if not BARE_DOCUMENT.fullmatch(phrase):
            return None
        if phrase.lower() == "it":  # "it said" goes on for a statement only right after one spoke
            previous = [c for c in self.cue_ix.before(s, 3) if c.source and c.source[1] <= s]
            if not previous or not DOCUMENT_SOURCE.fullmatch(self.text[slice(*previous[-1].source)].strip()):
                return None
        earlier = [d for d in self.documents.starting_in(s - DOCUMENT_REACH, s) if d[1] <= s]
        return self.text[earlier[-1][0] : earlier[-1][1]].strip() if earlier else None

    def _issuer(self, at: int) -> tuple[dict[str, Any], Resolved, float] | None:
        """ "The statement said" after "X issued a statement" or "X said in a statement", other sentences
        between: X, whose written words the statement is (docs/curation.md), not the nearest name. With no
        such sentence before (a standfirst quoting the statement above the lead), the first one after."""
        lo = max(0, at - ISSUER_REACH)
        own = self.sents.holding(at)
        found = [
            m for m in ISSUED_DOCUMENT.finditer(self.text, lo, own[0] if own else at) if not self._quoted(m.start())
        ]
        if not found:
            later = own[1] if own else at
            found = [m for m in ISSUED_DOCUMENT.finditer(self.text, later, later + ISSUER_REACH)][:1]
            found = [m for m in found if not self._quoted(m.start())]
        sent = self.sents.holding(found[-1].start()) if found else None
        if sent is None:
            return None
        word = found[-1].start()
        cues = [c for c in self.cue_ix.starting_in(*sent) if c.source and not BARE_DOCUMENT.fullmatch(self._source(c))]
        names = [n for n in self.index.between(sent[0], word) if self.text[n.end : n.end + 2] not in POSS]
        subject = [c for c in cues if c.source and c.source[1] <= word]
        if subject or (cues and not names):  # "X said in a statement", "In a statement, X said"; not a cue in
            # the words after the issuing clause ("X issued a statement that they will act if they refuse")
            speaker, resolved, _ = self._speaker(min(subject or cues, key=lambda c: abs(c.start - word)), None)
            return (speaker, resolved, 0.6) if speaker.get("speaker_id") or speaker.get("speaker_name") else None
        if not names:
            return None
        n = names[0]
        resolved = Resolved(self.index.fullest(n.text), "named", n.start, n.end, self.index.kind_of(n.text), "issuer")
        return self._identify(resolved, n.start, n.end), resolved, 0.6

    def _source(self, cue: Cue) -> str:
        assert cue.source is not None
        return self.text[slice(*cue.source)].strip().lower()

    def _quoted(self, at: int) -> bool:
        """Inside a quotation of the article."""
        return self.quoted.holding(at) is not None

    def _office(self, speaker: dict[str, Any], resolved: Resolved, s: int, e: int) -> tuple[dict[str, Any], Resolved]:
        """A role phrase the article binds to no name: the curated holder of that office on its date.

        Preferred to the nearest preceding person ("nearest"), never to a role the article itself
        binds to a name ("Prime Minister X", "X, the spokesman").
        """
        if resolved.kind != "title" or resolved.resolution not in {"unresolved", "nearest"}:
            return speaker, resolved
        office = self.ex.gaz.role_holder(self.text[s:e], self.published)
        if office is None:
            return speaker, resolved
        return {"speaker_id": office}, Resolved(self.text[s:e], "title", actor_type="person", resolution="office")

    def _identify(self, resolved: Resolved, s: int, e: int) -> dict[str, Any]:
        """A known actor when the gazetteer names the phrase or its antecedent, else the fullest name."""
        spans = [(s, e)]
        if resolved.start is not None and resolved.end is not None:
            spans.insert(0, (resolved.start, resolved.end))
        titled = titled_speaker(resolved.name or self.text[s:e], self.text[s:e].strip())
        if titled is not None:  # "the Deputy Secretary-General of the X Movement Jane Roe": Jane Roe
            phrase = self.text[s:e].rstrip()
            person = titled == person_after_title(resolved.name or phrase)
            a = s + len(phrase) - len(titled) if person and phrase.endswith(titled) else s
            resolved = Resolved(titled, "named", a, s + len(phrase), "person" if person else "organization")
            spans = [(a, s + len(phrase))]
        ends_in_person = (
            resolved.kind == "named"
            and resolved.actor_type == "person"
            and resolved.end == s + len(self.text[s:e].rstrip())
            and len((resolved.name or "").split()) >= 2
        )
        for a, b in spans:
            if resolved.kind == "title" and (a, b) == (s, e) and resolved.resolution != "unresolved":
                continue
            hits = [m for m in self.mention_ix.overlapping(a, b) if self._may_speak(m, (a, b) != (s, e))]
            if ends_in_person and (a, b) == (s, e):
                # "the X movement in Norway Tom Hale": the person the phrase ends in, not X named before him
                hits = [m for m in hits if resolved.start is not None and m.end > resolved.start]
                if not hits:
                    break
            if hits and (a, b) == (s, e) and _titled_name_after(self.text, resolved, hits[-1].end):
                break  # "the X Forum’s senior Y analyst Jane Roe": the titled name, not the place in the title
            if hits and (
                resolved.kind != "title"
                or resolved.resolution != "unresolved"
                or (
                    len(hits) == 1
                    and self.text[hits[-1].end : hits[-1].end + 2] not in {"’s", "'s"}
                    and not _person_role(self.text[a:b], hits[-1].start - a)
                )
            ):
                return {"speaker_id": self.ex.gaz.aliases[hits[-1].surface]}
        if resolved.name and resolved.name in self.ex.gaz.aliases:
            return {"speaker_id": self.ex.gaz.aliases[resolved.name]}
        full = self._surname_of(resolved.name)
        if full is not None:
            return {"speaker_id": self.ex.gaz.aliases[full]} if full in self.ex.gaz.aliases else {"speaker_name": full}
        return {"speaker_name": resolved.name}

    def _surname_of(self, name: str | None) -> str | None:
        """ "Trump’s comments" after "President Donald Trump": the one word is the surname of the fuller name
        the article gives (all of it capitalised words, ending in this one), or None."""
        if not name or " " in name or not name[:1].isupper():
            return None
        full = self.index.fullest(name)
        words = full.split()
        titled = [k for k, w in enumerate(words[:-1]) if w in PERSON_TITLES or w.lower() in ROLE_NOUNS]
        if titled:  # "US Defense Secretary Ada Roe": the name after the last title word
            words = words[titled[-1] + 1 :]
        if len(words) < 2 or words[-1] != name or len(words) > 4 or not all(w[:1].isupper() for w in words):
            return None
        return " ".join(words)

    def _may_speak(self, m: Any, inside_name: bool) -> bool:
        """A known actor's mention that can be the speaker of the phrase it stands in.

        Not a nationality adjective of a state ("Iraqi officials"), not part of a longer name the
        article uses ("Legion" in "Eastern Legion Brigades"), and, in a longer phrase, not a
        possessor ("Iraq's TV channel").
        """
        actor = self.ex.gaz.aliases[m.surface]
        kind = self.ex.gaz.types.get(actor)
        if kind not in SPEAKING_TYPES:
            return False
        if kind == "state" and m.surface.endswith(DEMONYM_ENDINGS) and " " not in m.surface:
            return False
        longer = [n for n in self.index.between(m.start - 80, m.end + 80) if n.start <= m.start and m.end <= n.end]
        if any(n.end - n.start > m.end - m.start for n in longer):
            return False
        if COMPOUND_MODIFIER.match(self.text, m.end):
            return False  # "Norland-backed groups", "Norland-led forces": not Norland
        if PLACE_THEN_NAME.match(self.text, m.end) and re.search(
            r"\b(?:in|from)\s+$", self.text[m.start - 6 : m.start]
        ):
            return False  # "the movement in Norland Tom Hale said": the place of the title, Tom Hale speaks
        possessor = self.text[m.end : m.end + 2] in {"’s", "'s"}
        return not possessor or inside_name

    def _ids_in(self, a: int, b: int) -> set[str]:
        return {self.ex.gaz.aliases[m.surface] for m in self.mention_ix.overlapping(a, b)}

    def _name_at(self, resolved: Resolved | None) -> Name | None:
        if resolved is None or resolved.start is None:
            return None
        return self.index.by_start.get(resolved.start)


ABBREV = {
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "col", "lt", "maj", "capt", "st", "jr", "sr", "inc", "co",
    "corp", "no", "vs", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "prof", "rev", "ft",
    "adm", "sgt", "mt", "u.s", "u.n", "u.k", "a.m", "p.m", "d.c", "e.g", "i.e",
}  # fmt: skip
LAST_WORD = re.compile(r"([\w.]+)[.!?…]+[”\"’)\]]*\s+$")  # the word a stop ends, searched near it
SENTENCE_END = re.compile(r"[.!?…]+[”\"’)\]]*\s+(?=[“\"‘(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: a stop, then space and a capital, unless the stop ends an abbreviation or initial.

    pysbd did the same job five times slower here (most of `dataset extract`'s time); the few
    sentences it split better changed no PolNeAR score by more than 0.005.
    """
    out = []
    pos = 0
    for para in text.split("\n"):
        if para.strip():
            start = pos + len(para) - len(para.lstrip())
            for m in SENTENCE_END.finditer(para):
                word = LAST_WORD.search(para, max(0, m.start() - 80), m.end())
                token = word.group(1).lower().rstrip(".") if word else ""
                if token in ABBREV or (len(token) == 1 and token.isalpha() and m.group()[0] == "."):
                    continue
                out.extend(_bounded(text, start, pos + m.end()))
                start = pos + m.end()
            if start < pos + len(para.rstrip()):
                out.extend(_bounded(text, start, pos + len(para)))
        pos += len(para) + 1
    return out


LONGEST_SENTENCE = 2000  # characters; news sentences here reach 1,000 (PolNeAR, domain set, curated five)


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut, at spaces, into pieces of at most LONGEST_SENTENCE characters.

    Rules look at each sentence whole (its subject, every cue in it for every quotation), so a text
    with no full stops would cost the square of its length; real sentences are never cut.
    """
    out = []
    while end - start > LONGEST_SENTENCE:
        cut = text.rfind(" ", start + LONGEST_SENTENCE // 2, start + LONGEST_SENTENCE)
        cut = cut + 1 if cut > 0 else start + LONGEST_SENTENCE
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def confidence(cue: Cue, resolved: Resolved, quote: tuple[int, int] | None) -> float:
    """How often a proposal of this shape was right on PolNeAR train (benchmarks/extraction.py).

    Measured there: a cue within 40 characters after a quotation with a named or pronoun source,
    0.97-0.99; the same cue before it, 0.97 when adjacent with a pronoun, 0.86-0.89 otherwise; title
    sources 0.58-0.81; reported speech without marks 0.74-0.79 (0.91 with "according to").
    """
    if resolved.kind == "pronoun" and resolved.resolution == "unresolved":
        return 0.3
    if cue.how == "participle":  # ", saying …" hangs on the main clause's subject: right 0.61 on train
        return 0.5
    if quote is None:  # reported speech
        return {"named": 0.7, "pronoun": 0.7}.get(resolved.kind, 0.5) if cue.how != "according" else 0.75
    after = cue.start >= quote[1]
    gap = cue.start - quote[1] if after else quote[0] - cue.end
    if resolved.kind == "title":
        return 0.7 if after and gap < 40 else 0.6
    if after and gap < 40:
        return 0.95
    if not after and gap < 8 and resolved.kind == "pronoun":
        return 0.85
    return 0.75


NESTED_NOT_SOURCES = {
    "i", "we", "you", "he", "she", "they", "it", "this", "that", "these", "those", "many", "some", "several", "all",
    "both", "each", "others", "people", "everyone", "nobody", "one", "no",
}  # fmt: skip
"""Sources inside a quotation that are the speaker, someone already named, or an unnamed collective."""


def nested_cues(text: str, quotes: list[Any], sentences: SpanIndex[tuple[int, int]]) -> list[Cue]:
    """Cues inside the sentences of a quotation (six words or more), with a subject of their own."""
    out = []
    for q in quotes:
        if len(text[q.start : q.end].split()) < 6:
            continue
        for s, e in sentences.overlapping(q.start, q.end):
            a, b = max(s, q.start), min(e, q.end)
            for c in analyse_sentence(text, a, b, NOTHING_QUOTED):
                if c.source is not None and c.how == "subject" and c.content:
                    c.nested = True
                    out.append(c)
    return out


NOTHING_QUOTED = pairs([])


TITLED_NAME = re.compile(r"\b[a-z][a-z-]+\s+$")


def _titled_name_after(text: str, resolved: Resolved, hit_end: int) -> bool:
    """The resolved name stands after the known mention, a lower-case title word just before it
    ("… Dovra analyst Jane Roe", "… Group’s director Jane Roe"): that person speaks."""
    if resolved.kind != "named" or resolved.start is None or resolved.start < hit_end:
        return False
    return bool(TITLED_NAME.search(text, max(0, resolved.start - 30), resolved.start))


def _person_role(phrase: str, at: int) -> bool:
    """ "A senior official of X", "a spokesman for X": a person holding a role in the group named at
    `at`, not the group (the article may name the person later, or never)."""
    from .names import _head, _role_head

    head = _head(phrase)
    return head is not None and _role_head(head) and bool(re.search(r"\b(?:of|for|at|from|in)\s+$", phrase[:at]))


def _spans(cue: Cue, resolved: Resolved) -> dict[str, Any]:
    out: dict[str, Any] = {"cue_start": cue.start, "cue_end": cue.end, "source_kind": resolved.kind}
    if cue.source:
        out.update(source_start=cue.source[0], source_end=cue.source[1])
    if cue.addressee:
        out.update(addressee_start=cue.addressee[0], addressee_end=cue.addressee[1])
    if cue.reporter:
        out.update(reporter_start=cue.reporter[0], reporter_end=cue.reporter[1])
    return out


def _again(p: Proposal) -> Proposal:
    """The statement of the second occasion a cue reports ("twice told")."""
    return Proposal(p.kind, p.start, p.end, p.confidence, dict(p.data))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,:;—–-\n":
        start += 1
    while end > start and text[end - 1] in " .,;:\n":
        end -= 1
    return start, end


def _glossed(text: str, q: Any) -> bool:
    """A quotation alone in parentheses after a name ("X (“the League of the Righteous”)"): the name's
    translation or nickname, no one's words."""
    before = text[max(0, q.start - len(q.open_mark) - 2) : q.start - len(q.open_mark)]
    after = text[q.end + len(q.close_mark) : q.end + len(q.close_mark) + 1]
    return before.endswith("(") and after == ")"


QUOTED_NAME = re.compile(r"(?:(?:[A-Z][\w.’'-]*|al-[\w’'-]+|bin|ibn|of|the)\s+){0,5}(?:[A-Z]|al-)[\w.’'-]*,?")
"""Capitalised words alone in marks ("Abu Ali al-X,", "Islamic Resistance"): a name, not words said."""


def _quoted_name(text: str, q: Any) -> bool:
    """A name in marks set off by commas ('the group's official, "Abu X," rejected …'): an apposition that
    names, no one's words."""
    before = text[max(0, q.start - len(q.open_mark) - 2) : q.start - len(q.open_mark)]
    after = text[q.end + len(q.close_mark) : q.end + len(q.close_mark) + 1]
    inner = text[q.start : q.end].strip()
    words = re.findall(r"[\w’'-]+", text[max(0, q.start - len(q.open_mark) - 30) : q.start - len(q.open_mark)])
    cue = bool(words) and words[-1].lower() in CUE_FORMS  # 'X said, "We Will Win,"': words after their cue
    apposed = before.endswith(", ") and (inner.endswith(",") or after == ",")
    return apposed and not cue and bool(QUOTED_NAME.fullmatch(inner))


DETERMINER_BEFORE = re.compile(r"(?:[A-Z][A-Z ,.]*[/–—-]\s*)?(?:The|Its|Their)(?:\s+[a-z][\w-]*){0,2}\s+")
"""A sentence's opening determiner, after any dateline ("CITY / The underground "): its subject follows."""
GLOSS_AFTER = re.compile(r"\s*\([^()“”\"]{1,60}\)")
VERB_AFTER = re.compile(
    r"\s+(?!(?:for|of|in|on|at|to|from|with|by|and|or|as|that|which|who|is|was)\b)(?:[a-z][\w-]*)\b"
)


def _determined_name(text: str, q: Any) -> bool:
    """Capitalised words in marks after a determiner and before a verb ('the underground “X League
    (Y)” have issued'): the noun phrase's name, no one's words (a quotation is not set after "the")."""
    open_at = q.start - len(q.open_mark)
    inner = text[q.start : q.end].strip()
    gloss = GLOSS_AFTER.search(inner)
    name = inner[: gloss.start()] if gloss and gloss.end() == len(inner) else inner
    after = q.end + len(q.close_mark)
    return (
        DETERMINER_BEFORE.fullmatch(text, _sentence_start(text, open_at), open_at) is not None
        and not CALLED.search(text, max(0, q.start - 40), q.start)  # a name taken: kept for the curator
        and bool(QUOTED_NAME.fullmatch(name))
        and not name.endswith(",")
        and VERB_AFTER.match(text, after) is not None
    )


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding `at` begins: after its line's start or the last stop before."""
    line = text.rfind("\n", 0, at) + 1
    stop = max(text.rfind(". ", line, at), text.rfind("? ", line, at), text.rfind("! ", line, at))
    return stop + 2 if stop >= 0 else line


def _unmarked(text: str, quotes: list[Any]) -> str:
    """The text with these quotations' marks read as spaces."""
    out = list(text)
    for q in quotes:
        for at in (*range(q.start - len(q.open_mark), q.start), *range(q.end, q.end + len(q.close_mark))):
            out[at] = " "
    return "".join(out)


def _inside(at: int, q: Any) -> bool:
    return q.start <= at < q.end


__all__ = ["Extractor", "Gazetteer", "Proposal", "resolve_date"]
