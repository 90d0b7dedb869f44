"""The names an article uses: proper-name runs, their fullest form, their kind, and roles bound to them.

A source phrase is resolved here: a name to its fullest form in the article ("Khazali" ->
"Qais al-Khazali"); a pronoun to the nearest fitting antecedent (person for he/she, group for
they/it); a title ("the prime minister", "the group's spokesman") to the person the article binds
that role to ("Prime Minister X", "X, the spokesman for Y"), else to the nearest preceding name of a
fitting kind, else kept as the unnamed source it is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .attribution import DOCUMENTS, Token, _verb_like, tokenize
from .lexicon import (
    ABBREVIATIONS,
    BETWEEN,
    BOUNDARY,
    CREED_WORDS,
    DETERMINERS,
    GROUP_PRONOUNS,
    GROUP_ROLE_NOUNS,
    INSTITUTION_HEADS,
    MEDIA_WORDS,
    NOT_ACTOR_AFTER,
    NOT_NAMES,
    ORG_WORDS,
    PERSON_PRONOUNS,
    PERSON_TITLES,
    ROLE_NOUNS,
    STATE_PARTICIPLE,
)
from .spans import Lines, pairs

GOING_ON = {"added", "adds", "continued", "continues", "went on", "goes on", "concluded", "concludes"}
SENTENCE_REACH = 2000  # how far back a sentence's start is looked for: bounds the work per pronoun
# Words naming a government department in a title ("Secretary of State", "Minister of the Interior").
DEPARTMENTS = {
    "State", "Defense", "Defence", "Foreign", "Affairs", "Interior", "Justice", "Health", "Finance", "Energy",
    "Treasury", "Homeland", "Security", "Education", "Commerce", "Labor", "Labour", "Agriculture", "Transport",
    "Transportation", "Oil", "Trade", "Culture", "Information",
}  # fmt: skip
CONNECTORS = {"al", "bin", "ibn", "de", "van", "von", "der", "la", "le", "abu", "el", "da", "of"}


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    text: str
    kind: str  # person | organization | media_outlet
    titled: bool  # written after a person title ("Sen. X")


@dataclass(frozen=True)
class Resolved:
    name: str | None
    kind: str  # named | title | pronoun
    start: int | None = None  # the span of the name resolved to (antecedent), when any
    end: int | None = None
    actor_type: str | None = None
    resolution: str = "direct"  # direct | binding | antecedent | nearest | office | unresolved


def _institution_runs_on(tokens: list[Token], j: int) -> bool:
    """An institution's name goes on through "for" and "of the" ("… Observatory for Human Rights", "… Institute
    for the Study of X", "… Ministry of the Interior"), where a person's name never does."""
    nxt = tokens[j + 1].low if j + 1 < len(tokens) else ""
    if tokens[j].text in INSTITUTION_HEADS and nxt in {"for", "of"}:
        k = j + 3 if j + 2 < len(tokens) and tokens[j + 2].low == "the" else j + 2
        return k < len(tokens) and _is_namey(tokens[k])
    return nxt == "the" and tokens[j].low in {"for", "of"} and j + 2 < len(tokens) and _is_namey(tokens[j + 2])


def _is_namey(t: Token) -> bool:
    if t.text[:3].lower() in {"al-", "el-"} and t.text[3:4].isupper():
        return True
    return t.cap and t.is_word and not t.text.isdigit()


def _key(word: str) -> str:
    """A name word compared without its article prefix: 'al-Rashid' and 'Rashid' agree."""
    return re.sub(r"^(?:al|el)-", "", word.lower())


def is_adjective_like(words: list[str]) -> bool:
    """'Shia Muslim', 'Sunni Arab', 'Iranian': creed and nationality words, not names."""
    return all(
        w in CREED_WORDS or (w.endswith(("ian", "ese", "ish")) and w[:1].isupper()) or BACKED.match(w) for w in words
    )


BACKED = re.compile(rf"[A-Z][\w’']*-{STATE_PARTICIPLE}$")
"""A state's word with a participle ("Valeian-backed"): an adjective, never a name."""


