"""Every closed vocabulary of the package, each code defined once: its value, label and definition,
and the vocabulary's coding rules (and whether its order means something). Fields name a
vocabulary (fields.py); the generator derives each field's `enum` and `categories` from it.
Each code's `brief` is the short gloss a description quotes (basis fields list theirs)."""

from __future__ import annotations

from typing import Any

_BASIS: list[dict[str, str]] = [
    {
        "value": "stated",
        "label": "Stated",
        "definition": "The text gives the value in so many words; the evidence span (or the row's evidence) holds the words.",
        "brief": "the text says it (the evidence span)",
    },
    {
        "value": "inferred",
        "label": "Inferred",
        "definition": "The value follows from the corpus's own text; the note cites the spans it follows from and nothing outside the corpus.",
        "brief": "it follows from this corpus's text alone (the note cites the spans)",
    },
    {
        "value": "external",
        "label": "External",
        "definition": "Outside knowledge: the text does not give the value, a published source does; the *_reference_id column names that source (a row of external_references) so a reader can check it.",
        "brief": "outside knowledge, with a published source in references (the reference column)",
    },
]
"""How a curated fact was established (Principle 1: stated, inferred, external; else null)."""

_GIVEN = {
    "value": "given",
    "label": "Given by the maintainer",
    "definition": "Supplied by the maintainer when the article was added (`dataset add --outlet` / `--published-date` / `--url`), not read from the text; the *_note says so. A draft value to be confirmed or replaced by a stated, inferred or external basis on review.",
    "brief": "supplied by the maintainer when adding the article (`dataset add --outlet/--published-date/--url`), not read from the text (the note says so)",
}

_OUTSIDE_KNOWLEDGE = "Outside knowledge is never coded as stated or inferred: it is external, with a reference a reader can check, or the value is null and the note says why."

