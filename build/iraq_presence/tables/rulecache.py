"""The build's rule cache: a rule is run again only on inputs that changed.

A rule's clean result (no failure) is stored under the code version, the rule's function, the
tables it was given and the content digest (`cache.table_digest`) of each input it reads, as
`checks/inputs.py` declares them: a table whole, or only some of its columns (then the digest is
of those columns). A rebuild finds the result only when every input is byte-identical; the rule
is then not run. A run that is not found is given only its declared inputs (`_Only`), so a
declaration naming too little makes it fail and the function is run again as a build without
the cache runs it, its result not stored. A failing result is never stored, and failures are
always reported as an uncached build reports them: the whole function is run again on all tables.
`dataset validate` uses no cache: it runs every rule.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..checks.frames import Frames
from ..checks.inputs import ACROSS, DERIVED, PER_TABLE, RAW_READS, Reads, UndeclaredRead, covers
from ..checks.registry import functions
from ..failure import Failure
from .cache import _key, table_digest

Run = Callable[[Frames, Any, tuple[Any, ...]], list[Failure]]


class RuleReuse:
    """Lookups of rule results for one build (`checks.runner.check_frames(reuse=...)`)."""

    def __init__(
        self, memo: Any, arrow: Mapping[str, Any], schemas: Mapping[str, Any], raw: Mapping[str, str] | None = None
    ) -> None:
        """`raw`: the SHA-256 of each raw file's bytes by file name, as this build read them."""
        self.memo, self.arrow, self.schemas, self.raw = memo, arrow, schemas, raw
        self.digests: dict[tuple[str, tuple[str, ...] | None], str | None] = {}
        self.reused = self.ran = 0
        self.tables = set(functions("tables"))
        self.files = set(functions("raw"))

    def digest(self, name: str, columns: tuple[str, ...] | None = None) -> str | None:
        """The content digest of a table, or of some of its columns (None when it was not typed as Arrow)."""
        if (name, columns) not in self.digests:
            table = self.arrow.get(name)
            if table is not None and columns is not None:
                table = table.select([c for c in columns if c in table.column_names])
            self.digests[name, columns] = None if table is None else table_digest(table, self.schemas[name])
        return self.digests[name, columns]

    def wrap(self, run: Run) -> Run:
        """The runner's `run`, reusing what passed on the same inputs."""

        def reusing(frames: Frames, func: Any, args: tuple[Any, ...]) -> list[Failure]:
            if func in self.files:
                return self._raw(run, frames, func, args)
            if func not in self.tables:
                return run(frames, func, args)
            for reads, schemas in self._parts(func, args[1]):
                key = self._key(func, reads, schemas)
                if key is not None and self.memo.validated("rule", key.encode()):
                    self.reused += 1
                    continue
                self.ran += 1
                if run(_Only(frames, reads), func, (_Only(frames, reads), schemas)):
                    return run(frames, func, args)  # failures: as a build without the cache reports them
                if key is not None:
                    self.memo.keep_validated("rule", key.encode())
            return []

        return reusing

    def _raw(self, run: Run, frames: Frames, func: Any, args: tuple[Any, ...]) -> list[Failure]:
        """A rule on the raw files (`raw` stage), given the articles' `RAW_READS` and the files they
        name: reused when those columns are the same and every file named is one this build read,
        with the same bytes (its SHA-256 as read is in the key)."""
        key = self._raw_key(func, args[1])
        if key is not None and self.memo.validated("rule", key.encode()):
            self.reused += 1
            return []
        self.ran += 1
        out = run(frames, func, args)
        if key is not None and not out:
            self.memo.keep_validated("rule", key.encode())
        return out

    def _raw_key(self, func: Any, folder: Any) -> str | None:
        table = self.arrow.get("articles")
        if self.raw is None or table is None or "source_file" not in table.column_names:
            return None
        named = table.column("source_file").to_pylist()
        if not all(isinstance(n, str) and n in self.raw for n in named):
            return None  # a file this build did not read: its bytes are not known
        files = "\n".join(f"{n} {self.raw[n]}" for n in sorted(set(named)))
        return self._key(func, {"articles": RAW_READS}, {}, str(folder), files)

    def _parts(self, func: Any, schemas: Mapping[str, Any]) -> list[tuple[Reads, Mapping[str, Any]]]:
        """(inputs, schemas) of each separately cached result of a function."""
        if func.__name__ in PER_TABLE:
            reads = PER_TABLE[func.__name__]
            return [(reads(name, schema), {name: schema}) for name, schema in schemas.items()]
        if func.__name__ in ACROSS:
            return [(ACROSS[func.__name__], schemas)]
        return [(dict.fromkeys(schemas), schemas)]

    def _key(self, func: Any, reads: Reads, schemas: Mapping[str, Any], *extra: str) -> str | None:
        parts = [self.memo.code, func.__module__, func.__qualname__, *schemas, *extra]
        for name, columns in sorted(reads.items()):
            if name not in self.schemas:
                parts.append(f"{name}: absent")
                continue
            digest = self.digest(name, columns)
            if digest is None:
                return None  # an input without a content digest: never guess
            parts.append(f"{name}:{','.join(columns) if columns is not None else '*'}:{digest}")
        return _key("rule", *parts)

    def summary(self) -> str:
        return f"rules: reused {self.reused} result(s), ran {self.ran}"


class _Only(Frames):
    """The declared inputs of a rule: the named tables (only the named columns), sharing the run's
    derivations made from them; reading any other table raises `UndeclaredRead`."""

    def __init__(self, frames: Frames, reads: Reads) -> None:
        present = {name: frames[name] for name in reads if dict.get(frames, name) is not None}
        super().__init__(
            {
                name: df if reads[name] is None else df[[c for c in reads[name] or () if c in df.columns]]
                for name, df in present.items()
            }
        )
        self._parent = frames if isinstance(frames, Frames) else None
        self._reads = reads

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """A derivation the run shares when this rule declares what it is made from (`DERIVED`),
        else made here from the declared inputs alone."""
        if self._parent is not None and key in DERIVED and covers(self._reads, DERIVED[key]):
            return self._parent.memo(key, compute)
        return super().memo(key, compute)

    def _declared(self, name: Any) -> None:
        if name not in self._reads:
            raise UndeclaredRead(f"{name!r} is not among the tables this rule declares (checks/inputs.py)")

    def __getitem__(self, name: Any) -> Any:
        self._declared(name)
        return super().__getitem__(name)

    def get(self, name: Any, default: Any = None) -> Any:
        self._declared(name)
        return super().get(name, default)

    def __contains__(self, name: object) -> bool:
        self._declared(name)
        return super().__contains__(name)
