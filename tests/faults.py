"""Corruptions a hand edit or a bug can cause, each with the rule that must catch it.

`faults()` are frame mutations, derived from the schemas (every foreign key, key, required
column, vocabulary, pattern, range, span and date of every table) plus the domain cases; each is
applied in memory to the committed tables. `file_faults()` corrupt a package's files on disk, in
the CSV or the Parquet copy, for the end-to-end tests through the CLI.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from iraq_presence.checks.generic import date_fields, span_rule
from iraq_presence.schema.io import csv_bytes, read_parquet, to_arrow
from iraq_presence.schema.tables import load_schemas

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = load_schemas(ROOT / "schemas")
Frames = dict[str, pd.DataFrame]


@dataclass(frozen=True)
class Fault:
    kind: str
    target: str
    rule: str
    apply: Callable[[Any], Any]
    """In memory: frames -> frames. On files: (root, fmt) -> None."""
    formats: tuple[str, ...] = ()
    """On files: the copies it is tried on (a fault of the package, not of one copy, once)."""

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.target}"


@cache
def _committed() -> tuple[tuple[str, pd.DataFrame], ...]:
    return tuple((n, read_parquet(ROOT / "data" / f"{n}.parquet", s)[0]) for n, s in SCHEMAS.items())


def committed() -> Frames:
    """The committed tables, typed (a fresh dict; the frames are shared, so mutate copies)."""
    return dict(_committed())


def edit(table: str, change: Callable[[pd.DataFrame], pd.DataFrame]) -> Callable[[Frames], Frames]:
    def apply(frames: Frames) -> Frames:
        return {**frames, table: change(frames[table].copy())}

    return apply


def set_value(df: pd.DataFrame, col: str, value: object, row: int | None = None) -> pd.DataFrame:
    """df with one cell changed (the first non-null cell of the column unless `row`)."""
    df = df.copy()
    if row is None:
        row = int(df.index[df[col].notna()][0]) if df[col].notna().any() else 0
    if isinstance(df[col].dtype, pd.CategoricalDtype) and value is not None and value not in df[col].cat.categories:
        df[col] = df[col].cat.add_categories([value])
    df.loc[row, col] = value
    return df


def _first(df: pd.DataFrame, mask: Any) -> int:
    return int(df.index[mask][0])


def _generic() -> list[Fault]:
    """Faults derived from the schemas: one per key, required column, constraint, span and date."""
    out: list[Fault] = []
    frames = committed()
    for name, schema in SCHEMAS.items():
        df = frames[name]
        if df.empty:
            continue
        out += _table_faults(name, schema, df)
        for f in schema.fields:
            out += _field_faults(name, schema, df, f)
        out += _span_faults(name, schema, df)
        for col in date_fields(schema):
            out += _date_faults(name, col, df)
    return out


def _table_faults(name: str, schema: Any, df: pd.DataFrame) -> list[Fault]:
    """A repeated key, an extra, a missing or a retyped column, a dangling foreign key."""
    out: list[Fault] = []
    out.append(
        Fault("duplicate-pk", name, f"PK-{name}", edit(name, lambda d: pd.concat([d, d.iloc[[0]]], ignore_index=True)))
    )
    out.append(Fault("extra-column", name, f"COLUMNS-{name}", edit(name, lambda d: d.assign(zz_extra="x"))))
    out.append(Fault("missing-column", name, f"COLUMNS-{name}", edit(name, lambda d: d.iloc[:, :-1])))
    ints = [f["name"] for f in schema.fields if f["type"] == "integer"]
    if ints:
        out.append(
            Fault(
                "retyped",
                f"{name}.{ints[0]}",
                f"DTYPE-{name}",
                edit(name, lambda d, c=ints[0]: d.assign(**{c: d[c].astype("float64")})),
            )
        )
    for fk in schema.foreign_keys:
        col = fk.columns[0]
        if df[col].notna().any():
            out.append(
                Fault(
                    "dangling-fk",
                    f"{name}.{col}",
                    f"FK-{name}-{col}",
                    edit(name, lambda d, c=col: set_value(d, c, "zz-dangling")),
                )
            )
    return out


def _field_faults(name: str, schema: Any, df: pd.DataFrame, f: dict[str, Any]) -> list[Fault]:
    """A null in a required column; a value outside the field's vocabulary, pattern, uniqueness or range."""
    out: list[Fault] = []
    col, c = f["name"], f.get("constraints", {})
    if schema.required(col):
        out.append(
            Fault(
                "null-required",
                f"{name}.{col}",
                f"REQUIRED-{name}",
                edit(name, lambda d, c=col: set_value(d, c, None, 0)),
            )
        )
    if not df[col].notna().any():
        return out
    if c.get("enum"):
        out.append(
            Fault(
                "enum",
                f"{name}.{col}",
                f"ENUM-{name}",
                edit(name, lambda d, c=col: set_value(d, c, "not_a_code")),
            )
        )
    if c.get("pattern"):
        out.append(
            Fault(
                "pattern",
                f"{name}.{col}",
                f"PATTERN-{name}",
                edit(name, lambda d, c=col: set_value(d, c, "Not A Valid Value!")),
            )
        )
    if c.get("unique") and schema.primary_key != [col]:
        out.append(
            Fault(
                "duplicate-unique",
                f"{name}.{col}",
                f"UNIQUE-{name}",
                edit(name, lambda d, c=col: set_value(d, c, d[c].dropna().iloc[0], int(d.index[-1]))),
            )
        )
    if "minimum" in c:
        out.append(
            Fault(
                "below-minimum",
                f"{name}.{col}",
                f"RANGE-{name}",
                edit(name, lambda d, c=col, m=c["minimum"]: set_value(d, c, m - 1)),
            )
        )
    if "maximum" in c:
        out.append(
            Fault(
                "above-maximum",
                f"{name}.{col}",
                f"RANGE-{name}",
                edit(name, lambda d, c=col, m=c["maximum"]: set_value(d, c, m + 1)),
            )
        )
    return out


