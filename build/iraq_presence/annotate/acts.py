"""PLOVER acts the codebook names that the cue words (cues.py) do not read, for a remark no cue codes.

Without them the draft fell back on the precedents, and most curated statements are demands: a threat
put as a condition, a wish to see the forces go, a resolve to end a presence, an actor's own drawdown or
a ceasefire, and a promise of talks were drafted as null or as REQUEST (docs/curation.md, PLOVER).
"""

from __future__ import annotations

import re

PRESENCE_NOUN = r"(?:presence|existence|coalition|forces|troops|mission|occupation|Americans|bases)"
ACTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "REQUEST",  # "the importance of X" is coded by X: a withdrawal someone should carry out
        re.compile(
            r"\bimportance\s+of\s+(?:[\w-]+\s+){0,5}?(?:implement\w*\s+)?(?:the\s+)?(?:withdraw\w*|exit|departure|expul\w*)",
            re.I,
        ),
    ),
    (
        "AGREE",  # "the importance of X" is coded by X: future cooperation
        re.compile(
            r"\bimportance\s+of\s+(?:[\w-]+\s+){0,2}?(?:working\s+together|co-?operat\w*|collaborat\w*|deepening"
            r"|strengthening|partnership)",
            re.I,
        ),
    ),
    (
        "THREATEN",  # a warning of retaliation, put as a condition or as force
        re.compile(
            r"\b(?:response|respond|retaliat\w*|unleash\w*|attacks?|blows|confront\w*|war|force of arms|by force)\b"
            r"(?:[^.;]|(?<=\b[A-Z])\.){0,80}\bif\b|\bif\b(?:[^.;]|(?<=\b[A-Z])\.){0,120}"
            r"\b(?:response|respond|retaliat\w*|unleash\w*|blows|confront\w*|war)\b"
            r"|\bforce of arms\b|\b(?:will|would|shall)\b[^.;]{0,40}\b(?:by force|militarily)\b",
            re.I,
        ),
    ),
    (
        "REJECT",  # opposing a presence: resolved to end it
        re.compile(
            r"\b(?:determined|resolved|seek\w*|vow\w*|intends?|decided)\s+to\s+[“\"‘]?(?:put\s+an\s+end[”\"’]?\s+to"
            r"|end|terminate)\s+(?:the\s+|this\s+|its\s+)?[“\"‘]?(?:[\w-]+\s+){0,4}?" + PRESENCE_NOUN + r"\b",
            re.I,
        ),
    ),
    (
        "CONCEDE",  # accepting the other side's demand: a ceasefire, or one's own forces or mission ended
        re.compile(
            r"\b(?:cease-?fire|truce|suspend\w*\s+(?:its\s+|their\s+)?(?:attacks|operations))\b"
            r"|\b(?:its|their|our)\s+(?:[“\"‘]?[\w-]+[”\"’]?\s+){0,2}?(?:mission|forces|troops|presence)\b[^.;]{0,30}?"
            r"\b(?:will|would)\s+(?:be\s+)?(?:end|wrap\w*\s+up|conclude|wind\w*\s+down)"
            r"|\b(?:end|wrap\w*\s+up|conclude|wind\w*\s+down)\s+(?:its|their)\s+(?:[“\"‘]?[\w-]+[”\"’]?\s+){0,2}?mission\b"
            r"|\bmission\b[^.;]{0,90}?\bwill\s+be\s+(?:wrapping|winding)\b",
            re.I,
        ),
    ),
    (
        "REQUEST",  # a wish or a must for another's act
        re.compile(
            r"\b(?:would like|wants?|wanted)\s+(?:to\s+see\s+)?(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?\s+(?:to\s+)?"
            r"(?:leave|withdraw|go|exit|pull out)\b|^(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?\s+to\s+(?:leave|withdraw)\b"
            r"|\b(?:must|has to|have to)\s+(?!be\b)[a-z]+"
            r"|\b(?:asked|urged|called\s+on|pressed|demanded\s+(?:that\s+)?)\s+(?:[\w’'.-]+\s+){1,4}?to\s+[a-z]+",
            re.I,
        ),
    ),
    (
        "SUPPORT",  # approval of another's act
        re.compile(
            r"\b(?:was|were|is|are)\s+positive\b|\bpositive\s+(?:signals?|steps?|message|atmosphere)|\bgoodwill\b", re.I
        ),
    ),
    (
        "AGREE",  # a commitment to talks by their parties (one named party's plan is a report), or a hope for ties
        re.compile(
            r"\b(?:we|the\s+two\s+\w+|both\s+\w+|negotiations|talks|dialogue|[A-Z][\w.]*\s+and\s+(?:the\s+)?[A-Z][\w.]*"
            r"(?:\s+[A-Z][\w.]*)*)\s+(?:will|would|shall|(?:agreed|decided|are\s+ready|aim|plan)\s+to)\s+(?:\w+\s+)?"
            r"(?:discuss|negotiate)\b|\b(?:agreed|decided)\s+to\s+(?:discuss|negotiate)\b"
            r"|\bnegotiations\s+will\b"
            r"|\bdecision\s+to\s+(?:conduct|hold|start|open)\s+(?:negotiations|talks|dialogue)\b"
            r"|\bwants?\s+(?:a\s+)?(?:\w+\s+)?(?:relationship|relations|friendship|partnership|cooperation)\b",
            re.I,
        ),
    ),
]
OWN_END = re.compile(r"\b(?:US|U\.S\.|United States|Washington|America|coalition)\s+(?:\w+\s+){0,2}$")
"""The state ending its own forces' presence is conceding it, not opposing it."""


def act(quote: str) -> tuple[str | None, str, int]:
    """The category the words perform by one of these idioms, the first that reads, its words and where
    they start (len(quote) where none reads)."""
    for category, pattern in ACTS:
        m = pattern.search(quote)
        if m and not (category == "REJECT" and OWN_END.search(quote[: m.start()])):
            return category, f"words {m.group(0)!r} ({category.lower()} by the codebook's rule)", m.start()
    return None, "no idiom of an act", len(quote)


__all__ = ["act"]
