"""Domain rules: raw texts, date order, quotation accounting, mentions and aliases, counts, groups, affiliations.

These rules know what the tables mean (a statement is dated no later than its article, every
quotation is accounted for); the schema-driven rules are in `generic.py`.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from ..failure import Failure, _v
from ..schema.tables import TableSchema
from .frames import among, failures_at, has, memo, positions, row_keys
from .generic import coarser, days, floor, text_array
from .registry import DOMAIN, rule
from .rescan import Found, Rescan, rescan

Frames = Mapping[str, Any]
Schemas = Mapping[str, TableSchema]


# --- raw texts -------------------------------------------------------------------------------------------


@rule(
    "RAW-articles-text",
    "the stored text hashes to `articles.sha256` and has `n_chars` code points",
    reads=("articles",),
    section=DOMAIN,
)
def check_text_hashes(frames: Frames, schemas: Schemas) -> list[Failure]:
    """The stored text hashes to `articles.sha256` and has `n_chars` code points."""
    if not has(frames, "articles", "article_id", "text", "sha256", "n_chars"):
        return []
    arts = frames["articles"]
    out = []
    for art, text, digest, n in zip(arts["article_id"], arts["text"], arts["sha256"], arts["n_chars"]):
        if not isinstance(text, str) or not isinstance(digest, str):
            continue  # a release without texts; a null sha256 is REQUIRED-articles'
        got = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if got != digest:
            out.append(Failure("RAW-articles-text", "articles", art, "text", f"sha256 {got}", f"sha256 {digest}"))
        if n is not None and n == n and len(text) != n:
            out.append(Failure("RAW-articles-text", "articles", art, "n_chars", _v(n), str(len(text))))
    return out


@rule(
    "RAW-file",
    "in a repository, each `data/raw/` file exists and hashes to `articles.sha256`",
    reads=("articles",),
    stage="raw",
    section=DOMAIN,
)
def check_raw_files(frames: Frames, raw_dir: Path) -> list[Failure]:
    """In a repository, each `data/raw/` file exists and hashes to `articles.sha256`."""
    if not has(frames, "articles", "article_id", "sha256", "source_file"):
        return []
    arts = frames["articles"]
    rows = [
        (art, digest, source)
        for art, digest, source in zip(arts["article_id"], arts["sha256"], arts["source_file"])
        if isinstance(source, str) and isinstance(digest, str)
    ]
    # one after another: in threads, contending for the GIL, the same work took 4x the CPU
    digests = [_file_sha256(raw_dir, source) for _, _, source in rows]
    out = []
    for (art, digest, source), got in zip(rows, digests):
        if got is None:
            out.append(Failure("RAW-file", "articles", art, "source_file", _v(source), "a file in data/raw/"))
        elif got != digest:
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


def _file_sha256(raw_dir: Path, name: str) -> str | None:
    """The file's hash; None for a name that is not a regular file directly in `raw_dir` (a path
    or a symbolic link out of the package is never read)."""
    if Path(name).name != name or name in (".", ".."):
        return None
    path = os.path.join(raw_dir, name)
    try:
        mode = os.lstat(path).st_mode  # one call: a link, a folder or a FIFO is not a regular file
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not stat.S_ISREG(mode):
        return None
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


# --- dates -----------------------------------------------------------------------------------------------

DATED_REPORTS = (("statements", "said_date"), ("meeting_reports", "report_date"))
"""Tables whose rows an article reports, with the date that cannot be after the article's."""


def _lookup(df: Any, key: str, parent: Any, parent_key: str) -> np.ndarray:
    """For each row of df, the position of its parent row (-1 when there is none)."""
    import pandas as pd

    idx = pd.Index(parent[parent_key].astype("string")).get_indexer(df[key].astype("string"))
    return np.asarray(idx, dtype=np.int64)


def _compare_dates(df: Any, col: str, parent: Any, pcol: str, at: np.ndarray) -> tuple[np.ndarray, ...]:
    """Row dates and precisions and their parent's (at `at`), floored to the coarser precision."""
    d, p = days(df[col]), text_array(df[f"{col}_precision"])
    pd_, pp = days(parent[pcol]), text_array(parent[f"{pcol}_precision"])
    found = at >= 0
    at0 = np.where(found, at, 0)
    d2 = pd_[at0] if len(pd_) else np.full(len(d), np.datetime64("NaT"), "datetime64[D]")
    p2 = pp[at0] if len(pp) else np.full(len(d), None, object)
    ok = found & ~np.isnat(d) & ~np.isnat(d2) & ~np.equal(p, None) & ~np.equal(p2, None)
    prec = coarser(p, p2)
    return ok, floor(d, prec), floor(d2, prec), d, p, d2, p2