def _span_faults(name: str, schema: Any, df: pd.DataFrame) -> list[Fault]:
    """A shifted span, a retyped span text, a half-null span."""
    out: list[Fault] = []
    for sp in schema.spans:
        if not df[sp.start].notna().any():
            continue
        rule = span_rule(name, sp)

        def shift(d: pd.DataFrame, sp=sp) -> pd.DataFrame:
            i = _first(d, d[sp.start].notna())
            d.loc[i, sp.start] += 1
            d.loc[i, sp.end] += 1
            return d

        def retype(d: pd.DataFrame, sp=sp) -> pd.DataFrame:
            i = _first(d, d[sp.text].notna())
            value = d.loc[i, sp.text]
            d.loc[i, sp.text] = value[:-1] + ("X" if value[-1] != "X" else "Y")
            return d

        def half(d: pd.DataFrame, sp=sp) -> pd.DataFrame:
            d.loc[_first(d, d[sp.start].notna()), sp.end] = None
            return d

        out.append(Fault("offset-shift", f"{name}.{sp.start}", rule, edit(name, shift)))
        out.append(Fault("text-one-char", f"{name}.{sp.text}", rule, edit(name, retype)))
        out.append(Fault("span-half-null", f"{name}.{sp.end}", rule, edit(name, half)))
    return out


