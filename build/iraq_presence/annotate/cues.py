"""Cue words for PLOVER, stance and topics, read from the codebook's definitions (docs/curation.md).

The precedent vote (suggest.py) knows only what the curated corpus has seen; these general English
cues carry the codebook's own rules ("a refusal ... is REJECT", "a warning of retaliation is
THREATEN", "topics follow the statement's own words") to words no precedent shares. Each returns
the codes with the cue that fired, so the review shows why.
"""

from __future__ import annotations

import re

from .lexicon import STATE_PARTICIPLE

PLOVER_VERBS: dict[str, re.Pattern[str]] = {
    "REJECT": re.compile(r"\b(?:den(?:y|ies|ied|ying)|reject|refus|dismiss|refut|oppos|rul(?:ed|es|ing) out)", re.I),
    "THREATEN": re.compile(r"\b(?:warn|threat|vow)", re.I),
    "ACCUSE": re.compile(
        r"\b(?:accus|condemn|blam|critici|denounc|slam|alleg|label|brand|charg|decr(?:y|ie)|deplor)", re.I
    ),
    "REQUEST": re.compile(
        r"\b(?:call(?:ed|s|ing)? (?:for|on)|calls for|urg|demand|press|push|appeal|lobby|ask(?:ed|s|ing)?\b)", re.I
    ),
    "SUPPORT": re.compile(
        r"\b(?:prais|thank|welcom|hail|appreciat|back(?:ed|s|ing)\b|commend|express(?:ed)? (?:support|gratitude))", re.I
    ),
    "AGREE": re.compile(r"\b(?:agre|pledg|promis|offer)", re.I),
}
"""The reporting verb names the act ("denied" a refusal, "warned" a warning, "has repeatedly called for" a request)."""

PLOVER_WORDS: dict[str, re.Pattern[str]] = {
    "REJECT": re.compile(
        r"\b(?:not true|incorrect|untrue|baseless|unfounded|will not (?:allow|accept|permit)|won[’']t (?:allow|accept)"
        r"|reject(?:s|ed)?|refuse[sd]?|oppose[sd]?|red lines?|no intention (?:to|of)|(?:do|does|did|will) not accept"
        r"|non-acceptance|(?:does|do|will) not allow)\b",
        re.I,
    ),
    "THREATEN": re.compile(
        r"\b(?:retaliat\w*|ready to|will (?:\w+ly )?(?:respond|target|strike|confront|attack)|confront\w*"
        r"|revenge|avenge\w*|defeat(?:ed)?|violence|(?:continue|launch|resume|step up|carry out)\w* (?:\w+ )?attacks"
        r"|resumption of (?:\w+ )?attacks|return to (?:\w+ ){0,2}attacks|calm before the storm"
        r"|prepared to respond|respond to any (?:attack|aggression)"
        r"|(?:continue\w* to |keep )?fight(?:ing)? (?:against )?(?:the )?"
        r"(?:US|U\.S\.|American|occupiers?|occupation|foreign))\b"
        r"|\b(?:[Ii]f|[Ii]n (?:the )?case of|[Ss]hould)\b[^.;]{0,40}\b(?:war|attack(?:s|ed)?|aggression|strikes?)\b",
        re.I,
    ),
    "ACCUSE": re.compile(
        r"\b(?:occupation|occupiers?|occupying|aggression|crimes?|criminal|violat\w*|terrorist|blame|responsible for"
        r"|no legal basis|unlawful|decepti\w+|deceit\w*|deceiv\w+|lies|lied|lying|hypocri\w+|betray\w*|plunder\w*"
        r"|hegemony|domination|humiliat\w+"
        r"|illegal|illegitimate|enemy|proxies|corruption|destruction"
        r"|endanger\w*|dangerous|destabili[sz]\w*|disturb(?:s|ed|ing)?|arrogan\w+|regret(?:s|ted)?|absurd|delusional"
        r"|(?:does|do|did) not trust|distrust\w*|not (?:even )?(?:loyal|anyone[’']s friend)"
        r"|serves? (?:\w+[’']s )?interests"
        r"|(?:has|have) (?:its |their )?roots in|created a (?:\w+ )*?crisis|a lie|bluff|fabricated|detriment\w*)\b",
        re.I,
    ),
    "REQUEST": re.compile(
        r"\b(?:must (?:leave|withdraw|be (?:expelled|ejected|removed))|should|calls? (?:for|on)"
        r"|demand\w*|urge[sd]?|expel\w*|expulsion|removal|oust\w*|pressure|advis(?:e|es|ed|ing) (?:\w+ ){1,3}to)\b",
        re.I,
    ),
    "SUPPORT": re.compile(
        r"\b(?:thank\w*|gratitude|prais\w*|support(?:s|ed)? (?:for|the)|in support of|strengthen\w*|bolster\w*"
        r"|reinforc\w*|preserv\w*|pillars?|cornerstone|blessing|satisfaction|key elements?"
        r"|strategic (?:partner|role)|st(?:ood|ands?|anding) by|sided? with|siding with)\b",
        re.I,
    ),
    "AGREE": re.compile(
        r"\b(?:cooperation|collaboration|deepen\w*|bilateral|ties|partnership|willing\w*|ready for|hope[sd]?"
        r"|commitment|committed to|(?:the )?need (?:to|for)|resolve to|a priority"
        r"|(?:will|to) set a timetable|(?:continues?|continue to) (?:to )?engage|(?:in )?active dialog(?:ue)?"
        r"|(?:strong|reliable) partner|(?:have|has) agreed on|agreed upon|under an agreement"
        r"|(?:set|confirmed?|agreed?(?: on)?) (?:a |the )?(?:timetable|timeline)|(?:timetable|timeline) will be set"
        r"|will conclude|wrap up)\b",
        re.I,
    ),
    "CONCEDE": re.compile(
        r"\b(?:(?:no|without) reservations?|(?:accept|respect)\w* (?:any|the|their|its) decisions?"
        r"|(?:will|would) not attack|suspend\w* attack\w*"
        r"|(?:to|would|will) halt (?:its|their|all) (?:\w+ )?(?:attacks|operations))\b",
        re.I,
    ),
}
"""Words of the act itself, for a neutral cue ("said", "stressed"); the codebook's kinds of each act."""
BACKING = re.compile(r"\b(?:bolster\w*|reinforc\w*|strengthen\w*|preserv\w*)\b", re.I)
"""A call whose aim is backing an actor is SUPPORT, not REQUEST (the codebook)."""

