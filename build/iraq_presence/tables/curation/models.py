"""The curation data model: what a curator may write in data/curation/, as strict pydantic models.

A field that becomes a column has the column's name (the key a curator writes is its alias where
that is shorter: `speaker` for speaker_id), so the assembler fills a row's columns from the fields of
the same name. A code is typed by its vocabulary in the schema definitions, so a bad code fails at
its own line with the nearest valid value."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from ...schema.fields import PLOVER_CONTEXTS
from ...schema.vocabularies import VOCABULARIES

Date = dt.date


def codes(vocabulary: str) -> Any:
    """The codes of a vocabulary (schema/vocabularies.py) as a Literal type, in schema order."""
    return Literal[tuple(c["value"] for c in VOCABULARIES[vocabulary]["categories"])]


Basis = codes("basis")
BasisGiven = codes("basis_given")
BasisUrl = codes("basis_url")
Precision = codes("precision")
ActorType = codes("actor_type")
AffiliationRole = codes("affiliation_role")
AliasType = codes("alias_type")
Channel = codes("channel")
DismissalReason = codes("dismissal_reason")
EventRole = codes("event_role")
EventType = codes("event_type")
IssueType = codes("issue_type")
Language = codes("language")
MeetingRole = codes("meeting_role")
MeetingType = codes("meeting_type")
PloverCategory = codes("plover_category")
PloverMode = codes("plover_mode")
StanceUsPresence = codes("stance_us_presence")
StateStatus = codes("state_status")
StatementType = codes("statement_type")
Topic = codes("topic")
PloverContext = Literal[tuple(PLOVER_CONTEXTS.split("|"))]


class Model(BaseModel):
    """Strict: an unknown key is an error (with the nearest valid key), not silently ignored.

    `line` is where the entry starts in its YAML file and `keylines` where each of its keys is
    (filled by the loader, never typed by a curator), so an error found later, while the tables
    are assembled, can still name the line.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    line: int | None = Field(default=None, alias="__line__", exclude=True, repr=False)
    keylines: dict[str, int] = Field(default_factory=dict, alias="__keylines__", exclude=True, repr=False)

    _file: str | None = PrivateAttr(default=None)  # set when the entry comes from another file (coded.py)
    _entry: str | None = PrivateAttr(default=None)  # with `_file`: its place there ("new_affiliations #2")

    @property
    def file(self) -> str | None:
        """The file the entry was written in, when it is not the one its kind is read from."""
        private = self.__pydantic_private__  # read directly: pydantic's attribute lookup is slow per entry
        return private.get("_file") if private else None

    def entry_at(self, i: int) -> str:
        """How a message names the entry: its place in the file it was written in (an article's
        "new_affiliations #2"), else "entry #i" of the file its kind is read from."""
        private = self.__pydantic_private__
        return (private.get("_entry") if private else None) or f"entry #{i}"

    def line_of(self, key: str) -> int | None:
        """The line of `key` in this entry (the entry's first line when the key is absent)."""
        return self.keylines.get(key.split(".")[0], self.line)


class SpanRef(Model):
    """Evidence: an exact quote in an article (the build computes the offsets)."""

    article: str | None = None
    quote: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=1)


class Alias(Model):
    alias: str = Field(min_length=1, alias="text")
    alias_type: AliasType = "variant"
    note: str | None = None


class Actor(Model):
    actor_id: str
    name: str
    actor_type: ActorType
    country: str | None = None
    country_basis: Basis | None = None
    country_note: str | None = None
    country_reference_id: str | None = Field(default=None, alias="country_reference")
    description: str
    evidence: SpanRef
    aliases: list[str | Alias] = []
    wikidata_id: str | None = None
    wikidata_reference_id: str | None = Field(default=None, alias="wikidata_reference")
    wikidata_note: str | None = None
    note: str | None = None

    def alias_entries(self) -> list[Alias]:
        return [a if isinstance(a, Alias) else Alias(text=a) for a in self.aliases]


class Disambiguation(Model):
    alias: str
    actor: str
    article: str | None = None
    note: str


class Issue(Model):
    issue_id: str
    issue_type: IssueType
    quote: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=1)
    note: str


class CuratedMention(Model):
    actor_id: str = Field(alias="actor")
    quote: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=1)
    is_metonym: bool = Field(default=False, alias="metonym")  # a place name standing for the state or its government


class Author(Model):
    actor_id: str = Field(alias="actor")
    quote: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=1)


class Plover(Model):
    category: PloverCategory
    mode: PloverMode | None = None
    context: list[PloverContext] = []
    target: str | None = None  # the actor acted upon (an actor_id), or null with target_note
    target_note: str | None = None