def _date_faults(name: str, col: str, df: pd.DataFrame) -> list[Fault]:
    rule, prec, basis, note = f"DATE-{name}-{col}", f"{col}_precision", f"{col}_basis", f"{col}_note"
    out = []
    if df[col].notna().any():
        out.append(
            Fault(
                "date-without-precision",
                f"{name}.{col}",
                rule,
                edit(name, lambda d: set_value(d, prec, None, _first(d, d[col].notna()))),
            )
        )

        def mid_month(d: pd.DataFrame) -> pd.DataFrame:
            i = _first(d, d[col].notna())
            d = set_value(d, prec, "month", i)
            d.loc[i, col] = dt.date(2019, 5, 15)
            return d

        out.append(Fault("date-precision", f"{name}.{col}", rule, edit(name, mid_month)))
        if note in df.columns:

            def inferred_without_note(d: pd.DataFrame) -> pd.DataFrame:
                i = _first(d, d[col].notna())
                d = set_value(d, basis, "inferred", i)
                d.loc[i, note] = None
                return d

            out.append(Fault("inferred-without-note", f"{name}.{col}", rule, edit(name, inferred_without_note)))
    if df[col].isna().any() or df[col].notna().any():

        def precision_without_date(d: pd.DataFrame) -> pd.DataFrame:
            i = int(d.index[0])
            d.loc[i, col] = None
            return set_value(d, prec, "day", i)

        out.append(Fault("precision-without-date", f"{name}.{col}", rule, edit(name, precision_without_date)))
    return out


def _domain() -> list[Fault]:
    """One fault per domain rule, on the rows the committed corpus has."""
    f = committed()
    out: list[Fault] = []

    def after(d: pd.DataFrame) -> pd.DataFrame:
        i = _first(d, d["said_date"].notna())
        d = set_value(d, "said_date_precision", "day", i)
        d.loc[i, "said_date"] = dt.date(2030, 1, 1)
        return d

    out.append(
        Fault("date-after-article", "statements.said_date", "DATE-after-article-statements", edit("statements", after))
    )

    def report_moved(d: pd.DataFrame) -> pd.DataFrame:
        i = _first(d, d["report_date"].notna())
        d = set_value(d, "report_date_precision", "day", i)
        d.loc[i, "report_date"] = dt.date(2001, 1, 1)
        return d

    out.append(
        Fault(
            "meeting-dates", "meeting_reports.report_date", "MEETING-dates-agree", edit("meeting_reports", report_moved)
        )
    )
    out.append(
        Fault(
            "quote-unaccounted",
            "quote_spans.status",
            "QUOTE-unaccounted",
            edit("quote_spans", lambda d: set_value(d, "status", None, 0)),
        )
    )
    out.append(Fault("quote-unlisted", "quote_spans", "QUOTE-unlisted", edit("quote_spans", lambda d: d.iloc[1:])))
    auto = f["mentions"]["method"] == "alias_match"
    out.append(
        Fault(
            "mention-missing",
            "mentions",
            "MENTIONS-missing",
            edit("mentions", lambda d: d.drop(index=_first(d, d["method"] == "alias_match"))),
        )
    )

    def extra_mention(d: pd.DataFrame) -> pd.DataFrame:
        row = d[d["method"] == "alias_match"].iloc[[0]].copy()
        row["mention_id"] = "zz-extra"
        row["char_start"] += 1
        row["char_end"] += 1
        return pd.concat([d, row], ignore_index=True)

    out.append(Fault("mention-extra", "mentions", "MENTIONS-extra", edit("mentions", extra_mention)))
    assert auto.any()

    def shared_alias(d: pd.DataFrame) -> pd.DataFrame:
        row = d.iloc[[0]].copy()
        row["actor_id"] = d["actor_id"].iloc[-1]
        row["disambiguation_note"] = None
        return pd.concat([d, row], ignore_index=True)

    out.append(Fault("alias-ambiguous", "actor_aliases.alias", "ALIAS-ambiguous", edit("actor_aliases", shared_alias)))
    out.append(
        Fault(
            "alias-unattested",
            "actor_aliases.n_mentions",
            "ALIAS-unattested",
            edit("actor_aliases", lambda d: set_value(d, "n_mentions", 0, 0)),
        )
    )
    out.append(
        Fault(
            "count",
            "actor_aliases.n_mentions",
            "COUNT-actor_aliases-n_mentions",
            edit("actor_aliases", lambda d: set_value(d, "n_mentions", d["n_mentions"].iloc[0] + 1, 0)),
        )
    )
    out.append(
        Fault(
            "count",
            "utterances.n_statements",
            "COUNT-utterances",
            edit("utterances", lambda d: set_value(d, "n_statements", d["n_statements"].iloc[0] + 1, 0)),
        )
    )
    out.append(
        Fault(
            "count",
            "meetings.n_reports",
            "COUNT-meetings",
            edit("meetings", lambda d: set_value(d, "n_reports", d["n_reports"].iloc[0] + 1, 0)),
        )
    )

    def other_speaker(d: pd.DataFrame) -> pd.DataFrame:
        other = next(s for s in d["speaker_id"] if s != d["speaker_id"].iloc[0])
        return set_value(d, "speaker_id", other, 0)

    out.append(
        Fault("utterance-speaker", "statements.speaker_id", "UTTERANCE-speaker", edit("statements", other_speaker))
    )
    groups = f["militia_groups"]
    child = groups[groups["parent_group_id"].notna()].iloc[0]

    def cycle(d: pd.DataFrame) -> pd.DataFrame:
        d.loc[_first(d, d["actor_id"] == child["parent_group_id"]), "parent_group_id"] = child["actor_id"]
        return d

    out.append(Fault("group-cycle", "militia_groups.parent_group_id", "GROUP-cycle", edit("militia_groups", cycle)))

    def stranger(d: pd.DataFrame) -> pd.DataFrame:
        return set_value(d, "organization_id", "iran", 0)  # an actor the evidence sentence does not name

    out.append(
        Fault("affiliation-evidence", "affiliations.organization_id", "AFFIL-evidence", edit("affiliations", stranger))
    )

    def text_edited(d: pd.DataFrame) -> pd.DataFrame:
        d.loc[0, "text"] = d.loc[0, "text"] + " "
        return d

    out.append(Fault("text-edited", "articles.text", "RAW-articles-text", edit("articles", text_edited)))
    out.append(
        Fault(
            "rule-crashes",
            "mentions.char_start",
            "CHECK-mentions",
            edit("mentions", lambda d: d.assign(char_start="not a number")),
        )
    )
    return out


