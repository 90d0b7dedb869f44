"""The person a role stands for: "the leader of the militia said", "the diplomat concluded".

News names a person once and then writes the role ("Ann Roe, the leader of the X Brigades, said …";
"… the diplomat concluded"). The extractor reads such a subject as the organisation its words name, an
unnamed source, or nothing; the speaker is the person (docs/curation.md, Speakers: anaphora may identify
a speaker). Two readings, in order:

1. the one person the article names in apposition with the same role noun ("Ann Roe, the leader of …",
   "Ann Roe, leader of …"): the role's holder;
2. for a definite description ("the diplomat", "the Valeian official"), the nearest earlier speaker who
   is a person or an unnamed source, of no other country than the description's nationality word.

Otherwise the speaker stays as drafted, for the curator.
"""

from __future__ import annotations

import re
from typing import Any

from .lexicon import NAME_RUN

PERSON_ROLES = (
    r"(?i:leader|chief|head|commander|spokes(?:man|woman|person)|official|ambassador|diplomat|envoy|minister|cleric"
    r"|secretary(?:[- ]general)?)"
)
DESCRIBED = re.compile(
    rf"^(?!(?i:an?|one|another|some|two|three|several)\s)(?P<the>[Tt]he\s+)?(?:(?:[A-Z][\w’'-]*|[a-z][\w-]*)\s+){{0,4}}?(?P<role>{PERSON_ROLES})\b"
    r"(?:\s+(?:of|in|for|to|from)\b.*)?$",
    re.S,
)
"""A subject that is a person's role ("The leader of the X group, X", "the militia chief", "Valeian official");
not an indefinite one ("a spokesman", "an official"), which introduces someone else."""
NOT_A_NAME = r"(?!(?:On|In|At|By|For|From|After|Before|During|Since|Meanwhile|However|Last|This|Earlier|Later)\b)"
"""A run that opens with a preposition is a time or a place ("On Tuesday, …", "In Vale, …"), not a name."""
CLAUSE_WORDS = r"(?:according|to|who|which|that|said|says|told|as|and|when|while|with)\b"
"""Words that end an apposition: after them the role is another clause's ("X, according to the chief")."""
APPOSED = re.compile(
    rf"(?<![\w’'-]){NOT_A_NAME}(?P<name>{NAME_RUN}),\s+(?:(?:a|an|the)\s+)?(?:(?!{CLAUSE_WORDS})[\w’'-]+\s+){{0,4}}?(?P<role>{PERSON_ROLES})\b"
)
"""A person named with a role in apposition ("Ann Roe, the leader of …", "Ann Roe, leader of …")."""
NAMED_BEFORE = re.compile(rf"(?:^|(?<=[\s“\"])){NOT_A_NAME}(?P<name>{NAME_RUN}),\s+$")
INDEFINITE = re.compile(rf"(?:(?:a|an|the)\s+)?(?:[\w’'-]+\s+){{0,3}}?(?:{PERSON_ROLES})\b")
"""A role right after a name and its comma ("X, a senior commander of …", "X, Secretary-General of …"): the
name's apposition."""
REACH = 1500  # characters: how far back a definite description's speaker is looked for


def subject_phrase(text: str, p: dict[str, Any]) -> str | None:
    """The subject the source ends: from the sentence's start when the source closes a phrase that opens
    it ("The leader of the X group, Y, said": the whole phrase), else the source itself."""
    if p.get("source_start") is None:
        return None
    a, b = p["source_start"], p["source_end"]
    lo = max(text.rfind(". ", 0, a) + 2, text.rfind("\n", 0, a) + 1, 0)
    head = text[lo:a]
    if head.endswith(", ") and "," not in head[:-2] and DESCRIBED.match(head[:-2]):
        return text[lo:b]
    return text[a:b]


def role_holders(ctx: Any, drafted: list[dict[str, Any]], speakers: list[str], person: Any) -> list[str]:
    """Each speaker written as a person's role, as the person it stands for (the readings above), and a
    pronoun right after it that the extractor gave the same speaker; `person(name, at)` is the actor id of a
    person the text names."""
    out = list(speakers)
    for i, p in enumerate(drafted):
        found = _holder(ctx, drafted, out, i, person)
        if found is None and i and out[i - 1] != speakers[i - 1] and speakers[i] == speakers[i - 1]:
            source = ctx.text[p["source_start"] : p["source_end"]] if p.get("source_start") is not None else ""
            found = out[i - 1] if source.lower() in {"he", "she"} else None  # "…, he said" goes on with the holder
        if found is not None:
            out[i] = found
    return out


