"""Affiliations from the text's own wording: appositives and "X of Y" titles naming a person's role.

"Name, the spokesman for Org," and "Spokesman of Org Name" state that a person holds a role in an
organisation; the organisation must be a known actor (or one proposed for this article), so a
place or a nationality word after "of" is never taken for an organisation. The role is dated by
the article: the text gives it in the present of its publication date, no wider.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ROLE_HEADS = (
    "spokesman|spokeswoman|spokesperson|leader|commander|head|chief|secretary-general|secretary general|official|"
    "minister|member|director|chairman|chairwoman|president|founder|adviser|advisor|envoy|ambassador|deputy|"
    "representative|lawmaker|MP|general|emir|cleric|politician|strategist|analyst|researcher|fellow|editor|"
    "correspondent|governor|mayor|speaker"
)
PERSON = r"[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|al-\w+|bin|abu|Abu))+"


ROLE_CODES = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson",
    "secretary-general": "secretary_general",
    "secretary general": "secretary_general",
    "leader": "leader",
    "commander": "commander",
    "head": "head",
    "chief": "head",
    "official": "official",
    "founder": "founder",
    "member": "member",
    "president": "president",
    "fellow": "fellow",
    "speaker": "parliament_speaker",
}
"""Role words to the affiliations schema's role codes; a role with no code is not proposed."""


def role_code(role: str) -> str | None:
    """The schema code of a role phrase, by its head word ("senior military commander" -> commander)."""
    low = role.lower()
    for words, code in sorted(ROLE_CODES.items(), key=lambda kv: -len(kv[0])):
        if low.endswith(words):
            return code
    return None


@dataclass(frozen=True)
class Affiliation:
    person: str
    person_start: int
    organization: str
    role: str
    start: int
    end: int
    confidence: float


def find(text: str, orgs: dict[str, str]) -> list[Affiliation]:
    """Role phrases tying a named person to a known organisation (`orgs`: surface form -> actor id)."""
    if not orgs:
        return []
    org = "|".join(re.escape(o) for o in sorted(orgs, key=len, reverse=True))
    role = rf"(?P<role>(?:[a-z-]+\s+){{0,3}}?(?:{ROLE_HEADS}))"
    appositive = re.compile(
        rf"(?P<person>{PERSON}),\s+(?:the\s+|a\s+|an\s+)?{role}\s+(?:of|for|at|in)\s+(?:the\s+)?(?P<org>{org})\b"
    )
    titled = re.compile(
        rf"\b(?P<role>(?:[A-Z][a-z-]+\s+){{0,2}}?(?:{ROLE_HEADS.title()}))\s+of\s+(?:the\s+)?(?P<org>{org})\s+(?P<person>{PERSON})"
    )
    possessive = re.compile(rf"(?P<org>{org})(?:’s|'s)?\s+{role}\s+(?P<person>{PERSON})")
    out: list[Affiliation] = []
    for pattern, conf in ((appositive, 0.8), (titled, 0.75), (possessive, 0.6)):
        for m in pattern.finditer(text):
            person = m["person"]
            out.append(
                Affiliation(person, m.start("person"), orgs[m["org"]], m["role"].lower(), m.start(), m.end(), conf)
            )
    out.sort(key=lambda a: a.start)
    taken: list[Affiliation] = []
    for a in out:
        if not any(a.start < b.end and b.start < a.end for b in taken):
            taken.append(a)
    return taken


__all__ = ["Affiliation", "find"]
