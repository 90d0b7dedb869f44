"""Loading data/curation/: YAML read safely into strict models, errors naming file, entry and field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import CurationError, nearest

Date = dt.date


class Model(BaseModel):
    """Strict: an unknown key is an error (with the nearest valid key), not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


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
    country_note: str | None = None
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
    meeting: str | None = None
    utterance: str | None = None
    plover: Plover | None = None
    topics: list[str] = []
    stance_us_presence: str = "not_addressed"
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
    authors: list[Author] = []
    published_date: Date | None = None
    published_date_precision: str | None = None
    published_date_basis: str | None = None
    published_date_evidence: SpanRef | None = None
    published_date_note: str | None = None
    url: str | None = None
    url_note: str | None = None
    issues: list[Issue] = []
    mentions: list[CuratedMention] = []
    statements: list[Statement] = []
    dismissed_quotes: list[Dismissal] = []


class Utterance(Model):
    utterance_id: str
    speaker: str
    said_date: Date | None = None
    said_date_precision: str | None = None
    said_date_basis: str | None = None
    said_date_note: str | None = None
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


class Meeting(Model):
    meeting_id: str
    meeting_type: str
    meeting_date: Date | None = None
    meeting_date_precision: str | None = None
    meeting_date_basis: str | None = None
    meeting_date_note: str | None = None
    location: str | None = None
    country: str | None = None
    description: str
    participants: list[Participant]
    reports: list[Report] = Field(min_length=1)


class EventReport(Model):
    article: str
    quote: str = Field(min_length=1)
    occurrence: int | None = Field(default=None, ge=1)


class Event(Model):
    event_id: str
    event_type: str
    event_date: Date | None = None
    event_date_precision: str | None = None
    event_date_basis: str | None = None
    event_date_note: str | None = None
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
    end_date: Date | None = None
    end_date_precision: str | None = None
    end_date_basis: str | None = None
    end_date_note: str | None = None
    evidence: SpanRef
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


M = TypeVar("M", bound=Model)


class _SafeLineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when available
    """SafeLoader (no object construction) that remembers each mapping's line for messages."""


def _construct_mapping(loader: _SafeLineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_SafeLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path, root: Path, *, optional: bool = False) -> Any:
    """Parse one YAML file safely; syntax errors name the file and line."""
    rel = _rel(path, root)
    if not path.is_file():
        if optional:
            return []
        raise CurationError(rel, "file is missing", expected="a YAML file (see docs/curation.md)")
    text = path.read_text(encoding="utf-8")
    if not text.strip():
        raise CurationError(rel, "file is empty", expected="YAML content (see docs/curation.md)")
    try:
        return yaml.load(text, Loader=_SafeLineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown line"
        raise CurationError(rel, f"YAML syntax error at {line}: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise CurationError(rel, f"YAML error: {exc}") from None


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def parse(model: type[M], raw: Any, file: str, entry: str | None = None) -> M:
    """Validate one YAML value into `model`, turning the first problem into a CurationError."""
    line = raw.get("__line__") if isinstance(raw, dict) else None
    label = entry or ""
    if line:
        label = f"{label} (line {line})".strip()
    if not isinstance(raw, dict):
        raise CurationError(file, f"expected a mapping, got {type(raw).__name__}", entry=label or None)
    try:
        return model.model_validate(_strip_lines(raw))
    except ValidationError as exc:
        errors = exc.errors()
        err = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
        loc = ".".join(str(p) for p in err["loc"])
        if err["type"] == "extra_forbidden":
            name = str(err["loc"][-1])
            owner = _owner(model, err["loc"][:-1])
            valid = list(owner.model_fields) if owner else []
            raise CurationError(
                file,
                "unknown key",
                entry=label or None,
                field=loc,
                expected="one of " + ", ".join(valid),
                suggestions=nearest(name, valid),
            ) from None
        if err["type"] == "missing":
            raise CurationError(file, "required key is missing", entry=label or None, field=loc) from None
        raise CurationError(file, f"{err['msg']} (got {err.get('input')!r})", entry=label or None, field=loc) from None


def _owner(model: type[Model], loc: tuple[Any, ...]) -> type[Model] | None:
    """The model class that owns the field at `loc` (for suggesting a valid key)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(str(part)) if isinstance(current, type) else None
        if field is None:
            return None
        candidates = [a for a in _flatten(field.annotation) if isinstance(a, type) and issubclass(a, Model)]
        if not candidates:
            return None
        current = candidates[0]
    return current


def _flatten(annotation: Any) -> list[Any]:
    import typing

    args = typing.get_args(annotation)
    if not args:
        return [annotation]
    out: list[Any] = []
    for a in args:
        out.extend(_flatten(a))
    return out


def _entries(model: type[M], raw: Any, file: str, id_key: str) -> list[M]:
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise CurationError(file, f"expected a list of entries, got {type(raw).__name__}")
    out = []
    for i, item in enumerate(raw, 1):
        ident = item.get(id_key) if isinstance(item, dict) else None
        out.append(parse(model, item, file, f"entry #{i}" + (f" ({id_key}={ident})" if ident else "")))
    return out


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def load_curation(folder: Path, root: Path) -> Curation:
    """Read every curation file. Per-article files live in `articles/`, one per article."""

    def rel(name: str) -> str:
        return _rel(folder / name, root)

    package = parse(PackageMeta, read_yaml(folder / "package.yaml", root), rel("package.yaml"))
    articles = []
    article_dir = folder / "articles"
    for path in sorted(article_dir.glob("*.yaml")):
        raw = read_yaml(path, root)
        art = parse(Article, raw, _rel(path, root))
        if art.article_id != path.stem:
            raise CurationError(
                _rel(path, root),
                f"article_id {art.article_id!r} does not match the file name",
                field="article_id",
                expected=repr(path.stem),
            )
        articles.append(art)

    def listed(name: str, model: type[M], id_key: str, optional: bool = False) -> list[M]:
        return _entries(model, read_yaml(folder / name, root, optional=optional), rel(name), id_key)

    return Curation(
        package=package,
        actors=listed("actors.yaml", Actor, "actor_id"),
        disambiguations=listed("disambiguation.yaml", Disambiguation, "alias", optional=True),
        articles=articles,
        utterances=listed("utterances.yaml", Utterance, "utterance_id", optional=True),
        meetings=listed("meetings.yaml", Meeting, "meeting_id", optional=True),
        events=listed("events.yaml", Event, "event_id", optional=True),
        militia_groups=listed("militia_groups.yaml", MilitiaGroup, "actor_id", optional=True),
        affiliations=listed("affiliations.yaml", Affiliation, "affiliation_id", optional=True),
    )
