"""Reading data/curation/: YAML parsed safely into the strict models, errors naming file, line, entry and field."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError

from ...errors import CurationError, nearest
from ..cache import MISSING, BuildCache, EntryStore, _digest
from ..pool import BuildPool
from .coded import check_coded, merge_new_entries
from .models import (
    Actor,
    Affiliation,
    Article,
    ArticleStub,
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
    """SafeLoader (no object construction) that remembers where each mapping and key is, for messages."""


LINE = "__line__"
KEYLINES = "__keylines__"
MAX_DEPTH = 32
"""Deepest nesting of mappings and lists a curation file may have (the deepest real one is 4)."""
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
"""Integers are stored as int64."""


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML a curation file may not hold (a duplicate key, nesting too deep, an integer too
    large): reported as it is, never retried by the full loader."""

    def __init__(self, problem: str, mark: Any, expected: str) -> None:
        super().__init__(problem=problem, problem_mark=mark)
        self.expected = expected


def _duplicate(key: Any, line: int, first: int, mark: Any) -> _Refused:
    return _Refused(
        f"duplicate key {str(key)[:80]!r} at line {line}; it is first given at line {first} (YAML would keep only "
        "the last value, silently)",
        mark,
        "each key once per entry (merge the two values, or remove one)",
    )


def _too_deep(mark: Any) -> _Refused:
    return _Refused(
        f"nesting deeper than {MAX_DEPTH} levels of mappings and lists", mark, "the flat layout of docs/curation.md"
    )


