"""Sources that name two leaders at once: "the two presidents", "both leaders", "the President and Prime Minister".

An office's readout of a meeting reports what the two leaders did ("the two leaders reaffirmed their
commitment", "the President and Prime Minister agreed on …"). A clause with two speakers is one
statement per speaker on the same span (docs/curation.md, coverage rule 5); these helpers find the
phrase and which part of it names whom, and leave resolving each part to the extractor.
"""

from __future__ import annotations

import re

from .lexicon import PERSON_TITLES, ROLE_NOUNS

LEADER_NOUNS = r"(?:leaders|presidents|prime ministers|premiers|ministers|heads of state|heads of government|sides)"
TWO_LEADERS = re.compile(rf"(?i)(?:the\s+two|both(?:\s+the)?|the\s+two\s+\w+)\s+{LEADER_NOUNS}")
"""'The two leaders', 'both presidents', 'the two foreign ministers': who they are is said before."""

TITLE_WORDS = {w.lower() for w in PERSON_TITLES} | ROLE_NOUNS
PART = r"(?:the\s+)?(?:[A-Za-z-]+\s+){0,2}?[A-Za-z-]+"
TWO_TITLES = re.compile(rf"(?P<a>{PART})\s+and\s+(?P<b>{PART})")
"""'The President and Prime Minister', 'the president and the prime minister': two titles, two people."""


def two_leaders(phrase: str) -> bool:
    """The phrase is a pair of leaders named by a plural noun."""
    return TWO_LEADERS.fullmatch(phrase.strip()) is not None


def two_titles(phrase: str) -> list[tuple[int, int]] | None:
    """The offsets (in the phrase) of two person titles joined by 'and', or None."""
    m = TWO_TITLES.fullmatch(phrase)
    if m is None:
        return None
    parts = [m.span("a"), m.span("b")]
    for a, b in parts:
        words = phrase[a:b].lower().split()
        if words[-1] not in TITLE_WORDS or (words[0] != "the" and not phrase[a:b][:1].isupper()):
            return None
    return parts


NAME_PART = r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z]|(?:al|el)-[A-Z])[\w’'.-]*){0,5}"
TWO_NAMES = re.compile(rf"(?P<a>{NAME_PART})\s+and\s+(?P<b>{NAME_PART})")
"""'Washington and Baghdad', 'Ann Roe and Tom Hale': two names, two speakers."""


JOINT = re.compile(
    r"(?:[Aa]|[Tt]he)\s+joint\s+(?P<a>[A-Z][\w.]*)[-–](?P<b>[A-Z][\w.]*)\s+(?:statement|communiqu[eé]|declaration)"
)
"""'a joint US-Valeian statement': the words of both states."""


UNNAMED_PART = r"(?:an?|one)\s+(?:[\w-]+\s+){0,3}?(?:source|official|diplomat|commander|spokes(?:man|woman|person))"
TWO_UNNAMED = re.compile(rf"(?P<a>{UNNAMED_PART})\s+and\s+(?P<b>{UNNAMED_PART})", re.I)
"""'a security source and a government source': two unnamed sources, two speakers."""


def two_names(phrase: str) -> list[tuple[int, int]] | None:
    """The offsets (in the phrase) of two names joined by 'and', of two unnamed sources ('a security source
    and a government source'), or of the two states of a joint statement ('a joint US-Valeian statement');
    else None."""
    m = TWO_NAMES.fullmatch(phrase) or TWO_UNNAMED.fullmatch(phrase.strip()) or JOINT.fullmatch(phrase.strip())
    return [m.span("a"), m.span("b")] if m else None


def joined_start(text: str, s: int, e: int) -> int | None:
    """Where a pair of titles begins when the source read leftwards stopped at its 'and' ('the
    President and Prime Minister': the source found is 'Prime Minister'), or None."""
    before = text[max(0, s - 60) : s]
    if not before.endswith(" and ") or two_titles(text[s:e]):
        return None
    words = before.split()
    for k in range(len(words) - 2, max(-1, len(words) - 5), -1):
        start = s - len(" ".join(words[k:])) - 1
        if two_titles(text[start:e]) is not None:
            return start
    return None
