"""Whether a speaker is an analyst: an expert explaining a situation, not a party to it.

The codebook (docs/curation.md, PLOVER and Stance) codes an analyst's commentary apart from a party's
acts: no PLOVER act, stance `neutral` where the words speak of the presence and `not_addressed`
otherwise. The precedents a suggestion votes over are mostly parties' demands, so the draft must
know who is commenting: the article says so in the title it gives the speaker ("analyst X", "X, a
senior fellow at the Y Institute", "experts said"), or the speaker is a research body itself.
"""

from __future__ import annotations

import re

from .actors import Context

TITLE = (
    r"(?:analysts?|experts?|researchers?|scholars?|professors?|academics?|specialists?|fellows?|observers?"
    r"|commentators?|strategists?|lecturers?|political scientists?|think[- ]tanks?)"
)
TITLE_WORD = re.compile(rf"\b{TITLE}\b", re.I)
BEFORE_NAME = re.compile(rf"\b{TITLE}\s+(?:(?:and|at|of|the|[A-Z][\w’'.-]*)\s+){{0,4}}$", re.I)
"""The title just before the name ("security analyst X", "Professor X")."""
AFTER_NAME = re.compile(
    rf"^,?\s+(?:(?:is|was)\s+)?(?:an?|the)\s+(?:[\w’'-]+\s+){{0,4}}?{TITLE}\b"
    r"|^,?\s+(?:an?\s+|the\s+)?(?:[\w’'-]+\s+){0,3}?(?:at|of|with|from)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,4}"
    r"(?:Institute|Center|Centre|University|Foundation|Initiative|Program(?:me)?|Project|Studies)\b",
    re.I,
)
"""The title in an appositive after the name ("X, a senior fellow at Y", "X, director of the Y Institute")."""
RESEARCH_TYPES = {"research_organization"}


def is_analyst(ctx: Context, speaker: str, source: str | None) -> bool:
    """The speaker is an analyst: the source's own words give the title ("Iraqi analyst X", "experts"),
    the article gives it beside one of the speaker's names, or the speaker is a research body."""
    if ctx.types.get(speaker) in RESEARCH_TYPES:
        return True
    if source and TITLE_WORD.search(source):
        return True
    names = {a for a, i in ctx.aliases.items() if i == speaker and len(a) > 3}
    if speaker in ctx.new_actors:
        names |= {a for a in ctx.new_actors[speaker].get("aliases") or [] if len(a) > 3}
    if source and source[:1].isupper() and len(source) > 3:
        names.add(source)
    return any(_titled(ctx.text, name) for name in names)


def _titled(text: str, name: str) -> bool:
    """Some occurrence of the name stands beside an analyst's title."""
    for m in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", text):
        if BEFORE_NAME.search(text, max(0, m.start() - 60), m.start()) or AFTER_NAME.match(
            text[m.end() : m.end() + 90]
        ):
            return True
    return False


__all__ = ["is_analyst"]
