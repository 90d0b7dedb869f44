"""The build cache: a build costs what changed.

Two kinds of entry, each stored under the SHA-256 of everything it was computed from, so an entry
is only ever found for inputs identical to the ones it came from:

- a curation file's parsed models, keyed by the code version, the file's path and its bytes;
- an article's assembled rows, keyed by the code version, the raw text's hash, the article's
  curation file and the digest of the shared curation the rows read: every alias with its actors
  (actors.yaml with the new actors and aliases of accepted articles) and every disambiguation;
- a shard's rows (a run of consecutive articles), keyed by its members' keys: one read instead of
  one per article, while an edit re-reads only its shard's other members from their own entries;
- a table's written files, keyed by the table's content (`table_digest`), and a validated descriptor.

The cache lives in `.cache/build/` (git-ignored, see `paths.Layout.cache`), outside the committed
data. Entries are written whole (temporary file, then rename), LZ4-compressed, with a checksum; one that is
truncated, corrupt or of another format is ignored, deleted and rebuilt. Loading admits only the
curation model classes and dates, so a planted file cannot make unpickling run code. After a
successful build, entries it did not use are removed, so the cache holds one build's worth.
`dataset build --no-cache` builds without it: a test proves both give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import stat
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..paths import Layout
from .inputs import is_draft

MISSING = object()
"""What `parsed` returns when the cache has no entry for a file."""
_CHECKSUM = 32
_SIZE = 8
_CODEC = "lz4"


def code_version() -> str:
    """Hash of the package's source and of the libraries whose objects are stored or whose output
    is recorded (pydantic's models; Arrow's and pandas' tables, CSV and Parquet)."""
    import pandas
    import pyarrow
    import pydantic

    package = Path(__file__).resolve().parents[1]
    versions = (sys.version, pydantic.VERSION, pyarrow.__version__, pandas.__version__, pickle.HIGHEST_PROTOCOL)
    h = hashlib.sha256("|".join(map(str, versions)).encode())
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


class _Loader(pickle.Unpickler):
    """Unpickles only what the cache stores: curation models, dates, counters."""

    def find_class(self, module: str, name: str) -> Any:
        from .curation import models

        if module == models.__name__ and isinstance(getattr(models, name, None), type):
            return getattr(models, name)
        if (module, name) in (("datetime", "date"), ("collections", "Counter")):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a type the build cache stores")


class BuildCache:
    """Lookups and stores for one build; counts what it reused."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = Layout(root).cache
        self.curation = Layout(root).curation
        # a .cache/ or build/ that is a link is never read or written through
        self.usable = Layout(root).local_is_inside() and not self.folder.is_symlink()
        self.code = code_version()
        self.digests: dict[Path, str] = {}
        self.drafts: dict[Path, bool] = {}  # whether a file hashed is a draft, read from the bytes hashed
        self.folders: dict[Path, bool] = {}
        self.texts: str | None = None  # set_texts
        self.found_rows: dict[str, Any] = {}
        self.shed: set[str] = set()  # list files whose own entries the loader left in the cache (`loader.shed`)
        self.used: set[str] = set()
        self.reused: Counter[str] = Counter()
        self.computed: Counter[str] = Counter()

    def _inside(self, path: Path) -> bool:
        """Whether `path` resolves inside the repository. Its folder is resolved once per build:
        `_digest` refuses a path that is itself a link, so the folder decides where it lies."""
        folder = path.parent
        if folder not in self.folders:
            self.folders[folder] = folder.resolve().is_relative_to(self.root.resolve())
        return self.folders[folder]

    def _hash(self, path: Path) -> str | None:
        """`_digest`, noting from the same bytes whether the file is a draft (for the manifest)."""
        data = _read(path)
        if data is None:
            return None
        self.drafts[path] = is_draft(data)
        return hashlib.sha256(data).hexdigest()

    # --- curation files ----------------------------------------------------------------------------

    def parsed(self, path: Path) -> Any:
        """The models parsed from `path` when its bytes are the ones cached, else MISSING."""
        digest = self._hash(path) if self._inside(path) else None
        if digest is None:
            return MISSING  # absent, a link, not a regular file or outside: the loader says what is wrong
        self.digests[path] = digest
        value = self._get(self._file_key(path, digest))
        self.reused["file"] += value is not MISSING
        return value

    def keep_parsed(self, path: Path, value: Any) -> None:
        """Store what was parsed from `path`, unless the file changed while it was read."""
        digest = self.digests.get(path)
        if digest is None or _digest(path) != digest:
            self.digests.pop(path, None)
            return
        self.computed["file"] += 1
        self._put(self._file_key(path, digest), value)

    def _file_key(self, path: Path, digest: str, kind: str = "file") -> str:
        return _key(kind, self.code, path.relative_to(self.root).as_posix(), digest)

    def store(self) -> EntryStore:
        """What a loader's worker process needs to write an article's entries itself."""
        return EntryStore(self.folder, self.code, self.root, self.usable)

    def stored(self, path: Path, digest: str) -> None:
        """Note that a worker stored the model and stub of `path` parsed from the bytes this build
        hashed (`digest`; `EntryStore.keep_article`), so they are kept."""
        self.computed["file"] += 1
        self.used.update(f"{self._file_key(path, digest, kind)}.pickle" for kind in ("file", "stub"))

    def stub(self, path: Path) -> Any:
        """An article file's `ArticleStub` when its bytes are the ones cached, else MISSING. The
        entry of its whole model is kept (not pruned) for when its rows must be made again."""
        digest = self._hash(path) if self._inside(path) else None
        if digest is None:
            return MISSING
        self.digests[path] = digest
        value = self._get(self._file_key(path, digest, "stub"))
        if value is not MISSING:
            self.reused["file"] += 1
            self.used.add(f"{self._file_key(path, digest)}.pickle")
        return value

    def keep_stub(self, path: Path, value: Any) -> None:
        """Store an article's stub beside its model (`keep_parsed` first: it checks the file is unchanged)."""
        digest = self.digests.get(path)
        if digest is not None:
            self._put(self._file_key(path, digest, "stub"), value)

    def model(self, path: Path) -> Any:
        """The whole model of an article met as a stub in this build, else MISSING (then re-read)."""
        digest = self.digests.get(path)
        return MISSING if digest is None else self._get(self._file_key(path, digest))

    def holds_model(self, path: Path) -> bool:
        """Whether the models parsed from `path`'s bytes hashed in this build are in the cache (unread)."""
        digest = self.digests.get(path)
        return bool(digest and self.usable and (self.folder / f"{self._file_key(path, digest)}.pickle").is_file())

    def same_bytes(self, path: Path) -> bool:
        """Whether `path` still holds the bytes hashed earlier in this build."""
        digest = self.digests.get(path)
        return digest is not None and _digest(path) == digest

    # --- per-article rows -------------------------------------------------------------------------

    def _rows_key(self, article_id: str, raw_sha256: str, shared: str) -> str | None:
        own = self.digests.get(self.curation / "articles" / f"{article_id}.yaml")
        if own is None:
            return None  # an input not hashed in this build: never guess
        return _key("rows", self.code, article_id, raw_sha256, own, shared)

    def rows(self, article_id: str, raw_sha256: str, shared: str) -> Any:
        """An article's cached rows; `shared` digests the shared curation they read (the Assembler's)."""
        key = self._rows_key(article_id, raw_sha256, shared)
        value = MISSING if key is None else self._get(key)
        self.reused["article"] += value is not MISSING
        return value

    def keep_rows(self, article_id: str, raw_sha256: str, shared: str, value: Any) -> None:
        key = self._rows_key(article_id, raw_sha256, shared)
        if key is not None:
            self.computed["article"] += 1
            self._put(key, value)

    def set_texts(self, sources: dict[str, Any]) -> None:
        """Digest every raw text (id and hash): what a list file's rows read besides the file."""
        lines = sorted(f"{article_id} {src.sha256}" for article_id, src in sources.items())
        self.texts = _key("texts", *lines)

    def list_rows(self, path: Path, made: bool = False) -> Any:
        """The rows made from a list file (meetings.yaml, ...) when its bytes and every raw text are
        the ones they were made from, else MISSING; found ones wait in `found_rows` for the assembler
        (counted as computed when a worker `made` them in this build). The entry of the file's
        models is kept (not pruned) for when the rows must be made again."""
        digest = self._hash(path) if self._inside(path) and self.texts else None
        if digest is None:
            return MISSING
        self.digests[path] = digest
        value = self._get(self._list_key(path, digest))
        if value is not MISSING:
            (self.computed if made else self.reused)["file"] += 1
            self.used.add(f"{self._file_key(path, digest)}.pickle")
            self.found_rows[path.name] = value
        return value

    def stored_column(self, name: str, table: str, column: str) -> list[Any] | None:
        """One column of the rows `list_rows` found for list file `name` (None when not readable)."""
        import pyarrow as pa

        try:
            stored = self.found_rows[name][0]
            if table not in stored:
                return []  # a file with no entries
            if isinstance(stored[table], tuple):  # rows kept as rows
                return [r[column] for r in stored[table][0]]
            return pa.ipc.open_stream(stored[table]).read_all().column(column).to_pylist()
        except Exception:  # planted or of another format: the caller loads the file's entries
            return None

    def keep_list_rows(self, name: str, value: Any) -> None:
        path = self.curation / name
        digest = self.digests.get(path)
        if digest is not None and self.texts:
            self._put(self._list_key(path, digest), value)

    def _list_key(self, path: Path, digest: str) -> str:
        return _key("listrows", self.code, path.relative_to(self.root).as_posix(), digest, self.texts or "")

    def shard(self, members: list[tuple[str, str]], shared: str) -> tuple[str | None, Any]:
        """The key and the cached rows of a run of articles ((article_id, raw_sha256) in article
        order), keyed by every member's own key; a hit keeps the members' own entries from pruning."""
        keys = [self._rows_key(article_id, sha, shared) for article_id, sha in members]
        if any(k is None for k in keys):
            return None, MISSING
        key = _key("shard", *keys)  # type: ignore[arg-type]
        value = self._get(key)
        if value is not MISSING:
            self.used.update(f"{k}.pickle" for k in keys)
        return key, value

    def keep_shard(self, key: str, value: Any) -> None:
        self._put(key, value)

    def count_reused(self, articles: int) -> None:
        self.reused["article"] += articles

    # --- written files -----------------------------------------------------------------------------

    def written(self, name: str, digest: str, folder: Path) -> dict[str, bytes] | None:
        """The committed CSV and Parquet of table `name` when a build with this code wrote them from
        a table of content `digest` (`table_digest`) and the files on disk still have the recorded
        hashes: serializing the same table again would give these bytes."""
        recorded = self._get(_key("written", self.code, name, digest))
        if not isinstance(recorded, dict):
            return None
        out = {}
        for rel, sha in recorded.items():
            path = folder / rel
            if not isinstance(rel, str) or path.is_symlink() or not path.is_file():
                return None
            data = path.read_bytes()
            if hashlib.sha256(data).hexdigest() != sha:
                return None
            out[rel] = data
        self.reused["table"] += 1
        return out

    def keep_written(self, name: str, digest: str, files: dict[str, bytes]) -> None:
        self.computed["table"] += 1
        self._put(
            _key("written", self.code, name, digest), {k: hashlib.sha256(v).hexdigest() for k, v in files.items()}
        )

    def examples(self, name: str, digest: str) -> Any:
        """A table's described schema (`descriptor.with_examples`) made from a table of content `digest`."""
        return self._get(_key("examples", self.code, name, digest))

    def keep_examples(self, name: str, digest: str, value: dict[str, Any]) -> None:
        self._put(_key("examples", self.code, name, digest), value)

    def derived_key(self, kind: str, *tables: Any) -> str:
        """The key of what `kind` derives from these Arrow tables (their content digests)."""
        return _key("derived", self.code, kind, *map(arrow_digest, tables))

    def derived(self, key: str) -> Any:
        """What was derived under `key` (`derived_key`), else MISSING."""
        return self._get(key)

    def keep_derived(self, key: str, value: Any) -> None:
        self._put(key, value)

    def validated(self, kind: str, data: bytes) -> bool:
        """Whether `data` (a descriptor) passed validation `kind` with this code before."""
        return self._get(_key("valid", self.code, kind, hashlib.sha256(data).hexdigest())) is True

    def keep_validated(self, kind: str, data: bytes) -> None:
        self._put(_key("valid", self.code, kind, hashlib.sha256(data).hexdigest()), True)

    # --- storage ------------------------------------------------------------------------------------

    def _get(self, key: str) -> Any:
        if not self.usable:
            return MISSING
        path = self.folder / f"{key}.pickle"
        try:
            data = path.read_bytes()
        except OSError:
            return MISSING
        try:
            value = _Loader(io.BytesIO(_unsealed(data))).load()
        except Exception:  # truncated, corrupt, planted or from another format: rebuilt
            path.unlink(missing_ok=True)
            return MISSING
        self.used.add(path.name)
        return value

    def _put(self, key: str, value: Any) -> None:
        if self.usable:
            self.used.add(_write(self.folder, key, value))

    def prune(self) -> None:
        """Remove the entries this build did not use (older inputs, older code)."""
        if not self.usable or not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name not in self.used and path.is_file():
                path.unlink(missing_ok=True)

    def summary(self) -> str:
        return (
            f"build cache: reused {self.reused['file']} curation file(s) and {self.reused['article']} article(s); "
            f"computed {self.computed['file']} and {self.computed['article']}"
        )


@dataclass(frozen=True)
class EntryStore:
    """The cache's folder and code version, picklable: a loader's worker writes the entries of the
    articles it parses (their bytes hashed before and after), and the build notes them as used
    (`BuildCache.stored`)."""

    folder: Path
    code: str
    root: Path
    usable: bool

    def key(self, path: Path, digest: str, kind: str = "file") -> str:
        return _key(kind, self.code, path.relative_to(self.root).as_posix(), digest)

    def keep_article(self, path: Path, digest: str, model: Any, stub: Any) -> bool:
        """Store an article's model and stub, unless the file no longer holds the bytes `digest`."""
        if not self.usable or _digest(path) != digest:
            return False
        _write(self.folder, self.key(path, digest), model)
        _write(self.folder, self.key(path, digest, "stub"), stub)
        return True


def _write(folder: Path, key: str, value: Any) -> str:
    """Write one entry whole (a temporary file, then a rename) behind its checksum; its file name."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{key}.pickle"
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with open(tmp, "wb") as out:
        out.writelines(sealed(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
    os.replace(tmp, path)
    return path.name


def sealed(payload: bytes) -> tuple[bytes, bytes, bytes]:
    """An entry's bytes, in the pieces written: the checksum of what follows, the payload's size,
    the payload compressed by LZ4 (a cold build at N = 1,000 writes about a quarter of the bytes;
    LZ4 costs about a second per GB each way, less than the kernel's copy of the bytes saved)."""
    import pyarrow as pa

    size = len(payload).to_bytes(_SIZE, "little")
    packed = pa.compress(payload, codec=_CODEC, asbytes=True)
    h = hashlib.sha256(size)
    h.update(packed)
    return h.digest(), size, packed


def _unsealed(data: bytes) -> bytes:
    """The payload `sealed` wrote (ValueError when the checksum or the size does not hold)."""
    import pyarrow as pa

    view = memoryview(data)
    if len(data) < _CHECKSUM + _SIZE or hashlib.sha256(view[_CHECKSUM:]).digest() != data[:_CHECKSUM]:
        raise ValueError("checksum")
    size = int.from_bytes(view[_CHECKSUM : _CHECKSUM + _SIZE], "little")
    packed = view[_CHECKSUM + _SIZE :]
    if size > 256 * len(packed) + 64:  # more than LZ4 can expand to: not an entry this code wrote
        raise ValueError("size")
    return pa.decompress(packed, decompressed_size=size, codec=_CODEC, asbytes=True)


def table_digest(table: Any, schema: Any) -> str:
    """SHA-256 of a typed table: its Table Schema and its Arrow IPC stream (the Arrow schema with
    its metadata, then every value), which determine the CSV and Parquet written from it."""
    import json

    h = hashlib.sha256(json.dumps(schema.descriptor, sort_keys=True).encode("utf-8") + b"\0")
    return _hashed(h, table)


def arrow_digest(table: Any) -> str:
    """SHA-256 of an Arrow table's IPC stream (its schema with metadata, then every value)."""
    return _hashed(hashlib.sha256(), table)


def _hashed(h: Any, table: Any) -> str:
    import pyarrow as pa

    sink = pa.PythonFile(_Hashing(h), mode="w")
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return h.hexdigest()


class _Hashing(io.RawIOBase):
    """A write-only file that hashes what is written (no copy of the stream is kept)."""

    def __init__(self, h: Any) -> None:
        self.h = h

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.h.update(data)
        return len(data)


def _digest(path: Path) -> str | None:
    """SHA-256 of a regular file's bytes; None for a link, anything else, or nothing."""
    data = _read(path)
    return None if data is None else hashlib.sha256(data).hexdigest()


def _read(path: Path) -> bytes | None:
    """A regular file's bytes; None for a link, anything else, or nothing."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        return path.read_bytes()
    except OSError:
        return None


def _key(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