def _holder(ctx: Any, drafted: list[dict[str, Any]], out: list[str], i: int, person: Any) -> str | None:
    """The person statement i's role subject stands for, or None."""
    p = drafted[i]
    made = _made_by(ctx.text, p)
    if made is not None and out[i].startswith(("TODO-new-speaker", "unnamed-")):  # a speaker not yet identified
        return ctx.aliases.get(made["named"]) or person(made["named"], made.start("named"))
    named = (
        NAMED_BEFORE.search(ctx.text, max(0, p["source_start"] - 120), p["source_start"])
        if p.get("source_start") is not None
        else None
    )
    if (
        named
        and _timeless(named)
        and ctx.types.get(out[i]) != "person"
        and INDEFINITE.match(ctx.text, p["source_start"])
    ):
        return ctx.aliases.get(named["name"]) or person(named["name"], named.start("name"))  # its comma left out
    phrase = subject_phrase(ctx.text, p)
    ending = _person_ending(ctx, phrase or "", out)
    if ending is not None and ctx.types.get(out[i]) != "person":
        return ending  # "Leader Of Valeian Militia Ola Berg: …": the person the title ends in
    m = DESCRIBED.match(phrase.strip()) if phrase else None
    if m is None or (ctx.types.get(out[i]) == "person" and not _other_country(ctx, out[i], phrase)):
        return None  # a known person: the extractor read the role as its holder (roles.py)
    role = _role_word(m["role"])
    holders = {_key(h["name"]): h for h in APPOSED.finditer(ctx.text) if _role_word(h["role"]) == role and _timeless(h)}
    if len(holders) == 1:
        h = next(iter(holders.values()))
        return ctx.aliases.get(h["name"]) or person(h["name"], h.start("name"))
    if m["the"] and not holders and " of " not in phrase:  # "the leader of X" is X's, not whoever spoke last
        return _earlier_speaker(ctx, drafted, out, i, phrase)
    return None


def _made_by(text: str, p: dict[str, Any]) -> re.Match[str] | None:
    """ "…, a diplomat said. X, the envoy, made the statement at …": the next sentence names who made it."""
    from .occasion import ABOUT_IT, next_sentence

    after = next_sentence(text, p["end"]) or next_sentence(text, p["end"], across=True)
    m = ABOUT_IT.match(text, after[0], after[1]) if after else None
    return m if m is not None and m["named"] else None


def _person_ending(ctx: Any, phrase: str, speakers: list[str]) -> str | None:
    """The drafted person whose name (of two words or more) ends the phrase after other words."""
    for s in dict.fromkeys(speakers):
        if _kind(ctx, s) != "person":
            continue
        names = (
            [a for a, i in ctx.aliases.items() if i == s]
            + [ctx.new_actors[s]["name"], *ctx.new_actors[s].get("aliases", [])]
            if s in ctx.new_actors
            else [a for a, i in ctx.aliases.items() if i == s]
        )
        for name in names:
            if len(name.split()) >= 2 and phrase != name and phrase.lower().endswith(" " + name.lower()):
                return s
    return None


def _earlier_speaker(ctx: Any, drafted: list[dict[str, Any]], speakers: list[str], i: int, phrase: str) -> str | None:
    """The nearest earlier speaker that is a person or an unnamed source, of the description's country."""
    for j in range(i - 1, -1, -1):
        if drafted[i]["start"] - drafted[j]["end"] > REACH:
            return None
        s = speakers[j]
        if _kind(ctx, s) not in {"person", "unnamed_source"} and not s.startswith("unnamed-"):
            continue
        if not _other_country(ctx, s, phrase):
            return s
    return None


def _other_country(ctx: Any, actor: str, phrase: str) -> bool:
    """The description's nationality word names another country than the actor's known one ("the
    Valeian official" is not the Norlander named before)."""
    from .places import demonym_alpha3

    countries = {c for w in phrase.split() for c in demonym_alpha3(w.strip(",’'"))}
    known = ctx.countries.get(actor)
    return bool(countries and known and known not in countries)


def _timeless(m: re.Match[str]) -> bool:
    """The name holds no weekday ("Tuesday Night, the minister …" is a time)."""
    from .dates import WEEKDAYS

    return not any(w.lower() in WEEKDAYS for w in m["name"].split())


def _kind(ctx: Any, actor: str) -> str | None:
    return ctx.types.get(actor, ctx.new_actors.get(actor, {}).get("actor_type"))


def _role_word(word: str) -> str:
    """One noun for a role however written: "spokeswoman" and "spokesperson" are the spokesman's role."""
    return "spokesman" if word.lower().startswith("spokes") else word.lower().replace(" ", "-")


def _key(name: str) -> str:
    """A name compared without its particles' hyphens ("Ada al Roe" is "Ada al-Roe")."""
    return re.sub(r"[\s-]+", " ", name.lower())


__all__ = ["role_holders", "subject_phrase"]
