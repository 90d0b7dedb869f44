"""The Data Package descriptors, derived from schemas/ and curation/package.yaml.

Two descriptors describe the same tables: `datapackage.json` names the CSV files (fast to
validate with frictionless, readable from R and every other tool), `datapackage.parquet.json`
names the Parquet files (typed, for pandas and Arrow). Both carry each file's size and SHA-256,
so a truncated or edited file is caught by any Frictionless validator.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .. import __version__
from .curation.models import PackageMeta

PROFILE = "data-package"


def descriptor(
    meta: PackageMeta, schemas: dict[str, Any], files: dict[str, bytes], articles: Any, fmt: str
) -> dict[str, Any]:
    """The descriptor for `fmt` ('csv' or 'parquet'); `files` holds the bytes to hash."""
    resources = []
    for name, schema in schemas.items():
        path = f"data/{name}.{fmt}"
        data = files[path]
        res: dict[str, Any] = {
            "name": name,
            "title": schema.descriptor["title"],
            "description": schema.descriptor["description"],
            "path": path,
            "format": fmt,
            "mediatype": "text/csv" if fmt == "csv" else "application/vnd.apache.parquet",
        }
        if fmt == "csv":
            res["encoding"] = "utf-8"
            res["dialect"] = {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "header": True}
        digest = hashlib.sha256(data).hexdigest()
        if fmt == "csv":
            res["bytes"] = len(data)
            res["hash"] = "sha256:" + digest
        else:
            # frictionless cannot count the bytes of a Parquet source, so the standard `hash` would
            # fail there; `dataset validate` checks this custom property instead.
            res["sha256"] = digest
        res["schema"] = schema.frictionless_schema()
        resources.append(res)
    return {
        "profile": PROFILE,
        "name": meta.name,
        "title": meta.title,
        "description": meta.description,
        "version": __version__,
        **({"homepage": meta.homepage} if meta.homepage else {}),
        "keywords": meta.keywords,
        "licenses": [{"name": lic.name, "path": lic.path, "title": lic.title} for lic in meta.licenses],
        "contributors": [
            {"title": c.title, "role": c.role, **({"organization": c.organization} if c.organization else {})}
            for c in meta.contributors
        ],
        "sources": _sources(articles),
        "resources": resources,
    }


def _sources(articles: Any) -> list[dict[str, str]]:
    out = []
    for row in articles.itertuples():
        title = row.title if isinstance(row.title, str) else f"Untitled article {row.article_id}"
        out.append({"title": f"{title} (data/raw/{row.source_file}, sha256 {row.sha256})"})
    return out


def dumps(desc: dict[str, Any]) -> bytes:
    return (json.dumps(desc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def metadata_errors(desc: dict[str, Any]) -> list[str]:
    """Problems with the descriptor against the Data Package standard (empty when valid)."""
    from frictionless import FrictionlessException, Package

    try:
        return [e.message for e in Package.metadata_validate(desc)]
    except FrictionlessException as exc:
        return [str(exc)]