def _construct_mapping(loader: _SafeLineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    keylines: dict[str, int] = {}
    for k, _ in node.value:
        key, line = str(k.value), k.start_mark.line + 1
        if key in keylines:
            raise _duplicate(k.value, line, keylines[key], k.start_mark)
        keylines[key] = line
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
    mapping[KEYLINES] = keylines
    return mapping


def _construct_int(loader: _SafeLineLoader, node: yaml.ScalarNode) -> int:
    """An integer within int64; its digits are counted before conversion (a 5,000-digit number
    would otherwise stop Python's own conversion with a traceback)."""
    digits = sum(c.isalnum() for c in str(node.value))
    value = yaml.constructor.SafeConstructor.construct_yaml_int(loader, node) if digits <= 70 else None
    if value is None or not INT_MIN <= value <= INT_MAX:
        shown = node.value if len(node.value) <= 30 else f"{node.value[:20]}... ({len(node.value)} characters)"
        raise _Refused(
            f"integer {shown} is out of range", node.start_mark, f"an integer between {INT_MIN} and {INT_MAX}"
        )
    return value


def _construct_timestamp(loader: _SafeLineLoader, node: yaml.ScalarNode) -> Any:
    """A date-like scalar; an impossible date (2020-13-01) is an error at its line, not a traceback."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"impossible date {node.value!r} ({exc}); expected a real date YYYY-MM-DD", node.start_mark
        ) from None


_SafeLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_SafeLineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_SafeLineLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)

_STR = "tag:yaml.org,2002:str"
_WILDCARD = tuple(_SafeLineLoader.yaml_implicit_resolvers.get(None, []))
_IMPLICIT = {c: (*rs, *_WILDCARD) for c, rs in _SafeLineLoader.yaml_implicit_resolvers.items() if c is not None}
_MAPPING = object()
"""Marks a mapping frame's pending key as absent (a key can be None)."""


class _Unusual(Exception):
    """A construct the event reader leaves to the full loader (anchor, alias, tag, merge key, complex key)."""


def _load_events(text: str) -> Any:
    """The same value `yaml.load(text, Loader=_SafeLineLoader)` gives, built straight from libyaml's
    events: no node tree, no generic constructor, scalars resolved by the loader's own implicit
    resolvers and non-string ones constructed by its own constructors. Raises on anything unusual,
    and on every error, so the caller falls back to the full loader and its messages."""
    loader = _SafeLineLoader(text)
    try:
        get = loader.get_event
        get()  # stream start
        event = get()
        if type(event) is yaml.StreamEndEvent:
            return None
        root = _document(loader)
        if type(get()) is not yaml.StreamEndEvent:
            raise _Unusual  # a second document: the full loader reports it
        return root
    finally:
        loader.dispose()


def _document(loader: _SafeLineLoader) -> Any:
    """One document's value, from the event after its start to its end. A scalar, most events, is
    placed here without a call per event (a quarter of the reader's own time at N = 1,000)."""
    root: Any = None
    # a frame: [container, keylines or None for a list, pending key, pending key's raw text]
    stack: list[list[Any]] = []
    get, scalar_event = loader.get_event, yaml.ScalarEvent
    while True:
        event = get()
        kind = type(event)
        if kind is scalar_event:
            if event.anchor is not None:
                raise _Unusual
            value = _scalar(loader, event)
            if stack and stack[-1][2] is _MAPPING:
                _key(stack[-1], value, event)
                continue
        elif kind is yaml.DocumentEndEvent:
            return root
        else:
            value = _value(event, kind, stack)
            if value is _OPENED:
                continue
        if not stack:
            root = value
        else:
            _place(stack[-1], value)


_OPENED = object()
"""What `_value` returns for a mapping or list that has just begun (its value comes at its end)."""


def _value(event: Any, kind: type, stack: list[list[Any]]) -> Any:
    """The value a collection event completes (a mapping or list at its end); `_OPENED` when it
    begins one, pushed on `stack`."""
    if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
        if event.anchor is not None or event.tag not in (None, "!"):
            raise _Unusual
        if len(stack) >= MAX_DEPTH:
            raise _too_deep(event.start_mark)
        if kind is yaml.MappingStartEvent:
            stack.append([{}, {}, _MAPPING, event.start_mark.line + 1])
        else:
            stack.append([[], None, None, None])
        return _OPENED
    if kind is yaml.MappingEndEvent:
        mapping, keylines, _, line = stack.pop()
        mapping[LINE] = line
        mapping[KEYLINES] = keylines
        return mapping
    if kind is yaml.SequenceEndEvent:
        return stack.pop()[0]
    raise _Unusual


def _key(frame: list[Any], value: Any, event: Any) -> None:
    """A mapping's next key (a scalar), with its line; a repeated key is an error at its line."""
    frame[2] = value
    key, line = str(event.value), event.start_mark.line + 1
    keylines = frame[1]
    if key in keylines:
        raise _duplicate(event.value, line, keylines[key], event.start_mark)
    keylines[key] = line


def _place(frame: list[Any], value: Any) -> None:
    """Put a completed value in its container: appended to a list, or as a mapping's value (a
    collection as a mapping's key is left to the full loader)."""
    if frame[1] is None:
        frame[0].append(value)
    elif frame[2] is _MAPPING:
        raise _Unusual
    else:
        frame[0][frame[2]] = value
        frame[2] = _MAPPING


_NULL, _BOOL = "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool"
_SAFE = yaml.constructor.SafeConstructor
_DIRECT = (
    _SafeLineLoader.yaml_constructors.get(_NULL) is _SAFE.construct_yaml_null
    and _SafeLineLoader.yaml_constructors.get(_BOOL) is _SAFE.construct_yaml_bool
)
"""Whether null and bool are the safe constructors' own (then made here without a node)."""


def _scalar(loader: _SafeLineLoader, event: Any) -> Any:
    """A scalar's value exactly as the loader's resolver and constructors would make it."""
    tag, value = event.tag, event.value
    if tag is None or tag == "!":
        if not event.implicit[0]:
            return value
        for candidate, regexp in _IMPLICIT.get(value[0] if value else "", _WILDCARD):
            if regexp.match(value):
                tag = candidate
                break
        else:
            return value
        if _DIRECT and tag == _NULL:
            return None
        if _DIRECT and tag == _BOOL:
            return _SAFE.bool_values[value.lower()]
    if tag == _STR:
        return value
    construct = loader.yaml_constructors.get(tag)
    if construct is None:
        raise _Unusual
    return construct(loader, yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style))


# Cheap test before a token scan: could the text hold an anchor (&x) or alias (*x) at all?
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\[\]{}]+", re.MULTILINE)

_HINTS = (
    (
        "mapping values are not allowed",
        "either this line is indented more than the key above it, or a value containing ': ' must be quoted "
        '(note: "as he said: ...")',
    ),
    ("could not find expected ':'", "a key without ':' or a quoted value left open; check this line and the one above"),
    ("found character '\\t'", "tabs are not allowed in YAML; indent with spaces"),
    ("expected <block end>", "this line is indented differently from its siblings; align it with the entry above"),
    ("did not find expected key", "this line is indented differently from its siblings; align it with the entry above"),
    ("did not find expected '-'", "a list item must start with '- ' at the list's indentation"),
    ("found unexpected end of stream", "a quote or bracket is opened and never closed"),
    ("while scanning a quoted scalar", "a quoted value is not closed, or holds an unescaped quote of its own kind"),
    ("found undefined alias", "curation files hold no anchors or aliases; write the value out"),
)


def _hint(text: str) -> str:
    return next((h for key, h in _HINTS if key in text), "")


