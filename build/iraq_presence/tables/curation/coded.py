"""An accepted article must be coded, not defaulted: a skipped review fails the build.

Every coded field of an accepted statement is written out (a value, or null: the schema's
`nullMeaning` says what a null means, and a null said_date needs its said_date_note), and no
field is still listed in `unreviewed`, where `dataset add` puts every value it proposed. Without
this, a statement with no stance, topics or channel would build as `not_addressed`, `[]` and
`unknown`, indistinguishable from a coded one.

An accepted article's `new_*` entries (actors, aliases, utterances, affiliations first attested in
it) join the curation here, so an outlet or author first named in the article being added is
proposed and accepted in the same step; a draft's entries are not data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, TypeVar

from .models import Actor, Affiliation, Alias, Article, Meeting, Model, SpanRef, Statement, Utterance

M = TypeVar("M", bound=Model)

CODED = (
    "speaker",
    "statement_type",
    "reporting_verb",
    "addressee",
    "channel",
    "medium",
    "said_date",
    "meeting",
    "utterance",
    "plover",
    "topics",
    "stance_us_presence",
)
"""The statement fields a curator decides; each must be written in an accepted statement."""


def check_coded(articles: list[Article], folder: str) -> None:
    """Raise at the first accepted statement or article left uncoded, naming every field it lacks."""
    from ...errors import CurationError

    for art in articles:
        if art.status != "accepted":
            continue
        file = f"{folder}/{art.article_id}.yaml"
        if art.unreviewed:
            raise CurationError(
                file,
                f"accepted, but {len(art.unreviewed)} proposal(s) still unreviewed: {_fields(art.unreviewed)}",
                line=art.line_of("unreviewed"),
                entry=f"article {art.article_id}",
                field="unreviewed",
                expected="each proposal checked against the text and removed from `unreviewed` (or status: draft)",
            )
        todo = _may_hold_todo(art)
        for i, st in enumerate(art.statements, 1):
            problem = _uncoded(st, todo)
            if problem:
                field, message, expected = problem
                raise CurationError(
                    file,
                    message,
                    line=st.line_of(field),
                    entry=f"statements #{i} (statement_id={st.statement_id})",
                    field=field,
                    expected=expected,
                )
        for entry, field, value, line in _placeholders(art) if todo else ():
            raise CurationError(
                file,
                f"accepted with a placeholder left in {field} ({value!r})",
                line=line,
                entry=entry,
                field=field,
                expected="the value the placeholder stands for (an actor_id of actors.yaml or of new_actors)",
            )


def _may_hold_todo(art: Article) -> bool:
    """Whether any string in the article could start with `TODO` (then it is walked for them). Its
    JSON, made by pydantic's own serializer, writes every such value as `"TODO...`: one search there
    costs a third of the walk, which finds none in almost every accepted article."""
    try:
        return '"TODO' in art.model_dump_json()
    except Exception:  # a value the serializer does not take: walk the article
        return True


def _placeholders(art: Article) -> Iterator[tuple[str, str, str, int | None]]:
    """Every `TODO…` value a draft left anywhere in the article: new entries, article fields, nested."""
    for name, key in _keys(type(art)):
        value = getattr(art, name)
        if isinstance(value, list) and value and isinstance(value[0], Model):
            for i, item in enumerate(value, 1):
                for field, found, owner, at in _todo(item, "", item, ""):
                    yield f"{key} #{i}", field, found, owner.line_of(at)
        else:
            for field, found, owner, at in _todo(value, key, art, key):
                yield f"article {art.article_id}", field, found, owner.line_of(at)


_KEYS: dict[type, tuple[tuple[str, str], ...]] = {}


def _keys(model: type[Model]) -> tuple[tuple[str, str], ...]:
    """Each field's Python name with the key a curator writes for it (once per model class)."""
    if model not in _KEYS:
        fields = model.model_fields.items()
        _KEYS[model] = tuple((n, f.alias or n) for n, f in fields if n not in ("line", "keylines"))
    return _KEYS[model]


def _todo(value: Any, path: str, owner: Model, at: str) -> Iterator[tuple[str, str, Model, str]]:
    """Each `TODO…` string under `value`, with its path and the entry and key whose line it is
    reported at (the line is looked up only for a placeholder found)."""
    if isinstance(value, str):
        if value.startswith("TODO"):
            yield path, value, owner, at
    elif isinstance(value, Model):
        for name, key in _keys(type(value)):
            yield from _todo(getattr(value, name), f"{path}.{key}".strip("."), value, key)
    elif isinstance(value, list):
        for item in value:
            yield from _todo(item, path, owner, at)


