"""The raw article texts: immutable bytes, checked against their recorded SHA-256 sums."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError


@dataclass(frozen=True)
class Source:
    """One raw article as received."""

    article_id: str
    file: str
    sha256: str
    text: str


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


MAX_ARTICLE_BYTES = 1 << 20
"""The largest raw text `dataset add` takes (1 MiB; a long news article is under 100 kB)."""
_DIGEST = re.compile(r"[0-9a-f]{64}")
_NAME = re.compile(r"[^\s/\\]+\.txt")


def read_sums(path: Path) -> dict[str, str]:
    """SHA256SUMS as {file name: hex digest}, in the `sha256sum` format; a line holding two entries
    (a missing line end) or a name that is not a plain `.txt` file name is refused at its line."""
    if not path.is_file():
        raise SourceError(f"{path}: missing; it records the SHA-256 of every raw text")
    sums: dict[str, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        digest, _, name = line.partition("  ")
        if not _DIGEST.fullmatch(digest) or not _NAME.fullmatch(name.strip()):
            raise SourceError(
                f"{path}:{n}: expected '<sha256>  <file name>.txt' (64 hex digits, two spaces, a plain file name), "
                f"got {line[:200]!r}"
            )
        if name.strip() in sums:
            raise SourceError(f"{path}:{n}: {name.strip()} is listed twice")
        sums[name.strip()] = digest
    return sums


def sums_with(path: Path, digest: str, name: str) -> bytes:
    """SHA256SUMS with one entry appended, on its own line even when the file lacks a final newline."""
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        data += b"\n"
    return data + f"{digest}  {name}\n".encode()


def read_article_file(path: Path, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """The bytes of a text to add: a regular file no larger than `limit`. A FIFO, device or folder
    is refused before any byte is read (opening does not wait for a FIFO's writer)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise SourceError(f"{path}: cannot be opened ({exc.strerror}); nothing was written") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(
                f"{path}: not a regular file (a pipe, device or folder); give the path of a text file. "
                "Nothing was read or written"
            )
        if info.st_size > limit:
            raise SourceError(
                f"{path}: {info.st_size:,} bytes, more than the {limit:,}-byte limit for one article; "
                "nothing was written"
            )
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:  # grew while being read
        raise SourceError(f"{path}: more than the {limit:,}-byte limit for one article; nothing was written")
    return data


def decode_text(name: str, data: bytes) -> str:
    """The text of a raw file, refusing what is not non-empty UTF-8 text."""
    if not data.strip():
        raise SourceError(f"{name}: empty file; a raw article must hold its text")
    if b"\x00" in data:
        raise SourceError(f"{name}: binary file (contains NUL bytes); a raw article must be UTF-8 text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"{name}: not UTF-8 (invalid byte 0x{data[exc.start]:02x} at byte {exc.start}); "
            "convert it to UTF-8 before adding it"
        ) from None


def load_sources(raw_dir: Path, sums_path: Path) -> dict[str, Source]:
    """Every raw text listed in SHA256SUMS, verified; refuses changed, unlisted or duplicate files."""
    sums = read_sums(sums_path)
    on_disk = {p.name for p in raw_dir.glob("*.txt")}
    unlisted = sorted(on_disk - set(sums))
    if unlisted:
        raise SourceError(f"{raw_dir}: {', '.join(unlisted)} not in SHA256SUMS; add articles with `dataset add`")
    seen: dict[str, str] = {}
    sources: dict[str, Source] = {}
    for name, expected in sorted(sums.items()):
        path = raw_dir / name
        if "/" in name or "\\" in name or name in (".", ".."):
            raise SourceError(f"{sums_path}: {name!r} is not a file name in {raw_dir.name}/ (no folders, no '..')")
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise SourceError(f"{path}: not a regular file (a symbolic link, device or FIFO is not read)")
        if not path.is_file():
            raise SourceError(f"{path}: listed in SHA256SUMS but missing")
        data = path.read_bytes()
        digest = sha256_of(data)
        if digest != expected:
            raise SourceError(
                f"{path}: SHA-256 is {digest}, SHA256SUMS records {expected}; raw texts are never "
                "edited (restore the file; record artifacts in the article's curation instead)"
            )
        if digest in seen:
            raise SourceError(f"{path}: same content as {seen[digest]}; an article is added once")
        seen[digest] = name
        article_id = Path(name).stem
        sources[article_id] = Source(article_id, name, digest, decode_text(name, data))
    return sources
