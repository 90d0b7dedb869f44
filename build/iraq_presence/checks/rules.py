"""The checks `dataset validate` makes, each a rule with an identifier (see docs/validation.md).

Every failure says: rule, table, row key, column, the bad value and what was expected. Table
checks (types and constraints) run through the pandera schemas derived from schemas/; cross-table
checks (keys, spans, dates, accounting) are vectorized joins and set lookups.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from ..errors import nearest
from ..failure import Failure, _v, row_key
from ..schema.io import read_csv, read_parquet, schemas_from_descriptor
from ..schema.tables import TableSchema
from .evidence import EVIDENCE_CHECKS

PREC_RANK = {"day": 0, "month": 1, "year": 2}


# --- reading ------------------------------------------------------------------------------------------


# --- per-table checks (pandera) ------------------------------------------------------------------------

_PANDERA_CHECKS = (
    ("isin(", "enum"),
    ("str_matches(", "pattern"),
    ("greater_than_or_equal_to(", "minimum"),
    ("less_than_or_equal_to(", "maximum"),
    ("str_length(", "minLength"),
)
_CHECK_RULE = {"enum": "ENUM", "pattern": "PATTERN", "minimum": "RANGE", "maximum": "RANGE", "minLength": "RANGE"}


def check_table(df: Any, schema: TableSchema) -> list[Failure]:
    """Types, required, unique, enum, pattern and range through the derived pandera schema."""
    import pandera.errors as pe

    if any(c not in df.columns for c in schema.columns):
        return []  # reported as COLUMNS-*
    df = df[schema.columns]
    try:
        schema.pandera_schema().validate(df, lazy=True)
        return []
    except pe.SchemaErrors as exc:
        cases = exc.failure_cases
    out = []
    for case in cases.itertuples(index=False):
        check = str(case.check)
        column = case.column if isinstance(case.column, str) else "*"
        index = case.index if case.index == case.index else None
        kind = next((k for prefix, k in _PANDERA_CHECKS if check.startswith(prefix)), None)
        if kind and column in schema.columns:
            col = column
            limit = schema.field(col)["constraints"][kind]
            expected = {
                "enum": "one of " + ", ".join(map(str, limit)) if kind == "enum" else "",
                "pattern": f"a value matching {limit}",
                "minimum": f">= {limit}",
                "maximum": f"<= {limit}",
                "minLength": f"length >= {limit}",
            }[kind]
            if kind == "enum":
                sug = nearest(str(case.failure_case), limit)
                if sug:
                    expected += f" (nearest: {sug[0]})"
            out.append(
                Failure(
                    f"{_CHECK_RULE[kind]}-{schema.name}",
                    schema.name,
                    row_key(df, schema, index),
                    col,
                    _v(case.failure_case),
                    expected,
                )
            )
        elif check == "not_nullable":
            out.append(
                Failure(
                    f"REQUIRED-{schema.name}",
                    schema.name,
                    row_key(df, schema, index),
                    column,
                    "null",
                    "a value (the column is required)",
                )
            )
        elif check in ("field_uniqueness", "multiple_fields_uniqueness"):
            rule = "PK" if column in schema.primary_key or check == "multiple_fields_uniqueness" else "UNIQUE"
            out.append(
                Failure(
                    f"{rule}-{schema.name}",
                    schema.name,
                    row_key(df, schema, index),
                    column,
                    f"duplicate {_v(case.failure_case)}",
                    "unique values",
                )
            )
        elif check.startswith("dtype("):
            out.append(Failure(f"TYPE-{schema.name}", schema.name, "-", column, str(case.failure_case), check))
        else:
            out.append(
                Failure(
                    f"SCHEMA-{schema.name}",
                    schema.name,
                    row_key(df, schema, index),
                    column,
                    _v(case.failure_case),
                    check,
                )
            )
    return _dedupe(out)


def _dedupe(failures: list[Failure]) -> list[Failure]:
    seen, out = set(), []
    for f in failures:
        if f not in seen:
            seen.add(f)
            out.append(f)
    return out


# --- cross-table checks -----------------------------------------------------------------------------


def check_foreign_keys(frames: dict[str, Any], schemas: dict[str, TableSchema]) -> list[Failure]:
    """Every foreign key resolves: a set lookup per key, never a loop over parent rows."""
    out = []
    for name, schema in schemas.items():
        df = frames.get(name)
        if df is None:
            continue
        for fk in schema.foreign_keys:
            parent = frames.get(fk.resource)
            col, ref = fk.columns[0], fk.ref_columns[0]
            if parent is None or col not in df.columns or ref not in parent.columns:
                continue
            child = df[col].astype("object")
            valid = set(parent[ref].dropna().astype(str))
            bad = child.notna() & ~child.astype(str).isin(valid)
            for i in df.index[bad]:
                value = str(child[i])
                sug = nearest(value, valid)
                exp = f"an existing {fk.resource}.{ref}" + (f" (nearest: {', '.join(sug)})" if sug else "")
                out.append(Failure(f"FK-{name}-{col}", name, row_key(df, schema, i), col, _v(value), exp))
    return out


def _texts(frames: dict[str, Any]) -> dict[str, str]:
    arts = frames.get("articles")
    if arts is None or "text" not in arts.columns:
        return {}
    return {a: t for a, t in zip(arts["article_id"], arts["text"]) if isinstance(t, str)}


def span_rule(table: str, span: Any) -> str:
    """SPAN-<table>, or SPAN-<table>-<column> for a table's secondary span (e.g. a date expression)."""
    main = ("text", "quote", "surface", "evidence_text")
    return f"SPAN-{table}" + ("" if span.text in main else f"-{span.text}")