@rule(
    "DATE-after-article-<table>",
    "no statement or meeting report is dated after its article, compared at the coarser precision",
    reads=("articles", "statements", "meeting_reports"),
    section=DOMAIN,
)
def check_date_order(frames: Frames, schemas: Schemas) -> list[Failure]:
    """No statement or meeting report is dated after its article's publication date, compared at the
    coarser precision, where both are known."""
    out: list[Failure] = []
    if not has(frames, "articles", "article_id", "published_date", "published_date_precision"):
        return out
    arts = frames["articles"]
    for name, col in DATED_REPORTS:
        if not has(frames, name, "article_id", col, f"{col}_precision"):
            continue
        df = frames[name]
        at = _lookup(df, "article_id", arts, "article_id")
        ok, mine, theirs, d, p, d2, p2 = _compare_dates(df, col, arts, "published_date", at)
        pos = np.flatnonzero(ok & (mine > theirs))
        out += [
            Failure(
                f"DATE-after-article-{name}",
                name,
                k,
                col,
                f"{d[i]} ({p[i]})",
                f"on or before the article's date {d2[i]} ({p2[i]})",
            )
            for k, i in zip(row_keys(df, schemas[name].primary_key, pos), pos)
        ]
    return out


@rule(
    "MEETING-dates-agree",
    "every report of a meeting agrees with the meeting's date at the coarser precision",
    reads=("meetings", "meeting_reports"),
    section=DOMAIN,
)
def check_meeting_dates(frames: Frames, schemas: Schemas) -> list[Failure]:
    """Every report of a meeting agrees with the meeting's date at the coarser of the two precisions."""
    if not has(frames, "meetings", "meeting_id", "meeting_date", "meeting_date_precision") or not has(
        frames, "meeting_reports", "meeting_id", "report_date", "report_date_precision"
    ):
        return []
    reports, meetings = frames["meeting_reports"], frames["meetings"]
    at = _lookup(reports, "meeting_id", meetings, "meeting_id")
    ok, mine, theirs, d, p, d2, p2 = _compare_dates(reports, "report_date", meetings, "meeting_date", at)
    pos = np.flatnonzero(ok & (mine != theirs))
    return [
        Failure(
            "MEETING-dates-agree",
            "meeting_reports",
            k,
            "report_date",
            f"{d[i]} ({p[i]})",
            f"the meeting's date {d2[i]} ({p2[i]})",
        )
        for k, i in zip(row_keys(reports, schemas["meeting_reports"].primary_key, pos), pos)
    ]


# --- rescans: quotations and mentions ----------------------------------------------------------------------


def _texts(frames: Frames) -> tuple[list[str], list[str]]:
    """(article ids, texts) of the articles whose text the package holds."""
    if not has(frames, "articles", "article_id", "text"):
        return [], []

    def compute() -> tuple[list[str], list[str]]:
        arts = frames["articles"]
        pairs = [(a, t) for a, t in zip(arts["article_id"].tolist(), arts["text"].tolist()) if isinstance(t, str)]
        return [a for a, _ in pairs], [t for _, t in pairs]

    return memo(frames, "texts", compute)


def rescan_inputs(frames: Frames) -> tuple[list[str], list[str], list[str]]:
    """(article ids, their texts, the aliases) the rescans read."""
    ids, texts = _texts(frames)
    aliases = frames["actor_aliases"]["alias"].dropna().tolist() if has(frames, "actor_aliases", "alias") else []
    return ids, texts, aliases


def _rescan(frames: Frames) -> tuple[list[str], Rescan]:
    def compute() -> tuple[list[str], Rescan]:
        ids, texts, aliases = rescan_inputs(frames)
        return ids, rescan(texts, aliases)

    return memo(frames, "rescan", compute)


def _stored(df: Any, ids: list[str]) -> Any:
    """Rows (article_id, char_start, char_end) whose article text is held (others cannot be rescanned)."""
    part = df[["article_id", "char_start", "char_end"]].dropna()
    part = part[among(part["article_id"], ids)]
    return part