@cache
def _evidence() -> list[Fault]:
    """One fault per evidence-policy rule: a basis stripped of what it needs."""

    def basis_is(d: pd.DataFrame, col: str, value: str) -> Any:
        return d[col].astype("object").eq(value).fillna(False).astype(bool)

    def no_span(d: pd.DataFrame) -> pd.DataFrame:
        i = _first(d, basis_is(d, "published_date_basis", "stated"))
        return set_value(set_value(d, "published_date_start", None, i), "published_date_end", None, i)

    def no_note(d: pd.DataFrame) -> pd.DataFrame:
        return set_value(d, "said_date_note", None, _first(d, basis_is(d, "said_date_basis", "inferred")))

    def no_reference(d: pd.DataFrame) -> pd.DataFrame:
        return set_value(d, "said_date_reference_id", None, _first(d, basis_is(d, "said_date_basis", "external")))

    def given_silently(d: pd.DataFrame) -> pd.DataFrame:
        i = _first(d, d["outlet_id"].notna())
        d = set_value(d, "outlet_basis", "given", i)
        return set_value(set_value(d, "outlet_note", None, i), "outlet_reference_id", None, i)

    def no_basis(d: pd.DataFrame) -> pd.DataFrame:
        return set_value(d, "country_basis", None, _first(d, d["country"].notna()))

    def uncited(d: pd.DataFrame) -> pd.DataFrame:
        return pd.concat([d, d.iloc[[0]].assign(reference_id="ref-nobody-cites-this")], ignore_index=True)

    return [
        Fault("evidence", "articles.published_date_basis", "EVIDENCE-stated", edit("articles", no_span)),
        Fault("evidence", "statements.said_date_note", "EVIDENCE-inferred", edit("statements", no_note)),
        Fault("evidence", "statements.said_date_reference_id", "EVIDENCE-external", edit("statements", no_reference)),
        Fault("evidence", "articles.outlet_basis", "EVIDENCE-given", edit("articles", given_silently)),
        Fault("evidence", "actors.country_basis", "EVIDENCE-basis", edit("actors", no_basis)),
        Fault(
            "evidence", "external_references.reference_id", "EVIDENCE-reference", edit("external_references", uncited)
        ),
    ]


