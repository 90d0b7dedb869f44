"""How right `dataset add`'s drafts are, field by field, against a hand curation of the same texts.

Each text is added to a scratch clone of this repository (`git clone` of the committed HEAD, so
the figures are those of a commit; the clone's own code runs it), one at a time on a clean tree,
and its draft is read back and scored against the hand curation, a YAML file outside the
repository (the texts belong to their publishers: nothing of them is copied here):

    <text name>:                      # the file <texts>/<name>.txt
      published: 2021-11-23           # given as --published-date (null: no option)
      add_options: [--outlet, x]      # optional, more options for `dataset add`
      article: {title: ..., outlet: ..., authors: [...], date_basis: stated}
      new_actors: {actor-id: actor_type, ...}   # optional: the actors the text first names
                                      # (or a list of {id: actor-id, type: actor_type, ...})
      statements:                     # one row per curated statement
      - [anchor, speaker, statement_type, reporting_verb, channel, medium, said_date,
         utterance group label, plover category, stance_us_presence, [topics]]

The anchor is a piece of the statement's text (or `[piece, n]` for its n-th occurrence); a drafted
statement is on the right span when it overlaps the anchor's first (n-th) occurrence. Curated and
drafted statements are paired one to one (two curated statements on one span, two speakers or a
clause and its fragment, need two drafted ones): a pair with the same speaker first, then the
drafted span covering more of the anchor, then the tighter drafted span. Counting is strict where
it says so: a curated statement left without a drafted statement on its span has every field
wrong, and a drafted statement overlapping no curated statement is counted apart (the curator's
dismissals: what a wider net costs). An utterance is right when the drafted
statements grouped with it are the curated group's. A speaker or medium that is a per-article
placeholder of an unnamed source (an id starting `unnamed-`, or a drafted `unnamed_source`) is
compared by what it stands for, not by its suffix: the curated and the drafted placeholders are
paired one to one by the statements they speak or carry, and the value is right when its drafted
placeholder is the one paired with its curated placeholder. A new actor (not in the gazetteer on either
side) whose drafted id spells the curated one's name otherwise ("qais-khazali" for "qais-al-khazali": the
same words without particles and vowels, the same type) is paired with it one to one, and the pairs are
listed: a new actor's id is the curator's label, not a fact of the text. A said date is `YYYY-MM-DD`, or
`YYYY-MM/month` and `YYYY/year` at those precisions.

    python benchmarks/drafts.py --hand HAND.yaml --texts DIR [--only NAME ...] [--repo .]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

FIELDS = (
    "speaker",
    "statement_type",
    "reporting_verb",
    "channel",
    "medium",
    "said_date",
    "utterance",
    "plover",
    "stance_us_presence",
    "topics",
)
ARTICLE = ("title", "outlet", "authors", "date_basis")
PLACEHOLDER_FIELDS = ("speaker", "medium")


def draft(clone: Path, text: Path, options: list[str]) -> dict[str, Any]:
    """`dataset add` in the clone, the draft read back, the clone reset to its commit."""
    env = {**os.environ, "PYTHONPATH": str(clone / "build")}
    run = subprocess.run(
        [sys.executable, "-m", "iraq_presence", "add", str(text), *options],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode != 0:
        raise SystemExit(f"dataset add {text.name} failed: {run.stderr.strip() or run.stdout.strip()}")
    article_id = run.stdout.split()[1].rstrip(":")
    doc = yaml.safe_load((clone / "data" / "curation" / "articles" / f"{article_id}.yaml").read_text("utf-8"))
    subprocess.run(["git", "reset", "-q", "--hard"], cwd=clone, check=True)
    subprocess.run(["git", "clean", "-qfdx", "data"], cwd=clone, check=True)
    return doc


def is_placeholder(actor: str | None, new_types: dict[str, str]) -> bool:
    return bool(actor) and (actor.startswith("unnamed-") or new_types.get(actor) == "unnamed_source")


def article_fields(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": (doc.get("title") or {}).get("quote"),
        "outlet": doc.get("outlet"),
        "authors": [a["actor"] for a in doc.get("authors") or []],
        "date_basis": doc.get("published_date_basis"),
    }


def drafted_values(s: dict[str, Any], label: str) -> dict[str, Any]:
    date = s.get("said_date")
    if date is not None and s.get("said_date_precision") == "month":
        date = f"{date:%Y-%m}/month"
    elif date is not None and s.get("said_date_precision") == "year":
        date = f"{date:%Y}/year"
    return {
        "speaker": s.get("speaker"),
        "statement_type": s.get("statement_type"),
        "reporting_verb": s.get("reporting_verb"),
        "channel": s.get("channel"),
        "medium": s.get("medium"),
        "said_date": None if date is None else str(date),
        "utterance": label,
        "plover": (s.get("plover") or {}).get("category"),
        "stance_us_presence": s.get("stance_us_presence"),
        "topics": sorted(s.get("topics") or []),
    }


def pair_placeholders(
    matched: list[tuple[dict[str, Any], dict[str, Any]]], new_types: dict[str, str]
) -> dict[str, str]:
    """Curated placeholder -> drafted placeholder, one to one, most shared statements first."""
    counts = Counter(
        (want[f], s.get(f))
        for want, s in matched
        for f in PLACEHOLDER_FIELDS
        if is_placeholder(want.get(f), {}) and is_placeholder(s.get(f), new_types)
    )
    pairs: dict[str, str] = {}
    for (hand, drafted), _ in counts.most_common():
        if hand not in pairs and drafted not in pairs.values():
            pairs[hand] = drafted
    return pairs


PARTICLES = {"al", "el", "ul", "bin", "ibn"}


def skeleton(actor_id: str) -> tuple[str, ...]:
    """An id's words without particles and vowels: the same name however romanised ("qais-al-khazali",
    "qais-khazali"; "iraj-masjedi", "iraj-masjidi")."""
    words = [w for w in actor_id.split("-") if w not in PARTICLES]
    return tuple(w[0] + re.sub(r"[aeiouy]", "", w[1:]) for w in words if w)


def pair_new_actors(curated: dict[str, str], proposed: dict[str, str]) -> dict[str, str]:
    """Curated new actor -> the drafted new actor of the same name spelled otherwise, one to one: a new
    actor's id is the curator's label, so the drafted one counts where it names the same actor."""
    pairs: dict[str, str] = {}
    for hand_id, kind in curated.items():
        if hand_id in proposed or hand_id.startswith("unnamed-"):
            continue
        same = [i for i, k in proposed.items() if i not in curated and skeleton(i) == skeleton(hand_id) and k == kind]
        if len(same) == 1 and same[0] not in pairs.values():
            pairs[hand_id] = same[0]
    return pairs


def find_anchor(name: str, text: str, anchor: str | list[Any]) -> tuple[str, int]:
    """The anchor's piece and its start: the first occurrence, or the n-th of `[piece, n]`."""
    piece, n = anchor if isinstance(anchor, list) else (anchor, 1)
    at = -1
    for _ in range(n):
        at = text.find(piece, at + 1)
    if at < 0:
        raise SystemExit(f"{name}: anchor {piece!r} is not in the text")
    return piece, at


