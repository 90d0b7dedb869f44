"""CODEBOOK.md, generated: prose from docs/codebook_template.md; every code's definition from the
schemas; coverage, counts per code and examples from the tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import __version__
from ..schema.types import codes, ordered
from ..tables.descriptor import code_examples
from .markdown import literal, prose
from .metadata import report_to


def render(template: Path, meta: Any, schemas: dict[str, Any], frames: dict[str, Any], citation: str) -> str:
    return template.read_text(encoding="utf-8").format(
        title=literal(meta.title),
        version=__version__,
        citation=literal(citation),
        report=report_to(meta),
        coverage=_coverage(frames),
        codes=_codes(schemas, frames),
        limitations=_limitations(frames),
    )


def _coverage(frames: dict[str, Any]) -> str:
    import pandas as pd

    arts = frames["articles"].sort_values("article_id")
    actors = frames["actors"].set_index("actor_id")["name"]
    counts = {
        t: frames[t].groupby("article_id", observed=True).size() for t in ("statements", "mentions", "meeting_reports")
    }
    lines = [
        "| article | title | outlet | published | precision | basis | statements | mentions | meetings |",
        "| --- | --- | --- | --- | --- | --- | ---: | ---: | ---: |",
    ]
    for row in arts.itertuples():
        outlet = actors.get(row.outlet_id, "not stated") if isinstance(row.outlet_id, str) else "not stated"
        date = "unknown" if pd.isna(row.published_date) else str(row.published_date)
        n = " | ".join(str(int(counts[t].get(row.article_id, 0))) for t in counts)
        title = literal(row.title) if isinstance(row.title, str) else "(untitled)"
        lines.append(
            f"| `{row.article_id}` | {title} | {literal(outlet)} | {date} "
            f"| {_na(row.published_date_precision)} | {_na(row.published_date_basis)} | {n} |"
        )
    return "\n".join(lines)


def _na(value: Any) -> str:
    return str(value) if isinstance(value, str) else "—"


def _codes(schemas: dict[str, Any], frames: dict[str, Any]) -> str:
    out = []
    for name, schema in schemas.items():
        examples = code_examples(schema, frames[name])
        for f in schema.fields:
            if not codes(f):
                continue
            column = frames[name][f["name"]].astype("object")
            counts = column.value_counts(dropna=True)
            nulls = int(column.isna().sum())
            out += [f"### `{name}.{f['name']}`", "", prose(f["description"])]
            if ordered(f):
                out += ["", "Ordered: " + " < ".join(f"`{c}`" for c in codes(f)) + "."]
            out += ["", "| code | label | definition | rows | example |", "| --- | --- | --- | ---: | --- |"]
            defs = {c["value"]: c for c in f.get("categories", [])}
            for code in codes(f):
                cat = defs.get(code, {})
                example = examples.get(f["name"], {}).get(code, "none in this release")
                out.append(
                    f"| `{code}` | {prose(cat.get('label', ''))} | {prose(cat.get('definition', 'UNDEFINED'))} "
                    f"| {int(counts.get(code, 0))} | {literal(example)} |"
                )
            if not schema.required(f["name"]):
                out.append(f"| (null) | | {prose(f.get('nullMeaning', ''))} | {nulls} | |")
            rules = f.get("codingRules", [])
            if rules:
                out += ["", "Borderline cases:", ""] + [f"- {r}" for r in rules]
            out.append("")
    return "\n".join(out)


def _limitations(frames: dict[str, Any]) -> str:
    arts = frames["articles"]
    stated = int((arts["published_date_basis"].astype("object") == "stated").sum())
    statements = frames["statements"]
    inferred = int((statements["said_date_basis"].astype("object") == "inferred").sum())
    return "\n".join(
        [
            f"- {len(arts)} articles: {stated} print their publication date; the others have it inferred or unknown.",
            f"- {inferred} of {len(statements)} statements have an inferred date; "
            f"{int(statements['said_date'].isna().sum())} have none.",
            f"- {len(frames['article_issues'])} artifacts of the raw texts are recorded in `article_issues` "
            "(kept, never edited away); spans inside them may read oddly.",
        ]
    )
