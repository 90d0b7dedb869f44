"""`dataset release`: a self-contained, byte-reproducible bundle of one version.

dist/iraq-presence-<version>/ holds the descriptors, the tables (Parquet, CSV and one SQLite
database with its Datasette metadata), the schemas, a README for its reader, CODEBOOK, DATASHEET,
the reading view (view/), CITATION.cff, licenses, CHANGELOG, croissant.json, .zenodo.json and
SHA256SUMS; the .zip beside it has fixed timestamps, permissions and order, so the same inputs
give the same zip.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import zipfile
from pathlib import Path
from typing import Any

from .. import __version__

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
COPIED = ("CHANGELOG.md", "LICENSE", "LICENSE-DATA")
STAGING = ".staging-"
"""Prefix of the folder beside the bundles where a release is written before it is renamed into place."""


class ReleaseError(ValueError):
    """A release that cannot be made as asked; the message says what to do."""


def bundle_name() -> str:
    return f"iraq-presence-{__version__}"


def _json(doc: Any) -> bytes:
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode()


def bundle_files(root: Path, include_text: bool = True, url: str | None = None) -> dict[str, bytes]:
    """Every file of the bundle, by path inside it. `url` (default: the package's homepage) is the
    dataset's landing page named in croissant.json."""
    from ..make import produce
    from ..schema.io import csv_bytes, parquet_bytes
    from ..tables.curation import load_curation
    from ..tables.descriptor import descriptor, dumps
    from ..tables.inputs import MANIFEST
    from . import codebook, datasheet
    from .database import DB_NAME, database_bytes
    from .datasette import datasette_metadata
    from .metadata import citation_cff, citation_text, croissant, release_date, zenodo_metadata
    from .pages import pages
    from .readme import render_readme

    released = release_date((root / "CHANGELOG.md").read_text(encoding="utf-8"))
    out = produce(root)
    files = {k: v for k, v in out.files.items() if k != MANIFEST}  # a bundle holds no curation to compare
    frames = out.frames
    if not include_text:
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
    docs = root / "docs"
    files["README.md"] = render_readme(docs / "bundle_readme.md", meta, out.schemas, released, cite).encode()
    files["DATASHEET.md"] = datasheet.render(docs / "datasheet_template.md", meta, out.schemas, frames).encode()
    files["CODEBOOK.md"] = codebook.render(docs / "codebook_template.md", meta, out.schemas, frames, cite).encode()
    files["CITATION.cff"] = citation_cff(meta, released).encode()
    files[".zenodo.json"] = _json(zenodo_metadata(meta, released))
    files[f"{DB_NAME}.db"] = database_bytes(out.schemas, frames)
    files["datasette-metadata.json"] = _json(datasette_metadata(meta, out.schemas, cite))
    files.update(pages(meta, frames, cite))
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


def write_bundle(dist: Path, top: str, files: dict[str, bytes]) -> tuple[Path, Path]:
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
        _write(staging / f"{top}.zip", zip_bytes(files, top))
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


def make_release(root: Path, dist: Path, include_text: bool = True, url: str | None = None) -> tuple[Path, Path]:
    """Write the bundle folder and its zip under `dist`; returns both paths."""
    return write_bundle(dist, bundle_name(), bundle_files(root, include_text, url))
