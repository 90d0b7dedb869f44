"""The Data Package (v2) descriptors, derived from schemas/ and curation/package.yaml.

Two descriptors describe the same tables: `datapackage.json` names the CSV files (fast to
validate with frictionless, readable from R and every other tool), `datapackage.parquet.json`
names the Parquet files (typed, for pandas and Arrow). Every resource carries the standard
`hash` (sha256) and its row count, so frictionless rejects an edited or truncated file: it checks
hash and bytes where it streams the bytes (CSV), and the row count everywhere (Parquet, which it
reads through pyarrow without seeing the bytes); `dataset validate` checks every hash.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .. import __version__
from .curation.models import PackageMeta

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
EXAMPLE_CHARS = 160


def descriptor(
    meta: PackageMeta,
    schemas: dict[str, Any],
    files: dict[str, bytes],
    frames: dict[str, Any],
    fmt: str,
    described: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The descriptor for `fmt` ('csv' or 'parquet'); `files` holds the bytes to hash, `frames`
    the typed tables (row counts, the sources list and each code's example from the corpus);
    `described`, each table's `with_examples` when already made (both formats share them)."""
    resources = []
    for name, schema in schemas.items():
        path = f"data/{name}.{fmt}"
        data = files[path]
        res: dict[str, Any] = {
            "name": name,
            "type": "table",
            "title": schema.descriptor["title"],
            "description": schema.descriptor["description"],
            "path": path,
            "format": fmt,
            "mediatype": "text/csv" if fmt == "csv" else "application/vnd.apache.parquet",
        }
        if fmt == "csv":
            res["encoding"] = "utf-8"
            res["dialect"] = {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "header": True}
            res["bytes"] = len(data)
        res["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
        res["rows"] = len(frames[name])
        res["schema"] = described[name] if described else with_examples(schema, frames[name])
        resources.append(res)
    return {
        "$schema": PROFILE,
        "name": meta.name,
        "title": meta.title,
        "description": meta.description,
        "version": __version__,
        **({"homepage": meta.homepage} if meta.homepage else {}),
        "keywords": meta.keywords,
        "licenses": [{"name": lic.name, "path": lic.path, "title": lic.title} for lic in meta.licenses],
        "contributors": [_contributor(c) for c in meta.contributors],
        "sources": _sources(frames["articles"]),
        "resources": resources,
    }


def _contributor(c: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"title": c.title}
    if c.given_names:
        out["givenName"] = c.given_names
    if c.family_names:
        out["familyName"] = c.family_names
    if c.orcid:
        out["path"] = f"https://orcid.org/{c.orcid}"
    if c.organization:
        out["organization"] = c.organization
    if c.email:
        out["email"] = c.email
    out["roles"] = [c.role]
    return out


def with_examples(schema: Any, frame: Any) -> dict[str, Any]:
    """The Table Schema with, on each category, an example from the corpus where one exists."""
    out = json.loads(json.dumps(schema.frictionless_schema()))
    examples = code_examples(schema, frame)
    for field in out["fields"]:
        for cat in field.get("categories", []):
            example = examples.get(field["name"], {}).get(cat["value"])
            if example:
                cat["example"] = example
    return out


def code_examples(schema: Any, frame: Any) -> dict[str, dict[str, str]]:
    """For each coded column, each code's first row (in key order): its evidence text, or its
    name, and its key."""
    coded = [f["name"] for f in schema.fields if f.get("categories")]
    if not coded or frame.empty:
        return {}
    ordered = frame.sort_values(schema.primary_key, ignore_index=True)
    shown_cols = _display_columns(schema)
    out: dict[str, dict[str, str]] = {}
    for col in coded:
        values = ordered[col].astype("object").dropna().drop_duplicates()
        rows = ordered.loc[values.index, list(dict.fromkeys([*schema.primary_key, *shown_cols]))].astype("object")
        out[col] = {code: _example(schema, row, shown_cols) for code, row in zip(values, rows.to_dict("records"))}
    return out


def _example(schema: Any, row: dict[str, Any], shown_cols: list[str]) -> str:
    key = "/".join(str(row[k]) for k in schema.primary_key)
    shown = next((row[c] for c in shown_cols if isinstance(row.get(c), str) and row[c].strip()), None)
    if shown is None:
        return f"{schema.name} {key}"
    shown = " ".join(shown.split())
    if len(shown) > EXAMPLE_CHARS:
        shown = shown[: EXAMPLE_CHARS - 1] + "…"
    return f"“{shown}” ({schema.name} {key})"


def _display_columns(schema: Any) -> list[str]:
    """Columns that show what a row is: its evidence span's text first, then a name or summary."""
    spans = [s.text for s in schema.spans]
    named = [c for c in ("quote", "text", "name", "alias", "surface", "summary", "title") if c in schema.columns]
    return spans + named


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