def check_spans(frames: dict[str, Any], schemas: dict[str, TableSchema]) -> list[Failure]:
    """text[start:end] of the article equals the stored string, for every span of every table."""
    texts = _texts(frames)
    out = []
    if not texts:
        return out
    for name, schema in schemas.items():
        df = frames.get(name)
        if df is None:
            continue
        for sp in schema.spans:
            if any(c not in df.columns for c in (sp.article, sp.start, sp.end, sp.text)):
                continue
            rule = span_rule(name, sp)
            for i, art, s, e, value in zip(df.index, df[sp.article], df[sp.start], df[sp.end], df[sp.text]):
                nulls = [x is None or x is _NA() for x in (s, e, value)]
                if all(nulls):
                    continue
                if any(nulls):
                    out.append(
                        Failure(
                            rule,
                            name,
                            row_key(df, schema, i),
                            sp.start,
                            f"{_v(s)}-{_v(e)}",
                            f"{sp.start}, {sp.end} and {sp.text} all set or all null",
                        )
                    )
                    continue
                text = texts.get(art)
                if text is None:
                    continue  # FK-*-article_id reports it
                s, e = int(s), int(e)
                if not (0 <= s < e <= len(text)) or text[s:e] != value:
                    got = text[s:e] if 0 <= s <= e <= len(text) else "(out of range)"
                    out.append(
                        Failure(
                            rule,
                            name,
                            row_key(df, schema, i),
                            f"{sp.start}:{sp.end}",
                            f"text[{s}:{e}] = {_v(got)}",
                            f"{_v(value)} (the stored {sp.text})",
                        )
                    )
    return out


def _NA() -> Any:
    import pandas as pd

    return pd.NA