def match_one_to_one(
    wanted: list[tuple[dict[str, Any], int, int]], spans: list[tuple[int, int, dict[str, Any]]]
) -> dict[int, dict[str, Any]]:
    """Curated row index -> its drafted statement, each drafted statement used once, best pairs first."""
    candidates = []
    for i, (want, a, b) in enumerate(wanted):
        for j, (x, y, s) in enumerate(spans):
            if x < b and a < y:
                covered = (min(b, y) - max(a, x)) / (b - a)
                candidates.append((want["speaker"] != s.get("speaker"), -covered, y - x, i, j))
    hits: dict[int, dict[str, Any]] = {}
    used: set[int] = set()
    for *_, i, j in sorted(candidates):
        if i not in hits and j not in used:
            hits[i] = spans[j][2]
            used.add(j)
    return hits


def curated_actors(entries: dict[str, str] | list[dict[str, str]] | None) -> dict[str, str]:
    """The hand file's new actors as {actor id: type}, from either of the two forms it may take."""
    if isinstance(entries, list):
        return {e.get("id") or e["actor_id"]: e.get("type") or e["actor_type"] for e in entries}
    return dict(entries or {})


def score_metadata(name: str, hand: dict[str, Any], doc: dict[str, Any], spelled: dict[str, str], tally: Any) -> None:
    """The article's title, outlet, authors and date basis, each right or wrong."""
    got = article_fields(doc)
    for key in ARTICLE:
        want = hand["article"].get(key)
        want = [spelled.get(a, a) for a in want or []] if key == "authors" else spelled.get(want, want)
        right = got[key] == want
        tally["article"][right] += 1
        print(f"{name} article {key}: " + ("right" if right else f"WRONG drafted {got[key]!r}, curated {want!r}"))


