"""DATASHEET.md, generated: prose from docs/datasheet_template.md, facts from schemas and tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import __version__
from ..tables.curation import PackageMeta


def render(template: Path, meta: PackageMeta, schemas: dict[str, Any], frames: dict[str, Any]) -> str:
    return template.read_text(encoding="utf-8").format(
        title=meta.title,
        version=__version__,
        description=meta.description,
        composition=_composition(schemas, frames),
        artifacts=_artifacts(frames),
        dates=_dates(frames),
        licenses="; ".join(f"{lic.title} ({lic.name})" for lic in meta.licenses),
        codebook=_codebook(schemas),
    )


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _composition(schemas: dict[str, Any], frames: dict[str, Any]) -> str:
    lines = ["| table | rows | one row per |", "| --- | ---: | --- |"]
    for name, schema in schemas.items():
        lines.append(f"| `{name}` | {len(frames[name])} | {_cell(schema.descriptor['description'])} |")
    return "\n".join(lines)


def _artifacts(frames: dict[str, Any]) -> str:
    issues = frames["article_issues"]
    if issues.empty:
        return "No artifacts are recorded in the raw texts."
    lines = [
        "Artifacts of the raw texts are recorded in `article_issues`, never edited away:",
        "",
        "| article | type | note |",
        "| --- | --- | --- |",
    ]
    for row in issues.itertuples():
        lines.append(f"| `{row.article_id}` | {row.issue_type} | {_cell(row.note)} |")
    return "\n".join(lines)


def _dates(frames: dict[str, Any]) -> str:
    arts = frames["articles"]
    n = len(arts)
    stated = int((arts["published_date_basis"] == "stated").sum())
    inferred = int((arts["published_date_basis"] == "inferred").sum())
    return (
        f"Of {n} articles, {stated} print their publication date, {inferred} have it inferred "
        f"(see `published_date_note`), {n - stated - inferred} have none. Outlets and URLs are null "
        "where the text does not give them (`outlet_note`, `url_note`)."
    )


def _codebook(schemas: dict[str, Any]) -> str:
    out = []
    for name, schema in schemas.items():
        out += [
            f"### `{name}`",
            "",
            _cell(schema.descriptor["description"]),
            "",
            f"Primary key: {', '.join(schema.primary_key)}.",
            "",
            "| field | type | meaning | allowed values | null means |",
            "| --- | --- | --- | --- | --- |",
        ]
        for f in schema.fields:
            c = f.get("constraints", {})
            allowed = []
            if "enum" in c:
                allowed.append(", ".join(f"`{v}`" for v in c["enum"]))
            if "pattern" in c:
                allowed.append(f"pattern `{c['pattern']}`")
            if "minimum" in c:
                allowed.append(f">= {c['minimum']}")
            if "maximum" in c:
                allowed.append(f"<= {c['maximum']}")
            if c.get("unique"):
                allowed.append("unique")
            null = "never null (required)" if schema.required(f["name"]) else f.get("nullMeaning", "")
            out.append(
                f"| `{f['name']}` | {f['type']} | {_cell(f['description'])} | {_cell('; '.join(allowed))} "
                f"| {_cell(null)} |"
            )
        fks = [f"`{', '.join(fk.columns)}` → `{fk.resource}.{', '.join(fk.ref_columns)}`" for fk in schema.foreign_keys]
        if fks:
            out += ["", "Foreign keys: " + "; ".join(fks) + "."]
        out.append("")
    return "\n".join(out)
