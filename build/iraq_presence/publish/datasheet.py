"""DATASHEET.md, generated: prose from docs/datasheet_template.md, facts from schemas and tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import __version__
from ..tables.curation import PackageMeta
from .include import expand
from .markdown import literal, prose


def render(template: Path, meta: PackageMeta, schemas: dict[str, Any], frames: dict[str, Any]) -> str:
    text = template.read_text(encoding="utf-8").format(
        title=literal(meta.title),
        version=__version__,
        description=literal(meta.description),
        composition=_composition(schemas, frames),
        artifacts=_artifacts(frames),
        dates=_dates(frames),
        bases=_bases(schemas, frames),
        licenses="; ".join(f"{lic.title} ({lic.name})" for lic in meta.licenses),
        codebook=_codebook(schemas),
        metonyms=int(frames["mentions"]["is_metonym"].sum()),
        mentions=len(frames["mentions"]),
        n_articles=len(frames["articles"]),
    )
    return expand(text, template.parent)


def _composition(schemas: dict[str, Any], frames: dict[str, Any]) -> str:
    lines = ["| table | rows | one row per |", "| --- | ---: | --- |"]
    for name, schema in schemas.items():
        lines.append(f"| `{name}` | {len(frames[name])} | {prose(schema.descriptor['description'])} |")
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
        lines.append(f"| `{row.article_id}` | {row.issue_type} | {literal(row.note)} |")
    return "\n".join(lines)


def _dates(frames: dict[str, Any]) -> str:
    arts = frames["articles"]
    basis = arts["published_date_basis"].astype("object")
    n = len(arts)
    counts = {b: int((basis == b).sum()) for b in ("stated", "inferred", "external", "given")}
    return (
        f"Of {n} articles, {counts['stated']} print their publication date, {counts['inferred']} have it "
        f"inferred from the corpus's text, {counts['external']} have it from a cited outside source "
        f"(`published_date_reference_id`), {counts['given']} as given by the maintainer, and "
        f"{n - sum(counts.values())} have none (see `published_date_note`). Outlets and URLs are null "
        "where neither the text nor a cited source gives them (`outlet_note`, `url_note`)."
    )


def _bases(schemas: dict[str, Any], frames: dict[str, Any]) -> str:
    """How each fact with a basis was established, counted per table and column."""
    codes: list[str] = []
    rows = []
    for name, schema in schemas.items():
        for f in schema.fields:
            if not f["name"].endswith("_basis"):
                continue
            values = frames[name][f["name"]].astype("object")
            enum = f.get("constraints", {}).get("enum", [])
            codes += [c for c in enum if c not in codes]
            rows.append((name, f["name"], {c: int((values == c).sum()) for c in enum}, int(values.isna().sum())))
    lines = ["| table | column | " + " | ".join(codes) + " | null |", "| --- | --- |" + " ---: |" * (len(codes) + 1)]
    for name, col, counts, nulls in rows:
        cells = " | ".join(str(counts[c]) if c in counts else "–" for c in codes)
        lines.append(f"| `{name}` | `{col}` | {cells} | {nulls} |")
    return "\n".join(lines)


def _codebook(schemas: dict[str, Any]) -> str:
    out = []
    for name, schema in schemas.items():
        out += [
            f"### `{name}`",
            "",
            prose(schema.descriptor["description"]),
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
                f"| `{f['name']}` | {f['type']} | {prose(f['description'])} | {prose('; '.join(allowed))} "
                f"| {prose(null)} |"
            )
        fks = [f"`{', '.join(fk.columns)}` → `{fk.resource}.{', '.join(fk.ref_columns)}`" for fk in schema.foreign_keys]
        if fks:
            out += ["", "Foreign keys: " + "; ".join(fks) + "."]
        out.append("")
    return "\n".join(out)