def score_fields(
    name: str,
    matched: list[tuple[dict[str, Any], dict[str, Any]]],
    pairs: dict[str, str],
    spelled: dict[str, str],
    tally: Any,
) -> None:
    """Each coded field of each curated statement found, against its drafted statement."""
    for want, s in matched:
        group = {w["anchor"] for w, _ in matched if w["utterance"] == want["utterance"]}
        same = {w["anchor"] for w, x in matched if x.get("utterance") == s.get("utterance")}
        got_s = drafted_values(s, want["utterance"] if group == same else "(grouped otherwise)")
        want_s = {**want, "topics": sorted(want["topics"] or [])}
        if want_s["said_date"] is not None:
            want_s["said_date"] = str(want_s["said_date"])
        for f in FIELDS:
            right = got_s[f] == want_s[f]
            if f in PLACEHOLDER_FIELDS and is_placeholder(want_s[f], {}):
                right = pairs.get(want_s[f]) == got_s[f]
                tally["placeholders"][right] += 1
            elif f in PLACEHOLDER_FIELDS and want_s[f] in spelled:
                right = spelled[want_s[f]] == got_s[f]
            tally["fields"][f][right] += 1
            if not right:
                print(f"{name} {s['statement_id']} {f}: drafted {got_s[f]!r}, curated {want_s[f]!r}")