QUESTION = re.compile(r"\?[”\"’']?\s*$")
"""A question asks; it performs no coded act."""

OWN_FORCE_WORDS = ("armed", "security", "regular", "paramilitary", "Iraqi", "Iraq’s", "Iraq's")
"""Words before "forces" that make them Iraq's own, not the foreign forces ("security forces", "Iraqi forces")."""
FOREIGN_FORCES = "".join(f"(?<!{re.escape(w)} )" for w in OWN_FORCE_WORDS) + r"\b(?:troops?|forces|presence|bases?)\b"
"""Forces in lower case not of Iraq's own ("armed forces", "security forces"); "Forces" in a name is a name."""

TOPIC_WORDS: dict[str, re.Pattern[str]] = {
    "us_military_presence": re.compile(
        r"(?i:foreign (?:military )?(?:presence|troops|forces))|"
        + FOREIGN_FORCES
        + r"|(?i:\b(?:withdraw\w*|pull(?:ed|ing)? out|coalition|occupiers?|occupation|occupying"
        r"|military mission|combat mission|expel\w*|eject\w*|removal|exit|deployment)\b)"
    ),
    "armed_factions": re.compile(
        r"\b(?:militias?|militants?|factions?|armed groups?|armed activit\w*|paramilitar\w*|(?<!its )(?<!our )fighters"
        r"|resistance(?= (?:groups?|factions?|fighters|movements?))|(?<!its )(?<!our )weapons|disband\w*|dissol\w*"
        r"|mobili[sz]ation|(?<=-)" + STATE_PARTICIPLE + r"\s+(?:forces|groups?|proxies))\b",
        re.I,
    ),
    "sovereignty": re.compile(
        r"\b(?:sovereign\w*|interfer\w*|independen\w*|internal affairs|dictat\w*|occupiers?|occupation|occupying"
        r"|consent|approval|(?:on|at) the request of|state control)\b",
        re.I,
    ),
    "economy_and_trade": re.compile(
        r"\b(?:trade|econom\w*|energy|gas|electricity|oil|sanctions?|invest\w*|payments?|exports?|imports?)\b", re.I
    ),
    "regional_conflict": re.compile(
        r"\b(?:Gaza|Lebanon|Lebanese|Syria|Palestin\w*|Israel\w*|Zionist|Yemen|war|warfare|conflict|battleground"
        r"|(?i:regional (?:war|tensions?|conflicts?|escalation)|the wider region|tensions? between))\b"
    ),
    "bilateral_relations": re.compile(
        r"\b(?:bilateral|ties|relations|friendship|brotherly|partner\w*|collaborat\w*|mutual|both nations)\b", re.I
    ),
    "elections": re.compile(r"\b(?:elections?|electoral|ballot|government formation)\b", re.I),
    "security_cooperation": re.compile(r"\b(?:borders?|security agreement|security cooperation)\b", re.I),
}
"""The codebook's topic definitions as words: a topic is coded where the passage's own words speak of it."""

