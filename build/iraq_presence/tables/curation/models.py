"""The curation data model: what a curator may write in data/curation/, as strict pydantic models."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

Date = dt.date


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

    @property
    def file(self) -> str | None:
        """The file the entry was written in, when it is not the one its kind is read from."""
        return self._file

    def line_of(self, key: str) -> int | None:
        """The line of `key` in this entry (the entry's first line when the key is absent)."""
        return self.keylines.get(key.split(".")[0], self.line)


class SpanRef(Model):
    """Evidence: an exact quote in an article (the build computes the offsets)."""

    article: str | None = None
    quote: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=1)


class Alias(Model):
    text: str = Field(min_length=1)
    alias_type: str = "variant"
    note: str | None = None


class Actor(Model):
    actor_id: str
    name: str
    actor_type: str
    country: str | None = None
    country_basis: str | None = None
    country_note: str | None = None
    country_reference: str | None = None
    description: str
    evidence: SpanRef
    aliases: list[str | Alias] = []
    wikidata_id: str | None = None
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
    issue_type: str
    quote: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=1)
    note: str


class CuratedMention(Model):
    actor: str
    quote: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=1)
    metonym: bool = False  # a place name standing for the state or its government


class Author(Model):
    actor: str
    quote: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=1)


class Plover(Model):
    category: str
    mode: str | None = None
    context: list[str] = []


class Statement(Model):
    statement_id: str
    speaker: str
    quote: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=1)
    statement_type: str
    reporting_verb: str | None = None
    addressee: str | None = None
    channel: str = "unknown"
    medium: str | None = None
    said_date: Date | None = None
    said_date_precision: str | None = None
    said_date_basis: str | None = None
    said_date_note: str | None = None
    said_date_quote: str | None = None
    said_date_occurrence: int | None = Field(default=None, ge=1)
    said_date_reference: str | None = None
    meeting: str | None = None
    utterance: str | None = None
    plover: Plover | None = None
    topics: list[str] = []
    stance_us_presence: str = "not_addressed"
    note: str | None = None
    unreviewed: list[str] = []  # fields a draft proposed and no curator has confirmed (coded.py)


class NewAlias(Model):
    """A known actor's surface form first seen in this article (a spelling variant or short form)."""

    actor: str
    text: str = Field(min_length=1)
    alias_type: str = "variant"
    note: str | None = None


class Dismissal(Model):
    quote: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=1)
    reason: str
    note: str


class Article(Model):
    article_id: str
    source_file: str
    language: str = "en"
    status: Literal["accepted", "draft"] = "accepted"
    title: SpanRef | None = None
    title_note: str | None = None
    outlet: str | None = None
    outlet_basis: str | None = None
    outlet_evidence: SpanRef | None = None
    outlet_note: str | None = None
    outlet_reference: str | None = None
    authors: list[Author] = []
    published_date: Date | None = None
    published_date_precision: str | None = None
    published_date_basis: str | None = None
    published_date_evidence: SpanRef | None = None
    published_date_note: str | None = None
    published_date_reference: str | None = None
    url: str | None = None
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


class Utterance(Model):
    utterance_id: str
    speaker: str
    said_date: Date | None = None
    said_date_precision: str | None = None
    said_date_basis: str | None = None
    said_date_note: str | None = None
    said_date_reference: str | None = None
    meeting: str | None = None
    occasion: str
    summary: str


class Participant(Model):
    actor: str
    role: str


class Report(Model):
    article: str
    quote: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=1)
    date_quote: str | None = None
    date_occurrence: int | None = Field(default=None, ge=1)
    date: Date | None = None
    date_precision: str | None = None
    date_basis: str | None = None
    date_note: str | None = None
    date_reference: str | None = None


class Meeting(Model):
    meeting_id: str
    meeting_type: str
    meeting_date: Date | None = None
    meeting_date_precision: str | None = None
    meeting_date_basis: str | None = None
    meeting_date_note: str | None = None
    meeting_date_reference: str | None = None
    location: str | None = None
    country: str | None = None
    description: str
    participants: list[Participant]
    reports: list[Report] = Field(min_length=1)


class EventReport(Model):
    article: str
    quote: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=1)
    date_quote: str | None = None
    date_occurrence: int | None = Field(default=None, ge=1)


class Event(Model):
    event_id: str
    event_type: str
    event_date: Date | None = None
    event_date_precision: str | None = None
    event_date_basis: str | None = None
    event_date_note: str | None = None
    event_date_reference: str | None = None
    location: str | None = None
    country: str | None = None
    description: str
    participants: list[Participant] = []
    reports: list[EventReport] = Field(min_length=1)


class MilitiaGroup(Model):
    actor_id: str
    parent_group_id: str | None = None
    parent_evidence: SpanRef | None = None
    founded_year: int | None = None
    founded_evidence: SpanRef | None = None
    state_status: str = "not_stated"
    state_status_evidence: SpanRef | None = None
    iran_backed: bool | None = None
    iran_backed_wording: str | None = None
    iran_backed_evidence: SpanRef | None = None
    note: str | None = None


class Affiliation(Model):
    affiliation_id: str
    actor: str
    organization: str
    role: str
    start_date: Date | None = None
    start_date_precision: str | None = None
    start_date_basis: str | None = None
    start_date_note: str | None = None
    start_date_reference: str | None = None
    end_date: Date | None = None
    end_date_precision: str | None = None
    end_date_basis: str | None = None
    end_date_note: str | None = None
    end_date_reference: str | None = None
    evidence: SpanRef
    note: str | None = None


class Reference(Model):
    """A published source for an `external` fact: checkable by a reader, read by the curator."""

    reference_id: str
    title: str
    publisher: str
    date: Date | None = None
    url: str | None = None
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
    militia_groups: list[MilitiaGroup]
    affiliations: list[Affiliation]
    references: list[Reference] = []


Article.model_rebuild()  # its new_* lists name models defined after it