class Statement(Model):
    statement_id: str
    speaker_id: str = Field(alias="speaker")
    quote: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=1)
    statement_type: StatementType
    reporting_verb: str | None = None
    addressee_id: str | None = Field(default=None, alias="addressee")
    channel: Channel = "unknown"
    medium_id: str | None = Field(default=None, alias="medium")
    said_date: Date | None = None
    said_date_precision: Precision | None = None
    said_date_basis: Basis | None = None
    said_date_note: str | None = None
    said_date_quote: str | None = None
    said_date_occurrence: int | None = Field(default=None, ge=1)
    said_date_reference_id: str | None = Field(default=None, alias="said_date_reference")
    meeting_id: str | None = Field(default=None, alias="meeting")
    utterance_id: str | None = Field(default=None, alias="utterance")
    plover: Plover | None = None
    topics: list[Topic] = []
    stance_us_presence: StanceUsPresence = "not_addressed"
    note: str | None = None
    unreviewed: list[str] = []  # fields a draft proposed and no curator has confirmed (coded.py)


class NewAlias(Model):
    """A known actor's surface form first seen in this article (a spelling variant or short form)."""

    actor: str
    text: str = Field(min_length=1)
    alias_type: AliasType = "variant"
    note: str | None = None


class Dismissal(Model):
    quote: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=1)
    reason: DismissalReason
    note: str


class Article(Model):
    article_id: str
    source_file: str
    language: Language = "en"
    status: Literal["accepted", "draft"] = "accepted"
    title: SpanRef | None = None
    title_note: str | None = None
    outlet_id: str | None = Field(default=None, alias="outlet")
    outlet_basis: BasisGiven | None = None
    outlet_evidence: SpanRef | None = None
    outlet_note: str | None = None
    outlet_reference_id: str | None = Field(default=None, alias="outlet_reference")
    authors: list[Author] = []
    published_date: Date | None = None
    published_date_precision: Precision | None = None
    published_date_basis: BasisGiven | None = None
    published_date_evidence: SpanRef | None = None
    published_date_note: str | None = None
    published_date_reference_id: str | None = Field(default=None, alias="published_date_reference")
    url: str | None = None
    url_basis: BasisUrl | None = None
    url_reference_id: str | None = Field(default=None, alias="url_reference")
    url_note: str | None = None
    issues: list[Issue] = []
    mentions: list[CuratedMention] = []
    statements: list[Statement] = []
    dismissed_quotes: list[Dismissal] = []
    unreviewed: list[str] = []  # article fields and new entries a draft proposed, not yet confirmed
    # entries first attested by this article, merged into the curation when it is accepted (coded.py)
    new_actors: list[Actor] = []
    new_aliases: list[NewAlias] = []
    new_utterances: list[Utterance] = []
    new_affiliations: list[Affiliation] = []
    new_meetings: list[ArticleMeeting] = []

    def quoted_articles(self) -> list[str]:
        """The other articles its title, outlet or date evidence quote (their texts feed its rows)."""
        refs = (self.title, self.outlet_evidence, self.published_date_evidence)
        return sorted({r.article for r in refs if r is not None and r.article and r.article != self.article_id})


class StatementId(NamedTuple):  # a tuple: unpickled several times faster than a dataclass
    statement_id: str
    line: int | None


class IssueId(NamedTuple):
    issue_id: str
    line: int | None


@dataclass(frozen=True, slots=True)
class ArticleStub:
    """What the build reads of an article whose rows come from the build cache: its ids, status and
    lines, the ids of its statements and issues (checked unique across articles) and the entries it
    adds to the shared curation. A fraction of the model's memory and unpickling time; the model
    itself is loaded only when the article's rows must be made again."""

    article_id: str
    source_file: str
    status: str
    line: int | None
    keylines: dict[str, int]
    statements: list[StatementId]
    issues: list[IssueId]
    new_actors: list[Actor]
    new_aliases: list[NewAlias]
    new_utterances: list[Utterance]
    new_affiliations: list[Affiliation]
    new_meetings: list[ArticleMeeting]
    quoted: list[str]

    @classmethod
    def of(cls, art: Article) -> ArticleStub:
        return cls(
            art.article_id,
            art.source_file,
            art.status,
            art.line,
            {k: v for k, v in art.keylines.items() if k in ("article_id", "source_file")},
            [StatementId(st.statement_id, st.line) for st in art.statements],
            [IssueId(iss.issue_id, iss.line) for iss in art.issues],
            art.new_actors,
            art.new_aliases,
            art.new_utterances,
            art.new_affiliations,
            art.new_meetings,
            art.quoted_articles(),
        )

    def line_of(self, key: str) -> int | None:
        return self.keylines.get(key, self.line)

    def quoted_articles(self) -> list[str]:
        return self.quoted


class Utterance(Model):
    utterance_id: str
    speaker_id: str = Field(alias="speaker")
    said_date: Date | None = None
    said_date_precision: Precision | None = None
    said_date_basis: Basis | None = None
    said_date_note: str | None = None
    said_date_reference_id: str | None = Field(default=None, alias="said_date_reference")
    meeting_id: str | None = Field(default=None, alias="meeting")
    occasion: str
    summary: str
    several_acts: bool = False  # the article reports several acts as one ("repeatedly called for")
    note: str | None = None