def faults() -> list[Fault]:
    return _generic() + _domain() + _evidence()


# --- on files ------------------------------------------------------------------------------------------------


def rehash(root: Path, rel: str) -> None:
    """Record a rewritten file's hash in the descriptors, so the content rule (not FILE-*) must catch it."""
    digest = hashlib.sha256((root / rel).read_bytes()).hexdigest()
    for name in ("datapackage.json", "datapackage.parquet.json"):
        path = root / name
        desc = json.loads(path.read_text(encoding="utf-8"))
        for res in desc["resources"]:
            if res["path"] == rel:
                if "hash" in res:
                    res["hash"] = f"sha256:{digest}"
                    res["bytes"] = (root / rel).stat().st_size
                else:
                    res["sha256"] = digest
        path.write_text(json.dumps(desc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write(root: Path, table: str, df: pd.DataFrame, fmt: str) -> None:
    schema, rel = SCHEMAS[table], f"data/{table}.{fmt}"
    if fmt == "csv":
        (root / rel).write_bytes(csv_bytes(df, schema))
    else:  # a hand edit or a bug need not respect the schema's nullability
        import pyarrow as pa
        import pyarrow.parquet as pq

        t = to_arrow(df, schema)
        relaxed = pa.schema([f.with_nullable(True) for f in t.schema], metadata=t.schema.metadata)
        pq.write_table(t.cast(relaxed), root / rel)
    rehash(root, rel)


def on_file(table: str, change: Callable[[pd.DataFrame], pd.DataFrame]) -> Callable[[Path, str], None]:
    def apply(root: Path, fmt: str) -> None:
        write(root, table, change(read_parquet(root / "data" / f"{table}.parquet", SCHEMAS[table])[0]), fmt)

    return apply


def _raw_write(root: Path, table: str, fmt: str, change: Callable[[Any], Any]) -> None:
    """Rewrite a file outside the schema (pyarrow for Parquet, pyarrow.csv for CSV)."""
    import pyarrow as pa
    import pyarrow.csv as pc
    import pyarrow.parquet as pq

    rel = f"data/{table}.{fmt}"
    path = root / rel
    if fmt == "parquet":
        pq.write_table(change(pq.read_table(path)), path)
    else:
        opts = pc.ConvertOptions(
            column_types={c: pa.string() for c in SCHEMAS[table].columns}, strings_can_be_null=False
        )
        pc.write_csv(change(pc.read_csv(path, convert_options=opts)), path)
    rehash(root, rel)


def file_faults() -> list[Fault]:
    """About fifteen corruptions of files, each applied to the CSV or the Parquet copy."""
    import pyarrow as pa

    def disagree(root: Path, fmt: str) -> None:
        other = "parquet" if fmt == "csv" else "csv"
        on_file("actors", lambda d: set_value(d, "name", "Someone Else", 0))(root, other)

    def raw_edit(root: Path, fmt: str) -> None:
        path = next((root / "data" / "raw").glob("000_*.txt"))
        path.write_bytes(path.read_bytes().replace(b"Khamenei", b"Khamenej", 1))

    def missing(root: Path, fmt: str) -> None:
        (root / "data" / f"mentions.{fmt}").unlink()

    def truncated(root: Path, fmt: str) -> None:
        path = root / "data" / f"mentions.{fmt}"
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])

    def hand_edit(root: Path, fmt: str) -> None:  # not rehashed: the recorded hash catches it
        path = root / "data" / f"actors.{fmt}"
        path.write_bytes(
            path.read_bytes().replace(b"Khamenei", b"Khamenej", 1) if fmt == "csv" else path.read_bytes() + b"\0"
        )

    def wrong_type(root: Path, fmt: str) -> None:
        def change(t: Any) -> Any:
            i = t.schema.get_field_index("evidence_start")
            col = pa.array(["abc"] + [str(v) for v in t.column(i).to_pylist()[1:]])
            return t.set_column(i, "evidence_start", col)

        _raw_write(root, "actors", fmt, change)

    def descriptor(root: Path, fmt: str) -> None:
        (root / "datapackage.json").write_text("{not json", encoding="utf-8")

    def journal(root: Path, fmt: str) -> None:
        from iraq_presence.store import JOURNAL

        (root / JOURNAL).write_text("[]", encoding="utf-8")

    def curation_edited(root: Path, fmt: str) -> None:  # the copy has no curation: add one file
        path = root / "data" / "curation" / "actors.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes((ROOT / "data" / "curation" / "actors.yaml").read_bytes() + b"# edited\n")

    def dropped(root: Path, fmt: str) -> None:  # the table and its resource gone from one descriptor
        name = "datapackage.json" if fmt == "csv" else "datapackage.parquet.json"
        desc = json.loads((root / name).read_text(encoding="utf-8"))
        desc["resources"] = [r for r in desc["resources"] if r["name"] != "actors"]
        (root / name).write_text(json.dumps(desc), encoding="utf-8")

    def release_extra(root: Path, fmt: str) -> None:  # a release whose SHA256SUMS misses a file
        import hashlib

        files = sorted(p for p in root.rglob("*") if p.is_file())
        sums = "".join(
            f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(root).as_posix()}\n" for p in files
        )
        (root / "SHA256SUMS").write_text(sums, encoding="utf-8")
        (root / "notes.txt").write_text("added after the release", encoding="utf-8")

    both, one = ("csv", "parquet"), ("parquet",)
    return [
        Fault("curation-edited", "data/curation/actors.yaml", "BUILD-stale", curation_edited, one),
        Fault("format-disagree", "actors", "FORMAT-actors", disagree, both),
        Fault("file-truncated", "mentions", "FILE-mentions", truncated, both),
        Fault(
            "missing-column",
            "actors",
            "COLUMNS-actors",
            lambda r, f: _raw_write(r, "actors", f, lambda t: t.drop_columns(["description"])),
            both,
        ),
        Fault("wrong-type", "actors.evidence_start", "TYPE-actors", wrong_type, both),
        Fault(
            "dangling-fk",
            "statements.speaker_id",
            "FK-statements-speaker_id",
            on_file("statements", lambda d: set_value(d, "speaker_id", "zz-dangling")),
            both,
        ),
        Fault(
            "extra-column",
            "actors",
            "COLUMNS-actors",
            lambda r, f: _raw_write(r, "actors", f, lambda t: t.append_column("extra", pa.array(["x"] * t.num_rows))),
            ("csv",),
        ),
        Fault("hash-mismatch", "actors", "FILE-actors", hand_edit, ("csv",)),
        Fault("file-missing", "mentions", "FILE-mentions", missing, one),
        Fault(
            "offset-shift",
            "mentions.char_start",
            "SPAN-mentions",
            on_file("mentions", lambda d: d.assign(char_start=d["char_start"] + 1, char_end=d["char_end"] + 1)),
            one,
        ),
        Fault("raw-edited", "articles", "RAW-file", raw_edit, one),
        Fault("resource-dropped", "actors", "PKG-tables", dropped, both),
        Fault("bad-descriptor", "datapackage.json", "PKG-descriptor", descriptor, one),
        Fault("journal-left", ".build-journal.json", "BUILD-interrupted", journal, one),
        Fault("release-extra", "SHA256SUMS", "RELEASE-files", release_extra, one),
    ]