def read_yaml(path: Path, root: Path, *, optional: bool = False) -> Any:
    """Parse one YAML file safely; every problem names the file and line, with a hint where one helps."""
    rel = _rel(path, root)
    if not path.exists() and not path.is_symlink():
        if optional:
            return []
        raise CurationError(rel, "file is missing", expected="a YAML file (see docs/curation.md)")
    refuse_foreign(path, root, rel)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CurationError(rel, f"not UTF-8 text (byte {exc.start})", expected="a UTF-8 YAML file") from None
    if not text.strip():
        raise CurationError(rel, "file is empty", expected="YAML content (see docs/curation.md)")
    if ("&" in text or "*" in text) and _MAYBE_ANCHOR.search(text):  # the regex alone costs a parse's quarter
        _refuse_anchors(text, rel)
    try:
        return _load_events(text)
    except _Refused as exc:
        raise _refused(exc, rel) from None
    except Exception:  # anything the fast reader does not take, or a real error: the full loader says which
        pass
    try:
        _check_depth(text)  # before the full loader, whose composer recurses (in C: a segfault)
        return yaml.load(text, Loader=_SafeLineLoader)
    except _Refused as exc:
        raise _refused(exc, rel) from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, rel) from None
    except yaml.YAMLError as exc:
        raise CurationError(rel, f"YAML error: {exc}") from None


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH, from the parser's events alone (no node is built); a
    syntax error is left to the full loader, which meets it at the same place."""
    loader = _SafeLineLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep(event.start_mark)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except _Refused:
        raise
    except yaml.YAMLError:
        return
    finally:
        loader.dispose()


def _refused(exc: _Refused, rel: str) -> CurationError:
    mark = exc.problem_mark
    return CurationError(
        rel,
        f"{exc.problem}",
        line=mark.line + 1 if mark else None,
        expected=exc.expected,
    )


def refuse_foreign(path: Path, root: Path, rel: str) -> None:
    """A file the build reads must be a regular file inside the repository: a symbolic link (say, to
    a credentials file) or a device, FIFO or file elsewhere is refused unread, so no line of it
    can reach a message or a table."""
    if path.is_symlink():
        raise CurationError(
            rel, "is a symbolic link (not followed, not read)", expected="a regular file in the repository"
        )
    try:
        outside = not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        outside = True
    if outside:
        raise CurationError(rel, "lies outside the repository (not read)", expected="a regular file in the repository")
    if not path.is_file():
        raise CurationError(rel, "is not a regular file (not read)", expected="a regular file in the repository")


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, rel: str) -> CurationError:
    mark = exc.problem_mark or exc.context_mark
    problem = " ".join(p for p in (exc.context, exc.problem) if p)
    where = ""
    if exc.context_mark and mark and exc.context_mark.line != mark.line:
        where = f" (the construct began at line {exc.context_mark.line + 1})"
    lines = text.splitlines()
    shown = ""
    if mark and mark.line < len(lines):
        shown = f"; the line reads {lines[mark.line].strip()[:80]!r}"
    hint = _hint(problem)
    return CurationError(
        rel,
        f"YAML syntax error at line {mark.line + 1 if mark else '?'}, column {mark.column + 1 if mark else '?'}: "
        f"{problem}{where}{shown}",
        line=mark.line + 1 if mark else None,
        expected=hint or None,
    )


def _refuse_anchors(text: str, rel: str) -> None:
    """An anchor or alias shares one value between entries: editing one silently edits the others."""
    try:
        for token in yaml.scan(text):
            if isinstance(token, yaml.AnchorToken | yaml.AliasToken):
                sign = "&" if isinstance(token, yaml.AnchorToken) else "*"
                raise CurationError(
                    rel,
                    f"YAML {'anchor' if sign == '&' else 'alias'} {sign}{token.value} is not allowed: an anchor "
                    "shares one value between entries, so editing one silently edits the others",
                    line=token.start_mark.line + 1,
                    expected="the value written out in full in each entry",
                )
    except yaml.MarkedYAMLError:
        return  # a syntax error: the parser reports it with its line


def _locate(raw: Any, loc: tuple[Any, ...], model: type[Model]) -> tuple[int | None, str]:
    """The line of the value at pydantic location `loc`, and a readable path to it (1-based items)."""
    line = raw.get(LINE) if isinstance(raw, dict) else None
    parts: list[str] = []
    current: Any = raw
    owner: Any = model
    for part in loc:
        if isinstance(part, int):
            item = current[part] if isinstance(current, list) and part < len(current) else None
            ident = _ident(item, owner)
            if parts:
                parts[-1] += f" #{part + 1}" + (f" ({ident})" if ident else "")
            if isinstance(item, dict):
                line = item.get(LINE, line)
            current = item
            continue
        key = str(part)
        if isinstance(current, dict):
            line = current.get(KEYLINES, {}).get(key, line)
            current = current.get(key)
        else:
            current = None
        parts.append(key)
        owner = _owner_of(owner, key)
    return line, ".".join(parts)


def _ident(item: Any, owner: Any) -> str | None:
    if not isinstance(item, dict):
        return None
    for key in ("statement_id", "issue_id", "actor_id", "affiliation_id", "meeting_id", "event_id", "utterance_id"):
        if key in item:
            return f"{key}={item[key]}"
    return None


def _field(owner: Any, key: str) -> Any:
    """The model field a curator's key names: its alias where it has one (`speaker` for speaker_id)."""
    if not (isinstance(owner, type) and issubclass(owner, Model)):
        return None
    return next((f for n, f in owner.model_fields.items() if (f.alias or n) == key), None)


