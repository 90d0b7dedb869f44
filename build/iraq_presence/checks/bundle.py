"""A release bundle is exactly the files its SHA256SUMS lists, and its zip holds the same files.

The descriptors hash the tables only; a bundle also holds documentation, metadata, the database
and the reading view, any of which a half-written or hand-edited release could lack or change.
SHA256SUMS lists every other file of the bundle, so a missing, extra or changed file is caught
here, and the zip beside the folder (the file `dataset publish` uploads) must hold the same bytes.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from ..failure import Failure
from .registry import FILES, rule

SUMS = "SHA256SUMS"
MARKERS = (SUMS, "CODEBOOK.md", "DATASHEET.md", "croissant.json", ".zenodo.json", "CITATION.cff")
"""Files only a release holds: a folder with any of them (and no curation) is checked as a release."""
REMAKE = "remake the release with `dataset release`"


def is_release(folder: Path) -> bool:
    return not (folder / "data" / "curation").is_dir() and any((folder / m).is_file() for m in MARKERS)


def _fail(file: str, value: str, expected: str) -> Failure:
    return Failure("RELEASE-files", "-", "-", file, value, expected)


def parse_sums(text: str) -> tuple[dict[str, str], list[str]]:
    """{path: hex digest} from `sha256sum` lines, and the lines that are not such lines."""
    sums: dict[str, str] = {}
    bad = []
    for line in text.splitlines():
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64 or not name or name in sums:
            bad.append(line)
        else:
            sums[name] = digest
    return sums, bad


@rule(
    "RELEASE-files",
    "a release folder holds exactly the files its `SHA256SUMS` lists, each unchanged, and the zip "
    "beside it holds the same files (a half-written, mixed or edited release fails)",
    reads=(),
    stage="files",
    section=FILES,
)
def check_release(folder: Path) -> list[Failure]:
    """Every file listed, present and unchanged; nothing unlisted; the zip beside it the same bundle."""
    if not is_release(folder):
        return []
    path = folder / SUMS
    if not path.is_file():
        return [_fail(SUMS, "missing", f"a SHA256SUMS listing every file of the release: {REMAKE}")]
    raw = path.read_bytes()
    sums, bad = parse_sums(raw.decode("utf-8", errors="replace"))
    out = [_fail(SUMS, repr(line[:80]), "'<sha256>  <path>', one file per line") for line in bad[:5]]
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink()}
    for name in sorted(on_disk - set(sums) - {SUMS}):
        out.append(_fail(name, "a file not listed in SHA256SUMS", f"only the release's files: remove it or {REMAKE}"))
    for name, digest in sorted(sums.items()):
        target = folder / name
        if name not in on_disk:
            out.append(_fail(name, "missing", f"listed in SHA256SUMS: the release is incomplete; {REMAKE}"))
        elif target.is_symlink() or hashlib.sha256(target.read_bytes()).hexdigest() != digest:
            out.append(_fail(name, "changed (SHA-256 differs from SHA256SUMS)", f"sha256 {digest}"))
    return out + _check_zip(folder, raw, sums)


def _check_zip(folder: Path, raw: bytes, sums: dict[str, str]) -> list[Failure]:
    """The zip named after the folder, when there is one, holds exactly the folder's files."""
    archive = folder.with_name(folder.name + ".zip")
    if not archive.is_file():
        return []
    name = archive.name
    try:
        with zipfile.ZipFile(archive) as zf:
            members = {i.filename.removeprefix(folder.name + "/"): i for i in zf.infolist() if not i.is_dir()}
            if members.get(SUMS) is None or zf.read(members[SUMS]) != raw:
                return [_fail(name, "a zip of another release", f"the zip of this folder: {REMAKE}")]
            if set(members) != set(sums) | {SUMS}:
                return [_fail(name, "files other than the folder's", f"the folder's files: {REMAKE}")]
            for member, digest in sums.items():
                if hashlib.sha256(zf.read(members[member])).hexdigest() != digest:
                    return [_fail(f"{name}:{member}", "changed", f"sha256 {digest}")]
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        return [_fail(name, f"unreadable zip ({exc})", f"a complete zip: {REMAKE}")]
    return []