class NameIndex:
    """Proper-name runs of one article, outside quotations, with kinds guessed from general cues."""

    def __init__(self, text: str, quoted: list[tuple[int, int]], known_types: dict[str, str] | None = None) -> None:
        self.text = text
        self.quoted = pairs(quoted)
        self._headlines: dict[int, bool] = {}
        self.lines = Lines(text)
        self.names: list[Name] = []
        self.bindings: list[tuple[str, Name]] = []  # (role words, lower case; name)
        tokens = tokenize(text)
        self._mid = {t.text for k, t in enumerate(tokens) if t.cap and k and not _opens(text, t.start)}
        self._surnames: set[str] = set()
        i = 0
        while i < len(tokens):
            if not _is_namey(tokens[i]):
                i += 1
                continue
            j = i
            while (
                j + 1 < len(tokens)
                and "\n" not in text[tokens[j].end : tokens[j + 1].start]
                and (
                    _is_namey(tokens[j + 1])
                    or (
                        tokens[j + 1].low.split("-")[0] in CONNECTORS
                        and j + 2 < len(tokens)
                        and _is_namey(tokens[j + 2])
                    )
                    or (tokens[j + 1].low.startswith(("al-", "el-")) and len(tokens[j + 1].text) > 3)
                    or _institution_runs_on(tokens, j)
                )
            ):
                j += 1
            i = _past_place(tokens, i, j)  # "… movement in Norway Tom Hale": the place is not the name
            i = _past_known_body(tokens, i, j, known_types or {})
            self._add(tokens, i, j, known_types or {})
            i = j + 1
        self._bind_appositions()
        self._index()

    def _index(self) -> None:
        """Lookups built once, so that each question about the names costs a logarithm, not a scan."""
        self._starts = [n.start for n in self.names]
        self._ends = [n.end for n in self.names]
        self._kind_ends: dict[str, list[int]] = {}
        self._kind_names: dict[str, list[Name]] = {}
        self.by_start = {n.start: n for n in self.names}
        self.by_text: dict[str, list[Name]] = {}
        self._fullest: dict[tuple[str, ...], str] = {}
        for n in self.names:
            self._kind_ends.setdefault(n.kind, []).append(n.end)
            self._kind_names.setdefault(n.kind, []).append(n)
            self.by_text.setdefault(n.text, []).append(n)
            w = tuple(_key(x) for x in n.text.split())
            for a in range(len(w)):
                for b in range(a + 1, len(w) + 1):
                    best = self._fullest.get(w[a:b])
                    if best is None or len(w) > len(best.split()):
                        self._fullest[w[a:b]] = n.text
        self._by_head: dict[str, list[tuple[str, Name]]] = {}
        for role, n in self.bindings:
            for word in dict.fromkeys(role.split()):
                self._by_head.setdefault(word, []).append((role, n))

    def _add(self, tokens: list[Token], i: int, j: int, known: dict[str, str]) -> None:
        """Record tokens[i..j] as a name, past its titles, unless it is a title, an adjective or an opener."""
        bounds = _past_titles(tokens, i, j)
        if bounds is None:
            return
        a, titled = bounds
        words = [t.text for t in tokens[a : j + 1]]
        if _not_a_name(tokens, a, j, words) or self._opener(tokens, a, words, titled):
            return
        # strip a trailing creed or nationality word that modifies a following common noun
        while len(words) > 1 and words[-1] in CREED_WORDS and not words[-1].endswith(("’s", "'s")):
            words.pop()
            j -= 1
        start, end = tokens[a].start, tokens[j].end
        surface = self.text[start:end]
        if surface.endswith(("’s", "'s")):
            end -= 2
            surface = surface[:-2]
        if not surface or self._inside(start):
            return
        kind = known.get(surface) or self._kind(tokens, a, surface, titled)
        self.names.append(Name(start, end, surface, kind, titled))
        if kind == "person" and len(surface.split()) >= 2:
            self._surnames.add(_key(surface.split()[-1]))
        if titled:
            role = " ".join(t.low.rstrip(".") for t in tokens[i:a] if t.text not in NOT_NAMES or _titles(t.text))
            self.bindings.append((_role_text(role), self.names[-1]))

    def _opener(self, tokens: list[Token], a: int, words: list[str], titled: bool) -> bool:
        """A capitalised sentence opener ("Specifically") or a headline word, not a name."""
        surname = len(words) == 1 and _key(words[0].removesuffix("’s").removesuffix("'s")) in self._surnames
        opener = len(words) == 1 and not (titled or surname) and _opens(self.text, tokens[a].start)
        return (opener and words[0] not in self._mid) or self._headline(tokens[a].start)

    def _kind(self, tokens: list[Token], a: int, surface: str, titled: bool) -> str:
        """person, organization or media_outlet from general cues; "other" for one untitled word."""
        last = surface.split()[-1]
        if set(surface.split()) & MEDIA_WORDS:
            return "media_outlet"
        if (
            set(surface.split()) & ORG_WORDS
            or (surface.isupper() and len(surface) > 1)
            or (a > 0 and tokens[a - 1].low == "the" and not titled)
        ):
            return "organization"
        if NOT_ACTOR_AFTER.match(self.text, self.text.find(surface, tokens[a].start) + len(surface)):
            return "other"  # "X airbase", "the X-Y war": a place or an event
        if titled or len(surface.split()) >= 2 or _key(last) in self._surnames:
            return "person"
        return "other"  # one word, never titled nor a known surname: a place as often as a person

    def _bind_appositions(self) -> None:
        """'X, the spokesman for Y,' and 'the spokesman for Y, X,': the role is bound to X."""
        for n in self.names:
            after = self.text[n.end : n.end + 90]
            m = re.match(r",\s+(?:the|a|an|[A-Z][\w’'-]+[’']s)\s+([^,.;“”\"]{2,80}?)[,.;]", after)
            if m and n.kind == "person":
                self.bindings.append((_role_text(m.group(1)), n))
            # "the secretary-general of Y, X," / "its spokesman, X,": the role stands before the name
            before = self.text[max(0, n.start - 100) : n.start]
            m = ROLE_BEFORE.search(before)
            if m and n.kind == "person" and self.text[n.end : n.end + 1] == "," and _has_role(m.group(1)):
                self.bindings.append((_role_text(m.group(1)), n))
            # "Prime Minister Y's advisor, X,": the role and the possessor's title
            m = POSSESSED_ROLE_BEFORE.search(before)
            if m and n.kind == "person" and self.text[n.end : n.end + 1] in {",", ""} and _has_role(m["role"]):
                titles = [
                    w for w in _role_text(m["owner"]).split() if w in ROLE_NOUNS or w.capitalize() in PERSON_TITLES
                ]
                self.bindings.append((" ".join([*titles, _role_text(m["role"])]), n))

    def _inside(self, at: int) -> bool:
        return self.quoted.holding(at) is not None

    def _headline(self, at: int) -> bool:
        line = self.lines.start(at)
        if line not in self._headlines:
            self._headlines[line] = _headline(self.text, at)
        return self._headlines[line]

    def fullest(self, surface: str) -> str:
        """The fullest form of a name in the article: the first longest run holding it."""
        words = tuple(_key(w) for w in surface.split())
        best = self._fullest.get(words) if words else None
        return best if best is not None and len(best.split()) > len(words) else surface

    def kind_of(self, surface: str) -> str:
        full = self.fullest(surface)
        named = [*self.by_text.get(full, []), *(self.by_text.get(surface, []) if surface != full else [])]
        if any(n.titled for n in named):
            return "person"
        kinds = [n.kind for n in named]
        return max(set(kinds), key=kinds.count) if kinds else "person"

    def last_before(self, at: int, kinds: set[str]) -> Name | None:
        """The last name of one of these kinds that ends by `at`."""
        best = None
        for kind in kinds:
            k = bisect_right(self._kind_ends.get(kind, []), at) - 1
            if k >= 0 and (best is None or self._kind_names[kind][k].start > best.start):
                best = self._kind_names[kind][k]
        return best

    def between(self, lo: int, at: int, kinds: set[str] | None = None) -> list[Name]:
        """Names (of these kinds, or any) that start at or after `lo` and end by `at`, in order."""
        window = self.names[bisect_left(self._starts, lo) : bisect_right(self._ends, at)]
        return [n for n in window if kinds is None or n.kind in kinds]

    # --- resolution -------------------------------------------------------------------------------

    def resolve(self, start: int, end: int, last_speaker: Name | None, verb: str = "") -> Resolved:
        """Resolve the source phrase text[start:end]."""
        phrase = self.text[start:end]
        tokens = tokenize(phrase)
        words = [t.text for t in tokens if t.is_word]
        low = [w.lower() for w in words]
        if len(words) == 1 and low[0] in PERSON_PRONOUNS | GROUP_PRONOUNS | {"i", "you"}:
            if verb in GOING_ON and last_speaker is not None and low[0] in PERSON_PRONOUNS:
                n = last_speaker  # "he added": the speaker goes on
                return Resolved(self.fullest(n.text), "pronoun", n.start, n.end, self.kind_of(n.text), "antecedent")
            return self._pronoun(low[0], start, last_speaker)
        inner = self.between(start, end)
        head = _head(phrase)
        pp = HEAD_PP.search(phrase)
        placed = IN_PLACE.search(phrase)
        after = [n for n in inner if placed and n.start >= start + placed.end()]
        if (
            pp is None
            and len(after) == 1
            and after[0].kind != "person"
            and after[0].end >= start + len(phrase.rstrip())
        ):
            # "The Vale Embassy in Hilltown": the body named before the place that ends the phrase heads it
            inner = [n for n in inner if placed and n.end <= start + placed.start()] or inner
        if inner and pp:
            heading = [n for n in inner if n.end <= start + pp.start()]
            if heading:  # "Anna Berg of the Valley Board": the name before the phrase's preposition heads it
                inner = heading
            elif head and _role_head(head) and start + pp.start() <= inner[0].start:
                # "the spokesman of the Valley Board": a role of the organisation, not the organisation
                return self._title(phrase, head, start, possessor_name=inner[0])
        if inner and head in BODY_HEADS and _lower_after(phrase, start, inner[-1].end):
            # "the Norland government", "the Vale army": the body of the named state or group speaks
            n = inner[-1]
            body = re.sub(r"^(?:the|The)\s+", "", phrase.strip())
            return Resolved(body, "named", start + phrase.find(body), end, "organization", "body")
        if (
            inner
            and head
            and _role_head(head)
            and not head.endswith("s")
            and _lower_after(phrase, start, inner[-1].end)
        ):
            # "Valeia UN envoy", "the Harbour Front commander": one person's role in the named body, not the
            # body ("the League leaders" are the League)
            return self._title(phrase, head, start, possessor_name=inner[-1])
        if inner:
            possessor = self.text[inner[-1].end : inner[-1].end + 2] in {"’s", "'s"}
            if not possessor or not head or head in {"own"}:
                n = inner[-1]
                full = self.fullest(n.text)
                return Resolved(full, "named", n.start, n.end, self.kind_of(n.text))
            if head.lower() in DOCUMENTS:  # "X's statement read": the statement's issuer speaks, X
                n = inner[-1]
                return Resolved(self.fullest(n.text), "named", n.start, n.end, self.kind_of(n.text))
            # "Smith's campaign", "the group's spokesman": a role of the possessor
            return self._title(phrase, head, start, possessor_name=inner[-1])
        return self._title(phrase, head, start)

    def _pronoun(self, word: str, at: int, last_speaker: Name | None) -> Resolved:
        kinds = {"person"} if word in PERSON_PRONOUNS | {"i"} else {"organization", "media_outlet"}
        nearest = self.last_before(at, kinds)
        if nearest is None:
            kinds = {"other"}
            nearest = self.last_before(at, kinds)
        if nearest is None:
            return Resolved(None, "pronoun", resolution="unresolved")
        # the subject of the nearest sentence before that names a fitting antecedent; the last speaker
        # when that sentence names it
        lo = max(0, nearest.start - SENTENCE_REACH)
        stops = (self.text.rfind(". ", lo, nearest.start), self.text.rfind("\n", lo, nearest.start), lo - 1)
        sentence_start = max(stops) + 1
        same = self.between(sentence_start, at, kinds)
        pick = same[0]
        if last_speaker is not None and any(self.fullest(n.text) == self.fullest(last_speaker.text) for n in same):
            pick = last_speaker
        objects = [n for n in same if not _after_preposition(self.text, n.start)]
        if pick is same[0] and objects:
            pick = objects[0]
        return Resolved(self.fullest(pick.text), "pronoun", pick.start, pick.end, self.kind_of(pick.text), "antecedent")

    def _title(self, phrase: str, head: str | None, at: int, possessor_name: Name | None = None) -> Resolved:
        words = _role_text(phrase.replace("’s", "").replace("'s", "")).split()
        role_words = {ABBREVIATIONS.get(w.strip(".,"), w.strip(".,")) for w in words} - DETERMINERS
        role_words = {x for w in role_words for x in w.split()}
        head = ABBREVIATIONS.get(head or "", head or "")
        parts = _role_text(head).split() if head else []
        head = parts[0] if len(parts) > 1 and parts[0] in ROLE_NOUNS else (parts[-1] if parts else head)
        is_role = bool(head) and head in ROLE_NOUNS
        indefinite = words[:1] and words[0] in {"a", "an", "one", "two", "three", "several", "some", "many"}
        if is_role and indefinite and head not in GROUP_ROLE_NOUNS and len(role_words) >= 3:
            # "a spokesman for the militia …", later "militia spokesman X": the person named in that role
            later = [
                n
                for role, n in self._by_head.get(head, [])
                if n.start > at and len(role_words & set(role.split()) - {"for", "of", "the", head}) >= 1
            ]
            if later:
                n = min(later, key=lambda x: x.start)
                return Resolved(self.fullest(n.text), "title", n.start, n.end, "person", "binding")
        if is_role and not indefinite and head not in GROUP_ROLE_NOUNS:
            qualifiers = (
                role_words
                - {head, "of", "for", "the", "and"}
                - set(_role_text(possessor_name.text).split() if possessor_name else ())
            )
            bound = [
                (role, n)
                for role, n in self._by_head.get(head, [])
                if (head in role.split() and len(role_words & set(role.split())) >= min(2, len(role_words)))
                or (head in role.split() and possessor_name is not None and qualifiers <= set(role.split()))
            ]
            before = [b for b in bound if b[1].end <= at]
            nearest = self.last_before(at, {"person"}) if not before and words[:1] == ["the"] else None
            if (
                nearest is not None
                and at - nearest.end < NEAREST_REACH
                and not _described_since(self.text, head, nearest.end, at)
            ):
                return Resolved(self.fullest(nearest.text), "title", nearest.start, nearest.end, "person", "nearest")
            if before or bound:
                n = (before or bound)[-1][1]
                return Resolved(self.fullest(n.text), "title", n.start, n.end, "person", "binding")
            if words[:1] == ["the"] and possessor_name is None:
                n = self.last_before(at, {"person"})
                if n is not None and not _described_since(self.text, head, n.end, at):
                    return Resolved(self.fullest(n.text), "title", n.start, n.end, "person", "nearest")
        if is_role and not indefinite and head in GROUP_ROLE_NOUNS:
            if possessor_name is not None and possessor_name.kind != "person":
                n = possessor_name
                return Resolved(self.fullest(n.text), "title", n.start, n.end, n.kind, "binding")
            kinds = (
                {"media_outlet"}
                if head in {"daily", "newspaper", "outlet", "paper", "website", "channel", "network"}
                else {"organization"}
            )
            n = self.last_before(at, kinds) if words[:1] == ["the"] else None  # "Police say": as written
            if n is not None and possessor_name is None:
                return Resolved(self.fullest(n.text), "title", n.start, n.end, n.kind, "nearest")
        if not is_role and words == ["the", head]:
            n = self._named_by_head(head, at)
            if n is not None:  # "the union", after "the Harbour Union": the body named before by that noun
                return Resolved(self.fullest(n.text), "title", n.start, n.end, n.kind, "nearest")
        return Resolved(phrase.strip(" ,"), "title", resolution="unresolved")

    def _named_by_head(self, head: str, at: int) -> Name | None:
        """The last organisation named before `at` whose name ends in `head` ("Harbour Union" for "the union")."""
        named = [
            n
            for kind in ("organization", "other")
            for n in self._kind_names.get(kind, [])
            if n.end <= at and _role_text(n.text).split()[-1:] == [head]
        ]
        return max(named, key=lambda n: n.start, default=None)


