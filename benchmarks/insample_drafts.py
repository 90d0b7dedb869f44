"""In-sample drafts: each curated article drafted again, with the other articles' statements as precedents.

A development figure, not a measure on unseen news: the rules were written against these articles,
and the gazetteer the draft reads (actors, aliases, affiliations) includes what the curation of the
article itself added. Each article's draft is made as `dataset add` makes it (`annotate.intake`),
except that the article's own statements are left out of the precedents and its own meetings are
not offered, and is scored by `benchmarks/drafts.py`'s scorer against the curated article, read as
a hand file. A month-dated article is drafted with the month's last day as its date.

    python benchmarks/insample_drafts.py [--repo .] [--only ARTICLE_ID ...] [-q]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.util
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("drafts", HERE / "drafts.py")
drafts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(drafts)


def as_hand(cur: dict[str, Any]) -> dict[str, Any]:
    """The curated article in the scorer's hand format."""
    rows = []
    for s in cur.get("statements") or []:
        date, precision = s.get("said_date"), s.get("said_date_precision")
        if date is not None:
            date = {"month": f"{date:%Y-%m}/month", "year": f"{date:%Y}/year"}.get(precision, str(date))
        occurrence = s.get("occurrence") or 1
        anchor = s["quote"] if occurrence == 1 else [s["quote"], occurrence]
        plover = (s.get("plover") or {}).get("category")
        rows.append(
            [
                anchor,
                s.get("speaker"),
                s.get("statement_type"),
                s.get("reporting_verb"),
                s.get("channel"),
                s.get("medium"),
                date,
                s.get("utterance"),
                plover,
                s.get("stance_us_presence"),
                s.get("topics") or [],
            ]
        )
    return {
        "article": {
            "title": (cur.get("title") or {}).get("quote"),
            "outlet": cur.get("outlet"),
            "authors": [a["actor"] for a in cur.get("authors") or []],
            "date_basis": cur.get("published_date_basis"),
        },
        "statements": rows,
    }


def published(cur: dict[str, Any]) -> dt.date | None:
    day = cur.get("published_date")
    if day is None:
        return None
    day = dt.date.fromisoformat(str(day))
    if cur.get("published_date_precision") == "month":
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return day


def draft_again(root: Path, cur: dict[str, Any], text: str) -> dict[str, Any]:
    """The article's draft, as `dataset add` would write it, without its own statements and meetings."""
    from iraq_presence.annotate.actors import Context
    from iraq_presence.annotate.byline import read_metadata
    from iraq_presence.annotate.extract import Extractor
    from iraq_presence.annotate.intake import _draft, _gazetteer, _known_affiliations, _metonyms, _new_meetings
    from iraq_presence.annotate.suggest import Corpus
    from iraq_presence.paths import Layout

    lay = Layout(root)
    gaz = _gazetteer(lay)
    prefix = cur["article_id"].split("_")[0] + "-"
    corpus = Corpus([p for p in Corpus.read(lay.data).statements if not p.statement_id.startswith(prefix)])
    day = published(cur)
    meta = read_metadata(text, day, gaz.aliases, gaz.types)
    proposals = Extractor(gaz).run(text, day)
    for report in proposals["meetings"]:
        report["agreeing"] = []  # left out, as its own curated meetings would be for a new article
    _new_meetings(proposals["meetings"], text, "999_x", set())
    ctx = Context(
        "999_x",
        text,
        day,
        gaz.aliases,
        gaz.types,
        corpus,
        _known_affiliations(lay.data),
        _metonyms(lay.data),
        roles=gaz.roles,
    )
    return yaml.safe_load(_draft(ctx, meta, proposals, url=None, outlet=None, published_date=day, title=None))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repo", type=Path, default=HERE.parent, help="the repository")
    ap.add_argument("--only", action="append", default=[], help="score only these article ids (repeatable)")
    ap.add_argument("-q", "--quiet", action="store_true", help="print the totals only, not every wrong value")
    args = ap.parse_args()
    sys.path.insert(0, str(args.repo / "build"))
    tally = drafts.new_tally()
    names = []
    for path in sorted((args.repo / "data" / "curation" / "articles").glob("*.yaml")):
        cur = yaml.safe_load(path.read_text("utf-8"))
        if cur.get("status", "accepted") != "accepted" or (args.only and cur["article_id"] not in args.only):
            continue
        names.append(cur["article_id"])
        text = (args.repo / "data" / "raw" / f"{cur['article_id']}.txt").read_text("utf-8")
        doc = draft_again(args.repo, cur, text)
        out = io.StringIO() if args.quiet else sys.stdout
        with contextlib.redirect_stdout(out):
            drafts.score_article(cur["article_id"], text, as_hand(cur), doc, tally)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=args.repo, capture_output=True, text=True, check=False
    ).stdout.strip()
    drafts.report(tally, names, commit or "(no commit)")


if __name__ == "__main__":
    main()
