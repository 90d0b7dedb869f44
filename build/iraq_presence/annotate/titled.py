"""A person named after a long title ("the Deputy Secretary-General of the X Movement Jane Roe").

News introduces officials by a title that itself names an organisation, the name last. The name
index reads the capitalised run as one name, so the draft gave the words to the organisation or
proposed a "person" made of the title's words; the speaker is the person the title ends in.
"""

from __future__ import annotations

import re

from .lexicon import ORG_WORDS, PERSON_TITLES, ROLE_NOUNS

OFFICE_WORDS = frozenset(
    {
        "Affairs",
        "Defense",
        "Defence",
        "Interior",
        "Foreign",
        "Justice",
        "Finance",
        "Security",
        "State",
        "Relations",
        "Information",
        "Health",
        "Planning",
        "Education",
        "Political",
        "Executive",
        "General",
    }
)
"""Capitalised words of an office's own name ("Minister of Foreign Affairs"): part of the title."""
NAME_WORD = re.compile(
    r"^(?:[A-Z][a-z’'-]+(?:[A-Z][a-z’'-]+)?(?:-[A-Z][a-z’'-]+)*|(?:al|el|bin|ibn|abu|Abu)-?[A-Z]?[\w’'-]*)$"
)
TITLE_OF = re.compile(r"\b(?:of|for)\b|[’']s?\b|\b[a-z]{3,}\b")
"""The title reaches over an organisation: "of", "for", a possessive, or a lower-case word ("council")."""


def person_after_title(name: str) -> str | None:
    """The person's name a title phrase ends in ("Deputy Secretary-General of the X Movement Jane Roe"),
    or the name written straight after an organisation's ("the X Movement Jane Roe"); None where the
    phrase is neither (two to four name words must end it)."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    tail: list[str] = []
    for word in reversed(words):
        bare = word.strip(",")
        if bare in ORG_WORDS or bare in PERSON_TITLES or bare in OFFICE_WORDS or not NAME_WORD.match(bare):
            break
        tail.insert(0, bare)
    head = words[: len(words) - len(tail)]
    if head[-1:] == ["the"] and len(tail) > 2:
        tail = tail[-2:]  # "Envoy for the Middle East Jane Roe": a region's name, then the person's
        head = words[: len(words) - 2]
    placed = _place_words(tail) if head[-1:] and head[-1] in {"in", "of", "from"} else 0
    if placed and 2 <= len(tail) - placed <= 4:
        return " ".join(tail[placed:])  # "… movement in Norway Tom Hale": the country ends the title, a name follows
    if not 2 <= len(tail) <= 4 or not head:
        return None
    first = next((k for k, w in enumerate(head[:3]) if _title_word(w)), None)  # "U.S. Secretary of State …"
    titled = first is not None and len(words) - first >= 4 and TITLE_OF.search(" ".join(head[first:]))
    return " ".join(tail) if titled or head[-1] in ORG_WORDS else None


def _place_words(tail: list[str]) -> int:
    """How many of the first words of `tail` name a country or a capital (0, 1 or 2)."""
    from .places import place

    for n in (2, 1):
        found = place(" ".join(tail[:n])) if len(tail) > n else None
        if found is not None and found.kind != "subdivision":
            return n
    return 0


def organisation_of(name: str) -> str:
    """The organisation in a name run into a person's ("X Movement Jane Roe": "X Movement"; after a
    title, the words after its last "of the"); the name itself where no person ends it."""
    person = person_after_title(name)
    if person is None:
        return name
    head = name[: len(name) - len(person)].strip()
    return re.split(r"\b(?:of|for)\s+(?:the\s+)?", head)[-1].strip() or name


def titled_speaker(full: str, phrase: str) -> str | None:
    """Who a source phrase names when the article's fullest form of it is a title or an organisation
    run into a person's name: the person where the phrase ends in the person's words ("Roe said"),
    else the phrase itself (the organisation, "the X Movement said"); None where the form is no such run."""
    person = person_after_title(full)
    words = phrase.split()
    if person is None or not words:
        return None
    if words[-1].strip(",").removesuffix("’s").removesuffix("'s") in person.split():
        return person
    return " ".join(words[1:] if words[0].lower() == "the" else words) or None


def _title_word(word: str) -> bool:
    """A title's first word ("Deputy", "Secretary-General", "head")."""
    bare = word.rstrip(".").split("-")[0]
    return bare.capitalize() in PERSON_TITLES or bare.lower() in ROLE_NOUNS


__all__ = ["organisation_of", "person_after_title", "titled_speaker"]
