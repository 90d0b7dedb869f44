"""Reading data/curation/: YAML parsed safely into the strict models, errors naming file, line, entry and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError

from ...errors import CurationError, nearest
from .models import (
    Actor,
    Affiliation,
    Article,
    Curation,
    Disambiguation,
    Event,
    Meeting,
    MilitiaGroup,
    Model,
    PackageMeta,
    Reference,
    Utterance,
)

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
        references=listed("references.yaml", Reference, "reference_id", optional=True),
    )