class MeetingParticipant(Model):
    actor_id: str = Field(alias="actor")
    role: MeetingRole


class EventParticipant(Model):
    actor_id: str = Field(alias="actor")
    role: EventRole


class Report(Model):
    article: str
    quote: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=1)
    date_quote: str | None = None
    date_occurrence: int | None = Field(default=None, ge=1)
    report_date: Date | None = Field(default=None, alias="date")
    report_date_precision: Precision | None = Field(default=None, alias="date_precision")
    report_date_basis: Basis | None = Field(default=None, alias="date_basis")
    report_date_note: str | None = Field(default=None, alias="date_note")
    report_date_reference_id: str | None = Field(default=None, alias="date_reference")


class Meeting(Model):
    meeting_id: str
    meeting_type: MeetingType
    meeting_date: Date | None = None
    meeting_date_precision: Precision | None = None
    meeting_date_basis: Basis | None = None
    meeting_date_note: str | None = None
    meeting_date_reference_id: str | None = Field(default=None, alias="meeting_date_reference")
    location: str | None = None
    country: str | None = None
    description: str
    participants: list[MeetingParticipant]
    reports: list[Report] = Field(min_length=1)


class ArticleReport(Report):
    """A report in an article's own `new_meetings` entry: its article defaults to that article."""

    article: str | None = None  # type: ignore[assignment]


class ArticleMeeting(Meeting):
    """A meeting first reported by an article, written in that article's file (`new_meetings`) so that a
    draft's meeting is accepted with the article: no edit of meetings.yaml while the article is a draft."""

    reports: list[ArticleReport] = Field(min_length=1)  # type: ignore[assignment]


class EventReport(Model):
    article: str
    quote: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=1)
    date_quote: str | None = None
    date_occurrence: int | None = Field(default=None, ge=1)


class Event(Model):
    event_id: str
    event_type: EventType
    event_date: Date | None = None
    event_date_precision: Precision | None = None
    event_date_basis: Basis | None = None
    event_date_note: str | None = None
    event_date_reference_id: str | None = Field(default=None, alias="event_date_reference")
    location: str | None = None
    country: str | None = None
    description: str
    participants: list[EventParticipant] = []
    reports: list[EventReport] = Field(min_length=1)


class MilitiaGroup(Model):
    actor_id: str
    parent_group_id: str | None = None
    parent_evidence: SpanRef | None = None
    founded_year: int | None = None
    founded_evidence: SpanRef | None = None
    state_status: StateStatus = "not_stated"
    state_status_evidence: SpanRef | None = None
    iran_backed: bool | None = None
    iran_backed_wording: str | None = None
    iran_backed_evidence: SpanRef | None = None
    note: str | None = None


class Affiliation(Model):
    affiliation_id: str
    actor_id: str = Field(alias="actor")
    organization_id: str = Field(alias="organization")
    role: AffiliationRole
    start_date: Date | None = None
    start_date_precision: Precision | None = None
    start_date_basis: Basis | None = None
    start_date_note: str | None = None
    start_date_reference_id: str | None = Field(default=None, alias="start_date_reference")
    end_date: Date | None = None
    end_date_precision: Precision | None = None
    end_date_basis: Basis | None = None
    end_date_note: str | None = None
    end_date_reference_id: str | None = Field(default=None, alias="end_date_reference")
    evidence: SpanRef
    note: str | None = None


class Reference(Model):
    """A published source for an `external` fact: checkable by a reader, read by the curator."""

    reference_id: str
    title: str
    publisher: str
    date: Date | None = None
    url: str | None = None
    accessed: Date | None = None
    bibliographic_reference: str | None = None
    supports: str
    seen_in: str
    note: str | None = None


class Contributor(Model):
    title: str
    role: str
    given_names: str | None = None
    family_names: str | None = None
    organization: str | None = None
    orcid: str | None = None
    email: str | None = None


class RelatedIdentifier(Model):
    identifier: str
    relation: str
    resource_type: str | None = None


class License(Model):
    name: str
    path: str
    title: str
    scope: Literal["data", "code"]


class PackageMeta(Model):
    name: str
    title: str
    description: str
    homepage: str | None = None
    issues: str | None = None
    """Where readers report errors (an issue tracker); falls back to `contact`."""
    contact: str | None = None
    """An e-mail address a maintainer reads."""
    keywords: list[str]
    licenses: list[License]
    contributors: list[Contributor]
    related_identifiers: list[RelatedIdentifier] = []


class Curation(Model):
    """Everything the curation folder holds, loaded and structurally checked."""

    package: PackageMeta
    actors: list[Actor]
    disambiguations: list[Disambiguation]
    articles: list[Article]
    utterances: list[Utterance]
    meetings: list[Meeting]
    events: list[Event]
    article_meetings: list[Meeting] = []  # the accepted articles' new_meetings (after meetings.yaml's)
    militia_groups: list[MilitiaGroup]
    affiliations: list[Affiliation]
    references: list[Reference] = []


Article.model_rebuild()  # its new_* lists name models defined after it
