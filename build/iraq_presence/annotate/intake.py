"""`dataset add`: a new text into data/raw/ and a draft curation file beside the others.

The draft holds the extractor's proposals with their confidence; the build ignores it until a
maintainer reviews it and sets `status: accepted`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from ..errors import SourceError
from ..paths import Layout
from ..tables.sources import decode_text, read_sums, sha256_of


def next_article_id(sums: dict[str, str], digest: str) -> str:
    numbers = [int(name.split("_")[0]) for name in sums if name.split("_")[0].isdigit()]
    return f"{(max(numbers) + 1 if numbers else 0):03d}_{digest[:16]}"


def add_article(
    root: Path,
    path: Path,
    *,
    url: str | None = None,
    outlet: str | None = None,
    published_date: dt.date | None = None,
    title: str | None = None,
) -> str:
    """Copy the text in, record its hash and write the draft; refuses duplicates and non-text."""
    from .extract import Extractor

    lay = Layout(root)
    data = path.read_bytes()
    text = decode_text(path.name, data)
    digest = sha256_of(data)
    sums = read_sums(lay.sums)
    for name, existing in sums.items():
        if existing == digest:
            raise SourceError(f"{path}: same content as data/raw/{name} (SHA-256 {digest}); not added")
    article_id = next_article_id(sums, digest)
    gaz = _gazetteer(lay)
    proposals = Extractor(gaz).run(text, published_date)
    draft = _draft(article_id, text, proposals, url=url, outlet=outlet, published_date=published_date, title=title)
    target = lay.curation / "articles" / f"{article_id}.yaml"
    target.write_text(draft, encoding="utf-8")
    (lay.raw / f"{article_id}.txt").write_bytes(data)
    with lay.sums.open("a", encoding="utf-8") as fh:
        fh.write(f"{digest}  {article_id}.txt\n")
    return article_id


def _gazetteer(lay: Layout) -> Any:
    import pandas as pd

    from .extract import Gazetteer

    return Gazetteer.from_frames(
        pd.read_parquet(lay.data / "actors.parquet"), pd.read_parquet(lay.data / "actor_aliases.parquet")
    )


def _draft(
    article_id: str,
    text: str,
    proposals: dict[str, list[dict[str, Any]]],
    *,
    url: str | None,
    outlet: str | None,
    published_date: dt.date | None,
    title: str | None,
) -> str:
    doc: dict[str, Any] = {
        "article_id": article_id,
        "source_file": f"{article_id}.txt",
        "status": "draft",
        "language": "en",
        "title": {"quote": title} if title and title in text else None,
        "title_note": None if title and title in text else "Title not given or not found in the text; review.",
        "outlet": outlet,
        "outlet_basis": "stated" if outlet else None,
        "outlet_note": "Given on the command line; review the evidence." if outlet else "Not given; review.",
        "published_date": published_date,
        "published_date_precision": "day" if published_date else None,
        "published_date_basis": "stated" if published_date else None,
        "published_date_note": None if published_date else "Not given; review.",
        "url": url,
        "url_note": None if url else "Not given.",
        "statements": [],
        "dismissed_quotes": [],
    }
    prefix = article_id.split("_")[0]
    for n, p in enumerate(proposals["statements"], 1):
        speaker = p.get("speaker_id") or f"TODO-unknown-speaker ({p.get('speaker_name') or 'none found'})"
        doc["statements"].append(
            {
                "statement_id": f"{prefix}-s{n:02d}",
                "speaker": speaker,
                "quote": p["quote"],
                **({"occurrence": text[: p["start"]].count(p["quote"]) + 1} if text.count(p["quote"]) > 1 else {}),
                "statement_type": p["statement_type"],
                "reporting_verb": p["reporting_verb"],
                "channel": "unknown",
                "utterance": None,
                "note": f"proposed by the extractor (confidence {p['confidence']}, {p['attribution']})",
            }
        )
    header = (
        "# DRAFT written by `dataset add`: the extractor's proposals, not data.\n"
        "# Review every entry against the text, fix speakers marked TODO, add an utterance to each\n"
        "# statement (data/curation/utterances.yaml), then set `status: accepted` and run `dataset build`.\n"
        "# Candidates for new actors (names not in the gazetteer) and resolved dates:\n"
    )
    for c in proposals["candidates"]:
        likely = f", likely alias of {c['likely_alias_of']} ({c['score']})" if "likely_alias_of" in c else ""
        header += f"#   name {c['name']!r} at {c['start']}-{c['end']}: {c['suggested_type']}{likely}\n"
    for d in proposals["dates"]:
        header += (
            f"#   date {d['text']!r} at {d['start']}-{d['end']}: {d['date']} ({d['precision']}, "
            f"conf {d['confidence']})\n"
        )
    return header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