def score_article(name: str, text: str, hand: dict[str, Any], doc: dict[str, Any], tally: dict[str, Any]) -> None:
    """Print every wrong value and add the article's counts to `tally`."""
    new_types = {a["actor_id"]: a["actor_type"] for a in doc.get("new_actors") or []}
    spelled = pair_new_actors(curated_actors(hand.get("new_actors")), new_types)
    for hand_id, drafted in spelled.items():
        print(f"{name} new actor {drafted} paired with curated {hand_id} (the same name spelled otherwise)")
    tally["spelled"] += len(spelled)
    score_metadata(name, hand, doc, spelled, tally)
    spans = []
    for s in doc.get("statements") or []:
        at, n = -1, s.get("occurrence", 1)
        for _ in range(n):
            at = text.find(s["quote"], at + 1)
        spans.append((at, at + len(s["quote"]), s))
    wanted = []
    for row in hand.get("statements") or []:
        want = dict(zip(("anchor", *FIELDS), row, strict=True))
        want["anchor"], a = find_anchor(name, text, want["anchor"])
        wanted.append((want, a, a + len(want["anchor"])))
    hits = match_one_to_one(wanted, spans)
    stray = [s for x, y, s in spans if not any(x < b and a < y for _, a, b in wanted)]
    for s in stray:
        print(f"{name} {s['statement_id']} ON NO CURATED SPAN {s['quote'][:60]!r}")
    tally["stray"][0] += len(stray)
    tally["stray"][1] += len(spans)
    matched = []
    for i, (want, _, _) in enumerate(wanted):
        tally["spans"][i in hits] += 1
        if i not in hits:
            print(f"{name} MISSED {want['anchor'][:60]!r}")
            continue
        matched.append((want, hits[i]))
    pairs = pair_placeholders(matched, new_types)
    score_fields(name, matched, pairs, spelled, tally)
    proposed = {a["actor_id"]: a["actor_type"] for a in doc.get("new_actors") or []}
    for actor_id, kind in proposed.items():
        print(f"{name} new actor {actor_id}: {kind}")
    if "new_actors" in hand:
        curated = curated_actors(hand["new_actors"])
        stands_for = {drafted: hand_id for hand_id, drafted in [*pairs.items(), *spelled.items()]}
        right = sum(curated.get(stands_for.get(i, i)) == k for i, k in proposed.items())
        tally["actors"][0] += right
        tally["actors"][1] += len(proposed)
        tally["actors"][2] += len(curated)
    tally["actors"][3] += len(proposed)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hand", type=Path, required=True, help="the hand curation (YAML, outside the repository)")
    ap.add_argument("--texts", type=Path, required=True, help="the folder holding <name>.txt for each entry")
    ap.add_argument("--only", action="append", default=[], help="score only these entries (repeatable)")
    ap.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[1], help="the repository")
    args = ap.parse_args()
    hand = yaml.safe_load(args.hand.read_text("utf-8"))
    names = [n for n in hand if not args.only or n in args.only]
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=args.repo, capture_output=True, text=True, check=True
    ).stdout.strip()
    tally = new_tally()
    with tempfile.TemporaryDirectory(prefix="drafts-") as tmp:
        clone = Path(tmp) / "repo"
        subprocess.run(["git", "clone", "-q", str(args.repo), str(clone)], check=True)
        for name in names:
            entry = hand[name]
            path = args.texts / f"{name}.txt"
            options = list(entry.get("add_options") or [])
            if isinstance(entry.get("published"), dt.date):
                options += ["--published-date", entry["published"].isoformat()]
            doc = draft(clone, path, options)
            score_article(name, path.read_text("utf-8"), entry, doc, tally)
    report(tally, names, commit)


def new_tally() -> dict[str, Any]:
    """The counts score_article adds to, empty."""
    return {
        "article": Counter(),
        "spans": Counter(),
        "placeholders": Counter(),
        "fields": {f: Counter() for f in FIELDS},
        "actors": [0, 0, 0, 0],
        "stray": [0, 0],
        "spelled": 0,
    }


def report(tally: dict[str, Any], names: list[str], commit: str) -> None:
    spans, n = tally["spans"][True], sum(tally["spans"].values())
    right = sum(c[True] for c in tally["fields"].values())
    found = sum(sum(c.values()) for c in tally["fields"].values())
    strict = found + tally["spans"][False] * len(FIELDS)
    print(f"\ndrafts at {commit}, scored on {', '.join(names)}")
    print(f"statements drafted on the right span: {spans} / {n}")
    stray, drafted = tally["stray"]
    print(f"drafted statements on no curated statement's span (the curator dismisses them): {stray} / {drafted}")
    if found:
        print(f"coded fields right, of the statements found: {right} / {found} ({right / found:.0%})")
        print(
            f"coded fields right, strict (a missed statement's fields wrong): {right} / {strict} ({right / strict:.0%})"
        )
    print("per field (of found): " + ", ".join(f"{f} {c[True]}/{sum(c.values())}" for f, c in tally["fields"].items()))
    if tally["placeholders"]:
        print(
            f"unnamed placeholders paired right: {tally['placeholders'][True]} / {sum(tally['placeholders'].values())}"
        )
    print(f"article fields right: {tally['article'][True]} / {sum(tally['article'].values())}")
    print(f"new actors the draft spells otherwise than the curator, paired by name: {tally['spelled']}")
    right_actors, scored, curated, proposed = tally["actors"]
    line = f"new actors proposed: {proposed}"
    if curated:
        line += f"; where curated, right id and type {right_actors} of {scored} proposed ({curated} curated)"
    print(line)


if __name__ == "__main__":
    main()