POSSESSED_ROLE_BEFORE = re.compile(
    r"(?P<owner>(?:[A-Z][\w’'-]*\s+){1,6}?)\S*[’']s\s+(?P<role>[a-z][^,.;:“”\"\n]{1,60}?),\s*$"
)
"""'Prime Minister Y's advisor, X': a role the possessor's title qualifies, bound to the name after it."""
ROLE_BEFORE = re.compile(r"(?:^|[\s(/])(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+([^,.;:“”\"\n]{2,80}?),\s*$")


def _role_text(role: str) -> str:
    """Role words compared in lower case, hyphenated titles split: 'Secretary-General' -> 'secretary general'."""
    return re.sub(r"(?<=\w)-(?=\w)", " ", role.lower())


def _has_role(phrase: str) -> bool:
    return any(w in ROLE_NOUNS for w in _role_text(phrase).split())


HEAD_PP = re.compile(r"(?<=\w)\s+(?:of|for|at|from|with)\s+")
IN_PLACE = re.compile(r"(?<=\w)\s+in\s+(?=[A-Z])")


def _role_head(word: str) -> bool:
    """A person's role noun ("spokesman", "secretary-general"), not a group's ("party", "office")."""
    parts = word.lower().split("-")
    return parts[0] in ROLE_NOUNS - GROUP_ROLE_NOUNS or word.lower() in ROLE_NOUNS - GROUP_ROLE_NOUNS


