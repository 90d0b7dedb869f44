"""The principal an office speaks for: "X's office said he …" gives X's words, not the office's.

docs/curation.md (Speaker: an office and its principal): an office, press office or media office
that reports what its principal said, did or holds issues the principal's words, so the principal
is the speaker and the office is how the words were issued; the office speaks in its own name only
where its words are not about its principal. The principal is the office's named owner, the person
last named before "his office", or the one holder of the owner's title at the article's date.
"""

from __future__ import annotations

import re

from .actors import OFFICE, POSSESSED_OFFICE, Context, _known_owner, _last_person
from .roles import holder

ABOUT_HIM = re.compile(
    r"^[\s,“\"]*(?:[a-z]+\s+){0,6}?(?:that\s+)?(?:[Hh]e|[Ss]he|[Tt]he\s+(?:prime\s+minister|president|premier"
    r"|minister|speaker|leader|general|commander|chairman|secretary))\b"
)
"""The office's words begin with its principal: "said he had told …", "said in a statement that she …",
a quotation "The minister insisted …" before "her office said"."""
OFFICE_SAID = re.compile(
    r"(?P<office>(?:[\w’'-]+\s+){0,5}?[\w’'-]+[’']s\s+(?:(?:media|press|private)\s+)?office"
    r"|\b(?:[Hh]is|[Hh]er)\s+(?:(?:media|press)\s+)?office|\b[Tt]he\s+office\s+of\s+[^,.;]+?)"
    r"\s+(?:said|says|stated|announced|added)\b(?:\s+in\s+an?\s+(?:[\w-]+\s+)?statement)?"
    r"(?:\s+(?:on|late|early)\s+\w+)?,?\s+(?:that\s+)?$"
)
"""An office's report just before a pronoun source ("the minister's office said he …")."""


def principal(ctx: Context, office: str, at: int) -> str | None:
    """The person the office phrase is the office of, or None where no one person is known to hold it."""
    written = office.strip()
    if POSSESSED_OFFICE.match(written):
        return _last_person(ctx, at) if at >= 0 else None
    m = OFFICE.match(written)
    if m is None:
        return None
    words = (m["owner"] or m["owner2"]).split()
    for k in range(len(words)):  # the longest tail that names a known person or a title's holder
        owner = " ".join(words[k:])
        person = _known_owner(ctx, owner)
        if person is None:
            person = holder(ctx.roles, owner, ctx.published)
        if person is not None and ctx.types.get(person) == "person":
            return person
    return None


VERB_FIRST = re.compile(r"^[\s“\"‘]*(?:[a-z]+ly\s+)?[a-z]+ed\b")
"""A quotation that opens with its verb ("backed the new law …", a statement from her office read): its
subject, the one the office reports, is the principal."""


def office_principal(ctx: Context, source: str, at: int, words: str, quoted: bool = False) -> str | None:
    """The principal as the speaker: the source is an office whose words (from its cue on, or the
    `quoted` words themselves) begin with its principal ("X's office said he …", "… said X had told",
    "“He stressed …,” his office said") or with his verb, or the source is that pronoun right after the
    office's report."""
    found = principal(ctx, source, at)
    about = ABOUT_HIM.match(words) or (quoted and VERB_FIRST.match(words))
    if found is not None and (about or _names(ctx, found, words)):
        return found
    if at < 0 or not re.fullmatch(r"(?i:he|she)", source.strip()):
        return None
    start = max(ctx.text.rfind(". ", 0, at), ctx.text.rfind("\n", 0, at)) + 1
    said = OFFICE_SAID.search(ctx.text, start, at)
    if said is None:
        return None
    office = re.sub(r"^(?:[A-Z][a-z]+\s+(?=the\b)|(?:[Oo]n|[Ll]ate|[Ee]arly)\s+\w+\s+)", "", said["office"])
    return principal(ctx, office, said.start("office"))


def _names(ctx: Context, person: str, words: str) -> bool:
    """The words begin with one of the person's names ("said Ann Roe had told …")."""
    names = sorted((a for a, i in ctx.aliases.items() if i == person and len(a) > 3), key=len, reverse=True)
    return (
        bool(names)
        and re.match(rf"^[\s,]*(?:[a-z]+\s+){{0,6}}?(?:{'|'.join(map(re.escape, names))})\b", words) is not None
    )


__all__ = ["office_principal", "principal"]