def _missing(ids: list[str], found: Found, stored: Any) -> tuple[np.ndarray, np.ndarray]:
    """Positions of `found` spans absent from `stored`, and positions of `stored` rows not found:
    each (article, start, end) becomes one integer and the two sets are compared as arrays."""
    import pyarrow as pa
    import pyarrow.compute as pc

    at = pc.index_in(pa.array(stored["article_id"]).cast(pa.string()), value_set=pa.array(ids, pa.string()))
    at = at.to_numpy(zero_copy_only=False).astype(np.int64)
    s, e = stored["char_start"].to_numpy(dtype=np.int64), stored["char_end"].to_numpy(dtype=np.int64)
    span = int(max(found.start.max(initial=0), found.end.max(initial=0), s.max(initial=0), e.max(initial=0))) + 2
    want = (found.article * span + found.start) * span + found.end
    have = (at * span + s) * span + e
    want, have = pa.array(want), pa.array(have)
    return (
        np.flatnonzero(~pc.is_in(want, value_set=have).to_numpy(zero_copy_only=False)),
        np.flatnonzero(~pc.is_in(have, value_set=want).to_numpy(zero_copy_only=False)),
    )


@rule(
    "QUOTE-unaccounted",
    "every quotation span is covered by a statement or dismissed with a reason",
    reads=("quote_spans",),
    section=DOMAIN,
    needs=("rescan",),
)
@rule(
    "QUOTE-unlisted",
    "every quotation the scanner finds in the texts has a row in `quote_spans`",
    reads=("articles", "quote_spans"),
    section=DOMAIN,
    needs=("rescan",),
)
def check_quotes(frames: Frames, schemas: Schemas) -> list[Failure]:
    """Every quotation span in `quote_spans` is a statement or dismissed, and every quotation the
    scanner finds in the texts has a row."""
    if not has(frames, "quote_spans", "status", "article_id", "char_start", "char_end"):
        return []
    spans, schema = frames["quote_spans"], schemas["quote_spans"]
    pos = positions(spans["status"].isna())
    out = failures_at(
        "QUOTE-unaccounted",
        spans,
        schema,
        pos,
        "status",
        [None] * len(pos),
        "a statement covering the span, or a dismissal with a reason (in the article's curation)",
    )
    ids, found = _rescan(frames)
    absent, _ = _missing(ids, found.quotes, _stored(spans, ids))
    texts = dict(zip(*_texts(frames))) if len(absent) else {}
    for i in absent:
        art, s, e = ids[found.quotes.article[i]], int(found.quotes.start[i]), int(found.quotes.end[i])
        out.append(
            Failure(
                "QUOTE-unlisted",
                "quote_spans",
                f"{art}:{s}-{e}",
                "span_id",
                "missing",
                f"a row for the quotation {_v(texts[art][s:e])}",
            )
        )
    return out


@rule(
    "MENTIONS-missing",
    "every alias occurrence the matcher finds in the texts has an `alias_match` mention",
    reads=("articles", "actor_aliases", "mentions"),
    section=DOMAIN,
    needs=("rescan",),
)
@rule(
    "MENTIONS-extra",
    "every `alias_match` mention is an occurrence the matcher finds",
    reads=("articles", "actor_aliases", "mentions"),
    section=DOMAIN,
    needs=("rescan",),
)
def check_mentions(frames: Frames, schemas: Schemas) -> list[Failure]:
    """The `alias_match` mentions are exactly the matches the alias matcher finds in the texts."""
    if not has(frames, "mentions", "method", "article_id", "char_start", "char_end") or not has(
        frames, "actor_aliases", "alias"
    ):
        return []
    mentions = frames["mentions"]
    ids, found = _rescan(frames)
    have = _stored(mentions[mentions["method"] == "alias_match"], ids)
    absent, extra = _missing(ids, found.matches, have)
    rows = [
        ("missing", ids[found.matches.article[i]], int(found.matches.start[i]), int(found.matches.end[i]))
        for i in absent
    ]
    rows += [
        ("extra", str(have["article_id"].iloc[i]), int(have["char_start"].iloc[i]), int(have["char_end"].iloc[i]))
        for i in extra
    ]
    value = {"missing": "missing", "extra": "present"}
    expected = {
        "missing": "a mention for every alias occurrence",
        "extra": "no alias_match mention where no alias occurs",
    }
    return [
        Failure(f"MENTIONS-{label}", "mentions", f"{art}:{s}-{e}", "mention_id", value[label], expected[label])
        for label, art, s, e in sorted(rows)
    ]