def _uncoded(st: Statement, todo: bool = True) -> tuple[str, str, str] | None:
    if st.unreviewed:
        return (
            "unreviewed",
            f"accepted, but {len(st.unreviewed)} proposal(s) still unreviewed: {_fields(st.unreviewed)}",
            "each field checked against the text (and the precedents) and removed from `unreviewed`",
        )
    written = st.model_dump(by_alias=True) if todo else {}  # keyed as the curator writes them
    todo_fields = [f for f in CODED if str(written.get(f, "")).startswith("TODO")]
    if todo_fields:
        return (
            todo_fields[0],
            f"accepted with a placeholder left in {', '.join(todo_fields)} ({written[todo_fields[0]]!r})",
            "an actor_id (a new actor goes in the article's new_actors, with its evidence)",
        )
    missing = [f for f in CODED if f not in st.keylines]
    if missing:
        return (
            missing[0],
            f"accepted statement does not code {', '.join(missing)} (a missing field is not a coded one)",
            "every coded field written out: a value, or null where the schema allows (its nullMeaning)",
        )
    p = st.plover
    if p is not None and ("target" not in p.keylines or (p.target is None and not p.target_note)):
        return (
            "plover",
            "plover.target is not coded (the actor acted upon, or null with a target_note)",
            "plover.target: an actor_id, or null with plover.target_note saying why",
        )
    if st.said_date is None and not st.said_date_note:
        return ("said_date_note", "said_date is null with no said_date_note", "a note saying why no date is given")
    return None


def _fields(items: list[str]) -> str:
    """The field each review line names ("channel: interview (0.80; ...)" -> "channel")."""
    return ", ".join(dict.fromkeys(re.split(r":| \(", item, maxsplit=1)[0].strip() for item in items))


def merge_new_entries(
    articles: list[Article],
    actors: list[Actor],
    utterances: list[Utterance],
    affiliations: list[Affiliation],
    folder: str,
) -> tuple[list[Actor], list[Utterance], list[Affiliation], list[Meeting]]:
    """The curated entries plus those first attested by accepted articles (evidence and a meeting's
    reports default to that article); the articles' new meetings apart, as meetings.yaml's own rows
    may come from the build cache."""
    from ...errors import CurationError, nearest

    actors, utterances, affiliations = list(actors), list(utterances), list(affiliations)
    meetings: list[Meeting] = []
    for art in articles:
        if art.status != "accepted":
            continue
        file = f"{folder}/{art.article_id}.yaml"
        actors += [
            _from(a.model_copy(update={"evidence": _here(a.evidence, art)}), file, f"new_actors #{j}")
            for j, a in enumerate(art.new_actors, 1)
        ]
        utterances += [_from(u.model_copy(), file, f"new_utterances #{j}") for j, u in enumerate(art.new_utterances, 1)]
        affiliations += [
            _from(a.model_copy(update={"evidence": _here(a.evidence, art)}), file, f"new_affiliations #{j}")
            for j, a in enumerate(art.new_affiliations, 1)
        ]
        meetings += [
            _from(_reported_here(m, art), file, f"new_meetings #{j}") for j, m in enumerate(art.new_meetings, 1)
        ]
        by_id = {a.actor_id: i for i, a in enumerate(actors)}
        for j, alias in enumerate(art.new_aliases, 1):
            if alias.actor not in by_id:
                raise CurationError(
                    f"{folder}/{art.article_id}.yaml",
                    f"unknown actor {alias.actor!r}",
                    line=alias.line,
                    entry=f"new_aliases #{j}",
                    field="actor",
                    expected="an actor_id of actors.yaml or of this article's new_actors",
                    suggestions=nearest(alias.actor, by_id),
                )
            actor = actors[by_id[alias.actor]]
            if any(a.alias == alias.text for a in actor.alias_entries()):
                continue  # proposed by two articles: one alias
            entry = Alias(text=alias.text, alias_type=alias.alias_type, note=alias.note)
            actors[by_id[alias.actor]] = actor.model_copy(update={"aliases": [*actor.aliases, entry]})
    return actors, utterances, affiliations, meetings


def _reported_here(meeting: Meeting, art: Article) -> Meeting:
    reports = [r.model_copy(update={"article": r.article or art.article_id}) for r in meeting.reports]
    return meeting.model_copy(update={"reports": reports})


def _from(entry: M, file: str, place: str) -> M:
    entry._file = file
    entry._entry = place
    return entry


def _here(ref: SpanRef, art: Article) -> SpanRef:
    return ref if ref.article else ref.model_copy(update={"article": art.article_id})
