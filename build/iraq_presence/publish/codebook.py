"""CODEBOOK.md, generated: prose from docs/codebook_template.md; every code's definition from the
schemas; coverage, counts per code and examples from the tables."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .. import __version__
from ..schema.types import codes, ordered
from ..tables.descriptor import code_examples
from .include import expand
from .markdown import literal, prose
from .metadata import report_to


def render(template: Path, meta: Any, schemas: dict[str, Any], frames: dict[str, Any], citation: str) -> str:
    text = template.read_text(encoding="utf-8").format(
        title=literal(meta.title),
        version=__version__,
        citation=literal(citation),
        report=report_to(meta),
        coverage=_coverage(frames),
        codes=_codes(schemas, frames),
        limitations=_limitations(frames),
        metonyms=int(frames["mentions"]["is_metonym"].sum()),
        mentions=len(frames["mentions"]),
        retired_columns=_retired_columns(),
    )
    return expand(text, template.parent)


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


def _retired_columns() -> str:
    from .retired import COLUMNS

    return "\n".join(["| column | definition |", "| --- | --- |", *(f"| `{c}` | {d} |" for c, d in COLUMNS.items())])


def _na(value: Any) -> str:
    return str(value) if isinstance(value, str) else "—"


def _codes(schemas: dict[str, Any], frames: dict[str, Any]) -> str:
    out = []
    for name, schema in schemas.items():
        examples = code_examples(schema, frames[name])
        for f in schema.fields:
            if list_codes(f):
                out += _list_codes(name, f, frames[name][f["name"]])
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


LIST = re.compile(r"^\^\((?P<codes>[a-z_|]+)\)\(;\((?P=codes)\)\)\*\$$")
"""A string column holding a `;`-joined list of codes, as its pattern constrains it."""


def list_codes(f: dict[str, Any]) -> list[str]:
    """The codes of a `;`-joined list column (from its pattern), or []."""
    m = LIST.match(f.get("constraints", {}).get("pattern", ""))
    return m.group("codes").split("|") if m else []


def _list_codes(table: str, f: dict[str, Any], column: Any) -> list[str]:
    """A list column as a defined list: each code, with the rows that carry it."""
    items = column.dropna().astype(str).str.split(";").explode()
    counts = items.value_counts()
    out = [
        f"### `{table}.{f['name']}`",
        "",
        prose(f["description"]),
        "",
        "A list column: a row may carry several codes, joined by `;`, so the counts below add up to "
        "more than the rows. In pandas, "
        f"`{table}['{f['name']}'].str.split(';').explode()` gives one row per code.",
        "",
        "| code | definition | rows |",
        "| --- | --- | ---: |",
    ]
    defs = {c["value"]: c.get("definition") for c in f.get("categories", [])}
    for code in list_codes(f):
        definition = defs.get(code) or "not yet defined in the schema: see the PLOVER manual (section PLOVER above)"
        out.append(f"| `{code}` | {prose(definition)} | {int(counts.get(code, 0))} |")
    out += [f"| (null) | {prose(f.get('nullMeaning', ''))} | {int(column.isna().sum())} |", ""]
    return out


def _limitations(frames: dict[str, Any]) -> str:
    arts = frames["articles"]
    stated = int((arts["published_date_basis"].astype("object") == "stated").sum())
    statements = frames["statements"]
    basis = statements["said_date_basis"].astype("object")
    counts = ", ".join(f"{int((basis == b).sum())} {b}" for b in codes_of(statements["said_date_basis"]))
    return "\n".join(
        [
            f"- {len(arts)} articles: {stated} print their publication date; the others have it inferred, "
            'from a cited outside source, or unknown (`DATASHEET.md`, "Known gaps").',
            f"- Dates of the {len(statements)} statements, by basis: {counts}; "
            f"{int(statements['said_date'].isna().sum())} undated. Respect `*_basis` and `*_precision`: an "
            "`external` date rests on a cited source (`external_references`), not on the article.",
            f"- {len(frames['article_issues'])} artifacts of the raw texts are recorded in `article_issues` "
            "(kept, never edited away); spans inside them may read oddly.",
        ]
    )


def codes_of(column: Any) -> list[str]:
    """A category column's codes in schema order."""
    return [str(c) for c in column.cat.categories]
