"""Every field of the package, defined once (as PUDL's `pudl/metadata/fields.py`): its type,
description, null meaning, constraints and, for a closed vocabulary, the vocabulary's name
(vocabularies.py holds the codes). A table lists the fields it has by name and overrides what
differs there (resources.py); the generator writes schemas/*.json from both.

The families that recur (a dated fact with its precision, basis, note and reference; a pair of
offsets) are made by one function each, so their wording and types are written once."""

from __future__ import annotations

from typing import Any

from .vocabularies import VOCABULARIES

Field = dict[str, Any]

ARTICLE_ID = "^[0-9]{3,}_[0-9a-f]{16}$"
"""An article's id: its raw file's name, a sequence number and the first 16 hex digits of its hash."""
ACTOR_ID = "^[a-z0-9][a-z0-9-]*$"
CURATED_ID = "^[a-z0-9][a-z0-9_.-]*$"
REFERENCE_ID = "^ref-[a-z0-9][a-z0-9-]*$"
HTTP_URL = "^https?://\\S+$"
"""Every URL field: http(s) only, so a published link can never be javascript: or file:."""
COUNTRY = "^[A-Z]{3}$"
SHA256 = "^[0-9a-f]{64}$"
WIKIDATA_ID = "^Q[0-9]+$"
PLOVER_CONTEXTS = "military|political|diplomatic|economic|security|terrorism|territory|treaty|election|legislative"

RELATIVE_DATE_RULE = (
    "A relative date ('on Wednesday', 'last year') resolved against a known date is inferred, not stated, "
    "even when the resolution is certain."
)
PRECISION_NOTE = "A month- or year-precision date is stored as its first day."


def _string(description: str, pattern: str | None = None, *, required: bool = False, null: str | None = None) -> Field:
    out: Field = {"type": "string", "description": description}
    constraints = {"required": True} if required else {}
    if pattern:
        constraints["pattern"] = pattern
    if constraints:
        out["constraints"] = constraints
    if null:
        out["nullMeaning"] = null
    return out


def _coded(description: str, vocabulary: str, *, required: bool = True, null: str | None = None) -> Field:
    out = _string(description, required=required, null=null)
    out["vocabulary"] = vocabulary
    return out


def _count(description: str, minimum: int) -> Field:
    return {"type": "integer", "description": description, "constraints": {"required": True, "minimum": minimum}}


def _offsets(prefix: str, of: str, *, null: str | None = None, end_of: str | None = None) -> dict[str, Field]:
    """`<prefix>_start` and `<prefix>_end`, code-point offsets into the raw text (required unless
    `null` says what a null means)."""
    out = {}
    for side, word, minimum, what in (("start", "Start", 0, of), ("end", "End", 1, end_of or of)):
        field: Field = {"type": "integer", "description": f"{word} offset{what}.", "constraints": {"minimum": minimum}}
        if null:
            field["nullMeaning"] = null
        else:
            field["constraints"] = {"required": True, **field["constraints"]}
        out[f"{prefix}_{side}"] = field
    return out


def _key(table: str, column: str, description: str, pattern: str) -> Field:
    """A table's key: required, with its pattern; `references` names where it is defined, so every
    column holding it elsewhere gets that table's foreign key (the generator skips the home table)."""
    return {**_string(description, pattern, required=True), "references": f"{table}.{column}"}


KEYS: dict[str, Field] = {
    "article_id": _key("articles", "article_id", "The article.", ARTICLE_ID),
    "actor_id": _key("actors", "actor_id", "The actor.", ACTOR_ID),
    "meeting_id": _key("meetings", "meeting_id", "The meeting.", CURATED_ID),
    "event_id": _key("events", "event_id", "The event.", CURATED_ID),
    "statement_id": _key("statements", "statement_id", "The statement.", CURATED_ID),
    "utterance_id": _key("utterances", "utterance_id", "The act of speech this statement reports.", CURATED_ID),
    "reference_id": _key("external_references", "reference_id", "Curated identifier.", REFERENCE_ID),
}
"""The keys other tables refer to, each with its type and pattern once."""


def _refers(key: str, description: str, *, required: bool = False, null: str | None = None, to: str = "") -> Field:
    """A column holding another table's key under its own name: the key's type and pattern, and a
    foreign key to the key's table (or to `to`, a table.column holding the same key)."""
    target = KEYS[key]
    out = _string(description, target["constraints"]["pattern"], required=required, null=null)
    return {**out, "type": target["type"], "references": to or target["references"]}


