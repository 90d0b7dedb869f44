"""`dataset release`: a self-contained, byte-reproducible bundle of one version.

dist/iraq-presence-<version>/ holds the descriptors, the tables (Parquet, CSV and one SQLite
database with its Datasette metadata), the schemas, a README for its reader, CODEBOOK, DATASHEET,
the reading view (view/), CITATION.cff, licenses, the data's CHANGELOG, croissant.json,
.zenodo.json and SHA256SUMS; the .zip beside it has fixed timestamps, permissions and order, so
the same inputs give the same zip.

The default bundle leaves the article texts out: they belong to their outlets, and the bundle is
published under the tables' licence (CC-BY-4.0), which the outlets never granted. The tables keep
each text's SHA-256, length and every offset, so a reader who obtains an article can check every
span. `--with-text` makes a bundle for local research use, named `-with-texts`, whose README says
the texts are not under the bundle's licence. A `--draft` bundle (named `-draft`) may lack the
maintainers' details and may be rewritten; a publish-grade one is never rewritten with other data.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .. import __version__

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
COPIED = ("LICENSE", "LICENSE-DATA")
STAGING = ".staging-"
"""Prefix of the folder beside the bundles where a release is written before it is renamed into place."""
FIXED = ("data/", "schemas/")
"""What a version fixes: a bundle of the same version must have these files byte for byte."""


class ReleaseError(ValueError):
    """A release that cannot be made as asked; the message says what to do."""


def suffix(with_text: bool = False, draft: bool = False) -> str:
    return ("-with-texts" if with_text else "") + ("-draft" if draft else "")


def bundle_name(with_text: bool = False, draft: bool = False) -> str:
    return f"iraq-presence-{__version__}{suffix(with_text, draft)}"


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split("."))


def _json(doc: Any) -> bytes:
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode()


def bundle_files(
    root: Path,
    with_text: bool = False,
    url: str | None = None,
    previous: Mapping[str, bytes] | None = None,
) -> dict[str, bytes]:
    """Every file of the bundle, by path inside it. `url` (default: the package's homepage) is the
    dataset's landing page named in croissant.json; `previous` (a bundle read by `read_bundle`)
    is the release the CHANGELOG's new entry is a diff from."""
    from ..make import produce
    from ..schema.io import csv_bytes, parquet_bytes
    from ..tables.curation import load_curation
    from ..tables.descriptor import descriptor, dumps
    from ..tables.inputs import MANIFEST
    from . import codebook, datasheet, retired
    from .changelog import bundle_changelog
    from .database import DB_NAME, database_bytes
    from .datasette import datasette_metadata
    from .metadata import citation_cff, citation_text, croissant, release_date, zenodo_metadata
    from .pages import pages
    from .readme import render_readme

    released = release_date((root / "CHANGELOG.md").read_text(encoding="utf-8"))
    out = produce(root)
    files = {k: v for k, v in out.files.items() if k != MANIFEST}  # a bundle holds no curation to compare
    frames = out.frames
    if not with_text:
        arts = frames["articles"].copy()
        arts["text"] = None
        frames = {**frames, "articles": arts}
        schema = out.schemas["articles"]
        files["data/articles.csv"] = csv_bytes(arts, schema)
        files["data/articles.parquet"] = parquet_bytes(arts, schema)
    meta = load_curation(root / "data" / "curation", root).package
    cite = citation_text(meta, released)
    for fmt, name in (("csv", "datapackage.json"), ("parquet", "datapackage.parquet.json")):
        files[name] = dumps(descriptor(meta, out.schemas, files, frames, fmt))
    for path in sorted((root / "schemas").glob("*.json")):
        files[f"schemas/{path.name}"] = path.read_bytes()
    for name in COPIED:
        files[name] = (root / name).read_bytes()
    files[retired.BUNDLE_PATH] = retired.csv_bytes(retired.load(root / "data" / "curation", root), previous)
    files["CHANGELOG.md"] = bundle_changelog(files, frames, previous, released).encode()
    docs = root / "docs"
    files["README.md"] = render_readme(docs / "bundle_readme.md", meta, out.schemas, released, cite, with_text).encode()
    files["DATASHEET.md"] = datasheet.render(docs / "datasheet_template.md", meta, out.schemas, frames).encode()
    files["CODEBOOK.md"] = codebook.render(docs / "codebook_template.md", meta, out.schemas, frames, cite).encode()
    files["CITATION.cff"] = citation_cff(meta, released).encode()
    files[".zenodo.json"] = _json(zenodo_metadata(meta, released))
    files[f"{DB_NAME}.db"] = database_bytes(out.schemas, frames)
    files["datasette-metadata.json"] = _json(datasette_metadata(meta, out.schemas, cite))
    files.update(pages(meta, frames, cite, out.schemas))
    sums = {k: hashlib.sha256(v).hexdigest() for k, v in files.items()}
    files["croissant.json"] = _json(croissant(meta, out.schemas, sums, released, url or meta.homepage))
    sums["croissant.json"] = hashlib.sha256(files["croissant.json"]).hexdigest()
    files["SHA256SUMS"] = "".join(f"{sums[k]}  {k}\n" for k in sorted(sums)).encode()
    return files


def zip_bytes(files: dict[str, bytes], top: str) -> bytes:
    """A zip with fixed timestamps, permissions and order."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{top}/{name}", date_time=ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            zf.writestr(info, files[name])
    return buf.getvalue()


def _write(path: Path, data: bytes) -> None:
    """One file, flushed to disk before the release is renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def write_bundle(
    dist: Path, top: str, files: dict[str, bytes], archive_bytes: bytes | None = None
) -> tuple[Path, Path]:
    """Write the folder and its zip into a staging folder, then rename them into place.

    A kill or a full disk while writing leaves the previous bundle untouched (the staging folder
    is removed by the next release); a kill between the renames leaves a folder whose zip or
    absence `dataset validate` reports (RELEASE-files), never a bundle that validates half-written.
    """
    dist.mkdir(parents=True, exist_ok=True)
    staging = dist / f"{STAGING}{top}"
    if staging.exists():
        shutil.rmtree(staging)  # left by a killed release: never in place, never published
    try:
        for name in sorted(files):
            _write(staging / top / name, files[name])
        _write(staging / f"{top}.zip", archive_bytes if archive_bytes is not None else zip_bytes(files, top))
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        reason = exc.strerror or str(exc)
        raise ReleaseError(f"{dist}: could not write the release ({reason}); nothing was replaced") from None
    folder, archive = dist / top, dist / f"{top}.zip"
    if folder.exists():
        os.rename(folder, staging / "previous")
    os.rename(staging / top, folder)
    os.replace(staging / f"{top}.zip", archive)
    shutil.rmtree(staging)
    return folder, archive


def find_previous(dist: Path, with_text: bool = False, draft: bool = False) -> Path | None:
    """The latest release in `dist` older than this version, of the same kind (folder, else zip)."""
    pattern = re.compile(rf"^iraq-presence-(\d+\.\d+\.\d+){re.escape(suffix(with_text, draft))}(\.zip)?$")
    found = []
    for path in dist.iterdir() if dist.is_dir() else ():
        m = pattern.match(path.name)
        if m and _version(m.group(1)) < _version(__version__):
            found.append((_version(m.group(1)), m.group(2) is None, path))
    return max(found)[2] if found else None


def check_bump(previous: str, level: str | None, changes: str) -> None:
    """Refuse a version that is not higher than `previous` by at least what the diff requires."""
    old, new = _version(previous), _version(__version__)
    needed = {
        "major": (old[0] + 1, 0, 0),
        "minor": (old[0], old[1] + 1, 0),
    }.get(level or "patch", (old[0], old[1], old[2] + 1))
    if new < needed:
        raise ReleaseError(
            f"version {__version__} after {previous}: `dataset diff` finds a {level or 'no data'} change, so the "
            f"version must be at least {'.'.join(map(str, needed))} (set it in build/iraq_presence/__init__.py "
            f"and date it in CHANGELOG.md).\n{changes}"
        )


def _fixed(sums: Mapping[str, str]) -> dict[str, str]:
    return {k: v for k, v in sums.items() if k.startswith(FIXED)}


def check_same_version(existing: Path, files: Mapping[str, bytes]) -> None:
    """A version's data never change: refuse to rewrite a release of this version with other data."""
    from ..checks.bundle import parse_sums
    from .diff import read_bundle

    old = read_bundle(existing).get("SHA256SUMS", b"").decode("utf-8", errors="replace")
    new = files["SHA256SUMS"].decode()
    before, after = _fixed(parse_sums(old)[0]), _fixed(parse_sums(new)[0])
    if before != after:
        differ = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        raise ReleaseError(
            f"{existing}: version {__version__} is already released with other data ({len(differ)} file(s) "
            f"differ, e.g. {', '.join(differ[:3])}). A version's data never change: bump the version "
            f"(`dataset diff {existing} <new bundle>` says how), or make a `--draft` release."
        )


def make_release(
    root: Path,
    dist: Path,
    with_text: bool = False,
    url: str | None = None,
    previous: Path | None = None,
    draft: bool = False,
) -> tuple[Path, Path]:
    """Check the version against the releases in `dist` (and `previous`), then write the bundle
    folder and its zip; returns both paths."""
    from ..tables.curation import load_curation
    from . import retired
    from .diff import bump, diff, read_bundle, report, tables_of, version_of
    from .readiness import problems

    if not draft:
        meta = load_curation(root / "data" / "curation", root).package
        missing = problems(meta, (root / "CHANGELOG.md").read_text(encoding="utf-8"))
        if missing:
            raise ReleaseError(
                "not ready for a publish-grade release (`--draft` makes a local draft without these):\n- "
                + "\n- ".join(missing)
            )
    top = bundle_name(with_text, draft)
    previous = previous or find_previous(dist, with_text, draft)
    before = read_bundle(previous) if previous else None
    files = bundle_files(root, with_text, url, before)
    if before is not None:
        diffs = diff(before, files)
        check_bump(version_of(before), bump(diffs), report(diffs))
    if not draft:
        removed = {d.table: d.removed for d in diffs} if before is not None else {}
        listed = retired.load(root / "data" / "curation", root)
        wrong = retired.problems(listed, removed, tables_of(files))
        if wrong:
            raise ReleaseError("retired ids:\n- " + "\n- ".join(wrong))
        for existing in (dist / top, dist / f"{top}.zip"):
            if existing.exists():
                check_same_version(existing, files)
    return write_bundle(dist, top, files)