def _modifies(tokens: list[Token], j: int) -> bool:
    """A one-word run ending in -i before a lower-case noun: an adjective of nationality, not a name."""
    word = tokens[j].text
    if not word.endswith("i") or j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    return nxt.is_word and not nxt.cap and not _verb_like(nxt.low) and nxt.low not in BOUNDARY | BETWEEN


def _past_titles(tokens: list[Token], i: int, j: int) -> tuple[int, bool] | None:
    """Where the name in tokens[i..j] begins past its titles, and whether it had one; None for a bare
    title ("the Iraqi PM", "the Supreme Leader")."""
    a = i
    titled = False
    while a <= j and (_titles(tokens[a].text) or tokens[a].text in NOT_NAMES):
        titled = titled or _titles(tokens[a].text)
        a += 1
    # "Iraqi Prime Minister X", "House Speaker X": the name follows the last title word
    last_title = max((x for x in range(a, j) if _titles(tokens[x].text)), default=None)
    if last_title is not None:
        a, titled = last_title + 1, True
    if titled and a < j and tokens[a].low == "of":  # "Secretary of State X", "Minister of Foreign Affairs X"
        b = a + 1
        while b < j and tokens[b].text in DEPARTMENTS:
            b += 1
        a = b if b > a + 1 else a
    organisation = j - a >= 1 and tokens[j].low in GROUP_ROLE_NOUNS and not _titles(tokens[j - 1].text)
    if a > j or (_role_word(tokens[j].text) and not organisation):
        return None
    return a, titled


