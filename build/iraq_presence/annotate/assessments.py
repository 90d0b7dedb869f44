"""An expert's assessment given without a cue of its own, in the paragraph that introduces the expert.

News analysis introduces an expert ("X, a fellow at Y, …", "X, an analyst with Y, …") and then gives
the expert's view in the paragraph's next sentences without repeating "said". Those sentences are
the expert's position (docs/curation.md, coverage: a source, a cue of holding a position, content):
the introduction is the source, the paragraph the attribution. Only a sentence that judges or
predicts (a modal, a verb of likelihood) is taken: a sentence of plain past events is the writer's.
"""

from __future__ import annotations

import re

EXPERT_NOUNS = (
    r"(?:fellow|analyst|expert|researcher|scholar|professor|economist|specialist|lecturer|commentator|observer"
    r"|strategist|historian)"
)
INTRODUCED = re.compile(
    r"(?:(?:But|And|Yet|Still|For|However,|Meanwhile,)\s+)?(?P<name>[A-Z][\w’'.-]+(?:\s+(?:al-|el-|bin\s+|de\s+|van\s+)?[A-Z][\w’'.-]+){1,3}),\s+"
    rf"(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?{EXPERT_NOUNS}\b[^,.;]{{0,90}},"
)
"""'Anna Berg, a senior fellow at the Vale Institute,': a named expert in commas, opening a sentence."""

JUDGES = re.compile(
    r"\b(?:will|would|could|can|cannot|can[’']t|may|might|should|must|won[’']t|wouldn[’']t|likely|unlikely"
    r"|probably|perhaps|seems?|appears?|remains? to be seen)\b",
    re.I,
)
"""A sentence that judges or predicts; one of plain events is the writer's account, not the expert's."""


def introductions(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(sentence index, name start, name end) of each sentence opening with an expert in commas."""
    out = []
    for k, (s, e) in enumerate(sentences):
        m = INTRODUCED.match(text, s, e)
        if m is not None:
            out.append((k, m.start("name"), m.end("name")))
    return out


def judges(text: str, start: int, end: int) -> bool:
    return JUDGES.search(text, start, end) is not None