def _owner_of(owner: Any, key: str) -> Any:
    field = _field(owner, key)
    if field is None:
        return None
    candidates = [a for a in _flatten(field.annotation) if isinstance(a, type) and issubclass(a, Model)]
    return candidates[0] if candidates else None


def _keys(owner: Any) -> list[str]:
    return [f.alias or n for n, f in owner.model_fields.items() if n not in ("line", "keylines")] if owner else []


def parse(model: type[M], raw: Any, file: str, entry: str | None = None) -> M:
    """Validate one YAML value into `model`, turning the first problem into one CurationError."""
    if not isinstance(raw, dict):
        raise CurationError(
            file, f"expected a mapping (key: value lines), got {type(raw).__name__}", entry=entry, expected=None
        )
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors()
        err = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
        loc = tuple(err["loc"])
        if err["type"] == "extra_forbidden":
            line, path = _locate(raw, loc, model)
            owner: Any = model
            for part in loc[:-1]:
                if not isinstance(part, int):
                    owner = _owner_of(owner, str(part))
            valid = _keys(owner)
            raise CurationError(
                file,
                "unknown key",
                line=line,
                entry=entry,
                field=path,
                expected="one of " + ", ".join(valid),
                suggestions=nearest(str(loc[-1]), valid),
            ) from None
        line, path = _locate(raw, loc, model)
        if err["type"] == "missing":
            raise CurationError(file, "required key is missing", line=line, entry=entry, field=path) from None
        allowed = _literal_values(model, loc)
        if err["type"] == "literal_error":  # a code of a closed vocabulary: the codes are listed below
            message = f"unknown code {err.get('input')!r}"
        else:
            message = f"{err['msg']} (got {err.get('input')!r})"
        raise CurationError(
            file,
            message,
            line=line,
            entry=entry,
            field=path,
            expected=("one of " + ", ".join(allowed)) if allowed else None,
            suggestions=nearest(str(err.get("input")), allowed) if allowed else None,
        ) from None


def _literal_values(model: type[Model], loc: tuple[Any, ...]) -> list[str]:
    """The allowed values when the field at `loc` is a Literal (a code), or a list of them (topics)."""
    import typing

    keys = [str(p) for p in loc if not isinstance(p, int)]
    owner: Any = model
    for part in keys[:-1]:
        owner = _owner_of(owner, part)
    field = _field(owner, keys[-1]) if keys else None
    if field is None:
        return []
    return [str(a) for a in _flatten(field.annotation) if isinstance(a, str)] or [
        str(v) for t in _flatten(field.annotation) for v in typing.get_args(t)
    ]


def _flatten(annotation: Any) -> list[Any]:
    import typing

    if typing.get_origin(annotation) is typing.Literal:
        return list(typing.get_args(annotation))
    args = typing.get_args(annotation)
    if not args:
        return [annotation]
    out: list[Any] = []
    for a in args:
        out.extend(_flatten(a))
    return out


def _entries(model: type[M], raw: Any, file: str, id_key: str) -> list[M]:
    """Each item of a list file's parsed YAML (`raw`, emptied meanwhile) validated into `model`."""
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise CurationError(file, f"expected a list of entries ('- ' items), got {type(raw).__name__}")
    out = []
    for i, item in enumerate(raw, 1):
        ident = item.get(id_key) if isinstance(item, dict) else None
        out.append(parse(model, item, file, f"entry #{i}" + (f" ({id_key}={ident})" if ident else "")))
        raw[i - 1] = None  # its parsed YAML released once it is a model: a long file's peak is not both
    return out


