"""General English word lists the attribution rules read: reporting cues, pronouns, titles, stop words.

Only general news English: no word here comes from an article, a person or a phrase of a corpus.
"""

from __future__ import annotations

import calendar
import re

# Reporting verbs, by lemma; their inflections are generated below. Speech and writing acts, and the
# verbs of holding a position the coverage rule counts as statements (docs/curation.md: "considers",
# "views", "opposes"; an analyst "believes", "expects"): on PolNeAR dev they raised indirect recall
# 0.426 -> 0.449 at precision 0.911 -> 0.908. A position in the writer's voice is stated with a
# volitional verb too ("X wants the troops out", "X seeks a timetable"; coverage rule 3).
SPEECH_VERBS = (
    "say tell add state stress note warn explain observe conclude emphasize emphasise underscore remark "
    "reiterate highlight urge declare insist claim allege argue write tweet post ask reply respond "
    "announce vow acknowledge admit describe call confirm deny suggest maintain recall report predict "
    "promise pledge complain contend assert accuse criticize criticise praise testify recount joke quip "
    "boast concede caution charge counter demand estimate inform threaten blast slam mock question "
    "answer continue elaborate lament agree disagree interject exclaim shout yell retort scoff muse "
    "wonder credit share cite chant assure vent imply press protest decry confess bemoan bark denounce "
    "reaffirm reassert remember characterize characterise mutter grumble gush marvel proclaim fume rail refer "
    "point_out go_on put_it call_for call_on express clarify label affirm underline condemn brand "
    "believe think consider view oppose expect hope reveal indicate reject see push_for point_to advise voice "
    "make_clear want seek would_like be_keen be_eager discuss swear fear mention disclose propose refuse worry endorse "
    "favor favour outline remind "
    "blame dismiss request thank hail commend applaud laud appeal deplore regret congratulate instruct order recommend "
    "refute rule_out plead stipulate object speak_about talk_about regard lobby welcome touch_on reassure appreciate "
    "pressure"
)
_IRREGULAR = {
    "say": ["said", "says", "saying"],
    "tell": ["told", "tells", "telling"],
    "write": ["wrote", "writes", "writing", "written"],
    "go_on": ["went on", "goes on"],
    "point_out": ["pointed out", "points out", "pointing out"],
    "put_it": ["put it", "puts it"],
    "call_for": ["called for", "calls for", "calling for", "call for"],
    "call_on": ["called on", "calls on", "calling on", "call on"],
    "label": ["labelled", "labeled", "labels", "labelling", "labeling"],
    "see": ["sees"],  # "X sees the groups as a threat"; "saw" and "see" are mostly not positions
    "push_for": ["pushed for", "pushes for", "pushing for"],
    "point_to": ["pointed to", "points to", "pointing to"],
    "make_clear": ["made it clear", "makes it clear", "made clear", "makes clear", "making it clear"],
    "want": ["wanted", "wants"],  # not "wanting", "seeking": participles of a noun ("queries seeking to …")
    "seek": ["sought", "seeks"],
    "would_like": ["would like"],  # "X would like to see the troops leave"; bare "like" is no position
    # "X is keen to keep the trainers": a position in the writer's voice (docs/curation.md, coverage rule 3)
    "be_keen": ["is keen", "are keen", "was keen", "were keen"],
    "be_eager": ["is eager", "are eager", "was eager", "were eager"],
    "think": ["thought", "thinks"],  # "thinking" is mostly a noun ("strategic thinking")
    "fear": ["feared", "fears"],
    "rule_out": ["ruled out", "rules out", "ruling out"],
    "touch_on": ["touched on", "touches on", "touching on", "touched upon", "touches upon", "touching upon"],
    "speak_about": ["spoke about", "speaks about", "speaking about", "spoke of", "speaks of", "speaking of"],
    "talk_about": ["talked about", "talks about", "talking about", "talked of"],
    "plead": ["pleaded", "pleads", "pled"],
    "swear": ["swore", "swears"],  # "swore to rebuild it"; "sworn" is mostly "sworn in"
}
VOLITIONAL = {
    *("wanted", "wants", "want", "sought", "seeks", "seek", "would like"),
    *("is keen", "are keen", "was keen", "were keen", "is eager", "are eager", "was eager", "were eager"),
    *("favor", "favors", "favored", "favour", "favours", "favoured", "endorse", "endorses", "endorsed"),
    *("think", "thinks", "thought", "believe", "believes", "believed", "hope", "hopes", "hoped"),
    *("fear", "fears", "feared", "expect", "expects", "expected"),
}
"""Positions, not speech: a speech cue near a quotation takes it first ("said she wanted to …", "said X favors
a “hard line”": the marks are the speaker's)."""


