"""Intercoder agreement: Krippendorff's alpha per coded field between the curation and a second coding.

The second coding is a YAML file written by a reader blind to the curated codes (who saw only the raw
texts, the statement spans and speakers, the meeting and affiliation spans, and docs/curation.md):

    statements:   [{statement_id, statement_type, channel, said_date_precision, plover_category,
                    plover_mode, plover_target, stance_us_presence, topics: [...], utterance_group}]
    meetings:     [{meeting_id, meeting_type, meeting_date_precision, participants: [{actor_id, role}]}]
    affiliations: [{affiliation_id, role}]

The curation side is read from the built tables (`--tables`, default data/), so an earlier release's
tables can be scored too. Units are the rows both files hold. A null is a code of its own (coding
"no PLOVER category" is a decision), so every field is nominal. Topics are scored per topic, as
presence or absence on every statement, and as the whole set. Utterance grouping is scored on pairs
of statements of the same speaker: does each coding put the pair in one act of speech? Labels are
local to each file, so only co-membership can be compared.

    python benchmarks/agreement.py /work/notes/blind/second_coding.yaml
    python benchmarks/agreement.py second.yaml --tables data --disagreements
    python benchmarks/agreement.py second.yaml --before /tmp/tables-at-72c8f48   # independent vs adjudicated
    python benchmarks/agreement.py second.yaml --tables /tmp/ccf/data --exclude-named /tmp/ccf/docs/curation.md

A guide that names a statement as a precedent, with its codes, told the second coder how to code that row, so the
rows it names are not independent; `--exclude-named GUIDE` scores only the statements the guide the coder saw does
not name (ids matching `NAMED_ID`). Meetings and affiliations are not filtered (the guide names their ids too
rarely for a pattern to find them).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import krippendorff
import numpy as np
import pandas as pd
import yaml

NULL = "∅"
NAMED_ID = re.compile(r"\b00[0-9]-s[0-9]{2}\b")  # a statement id as the guide cites it: 003-s27
STATEMENT_FIELDS = {  # field of the second coding -> column of statements
    "statement_type": "statement_type",
    "channel": "channel",
    "said_date_precision": "said_date_precision",
    "plover_category": "plover_category",
    "plover_mode": "plover_mode",
    "plover_target": "plover_target_id",
    "stance_us_presence": "stance_us_presence",
}


@dataclass
class Score:
    """One field's agreement: alpha over the units both codings hold, and the units they disagree on."""

    table: str
    field: str
    units: int
    alpha: float | None  # None where no coder varies (alpha undefined)
    agreement: float
    disagreements: list[tuple[str, Any, Any]] = field(default_factory=list)


def _code(v: Any) -> Hashable:
    if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA or v == "":
        return NULL
    return v


def score(table: str, name: str, pairs: Sequence[tuple[str, Hashable, Hashable]]) -> Score:
    """Nominal alpha for (unit, curation value, second value) triples."""
    domain = sorted({str(a) for _, a, _ in pairs} | {str(b) for _, _, b in pairs})
    index = {v: i for i, v in enumerate(domain)}
    data = np.array([[index[str(a)] for _, a, _ in pairs], [index[str(b)] for _, _, b in pairs]], dtype=float)
    agree = float(np.mean(data[0] == data[1])) if pairs else float("nan")
    alpha = (
        None if len(domain) < 2 else float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    )
    return Score(table, name, len(pairs), alpha, agree, [(u, a, b) for u, a, b in pairs if a != b])


def named_ids(guide: Path) -> frozenset[str]:
    """Statement ids a coding guide names (its precedents): the rows the second coder was told how to code."""
    return frozenset(NAMED_ID.findall(guide.read_text(encoding="utf-8")))


def statement_scores(tables: Path, second: dict[str, Any], exclude: frozenset[str] = frozenset()) -> list[Score]:
    st = pd.read_csv(tables / "statements.csv", keep_default_na=False, na_values=[""], dtype=str)
    topics = pd.read_csv(tables / "statement_topics.csv", keep_default_na=False, na_values=[""], dtype=str)
    cur = st.set_index("statement_id")
    theirs = {
        r["statement_id"]: r
        for r in second.get("statements", [])
        if r["statement_id"] in cur.index and r["statement_id"] not in exclude
    }
    ids = sorted(theirs)
    out = []
    for key, col in STATEMENT_FIELDS.items():
        if col in cur.columns:
            out.append(score("statements", key, [(i, _code(cur.at[i, col]), _code(theirs[i].get(key))) for i in ids]))
    mine = topics.groupby("statement_id")["topic"].agg(frozenset).to_dict()
    their_topics = {i: frozenset(theirs[i].get("topics") or []) for i in ids}
    for t in sorted(set().union(*mine.values(), *their_topics.values())):
        pairs = [(i, t in mine.get(i, frozenset()), t in their_topics[i]) for i in ids]
        out.append(score("statements", f"topic: {t}", pairs))
    out.append(
        score(
            "statements",
            "topics (whole set)",
            [(i, ",".join(sorted(mine.get(i, ()))) or NULL, ",".join(sorted(their_topics[i])) or NULL) for i in ids],
        )
    )
    groups = {i: theirs[i].get("utterance_group") for i in ids}
    pairs = []
    for a, b in itertools.combinations(ids, 2):
        if cur.at[a, "speaker_id"] == cur.at[b, "speaker_id"] and groups[a] and groups[b]:
            same_mine = cur.at[a, "utterance_id"] == cur.at[b, "utterance_id"]
            pairs.append((f"{a}+{b}", same_mine, groups[a] == groups[b]))
    out.append(score("statements", "utterance grouping (same-speaker pairs)", pairs))
    return out


