"""The raw article texts: immutable bytes, checked against their recorded SHA-256 sums."""

from __future__ import annotations

import hashlib
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


def read_sums(path: Path) -> dict[str, str]:
    """SHA256SUMS as {file name: hex digest}, in the `sha256sum` format."""
    if not path.is_file():
        raise SourceError(f"{path}: missing; it records the SHA-256 of every raw text")
    sums: dict[str, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        digest, _, name = line.partition("  ")
        if len(digest) != 64 or not name:
            raise SourceError(f"{path}:{n}: expected '<sha256>  <file name>', got {line!r}")
        sums[name.strip()] = digest
    return sums


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