def _forms(lemma: str) -> list[str]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, third = lemma[:-1] + "ied", lemma[:-1] + "ies"
    else:
        past = (lemma + "d") if lemma.endswith("e") else (lemma + "ed")
        third = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")
    if lemma in {"admit", "quip", "refer", "regret", "commit"}:
        past, stem = lemma + lemma[-1] + "ed", lemma + lemma[-1]
    return [past, third, stem + "ing"]


def _words(text: str) -> set[str]:
    return set(text.split())


# Bare forms only where a plural subject makes them common and no noun reading dominates.
BARE = {
    "put it",
    "say",
    "tell",
    "argue",
    "warn",
    "insist",
    "add",
    "write",
    "contend",
    "predict",
    "suggest",
    "complain",
    "want",
    "seek",
    "think",
    "believe",
    "hope",
    "fear",
    "expect",
    "oppose",
    "agree",
    "consider",
    "acknowledge",
    "claim",
    # "the factions reject any foreign presence": verbs with no common noun of the same form
    "reject",
    "deny",
    "condemn",
    "accuse",
    "threaten",
    "denounce",
    "refuse",
    "regard",
}
# Third-person forms that read mostly as nouns ("fresh questions", "the reports") are left out.
NOUNISH = _words(
    "question call charge answer demand estimate promise pledge counter remark joke quip continue highlight "
    "comment caution blast slam mock appeal order"
)
HEADLINE_FORMS = {
    _forms(lemma)[1] for lemma in _words("call demand pledge promise slam blast mock caution charge counter")
}
"""Third-person forms read as nouns in a sentence but as verbs after a headline's subject ("X Slams Y")."""
CUE_FORMS = sorted(
    {f for lemma in SPEECH_VERBS.split() for f in _forms(lemma) if not (lemma in NOUNISH and f == _forms(lemma)[1])}
    | BARE,
    key=len,
    reverse=True,
)
# Bare forms that are cues only after a modal or "do" ("did highlight", "will stress"), else nouns.
MODALS = _words("did do does will would could can must should may might shall to")
BARE_ONLY_AFTER = {lemma for lemma in _words("highlight stress note warn urge call stress underline affirm")} - BARE
BARE_ONLY_AFTER |= {"push for"}  # "continues to push for"
CUE_FORMS = sorted(set(CUE_FORMS) | BARE_ONLY_AFTER, key=len, reverse=True)
CUE_RE = re.compile(r"\b(?P<cue>" + "|".join(re.escape(f) for f in CUE_FORMS) + r")\b")
MONTHS = {m.lower() for m in (*calendar.month_name, *calendar.month_abbr) if m} | {"sept"}
"""Month names and their short forms ("Jan.", "Sept."), from the calendar rather than typed again."""
FINITE_OPENERS = _words(
    "will would shall should can could may might must is are was were has have had does did do "
    "won’t won't isn’t isn't aren’t aren't wasn’t wasn't hasn’t hasn't"
)
"""Words that open a predicate: a quotation starting with one takes its subject from outside the marks."""
OBJECT_CUES = {
    f
    for lemma in _words(
        "call_for push_for object speak_about talk_about demand reject condemn denounce oppose decry deplore propose "
        "endorse dismiss vow urge pledge threaten deny blame praise criticize criticise welcome touch_on hail confirm "
        "appreciate"
    )
    for f in [*_forms(lemma), lemma.replace("_", " ")]
}
"""Cues whose object is the whole of what was said, however short ("called for restraint", "rejected the
results", "vowed revenge"): a report with one or two words of content."""
# Cues whose object is the person spoken to, never the speaker ("X told Y that ...").
ADDRESSING = _words(
    "told tell tells telling informed informs asked asks urged urges warned advised advises assured assures "
    "reassured reassures urging pressed presses pressing pressured pressures pressuring"
)
# Participles that hang on the main clause's subject (", saying ..."); past participles are passive.
PARTICIPLE_ONLY = {f for f in CUE_FORMS if f.split()[0].endswith("ing")}

PERSON_PRONOUNS = _words("he she")
GROUP_PRONOUNS = _words("they it we")
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | {"i", "you"}
RELATIVE = _words("who which that")

