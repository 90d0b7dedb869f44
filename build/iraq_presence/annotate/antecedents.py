"""The actor a definite description stands for: "the group said" after a named armed group.

A speaker written as a description ("the group", "the militia", "the ministry") refers to an actor
the article has already named (docs/curation.md, coverage rule 1: anaphora may identify a
speaker). The nearest name of any organisation is often the wrong one ("the group" after a state
named in between), so the description's head noun says which actor types it can stand for, and the
nearest earlier mention of a compatible type is its antecedent. Where none is compatible the
description stays a new speaker for the curator.
"""

from __future__ import annotations

import re

HEAD_TYPES: dict[str, frozenset[str]] = {
    "group": frozenset({"armed_group", "political_party"}),
    "militia": frozenset({"armed_group"}),
    "faction": frozenset({"armed_group", "political_party"}),
    "movement": frozenset({"armed_group", "political_party"}),
    "brigades": frozenset({"armed_group"}),
    "organisation": frozenset({"armed_group", "political_party", "international_organization"}),
    "organization": frozenset({"armed_group", "political_party", "international_organization"}),
    "party": frozenset({"political_party"}),
    "bloc": frozenset({"political_party", "coalition"}),
    "alliance": frozenset({"coalition", "political_party"}),
    "coalition": frozenset({"coalition"}),
    "ministry": frozenset({"state_body"}),
    "council": frozenset({"state_body", "international_organization"}),
    "parliament": frozenset({"state_body"}),
    "embassy": frozenset({"state_body"}),
    "administration": frozenset({"state_body"}),
    "army": frozenset({"state_military"}),
}
"""What each head noun can name: a militia is an armed group, a ministry a body of a state."""

MODIFIER = r"(?:[a-z][\w-]*|[A-Z][\w’']*-[a-z][\w-]*)"
"""A word before the noun: lower case, or a state's word with a participle ("Valeian-backed")."""
DESCRIPTION = re.compile(
    rf"(?:[Tt]he|[Oo]ne of the)\s+(?:{MODIFIER}\s+){{0,2}}?(?P<head>" + "|".join(HEAD_TYPES) + r")s?",
)
"""A definite description in lower case ("the group", "the Valeian-backed faction", "one of the factions")."""
INDEFINITE = re.compile(
    rf"(?:An?|an?)\s+(?:(?:{MODIFIER}|[A-Z][\w’']*)\s+){{0,2}}?(?P<head>" + "|".join(HEAD_TYPES) + r")"
    r"(?:\s+(?:in|from|based in)\s+[A-Z][\w’'-]+)?",
)
"""An indefinite one in the lead ("A pro-Valeian group in Norland said"): the article's actor of that
kind, named in its headline or in the sentences after."""

REACH = 2500  # characters: an antecedent is named in the paragraphs just before


def compatible(phrase: str) -> frozenset[str] | None:
    """The actor types the description can stand for; None when the phrase is no such description."""
    m = DESCRIPTION.fullmatch(phrase.strip())
    return HEAD_TYPES[m["head"]] if m else None


TITLED = re.compile(r"(?:[A-Z][\w’'-]*\s+){0,2}(?P<head>Militia|Group|Faction|Movement|Ministry)")
"""A description in a headline's capitals ("Northern Faction Warns …"), one actor of that kind."""


def introduced(phrase: str) -> frozenset[str] | None:
    """The types an indefinite description can stand for; None for any other phrase."""
    m = INDEFINITE.fullmatch(phrase.strip())
    return HEAD_TYPES[m["head"]] if m else None


def titled(phrase: str) -> frozenset[str] | None:
    """The types a headline's capitalised description can stand for; None for any other phrase."""
    m = TITLED.fullmatch(phrase.strip())
    return HEAD_TYPES[m["head"].lower()] if m else None


def ends_in_head(name: str, phrase: str) -> bool:
    """A new name ends in the description's noun ("Harbour Brigades" for "the brigades")."""
    m = DESCRIPTION.fullmatch(phrase.strip())
    last = name.split()[-1:]
    return bool(m and last) and last[0].lower().rstrip("s") == m["head"].rstrip("s")


def new_name_fits(name: str, phrase: str) -> bool:
    """A name the gazetteer does not know fits the description where it ends in the description's noun,
    or in a noun of a type the description allows ("the X Movement" for "the group")."""
    types, last = compatible(phrase), name.split()[-1:]
    if types is None or not last:
        return False
    own = HEAD_TYPES.get(last[0].lower()) or HEAD_TYPES.get(last[0].lower().removesuffix("s"), frozenset())
    return ends_in_head(name, phrase) or bool(own & types)


__all__ = ["REACH", "compatible", "ends_in_head", "introduced", "new_name_fits", "titled"]