def meeting_scores(tables: Path, second: dict[str, Any]) -> list[Score]:
    m = pd.read_csv(tables / "meetings.csv", keep_default_na=False, na_values=[""], dtype=str).set_index("meeting_id")
    mp = pd.read_csv(tables / "meeting_participants.csv", keep_default_na=False, na_values=[""], dtype=str)
    roles = {(r.meeting_id, r.actor_id): r.role for r in mp.itertuples()}
    theirs = [r for r in second.get("meetings", []) if r["meeting_id"] in m.index]
    out = [
        score(
            "meetings",
            col,
            [(r["meeting_id"], _code(m.at[r["meeting_id"], col]), _code(r.get(col))) for r in theirs],
        )
        for col in ("meeting_type", "meeting_date_precision")
    ]
    pairs = []
    for r in theirs:
        for p in r.get("participants", []):
            key = (r["meeting_id"], p["actor_id"])
            pairs.append((f"{key[0]}/{key[1]}", _code(roles.get(key)), _code(p.get("role"))))
    out.append(score("meetings", "participant role", pairs))
    return out


def affiliation_scores(tables: Path, second: dict[str, Any]) -> list[Score]:
    a = pd.read_csv(tables / "affiliations.csv", keep_default_na=False, na_values=[""], dtype=str)
    role = dict(zip(a["affiliation_id"], a["role"], strict=True))
    theirs = [r for r in second.get("affiliations", []) if r["affiliation_id"] in role]
    return [
        score("affiliations", "role", [(r["affiliation_id"], role[r["affiliation_id"]], r.get("role")) for r in theirs])
    ]


def all_scores(tables: Path, second_path: Path, exclude: frozenset[str] = frozenset()) -> list[Score]:
    second = yaml.safe_load(second_path.read_text(encoding="utf-8")) or {}
    return (
        statement_scores(tables, second, exclude) + meeting_scores(tables, second) + affiliation_scores(tables, second)
    )


def compared(before: list[Score], after: list[Score]) -> str:
    """One row per field: alpha of the independent codings (before) and after adjudication (after).

    A field scored only before (a topic the curation has since dropped everywhere) keeps its row, so an
    independent figure never disappears from the table because of a later change.
    """
    past = {(s.table, s.field): s for s in before}
    now = {(s.table, s.field) for s in after}
    lines = [
        "| table | field | units | alpha, independent | agreement, independent | alpha, after adjudication"
        " | disagreements left |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in after:
        b = past.get((s.table, s.field))
        ba = "not coded" if b is None else _alpha(b)
        bo = "" if b is None else f"{b.agreement:.1%}"
        lines.append(f"| {s.table} | {s.field} | {s.units} | {ba} | {bo} | {_alpha(s)} | {len(s.disagreements)} |")
    for b in before:
        if (b.table, b.field) not in now:
            lines.append(f"| {b.table} | {b.field} | {b.units} | {_alpha(b)} | {b.agreement:.1%} | not scored now | |")
    return "\n".join(lines)


def _alpha(s: Score) -> str:
    return "n/a (no variation)" if s.alpha is None else f"{s.alpha:.3f}"


def markdown(scores: list[Score]) -> str:
    lines = [
        "| table | field | units | Krippendorff's alpha | observed agreement | disagreements |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for s in scores:
        alpha = "n/a (no variation)" if s.alpha is None else f"{s.alpha:.3f}"
        lines.append(f"| {s.table} | {s.field} | {s.units} | {alpha} | {s.agreement:.1%} | {len(s.disagreements)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("second_coding", type=Path, help="YAML file of the second coder")
    ap.add_argument("--tables", type=Path, default=Path("data"), help="directory of the built CSV tables")
    ap.add_argument("--disagreements", action="store_true", help="list every disagreement after the table")
    ap.add_argument(
        "--before",
        type=Path,
        help="tables of the curation the second coder was blind to: print both columns side by side",
    )
    ap.add_argument(
        "--exclude-named",
        type=Path,
        metavar="GUIDE",
        help="leave out the statements this coding guide names as precedents (the guide the second coder saw)",
    )
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)
    needed = [args.second_coding, args.tables / "statements.csv"]
    needed += [p for p in (args.exclude_named, args.before and args.before / "statements.csv") if p]
    for p in needed:
        if not p.exists():
            print(f"error: {p} does not exist", file=sys.stderr)
            return 2
    exclude = named_ids(args.exclude_named) if args.exclude_named else frozenset()
    try:
        scores = all_scores(args.tables, args.second_coding, exclude)
    except (yaml.YAMLError, KeyError, TypeError) as e:
        print(f"error: {args.second_coding}: not a second coding in the expected form ({e})", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([s.__dict__ for s in scores], indent=1, default=str))
        return 0
    if exclude:
        print(f"Leaving out the {len(exclude)} statement ids {args.exclude_named} names.\n")
    print(compared(all_scores(args.before, args.second_coding, exclude), scores) if args.before else markdown(scores))
    if args.disagreements:
        for s in scores:
            for unit, mine, theirs in s.disagreements:
                print(f"{s.table}\t{s.field}\t{unit}\tcuration={mine}\tsecond={theirs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