def _unique(items: Callable[[], Iterable[tuple[str, Any, str]]], id_key: str, entries: Iterable[Any]) -> None:
    """Each id of `entries` once: a repeat is reported at the repeat, naming where the first one is
    (`items` gives each entry with its file and label, made only when there is a repeat to report)."""
    ids = [getattr(e, id_key) for e in entries]
    if len(set(ids)) == len(ids):
        return
    first: dict[Any, tuple[str, Any]] = {}
    for file, entry, label in items():
        ident = getattr(entry, id_key)
        if ident in first:
            where, earlier = first[ident]
            raise CurationError(
                file,
                f"duplicate {id_key} {ident!r}; it is first used in {where} at line {earlier.line}",
                line=entry.line,
                entry=label,
                field=id_key,
                expected=f"each {id_key} used once in the curation (rename one of them)",
            )
        first[ident] = (file, entry)


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


POOL_MIN_BYTES = 4_000_000
"""Below this much curation YAML one process reads it faster than a pool starts."""


def _read_list(path: Path, root: Path) -> Any:
    """A list file's entries, parsed and validated in a worker; None on any error (the caller
    reads the file again itself, in its order, for the error)."""
    model, id_key, optional = LISTS[path.name]
    try:
        return _entries(model, read_yaml(path, root, optional=optional), _rel(path, root), id_key)
    except Exception:  # the caller re-reads it and raises the error, in the serial order
        return None


ROWS_STORED = "rows stored"
"""What a worker hands back for a list file whose rows it stored in the build cache (`shardpool.list_rows`)."""


def _list_task(path: Path, root: Path, store: EntryStore | None) -> tuple[Any, ...]:
    """A worker's task for a list file: with the cache, a file whose rows read only it and the
    texts (ROWED) has its models and rows made and stored by the worker, which hands back only
    that it did (the loader then meets it as a file whose rows are cached, and never holds its
    models); else its entries are parsed and handed back."""
    if store is not None and store.usable and path.name in ROWED:
        return _stored_rows, path, root
    return _read_list, path, root


def _stored_rows(path: Path, root: Path) -> str | None:
    """In a worker: `shardpool.list_rows`, ROWS_STORED when it stored them; None on any error (the
    loader reads the file itself, in its order, and the assembler makes its rows and errors)."""
    from ..shardpool import list_rows

    try:
        return ROWS_STORED if list_rows(path, root) else None
    except Exception:  # the caller re-reads it and raises the error, in the serial order
        return None


def _read_articles(paths: list[Path], root: Path, store: EntryStore | None) -> list[Any]:
    """Each article of a chunk parsed, validated and checked in a worker (`_read_article`)."""
    out = []
    for path in paths:
        try:
            out.append(_read_article(path, root, store))
        except Exception:  # the caller re-reads it and raises the error, in the serial order
            out.append(None)
    return out


def _read_article(path: Path, root: Path, store: EntryStore | None) -> Any:
    """An article's model, the SHA-256 of the bytes it was parsed from (None without a cache),
    whether it passed `check_coded` (the caller checks the others in file order) and whether its
    model and stub were stored in the cache (only for bytes unchanged during the read). A stored
    article comes back as its stub: the loader's process never holds every article's model (a
    quarter of a megabyte each), the assembler loads each from the cache when it makes its rows."""
    before = _digest(path) if store else None
    art = parse(Article, read_yaml(path, root), _rel(path, root))
    if art.article_id != path.stem:
        return None
    try:
        check_coded([art], _rel(path.parent, root))
    except CurationError:
        return art, before, False, False
    stub = ArticleStub.of(art)
    if store and before and store.keep_article(path, before, art, stub):
        return stub, before, True, True  # the build reads its model from the cache when it makes its rows
    return art, before, True, False


def _size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else 0


ARTICLE_CHUNK = 16
"""Articles per task of the loader's pool: small, so results stream back in file order."""


