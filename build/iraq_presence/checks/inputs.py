"""What each table rule reads, declared for the build's rule cache (`tables/rulecache.py`).

A rule's result is reused by a rebuild only when every input declared here is byte-identical to
the one it passed on; the cache hands the rule only these inputs (any other table raises
`UndeclaredRead`, a missing column is absent), so a declaration that says too little makes the
rule fail there and run uncached, never pass on inputs it did not see.

- `PER_TABLE`: functions that check each table of `schemas` on its own and report the tables in
  `schemas` order; each table is a separate result, keyed by what `reads(name, schema)` names.
- `ACROSS`: functions read whole, keyed by the named tables (a tuple: only those columns).
- Any other `tables` function is keyed by every table whole.
- A `raw` function reads `RAW_READS` of `articles` and the raw files they name, which the build
  has just read and hashed: keyed by those columns and every file's SHA-256 as read.
"""

from __future__ import annotations

from collections.abc import Callable

from ..schema.tables import TableSchema

Reads = dict[str, tuple[str, ...] | None]
"""Table name: the columns read (None: the whole table)."""

TEXTS = ("article_id", "text")
"""The articles' ids and texts, what a rule reading the texts reads of `articles`."""

RESCAN = {"articles": TEXTS, "actor_aliases": None, "quote_spans": None, "mentions": None}
"""What the `rescan` derivation is made from: in the build, the scanner's rows (`make._with_scan`);
in `validate`, the texts and the aliases."""


RAW_READS = ("article_id", "sha256", "source_file")
"""What a rule on the raw files (`check_raw_files`) reads of `articles`."""


DERIVED: dict[str, Reads] = {"rescan": RESCAN, "article_texts": {"articles": TEXTS}, "texts": {"articles": TEXTS}}
"""What each derivation the rules share (`Frames.memo` keys) is made from: a cached rule is handed
one only when it declares all of it; any other derivation it makes for itself, from its inputs."""


def covers(reads: Reads, need: Reads) -> bool:
    """Whether `reads` declares every table and column of `need`."""
    return all(
        t in reads and (reads[t] is None or (cols is not None and set(cols) <= set(reads[t] or ())))
        for t, cols in need.items()
    )


class UndeclaredRead(LookupError):
    """A cached rule read a table its declaration does not name."""


def _own(name: str, schema: TableSchema) -> Reads:
    return {name: None}


def _spans(name: str, schema: TableSchema) -> Reads:
    return {"articles": TEXTS, name: None}  # the texts are read first, whether the table has spans or not


def _foreign_keys(name: str, schema: TableSchema) -> Reads:
    out: Reads = {}
    for fk in schema.foreign_keys:
        cols = out.get(fk.resource, ())
        out[fk.resource] = tuple(dict.fromkeys((*(cols or ()), *fk.ref_columns)))
    out[name] = None
    return out


PER_TABLE: dict[str, Callable[[str, TableSchema], Reads]] = {
    "check_tables": _own,
    "check_dates": _own,
    "check_spans": _spans,
    "check_foreign_keys": _foreign_keys,
}

ACROSS: dict[str, Reads] = {
    "check_text_hashes": {"articles": ("article_id", "text", "sha256", "n_chars")},
    "check_date_order": {
        "articles": ("article_id", "published_date", "published_date_precision"),
        "statements": None,
        "meeting_reports": None,
    },
    "check_meeting_dates": {"meetings": None, "meeting_reports": None},
    "check_quotes": RESCAN,
    "check_mentions": RESCAN,
    "check_aliases": {"actor_aliases": None},
    "check_alias_counts": {"actor_aliases": None, "mentions": None},
    "check_counts": {"utterances": None, "statements": None, "meetings": None, "meeting_reports": None},
    "check_utterance_speakers": {"utterances": None, "statements": None},
    "check_groups": {"militia_groups": None},
    "check_affiliations": {"affiliations": None, "mentions": None, "articles": TEXTS},
}