def _reference(subject: str) -> Field:
    return _refers(
        "reference_id",
        f"The published source (external_references.reference_id) that establishes {subject}; "
        "set exactly when the basis is external.",
        null="The basis is not external.",
    )


def _basis(
    prefix: str,
    subject: str,
    null: str,
    stated: Field,
    *,
    vocabulary: str = "basis",
    rules: tuple[str, ...] = (),
    remark: str = "",
) -> Field:
    """How a fact was established, and which columns hold its evidence for each code: `stated`
    as given, the others `<prefix>_note` or `<prefix>_reference_id`. `rules` come before the
    vocabulary's own coding rules."""
    codes = VOCABULARIES[vocabulary]["categories"]
    gloss = "; ".join(f"{c['value']}: {c['brief']}" for c in codes)
    note = {"columns": [f"{prefix}_note"]}
    evidence = {"stated": stated, "inferred": note, "external": {"columns": [f"{prefix}_reference_id"]}}
    if "given" in (c["value"] for c in codes):
        evidence["given"] = note
    out = _coded(f"How {subject} was established. {gloss}.{remark}", vocabulary, required=False, null=null)
    out["evidence"] = evidence
    if rules:
        out["codingRules"] = list(rules)
    return out


def _dated(
    date: str, description: str, null: str, stated: Field, *, subject: str | None = None, vocabulary: str = "basis"
) -> dict[str, Field]:
    """A date with its precision, basis, note and reference: the five columns of a dated fact."""
    subject = subject or date
    return {
        date: {"type": "date", "description": f"{description} {PRECISION_NOTE}", "nullMeaning": null},
        f"{date}_precision": _coded(f"Precision of {date}.", "precision", required=False, null=f"{date} is null."),
        f"{date}_basis": _basis(
            date, subject, f"{date} is null.", stated, vocabulary=vocabulary, rules=(RELATIVE_DATE_RULE,)
        ),
        f"{date}_note": _string(
            f"How {date} was inferred, or why it is unknown.", null=f"{date} is stated in the text."
        ),
        f"{date}_reference_id": _reference(subject),
    }


def stated_in(table: str, key: str, basis: str) -> Field:
    """A stated fact whose evidence is another table's stated rows (those sharing `key`)."""
    return {"table": table, "key": key, "equals": {basis: "stated"}}