class _Reads:
    """Curation files read ahead by a process pool when there is enough YAML to pay: the list files'
    entries, and the articles as `_read_article` gives them, streamed back in file order (the
    loader takes each as it reaches it, so no process holds every file's parsed YAML at once). A
    file a worker could not read is left out: the loader's own read, in its order, raises the error."""

    def __init__(
        self,
        lists: list[Path],
        articles: list[Path],
        root: Path,
        store: EntryStore | None,
        pool: BuildPool | None = None,
    ) -> None:
        self.owner = pool or BuildPool()  # a pool of its own is shut down by `close`; a shared one by its owner
        self.own = pool is None
        self.pool: ProcessPoolExecutor | None = None
        self.futures: dict[Path, Any] = {}
        self.pending: set[Path] = set()
        self.stream: Iterator[tuple[Path, Any]] = iter(())
        self.start(lists, articles, root, store)

    def start(self, lists: list[Path], articles: list[Path], root: Path, store: EntryStore | None) -> None:
        paths = [*lists, *articles]
        if sum(map(_size, paths)) < POOL_MIN_BYTES:
            return
        self.pool = self.owner.executor()
        if self.pool is None:
            return
        try:
            self.futures = {
                p: self.pool.submit(*_list_task(p, root, store)) for p in sorted(lists, key=_size, reverse=True)
            }
            chunks = [articles[i : i + ARTICLE_CHUNK] for i in range(0, len(articles), ARTICLE_CHUNK)]
            results = self.pool.map(_read_articles, chunks, [root] * len(chunks), [store] * len(chunks))
        except Exception:  # no pool on this machine (or it broke): the loader reads every file itself
            self.close()
            return
        self.pending = set(articles)
        self.stream = (pair for chunk, values in zip(chunks, results) for pair in zip(chunk, values))

    def article(self, path: Path) -> Any:
        """The worker's result for `path` (the next article in file order), or None when not read ahead."""
        if path not in self.pending:
            return None
        self.pending.discard(path)
        try:
            for got, value in self.stream:
                if got == path:
                    return value
        except Exception:  # the pool broke: this file and the rest are read by the loader
            self.pending.clear()
        return None

    def listed(self) -> tuple[dict[Path, Any], set[Path]]:
        """The list files' entries as the workers parsed them, and the files whose rows a worker
        stored in the build cache instead (a file that failed is in neither: the loader reads it)."""
        out, rows = {}, set()
        for path, future in self.futures.items():
            try:
                value = future.result()
            except Exception:  # the pool broke: the loader reads the file itself
                continue
            if value == ROWS_STORED:  # a copy: it came through the pool's pipe
                rows.add(path)
            elif value is not None:
                out[path] = value
        return out, rows

    def close(self) -> None:
        if self.own:
            self.owner.close()
        self.pool = None


def load_curation(folder: Path, root: Path, cache: BuildCache | None = None, pool: BuildPool | None = None) -> Curation:
    """Read every curation file. Per-article files live in `articles/`, one per article. With a
    build cache, a file whose bytes are unchanged since a previous build is not parsed again, and
    such an article is an `ArticleStub` (its model comes from `article_model` when needed). With
    `pool`, its workers read ahead (started only when there is enough YAML) and are left running
    for the assembler."""

    def rel(name: str) -> str:
        return _rel(folder / name, root)

    article_dir = folder / "articles"
    article_paths = sorted(article_dir.glob("*.yaml"))
    paths = [*article_paths, *(folder / n for n in LISTS)]
    # an unchanged article is loaded as its stub (what the build reads of it), its model left in the cache
    stubs = {p: v for p in article_paths if (v := cache.stub(p) if cache else MISSING) is not MISSING}
    # a list file whose rows read nothing else than it and the texts may have its rows cached: not loaded
    rowed = {p for p in (folder / n for n in ROWED) if cache and cache.list_rows(p) is not MISSING}
    skip = stubs.keys() | rowed
    cached = {p: v for p in paths if p not in skip and (v := cache.parsed(p) if cache else MISSING) is not MISSING}
    unread = [p for p in paths if p not in cached and p not in skip]
    package = parse(PackageMeta, read_yaml(folder / "package.yaml", root), rel("package.yaml"))
    lists = [p for p in unread if p.parent == folder]
    reads = _Reads(lists, [p for p in unread if p.parent != folder], root, cache.store() if cache else None, pool)
    try:
        articles, parsed = _articles(article_paths, root, cache, stubs, cached, reads)
        read, stored = reads.listed()
    finally:
        reads.close()
    # a list file whose rows a worker made and stored (`_list_task`) is then met as one whose rows are cached
    rowed |= {p for p in stored if cache and cache.list_rows(p, made=True) is not MISSING}

    def listed(name: str) -> list[Any]:
        path = folder / name
        if path in rowed:
            return []  # its rows come from the cache (`BuildCache.found_rows`); it was checked with these bytes
        return list_entries(path, root, cache, *LISTS[name], cached, read)

    article_folder = rel("articles")  # once: a relative path costs more than the lookups below
    for kind, id_key in (("statements", "statement_id"), ("issues", "issue_id")):
        _unique(
            lambda kind=kind: [
                (f"{article_folder}/{a.article_id}.yaml", item, f"{kind} #{i}")
                for a in articles
                for i, item in enumerate(getattr(a, kind), 1)
            ],
            id_key,
            (item for a in articles for item in getattr(a, kind)),
        )
    # An article's models are cached only once they pass check_coded (a check of that article
    # alone), so one from the cache has passed it with these bytes and this code: only the others
    # are checked, and the first to fail is still the first in file order.
    check_coded([art for _, art, checked in parsed if not checked], article_folder)
    if cache:
        for path, art, _ in parsed:
            cache.keep_parsed(path, art)
            cache.keep_stub(path, ArticleStub.of(art))
    actors, utterances, affiliations, article_meetings = merge_new_entries(
        articles,
        listed("actors.yaml"),
        listed("utterances.yaml"),
        listed("affiliations.yaml"),
        article_folder,
    )
    if folder / "utterances.yaml" in rowed:
        utterances = _rowed_merged(folder / "utterances.yaml", root, cache, utterances, "utterances")
    if folder / "affiliations.yaml" in rowed:
        affiliations = _rowed_merged(folder / "affiliations.yaml", root, cache, affiliations, "affiliations")
    for name, entries, id_key in (
        ("actors.yaml", actors, "actor_id"),
        ("utterances.yaml", utterances, "utterance_id"),
        ("affiliations.yaml", affiliations, "affiliation_id"),
    ):
        file = rel(name)
        _unique(
            lambda file=file, entries=entries: [(e.file or file, e, e.entry_at(i)) for i, e in enumerate(entries, 1)],
            id_key,
            entries,
        )
    meetings, events = listed("meetings.yaml"), listed("events.yaml")
    if article_meetings:  # an article's new meeting may not take an id meetings.yaml (or another article) uses
        every = (
            _rowed_merged(folder / "meetings.yaml", root, cache, article_meetings, "meetings")
            if folder / "meetings.yaml" in rowed
            else [*meetings, *article_meetings]
        )
        file = rel("meetings.yaml")
        _unique(lambda: [(e.file or file, e, e.entry_at(i)) for i, e in enumerate(every, 1)], "meeting_id", every)
    return Curation.model_construct(  # unvalidated: the entries are models already, an article maybe a stub
        package=package,
        actors=actors,
        disambiguations=listed("disambiguation.yaml"),
        articles=articles,
        utterances=_shed(folder / "utterances.yaml", cache, utterances),
        meetings=_shed(folder / "meetings.yaml", cache, meetings),
        article_meetings=article_meetings,
        events=_shed(folder / "events.yaml", cache, events),
        militia_groups=listed("militia_groups.yaml"),
        affiliations=_shed(folder / "affiliations.yaml", cache, affiliations),
        references=listed("references.yaml"),
    )