PRESENCE = re.compile(
    r"\b(?:troops?|forces?|presence|bases?|occupiers?|occupation|coalition|military mission|combat mission)\b"
    r"|\b(?:(?-i:US|U\.S\.)|American|coalition|foreign|Washington[’']s)\s+(?:military\s+)?"
    r"(?:control|domination|hegemony|grip)\s+(?:of|over)\b",
    re.I,
)
"""The presence named: the forces, or a foreign state's military hold over the country ("the American
control of the airspace", "foreign domination over the ports")."""
LEAVE = re.compile(
    r"\b(?:withdraw\w*|leave|exit|expel\w*|expulsion|removal|eject\w*|pull(?:ed|ing)? out|out of|occupation"
    r"|occupiers?|illegal|illegitimate|departure)\b",
    re.I,
)


VOWED = re.compile(r"\bvow(?:s|ed|ing)?$", re.I)
VIOLENT = re.compile(
    r"to (?:\w+ )?(?:attack|strike|retaliat\w*|fight|avenge|respond|target|destroy|expel|confront|kill|hit|punish"
    r"|continue (?:\w+ )?(?:attacks|operations|fighting|resistance)|resist|take revenge)\b",
    re.I,
)
"""A vow to act ("vowed to maintain a presence") is a pledge (AGREE); a vow of violence is a threat."""
ASKED_TO = re.compile(r"\b(?:told|tells|tell|advis\w*|instruct\w*|order\w*)$", re.I)
INFINITIVE = re.compile(r"(?:not )?to [a-z]")
"""'told X not to allow …': an act asked of the hearer is a request (the codebook)."""


def plover(quote: str, verb: str | None) -> tuple[str | None, str]:
    """The PLOVER category the cue or the words name, and the cue; None where neither names one."""
    if QUESTION.search(quote):
        return None, "a question performs no coded act"
    if verb and ASKED_TO.search(verb) and INFINITIVE.match(quote):
        return "REQUEST", f"cue verb {verb!r} with the act asked of the hearer ({quote.split()[0]!r} …)"
    if verb and VOWED.search(verb) and INFINITIVE.match(quote) and not VIOLENT.match(quote):
        return "AGREE", f"cue verb {verb!r} with a pledge to act ({' '.join(quote.split()[:2])!r} …), no violence"
    for category, pattern in PLOVER_VERBS.items():
        if verb and pattern.search(verb.strip()):
            if category == "REQUEST" and BACKING.search(quote):
                return "SUPPORT", f"cue verb {verb!r} for backing ({BACKING.search(quote).group(0)!r})"
            return category, f"cue verb {verb!r}"
    found = [(m.start(), category, m.group(0)) for category, p in PLOVER_WORDS.items() if (m := p.search(quote))]
    if found:  # the act of the first clause that performs one (the codebook)
        at, category, word = min(found)
        aside = _not_the_speakers(quote, at) if category != "THREATEN" else None
        if aside:
            return None, f"words {word!r} in {aside!r}: not the speaker's own act"
        return category, f"words {word!r}"
    return None, "no cue names an act"


OTHER_SIDE = re.compile(
    r"(?<![\w’'-])(?!(?:We|I|Our|My)\b)(?:[A-Z][\w’'.-]+|leaders|factions|groups|parties|officials|politicians"
    r"|militias|governments?)(?:\s+(?:themselves|also|have|has|had|long|repeatedly|often|strongly|gone as far as"
    r"|officially|openly|continues? to|continued to))*"
    r"\s+(?:call(?:ed|s)? for|demand(?:ed|s|ing)?|views?|viewed|sees?|considers?|declares?|regards?|oppos(?:es|ed)"
    r"|push(?:es|ed)? for|push for)\b"
)
SPECULATION = re.compile(
    r"\b(?:might|may|could) (?:be|have)\b|\b(?:is|are|was|were) (?:expected|set|likely) to\b"
    r"|\bappears? (?:to|determined)\b"
)