def check_hashes(frames: dict[str, Any], raw_dir: Path | None) -> list[Failure]:
    """The stored text hashes to the stored sha256; in a repository, the raw file does too."""
    arts = frames.get("articles")
    out: list[Failure] = []
    if arts is None or "sha256" not in arts.columns:
        return out
    for art, text, digest, n, source in zip(
        arts["article_id"], arts.get("text", [None] * len(arts)), arts["sha256"], arts["n_chars"], arts["source_file"]
    ):
        if not isinstance(digest, str) or not isinstance(source, str) or n is None or n is _NA():
            continue  # REQUIRED-articles reports the null
        if isinstance(text, str):
            got = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if got != digest:
                out.append(Failure("RAW-articles-text", "articles", art, "text", f"sha256 {got}", f"sha256 {digest}"))
            if len(text) != n:
                out.append(Failure("RAW-articles-text", "articles", art, "n_chars", _v(n), str(len(text))))
        if raw_dir is not None:
            path = raw_dir / str(source)
            if not path.is_file():
                out.append(Failure("RAW-file", "articles", art, "source_file", _v(source), "a file in data/raw/"))
                continue
            got = hashlib.sha256(path.read_bytes()).hexdigest()
            if got != digest:
                out.append(
                    Failure(
                        "RAW-file",
                        "articles",
                        art,
                        "sha256",
                        f"raw file sha256 {got}",
                        f"{digest}; raw texts are never edited",
                    )
                )
    return out


def _floor(d: dt.date, precision: str) -> dt.date:
    if precision == "year":
        return dt.date(d.year, 1, 1)
    if precision == "month":
        return dt.date(d.year, d.month, 1)
    return d


def _coarser(a: str, b: str) -> str:
    return a if PREC_RANK[a] >= PREC_RANK[b] else b


def check_dates(frames: dict[str, Any], schemas: dict[str, TableSchema]) -> list[Failure]:
    """Every date has precision and basis; inferred or unknown dates have a note; a month date is day 1."""
    out = []
    for name, schema in schemas.items():
        df = frames.get(name)
        if df is None:
            continue
        for f in schema.fields:
            col = f["name"]
            if f["type"] != "date" or f"{col}_precision" not in df.columns:
                continue
            rule = f"DATE-{name}-{col}"
            note = df[f"{col}_note"] if f"{col}_note" in df.columns else None
            for i, d, p, b in zip(df.index, df[col], df[f"{col}_precision"], df[f"{col}_basis"]):
                key = row_key(df, schema, i)
                has = isinstance(d, dt.date)
                p = p if isinstance(p, str) else None
                b = b if isinstance(b, str) else None
                n = note[i] if note is not None and isinstance(note[i], str) else None
                if has and (p is None or b is None):
                    out.append(
                        Failure(
                            rule,
                            name,
                            key,
                            f"{col}_precision/{col}_basis",
                            f"{_v(p)}/{_v(b)}",
                            "a precision (day/month/year) and a basis (stated/inferred)",
                        )
                    )
                elif not has and (p is not None or b is not None):
                    out.append(Failure(rule, name, key, f"{col}_precision", _v(p), f"null, since {col} is null"))
                if (has and p == "month" and d.day != 1) or (has and p == "year" and (d.month, d.day) != (1, 1)):
                    out.append(Failure(rule, name, key, col, str(d), f"the first day of the {p} (precision {p})"))
                if note is not None and (b == "inferred" or not has) and n is None:
                    why = "inferred" if has else "null"
                    out.append(Failure(rule, name, key, f"{col}_note", "null", f"a note saying why the date is {why}"))
    return out


def check_date_order(frames: dict[str, Any], schemas: dict[str, TableSchema]) -> list[Failure]:
    """No statement or meeting report is dated after its article's publication date, where both are known."""
    arts = frames.get("articles")
    out: list[Failure] = []
    if arts is None:
        return out
    pub = {
        a: (d, p)
        for a, d, p in zip(arts["article_id"], arts["published_date"], arts["published_date_precision"])
        if isinstance(d, dt.date) and isinstance(p, str)
    }
    for name, col in (("statements", "said_date"), ("meeting_reports", "report_date")):
        df = frames.get(name)
        if df is None or col not in df.columns:
            continue
        for i, art, d, p in zip(df.index, df["article_id"], df[col], df[f"{col}_precision"]):
            if not isinstance(d, dt.date) or not isinstance(p, str) or art not in pub:
                continue
            ad, ap = pub[art]
            prec = _coarser(p, ap)
            if _floor(d, prec) > _floor(ad, prec):
                out.append(
                    Failure(
                        f"DATE-after-article-{name}",
                        name,
                        row_key(df, schemas[name], i),
                        col,
                        f"{d} ({p})",
                        f"on or before the article's date {ad} ({ap})",
                    )
                )
    return out


