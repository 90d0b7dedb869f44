"""Datasette metadata for the release's database, generated from the schemas: table titles and
descriptions, column descriptions (with each code's definition), facets on the closed
vocabularies, and a label column so foreign keys show names."""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..schema.types import codes
from .database import DB_NAME, FTS

LABELS = ("name", "title", "summary", "alias", "quote")
"""The first of these a table has is the label Datasette shows for a foreign key to it."""


def datasette_metadata(meta: Any, schemas: dict[str, Any], citation: str) -> dict[str, Any]:
    data_license = next(lic for lic in meta.licenses if lic.scope == "data")
    tables = {}
    for name, schema in schemas.items():
        table: dict[str, Any] = {
            "title": schema.descriptor["title"],
            "description": schema.descriptor["description"],
            "columns": {f["name"]: _column(f) for f in schema.fields},
        }
        facets = [f["name"] for f in schema.fields if codes(f)]
        if facets:
            table["facets"] = facets
        label = next((c for c in LABELS if c in schema.columns), None)
        if label:
            table["label_column"] = label
        if name in FTS:
            table["fts_table"] = f"{name}_fts"
            table["fts_pk"] = "rowid"
        tables[name] = table
    return {
        "title": f"{meta.title} (version {__version__})",
        "description": meta.description + " Cite as: " + citation,
        "license": data_license.name,
        "license_url": data_license.path,
        **({"source_url": meta.homepage, "source": meta.name} if meta.homepage else {}),
        "databases": {DB_NAME: {"tables": tables}},
    }


def _column(field: dict[str, Any]) -> str:
    text = field["description"]
    if field.get("categories"):
        text += " Codes: " + "; ".join(f"{c['value']} = {c['definition']}" for c in field["categories"])
    if field.get("nullMeaning"):
        text += f" Null: {field['nullMeaning']}"
    return text