# --- aliases and counts ------------------------------------------------------------------------------------


@rule(
    "ALIAS-ambiguous",
    "no alias is claimed by two actors without a curated disambiguation",
    reads=("actor_aliases",),
    section=DOMAIN,
)
@rule("ALIAS-unattested", "every alias occurs in the articles at least once", reads=("actor_aliases",), section=DOMAIN)
def check_aliases(frames: Frames, schemas: Schemas) -> list[Failure]:
    """No alias belongs to two actors without a curated disambiguation; every alias is attested."""
    if not has(frames, "actor_aliases", "actor_id", "alias", "disambiguation_note", "n_mentions"):
        return []
    al = frames["actor_aliases"]
    out = []
    shared = al[al["alias"].notna() & al["alias"].duplicated(keep=False)]
    for alias, group in shared.groupby("alias", observed=True, sort=True):
        if group["disambiguation_note"].isna().any():
            out.append(
                Failure(
                    "ALIAS-ambiguous",
                    "actor_aliases",
                    f"{'/'.join(group['actor_id'].astype(str))}/{alias}",
                    "alias",
                    _v(alias),
                    "one actor per alias, or a curated disambiguation",
                )
            )
    pos = positions(al["n_mentions"] == 0)
    out += failures_at(
        "ALIAS-unattested",
        al,
        schemas["actor_aliases"],
        pos,
        "n_mentions",
        [0] * len(pos),
        "an alias the articles use (at least one mention)",
    )
    return out


def _count_failures(rule: str, df: Any, schema: TableSchema, column: str, stored: Any, want: Any) -> list[Failure]:
    stored = stored.astype("Int64").to_numpy(dtype="float64", na_value=np.nan)
    want = np.asarray(want, dtype="float64")
    pos = np.flatnonzero(~np.isnan(stored) & (stored != want))
    keys = row_keys(df, schema.primary_key, pos)
    return [Failure(rule, schema.name, k, column, str(int(stored[i])), str(int(want[i]))) for k, i in zip(keys, pos)]


@rule(
    "COUNT-actor_aliases-n_mentions",
    "`n_mentions` counts the alias's `alias_match` mentions",
    reads=("actor_aliases", "mentions"),
    section=DOMAIN,
)
def check_alias_counts(frames: Frames, schemas: Schemas) -> list[Failure]:
    """`actor_aliases.n_mentions` is the number of alias_match mentions of that actor by that alias."""
    if not has(frames, "actor_aliases", "actor_id", "alias", "n_mentions") or not has(
        frames, "mentions", "method", "actor_id", "surface"
    ):
        return []
    al, m = frames["actor_aliases"], frames["mentions"]
    auto = m[m["method"] == "alias_match"]
    counts = auto.groupby([auto["actor_id"].astype("string"), auto["surface"].astype("string")]).size()
    want = counts.reindex(list(zip(al["actor_id"].astype("string"), al["alias"].astype("string"))), fill_value=0)
    return _count_failures(
        "COUNT-actor_aliases-n_mentions", al, schemas["actor_aliases"], "n_mentions", al["n_mentions"], want.to_numpy()
    )


@rule(
    "COUNT-utterances",
    "`n_statements` and `n_articles` count the utterance's statements and their articles",
    reads=("utterances", "statements"),
    section=DOMAIN,
)
@rule(
    "COUNT-meetings",
    "`n_reports` counts the articles reporting the meeting",
    reads=("meetings", "meeting_reports"),
    section=DOMAIN,
)
def check_counts(frames: Frames, schemas: Schemas) -> list[Failure]:
    """`utterances.n_statements`/`n_articles` and `meetings.n_reports` agree with the rows they count."""
    out: list[Failure] = []
    if has(frames, "utterances", "utterance_id", "n_statements", "n_articles") and has(
        frames, "statements", "utterance_id", "article_id"
    ):
        ut, st = frames["utterances"], frames["statements"]
        key = ut["utterance_id"].astype("string")
        grouped = st.groupby(st["utterance_id"].astype("string"))
        for col, counts in (("n_statements", grouped.size()), ("n_articles", grouped["article_id"].nunique())):
            out += _count_failures(
                "COUNT-utterances",
                ut,
                schemas["utterances"],
                col,
                ut[col],
                counts.reindex(key, fill_value=0).to_numpy(),
            )
    if has(frames, "meetings", "meeting_id", "n_reports") and has(
        frames, "meeting_reports", "meeting_id", "article_id"
    ):
        mt, mr = frames["meetings"], frames["meeting_reports"]
        n = mr.groupby(mr["meeting_id"].astype("string"))["article_id"].nunique()
        out += _count_failures(
            "COUNT-meetings",
            mt,
            schemas["meetings"],
            "n_reports",
            mt["n_reports"],
            n.reindex(mt["meeting_id"].astype("string"), fill_value=0).to_numpy(),
        )
    return out