def _past_known_body(tokens: list[Token], i: int, j: int, known: dict[str, str]) -> int:
    """Where a run after a title's preposition starts its person's name when a known body opens it
    ("Ambassador to the United Nations Ann Roe"): past the body, if two to four name words follow; else `i`."""
    if i == 0 or tokens[i - 1].low not in {"to", "at", "of", "for", "the"}:
        return i
    for n in range(min(4, j - i - 1), 0, -1):
        body = " ".join(t.text for t in tokens[i : i + n])
        if known.get(body) not in (None, "person") and 2 <= j - (i + n) + 1 <= 4:
            return i + n
    return i


def _past_place(tokens: list[Token], i: int, j: int) -> int:
    """Where a run after "in"/"from" starts its person's name when a country or a capital opens it ("in
    Norway Tom Hale"): past the place, if two to four name words follow; else `i`."""
    from .places import place

    if i == 0 or tokens[i - 1].low not in {"in", "from"}:
        return i
    for n in (2, 1):
        if j - (i + n) + 1 >= 2 and j - (i + n) + 1 <= 4:
            found = place(" ".join(t.text for t in tokens[i : i + n]))
            if found is not None and found.kind != "subdivision":
                return i + n
    return i


def _not_a_name(tokens: list[Token], a: int, j: int, words: list[str]) -> bool:
    """Adjectives of nationality or creed, sentence words, compound adjectives: no name."""
    if is_adjective_like(words) or all(w in NOT_NAMES for w in words) or sum(w[:1].isupper() for w in words) > 6:
        return True
    if all(re.search(rf"-{STATE_PARTICIPLE}$", w) for w in words):
        return True  # "US-led", "Iran-backed": compound adjectives, not names
    return len(words) == 1 and _modifies(tokens, j)  # "Iraqi officials": a nationality adjective before its noun


