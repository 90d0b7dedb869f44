"""Attributions in headlines, which news writes without a full sentence.

"Words: Speaker", "Words - Speaker", "Speaker to Addressee: Words" and a title-case cue
("Group Says …", "Minister Denies …") attribute speech in a line with no final stop. Each becomes a
reporting cue like those read in sentences, so quotations in the line and the reported words get
the headline's speaker.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .attribution import Cue, tokenize
from .lexicon import CUE_RE, FURNITURE_NAMES, HEADLINE_FORMS, ROLE_NOUNS
from .spans import Lines, SpanIndex

SEPARATOR = re.compile(r":\s+|\s+[-–—]\s+")
LONGEST = 25  # words: a longer line is a paragraph without its stop, not a headline
SPEAKER_WORDS = 4  # at most, on the side of a separator that names the speaker
LEAD_WORDS = 6  # at most, before a title-case cue or a leading "Speaker to Addressee:"


def headline_cues(text: str, quoted: SpanIndex[tuple[int, int]]) -> list[Cue]:
    """Cues of the headline-like lines of a text (lines without a final stop, not inside quotations)."""
    out = []
    lines = Lines(text)
    for start in [0, *(b + 1 for b in lines.breaks)]:
        end = lines.end(start)
        line = text[start:end].strip()
        bare = line.rstrip("”\"’'")  # "X: A Is ‘Calm before the Storm’": a headline may end in its quotation
        words = line.split()
        title_case = sum(w[:1].isupper() for w in words) >= 0.8 * len(words)
        if not bare or bare[-1] in ".!?,;" or len(words) > (2 * LONGEST if title_case else LONGEST) or len(words) < 3:
            continue
        if any(not (start <= s - 1 and e + 1 <= end) for s, e in quoted.overlapping(start, end)):
            continue  # a line inside a quotation that runs over paragraphs
        offset = start + len(text[start:end]) - len(text[start:end].lstrip())
        cue = (
            _separated(text, offset, offset + len(line))
            or _title_cue(text, offset, offset + len(line))
            or _trailing_cue(text, offset, offset + len(line))
        )
        if cue is not None:
            out.extend(_one_per_remark(text, cue))
    return out


def _one_per_remark(text: str, cue: Cue) -> list[Cue]:
    """ "Speaker: A; B": two remarks, a cue each (docs/curation.md, a clause with two remarks is two rows)."""
    if cue.source is None or len(cue.content) != 1 or cue.content[0][0] < cue.source[1]:
        return [cue]
    parts = _remarks(text, *cue.content[0])
    return [cue] if len(parts) == 1 else [replace(cue, content=[part]) for part in parts]


def _remarks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words after a headline's "Speaker:", one span per remark where a semicolon parts two."""
    out, at = [], start
    for m in re.finditer(r";\s+", text[start:end]):
        out.append((at, start + m.start()))
        at = start + m.end()
    return [*out, (at, end)]


def _separated(text: str, start: int, end: int) -> Cue | None:
    """'Words: Speaker', 'Words - Speaker', 'Speaker to Addressee: Words'; not page furniture ("Read
    More: …", "Source: …")."""
    marks = list(SEPARATOR.finditer(text, start, end))
    if not marks:
        return None
    last = marks[-1]
    right = text[last.end() : end]
    first = marks[0]
    left = text[start : first.start()]
    addressed = text[first.start()] == ":" and re.search(r"\s+to\s+[A-Z]", left) is not None  # "X to Y: words"
    role = right.split()[-1:] and right.split()[-1].lower() in ROLE_NOUNS  # "…: foreign minister"
    if (
        1 <= len(right.split()) <= SPEAKER_WORDS
        and (right[:1].isupper() or role)
        and "," not in right
        and not addressed
    ):
        return Cue(last.start(), last.end(), "headline", (last.end(), end), None, [(start, last.start())], "headline")
    furniture = left.strip() in FURNITURE_NAMES or left.strip().split()[-1:] == ["Source"]
    if text[first.start()] == ":" and _outlet_credit(text, left.strip()):
        rest = first.end() + len(text[first.end() : end]) - len(text[first.end() : end].lstrip())
        return _title_cue(text, rest, end)  # "Outlet: X urges …": the outlet carries the headline, X speaks
    if text[first.start()] == ":" and 1 <= len(left.split()) <= LEAD_WORDS + 2 and left[:1].isupper() and not furniture:
        to = re.search(r"\s+to\s+", left)
        source_end = start + to.start() if to else first.start()
        return Cue(first.start(), first.end(), "headline", (start, source_end), None, [(first.end(), end)], "headline")
    return None