def check_meeting_dates(frames: dict[str, Any], schemas: dict[str, TableSchema]) -> list[Failure]:
    """All reports of one meeting agree with its date, at the coarser of the two precisions."""
    meetings, reports = frames.get("meetings"), frames.get("meeting_reports")
    out: list[Failure] = []
    if meetings is None or reports is None:
        return out
    md = {
        m: (d, p)
        for m, d, p in zip(meetings["meeting_id"], meetings["meeting_date"], meetings["meeting_date_precision"])
        if isinstance(d, dt.date)
    }
    for i, m, d, p in zip(
        reports.index, reports["meeting_id"], reports["report_date"], reports["report_date_precision"]
    ):
        if not isinstance(d, dt.date) or m not in md or not isinstance(p, str):
            continue
        d2, p2 = md[m]
        prec = _coarser(p, p2)
        if _floor(d, prec) != _floor(d2, prec):
            out.append(
                Failure(
                    "MEETING-dates-agree",
                    "meeting_reports",
                    row_key(reports, schemas["meeting_reports"], i),
                    "report_date",
                    f"{d} ({p})",
                    f"the meeting's date {d2} ({p2})",
                )
            )
    return out


def check_quotes(frames: dict[str, Any], schemas: dict[str, TableSchema]) -> list[Failure]:
    """Every quotation span in every article is listed and is a statement or dismissed."""
    from ..tables.quotes import find_quotes

    spans = frames.get("quote_spans")
    texts = _texts(frames)
    out: list[Failure] = []
    if spans is None:
        return out
    schema = schemas["quote_spans"]
    for i, status in zip(spans.index, spans["status"]):
        if not isinstance(status, str):
            out.append(
                Failure(
                    "QUOTE-unaccounted",
                    "quote_spans",
                    row_key(spans, schema, i),
                    "status",
                    "null",
                    "a statement covering the span, or a dismissal with a reason (in the article's curation)",
                )
            )
    listed = set(zip(spans["article_id"], spans["char_start"].astype(int), spans["char_end"].astype(int)))
    for art, text in texts.items():
        for q in find_quotes(text):
            if (art, q.start, q.end) not in listed:
                out.append(
                    Failure(
                        "QUOTE-unlisted",
                        "quote_spans",
                        f"{art}:{q.start}-{q.end}",
                        "span_id",
                        "missing",
                        f"a row for the quotation {_v(text[q.start : q.end])}",
                    )
                )
    return out