def _role_word(word: str) -> bool:
    low = word.rstrip(".").lower()
    return _titles(word) or ABBREVIATIONS.get(low, low) in ROLE_NOUNS | {"prime minister"}


NEAREST_REACH = 400
"""Characters: "the minister" right after a person is named is that person, before a holder bound later."""


def _described_since(text: str, head: str, lo: int, at: int) -> bool:
    """An unnamed source described by the same noun after the last name ("a senior official said"): "the
    official" is that source, not the person named before it."""
    described = re.finditer(rf"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w’'.-]+\s+){{0,4}}?{re.escape(head)}s?\b", text[lo:at])
    return any(text[lo : lo + m.start()].strip(" ,") for m in described)  # not the name's own apposition


def _titles(word: str) -> bool:
    """A title written before a name: 'Sen.', 'Minister', or a hyphenated one ('Secretary-General')."""
    return word.rstrip(".") in PERSON_TITLES or ("-" in word and all(p in PERSON_TITLES for p in word.split("-")))


def _opens(text: str, at: int) -> bool:
    """True when position `at` opens a sentence, a paragraph or a quotation."""
    before = text[max(0, at - 3) : at].rstrip(" \u00a0")
    return not before or before[-1] in '.!?\n“"‘:—' or at == 0


def _headline(text: str, at: int) -> bool:
    """A title-case line without final punctuation (a headline or a caption), where names blur."""
    ls = text.rfind("\n", 0, at) + 1
    le = text.find("\n", at)
    line = text[ls : len(text) if le < 0 else le].strip()
    words = line.split()
    if len(words) < 4 or line[-1:] in '.!?”"':
        return False
    return sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _after_preposition(text: str, at: int) -> bool:
    prev = text[max(0, at - 15) : at].split()
    return bool(prev) and prev[-1].lower() in {"with", "to", "by", "of", "from", "for", "at", "and", "against"}


BODY_HEADS = {"government", "ministry", "army", "military", "administration", "parliament", "cabinet", "presidency"}
"""Lower-case heads after a name that make the phrase a body of the named state or group."""


def _lower_after(phrase: str, start: int, name_end: int) -> bool:
    """Only lower-case words follow the name in the phrase ("Norland government", not "Norland Army")."""
    rest = phrase[name_end - start :].split()
    return bool(rest) and all(w[:1].islower() for w in rest)


def _head(phrase: str) -> str | None:
    """The head noun of a phrase: its last word before a prepositional phrase."""
    words = re.findall(r"[\w’'-]+", phrase)
    for k, w in enumerate(words):
        if k and w.lower() in {"of", "for", "at", "from", "in", "with", "to"}:
            words = words[:k]
            break
    return words[-1].lower() if words else None


__all__ = ["Name", "NameIndex", "Resolved", "is_adjective_like"]