VOCABULARIES: dict[str, dict[str, Any]] = {
    "basis": {"categories": _BASIS, "codingRules": [_OUTSIDE_KNOWLEDGE]},
    "basis_given": {"categories": [*_BASIS, _GIVEN], "codingRules": [_OUTSIDE_KNOWLEDGE]},
    "basis_external": {"categories": [_BASIS[2]], "codingRules": [_OUTSIDE_KNOWLEDGE]},
    "basis_url": {"categories": [_BASIS[2], _GIVEN], "codingRules": [_OUTSIDE_KNOWLEDGE]},
    "precision": {
        "categories": [
            {
                "value": "day",
                "label": "Day",
                "definition": "The exact calendar day is known.",
            },
            {
                "value": "month",
                "label": "Month",
                "definition": "Only the month is known; the date is stored as the month's first day.",
            },
            {
                "value": "year",
                "label": "Year",
                "definition": "Only the year is known; the date is stored as 1 January of that year.",
            },
        ],
        "ordered": True,
        "codingRules": [
            "Code the finest unit the evidence supports; never a finer one. 'Last week' or 'recently' does not give a day: code month (or year) if that is all that can be established.",
            "Order matters: day < month < year (finest to coarsest); the categories are ordered.",
        ],
    },
    "language": {
        "categories": [
            {
                "value": "en",
                "label": "English",
                "definition": "The text is in English (ISO 639-1 code en).",
            },
        ]
    },
    "actor_type": {
        "categories": [
            {
                "value": "person",
                "label": "Person",
                "definition": "An individual human being, named in the text.",
            },
            {
                "value": "state",
                "label": "State",
                "definition": "A country acting as a whole ('Iran', 'the United States').",
            },
            {
                "value": "state_body",
                "label": "State body",
                "definition": "A government or administration, ministry, office, parliament or other civilian body of a state.",
            },
            {
                "value": "state_military",
                "label": "State military",
                "definition": "The regular armed forces of a state, or one of their branches or commands (e.g. the IRGC, US forces in Iraq).",
            },
            {
                "value": "armed_group",
                "label": "Armed group",
                "definition": "A non-state or hybrid armed organization, including the PMF and its factions, whatever its legal status.",
            },
            {
                "value": "political_party",
                "label": "Political party",
                "definition": "A party competing in elections that is not itself described as armed.",
            },
            {
                "value": "coalition",
                "label": "Coalition",
                "definition": "An alliance of states or of groups acting together (e.g. the US-led coalition, an 'axis').",
            },
            {
                "value": "media_outlet",
                "label": "Media outlet",
                "definition": "A newspaper, news agency, broadcaster or website that publishes or carries words.",
            },
            {
                "value": "international_organization",
                "label": "International organization",
                "definition": "An intergovernmental body (e.g. the United Nations).",
            },
            {
                "value": "research_organization",
                "label": "Research organization",
                "definition": "A think tank, university or research institute.",
            },
            {
                "value": "unnamed_source",
                "label": "Unnamed source",
                "definition": "A source the article does not name ('an informed source'): one actor per source and article, never matched by alias.",
            },
        ],
        "codingRules": [
            "The IRGC and its Quds Force are state_military; the PMF and its factions are armed_group, even where a law makes the PMF part of the state (see militia_groups.state_status).",
        ],
    },
    "alias_type": {
        "categories": [
            {
                "value": "variant",
                "label": "Variant",
                "definition": "A spelling or wording of the name as it appears in an article (with or without a title, a shorter or longer form).",
            },
            {
                "value": "abbreviation",
                "label": "Abbreviation",
                "definition": "An acronym or initialism (e.g. PMF for the Popular Mobilization Forces).",
            },
            {
                "value": "transliteration",
                "label": "Transliteration",
                "definition": "Another romanization of a name written in Arabic or Persian script.",
            },
            {
                "value": "arabic_name",
                "label": "Arabic name",
                "definition": "The Arabic name, romanized or in Arabic script, used beside the English one (e.g. Hashd al-Shaabi for the PMF).",
            },
            {
                "value": "misspelling",
                "label": "Misspelling",
                "definition": "A form of the name that is an error in the text; kept so that the mention is found, never used as the display name.",
            },
            {
                "value": "handle",
                "label": "Handle",
                "definition": "A social-media account name.",
            },
            {
                "value": "sub_unit",
                "label": "Sub-unit",
                "definition": "The name of a project, unit or department of the actor, counted as a mention of the actor because it is not an actor of its own in these articles.",
            },
        ]
    },
    "method": {
        "categories": [
            {
                "value": "alias_match",
                "label": "Alias match",
                "definition": "Found by the build's alias matcher (Aho-Corasick over actor_aliases, whole words).",
            },
            {
                "value": "curated",
                "label": "Curated",
                "definition": "Typed by a curator: a mention the matcher cannot find (a description such as 'an informed source').",
            },
        ]
    },
    "affiliation_role": {
        "categories": [
            {
                "value": "commander",
                "label": "Commander",
                "definition": "Commands the group or one of its units.",
            },
            {
                "value": "spokesperson",
                "label": "Spokesperson",
                "definition": "Speaks for the organization by office.",
            },
            {
                "value": "secretary_general",
                "label": "Secretary-general",
                "definition": "Holds the title secretary-general (the usual title of a faction's leader).",
            },
            {
                "value": "official",
                "label": "Official",
                "definition": "Holds an unspecified office or senior post.",
            },
            {
                "value": "founder",
                "label": "Founder",
                "definition": "Founded the organization.",
            },
            {
                "value": "leader",
                "label": "Leader",
                "definition": "Described as its leader without a more specific title.",
            },
            {
                "value": "member",
                "label": "Member",
                "definition": "Belongs to the organization (a faction of an umbrella, a person in a group) without a stated office.",
            },
            {
                "value": "head",
                "label": "Head",
                "definition": "Heads an organization under a title that says so (head, chairman, director; prime minister of a government): a state body, office, outlet, coalition or project.",
            },
            {
                "value": "supreme_leader",
                "label": "Supreme Leader",
                "definition": 'Holds the office of Supreme Leader of Iran, as the text names it (e.g. "Iran’s Supreme Leader Ali Khamenei").',
            },
            {
                "value": "president",
                "label": "President",
                "definition": 'Holds the office of president of a state, as the text names it (e.g. "Iran’s President Masoud Pezeshkian").',
            },
            {
                "value": "president_elect",
                "label": "President-elect",
                "definition": 'Elected to a presidency not yet assumed at the time the text describes (e.g. "President-elect Donald Trump").',
            },
            {
                "value": "prime_minister",
                "label": "Prime minister",
                "definition": 'Holds the office of prime minister of a government, as the text names it (e.g. "Iraqi Prime Minister Mohammed Shia al-Sudani").',
            },
            {
                "value": "parliament_speaker",
                "label": "Speaker of parliament",
                "definition": 'Presides over a parliament, as the text names it (e.g. "Parliament Speaker Mohammad Bagher Ghalibaf").',
            },
            {
                "value": "foreign_minister",
                "label": "Foreign minister",
                "definition": 'Holds a government\'s foreign-affairs portfolio, as the text names it (e.g. "Israeli Foreign Minister Gideon Saar").',
            },
            {
                "value": "monarch",
                "label": "Monarch",
                "definition": 'Reigns as king or queen of a state, as the text names it (e.g. "the 86-year-old Saudi ruler, King Salman bin Abdul-Aziz Al Saud").',
            },
            {
                "value": "fellow",
                "label": "Fellow",
                "definition": 'A fellowship or similar non-executive post at an institute or think tank, as the text names it (e.g. "Fellow and Director of IranObserved Project - The Middle East Institute").',
            },
        ]
    },
    "issue_type": {
        "categories": [
            {
                "value": "page_date",
                "label": "Page date",
                "definition": "A date printed on the page that is not the publication date (e.g. the date the page was saved).",
            },
            {
                "value": "republisher_prefix",
                "label": "Republisher prefix",
                "definition": "Text added by a site that republished the article (its name, a category line).",
            },
            {
                "value": "duplicate_title",
                "label": "Duplicate title",
                "definition": "The headline repeated in the body.",
            },
            {
                "value": "byline",
                "label": "Byline",
                "definition": "An author line inside the body text.",
            },
            {
                "value": "mojibake",
                "label": "Mojibake",
                "definition": "Characters garbled by a wrong decoding (e.g. 'â€™' for an apostrophe).",
            },
            {
                "value": "embedded_post_remains",
                "label": "Embedded-post remains",
                "definition": "Leftovers of an embedded social-media post (handle, date line, 'pic.twitter.com' link).",
            },
            {
                "value": "stray_character",
                "label": "Stray character",
                "definition": "A single character that belongs to no word or punctuation.",
            },
            {
                "value": "typo",
                "label": "Typo",
                "definition": "A misspelling in the text, kept as written.",
            },
            {
                "value": "missing_space",
                "label": "Missing space",
                "definition": "Two words or sentences run together without a space.",
            },
            {
                "value": "non_breaking_spaces",
                "label": "Non-breaking spaces",
                "definition": "Non-breaking spaces (U+00A0) left by the page's markup where ordinary spaces stand; they break exact-string search, and quotes must copy them (written \\u00a0). One row per article: the span is the first, the note gives the count.",
            },
            {
                "value": "page_furniture",
                "label": "Page furniture",
                "definition": "A line of the page that is not the article: a news id, a 'Publish Date' label, "
                "a section or share line.",
            },
        ]
    },
    "statement_type": {
        "categories": [
            {
                "value": "direct",
                "label": "Direct",
                "definition": "A full quotation: the speaker's words between quotation marks, standing as a sentence.",
            },
            {
                "value": "partial",
                "label": "Partial",
                "definition": "A quoted fragment inside reported speech (e.g. called the presence “illegal”).",
            },
            {
                "value": "indirect",
                "label": "Indirect",
                "definition": "Reported speech without quotation marks ('told the prime minister that ...'); the span is the reported clause.",
            },
        ],
        "codingRules": [
            "A quotation split by its attribution ('This shift,' X added, 'is evident ...') is two statements of the same utterance.",
            "A quotation running on into the next paragraph without a new attribution belongs to the same speaker.",
            "Reported speech is coded indirect only for its main reported clause; quoted fragments inside it are separate partial statements.",
        ],
    },
    "channel": {
        "categories": [
            {
                "value": "meeting",
                "label": "Meeting",
                "definition": "Said in a meeting or visit (the statement usually links to meeting_id).",
            },
            {
                "value": "interview",
                "label": "Interview",
                "definition": "Said to a journalist or outlet in an interview, including remarks 'to' a named outlet.",
            },
            {
                "value": "press_conference",
                "label": "Press conference",
                "definition": "Said at a press conference.",
            },
            {
                "value": "written_statement",
                "label": "Written statement",
                "definition": "A communiqué or statement issued in writing.",
            },
            {
                "value": "social_media_post",
                "label": "Social-media post",
                "definition": "Posted on a social-media platform.",
            },
            {
                "value": "email",
                "label": "Email",
                "definition": "Written in an email, e.g. in answer to a journalist's questions.",
            },
            {
                "value": "speech",
                "label": "Speech",
                "definition": "A speech or sermon to an audience.",
            },
            {
                "value": "media_report",
                "label": "Media report",
                "definition": "The article carries the words from another outlet's report without saying how they were delivered.",
            },
            {
                "value": "unknown",
                "label": "Unknown",
                "definition": "The article does not say how the words were delivered.",
            },
        ],
        "codingRules": [
            "Code what the article says about delivery; words 'told' an outlet are interview, words 'said in a statement' are written_statement. When the article names no delivery, code unknown rather than guessing from the speaker's habits.",
        ],
    },
    "topic": {
        "categories": [
            {
                "value": "us_military_presence",
                "label": "US military presence",
                "definition": "US forces in Iraq: their presence, withdrawal, the coalition, bases.",
            },
            {
                "value": "armed_factions",
                "label": "Armed factions",
                "definition": "The PMF and Iran-aligned armed groups: their weapons, status, integration or disbandment.",
            },
            {
                "value": "sovereignty",
                "label": "Sovereignty",
                "definition": "Iraqi sovereignty and state control: 'occupation', interference, decisions for Iraq alone.",
            },
            {
                "value": "economy_and_trade",
                "label": "Economy and trade",
                "definition": "Trade, energy, sanctions waivers, investment, payments.",
            },
            {
                "value": "regional_conflict",
                "label": "Regional conflict",
                "definition": "Gaza, Lebanon, Syria, Israel and the wider regional war.",
            },
            {
                "value": "bilateral_relations",
                "label": "Bilateral relations",
                "definition": "Iran–Iraq ties as such: visits, friendship, cooperation in general.",
            },
            {
                "value": "elections",
                "label": "Elections",
                "definition": "Iraqi elections and government formation.",
            },
            {
                "value": "security_cooperation",
                "label": "Security cooperation",
                "definition": "Border and security agreements between states.",
            },
        ],
        "codingRules": [
            "A statement may have several topics; code each the passage addresses, not the article's theme.",
            "Own words: code a topic only where the statement's own words speak of it, never because its clause, its utterance, its speaker or the article does (a quoted fragment carries only what the fragment says; a faction speaking is not the topic armed_factions).",
            "us_military_presence: the words speak of US forces in Iraq (their presence, stay, withdrawal, number, status, bases, or threats and attacks against them); a statement with a stance on the presence always carries it. US actions elsewhere (a drone strike) and US pressure on the factions are not it.",
            "sovereignty: the words speak of occupation ('occupation', 'occupiers', 'occupying forces'), interference or non-interference, Iraqi consent or approval, decisions for Iraq alone, or state control of weapons; 'illegal' or 'illegitimate' alone is not it.",
        ],
    },
    "plover_category": {
        "categories": [
            {
                "value": "AGREE",
                "label": "Agree",
                "definition": "Agree to, offer, promise or otherwise signal willingness to cooperate, including future cooperative acts.",
            },
            {
                "value": "CONSULT",
                "label": "Consult",
                "definition": "Meetings and consultations: visiting, hosting, talks, calls.",
            },
            {
                "value": "SUPPORT",
                "label": "Support",
                "definition": "Express political or diplomatic (non-material) support; commend or approve a policy, act or actor.",
            },
            {
                "value": "CONCEDE",
                "label": "Concede",
                "definition": "Verbal concessions without immediate material effect: promise to ease restrictions, declare (not implement) a ceasefire or withdrawal.",
            },
            {
                "value": "COOPERATE",
                "label": "Cooperate",
                "definition": "Start, resume or expand mutual material cooperation or exchange.",
            },
            {
                "value": "AID",
                "label": "Aid",
                "definition": "Provide material aid that benefits mainly the recipient.",
            },
            {
                "value": "RETREAT",
                "label": "Retreat",
                "definition": "Yield with immediate material effect: withdraw, release prisoners, disarm, observe a ceasefire.",
            },
            {
                "value": "REQUEST",
                "label": "Request",
                "definition": "Requests, demands and orders, less forceful than threats; a verbal act (a demand made by demonstrating is PROTEST).",
            },
            {
                "value": "ACCUSE",
                "label": "Accuse",
                "definition": "Disapprove, object, complain, condemn, criticize, allege wrongdoing.",
            },
            {
                "value": "REJECT",
                "label": "Reject",
                "definition": "Reject or refuse a proposal, demand or request.",
            },
            {
                "value": "THREATEN",
                "label": "Threaten",
                "definition": "Threats and coercive warnings with serious potential repercussions.",
            },
            {
                "value": "PROTEST",
                "label": "Protest",
                "definition": "Civilian demonstrations and other collective protest.",
            },
            {
                "value": "SANCTION",
                "label": "Sanction",
                "definition": "Reduce existing or routine relations (not only formal sanctions).",
            },
            {
                "value": "MOBILIZE",
                "label": "Mobilize",
                "definition": "Military or police moves short of the use of force.",
            },
            {
                "value": "COERCE",
                "label": "Coerce",
                "definition": "Repression, restrictions on rights and coercive uses of power short of violence.",
            },
            {
                "value": "ASSAULT",
                "label": "Assault",
                "definition": "Deliberate acts that can cause substantial physical harm.",
            },
        ],
        "codingRules": [
            "Code the speech act of the passage itself (what saying these words does), not the events it describes: a leader calling for expulsion of US forces is REQUEST, not RETREAT.",
            "Demands and calls are REQUEST; condemnation and blame are ACCUSE; warnings of violence are THREATEN; praise and backing are SUPPORT. A passage doing two of these is coded for its main clause.",
            "Commentary, analysis and descriptions that perform no act PLOVER codes are null (nullMeaning), not forced into a category.",
            "Cooperative speech is coded like conflictual speech: thanks, praise, approval and backing of an actor or its act ('expressed gratitude', 'praised progress', 'satisfaction with the talks', 'a strategic partner') are SUPPORT; a commitment, resolve, hope or need for future cooperation ('resolve to raise ... trade', 'the need to ... bolster economic ties', 'the importance of deepening ties', a project named a priority for cooperation) is AGREE.",
            "Opposing or refusing to allow a presence or a proposal ('opposes any foreign military presence', 'will not allow', 'no decision without approval') is REJECT; a declared non-intention is REJECT only where it answers a demand the text names ('no intention to dissolve' the PMF against US pressure), otherwise null.",
            "Reference: PLOVER manual, draft version 2.0 (Open Event Data Alliance), openeventdata/PLOVER on GitHub, PLOVER_MANUAL.pdf at commit 5e0c24f (2024-02-04). Definitions here paraphrase the manual.",
        ],
    },
    "plover_mode": {
        "categories": [
            {
                "value": "yield",
                "label": "Yield",
                "definition": "With REQUEST or REJECT: what is demanded or refused is a concession (release, ending sanctions, a ceasefire, a withdrawal). PLOVER mode shared by REQUEST and REJECT.",
            },
            {
                "value": "violence",
                "label": "Violence",
                "definition": "With THREATEN: the content of the threat is violence. PLOVER THREATEN mode.",
            },
        ],
        "codingRules": [
            "Only the modes this corpus needs are admitted; a mode is set only where the category defines it (yield with REQUEST or REJECT, violence with THREATEN).",
        ],
    },
    "stance_us_presence": {
        "categories": [
            {
                "value": "demands_withdrawal",
                "label": "Demands withdrawal",
                "definition": "The statement calls for US forces to leave Iraq, or condemns their presence as occupation or illegal, or backs expelling them.",
            },
            {
                "value": "accepts",
                "label": "Accepts",
                "definition": "The statement accepts, defends or asks for the continued presence of US forces (in any form: advisers, coalition, agreement).",
            },
            {
                "value": "neutral",
                "label": "Neutral",
                "definition": "The statement addresses the US presence without taking a side (reports facts, timetables or positions of others).",
            },
            {
                "value": "not_addressed",
                "label": "Not addressed",
                "definition": "The statement does not address the US military presence.",
            },
        ],
        "codingRules": [
            "Code the statement, not the speaker: a speaker known to oppose the presence who does not address it in this passage is not_addressed.",
            "A call to end the 'occupation' or for 'foreign forces' to leave counts as demands_withdrawal when the article ties it to US forces; a call to implement a withdrawal agreement counts too.",
            "Conditional or gradual acceptance ('until Iraqi forces are ready', advisers only) is accepts; a timetable for leaving that the speaker endorses is demands_withdrawal.",
            "A speaker reporting another side's demand without endorsing it is neutral.",
        ],
    },
    "pattern": {
        "categories": [
            {
                "value": "paired",
                "label": "Paired",
                "definition": "Opened and closed by matching marks.",
            },
            {
                "value": "mismatched",
                "label": "Mismatched",
                "definition": "Opened and closed by marks of different kinds (e.g. a curly opening closed by a straight mark).",
            },
            {
                "value": "run_on",
                "label": "Run-on",
                "definition": "A quotation continuing into the next paragraph, which reopens with a new mark (the typographic convention).",
            },
            {
                "value": "unclosed",
                "label": "Unclosed",
                "definition": "Opened and never closed before the end of the text.",
            },
            {
                "value": "stray_mark",
                "label": "Stray mark",
                "definition": "A single mark without a partner; the span is the mark itself.",
            },
        ]
    },
    "status": {
        "categories": [
            {
                "value": "statement",
                "label": "Statement",
                "definition": "A statement overlaps the span.",
            },
            {
                "value": "dismissed",
                "label": "Dismissed",
                "definition": "A curator decided the span is not a statement (see dismissal_reason).",
            },
        ]
    },
    "dismissal_reason": {
        "categories": [
            {
                "value": "scare_quotes",
                "label": "Scare quotes",
                "definition": "Marks that distance the writer from a word ('so-called'), with no speaker saying it.",
            },
            {
                "value": "title",
                "label": "Title",
                "definition": "The title of a work, an operation or a document.",
            },
            {
                "value": "name",
                "label": "Name",
                "definition": "A name in quotation marks (e.g. 'Resistance Axis').",
            },
            {
                "value": "artifact",
                "label": "Artifact",
                "definition": "A mark left by a text artifact (mojibake, embedded-post remains).",
            },
            {
                "value": "unattributed",
                "label": "Unattributed",
                "definition": "Quoted words the article attributes to nobody it identifies, not even an unnamed source.",
            },
        ],
        "codingRules": [
            "A span is dismissed only when no statement can be attributed; quoted words of an unnamed source are a statement of an unnamed_source actor, not unattributed.",
        ],
    },
    "meeting_type": {
        "categories": [
            {
                "value": "visit",
                "label": "Visit",
                "definition": "One side visits the other (PLOVER CONSULT mode 'visit').",
            },
            {
                "value": "third_party",
                "label": "Third party",
                "definition": "The meeting is hosted by a third party (PLOVER CONSULT mode 'third-party').",
            },
            {
                "value": "multilateral",
                "label": "Multilateral",
                "definition": "The meeting takes place in a multilateral setting, an alliance or an international body (PLOVER CONSULT mode 'multilateral').",
            },
            {
                "value": "phone",
                "label": "Phone",
                "definition": "A call or other remote consultation (PLOVER CONSULT mode 'phone').",
            },
            {
                "value": "press_conference",
                "label": "Press conference",
                "definition": "A joint press conference or a press conference held by one side for the press (not in PLOVER).",
            },
            {
                "value": "delegation_talks",
                "label": "Delegation talks",
                "definition": "Talks between delegations where the text does not say who hosted (not in PLOVER).",
            },
            {
                "value": "address",
                "label": "Address",
                "definition": "One side addresses the other's members or leaders (a speech to a gathering), the text not saying who hosted or who travelled (not in PLOVER).",
            },
        ]
    },
    "meeting_role": {
        "categories": [
            {
                "value": "host",
                "label": "Host",
                "definition": "Received the others (the visited side).",
            },
            {
                "value": "visitor",
                "label": "Visitor",
                "definition": "Travelled to the meeting.",
            },
            {
                "value": "participant",
                "label": "Participant",
                "definition": "Took part, as neither host nor visitor or without the text saying which.",
            },
        ],
        "codingRules": [
            "The visitor is the side that travelled; when both travelled to a third place, both are participants.",
        ],
    },
    "event_type": {
        "categories": [
            {
                "value": "attack",
                "label": "Attack",
                "definition": "An armed attack (strike, bombing, rocket or drone attack) on people or places.",
            },
            {
                "value": "killing",
                "label": "Killing",
                "definition": "A killing or assassination of named people.",
            },
            {
                "value": "agreement",
                "label": "Agreement",
                "definition": "An agreement concluded or signed (a security pact, a withdrawal accord).",
            },
            {
                "value": "complaint",
                "label": "Complaint",
                "definition": "A formal complaint lodged with a body (e.g. to the UN Security Council).",
            },
            {
                "value": "election",
                "label": "Election",
                "definition": "An election held.",
            },
            {
                "value": "founding",
                "label": "Founding",
                "definition": "The founding of an organization.",
            },
            {
                "value": "protest",
                "label": "Protest",
                "definition": "A demonstration or other collective public protest.",
            },
            {
                "value": "other",
                "label": "Other",
                "definition": "A reported event of none of the types above; the summary says what it is.",
            },
        ]
    },
    "event_role": {
        "categories": [
            {
                "value": "perpetrator",
                "label": "Perpetrator",
                "definition": "Carried out the attack or killing.",
            },
            {
                "value": "target",
                "label": "Target",
                "definition": "Was attacked, killed or otherwise the object of the act.",
            },
            {
                "value": "party",
                "label": "Party",
                "definition": "A party to an agreement, election or founding, or a participant without a more specific role.",
            },
            {
                "value": "complainant",
                "label": "Complainant",
                "definition": "Lodged the complaint.",
            },
            {
                "value": "addressee",
                "label": "Addressee",
                "definition": "The complaint or demand was addressed to it.",
            },
            {
                "value": "subject",
                "label": "Subject",
                "definition": "What the event is about (e.g. the group a complaint concerns), without acting in it.",
            },
        ]
    },
    "state_status": {
        "categories": [
            {
                "value": "formal_state_force",
                "label": "Formal state force",
                "definition": "An article describes the group as formally part of the Iraqi state's armed forces (e.g. the PMF's legal status).",
            },
            {
                "value": "outside_state",
                "label": "Outside the state",
                "definition": "An article describes the group as acting outside the state's forces or control.",
            },
            {
                "value": "not_stated",
                "label": "Not stated",
                "definition": "No article says either; not a claim that the status is unknown in the world.",
            },
        ],
        "codingRules": [
            "Coded from the articles only; not_stated never means the group's status is disputed in the world.",
        ],
    },
    "claim": {
        "categories": [
            {
                "value": "parent_group_id",
                "label": "Parent group",
                "definition": "The span supports militia_groups.parent_group_id (the umbrella the group belongs to).",
            },
            {
                "value": "founded_year",
                "label": "Founded year",
                "definition": "The span supports militia_groups.founded_year.",
            },
            {
                "value": "state_status",
                "label": "State status",
                "definition": "The span supports militia_groups.state_status.",
            },
            {
                "value": "iran_backed",
                "label": "Iran-backed",
                "definition": "The span supports militia_groups.iran_backed (and carries its wording).",
            },
        ]
    },
}