def check_mentions(frames: dict[str, Any], schemas: dict[str, TableSchema]) -> list[Failure]:
    """The alias matches in `mentions` are exactly what the matcher finds from `actor_aliases`."""
    from ..tables.mentions import AliasMatcher

    aliases, mentions = frames.get("actor_aliases"), frames.get("mentions")
    out: list[Failure] = []
    if aliases is None or mentions is None:
        return out
    owners: dict[str, list[str]] = {}
    for actor, alias in zip(aliases["actor_id"], aliases["alias"]):
        if isinstance(alias, str) and isinstance(actor, str):
            owners.setdefault(alias, []).append(actor)
    for alias, actors in owners.items():
        if len(actors) > 1:
            notes = aliases.loc[aliases["alias"] == alias, "disambiguation_note"]
            if notes.isna().any():
                out.append(
                    Failure(
                        "ALIAS-ambiguous",
                        "actor_aliases",
                        f"{'/'.join(actors)}/{alias}",
                        "alias",
                        _v(alias),
                        "one actor per alias, or a curated disambiguation",
                    )
                )
    for actor, alias, n in zip(aliases["actor_id"], aliases["alias"], aliases["n_mentions"]):
        if n == 0:
            out.append(
                Failure(
                    "ALIAS-unattested",
                    "actor_aliases",
                    f"{actor}/{alias}",
                    "n_mentions",
                    "0",
                    "an alias the articles use (at least one mention)",
                )
            )
    matcher = AliasMatcher(owners)
    auto = mentions[mentions["method"] == "alias_match"]
    have = set(zip(auto["article_id"], auto["char_start"].astype(int), auto["char_end"].astype(int)))
    texts = _texts(frames)
    have = {h for h in have if h[0] in texts}  # a release without texts cannot be rescanned
    want = set()
    for art, text in texts.items():
        for m in matcher.find(text):
            want.add((art, m.start, m.end))
    for art, s, e in sorted(want - have):
        out.append(
            Failure(
                "MENTIONS-missing",
                "mentions",
                f"{art}:{s}-{e}",
                "mention_id",
                "missing",
                "a mention for every alias occurrence",
            )
        )
    for art, s, e in sorted(have - want):
        out.append(
            Failure(
                "MENTIONS-extra",
                "mentions",
                f"{art}:{s}-{e}",
                "mention_id",
                "present",
                "no alias_match mention where no alias occurs",
            )
        )
    counts = auto.groupby(["actor_id", "surface"], observed=True).size().to_dict()
    for actor, alias, n in zip(aliases["actor_id"], aliases["alias"], aliases["n_mentions"]):
        if int(n) != counts.get((actor, alias), 0):
            out.append(
                Failure(
                    "COUNT-actor_aliases-n_mentions",
                    "actor_aliases",
                    f"{actor}/{alias}",
                    "n_mentions",
                    str(n),
                    str(counts.get((actor, alias), 0)),
                )
            )
    return out


def check_counts(frames: dict[str, Any], schemas: dict[str, TableSchema]) -> list[Failure]:
    """Derived counts agree with the rows they count; one utterance has one speaker."""
    out: list[Failure] = []
    st, ut = frames.get("statements"), frames.get("utterances")
    if st is not None and ut is not None:
        n_st = st.groupby("utterance_id").size().to_dict()
        n_art = st.groupby("utterance_id")["article_id"].nunique().to_dict()
        speakers = dict(zip(ut["utterance_id"], ut["speaker_id"]))
        for u, a, b in zip(ut["utterance_id"], ut["n_statements"], ut["n_articles"]):
            if int(a) != n_st.get(u, 0) or int(b) != n_art.get(u, 0):
                out.append(
                    Failure(
                        "COUNT-utterances",
                        "utterances",
                        u,
                        "n_statements/n_articles",
                        f"{a}/{b}",
                        f"{n_st.get(u, 0)}/{n_art.get(u, 0)}",
                    )
                )
        for s, u, sp in zip(st["statement_id"], st["utterance_id"], st["speaker_id"]):
            if u in speakers and speakers[u] != sp:
                out.append(
                    Failure(
                        "UTTERANCE-speaker",
                        "statements",
                        s,
                        "speaker_id",
                        _v(sp),
                        f"{speakers[u]!r}, the speaker of utterance {u}",
                    )
                )
    mt, mr = frames.get("meetings"), frames.get("meeting_reports")
    if mt is not None and mr is not None:
        n = mr.groupby("meeting_id")["article_id"].nunique().to_dict()
        for m, k in zip(mt["meeting_id"], mt["n_reports"]):
            if int(k) != n.get(m, 0):
                out.append(Failure("COUNT-meetings", "meetings", m, "n_reports", str(k), str(n.get(m, 0))))
    return out