@rule(
    "UTTERANCE-speaker",
    "every statement of an utterance has the utterance's speaker",
    reads=("utterances", "statements"),
    section=DOMAIN,
)
def check_utterance_speakers(frames: Frames, schemas: Schemas) -> list[Failure]:
    """Every statement of an utterance has the utterance's speaker."""
    if not has(frames, "utterances", "utterance_id", "speaker_id") or not has(
        frames, "statements", "utterance_id", "speaker_id"
    ):
        return []
    ut, st = frames["utterances"], frames["statements"]
    at = _lookup(st, "utterance_id", ut, "utterance_id")
    theirs = text_array(ut["speaker_id"])
    mine = text_array(st["speaker_id"])
    expected = np.where(at >= 0, theirs[np.where(at >= 0, at, 0)] if len(theirs) else None, None)
    pos = np.flatnonzero((at >= 0) & (mine != expected))
    utt = text_array(st["utterance_id"].iloc[pos])  # only the failing rows' (named in the message)
    return [
        Failure(
            "UTTERANCE-speaker",
            "statements",
            k,
            "speaker_id",
            _v(mine[i]),
            f"{expected[i]!r}, the speaker of utterance {u}",
        )
        for k, i, u in zip(row_keys(st, schemas["statements"].primary_key, pos), pos, utt)
    ]


# --- groups and affiliations -------------------------------------------------------------------------------


@rule(
    "GROUP-cycle",
    "no armed group is its own ancestor through `parent_group_id`",
    reads=("militia_groups",),
    section=DOMAIN,
)
def check_groups(frames: Frames, schemas: Schemas) -> list[Failure]:
    """No armed group is its own ancestor through `parent_group_id`."""
    if not has(frames, "militia_groups", "actor_id", "parent_group_id"):
        return []
    g = frames["militia_groups"]
    parent = {c: p for c, p in zip(g["actor_id"], g["parent_group_id"]) if isinstance(p, str)}
    out = []
    for start in parent:  # a walk up a short chain of umbrellas per group
        chain, cur = [start], parent.get(start)
        while cur is not None and cur not in chain:
            chain.append(cur)
            cur = parent.get(cur)
        if cur == start:
            out.append(
                Failure(
                    "GROUP-cycle",
                    "militia_groups",
                    start,
                    "parent_group_id",
                    " -> ".join([*chain, start]),
                    "a chain of umbrellas that ends",
                )
            )
    return out


_SENTENCE_BREAK = re.compile(r"[.!?]\s+|\n")
_SENTENCE_END = re.compile(r"[.!?](\s|$)|\n")