FIELDS: dict[str, Field] = {
    # identifiers
    **KEYS,
    "evidence_article_id": _refers("article_id", "Article holding the span supporting the description.", required=True),
    "source_file": {
        "type": "string",
        "description": "File name of the raw text under data/raw/.",
        "constraints": {"required": True, "unique": True, "pattern": ARTICLE_ID[:-1] + "\\.txt$"},
    },
    "sha256": {
        "type": "string",
        "description": "SHA-256 of the raw file's bytes, as recorded in data/raw/SHA256SUMS.",
        "constraints": {"required": True, "unique": True, "pattern": SHA256},
    },
    "organization_id": _refers("actor_id", "The organization.", required=True),
    "speaker_id": _refers(
        "actor_id",
        "Who the article says spoke: a person, a group or a government, or an unnamed source "
        "(actor_type unnamed_source).",
        required=True,
    ),
    "addressee_id": _refers("actor_id", "To whom the words were addressed.", null="The article does not say."),
    "medium_id": _refers(
        "actor_id",
        "Outlet that carried the words (a TV channel, a website, a platform).",
        null="The article names none.",
    ),
    "outlet_id": _refers(
        "actor_id",
        "Actor id of the outlet that published the article.",
        null="The text does not name the outlet (see outlet_note).",
    ),
    "parent_group_id": _refers(
        "actor_id",
        "Umbrella group the articles report it belongs to.",
        null="The articles report no umbrella.",
        to="militia_groups.actor_id",
    ),
    "affiliation_id": _string("Curated identifier.", CURATED_ID, required=True),
    "issue_id": _string("Curated identifier of the issue.", CURATED_ID, required=True),
    "mention_id": _string(
        "Identifier derived from the article and the offsets; stable across rebuilds.", required=True
    ),
    "span_id": _string("Identifier derived from the article and offsets.", required=True),
    "wikidata_id": _string(
        "The actor's Wikidata item (QID), the identifier PLOVER and Quotebank use to join actors across datasets; "
        "set only where a published source a reader can check gives it (wikidata_reference_id).",
        WIKIDATA_ID,
        null="No checkable source giving the QID was found, or the actor is an unnamed source or collective with no "
        "item; wikidata_note says which. Never guessed.",
    ),
    "wikidata_basis": {
        **_coded(
            "How the QID was established: always external (outside knowledge, with the source in "
            "wikidata_reference_id).",
            "basis_external",
            required=False,
            null="wikidata_id is null.",
        ),
        "evidence": {"external": {"columns": ["wikidata_reference_id"]}},
    },
    "wikidata_reference_id": _refers(
        "reference_id",
        "The published source (external_references.reference_id) that gives the QID; set exactly when wikidata_id is "
        "set.",
        null="wikidata_id is null.",
    ),
    "wikidata_note": _string(
        "Why wikidata_id is null (no source found, an unnamed source, an actor the texts do not identify well enough "
        "to match an item), or how the item was matched to the actor.",
        null="Nothing to remark.",
    ),
    # text and spans
    "text": _string("The evidence span: text[start:end].", required=True),
    **_offsets("char", "", end_of=""),
    "evidence_text": _string(
        "The span supporting the description exactly as it stands in the raw text: text[start:end].", required=True
    ),
    **_offsets(
        "evidence",
        " of the span supporting the description, in Unicode code points of the raw text (0-based, inclusive)",
        end_of=" of the span supporting the description, in Unicode code points of the raw text (exclusive)",
    ),
    "surface": _string("The mention as written: text[start:end].", required=True),
    "quote": _string("The quoted or reported text exactly as it stands: text[start:end].", required=True),
    "title": _string("Headline as it stands in the text.", null="The text carries no headline (see title_note)."),
    **_offsets("title", " of the headline in the raw text", null="title is null."),
    "title_note": _string("Why the title is missing, or a remark on it.", null="Nothing to remark."),
    "date_text": _string(
        "The date expression this article uses for the event: text[date_start:date_end].",
        null="This article gives no date expression for the event.",
    ),
    **_offsets("date", " of date_text", null="No date expression."),
    "said_date_text": _string(
        'The article\'s own words dating the statement ("on Wednesday", "today", "On February 7"): '
        "text[said_date_start:said_date_end].",
        null="The article gives no date expression for the statement.",
    ),
    **_offsets("said_date", " of said_date_text", null="No date expression."),
    # articles
    "n_chars": _count("Length of the raw text in Unicode code points.", 1),
    "language": _coded("Language of the text (ISO 639-1).", "language"),
    "outlet_basis": _basis(
        "outlet",
        "the outlet",
        "outlet_id is null.",
        {"columns": ["outlet_start", "outlet_end"]},
        vocabulary="basis_given",
    ),
    **_offsets("outlet", " of the text naming the outlet", null="No span names the outlet."),
    "outlet_note": _string("How the outlet was inferred, or why it is unknown.", null="Nothing to remark."),
    "outlet_reference_id": _reference("the outlet"),
    **_dated(
        "published_date",
        "Publication date of the article.",
        "The text gives no publication date and none can be inferred (see published_date_note).",
        {"columns": ["published_date_start", "published_date_end"]},
        subject="the publication date",
        vocabulary="basis_given",
    ),
    **_offsets("published_date", " of the printed publication date", null="The date is not printed in the text."),
    "url": {
        "type": "string",
        "format": "uri",
        "description": "Address of a public page carrying this text (the texts give none): found by the curators, "
        "with the page as its reference (url_reference_id), or given by the maintainer who added the article.",
        "constraints": {"pattern": HTTP_URL},
        "nullMeaning": "No page carrying this text was found (url_note says where it was looked for).",
    },
    "url_basis": {
        **_coded(
            "How the URL was established. external: a stored copy of the page was read and carries this text "
            "(url_reference_id); given: supplied by the maintainer with `dataset add --url` (url_note says so).",
            "basis_url",
            required=False,
            null="url is null.",
        ),
        "evidence": {"external": {"columns": ["url_reference_id"]}, "given": {"columns": ["url_note"]}},
    },
    "url_reference_id": _reference("the URL (the page itself, read in a stored copy)"),
    "url_note": _string(
        "Where the URL was looked for when it is null, or what to know about the page when it is set.",
        null="Nothing to remark.",
    ),
    # actors and aliases
    "name": _string("Canonical name.", required=True),
    "actor_type": _coded(
        "Kind of actor. unnamed_source: a source the article does not name, one actor per source, never matched by alias.",
        "actor_type",
    ),
    "country": _string(
        "Country the actor belongs to, ISO 3166-1 alpha-3.",
        COUNTRY,
        null="No single country applies or the articles do not say (see country_note).",
    ),
    "country_basis": _basis(
        "country",
        "the country",
        "country is null.",
        {"columns": ["evidence_start", "evidence_end"]},
        remark=' stated: the evidence span names it ("Iraqi analyst").',
    ),
    "country_note": _string("How the country was inferred, or why it is null.", null="Nothing to remark."),
    "country_reference_id": _reference("the country"),
    "description": _string("One-line neutral description.", required=True),
    "alias": _string("Surface form exactly as written in the articles (case and apostrophes matter).", required=True),
    "alias_type": _coded("Kind of alias.", "alias_type"),
    "n_mentions": _count("How many times the matcher found the alias in the corpus.", 0),
    "disambiguation_note": _string(
        "When several actors claim this alias: how the curators decided which actor each occurrence means.",
        null="Only this actor claims the alias.",
    ),
    "note": _string("Curator's remark.", null="Nothing to remark."),
    # mentions
    "method": _coded("alias_match: found by the matcher; curated: typed by a curator.", "method"),
    "is_metonym": {
        "type": "boolean",
        "description": 'True when a place name stands for the state or its government ("Washington", "Tehran", '
        '"Baghdad", "Ankara"); the mention is then of the state, or of its government where the phrase names the '
        'government ("the Baghdad government"). False for every other mention, including a '
        "place name used as a place.",
        "constraints": {"required": True},
    },
    # affiliations
    "role": _coded(
        "Role held, as the text names it (supreme_leader, president, prime_minister... are offices of the state "
        "in organization_id).",
        "affiliation_role",
    ),
    **_dated(
        "start_date",
        "First date the evidence supports the affiliation.",
        "The evidence does not date it.",
        {"columns": ["char_start", "char_end"]},
    ),
    **_dated(
        "end_date",
        "Last date the evidence supports the affiliation.",
        "The evidence does not date it.",
        {"columns": ["char_start", "char_end"]},
    ),
    # article issues
    "issue_type": _coded("Kind of artifact.", "issue_type"),
    # statements and utterances
    "statement_type": _coded(
        "direct: a full quotation; partial: a quoted fragment inside reported speech; indirect: reported speech "
        "without quotation marks.",
        "statement_type",
    ),
    "reporting_verb": _string(
        "The reporting verb as written (said, stressed, told, added...).",
        null="The article uses no reporting verb for this passage (e.g. a run-on paragraph).",
    ),
    "channel": _coded("How the words were delivered.", "channel"),
    "occasion": _string("Where and how the words were said, briefly.", required=True),
    **_dated(
        "said_date",
        "Date the words were said.",
        "The articles do not allow the date to be established (see said_date_note).",
        {"columns": ["said_date_start", "said_date_end"]},
    ),
    "plover_category": _coded(
        "PLOVER event category of the speech act.",
        "plover_category",
        required=False,
        null="The statement is not an event act PLOVER codes (e.g. commentary).",
    ),
    "plover_mode": _coded(
        "PLOVER mode (the subset used in this corpus).",
        "plover_mode",
        required=False,
        null="No mode applies or no category.",
    ),
    "plover_context": _string(
        "PLOVER contexts, separated by ';' (subset used in this corpus: " + PLOVER_CONTEXTS.replace("|", ", ") + ").",
        f"^({PLOVER_CONTEXTS})(;({PLOVER_CONTEXTS}))*$",
        null="No PLOVER category.",
    ),
    "plover_target_id": _refers(
        "actor_id",
        "PLOVER target: the actor the speech act is directed at or acts upon. For REQUEST, the actor asked to act "
        "when the attribution names it as hearer, otherwise the actor whose conduct is demanded; for ACCUSE, THREATEN "
        "and REJECT, the actor accused, threatened or refused; for SUPPORT and AGREE, the actor praised, backed or "
        "agreed with; for CONCEDE, the actor whose decision is accepted. Together with speaker_id and "
        "plover_category it gives the source-action-target triple of event data.",
        null="No PLOVER category, or the text names no actor acted upon (plover_target_note says what the words are "
        "directed at).",
    ),
    "plover_target_note": _string(
        "Why plover_target_id is null although the statement has a PLOVER category, or how the target was read where "
        "the words name it only by description or anaphora.",
        null="No PLOVER category, or the target is named in the statement's own words or its attribution.",
    ),
    "repeats_statement_id": _refers(
        "statement_id",
        "Another statement of the same article, speaker and utterance whose span contains this statement's span (a "
        "quoted fragment inside its whole reported clause, or the same span recorded twice); computed by the build. "
        "To count passages of speech without counting a fragment and its clause twice, count rows where this is "
        "null; to count acts of speech, count utterances.",
        null="No other statement of the same act in this article contains the span.",
    ),
    "summarises_acts": {
        "type": "boolean",
        "description": "True where the statement's utterance summarises several acts of speech rather than reporting "
        "one (utterances.several_acts: 'have repeatedly called for', 'a series of posts', 'Several ... commanders and "
        "politicians ... called for'); copied from the utterance by the build. Such a row is at least one act, not a "
        "count of acts.",
        "constraints": {"required": True},
    },
    "several_acts": {
        "type": "boolean",
        "description": "True where the article reports several acts of speech as one ('have repeatedly called for', "
        "'a series of ... posts', 'Several ... commanders and politicians ... called for', a headline summarising the "
        "calls the body reports): the row is at least one act, not one act. Count acts of speech on rows where this "
        "is false, and report the others separately.",
        "constraints": {"required": True},
    },
    "stance_us_presence": _coded(
        "Stance of the statement toward the US military presence in Iraq.", "stance_us_presence"
    ),
    "topic": _coded(
        "us_military_presence: US forces in Iraq; armed_factions: the PMF and armed groups; sovereignty: Iraqi "
        "sovereignty and state control; economy_and_trade; regional_conflict: Gaza, Lebanon, Syria, Israel, the "
        "wider region; bilateral_relations: Iran-Iraq ties; elections; security_cooperation: border and security "
        "agreements.",
        "topic",
    ),
    "summary": _string("Short neutral summary of what was said.", required=True),
    "n_articles": _count("Articles that report this utterance.", 0),
    "n_statements": _count("Statements (quoted or reported passages) that report this utterance.", 0),
    # quotation spans
    "pattern": _coded(
        "paired: matching marks; mismatched: e.g. a curly opening closed by a straight mark; run_on: continues into "
        "the next paragraph; unclosed: never closed; stray_mark: a mark without a partner.",
        "pattern",
    ),
    "status": _coded(
        "statement: a statement overlaps the span; dismissed: curated as not a statement.",
        "status",
        required=False,
        null="Unaccounted for: validation fails (rule QUOTE-unaccounted); never in a published table.",
    ),
    "dismissal_reason": _coded(
        "Why the span is not a statement.", "dismissal_reason", required=False, null="The span is a statement."
    ),
    # meetings and events
    "meeting_type": _coded(
        "Kind of meeting: PLOVER CONSULT modes (visit, third_party, multilateral, phone) plus press_conference, "
        "delegation_talks and address.",
        "meeting_type",
    ),
    **_dated(
        "meeting_date",
        "Date of the meeting.",
        "The articles do not allow the date to be established (see meeting_date_note).",
        stated_in("meeting_reports", "meeting_id", "report_date_basis"),
    ),
    "location": _string("Place of the event.", null="The articles do not say."),
    "n_reports": _count("Articles reporting the meeting.", 1),
    **_dated(
        "report_date",
        "The meeting date as resolved from this article's date expression.",
        "This article does not date the meeting.",
        {"columns": ["date_start", "date_end"]},
    ),
    "event_type": _coded("Kind of event.", "event_type"),
    **_dated(
        "event_date",
        "Date of the event.",
        "The articles do not allow the date to be established (see event_date_note).",
        {"table": "event_reports", "key": "event_id", "columns": ["date_text"]},
    ),
    # militia groups
    "founded_year": {
        "type": "integer",
        "description": "Year of founding as an article states it.",
        "constraints": {"minimum": 1900, "maximum": 2100},
        "nullMeaning": "No article states it.",
    },
    "state_status": _coded(
        "formal_state_force: formally part of the state's armed forces; outside_state: described as outside them; "
        "not_stated.",
        "state_status",
    ),
    "iran_backed": {
        "type": "boolean",
        "description": "Whether the articles characterize the group as backed by, supported by or tied to Iran.",
        "nullMeaning": "The articles do not characterize it.",
    },
    "iran_backed_wording": _string("The articles' wording for the tie to Iran.", null="iran_backed is null or false."),
    "claim": _coded("Which column of militia_groups the span supports.", "claim"),
    # external references
    "publisher": _string("Who published it.", required=True),
    "date": {
        "type": "date",
        "description": "The source's own publication date, where it shows one.",
        "nullMeaning": "The source shows no date.",
    },
    "accessed": {
        "type": "date",
        "description": "The day this project last read the source and checked that it says what `supports` quotes "
        "(for a web page, in a stored copy of it; the live page may have changed since).",
        "nullMeaning": "No day of reading was recorded (see note).",
    },
    "bibliographic_reference": _string("Full citation for a source without a URL.", null="The URL suffices."),
    "seen_in": _string("Where the curator read it: a stored copy of a web page, or a printed source.", required=True),
    "supports": _string("What the source says that the dataset relies on.", required=True),
}