# Words that may stand between a subject and its cue: auxiliaries and adverbs.
BETWEEN = _words(
    "also later then has had have was were is are would will again reportedly previously recently once repeatedly "
    "been further simply publicly privately earlier already only just even still did does do not never frequently "
    "often first last long explicitly flatly bluntly angrily quickly specifically openly initially subsequently "
    "separately personally directly didn't doesn't don't won't wouldn't hasn't haven't hadn't isn't wasn't "
    "didn’t doesn’t don’t won’t wouldn’t hasn’t haven’t hadn’t isn’t wasn’t"
)
DETERMINERS = _words(
    "the a an this that these those his her its their our my one two three several some many other another both "
    "all most each no"
)
# Words that end a noun phrase when reading leftwards from a cue.
BOUNDARY = _words(
    "and but or nor so yet because when while as if though although since after before until unless where whereas "
    "than that which who whom whose what why how said says in on at to with from by into about over under during "
    "against between through like for is was are were be been has had have not also then it there here we you i "
    "he she they him them us me"
)
# Capitalised words that open a sentence or phrase without being a name.
NOT_NAMES = _words(
    "The A An In On At As But And If It This That These Those However Meanwhile Still While When After Before "
    "Some Several Many Earlier Last Next During According Despite Unlike Moreover Second First Recently "
    "Separately With For By From Also Yet So Then Now Today Yesterday He She They We I You His Her Their Our My "
    "Its There Here What Why How Who Where Asked Speaking Monday Tuesday Wednesday Thursday Friday Saturday "
    "Sunday January February March April May June July August September October November December Mr Mrs Ms Dr "
    "Sen Rep Gov No Yes Not Just Even Although Though Because Since Both All Each Every Other Such Most More Any "
    "Once Instead Indeed Later Thus Under Over Among Amid Against Following Including Whether Neither Either "
    "Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Dozens Hundreds Thousands Another "
    "Democrat Republican Democrats Republicans"
)
# Words that count a collective ("Eight Iraqi and American officials", "several sources").
COUNT_WORDS = _words("two three four five six seven eight nine ten several dozens some many")
# Titles written before a name ("Prime Minister X", "Sen. X"): a name after them is a person.
PERSON_TITLES = _words(
    "Mr Mrs Ms Dr Sen Senator Rep Representative Gov Governor President Minister Prime Secretary Gen General Col "
    "Colonel Lt Maj Major Capt Captain Judge Justice Mayor King Queen Prince Sheikh Ayatollah Imam Pope Chairman "
    "Chairwoman Commander Speaker Ambassador Leader Spokesman Spokeswoman Professor Prof Rev Chancellor Vice "
    "Deputy Supreme Attorney Former former Lieutenant Admiral Sergeant Senior Fellow Director Analyst Researcher MP "
    "Hujjat al-Islam Hojatoleslam Hojjatoleslam Hujjatulislam"  # a Shia cleric's rank ("Hujjat al-Islam X")
)
# Head nouns of role phrases ("the group's spokesman", "a senior official").
ROLE_NOUNS = _words(
    "spokesman spokeswoman spokesperson minister president leader commander official officials analyst analysts "
    "source sources expert experts ambassador premier pm chief head secretary senator governor mayor chairman "
    "chairwoman director envoy diplomat diplomats candidate nominee aide aides adviser advisers advisor lawmaker "
    "lawmakers representative congressman congresswoman general officer campaign statement speaker manager "
    "strategist chair founder executive cleric professor economist researcher activist member members people "
    "residents voters supporters critics observers report group party ministry government administration agency "
    "committee council organization daily newspaper outlet network channel paper website office department team "
    "poll survey study witness witnesses correspondent reporter journalist editor host anchor commentator "
    "attorney lawyer judge prosecutor prosecutors police authorities military army forces militia "
    "deputy deputies counterpart counterparts negotiator negotiators mediator commanders leaders chiefs ministers "
    "legislator legislators parliamentarian parliamentarians mp mps"
)
GROUP_ROLE_NOUNS = _words(
    "campaign group party ministry government administration agency committee council organization daily "
    "newspaper outlet network channel paper website office department team poll survey study report police "
    "authorities military army forces militia statement"
)
ABBREVIATIONS = {
    "pm": "prime minister",
    "fm": "foreign minister",
    "gen": "general",
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "spox": "spokesman",
}
# Page furniture that reads like a name: a link label, a credit line's label, a caption's label.
FURNITURE_NAMES = {
    *("Read More", "Read", "More", "Source", "Sources", "Related", "Photo", "Video", "Image", "Share"),
    *("Photo Credit", "Image Credit", "Credit", "Caption", "Publish Date", "Published", "News ID", "Updated"),
    *("Live updates", "Live Updates", "Live", "Breaking", "Breaking News", "Read also", "Read Also", "Watch"),
}
# The words of a web page's own labels ("Skip to content", "Story continues below"): a line of these alone is
# the page's furniture, never a headline.
PAGE_WORDS = _words(
    "article content main skip to advertisement story continues below continue reading listen this share print "
    "email comments comment video videos watch menu search subscribe sign in up log newsletter register forgot "
    "password login logout account member guest guests contribution add your will not be displayed publicly "
    "benefit of signing personalize or connect using a as short url link copy"
)
STATE_PARTICIPLE = (
    r"(?:backed|supported|aligned|allied|affiliated|led|based|funded|linked|sponsored|leaning|oriented|run|owned)"
)
"""The participle of a compound adjective after a state's or a group's word ("Valeian-backed", "US-led"): the
word modifies a noun; it is never an actor's name."""
NOT_ACTOR_AFTER = re.compile(
    r"\s+(?:air\s*base|airbase|base|airport|air\s*field|airfield|camp|province|governorate|district"
    r"|war|conflict|ceasefire|truce|border)\b"
)
"""A name that a lower-case noun makes a place or an event ("X air base", "the X-Y war"): never an actor."""
# A generic credit in a dateline ("CITY (Agencies) –"): copy from several wires, not a publisher.
GENERIC_CREDITS = {"Agencies", "Dispatches", "Wires", "Newswires", "Staff", "Desk", "Bureau", "News", "Reports"}
# Words that mark a name as an organisation rather than a person.
ORG_WORDS = _words(
    "Organization Organisation Movement Party Forces Force News TV Alliance Ministry Council Corps Institute "
    "Units Brigades Front Committee Campaign Department Agency Office Times Post Journal Press Association Union "
    "University Foundation Court House Senate Congress Network Group Company Corporation Inc Bank Fund Center "
    "Centre Commission Service Army Navy Guard Guards Coalition League Bureau Administration Government "
    "Parliament Assembly Channel Radio Television Daily Tribune Herald Reuters Media Review Magazine Board "
    "Federation Authority Police Republicans Democrats Hezbollah Mobilization Observatory Society"
)
NAME_RUN = r"(?:[A-Z][\w’'-]+|(?:al|el)-[A-Z][\w’'-]+)(?: (?:[A-Z][\w’'-]+|(?:al|el|bin|ibn)(?:-[A-Z][\w’'-]+)?))+"
"""Two or more capitalised words of a name, its particles hyphenated or not ("Ada al-Roe", "Ada al Roe")."""
MEDIA_WORDS = _words(
    "News TV Times Post Journal Press Network Channel Radio Television Daily Tribune Herald Media Magazine Agency"
)
INSTITUTION_HEADS = ORG_WORDS - MEDIA_WORDS - _words("Reuters Forces Force Republicans Democrats Hezbollah House")
"""The head of an institution's name that runs on through "for" or "of the" ("Observatory for Human Rights",
"Institute for the Study of X", "Ministry of the Interior")."""
# Adjectives of nationality, religion and creed: never a name on their own, nor with a following
# common word ("Shia Muslim", "Sunni Arab").
DEMONYM_SUFFIXES = ("ian", "ese", "ish", "i", "an", "ic")
CREED_WORDS = _words(
    "Muslim Muslims Christian Christians Jewish Jew Jews Arab Arabs Kurdish Kurd Kurds Shia Shiite Shiites Sunni "
    "Sunnis Catholic Protestant Islamic Western Eastern Northern Southern Middle East West North South Persian "
    "Gulf Democratic Republican Conservative Liberal Evangelical Orthodox"
)

__all__ = [
    "ABBREVIATIONS",
    "ADDRESSING",
    "BARE_ONLY_AFTER",
    "BETWEEN",
    "BOUNDARY",
    "COUNT_WORDS",
    "CREED_WORDS",
    "CUE_RE",
    "DEMONYM_SUFFIXES",
    "DETERMINERS",
    "GROUP_PRONOUNS",
    "GROUP_ROLE_NOUNS",
    "MEDIA_WORDS",
    "MODALS",
    "NOT_NAMES",
    "ORG_WORDS",
    "PARTICIPLE_ONLY",
    "PERSON_PRONOUNS",
    "PERSON_TITLES",
    "PRONOUNS",
    "RELATIVE",
    "ROLE_NOUNS",
    "VOLITIONAL",
]
