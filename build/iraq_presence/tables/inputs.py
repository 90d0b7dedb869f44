"""The build's inputs by hash: which curation files and schemas the committed tables were built from.

`dataset build` writes `data/build-inputs.sha256` (one `<sha256>  <path>` line per curation file and
Table Schema, drafts excluded since the build skips them); `dataset validate` in a repository
compares it with the files on disk, so a curation edit not yet built is reported at once instead of
the old tables passing as valid. Raw texts have their own list, `data/raw/SHA256SUMS`.
"""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

MANIFEST = "data/build-inputs.sha256"


def _inputs(root: Path, drafts: dict[Path, bool], digests: dict[Path, str]) -> list[Path]:
    """Regular files only: a link (to /dev/zero, to a credentials file) or a FIFO is never read here;
    the loader refuses it with its own message. `drafts`: what the build found of the files it hashed;
    a file read here to tell is hashed from the same bytes, into `digests` (each file read once)."""
    curation = []
    for p in sorted((root / "data" / "curation").rglob("*.yaml")):
        if not _regular(p):
            continue
        if p not in drafts:
            data = p.read_bytes()
            drafts[p], digests[p] = is_draft(data), hashlib.sha256(data).hexdigest()
        if not drafts[p]:
            curation.append(p)
    return curation + [p for p in sorted((root / "schemas").glob("*.json")) if _regular(p)]


def _regular(path: Path) -> bool:
    """A regular file, not a link to one (one `lstat`: the validator asks this of every curation file)."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return False


def is_draft(data: bytes) -> bool:
    """Whether a curation file's bytes are a draft's (which the build skips)."""
    return b"\nstatus: draft" in data


def manifest(
    root: Path,
    known: dict[Path, str] | None = None,
    drafts: dict[Path, bool] | None = None,
    found: dict[Path, bool] | None = None,
) -> bytes:
    """The manifest text for the inputs now on disk; `known` gives the SHA-256 of files the build
    hashed as it read them (the build cache's), which are then the bytes the tables come from, and
    `drafts` whether each of those is a draft, so that they are not read again. `found`, when given,
    receives whether each curation file is a draft (so `dataset validate` need not read them again)."""
    known = known or {}
    drafts = {p: d for p, d in (drafts or {}).items() if p in known}
    if found is not None:
        found.update(drafts)
        drafts = found
    digests: dict[Path, str] = {}
    lines = [
        f"{known.get(p) or digests.get(p) or _sha256(p)}  {p.relative_to(root).as_posix()}"
        for p in _inputs(root, drafts, digests)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def changed(root: Path, found: dict[Path, bool] | None = None) -> list[tuple[str, str]]:
    """(path, how) for every input that differs from the recorded manifest: changed, new or removed
    (`found` as for `manifest`)."""
    recorded: dict[str, str] = {}
    for line in (root / MANIFEST).read_text(encoding="utf-8").splitlines():
        digest, _, rel = line.partition("  ")
        recorded[rel] = digest
    now = dict(reversed(line.split("  ", 1)) for line in manifest(root, found=found).decode("utf-8").splitlines())
    out = [(rel, "changed since the tables were built") for rel in now if rel in recorded and now[rel] != recorded[rel]]
    out += [(rel, "new since the tables were built") for rel in now if rel not in recorded]
    out += [(rel, "removed since the tables were built") for rel in recorded if rel not in now]
    return sorted(out)