def _breaks(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the sentence breaks of a text (found once per article, not per span)."""
    found = [(m.start(), m.end()) for m in _SENTENCE_BREAK.finditer(text)]
    return [a for a, _ in found], [b for _, b in found]


def _sentence(text: str, start: int, end: int, breaks: tuple[list[int], list[int]]) -> tuple[int, int]:
    """The sentence around text[start:end]: from after the last break before it to the next end.
    A break ending by `start` counts; so does one running across it (a stop, then spaces up to
    `start` and beyond), cut at `start` as a search ending there would cut it."""
    starts, ends = breaks
    i = bisect.bisect_right(ends, start)
    left = ends[i - 1] if i else 0
    if i < len(starts) and start - starts[i] >= 2:
        left = start
    m = _SENTENCE_END.search(text, end)
    return left, (m.end() if m else len(text))


class _Mentions:
    """The mentions as integer (article, actor) keys, sorted, with their offsets, built once per run
    of AFFIL-evidence: a lookup is then a binary search, not a merge of strings."""

    def __init__(self, mentions: Any) -> None:
        import pyarrow.compute as pc

        self.articles = pc.unique(_arrow_strings(mentions["article_id"]))
        self.actors = pc.unique(_arrow_strings(mentions["actor_id"]))
        key = self.keys(mentions["article_id"], mentions["actor_id"])
        order = np.argsort(key, kind="stable")
        self.key = key[order]
        self.start = mentions["char_start"].to_numpy(dtype="float64", na_value=np.nan)[order]
        self.end = mentions["char_end"].to_numpy(dtype="float64", na_value=np.nan)[order]

    def keys(self, articles: Any, actors: Any) -> np.ndarray:
        """(article, actor) as one integer per row; -1 when either is not among the mentions'."""
        import pyarrow.compute as pc

        art = pc.index_in(_arrow_strings(articles), value_set=self.articles).fill_null(-1).to_numpy()
        act = pc.index_in(_arrow_strings(actors), value_set=self.actors).fill_null(-1).to_numpy()
        return np.where((art >= 0) & (act >= 0), art.astype(np.int64) * len(self.actors) + act, -1)

    def within(self, key: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        """Per row: some mention with this key lies within [lo, hi)."""
        first = np.searchsorted(self.key, key, "left")
        counts = np.where(key >= 0, np.searchsorted(self.key, key, "right") - first, 0)
        rows = np.repeat(np.arange(len(key)), counts)
        at = np.repeat(first - (np.cumsum(counts) - counts), counts) + np.arange(len(rows))
        inside = (self.start[at] >= lo[rows]) & (self.end[at] <= hi[rows])
        out = np.zeros(len(key), dtype=bool)
        out[rows[inside]] = True
        return out


def _arrow_strings(column: Any) -> Any:
    import pyarrow as pa

    arr = pa.array(column)
    return (arr.cast(arr.type.value_type) if pa.types.is_dictionary(arr.type) else arr).cast(pa.large_string())


def _covered(aff: Any, mentions: _Mentions, who: str, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Whether an `actor_id`/`organization_id` mention lies within [lo, hi) of each affiliation's article."""
    return mentions.within(mentions.keys(aff["article_id"], aff[who]), lo, hi)


@rule(
    "AFFIL-evidence",
    "each affiliation's evidence span mentions both the actor and the organization, or lies in the sentence that does",
    reads=("affiliations", "mentions", "articles"),
    section=DOMAIN,
)
def check_affiliations(frames: Frames, schemas: Schemas) -> list[Failure]:
    """Each affiliation's evidence mentions both sides, or lies in the sentence that does."""
    cols = ("affiliation_id", "actor_id", "organization_id", "article_id", "char_start", "char_end")
    if not has(frames, "affiliations", *cols) or not has(frames, "mentions", "article_id", "actor_id", "char_start"):
        return []
    aff, mentions = frames["affiliations"], _Mentions(frames["mentions"])
    texts = dict(zip(*_texts(frames)))
    aff = aff[among(aff["article_id"], texts) & aff["char_start"].notna().to_numpy()]
    if aff.empty:
        return []
    lo, hi = aff["char_start"].to_numpy(dtype=np.int64), aff["char_end"].to_numpy(dtype=np.int64)
    direct = _covered(aff, mentions, "actor_id", lo, hi) & _covered(aff, mentions, "organization_id", lo, hi)
    rest = np.flatnonzero(~direct)  # only these need their sentence
    if not len(rest):
        return []
    sub = aff.iloc[rest]
    breaks = {a: _breaks(texts[a]) for a in dict.fromkeys(sub["article_id"])}
    bounds = [_sentence(texts[a], int(s), int(e), breaks[a]) for a, s, e in zip(sub["article_id"], lo[rest], hi[rest])]
    slo, shi = np.array([b[0] for b in bounds]), np.array([b[1] for b in bounds])
    has_actor = _covered(sub, mentions, "actor_id", slo, shi)
    has_org = _covered(sub, mentions, "organization_id", slo, shi)
    out = []
    for i in np.flatnonzero(~(has_actor & has_org)):
        row = sub.iloc[i]
        missing = [row[c] for c, ok in (("actor_id", has_actor[i]), ("organization_id", has_org[i])) if not ok]
        out.append(
            Failure(
                "AFFIL-evidence",
                "affiliations",
                row["affiliation_id"],
                "char_start:char_end",
                f"{row['char_start']}-{row['char_end']}",
                f"a span or sentence mentioning {' and '.join(map(str, missing))}",
            )
        )
    return out