SHED = ("utterances.yaml", "meetings.yaml", "events.yaml", "affiliations.yaml")
"""The long list files (ROWED) whose own entries, once checked, the loader leaves in the build cache:
the assembler reads each back when it makes that file's rows, after the articles' rows (utterances.yaml
at N = 1,000 copies is 54 MB of YAML), so their models are not held through the articles' assembly."""


def _shed(path: Path, cache: BuildCache | None, entries: list[M]) -> list[M]:
    """`entries` without the file's own when they are in the cache as parsed (with the bytes hashed in
    this build): only the articles' new ones (`merge_new_entries` put them after the file's)."""
    if not (cache and path.name in SHED and path.name not in cache.found_rows and cache.holds_model(path)):
        return entries  # rows from the cache (nothing of the file loaded), or no models there to read back
    cache.shed.add(path.name)
    return [e for e in entries if e.file is not None]


def shed_entries(path: Path, cache: BuildCache, new: list[M]) -> list[M]:
    """A list file's entries as the loader had them before `_shed`: the file's own, from the cache,
    else parsed again from the file, which must still hold the bytes it checked; then `new`."""
    if path.name not in cache.shed:
        return new
    model, id_key = ROWED[path.name]
    own = cache.model(path)
    if own is MISSING:
        rel = _rel(path, cache.root)
        own = _entries(model, read_yaml(path, cache.root, optional=True), rel, id_key)
        if not cache.same_bytes(path):
            raise CurationError(
                rel, "changed while the build read it", expected="the build run again once edits are saved"
            )
    return [*own, *new]