def check_groups(frames: dict[str, Any], schemas: dict[str, TableSchema]) -> list[Failure]:
    """No group is its own ancestor."""
    groups = frames.get("militia_groups")
    out: list[Failure] = []
    if groups is None:
        return out
    parent = {g: p for g, p in zip(groups["actor_id"], groups["parent_group_id"]) if isinstance(p, str)}
    for g in parent:
        seen, cur = [g], parent.get(g)
        while cur is not None:
            if cur == g:
                out.append(
                    Failure(
                        "GROUP-cycle",
                        "militia_groups",
                        g,
                        "parent_group_id",
                        " -> ".join([*seen, g]),
                        "a chain of umbrellas that ends",
                    )
                )
                break
            if cur in seen:
                break
            seen.append(cur)
            cur = parent.get(cur)
    return out


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    import re

    left = max((m.end() for m in re.finditer(r"[.!?]\s+|\n", text[:start])), default=0)
    m = re.search(r"[.!?](\s|$)|\n", text[end:])
    right = end + m.end() if m else len(text)
    return left, right


def check_affiliations(frames: dict[str, Any], schemas: dict[str, TableSchema]) -> list[Failure]:
    """Each affiliation's evidence mentions both sides, or sits in the sentence that does."""
    aff, mentions = frames.get("affiliations"), frames.get("mentions")
    texts = _texts(frames)
    out: list[Failure] = []
    if aff is None or mentions is None or not texts:
        return out
    by_art: dict[str, list[tuple[int, int, str]]] = {}
    for art, s, e, a in zip(mentions["article_id"], mentions["char_start"], mentions["char_end"], mentions["actor_id"]):
        by_art.setdefault(art, []).append((int(s), int(e), a))
    for aid, actor, org, art, s, e in zip(
        aff["affiliation_id"],
        aff["actor_id"],
        aff["organization_id"],
        aff["article_id"],
        aff["char_start"],
        aff["char_end"],
    ):
        if art not in texts:
            continue
        ms = by_art.get(art, [])

        def covered(lo: int, hi: int, who: str, ms: list[tuple[int, int, str]] = ms) -> bool:
            return any(a == who and ms_ >= lo and me <= hi for ms_, me, a in ms)

        s, e = int(s), int(e)
        if covered(s, e, actor) and covered(s, e, org):
            continue
        lo, hi = _sentence(texts[art], s, e)
        if not (covered(lo, hi, actor) and covered(lo, hi, org)):
            missing = [x for x in (actor, org) if not covered(lo, hi, x)]
            out.append(
                Failure(
                    "AFFIL-evidence",
                    "affiliations",
                    aid,
                    "start:end",
                    f"{s}-{e}",
                    f"a span or sentence mentioning {' and '.join(missing)}",
                )
            )
    return out


CROSS_CHECKS = (
    check_foreign_keys,
    check_spans,
    check_dates,
    check_date_order,
    check_meeting_dates,
    check_quotes,
    check_mentions,
    check_counts,
    check_groups,
    check_affiliations,
    *EVIDENCE_CHECKS,
)


def check_frames(frames: dict[str, Any], schemas: dict[str, TableSchema], raw_dir: Path | None = None) -> list[Failure]:
    """Every per-table and cross-table rule on in-memory tables (the build runs this too)."""
    out: list[Failure] = []
    for name, schema in schemas.items():
        if name in frames:
            out.extend(check_table(frames[name], schema))
    out.extend(check_hashes(frames, raw_dir))
    for check in CROSS_CHECKS:
        try:
            out.extend(check(frames, schemas))
        except Exception as exc:  # a corrupted table must be reported, never crash the validator
            out.append(
                Failure(
                    f"CHECK-{check.__name__.removeprefix('check_')}",
                    "-",
                    "-",
                    "-",
                    f"could not run: {type(exc).__name__}: {exc}",
                    "tables clean enough to check",
                )
            )
    return out