def _not_the_speakers(quote: str, at: int) -> str | None:
    """The words before the act, or holding it, that make it not the speaker's own (the codebook): another
    side's position reported ("Iran views the forces as occupiers", "the factions have called for"), or a
    source's speculation ("was set to discuss", "might be linked to", "appears determined")."""
    for pattern in (OTHER_SIDE, SPECULATION):
        m = pattern.search(quote, 0, at + 40)
        if m is not None and m.start() <= at:
            return m.group(0)
    return None


WITHDRAW_FROM = re.compile(
    r"\b(?:withdraw\w*|pull(?:ed|ing)? out|leav(?:e|ing)|expel\w*) (?:from|of) (?:the country|Iraq)\b", re.I
)
"""Leaving the country names the presence by its end ("withdrawing from the country")."""


US_OUT = re.compile(
    r"\b(?:expel\w*|eject\w*|oust\w*|expulsion of|withdrawal of|departure of)\s+(?:the\s+)?"
    r"(?:US|U\.S\.|United States|America|Americans|American (?:troops|forces))\b"
    r"|\b(?:US|U\.S\.|American)\s+(?:withdrawal|exit|departure|pull-?out)\b"
    r"|\b(?:US|U\.S\.|United States|America|Americans)\s+(?:must|should|has to|have to|will have to)\s+"
    r"(?:be (?:ejected|expelled|removed|ousted|driven out|kicked out)|leave|withdraw|get out)\b"
)
"""The presence named by its end with the state for its forces ("expel US", "US withdrawal")."""


REPORTED_SIDE = re.compile(
    r"\b(?:[A-Z][\w’'-]+|leaders|factions|groups|parties|officials|politicians|militias|governments?)"
    r"(?:\s+(?:themselves|also|have|has|long|repeatedly|often|gone as far as|officially|openly))*"
    r"\s+(?:call(?:ed|s)? for|demand(?:ed|s|ing)?|views?|viewed|sees?|considers?|declares?|regards?)\b"
)
"""Another side's position reported ("Some leaders have gone as far as demanding", "X views the
forces as occupiers"): the speaker's stance is neutral unless the words endorse it (the codebook)."""


END_ONLY = re.compile(
    r"(?:an?|the|their|its)\s+(?:[\w-]+\s+(?:and\s+)?){0,3}(?:removal|exit|withdrawal|expulsion|departure|pull-?out)"
    r"[.,]?"
)
"""An end named alone as the object of a call ("called for their immediate exit", "push for an immediate and
complete removal"): the clause's forces, demanded to leave."""


def stance(quote: str, verb: str | None = None) -> tuple[str | None, str]:
    """demands_withdrawal where the words speak of the presence and of its end or illegality, else None;
    neutral where that is another side's position the words report."""
    if verb and PLOVER_VERBS["REQUEST"].search(verb) and END_ONLY.fullmatch(quote.strip()):
        return "demands_withdrawal", f"cue verb {verb!r} with an end named alone ({quote.strip()!r})"
    side, why = _withdrawal(quote)
    reported = REPORTED_SIDE.search(quote)
    if side == "demands_withdrawal" and reported and reported.start() < len(quote) // 2:
        return "neutral", f"{why}, as the position of another side ({reported.group(0)!r})"
    return side, why


TIMETABLE = re.compile(
    r"\b(?:end|ends|ending|conclude[sd]?|concluding|wind(?:s|ing)? down|wrap(?:s|ped|ping)? up)\b[^.;]{0,80}?"
    r"\b(?:by|no later than|within|before|in|until)\s+(?:the\s+end\s+of\s+)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\d{4}\b"
    r"|a year\b|next year\b|this year\b)"
)
"""The presence's end set to a time ("the mission will end in September 2025", "conclude no later than the end
of 2021"): a timetable for leaving, which the speaker who states it endorses (the codebook: demands_withdrawal)."""


OWN_FORCES = re.compile(r"(?:" + "|".join(map(re.escape, (*OWN_FORCE_WORDS, "their own"))) + r")\s+$")


def _own_forces(quote: str, m: re.Match[str]) -> bool:
    """Forces not foreign ("Iraqi forces", "security forces") or the factions' ("the presence of the factions")."""
    return bool(OWN_FORCES.search(quote, 0, m.start()) or OTHER_PRESENCE.match(quote, m.end()))