def _articles(
    paths: list[Path],
    root: Path,
    cache: BuildCache | None,
    stubs: dict[Path, Any],
    cached: dict[Path, Any],
    reads: _Reads,
) -> tuple[list[Any], list[tuple[Path, Article, bool]]]:
    """Every article in file order (a stub, a cached model or one parsed now), and the models parsed
    now and not stored by a worker, with whether `check_coded` passed already."""
    articles: list[Any] = []
    parsed: list[tuple[Path, Article, bool]] = []
    for path in paths:
        if path in stubs:
            articles.append(stubs[path])
            continue
        if path in cached:
            articles.append(cached[path])
            if cache:
                cache.keep_stub(path, ArticleStub.of(cached[path]))
            continue
        got = reads.article(path)
        if got is not None and (cache is None or cache.digests.get(path) == got[1]):
            art, digest, checked, stored = got
            articles.append(art)
            if stored and cache is not None:
                cache.stored(path, digest)  # a stub: its model is read from the cache by `article_model`
            else:
                parsed.append((path, art, checked))
            continue
        raw = read_yaml(path, root)
        art = parse(Article, raw, _rel(path, root))
        if art.article_id != path.stem:
            raise CurationError(
                _rel(path, root),
                f"article_id {art.article_id!r} does not match the file name",
                line=raw.get(KEYLINES, {}).get("article_id"),
                field="article_id",
                expected=repr(path.stem),
            )
        articles.append(art)
        parsed.append((path, art, False))
    return articles, parsed


LISTS: dict[str, tuple[type[Model], str, bool]] = {
    "actors.yaml": (Actor, "actor_id", False),
    "disambiguation.yaml": (Disambiguation, "alias", True),
    "utterances.yaml": (Utterance, "utterance_id", True),
    "meetings.yaml": (Meeting, "meeting_id", True),
    "events.yaml": (Event, "event_id", True),
    "militia_groups.yaml": (MilitiaGroup, "actor_id", True),
    "affiliations.yaml": (Affiliation, "affiliation_id", True),
    "references.yaml": (Reference, "reference_id", True),
}
"""The list files of data/curation/, each with its model, id key and whether it may be absent."""

ROWED = {"meetings.yaml": (Meeting, "meeting_id"), "events.yaml": (Event, "event_id")}
ROWED |= {"militia_groups.yaml": (MilitiaGroup, "actor_id"), "references.yaml": (Reference, "reference_id")}
ROWED |= {"utterances.yaml": (Utterance, "utterance_id"), "affiliations.yaml": (Affiliation, "affiliation_id")}
"""The list files whose rows read only the file and the raw texts (the utterances' counts are set
after, from the statements), with their model and id key: with the build cache, such a file whose
rows are cached is not loaded (all are optional files). Utterances and affiliations are merged
with the accepted articles' new ones (`_rowed_merged`)."""


def _rowed_merged(path: Path, root: Path, cache: Any, new: list[M], table: str) -> list[M]:
    """A merged list when its file's rows are cached: only the articles' new entries, once their ids
    are known not to repeat the file's (read from its cached rows). Otherwise (a repeat to report,
    or rows not readable) the file's entries are loaded after all, before the new ones."""
    model, id_key = ROWED[path.name]
    ids = cache.stored_column(path.name, table, id_key)
    every = [*(ids or []), *(getattr(e, id_key) for e in new)]
    if ids is not None and len(set(every)) == len(every):
        return new
    cache.found_rows.pop(path.name, None)
    models = cache.parsed(path)
    known = {path: models} if models is not MISSING else None
    return [*list_entries(path, root, cache, model, id_key, True, known), *new]


def list_entries(
    path: Path,
    root: Path,
    cache: BuildCache | None,
    model: type[M],
    id_key: str,
    optional: bool,
    cached: dict[Path, Any] | None = None,
    read: dict[Path, Any] | None = None,
) -> list[M]:
    """A list file's entries, checked: parsed already (`cached`, from the cache; `read`, by the
    loader's pool), else read and parsed now; stored in the cache unless they came from it."""
    cached, read = cached or {}, read if read is not None else {}
    if path in cached:
        entries = cached[path]
    else:
        if path in read:
            entries = read.pop(path)
        else:
            entries = _entries(model, read_yaml(path, root, optional=optional), _rel(path, root), id_key)
        if cache:
            cache.keep_parsed(path, entries)
    if id_key != "alias":
        file = _rel(path, root)
        _unique(lambda: [(file, e, f"entry #{i}") for i, e in enumerate(entries, 1)], id_key, entries)
    return entries


def article_model(path: Path, root: Path, cache: BuildCache) -> Article:
    """The model of an article loaded as a stub: from the cache, else parsed again from its file,
    which must still hold the bytes the stub was found for (they passed every check then)."""
    model = cache.model(path)
    if model is not MISSING:
        return model
    rel = _rel(path, root)
    art = parse(Article, read_yaml(path, root), rel)
    if not cache.same_bytes(path):
        raise CurationError(rel, "changed while the build read it", expected="the build run again once edits are saved")
    check_coded([art], _rel(path.parent, root))
    return art