def compare_formats(csv: dict[str, Any], parquet: dict[str, Any], schemas: dict[str, TableSchema]) -> list[Failure]:
    """Parquet and CSV hold the same rows and values."""
    out = []
    for name, schema in schemas.items():
        a, b = csv.get(name), parquet.get(name)
        if a is None or b is None:
            continue
        if len(a) != len(b):
            out.append(Failure(f"FORMAT-{name}", name, "-", "*", f"{len(b)} Parquet rows", f"{len(a)} rows as in CSV"))
            continue
        for col in schema.columns:
            if col not in a.columns or col not in b.columns:
                continue
            x, y = a[col].astype("object"), b[col].astype("object")
            differ = ~((x == y).fillna(False).astype(bool) | (x.isna() & y.isna()))
            for i in a.index[differ.to_numpy()][:5]:
                out.append(
                    Failure(
                        f"FORMAT-{name}",
                        name,
                        row_key(a, schema, i),
                        col,
                        f"Parquet {_v(y[i])}",
                        f"{_v(x[i])} as in CSV",
                    )
                )
    return out


def validate_path(folder: Path) -> list[Failure]:
    """Validate a folder holding datapackage.json (a repository or a downloaded release)."""
    from ..store import JOURNAL
    from ..tables.descriptor import metadata_errors

    out: list[Failure] = []
    if (folder / JOURNAL).exists():
        out.append(
            Failure(
                "BUILD-interrupted",
                "-",
                "-",
                "-",
                "a build journal is present",
                "no journal: run `dataset build` to complete the interrupted build",
            )
        )
    desc_path = folder / "datapackage.json"
    if not desc_path.is_file():
        return [Failure("PKG-descriptor", "-", "-", "-", f"{desc_path} missing", "a datapackage.json")]
    try:
        desc = json.loads(desc_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [Failure("PKG-descriptor", "-", "-", "-", f"invalid JSON: {exc}", "a JSON descriptor")]
    for msg in metadata_errors(desc):
        out.append(Failure("PKG-descriptor", "-", "-", "-", msg, "a valid Data Package descriptor"))
    schemas = schemas_from_descriptor(desc)
    descriptors = {"csv": desc}
    pq_path = folder / "datapackage.parquet.json"
    if pq_path.is_file():
        descriptors["parquet"] = json.loads(pq_path.read_text(encoding="utf-8"))
    loaded: dict[str, dict[str, Any]] = {}
    for fmt, d in descriptors.items():
        frames = {}
        for res in d["resources"]:
            name = res["name"]
            path = folder / res["path"]
            if not path.is_file():
                out.append(Failure(f"FILE-{name}", name, "-", "-", f"{res['path']} missing", "the table file"))
                continue
            data = path.read_bytes()
            digest = "sha256:" + hashlib.sha256(data).hexdigest()
            recorded = res.get("hash") or (f"sha256:{res['sha256']}" if res.get("sha256") else None)
            if recorded and recorded != digest:
                out.append(
                    Failure(
                        f"FILE-{name}",
                        name,
                        "-",
                        "-",
                        f"{res['path']} {digest}, {len(data)} bytes",
                        f"{recorded} (as the descriptor records it)",
                    )
                )
            try:
                df, fails = (read_csv if fmt == "csv" else read_parquet)(path, schemas[name])
            except Exception as exc:  # a truncated or corrupt file
                out.append(
                    Failure(
                        f"FILE-{name}", name, "-", "-", f"{res['path']} unreadable: {exc}", f"a readable {fmt} file"
                    )
                )
                continue
            out.extend(fails)
            frames[name] = df
        loaded[fmt] = frames
    raw = folder / "data" / "raw"
    for fmt, frames in loaded.items():
        fails = check_frames(frames, schemas, raw if raw.is_dir() and fmt == "csv" else None)
        out.extend(
            f if fmt == "csv" else Failure(f.rule, f.table, f.key, f.column, f"{f.value} [parquet]", f.expected)
            for f in fails
        )
    if "parquet" in loaded:
        out.extend(compare_formats(loaded["csv"], loaded["parquet"], schemas))
    return _dedupe(out)