def _outlet_credit(text: str, name: str) -> bool:
    """The name before a headline's colon is an outlet the article credits ("X reported", "according to X"),
    not a speaker."""
    if not name or len(name.split()) > 3:
        return False
    named = re.escape(name)
    credited = rf"\b{named}\s+(?:news\s+agency\s+|agency\s+)?(?:reported|reports)\b|\baccording\s+to\s+{named}\b"
    return re.search(credited, text) is not None


def _title_cue(text: str, start: int, end: int) -> Cue | None:
    """'Iraqi Group Says There Will Be …': a reporting verb after a short capitalised subject, which may
    follow an opening phrase and its comma ("Emboldened by X, Militias Demand …"); a plural subject takes
    the verb's plain form ("Militias Demand …")."""
    tokens = tokenize(text, start, end)
    lead = 0
    for k, t in enumerate(tokens[1:], start=1):
        if tokens[k - 1].text == "," and k < len(tokens) and t.cap:
            lead = k  # the subject after an opening phrase
        if k == lead or k - lead > LEAD_WORDS:
            continue
        if t.low in PRESSING and tokens[lead].cap:
            return _pressing(tokens, k)
        m = CUE_RE.fullmatch(t.low) or CUE_RE.fullmatch(" ".join(x.low for x in tokens[k : k + 2]))
        if m is None and t.cap and t.low in HEADLINE_FORMS:
            m = re.fullmatch(r"(?P<cue>\w+)", t.low)  # "Group Demands …", "Minister Slams …": a verb here
        plural = any(x.low.endswith("s") and len(x.low) > 3 for x in tokens[lead:k])  # "Fighters in Iraq Vow"
        if m is None and t.cap and plural and (f"{t.low}s" in HEADLINE_FORMS or CUE_RE.fullmatch(f"{t.low}s")):
            m = re.fullmatch(r"(?P<cue>\w+)", t.low)  # "Militias Demand …": a plural subject's verb
        if m and tokens[lead].cap and k + 1 < len(tokens):
            verb_end = tokens[k + len(m.group().split()) - 1].end
            after = next((x.start for x in tokens if x.start > verb_end), None)
            if after is None:
                return None
            source = (tokens[lead].start, tokens[k - 1].end)
            return Cue(t.start, verb_end, m.group(), source, None, [(after, end)], "headline")
    return None


TRAILING = re.compile(r"(?P<words>.+?\S),\s+(?P<source>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+(?P<cue>[A-Za-z]+)")
"""'Words, Speaker Says' ("Troops Must Leave, Militia Leader Says"): the speaker and cue at the line's end."""


def _trailing_cue(text: str, start: int, end: int) -> Cue | None:
    """A headline closed by its speaker and a reporting verb after a comma; None for any other line."""
    m = TRAILING.fullmatch(text, start, end)
    if m is None or not CUE_RE.fullmatch(m["cue"].lower()) or len(m["words"].split()) < 3:
        return None
    source = m["source"]
    if source.split()[0].lower() in {"and", "but", "or", "as", "which", "who"}:
        return None
    return Cue(m.start("cue"), m.end("cue"), m["cue"].lower(), m.span("source"), None, [m.span("words")], "headline")


PRESSING = {"pushes", "presses", "pressures", "pushed", "pressed", "pressured"}
"""Pressing an actor towards a stated aim ("X Pushes Y on Z", "X presses Y to …"): a headline's
statement (docs/curation.md, coverage rule 4)."""


def _pressing(tokens: list[Any], k: int) -> Cue | None:
    """The aim after the actor pressed: what follows 'on' or 'over', or the infinitive with its 'to'."""
    on = next((x for x in range(k + 2, min(len(tokens), k + 6)) if tokens[x].low in {"on", "over", "to"}), None)
    if on is None or on + 1 >= len(tokens) or not tokens[on + 1].is_word:
        return None
    at = tokens[on].start if tokens[on].low == "to" else tokens[on + 1].start
    source = (tokens[0].start, tokens[k - 1].end)
    return Cue(tokens[k].start, tokens[k].end, tokens[k].text, source, None, [(at, tokens[-1].end)], "headline")


__all__ = ["headline_cues"]
