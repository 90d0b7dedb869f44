"""Attribution cues in a sentence: the reporting cue, its source phrase, its addressee and its content.

Rules over tokens, no parser: a source is the noun phrase read leftwards from the cue (past
auxiliaries, adverbs and a comma-bounded appositive) or, when the cue follows a quotation or
clause ("…,” said X"), rightwards. "X told Y that …" makes Y the addressee; "according to X" and
", saying …" (the main clause's subject) are handled apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .leaders import TWO_NAMES, TWO_UNNAMED
from .lexicon import (
    ADDRESSING,
    BARE,
    BARE_ONLY_AFTER,
    BETWEEN,
    BOUNDARY,
    COUNT_WORDS,
    CREED_WORDS,
    CUE_RE,
    DETERMINERS,
    MODALS,
    MONTHS,
    NOT_NAMES,
    OBJECT_CUES,
    PARTICIPLE_ONLY,
    PERSON_TITLES,
    PRONOUNS,
    RELATIVE,
    ROLE_NOUNS,
    VOLITIONAL,
)
from .spans import SpanIndex

TOKEN_RE = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Maj|Capt|Prof|Rev|St|Jr|Sr|Sgt|Adm)\.(?=\s)"
    r"|(?:[A-Z]\.){2,}"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # "12,400": one number, not a clause's comma
    r"|[\w][\w’'\-]*(?:\.(?=\w))?[\w’'\-]*"
    r"|[^\w\s]"
)
QUOTE_MARKS = '“”"‘’'
CLAUSE_END = {".", ";", ":", "!", "?", "—", "–", "(", ")", "[", "]"} | set(QUOTE_MARKS)
INDEFINITE = {"anybody", "anyone", "everybody", "everyone", "somebody", "someone", "nobody", "whoever", "those"}
SUBORDINATORS = {"while", "although", "though", "whereas"}
OPENERS = {"after", "before", "when", "while", "as", "although", "following", "amid", "despite"}
NOUN_FIRST = {"calls"}  # cue forms that read as nouns after a common word
PREP_EXTEND = {"of", "for", "at", "from", "in", "with", "to"}
VERBS_COMMON = {
    "made",
    "met",
    "took",
    "gave",
    "held",
    "sent",
    "spoke",
    "visited",
    "issued",
    "released",
    "is",
    "was",
    "are",
    "were",
    "has",
    "had",
    "will",
    "would",
    "can",
    "could",
    "makes",
    "went",
    "came",
}
NOT_ADVERBS = {"daily", "family", "ally", "rally", "assembly", "supply", "anomaly", "monopoly", "weekly", "monthly"}
TEMPORAL = {
    "last",
    "this",
    "next",
    "earlier",
    "later",
    "week",
    "month",
    "year",
    "day",
    "night",
    "morning",
    "evening",
    "afternoon",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "weekend",
}
PP_HEADS = {
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "over",
    "since",
    "by",
    "through",
    "via",
    "earlier",
    "later",
    "last",
    "this",
}


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    return [
        Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end)
    ]


@dataclass
class Cue:
    """One reporting cue with what the rules found around it (spans are article offsets)."""

    start: int
    end: int
    verb: str
    source: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    content: list[tuple[int, int]] = field(default_factory=list)
    how: str = "none"  # subject | inverted | according | participle
    used: bool = False
    nested: bool = False  # read inside a quotation: another speaker's words report it
    bounded: bool = False  # its words end with a subordinate clause ("While X claims …,"): no quotation after it
    reporter: tuple[int, int] | None = None  # "X said that A, Y reported": Y, who carries X's words


def _skip_between(tokens: list[Token], j: int) -> int:
    """Leftwards past auxiliaries and adverbs ("has also", "famously")."""
    while j >= 0 and (
        tokens[j].low in BETWEEN
        or (not tokens[j].cap and tokens[j].low.endswith("ly") and (tokens[j].low not in NOT_ADVERBS))
    ):
        j -= 1
    if j >= 1 and tokens[j].low == "to" and tokens[j - 1].low in CONTINUING | SEEMING:
        return _skip_between(tokens, j - 2)  # "X continues to push for …": X's act goes on
    if j >= 1 and tokens[j].low == "to" and tokens[j - 1].low in {"reason", "reasons"}:
        h = j - 2  # "X have their reasons to want …": X's position
        while h >= 0 and tokens[h].low in REASON_WORDS:
            h -= 1
        if h >= 0 and tokens[h].low in {"have", "has", "had"}:
            return _skip_between(tokens, h - 1)
    return j


FINITE_NEXT = {"have", "had", "are", "were", "will", "would", "can", "could", "must", "may", "might", "want", "do"}
CONTINUING = {"continue", "continues", "continued"}
QUANTIFIERS = {"other", "many", "several", "some", "both", "most", "few"}
SEEMING = {"seem", "seems", "seemed", "appear", "appears", "appeared"}
REASON_WORDS = {"their", "its", "his", "her", "our", "own", "every", "good", "many", "some", "several", "a", "the"}


WRITINGS = {"statement", "communique", "communiqué", "letter", "message", "declaration", "release"}
BACKED = {"backed", "supported", "funded", "sponsored", "armed", "trained", "aligned"}
"""Participles whose agent after "by" modifies the noun before them ("groups backed by X")."""
ALIGNED = {"aligned", "allied", "affiliated", "linked", "loyal", "close"}
"""Words whose "with X"/"to X" modifies the noun before them ("groups aligned with X", "forces loyal to X")."""


def _past_boundary(tokens: list[Token], j: int, started: bool) -> int | None:
    """Where a noun phrase read leftwards goes on past the boundary word at j ("the head of X", "groups
    backed by X"); None where the phrase ends there."""
    t = tokens[j]
    if t.low == "by" and started and j > 1 and tokens[j - 1].low in BACKED:
        return j - 2  # "groups backed by X said": the groups, not X
    if t.low in {"with", "to"} and started and j > 1 and tokens[j - 1].low in ALIGNED:
        return j - 2  # "armed groups aligned with X threatened": the groups, not X
    if t.low == "by" and started and j > 0 and tokens[j - 1].low in WRITINGS:
        return j - 1  # "a statement by X said": the statement X issued
    if (
        t.low in PREP_EXTEND
        and j > 0
        and tokens[j - 1].is_word
        and tokens[j - 1].low not in BOUNDARY
        and (tokens[j - 1].low not in BETWEEN)
        and not (not tokens[j - 1].cap and _verb_like(tokens[j - 1].low))  # "concludes with X"
    ):
        return j - 1
    return None


def noun_phrase_left(tokens: list[Token], j: int, limit: int = 9) -> tuple[int, int] | None:
    """Token indexes [a, b] of the noun phrase ending at token j, read leftwards; None if none."""
    b = j
    a = j + 1
    while j >= 0 and b - j < limit:
        t = tokens[j]
        if t.text == ")":  # "Sen. X (R-Iowa) said": skip the parenthesis
            opening = next((x for x in range(j - 1, max(-1, j - 16), -1) if tokens[x].text == "("), None)
            if opening is None:
                break
            j = opening - 1
            b = j if a > b else b
            continue
        if t.text in {"-", "’", "'"} and j > 0 and tokens[j - 1].is_word and tokens[j - 1].end == t.start:
            j -= 1  # inside a word ("Al-Anbar", "Kata’ib"); a spaced hyphen ("CITY - A group") ends the phrase
            continue
        if not t.is_word:
            break
        if not t.cap and t.low in PARTICIPLE_ONLY:
            break  # "…, saying anybody who …": a participle ends the phrase
        if not t.cap and t.low in BOUNDARY:
            past = _past_boundary(tokens, j, a <= b)
            if past is None:
                break
            j = past
            continue
        a = j
        j -= 1
    if a > b:
        return None
    # a capitalised sentence opener or weekday before the name is not part of it ("On Monday Smith")
    while (
        a < b
        and tokens[a].text in NOT_NAMES
        and tokens[a].text not in PERSON_TITLES
        and (tokens[a].low not in DETERMINERS)
    ):
        a += 1
    while a < b and tokens[a].low in PREP_EXTEND:
        a += 1
    while a < b and not tokens[a].cap and tokens[a].low.endswith("ly") and tokens[a].low not in NOT_ADVERBS:
        a += 1  # "similarly discounted …": an adverb opens no noun phrase
    if a > b or (a == b and tokens[a].low in DETERMINERS | RELATIVE):
        return None
    head = tokens[b]
    determined = b > a and tokens[b - 1].low in DETERMINERS and not head.low.endswith("ed")  # "the reports"
    determined |= any(tokens[x].low in QUANTIFIERS for x in range(a, b))  # "other river states"
    verb = _verb_like(head.low) and not determined
    if not head.cap and (verb or (head.low.endswith("ly") and head.low not in NOT_ADVERBS)):
        return None  # "… that were hacked suggested": no noun heads this phrase
    return a, b


def noun_phrase_right(tokens: list[Token], i: int, limit: int = 9) -> tuple[int, int] | None:
    """Token indexes [a, b] of the noun phrase starting at token i, read rightwards."""
    a = i
    b = i - 1
    while i < len(tokens) and i - a < limit:
        t = tokens[i]
        if not t.is_word:
            if t.text in {"-", "’", "'"} and b >= a:
                i += 1
                continue
            if (
                t.text == "("
                and b >= a
                and i + 2 < len(tokens)
                and tokens[i + 2].text == ")"
                and _acronym(tokens[i + 1])
            ):
                b = i = i + 2  # "the Center for Dialogue (RCD) forum": the acronym in brackets is the name's
                i += 1
                continue
            break
        if not t.cap and t.low in BOUNDARY and t.low not in {"of", "for", "at", "from"}:
            break
        if not t.cap and t.low in {"of", "for", "at", "from"} and (i + 1 >= len(tokens) or not tokens[i + 1].is_word):
            break
        b = i
        i += 1
    while b >= a and tokens[b].low in {"of", "for", "at", "from"}:
        b -= 1
    return (a, b) if b >= a else None


def _span(tokens: list[Token], ab: tuple[int, int] | None) -> tuple[int, int] | None:
    return (tokens[ab[0]].start, tokens[ab[1]].end) if ab else None


def analyse_sentence(text: str, start: int, end: int, quoted: SpanIndex[tuple[int, int]]) -> list[Cue]:
    """Every reporting cue in text[start:end] outside quotation marks, with its source and content."""
    tokens = tokenize(text, start, end)
    out: list[Cue] = []
    for k, t in enumerate(tokens):
        if not t.is_word or quoted.holding(t.start) is not None:
            continue
        if t.text in {"According", "according"} and k + 1 < len(tokens) and tokens[k + 1].low == "to":
            cue = _according_cue(text, tokens, k, start, end)
        elif t.low == "in" and (view := VIEW_OF.match(text, t.start, end)) is not None:
            cue = _view_cue(text, view, end)
        elif t.low == "pressure" and k > 0:
            cue = _pressure_cue(tokens, k, end)
        elif (act := _named_act(text, tokens, k, end)) is not None:
            cue = act or None
        elif (found := _view_or_finding(tokens, k, end)) is not None:
            cue = found or None
        elif t.low in SPEECH_NOUNS and k + 2 < len(tokens) and tokens[k + 1].low == "by":
            cue = _speech_noun_cue(tokens, k, end)
        elif t.low in SPEECH_NOUNS | {"comments", "remarks"} and k > 1 and _owner_at(tokens, k) is not None:
            cue = _possessed_speech_cue(tokens, k, end)
        else:
            cue = (
                _held_responsible_cue(tokens, k, end) if t.low in HELD else _verb_cue(text, tokens, k, start, end, out)
            )
        if cue is not None:
            out.append(cue)
    for cue in out:
        _end_where_going_on(text, cue, out)
        _end_before_contrast(text, cue, out)
        _according_carries(cue, out)
        if (
            cue.how == "subject"
            and cue.content
            and cue.verb.lower() in SPEECH_NOUNS | {"pressure", "comments", "remarks"}
        ):
            later = [c.source[0] for c in out if c.source is not None and c.source[0] > cue.end]
            if later:  # "… X's pressure on Y to do Z, the report added": the words end before the report's source
                cue.content = [(cue.content[0][0], text.rfind(",", cue.content[0][0], min(later)) % (end + 1))]
    return out


GOING_ON_JOIN = re.compile(r",?\s+(?:and|but)\s+$")
CONTRAST = re.compile(r"[,;]?[”\"’']?,?\s+(?:but|while|whereas)\s+$|(?:[,;][”\"’']?|[”\"’'],)\s+and\s+$")


REPORTED = {"reported", "reports", "quoted"}
"""The verbs of an outlet or an office carrying another's words ("…, the agency reported")."""


REPORT_TIME = re.compile(r"(?:\s+(?:on|late|early|earlier|last|this)\b[^.,;:]{0,30})?[\s.]*")
"""What may follow the carrier's cue at the sentence's end: its date ("… al-Minar reported on June 25.")."""


def _reports_it(text: str, cue: Cue, other: Cue, a: int, b: int) -> bool:
    """ "X said that A, Y reported.": a later cue ending the sentence whose source stands after a comma in X's
    words and whose own words (the clause before) hold X's cue: Y reports X's speech, it says nothing itself."""
    if other is cue or other.how != "subject" or other.source is None or cue.how != "subject" or cue.source is None:
        return False
    carrier = other.verb in REPORTED or (other.verb in {"said", "says"} and "office" in text[slice(*other.source)])
    if not carrier or not a < other.source[0] < b or other.source[0] < cue.end:
        return False
    before = text[a : other.source[0]].rstrip()
    tail = REPORT_TIME.fullmatch(text, other.end, b)  # nothing after the carrier's cue but its date
    return before.endswith((",", ",”", ',"', "”,", '",')) and tail is not None


TELLING = {"said", "says", "told", "tells", "stated", "states", "added", "noted", "explained", "announced", "declared"}
"""Verbs of telling: "According to Y, X told …" reports X's speech; "according to Y, X censured …" is Y's account."""


def _according_carries(cue: Cue, out: list[Cue]) -> None:
    """ "According to Y, X told Z that A": the clause after Y holds X's own cue, so Y carries X's words (their
    medium, as "…, Y reported" does) and says nothing itself."""
    if cue.how != "according" or cue.source is None or len(cue.content) != 1 or cue.content[0][0] < cue.end:
        return
    a, b = cue.content[0]
    for other in out:
        speech = other.verb.split()[-1].lower() in TELLING if other.verb else False
        if (
            other is not cue
            and other.how == "subject"
            and speech
            and other.content
            and a <= (other.source or (-1,))[0] < b
        ):
            other.reporter = other.reporter or cue.source
            cue.content = []
            return


def _end_before_contrast(text: str, cue: Cue, out: list[Cue]) -> None:
    """ "X said that A, but Y warned B": X's words end before the contrast that gives another source its
    own cue; B is Y's (docs/curation.md, coverage rule 1), not X's "A, but Y warned B"; and "X announced
    that A, according to Y" ends before the attribution of Y."""
    if not cue.content:
        return
    a, b = cue.content[-1]
    for other in out:
        if _reports_it(text, cue, other, a, b):
            cut = text.rfind(",", a, other.source[0])  # "X said that A, Y reported": X's words are A; Y carries them
            cue.content[-1], cue.reporter, other.content = (a, cut), other.source, []
            return
        if other is not cue and other.how == "according" and a < other.start < b and cue.how != "according":
            cut = text.rfind(",", a, other.start)  # "X announced that A, according to Y": A ends before
            cue.content[-1] = (a, cut if cut > a else other.start)
            return
        if other is cue or other.how != "subject" or other.source is None or not a < other.source[0] < b:
            continue
        if m := CONTRAST.search(text, a, other.source[0]):
            cue.content[-1] = (a, m.start() + len(m.group(0)) - len(m.group(0).lstrip(",;”\"’'")))
            return


def _end_where_going_on(text: str, cue: Cue, out: list[Cue]) -> None:
    """ "X is keen to A, and it wants B": a position's words end before the pronoun that goes on with a cue
    of its own (a further point, its own statement; docs/curation.md), not "A, and it wants B"."""
    if not cue.content or cue.verb not in VOLITIONAL:
        return
    a, b = cue.content[-1]
    for later in out:
        if later.source is None or not a < later.source[0] < b:
            continue
        if text[later.source[0] : later.source[1]].lower() not in PRONOUNS:
            continue
        join = GOING_ON_JOIN.search(text[a : later.source[0]])
        if join is not None:
            cue.content[-1] = (a, a + join.start())
            return


ISSUING_NOW = {"issued", "issues", "released", "releases", "published", "publishes"}
STATEMENT_THAT = re.compile(
    r"\s+(?P<noun>an?\s+(?:(?:joint|written|official|new|brief|short)\s+)?(?:statement|communiqu[eé]|declaration))"
    r"(?:\s+(?:on|in|late|early|this|last|earlier)\s+[\w-]+){0,3}"
    r"(?P<aim>\s+to\s+(?:highlight|stress|emphasi[sz]e|underline|underscore|say|announce|declare|confirm|affirm|"
    r"reiterate))?(?:\s+the\s+fact)?\s+that\s+"
)
"""A statement issued with its content ("X released a statement on Wednesday that …", "… a statement to
stress that …"): X's words, as "X said in a statement that …" would be; the verb as written ("released a
statement", "releases a statement to highlight")."""
LAUNCHED = {"launched", "launches", "launch", "waged", "wages", "began", "begun", "started", "stepped"}
CAMPAIGN = re.compile(
    r"(?:\s+up)?\s+(?:an?|the|their|its|his|her)\s+(?:[\w-]+\s+){0,2}?(?:campaign|offensive|push|drive|effort|bid)\s+"
    r"(?=to\s+(?:pressure|press|push|persuade|convince|force|end|expel|oust|remove)\b)"
)
"""Advocacy whose aim is stated ("have launched a diplomatic offensive to pressure X to …"): a position
in the writer's voice (docs/curation.md, coverage rule 3), the campaign its cue, the aim its words."""


RENEWED = {"repeated", "repeats", "renewed", "renews", "reiterated", "reiterates", "issued", "issues"}
NAMED_ACT = re.compile(
    r"\s+(?:(?:its|their|his|her|the|a|an)\s+)?(?:[\w-]+\s+)?(?:threats?|calls?|demands?|warnings?|appeals?)\s+"
    r"(?=to\s+(?!(?:the|a|an|his|her|its|their|this|that|our|my)\b)[a-z]|for\s+[a-z])(?:for\s+)?"
)
"""An act named with what it threatens or demands ("repeated threats to attack X", "renewed calls for the
withdrawal"): its words say what (docs/curation.md, coverage rule 1), unlike "made similar threats"."""


FINDING = {"shows", "showed", "show", "found", "finds", "find"}
RESEARCH = {
    "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "analysis", "data", "research",
    "investigation", "review", "audit", "assessment", "figures", "census",
}  # fmt: skip
"""What a poll or a study shows or finds is its finding (a research body's statement, docs/curation.md)."""


def _view_or_finding(tokens: list[Token], k: int, end: int) -> Cue | bool | None:
    """A passive view or a study's finding at token k: its cue, False where the form is there but no
    cue reads, None where the form is not."""
    t = tokens[k]
    if t.low in VIEWED and 0 < k < len(tokens) - 3 and tokens[k - 1].low in BE_FORMS and tokens[k + 1].low == "by":
        return _passive_view_cue(tokens, k, end) or False
    if t.low in FINDING and k > 0 and tokens[k - 1].low in RESEARCH:
        return _finding_cue(tokens, k, end) or False
    return None


def _finding_cue(tokens: list[Token], k: int, end: int) -> Cue | None:
    """ "A new poll shows that …", "the study found …": the research noun's phrase, the clause after."""
    np = noun_phrase_left(tokens, k - 1)
    i = k + 1
    while i < len(tokens) and tokens[i].low in {"that", ","}:
        i += 1
    if np is None or len(tokens) - i < 3:
        return None
    cue = Cue(tokens[k].start, tokens[k].end, tokens[k].low, _span(tokens, np), how="subject")
    cue.content = [(tokens[i].start, end)]
    return cue


VIEWED = {"seen", "viewed", "interpreted", "regarded", "described", "characterized", "characterised", "considered"}
"""A view in the passive with its holder after "by" ("was seen by X as a threat"): X's position."""


def _passive_view_cue(tokens: list[Token], k: int, end: int) -> Cue | None:
    """ "The plan was seen by many farmers as a threat to their land": the holder after "by", the
    words what follows "as", to the clause's end."""
    np = noun_phrase_right(tokens, k + 2, limit=6)
    if np is None or np[1] + 2 >= len(tokens) or tokens[np[1] + 1].low != "as":
        return None
    first = np[1] + 2
    stop = next((t.start for t in tokens[first:] if t.text in {",", ";"} | CLAUSE_END), end)
    cue = Cue(tokens[k].start, tokens[k].end, tokens[k].low, _span(tokens, np), how="subject")
    cue.content = [(tokens[first].start, stop)]
    return cue


SPEECH_NOUNS = {"announcement", "statement", "claim", "warning", "pledge", "promise", "assertion", "declaration"}
SPEECH_NOUNS |= {f"{w}s" for w in SPEECH_NOUNS}
"""A speech act named by its noun, its speaker after "by" and its words in a that-clause ("the
announcement by X earlier this year that …"): X's statement, as "X announced that …" would be."""


POSSESSOR = re.compile(r"[A-Z][\w-]*[’']s")
"""A name's possessive token ("Norland’s"): the owner of the speech noun after it."""
ROLE_POSSESSOR = re.compile(r"(?P<role>[a-z]+)[’']s")
OWNER_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their"}


def _possessor(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """The owner of a speech noun: a name's possessive ("Norland’s"), or a determined role's ("the US
    official’s", "the group’s"), as [first, possessive] token indexes; None for any other word."""
    if POSSESSOR.fullmatch(tokens[j].text):
        return j, j
    role = ROLE_POSSESSOR.fullmatch(tokens[j].text)
    if role is None or role["role"] not in ROLE_NOUNS:
        return None
    for x in range(j - 1, max(-1, j - 5), -1):
        if not tokens[x].is_word:
            return None
        if tokens[x].low in OWNER_DETERMINERS:
            return x, j
    return None


def _owner_at(tokens: list[Token], k: int) -> tuple[int, int] | None:
    """The possessor of the speech noun at k, right before it or before one adjective ("X’s unilateral
    declaration"), as [first, possessive] token indexes."""
    owner = _possessor(tokens, k - 1)
    adjective = tokens[k - 1].is_word and not tokens[k - 1].cap and not _verb_like(tokens[k - 1].low)
    if owner is None and k > 2 and adjective and tokens[k - 1].low not in BOUNDARY:
        owner = _possessor(tokens, k - 2)
    return owner


HELD = {"held", "holds", "hold", "holding"}


def _held_responsible_cue(tokens: list[Token], k: int, end: int) -> Cue | None:
    """ "X held Y responsible for Z": an accusation of X's, its words all of "Y responsible for Z"."""
    upto = range(k + 1, min(len(tokens), k + 9))
    responsible = next((x for x in upto if tokens[x].low in {"responsible", "accountable"}), None)
    if responsible is None or any(not tokens[x].is_word for x in range(k + 1, responsible)):
        return None
    left, _, _ = _source_before(tokens, _skip_between(tokens, k - 1))
    if left is None or tokens[k - 1].low in BE_FORMS:
        return None  # "was held responsible": the one blamed, no speaker here
    cue = Cue(tokens[k].start, tokens[k].end, tokens[k].text, _span(tokens, left), how="subject")
    cue.content = [(tokens[k + 1].start, end)]
    return cue


def _possessed_speech_cue(tokens: list[Token], k: int, end: int) -> Cue | None:
    """ "… spurred by X’s comments on Sunday to Y that …", "rejected X’s claim that …": X said the clause (the
    noun names the act); not where "X’s claim that …" opens the sentence, whose own verb comes after the clause."""
    that = next((x for x in range(k + 1, min(len(tokens), k + 9)) if tokens[x].low == "that"), None)
    if that is None or that + 1 >= len(tokens) or any(not x.is_word and x.text != "’" for x in tokens[k + 1 : that]):
        return None
    if any(_verb_like(x.low) and not x.cap for x in tokens[k + 1 : that]):
        return None  # "X’s comments were welcomed that …": a clause of its own, no attribution
    first, owner = _owner_at(tokens, k) or (k - 1, k - 1)
    cue = Cue(
        tokens[k].start, tokens[k].end, tokens[k].text, (tokens[first].start, tokens[owner].end - 2), how="subject"
    )
    cue.content = [(tokens[that + 1].start, end)]
    return cue


def _speech_noun_cue(tokens: list[Token], k: int, end: int) -> Cue | None:
    np = noun_phrase_right(tokens, k + 2, limit=6)
    if np is None or not any(tokens[x].cap for x in range(np[0], np[1] + 1)):
        return None  # a name or a named body speaks, not "by any measure"
    a, b = np
    while b > a and tokens[b].low in TEMPORAL:
        b -= 1  # "by X earlier this year": the time is not the speaker
    that = next((x for x in range(b + 1, min(len(tokens), b + 6)) if tokens[x].low == "that"), None)
    between = tokens[b + 1 : that] if that is not None else []
    if that is None or that + 1 >= len(tokens) or any(x.low not in TEMPORAL | {"on", "in", "of"} for x in between):
        return None
    cue = Cue(tokens[k].start, tokens[k + 1].end, tokens[k].text, _span(tokens, (a, b)), how="subject")
    cue.content = [(tokens[that + 1].start, end)]
    return cue


def _named_act(text: str, tokens: list[Token], k: int, end: int) -> Cue | bool | None:
    """An act the verb at k names with its aim or content ("launched a campaign to …", "renewed threats to
    …", "released a statement that …"): its cue, False where the form is there but no cue reads, None where
    the form is not."""
    t = tokens[k]
    if t.low in LAUNCHED and (campaign := CAMPAIGN.match(text, t.end, end)) is not None:
        return _campaign_cue(text, tokens, k, campaign.end(), end) or False
    if t.low in RENEWED and (act := NAMED_ACT.match(text, t.end, end)) is not None:
        return _campaign_cue(text, tokens, k, act.end(), end) or False
    if t.low in ISSUING_NOW and (issued := STATEMENT_THAT.match(text, t.end, end)) is not None:
        cue = _campaign_cue(text, tokens, k, issued.end(), end)
        if cue is not None:
            cue.verb = text[t.start : issued.end("aim") if issued.group("aim") else issued.end("noun")]
        return cue or False
    return None


def _campaign_cue(text: str, tokens: list[Token], k: int, cue_end: int, end: int) -> Cue | None:
    left, _, _ = _source_before(tokens, _skip_between(tokens, k - 1))
    if left is None:
        return None
    cue = Cue(tokens[k].start, cue_end, text[tokens[k].start : cue_end].strip(), _span(tokens, left), how="subject")
    cue.content = [(cue_end, end)]
    return cue


def _pressure_cue(tokens: list[Token], k: int, end: int) -> Cue | None:
    """ "X's pressure on Y to do Z", "the X pressure to do Z": a named actor's demand reported in the
    writer's voice (docs/curation.md, coverage rule 3), its content the act pressed for."""
    a = k - 1
    while a >= 0 and (tokens[a].cap or _acronym(tokens[a])) and tokens[a].text not in NOT_NAMES and k - a <= 4:
        a -= 1
    words = [t.text for t in tokens[a + 1 : k]]
    if a == k - 1 or all(w in CREED_WORDS or w.endswith(("al", "ian", "ese", "ish")) for w in words):
        return None  # "International pressure", "Western pressure": no actor named
    i = k + 1
    if i < len(tokens) and tokens[i].low == "on":
        ahead = range(i + 1, min(len(tokens), i + 9))
        i = next((x for x in ahead if not tokens[x].is_word or tokens[x].low == "to"), i)
    if i + 1 >= len(tokens) or tokens[i].low != "to" or not tokens[i + 1].is_word or tokens[i + 1].cap:
        return None
    owner = tokens[k - 1]
    source_end = owner.end - (2 if owner.text.endswith(("’s", "'s")) else 0)
    cue = Cue(tokens[k].start, tokens[k].end, "pressure", (tokens[a + 1].start, source_end), how="subject")
    cue.content = [(tokens[i].start, end)]
    return cue


VIEW_OF = re.compile(
    r"[Ii]n (?:the (?P<word>view|opinion|words|assessment) of (?P<of>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,4})"
    r"|(?P<own>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,4})[’']s (?:view|opinion|assessment)),\s+"
)
"""'In the view of X, …', 'In X's view, …': a position held, its content the rest of the sentence."""


def _view_cue(text: str, m: re.Match[str], end: int) -> Cue | None:
    group = "of" if m["of"] else "own"
    content = (m.end(), end)
    if len(text[content[0] : content[1]].split()) < 3:
        return None
    verb = m["word"] or "view"  # the noun that names the position
    cue = Cue(m.start(), m.start(group), verb, (m.start(group), m.end(group)), how="according")
    cue.content = [content]
    return cue


ISSUED = {"issued", "released", "published", "posted", "sent"}
"""A document's participle before its issuer ("a statement issued by …")."""


MANNER_NOUNS = {"timetable", "timetables", "schedule", "schedules", "timeline", "timelines", "plan", "plans"}
"""Nouns after "according to" that say how something is done, not who said it."""


def _head_end(tokens: list[Token], np: tuple[int, int]) -> int:
    """The noun phrase's head: its last word before a participle or preposition that starts its modifier."""
    for x in range(np[0] + 1, np[1] + 1):
        if tokens[x].low in {"of", "for", "at", "from", "agreed", "set", "drawn", "approved"}:
            return x - 1
    return np[1]


def _according_cue(text: str, tokens: list[Token], k: int, start: int, end: int) -> Cue | None:
    """ "according to X": the source is X, the content the clause before or after it."""
    np = noun_phrase_right(tokens, k + 2)
    if not np or tokens[min(np[1], _head_end(tokens, np))].low in MANNER_NOUNS:
        return None  # "implemented according to a timetable agreed …": the manner, no source
    by = np[1] + 2
    if tokens[np[1]].low in ISSUED and by < len(tokens) and tokens[by - 1].low in {"by", "from"}:
        issuer = noun_phrase_right(tokens, by)  # "a note released by the board": the issuer too
        np = (np[0], issuer[1]) if issuer else np
    np = _named_in_commas(tokens, np)  # "according to the group's adviser, Jane Roe, as reported by …"
    cue = Cue(tokens[k].start, tokens[k + 1].end, "according to", _span(tokens, np), how="according")
    before = (start, tokens[k].start) if k > 0 else None
    after_np = tokens[np[1] + 1].start if np[1] + 1 < len(tokens) else end
    after = None if before and AFTER_SOURCE.match(text, after_np, end) else (after_np, end)
    cue.content = [s for s in (before, after) if s and len(text[s[0] : s[1]].split()) >= 3]
    return cue


AFTER_SOURCE = re.compile(
    r",?\s*(?:as\s+(?:reported|cited|quoted)|who|which|citing|quoting|quoted|in\s+an?|on|via)\b", re.I
)
"""What follows a trailing "according to X" that is no content of its own ("…, as reported by Y", "…, who …")."""


def _named_in_commas(tokens: list[Token], np: tuple[int, int]) -> tuple[int, int]:
    """A title's holder named in commas right after it ("the adviser, Jane Roe,"): the source runs to the name."""
    i = np[1] + 1
    if i + 2 < len(tokens) and tokens[i].text == "," and tokens[i + 1].cap:
        j = i + 1
        while j + 1 < len(tokens) and (
            tokens[j + 1].cap or tokens[j + 1].text in {"-", "’", "'"} or tokens[j + 1].low in {"al", "bin"}
        ):
            j += 1
        if j > i + 1 and (j + 1 == len(tokens) or tokens[j + 1].text in {",", "."}):
            return np[0], j
    return np


def _adjectival(tokens: list[Token], k: int, verb: str) -> bool:
    """An "-ed" form after a determiner ("an estimated 128,000", "the alleged plot"), or with "by" right
    after a noun, no auxiliary or pronoun before it ("the plan agreed by X"): a participle of a noun."""
    before = tokens[k - 1] if k > 0 else None
    if not verb.endswith("ed") or before is None:
        return False
    if before.low in DETERMINERS - {"that"}:
        return True
    if before.cap or before.low in PRONOUNS | BETWEEN:
        return False
    after = [x.low for x in tokens[k + 1 : k + 3]]
    if verb == "agreed" and after[:1] in (["between"], ["with"]) and before.low in MANNER_NOUNS | {"deal", "terms"}:
        return True  # "a timetable agreed between the two parties": the timetable's, no one's words
    return after[:1] == ["by"] or after in (["upon", "by"], ["on", "by"])


def _cue_verb(text: str, tokens: list[Token], k: int, end: int) -> tuple[str, int] | None:
    """The reporting verb starting at token k and where it ends, unless it is used as a noun here."""
    found = _cue_verb_at(text, tokens, k, end)
    if found is None:
        return None
    last = k + len(found[0].split()) - 1
    if found[0].endswith("s") and last + 1 < len(tokens) and tokens[last + 1].low in {"is", "are", "was", "were"}:
        return None  # "forces in regional states is …": a noun before the clause's own verb
    return found


def _cue_verb_at(text: str, tokens: list[Token], k: int, end: int) -> tuple[str, int] | None:
    t = tokens[k]
    m: re.Match[str] | _ReadCue | None = CUE_RE.match(text, t.start, end)
    if not m and t.low in {"read", "reads"} and k >= 2 and _after_quote(tokens, k):
        m = _ReadCue(t)  # '“…,” the statement read.'
    if not m and t.low == "calls" and any(x.low == "what" for x in tokens[max(0, k - 4) : k]):
        m = _ReadCue(t)  # 'in what X calls an “advisory” mission': X's word
    if not m and t.cap and t.low in PARTICIPLE_ONLY and _opens_that(tokens, k):
        m = _ReadCue(t, t.low)  # "Emphasizing that …, X said": the sentence's first word
    if not m or m.end() > end or (m.end() < end and text[m.end()].isalnum()):
        return None
    verb = m.group("cue")
    if _no_speech_after(tokens, k, verb):
        return None
    before = tokens[k - 1] if k > 0 else None
    if verb in BARE_ONLY_AFTER and (before is None or before.low not in MODALS):
        return None  # "highlight" is a cue in "did highlight", "will highlight", not as a noun
    if (verb in BARE or verb.endswith("ies")) and before is not None and not before.cap and before.low.endswith("ing"):
        return None  # "voicing hope that", "stoking worries that": a noun after its verb
    if before is not None and before.low in DETERMINERS - {"that", "one"} and verb.split()[0].endswith("s"):
        return None  # "the reports", "his claims": a noun
    if verb.endswith("s") and before is not None and _modifier(before):
        return None  # "Republican claims", "late-night tweets", "the group's calls": nouns
    if verb.endswith("s") and " " not in verb and k + 1 < len(tokens) and tokens[k + 1].low in FINITE_NEXT:
        return None  # "other river states have …": a plural noun before its verb, not a cue
    if verb.endswith("ed") and k >= 2 and tokens[k - 2].low == "to" and before is not None and _bare_verb(before):
        return None  # "to utilize shared capacities", "to avoid repeated attacks": an adjective
    if _adjectival(tokens, k, verb):
        return None  # "the alleged plot", "a timeline agreed upon by X": a participle of a noun
    if verb.endswith("ing") and before is not None and _determined(tokens, k):
        return None  # "issued a strong warning on Monday", "his saying": a noun
    if _noun_first(text, tokens, k, verb):
        return None  # "international calls on X to …", "his call for …": a noun
    return verb, m.end()


POSSESSIVES = {"his", "her", "its", "their", "our", "my", "your"}


def _no_speech_after(tokens: list[Token], k: int, verb: str) -> bool:
    """The word after the cue form shows it says nothing: "groups calling themselves the X Front" (a name
    they go by), "with regard to" (no position), "pressed ahead with" (an act carried on)."""
    after = tokens[k + 1].low if k + 1 < len(tokens) else ""
    pressed_on = verb.startswith("press") and after in {"ahead", "on", "forward"}  # "pressed ahead with": went on
    return (
        after in {"themselves", "itself", "himself", "herself"}
        or (verb.startswith("regard") and after == "to")
        or pressed_on
    )


def _passive_by(cue: Cue, tokens: list[Token], j: int, last: int) -> Cue | None:
    """ "The plan was rejected by the council": the one after "by" rejected what the subject names, when the
    verb takes what was said as its object; "X is said to oppose …", hearsay of X's position; any other passive
    reports no one ("was told")."""
    if cue.verb == "said" and last + 2 < len(tokens) and tokens[last + 1].low == "to":
        subject = noun_phrase_left(tokens, j)
        if subject is None:
            return None
        cue.source, cue.how, cue.content = _span(tokens, subject), "subject", [(tokens[last + 1].start, tokens[-1].end)]
        return cue
    if cue.verb not in OBJECT_CUES or last + 2 >= len(tokens) or tokens[last + 1].low != "by":
        return None
    source = noun_phrase_right(tokens, last + 2, limit=6)
    subject = noun_phrase_left(tokens, j)
    if source is None or subject is None or not any(tokens[x].cap for x in range(source[0], source[1] + 1)):
        return None  # a named speaker after "by", not "by far", "by force"
    cue.source, cue.how = _span(tokens, source), "subject"
    cue.content, cue.bounded = [_span(tokens, subject)], True
    return cue


def _noun_first(text: str, tokens: list[Token], k: int, verb: str) -> bool:
    """A cue form read as a noun: after its owner ("reiterated his call for"), or a noun-first form ("calls")
    after a common word, unless a subject or "which claims … and" has it."""
    before = tokens[k - 1] if k > 0 else None
    if before is not None and before.low in POSSESSIVES:
        return True
    if verb.split()[0] not in NOUN_FIRST or before is None or before.cap or before.low in PRONOUNS:
        return False
    return not (before.low == "and" and RELATIVE_CUE.search(text, tokens[max(0, k - 12)].start, before.start))


def _verb_cue(text: str, tokens: list[Token], k: int, start: int, end: int, out: list[Cue]) -> Cue | None:
    """A cue verb at token k with its source (before it, or after it when inverted) and its content."""
    found = _cue_verb(text, tokens, k, end)
    if found is None:
        return None
    verb, verb_end = found
    cue = Cue(tokens[k].start, verb_end, verb)
    last = k + len(verb.split()) - 1
    j = _skip_between(tokens, k - 1)
    progressive = k >= 1 and tokens[k - 1].low in BE_FORMS - {"be"}  # "have been pushing for": a finite verb
    if verb in PARTICIPLE_ONLY and not progressive:
        return _participle_cue(cue, tokens, k, j, last, end, out)
    participle = verb.endswith(("ed", "en")) or verb in {"told", "said", "written", "seen", "thought", "sought"}
    if participle and any(tokens[x].low in BE_FORMS for x in range(max(0, j), k)):
        return _passive_by(cue, tokens, j, last)  # "was told", "is described", "who is reportedly expected to"
    right_np = noun_phrase_right(tokens, last + 1)
    if j >= 1 and tokens[j].low == "and" and (second := _second_verb(text, tokens, cue, j, (last, end), out)):
        return second
    left, coordinated, named_in_commas = _source_before(tokens, j)
    if left and all(tokens[x].low in INDEFINITE for x in range(*_upto(left))):
        return None  # "anybody who complains …": a hypothetical speaker, not a report
    if left:
        cue.source, cue.how = _span(tokens, left), "participle" if coordinated else "subject"
        _content_after(cue, tokens, last, right_np, end)
        in_commas = j >= 1 and tokens[j].low in {"who", "which"} and tokens[j - 1].text == ","
        if (in_commas or (left[0] > 0 and tokens[left[0] - 1].low in SUBORDINATORS)) and cue.content:
            # "X, who said …, was …" and "While X claims …, Y …": the words end with the clause
            comma = next((t for t in tokens[last + 2 :] if t.text == ","), None)  # not "who asked, “…”"
            if comma is not None:
                cue.content[-1], cue.bounded = (cue.content[-1][0], comma.start), True
        if left[0] > 0 and tokens[left[0] - 1].low == "which" and cue.content and last + 1 < len(tokens):
            # "The attack, which the sources said did not cause damage, is …": the relative clause's verb
            # phrase, all of it ("did not …"), up to the comma that closes the clause
            comma = next((t.start for t in tokens[last + 1 :] if t.text == ","), cue.content[-1][1])
            cue.content[-1], cue.bounded = (tokens[last + 1].start, comma), True
        lead = None if named_in_commas else _clause_before(tokens, left[0], start, text)
        if lead and _scene_setting(text, tokens, lead):
            lead = None  # "In a speech on Monday, X stressed …": the opening phrase places the words
        if lead and out and out[-1].start == lead[0] and out[-1].verb in PARTICIPLE_ONLY:
            lead = None  # "Noting that …, X said …": the opener is a statement of its own
        if lead:
            cue.content.insert(0, _past_time_phrase(text, tokens, lead))
        return cue
    if right_np and (j < 0 or tokens[j].text in {",", "”", '"'} or tokens[j].text in QUOTE_MARKS):
        return _inverted_cue(cue, text, tokens, k, right_np, start, end)
    return None


ENACTED = {"resolution", "resolutions", "decision", "decisions", "law", "bill", "motion", "decree", "ruling", "vote"}
"""A body's act that a participle can hang on ("a council motion calling for …"): its words, not
those of the clause's subject."""


def _second_verb(
    text: str, tokens: list[Token], cue: Cue, j: int, last_end: tuple[int, int], out: list[Cue]
) -> Cue | None:
    """A cue verb after "and" (token j) that shares the source of the sentence's cue before it: "X warned
    and stressed that …", "X highlighted A and said B", "an alliance which claims A and calls for B"."""
    last, end = last_end
    right_np = noun_phrase_right(tokens, last + 1)
    if out and out[-1].source and out[-1].end == tokens[j - 1].end:
        cue.source, cue.how = out[-1].source, "subject"  # "X warned and stressed that …": X's second verb
        out[-1].content = [c for c in out[-1].content if c[0] < tokens[j].start]  # the first keeps its own
        _content_after(cue, tokens, last, right_np, end)
        return cue
    if (first := _coordinated_before(out, tokens, tokens[j].start)) is not None:
        # "X highlighted A and said B": the second verb's subject is the first's, whose words end at "and"
        # (a coordinated verb, read as the participle of a clause's subject is)
        cue.source, cue.how = first.source, "participle"
        first.content = [(a, min(b, tokens[j - 1].end)) for a, b in first.content if a < tokens[j].start]
        _content_after(cue, tokens, last, right_np, end)
        return cue
    if (first := _relative_cue_before(text, out, tokens[j].start)) is not None:
        # "an alliance which claims A and calls for B": the relative clause's second verb, the same source
        cue.source, cue.how = first.source, "subject"
        clause_end = first.content[-1][1]
        first.content[-1] = (first.content[-1][0], tokens[j - 1].end)
        _content_after(cue, tokens, last, right_np, clause_end if first.bounded else end)
        cue.bounded = first.bounded
        return cue
    return None


def _coordinated_before(out: list[Cue], tokens: list[Token], at: int) -> Cue | None:
    """The sentence's last cue with a named subject (no pronoun: its antecedent is read at each cue) whose
    words run over the "and" at `at`."""
    if not out or out[-1].source is None or out[-1].how != "subject" or out[-1].bounded:
        return None
    named = [t for t in tokens if out[-1].source[0] <= t.start < out[-1].source[1] and t.is_word]
    if not named or not named[-1].cap or named[-1].low in PRONOUNS:
        return None
    return out[-1] if any(a <= at < b for a, b in out[-1].content) else None


def _reported_in(out: list[Cue], at: int) -> bool:
    """`at` lies in the words of the last cue read before it (someone's reported speech)."""
    return bool(out) and out[-1].source is not None and any(a <= at < b for a, b in out[-1].content)


def _enacted(tokens: list[Token], near: tuple[int, int]) -> tuple[int, int] | None:
    """The phrase of a body's act in the noun phrase before a participle, from its determiner ("a
    council motion in March"); None where it names none."""
    acts = [x for x in range(near[0], near[1] + 1) if tokens[x].low in ENACTED]
    if not acts:
        return None
    a = acts[-1]
    while a > max(near[0], acts[-1] - 3) and (
        tokens[a - 1].low in DETERMINERS or tokens[a - 1].cap or tokens[a - 1].low.endswith(("ary", "al", "ian", "ic"))
    ):
        a -= 1
    return a, near[1]


def _participle_cue(cue: Cue, tokens: list[Token], k: int, j: int, last: int, end: int, out: list[Cue]) -> Cue | None:
    """ ", saying …", "with X telling reporters …": the source is the participle's subject, a cue's
    just before it, or the main clause's subject."""
    quoted = _quoted_as(tokens, j)
    if quoted is not None:  # "X was quoted as saying …": X's words
        cue.source, cue.how = _span(tokens, quoted), "subject"
        i = last + 1 + (last + 1 < len(tokens) and tokens[last + 1].low == "that")
        cue.content = [(tokens[i].start, end)] if i < len(tokens) else []
        return cue
    near = (
        noun_phrase_left(tokens, j) if j >= 0 and tokens[j].is_word and not (j == 0 and tokens[j].low == "by") else None
    )
    after_with = near is not None and near[0] > 0 and tokens[near[0] - 1].low in {"with", "of"}
    if near and (tokens[near[1]].low in PRONOUNS or (tokens[near[1]].cap and (after_with or not out))):
        cue.source, cue.how = _span(tokens, near), "subject"  # "with X telling reporters …"
    elif near and _reported_in(out, tokens[k].start) and (act := _enacted(tokens, near)) is not None:
        # "She said the board must honour a motion calling for …": the motion's words, not hers (a nested
        # position, docs/curation.md coverage rule 2)
        cue.source, cue.how = _span(tokens, act), "subject"
    elif (opened := _opening_participle(tokens, k, last)) is not None:
        # before the cues found in the sentence: one opening it has no cue before it to continue
        return _opener_cue(cue, tokens, last, *opened)
    elif out and out[-1].source is not None and out[-1].how != "participle":
        # "…, the daily reported, citing …"; "X said that Y claims Z, noting …": X, whose words held Y's cue
        outer = next((c for c in out[:-1] if c.source and any(a <= out[-1].start < b for a, b in c.content)), None)
        cue.source, cue.how = (outer or out[-1]).source, "participle"
    else:
        # ", saying …", "issued a statement saying …": the main clause's subject speaks
        subject = sentence_subject(tokens)
        if subject is None or subject[1] >= k:
            return None
        cue.source, cue.how = _span(tokens, subject), "participle"
    i = last + 1
    while i < len(tokens) and tokens[i].low in {"that", ",", ":", "reporters", "only"}:
        i += 1
    cue.content = [(tokens[i].start, end)] if i < len(tokens) else []
    return cue


def _quoted_as(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """The one quoted in "X was quoted as saying" (the subject) or "Y quoted Name as saying" (the name), with
    token j the "as" before the participle; None elsewhere ("Y quoted a source as saying": the draft reads the
    source as one Y cites)."""
    if j < 1 or tokens[j].low != "as":
        return None
    q = next((x for x in range(j - 1, max(-1, j - 10), -1) if tokens[x].low == "quoted"), None)
    if q is None:
        return None
    if q + 1 == j and q >= 2 and tokens[q - 1].low in BE_FORMS:
        return noun_phrase_left(tokens, q - 2)  # the passive's own subject, right before "was"
    named = noun_phrase_right(tokens, q + 1, limit=5)
    if named is not None and named[1] == j - 1 and all(tokens[x].cap for x in range(named[0], j)):
        return named  # "the website quoted Rouhani as saying": the name quoted (an unnamed one is the outlet's source)
    return None


def _opens_that(tokens: list[Token], k: int) -> bool:
    """Token k opens the sentence and "that" follows it ("Stressing that …")."""
    return not any(t.is_word for t in tokens[:k]) and k + 1 < len(tokens) and tokens[k + 1].low == "that"


def _opening_participle(tokens: list[Token], k: int, last: int) -> tuple[int, tuple[int, int]] | None:
    """ "Emphasizing that …, X said", "By emphasizing X's role, Y renewed …": a sentence opened by the
    participle, its words up to the comma before the main clause's subject; the comma's index and that
    subject, else None."""
    by = k == 1 and tokens[0].low == "by"  # "By stressing A, X …": A is X's, no "that" needed
    if (any(t.is_word for t in tokens[:k]) and not by) or last + 1 >= len(tokens):
        return None
    if tokens[last + 1].low != "that" and not by:
        return None
    for c in range(last + 5, len(tokens) - 1):  # three words at least: "that moment," is no clause
        if tokens[c].text != ",":
            continue
        subject = noun_phrase_right(tokens, c + 1)
        if subject is not None and subject[1] + 1 < len(tokens) and tokens[subject[1] + 1].is_word:
            return c, subject
        if subject is not None and subject[1] > subject[0] and not tokens[subject[1]].cap:
            return c, (subject[0], subject[1] - 1)  # "…, X added, “…”": the phrase read took the verb
    return None


def _opener_cue(cue: Cue, tokens: list[Token], last: int, comma: int, subject: tuple[int, int]) -> Cue:
    """The opener's words are the main clause subject's (docs/curation.md: a participle of saying)."""
    cue.source, cue.how = _span(tokens, subject), "participle"
    first = last + 2 if tokens[last + 1].low == "that" else last + 1
    cue.content, cue.bounded = [(tokens[first].start, tokens[comma].start)], True
    return cue


def _bare_verb(t: Token) -> bool:
    """A lower-case word after "to" that is no auxiliary ("to have stated" stays a cue)."""
    return t.is_word and not t.cap and t.low not in {"have", "be", "been", "not"} | BETWEEN


def _source_before(tokens: list[Token], j: int) -> tuple[tuple[int, int] | None, bool, bool]:
    """The source standing before the cue (token j is the last before it, adverbs skipped), whether it
    is the subject of a coordinated clause ("X did not …, but told …"), and whether a name in commas."""
    if j < 0:
        return None, False, False
    if tokens[j].low in PRONOUNS:
        return (j, j), False, False
    if tokens[j].is_word and (tokens[j].low not in BOUNDARY | RELATIVE or _acronym(tokens[j])):
        left = _joined_names(tokens, _subject_phrase(tokens, j))
        according = left is not None and left[0] > 1 and tokens[left[0] - 2].low == "according"
        if left is not None and left[0] > 0 and tokens[left[0] - 1].low in OBJECT_OF and not according:
            # "X, …, in response to an attack on the headquarters of Y said": Y is a preposition's
            # object, the sentence's subject speaks
            subject = sentence_subject(tokens)
            if subject is not None and subject[1] < left[0] - 1:
                return subject, False, False
        return _document_subject(tokens, left, j) or _unclosed_apposition(tokens, left) or left, False, False
    if j >= 1 and tokens[j].text == ")":
        return noun_phrase_left(tokens, j), False, False  # "Sen. X (R-Iowa) said"
    if j >= 2 and tokens[j].text in {'"', "”"} and tokens[j - 1].text == ",":
        return _quoted_apposition(tokens, j), False, True
    if j >= 1 and tokens[j].text == ",":
        left = _before_apposition(tokens, j)
        return left, False, left is not None and left[1] == j - 1
    if tokens[j].low in {"who", "which"}:
        return _before_relative(tokens, j), False, False
    if j >= 1 and tokens[j].low in {"and", "but"}:
        subject = sentence_subject(tokens)  # "X did not …, but told …": the clause's subject
        if subject is not None and subject[1] < j:
            return subject, True, False
    return None, False, False


OBJECT_OF = {"of", "on", "to", "against", "into", "onto", "toward", "towards", "upon"}
"""Prepositions whose object cannot be the subject of the verb after it ("the headquarters of Y said"); not
"by", whose object is a passive's agent ("a statement issued by X said")."""

DOCUMENTS = {"statement", "readout", "report", "communique", "communiqué", "memo", "letter", "release"}


def _document_subject(tokens: list[Token], left: tuple[int, int] | None, j: int) -> tuple[int, int] | None:
    """ "A Vale statement on a call between A and B described …": the document opening the sentence is the
    subject, not the last name of the phrase that says what it is about; None for any other shape."""
    if left is None or not tokens or tokens[0].low not in {"a", "an", "the"}:
        return None
    head = next((x for x in range(1, min(j, 6)) if tokens[x].low in DOCUMENTS), None)
    if head is None or head + 1 >= left[0] or tokens[head + 1].low not in {"on", "about", "of", "following", "after"}:
        return None
    nouns = {"a", "an", "the", "his", "her", "its", "their", "this", "that"}  # "a call": a noun after its article
    verbs = [x for x in range(head + 1, left[0]) if _verb_like(tokens[x].low) and tokens[x - 1].low not in nouns]
    if not all(t.cap for t in tokens[1:head]) or verbs:
        return None
    return 0, head


def _quoted_apposition(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """'the group's official, "Abu X," rejected …': the name set in marks and commas after a role is the source,
    as "a senior official, Jane Roe, said" is; None for any other shape."""
    o = next((x for x in range(j - 2, max(-1, j - 10), -1) if tokens[x].text in {'"', "“"}), None)
    if o is None or o < 2 or tokens[o - 1].text != "," or o + 1 > j - 2:
        return None
    name = tokens[o + 1 : j - 1]
    if not all(t.cap or t.low.split("-")[0] in {"al", "el", "bin", "ibn", "abu"} for t in name):
        return None
    before = noun_phrase_left(tokens, o - 2)
    return (o + 1, j - 2) if before and any(_is_role(x) for x in tokens[before[0] : before[1] + 1]) else None


def _joined_names(tokens: list[Token], left: tuple[int, int] | None) -> tuple[int, int] | None:
    """ "…, Washington and Baghdad said": two names joined by "and" are the source together (each
    speaks the words, docs/curation.md coverage rule 5), not the second alone."""
    if left is None or left[0] < 2 or tokens[left[0] - 1].low != "and":
        return left
    k = left[0] - 2  # "sources in Lebanon and Iraq told": the sources in both places, not Iraq
    if left[0] == left[1] and tokens[left[0]].cap and k >= 2 and tokens[k].cap and tokens[k - 1].low in {"in", "from"}:
        head = noun_phrase_left(tokens, k - 2, limit=6)
        if head is not None and not tokens[head[1]].cap and tokens[head[1]].is_word:
            return head[0], left[1]
    first = noun_phrase_left(tokens, left[0] - 2, limit=6)
    if first is None:
        return left
    a = first[0] - 1 if first[0] > 0 and tokens[first[0] - 1].low in COUNT_WORDS else first[0]
    counted = [t.text for t in tokens[a : left[0] - 1]]
    if 2 <= len(counted) <= 3 and (counted[0].lower() in COUNT_WORDS or counted[0].isdigit()) and tokens[left[0]].cap:
        return a, left[1]  # "Eight Iraqi and American officials": one collective, its words shared
    joined = re.sub(r" ?([-’']) ?", r"\1", " ".join(t.text for t in tokens[first[0] : left[1] + 1]))
    return (first[0], left[1]) if TWO_NAMES.fullmatch(joined) or TWO_UNNAMED.fullmatch(joined) else left


def _acronym(t: Token) -> bool:
    """ "US", "IT": an acronym in capitals, not the pronoun or word it spells."""
    return len(t.text) > 1 and t.text.isupper()


def _unclosed_apposition(tokens: list[Token], left: tuple[int, int] | None) -> tuple[int, int] | None:
    """ "X, a militant and secretive group repeated …" (a standfirst that drops the closing comma): the
    name the apposition describes, opening the sentence, is the source; None for any other shape."""
    if left is None or len(tokens) < 4 or not tokens[0].cap:
        return None
    comma = next((x for x in range(1, min(left[0], 6)) if tokens[x].text == ","), None)
    if comma is None or tokens[comma + 1].low not in {"a", "an"} or left[0] - comma > 10:
        return None
    name = tokens[:comma]
    if not all(t.cap and t.text not in NOT_NAMES and t.low not in TEMPORAL | PP_HEADS | OPENERS for t in name):
        return None  # "Later, a spokesman said": an opener, not a name
    between = tokens[comma + 2 : left[0]]
    if any(t.is_word and (t.cap or _verb_like(t.low)) and t.low != "and" for t in between):
        return None
    return 0, comma - 1


SUBORDINATING = {"after", "before", "since", "until", "once"}
"""Words that open a clause as well as a phrase: "… after reports indicated that …" has "reports" for its subject."""


def _subject_phrase(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """The noun phrase ending at token j, or the subject before a phrase of time or place ("X on Thursday said")."""
    left = noun_phrase_left(tokens, j)
    if left and all(tokens[x].low in TEMPORAL for x in range(left[0], left[1] + 1)):
        left = None  # "X last week said"
    if left is None and j > 0 and tokens[j - 1].low in SUBORDINATING and tokens[j].is_word and not tokens[j].cap:
        left = (j, j)  # "… after reports indicated that …": the plural noun opening the clause
    opening = left is not None and left[0] > 0 and tokens[left[0] - 1].low in SUBORDINATING
    if left is None or (left[0] > 0 and tokens[left[0] - 1].low in PP_HEADS and not opening):
        # "X on Thursday said", "who in the past said": the subject stands before the phrase
        pp = next((x for x in range(j, max(-1, j - 5), -1) if tokens[x].low in PP_HEADS | TEMPORAL), None)
        while pp and tokens[pp - 1].low in PP_HEADS | TEMPORAL:
            pp -= 1  # "X on Tuesday called": the phrase opens at "on"
        if pp is not None:
            left = _past_phrase(tokens, pp) or left
    return _role_holder(tokens, _described_by_participle(tokens, left))


ISSUING = {"issued", "released", "published", "signed", "sent", "posted"}


def _described_by_participle(tokens: list[Token], left: tuple[int, int] | None) -> tuple[int, int] | None:
    """ "one of the groups targeted in the attacks vowed": the noun the participle describes is the source,
    not the noun of its phrase ("the attacks")."""
    k = left[0] - 1 if left else -1
    if k < 2 or tokens[k].low not in {"in", "by", "at", "on", "from", "during"}:
        return left
    participle = tokens[k - 1]
    if participle.cap or not participle.low.endswith("ed") or participle.low in BETWEEN | ISSUING | BACKED:
        return left  # "a statement issued by X", "groups backed by X": X's act, read elsewhere
    head = noun_phrase_left(tokens, k - 2)
    return (head[0], left[1]) if head and left and tokens[head[1]].is_word else left


def _role_holder(tokens: list[Token], left: tuple[int, int] | None) -> tuple[int, int] | None:
    """ "The leader of one of the most powerful … militias said": the role's holder, read past the limit
    of a noun phrase, not the group named after "of"."""
    k = left[0] - 1 if left else -1
    while k >= 1 and tokens[k].low in {"of", "for"}:
        if tokens[k - 1].low in ROLE_NOUNS:
            holder = noun_phrase_left(tokens, k - 1)
            return (holder[0], left[1]) if holder and left else left
        if k >= 2 and tokens[k - 1].low in {"one", "some", "each", "many", "several"}:
            k -= 2  # "… of one of …"
            continue
        break
    return left


def _not_to(tokens: list[Token], i: int) -> bool:
    """ "told X not to …": the negation is the act asked, part of the words."""
    return tokens[i].low == "not" and i + 1 < len(tokens) and tokens[i + 1].low == "to"


RELATIVE_CUE = re.compile(r"\b(?:which|who)\s+" + CUE_RE.pattern)
RELATIVE_GAP = re.compile(r",?\s+(?:which|who)\s+")


def _relative_cue_before(text: str, out: list[Cue], at: int) -> Cue | None:
    """The cue of a relative clause ("X, which claims …") whose words run on to `at` (an "and")."""
    if not out or out[-1].source is None or not out[-1].content:
        return None
    first = out[-1]
    a, b = first.content[-1]
    if not (RELATIVE_GAP.fullmatch(text, first.source[1], first.start) and a < at < b):
        return None
    return first


CLAUSE_OPENERS = {"the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our", "no", "all"}


def _hearer(tokens: list[Token], np: tuple[int, int]) -> tuple[int, int]:
    """The hearer of "told reporters the mills would …": a determiner after it, not after "of", opens the
    clause of words (the subject of what was said)."""
    a, b = np
    for x in range(a + 1, b + 1):
        if tokens[x].low in CLAUSE_OPENERS and tokens[x - 1].low not in PREP_EXTEND:
            return a, x - 1
    return np


def _content_after(cue: Cue, tokens: list[Token], last: int, right_np: tuple[int, int] | None, end: int) -> None:
    """The hearer of an addressing cue ("told X that") and the content after the cue."""
    i = last + 1
    if right_np and tokens[right_np[0]].low in {"of", "against", "about"}:
        right_np = None  # "warned of unrest", "warned against …": what was said, no hearer
    if cue.verb in ADDRESSING and right_np:
        right_np = _hearer(tokens, right_np)
    if cue.verb in ADDRESSING and right_np and tokens[right_np[0]].low not in NOT_HEARERS:
        right_np = _joined_hearers(tokens, right_np)
        cue.addressee = _span(tokens, right_np)
        i = right_np[1] + 1
    elif cue.verb in ADDRESSING and right_np:
        i = right_np[1] + 1
    while i < len(tokens) and (tokens[i].low in {"that", ",", ":", "reporters"} | BETWEEN) and not _not_to(tokens, i):
        i += 1
    i = _past_setting(tokens, i)
    i = _past_time(tokens, i)
    if cue.verb.startswith("object"):  # "objected on Tuesday to the results": what was objected to
        to = next((x for x in range(i, min(len(tokens), i + 5)) if tokens[x].low == "to"), None)
        if to is not None and all(t.low in TEMPORAL | WEEKDAYS | {"on", "in", "at"} for t in tokens[i:to]):
            i = to + 1
    if i > last + 1 and tokens[i - 1].text == "," and i < len(tokens) and tokens[i].low in PARTICIPLE_ONLY:
        return  # "…, X said, adding …": the participle is a cue of its own, with its own words
    reach = (
        11 if i < len(tokens) and tokens[i].low in {"during", "at", "following", "after"} else 7
    )  # "said at a rally in X that"
    that = next((x for x in range(i, min(len(tokens), i + reach)) if tokens[x].low == "that"), None)
    if that is not None and not any(_no_setting(tokens, x) for x in range(i, that)):
        i = that + 1  # "said on Wednesday that …", "told a news conference that …"
    if i < len(tokens) and any(t.is_word for t in tokens[i:]):
        cue.content.append((tokens[i].start, end))


def _joined_hearers(tokens: list[Token], hearer: tuple[int, int]) -> tuple[int, int]:
    """ "urged the government and a number of blocs to …", "told A and B that …": the hearers joined by "and"
    up to the infinitive or the "that" of the words."""
    k = hearer[1] + 1
    if k >= len(tokens) or tokens[k].low not in {"and", "or"}:
        return hearer
    to = next((x for x in range(k + 1, min(len(tokens), k + 12)) if tokens[x].low in {"to", "that"}), None)
    if to is None or to + 1 >= len(tokens) or any(not t.is_word or _verb_like(t.low) for t in tokens[k + 1 : to]):
        return hearer
    return hearer[0], to - 1


WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "morning"}


TIME_HEADS = (TEMPORAL - {"last", "this", "next"}) | MONTHS
"""Words that make a phrase a time: "this" alone is no time ("said this was wrong"), "this week" is."""


def _time_word(t: Token) -> bool:
    return t.low in TEMPORAL or (t.cap and t.low in MONTHS)  # "May", not "may"


def _past_time(tokens: list[Token], i: int) -> int:
    """Past the time right after a cue with no "that" ("said Monday the troops …", "said on March 3 …",
    "said earlier this month …"): when the words were said, not what; `i` again when there is none."""
    j = i + 1 if i < len(tokens) and tokens[i].low in {"on", "late", "early"} else i
    k = j
    while k < len(tokens) and (_time_word(tokens[k]) or (k > j and tokens[k].text.isdigit())):
        k += 1
    if not any(tokens[x].low in TIME_HEADS for x in range(j, k)):
        return i
    if k < len(tokens) and tokens[k].text == ",":
        k += 1
    return k if any(t.is_word for t in tokens[k:]) else i


def _no_setting(tokens: list[Token], x: int) -> bool:
    """A word that a setting before "that" cannot hold: a quotation mark, a coordinator opening a second
    clause ("…, but that …"), a participle after a comma opening another act (", voicing hope that …";
    not "told X during a meeting that")."""
    t = tokens[x]
    participle = t.low.endswith("ing") and t.low not in PP_HEADS and x > 0 and tokens[x - 1].text == ","
    return t.text in QUOTE_MARKS or t.low in {"but", "and", "or"} or participle


SETTING_NOUNS = {"statement", "interview", "speech", "address", "post", "tweet", "message", "letter", "sermon"}
SETTING_DETERMINERS = {"a", "an", "the", "his", "her", "its", "their"}


def _past_setting(tokens: list[Token], i: int) -> int:
    """Past a phrase of the occasion and its time right after the cue ("said in a statement last year
    they would …"): where and when the words were said, not what; `i` again when there is none."""
    if (
        i + 2 >= len(tokens)
        or tokens[i].low not in {"in", "during", "via"}
        or tokens[i + 1].low not in SETTING_DETERMINERS
    ):
        return i
    noun = next((x for x in range(i + 2, min(len(tokens), i + 8)) if tokens[x].low in SETTING_NOUNS), None)
    if noun is None or not all(t.is_word or t.text == "," for t in tokens[i + 2 : noun]):
        return i  # "in an April 16, 2023 statement": a date may stand before the noun
    j = noun + 1
    while j < len(tokens) and (tokens[j].low in TEMPORAL or tokens[j].low in {"on", ","}):
        j += 1
    if j + 1 < len(tokens) and tokens[j].low in AIRED and tokens[j + 1].low in {"on", "by", "in", "via"}:
        that = next((x for x in range(j + 2, min(len(tokens), j + 12)) if tokens[x].low == "that"), None)
        if that is not None and not any(t.text in QUOTE_MARKS for t in tokens[j:that]):
            return that  # "in a statement aired on X TV (Valeia) that …": where it was carried, not the words
    return j if j < len(tokens) and tokens[j].is_word else i


AIRED = {"aired", "broadcast", "televised", "published", "posted", "released", "issued", "carried"}
"""Participles of how a statement reached the public, before the outlet or platform that carried it."""


def _inverted_cue(
    cue: Cue, text: str, tokens: list[Token], k: int, right_np: tuple[int, int], start: int, end: int
) -> Cue | None:
    """ "…, said X": the source after the cue, the content the clause before it or the quotation after."""
    if tokens[right_np[0]].low in {"that", "it", "this", "in", "on", "to"} | TEMPORAL:
        return None
    if cue.verb in ADDRESSING and HEARER_TO.match(text, tokens[right_np[1]].end):
        return None  # "…, urges the government to act": the one urged, not the one urging
    cue.source, cue.how = _span(tokens, right_np), "inverted"
    lead = _clause_before(tokens, k, start, text)
    if lead:
        cue.content.append(lead)
    after = right_np[1] + 1
    while after < len(tokens) and tokens[after].text in {",", ":"}:
        after += 1
    if after < len(tokens) and tokens[after].text in QUOTE_MARKS:
        cue.content.append((tokens[after].start, end))
    return cue


HEARER_TO = re.compile(r"\.?\s+to\s+[a-z]")
"""An addressing cue's noun phrase followed by an infinitive ("urged X to leave") is its hearer."""
NOT_HEARERS = {"that", "reporters"} | PRONOUNS - {"him", "her", "them", "us"}
"""Words after an addressing cue that are no hearer ("told reporters", "told that"); object pronouns are."""


def _past_phrase(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """The subject before a prepositional phrase that stands between it and the cue."""
    j = _skip_between(tokens, j - 1)
    if j < 0:
        return None
    if tokens[j].low in PRONOUNS:
        return j, j
    if tokens[j].low in {"who", "which"}:
        return _before_relative(tokens, j)
    if tokens[j].text == ",":
        return _before_apposition(tokens, j)
    return noun_phrase_left(tokens, j) if tokens[j].is_word and tokens[j].low not in BOUNDARY else None


ASIDES = {"however", "meanwhile", "moreover", "furthermore", "instead", "nevertheless", "indeed", "separately", "too"}
"""Adverbs set off by commas after an opening phrase ("By noon, however, X …"): not the subject."""


def _participial_opener(tokens: list[Token], i: int) -> bool:
    """A sentence opened by a past participle and its agent or setting ("Stung by the reviews, …")."""
    return (
        i + 1 < len(tokens)
        and tokens[i].low.endswith("ed")
        and tokens[i + 1].low in {"by", "with", "after", "over", "from"}
    )


def _dateline_hyphen(tokens: list[Token], k: int) -> bool:
    """A hyphen closing a dateline ("CITY, Region - …", "CITY (Outlet 24) - …"; "CITY / …" after a city in
    capitals): after capitalised words, figures, commas and brackets only."""
    mark = tokens[k].text == "-" or (tokens[k].text == "/" and tokens[0].text.isupper() and len(tokens[0].text) > 2)
    return k > 0 and mark and all(t.cap or t.text in {",", "(", ")"} or t.text.isdigit() for t in tokens[:k])


def dateline_dash(tokens: list[Token], limit: int = 8) -> int | None:
    """The dash that closes a dateline among the first tokens ("CITY (AGENCY) – …", "CITY, Region - …"), or
    further on after a city in capitals and nothing but capitals, figures and marks ("CITY, REGION (6:20
    P.M.) – …")."""
    near = next(
        (k for k in range(min(len(tokens), limit)) if tokens[k].text in {"–", "—"} or _dateline_hyphen(tokens, k)),
        None,
    )
    if near is not None or not tokens or not (tokens[0].text.isupper() and len(tokens[0].text) > 2):
        return near
    for k in range(limit, min(len(tokens), 2 * limit)):
        if tokens[k].text in {"–", "—"}:
            return k
        if tokens[k].is_word and not (tokens[k].text.isupper() or tokens[k].text[:1].isdigit()):
            return None
    return None


def sentence_subject(tokens: list[Token]) -> tuple[int, int] | None:
    """The first noun phrase of a sentence, after an introductory phrase closed by a comma."""
    i = 0
    dash = dateline_dash(tokens)
    if dash is not None:
        i = dash + 1  # a dateline: "CITY (AGENCY) – …", "CITY, Region - …"
    if i + 2 < len(tokens) and tokens[i].text == "(" and tokens[i + 2].text == ")" and _acronym(tokens[i + 1]):
        i += 3  # an agency's credit in brackets: "(AGENCY) A group said …"
    colon = next((k for k in range(i, min(len(tokens), i + 5)) if tokens[k].text in {":", "/"}), None)
    if colon is not None and colon > i and all(t.cap for t in tokens[i:colon]):
        i = colon + 1  # a credit or label before a colon or slash: "Outlet Section: X said …", "Outlet/ X …"
    while i < len(tokens) and (not tokens[i].is_word or tokens[i].low in {"but", "and", "yet", "so"}):
        i += 1
    if i + 1 < len(tokens) and tokens[i + 1].text == "," and tokens[i].text in NOT_NAMES:
        i += 2  # "Moreover, X …", "However, X …"
    comma = next((k for k in range(i, min(len(tokens), i + 9)) if tokens[k].text == ","), None)
    opener = tokens[i].low in PP_HEADS | OPENERS | BETWEEN if i < len(tokens) else False
    opener = opener or _participial_opener(tokens, i)  # "Stung by the reviews, X …"
    temporal = i < len(tokens) and tokens[i].low in TEMPORAL  # "Monday, …"; not "X met them on Monday, adding"
    if opener or (comma is not None and temporal):
        if comma is None:
            comma = next((k for k in range(i, min(len(tokens), i + 20)) if tokens[k].text == ","), None)
        if comma is None:
            return None
        i = comma + 1
    while i + 1 < len(tokens) and tokens[i].low in ASIDES and tokens[i + 1].text == ",":
        i += 2  # "By noon, however, X …"
    if i < len(tokens) and tokens[i].low in PRONOUNS:
        return i, i
    np = noun_phrase_right(tokens, i, limit=7)
    if np:  # reading rightwards, a noun phrase ends before its verb ("X referred to …")
        cut = next((x for x in range(np[0] + 1, np[1] + 1) if not tokens[x].cap and _verb_like(tokens[x].low)), None)
        np = (np[0], cut - 1) if cut is not None else np
    comma = np[1] + 1 if np else None
    if np and comma < len(tokens) and tokens[comma].low in {"in", "of", "for", "at", "from"}:
        # "A senior official in the north, Jane Roe, …": past a short prepositional phrase
        comma = next((x for x in range(comma, min(len(tokens), comma + 8)) if not tokens[x].is_word), None)
    if np and comma is not None and comma < len(tokens) and tokens[comma].text == ",":
        name = noun_phrase_right(tokens, comma + 1, limit=6)
        closed = name and name[1] + 1 < len(tokens) and tokens[name[1] + 1].text == ","
        named = closed and all(tokens[x].cap or tokens[x].low.startswith(("al-", "el-")) for x in range(*_upto(name)))
        if named and any(_is_role(tokens[x]) for x in range(*_upto(np))):
            return name  # "A senior official of the board, Jane Roe, …": the name is the subject
    return np


class _ReadCue:
    """A match-like stand-in for a cue the lexicon's pattern does not match as written ('read', a capital)."""

    def __init__(self, t: Token, verb: str | None = None) -> None:
        self.t, self.verb = t, verb or t.text

    def end(self) -> int:
        return self.t.end

    def group(self, _: str) -> str:
        return self.verb


def _after_quote(tokens: list[Token], k: int) -> bool:
    """True when a short noun phrase between a closing quotation mark and token k is all there is."""
    for x in range(k - 1, max(-1, k - 9), -1):
        if tokens[x].text in {"”", '"', "’"}:
            return True
        if not tokens[x].is_word and not (tokens[x].text == "," and x + 1 < k):
            return False
    return False


BE_FORMS = {"was", "were", "been", "be", "being", "is", "are"}


NOUN_NEXT = {"on", "in", "at", "of", "from", "over", "during", ",", ".", ";", "and"}


def _determined(tokens: list[Token], k: int) -> bool:
    """Token k follows a determiner ("his warning"), or a determiner and a lower-case word when no
    object follows it ("a strong warning on Monday"; not "a statement warning the X")."""
    before = tokens[k - 1]
    if before.low in DETERMINERS - {"that"}:
        return True
    after = tokens[k + 1].low if k + 1 < len(tokens) else "."
    adjective = k >= 2 and before.is_word and not before.cap and tokens[k - 2].low in DETERMINERS - {"that"}
    return adjective and after in NOUN_NEXT


def _verb_like(word: str) -> bool:
    return word.endswith("ed") or bool(CUE_RE.fullmatch(word)) or word in BETWEEN | VERBS_COMMON


def _clause_before(tokens: list[Token], k: int, start: int, text: str) -> tuple[int, int] | None:
    """The clause before a source that follows it ("The plan failed, Smith said"): start to the comma."""
    j = k - 1
    if j < 1 or tokens[j].text not in {",", "”", '"', "’"}:
        return None
    if tokens[j].text == "’" and tokens[j - 1].text not in {",", "?", "!"}:
        return None  # a closing single mark only as ",’ says X" (’ is also the apostrophe)
    while j >= 0 and not tokens[j].is_word:
        j -= 1
    if j < 0:
        return None
    dash = dateline_dash(tokens, min(j, 8))
    if dash is not None and all(t.cap or t.text in {",", "(", ")"} for t in tokens[:dash]):
        start = tokens[dash + 1].start  # "CITY, Region — A and B will …, X said": the words after the dateline
    clause = (start, tokens[j].end + 1)
    return clause if len(text[clause[0] : clause[1]].split()) >= 2 else None


LINKING_ADVERBS = {"also", "meanwhile", "separately", "elsewhere", "again", "then", "however", "moreover"}
"""Words that link a sentence to the last one before its opening phrase ("Also on Wednesday, …")."""
ABSOLUTE = {"with", "given"}
"""Heads of a phrase of circumstance ("With the war in its second year, …"): the setting, not the words."""
SCENE_OPENERS = {"speaking", "addressing", "asked", "answering", "responding", "writing", "interviewed"}


def _scene_setting(text: str, tokens: list[Token], span: tuple[int, int]) -> bool:
    """A phrase opening the sentence that says where, when or how the words were said, not what ("In a
    statement,", "Speaking on Monday,", "In her book, Title,"); what follows a comma in it with words
    in lower case ("In addition, the plan failed,", "After the vote, the plan failed,") is a clause,
    and stays the content."""
    words = [t for t in tokens if t.start >= span[0] and t.end <= span[1] and t.is_word]
    if words and all(w.low in LINKING_ADVERBS for w in words):
        return True  # "Meanwhile,": a link to the last sentence, no words of anyone
    while words[0].low in LINKING_ADVERBS:
        words = words[1:]  # "Also on Wednesday,", "Meanwhile, in Baghdad,": the phrase after the link
    first = words[0] if words else None
    if first is None or first.low not in PP_HEADS | OPENERS | SCENE_OPENERS | TEMPORAL | ABSOLUTE:
        return False
    if first.low in {"this", "last", "next"} and (len(words) < 2 or words[1].low not in TEMPORAL | WEEKDAYS):
        return False  # "This is a fair deal, X told …": a clause, not "this week"
    inner = text[first.start : span[1]].rstrip(" ,")
    rest = inner.split(",", 1)[1] if "," in inner else ""
    if first.low in PP_HEADS | ABSOLUTE and re.match(r"\s*(?:and|or)\s", rest):
        rest = ""  # "With A in its second year, and B now …,": the phrase coordinated, no clause
    return not rest or (first.low not in OPENERS and not re.search(r"\b[a-z]", rest))


def _past_time_phrase(text: str, tokens: list[Token], lead: tuple[int, int]) -> tuple[int, int]:
    """The words of a clause before its source, past an opening phrase of time or a link ("On Monday, the
    talks failed, X said", "Meanwhile, …"); a phrase of circumstance ("After the vote, …") stays."""
    comma = text.find(",", lead[0], lead[1] - 1)
    words = [t.low for t in tokens if lead[0] <= t.start and t.end <= comma and t.is_word]
    timely = LINKING_ADVERBS | PP_HEADS | TEMPORAL | WEEKDAYS | MONTHS | {"the", "a"}
    if comma < 0 or not words or not all(w in timely or w.isdigit() for w in words):
        return lead
    rest = text[comma + 1 : lead[1]]
    return comma + 1 + len(rest) - len(rest.lstrip()), lead[1]


def _in_word(tokens: list[Token], k: int) -> bool:
    """An apostrophe written inside a word, between two letters ("Sha’abi"), not a quotation mark."""
    t = tokens[k]
    return (
        t.text in {"’", "'"}
        and 0 < k < len(tokens) - 1
        and tokens[k - 1].end == t.start
        and tokens[k + 1].start == t.end
        and tokens[k - 1].is_word
        and tokens[k + 1].is_word
    )


def _before_apposition(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """'X, the spokesman for Y, said': the phrase before the appositive; None for '…,” said'."""
    if j >= 1 and tokens[j - 1].text in QUOTE_MARKS:
        return None
    k = j
    while k > max(0, j - 29):
        k -= 1
        t = tokens[k]
        abbreviation = t.text == "." and k > 0 and tokens[k - 1].cap and len(tokens[k - 1].text) <= 5
        if t.text == ")":  # "… the X Units (XU), said", "X (“the League of …”), said": the brackets read past
            k = next((x for x in range(k - 1, max(-1, k - 16), -1) if tokens[x].text == "("), k)  # or a gloss
            continue
        if t.text in {"”", '"'} and (opening := _quoted_name_start(tokens, k)) is not None:
            k = opening  # "X, a leader in the “League of Y” battalion, said": a name in marks read past
            continue
        if t.text in CLAUSE_END and not abbreviation and not _in_word(tokens, k):  # "Sha’abi": a name
            return None
        if t.text == ",":
            inner = tokens[k + 1 : j]
            if not inner:
                return None
            first = inner[0]
            if first.low in {"and", "but", "or", "while", "so", "yet"}:
                return None  # "…, and the vote was put off, said X": a clause, the source after the cue
            appositive = (
                first.low in DETERMINERS | {"who", "which", "whose"}
                or first.text[:1].isdigit()
                or first.text in PERSON_TITLES
                or (not first.cap and first.is_word)
                or (first.cap and any(x.cap for x in inner) and len(inner) <= 8)
            )
            if not appositive:
                return None
            before = _with_place(tokens, noun_phrase_left(tokens, _skip_between(tokens, k - 1)))
            named = all(x.cap or x.low.split("-")[0] in {"al", "el", "bin", "de", "van", "von"} for x in inner)
            role = before and any(_is_role(x) for x in tokens[before[0] : before[1] + 1])
            if named and role:
                return k + 1, j - 1  # "a senior official, Jane Roe, said": the name is the speaker
            if before and tokens[before[0]].low in {"a", "an"} and before[0] >= 1 and tokens[before[0] - 1].text == ",":
                continue  # "X, a small, secretive group, said": the appositive's adjectives listed with commas
            if (
                before
                and before[0] == before[1]
                and tokens[before[0]].text.isdigit()
                and tokens[before[0] - 1].text == ","
            ):
                continue  # "X, 44, a leader in …, said": the age, then the apposition, of the name before them
            return before
    return None


def _with_place(tokens: list[Token], np: tuple[int, int] | None) -> tuple[int, int] | None:
    """ "The US Embassy in Baghdad, meanwhile, said": a place after "in" or "of" ends the body's name, whose
    head before it is capitalised; the phrase read is the place alone."""
    if np is None or np[0] < 2 or tokens[np[0] - 1].low not in {"in", "of"} or not tokens[np[0]].cap:
        return np
    head = noun_phrase_left(tokens, np[0] - 2)
    return (head[0], np[1]) if head is not None and tokens[head[1]].cap else np


def _quoted_name_start(tokens: list[Token], k: int) -> int | None:
    """The opening mark of a short name in marks closed at token k ("the “League of the Y”"), else None."""
    for x in range(k - 1, max(-1, k - 8), -1):
        if tokens[x].text in {"“", '"'}:
            inner = [t for t in tokens[x + 1 : k] if t.is_word]
            small = {"of", "the", "and", "for", "al"}
            return x if inner and inner[0].cap and all(t.cap or t.low in small for t in inner) else None
    return None


def _modifier(t: Token) -> bool:
    """A word that makes the next one a noun: a creed or party adjective, a hyphenated or possessive word."""
    hyphenated = not t.cap and "-" in t.text and not t.low.startswith(("al-", "el-"))  # not "al-Rashid"
    return t.text in CREED_WORDS or hyphenated or t.low.endswith(("’s", "'s"))


def _upto(ab: tuple[int, int]) -> tuple[int, int]:
    return ab[0], ab[1] + 1


def _is_role(t: Token) -> bool:
    """A role noun, lower-case or as a capitalised title ("spokesman", "Secretary-General")."""
    return (not t.cap and t.low in ROLE_NOUNS) or (t.low.split("-")[0] in ROLE_NOUNS and "-" in t.low)


def _before_relative(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """'X, who …, said' is handled as apposition; here 'officials who spoke …' style: the head before."""
    k = j - 1
    if k >= 0 and tokens[k].text == ",":
        k -= 1
    np = noun_phrase_left(tokens, k) if k >= 0 and tokens[k].is_word else None
    if np and np[0] >= 2 and tokens[np[0] - 1].text == "," and any(_is_role(tokens[x]) for x in range(*_upto(np))):
        # "X, a senior reporter, who asked": the name before the appositive
        name = noun_phrase_left(tokens, np[0] - 2)
        if name and tokens[name[1]].cap:
            return name
    if np:  # "outlets cited unnamed officials who said": the officials, past the verb
        verbs = [x for x in range(np[0], np[1]) if not tokens[x].cap and CUE_RE.fullmatch(tokens[x].low)]
        np = (verbs[-1] + 1, np[1]) if verbs else np
        # "spoke by phone with Minister X, who urged": the one spoken with, not the phone
        withs = [x for x in range(np[0], np[1]) if tokens[x].low in {"with", "by"} and tokens[x + 1].cap]
        np = (withs[-1] + 1, np[1]) if withs else np
    return np


__all__ = ["Cue", "Token", "analyse_sentence", "noun_phrase_left", "noun_phrase_right", "tokenize"]