def _withdrawal(quote: str) -> tuple[str | None, str]:
    """demands_withdrawal where the words speak of the presence and of its end or illegality, or set a
    timetable for its end, else None."""
    out = US_OUT.search(quote)
    if out:
        return "demands_withdrawal", f"words {out.group(0)!r}"
    mission = next((m for m in PRESENCE.finditer(quote) if not _own_forces(quote, m)), None)
    timetable = TIMETABLE.search(quote, mission.end(), mission.end() + 120) if mission else None
    if mission and timetable:
        return "demands_withdrawal", f"words {mission.group(0)!r} and {timetable.group(0)!r}: a timetable for leaving"
    presence = next((m for m in PRESENCE.finditer(quote) if not OTHER_PRESENCE.match(quote, m.end())), None)
    presence, leave = presence or WITHDRAW_FROM.search(quote), LEAVE.search(quote)
    if presence and leave:
        return "demands_withdrawal", f"words {presence.group(0)!r} and {leave.group(0)!r}"
    if leave and leave.group(0).lower().startswith(("occupation", "occupier")):
        return "demands_withdrawal", f"words {leave.group(0)!r}"
    if not presence:
        return "not_addressed", "the words name no presence"
    if _untied_foreign(quote, quote[max(0, presence.start() - 17) : presence.end()]):
        return "not_addressed", f"words {presence.group(0)!r}: a foreign presence the words do not tie to the US"
    return None, f"words {presence.group(0)!r}: the presence, side not read"


OTHER_PRESENCE = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:armed\s+)?(?:factions|militias|groups|fighters|militants)\b"
)
"""The presence of armed factions is not the foreign forces' presence the stance is about."""
PROXY = re.compile(rf"\w-{STATE_PARTICIPLE}\s+$", re.I)
"""A state's proxies ("Valeian-aligned forces"): the armed factions, not the foreign forces."""


OPENING_SUBJECT = re.compile(
    r"(?:[Tt]he\s+)?(?:[\w’'-]+\s+){0,5}?(?=(?:themselves\s+)?(?:will|would|have|has|had)\s+(?:\w+ly\s+)?"
    r"(?:called|demanded|urged|insisted|warned|said|not (?:allow|accept|permit))\b)"
)
"""The clause's subject before its auxiliary ("the factions themselves have called for …"): words that
name the actors of the words, not what they speak of (the codebook: 'a faction speaking is not the
topic'); its own fighters or weapons as the means of a threat are not either."""


GLOSS = re.compile(r",\s+who\s[^,;]*,")
"""A relative clause describing a person inside the words ("X, who is running in the elections, …") is the
writer's gloss: it gives no topic (the codebook)."""
US_WORDS = re.compile(r"\b(?:US|U\.S\.|United States|America\w*|Washington|coalition|NATO)\b")


def _untied_foreign(quote: str, word: str) -> bool:
    """A foreign presence the words neither tie to the US nor call to end ("opposes any foreign military
    presence"): Iraq's sovereignty, not the US presence (the codebook)."""
    return "foreign" in word.lower() and not US_WORDS.search(quote) and not LEAVE.search(quote)


def _others(quote: str, m: re.Match[str]) -> bool:
    """Forces named as the armed factions' ("the presence of the factions", "Valeian-backed forces")."""
    return bool(OTHER_PRESENCE.match(quote, m.end()) or PROXY.search(quote, 0, m.start()))


def topics(quote: str, armed_groups: list[str] = ()) -> tuple[list[str], str]:
    """Topics whose words the passage uses; a named armed group speaks of the armed factions."""
    found: dict[str, str] = {}
    quote = GLOSS.sub(" ", quote)
    opening = OPENING_SUBJECT.match(quote)
    for topic, pattern in TOPIC_WORDS.items():
        ms = pattern.finditer(quote)
        if topic == "armed_factions" and opening:
            ms = (m for m in ms if m.start() >= opening.end())  # the factions as the clause's actors
        m = next((m for m in ms if topic != "us_military_presence" or not _others(quote, m)), None)
        if m:
            found[topic] = m.group(0)
    for name in armed_groups:
        if "armed_factions" not in found and re.search(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", quote):
            found["armed_factions"] = name
    if _untied_foreign(quote, found.get("us_military_presence", "")):
        found["sovereignty"] = found.pop("us_military_presence")
    if "economy_and_trade" in found and found.get("bilateral_relations", "").lower() == "ties":
        del found["bilateral_relations"]  # "economic ties" are the economy's
    return sorted(found), ", ".join(f"{t} {w!r}" for t, w in sorted(found.items())) or "no topic words"


__all__ = ["plover", "stance", "topics"]
