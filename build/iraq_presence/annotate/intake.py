"""`dataset add`: a new text into data/raw/ and a draft curation file beside the others.

The draft holds the extractor's proposals with their evidence and confidence; the build ignores it
until a maintainer reviews it and sets `status: accepted`. Values given on the command line are
recorded with the basis `given` and a note, never as `stated`: the text is not their evidence.
An `--outlet` that is not a curated actor is refused before anything is written. A proposed
meeting report names the curated meeting it reports when participants and date agree (meetings.py).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import SourceError
from ..paths import Layout
from ..tables.sources import decode_text, read_article_file, read_sums, sha256_of, sums_with

GIVEN_NOTE = "Given on the command line by the maintainer (dataset add); the text does not state it."


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
    """Copy the text in, record its hash and write the draft; refuses duplicates, non-text, unknown outlets."""
    from .extract import Extractor
    from .meetings import agreeing, read_meetings

    lay = Layout(root)
    data = read_article_file(path)
    text = decode_text(path.name, data)
    digest = sha256_of(data)
    sums = read_sums(lay.sums)
    for name, existing in sums.items():
        if existing == digest:
            raise SourceError(f"{path}: same content as data/raw/{name} (SHA-256 {digest}); not added")
    gaz = _gazetteer(lay)
    if outlet is not None:
        check_outlet(outlet, gaz)
    article_id = next_article_id(sums, digest)
    proposals = Extractor(gaz).run(text, published_date)
    meetings = read_meetings(lay.data)
    for report in proposals["meetings"]:
        report["agreeing"] = agreeing(report, meetings)
    draft = _draft(article_id, text, proposals, url=url, outlet=outlet, published_date=published_date, title=title)
    _commit(lay, article_id, data, digest, draft)
    return article_id


def _commit(lay: Layout, article_id: str, data: bytes, digest: str, draft: str) -> None:
    """The raw text, its SHA256SUMS line and the draft written as one set, as a build commits
    (store.commit): a failure, a full disk or a kill leaves all three or none."""
    from ..store import commit

    raw = lay.raw / f"{article_id}.txt"
    files = {
        raw: data,
        lay.sums: sums_with(lay.sums, digest, raw.name),
        lay.curation / "articles" / f"{article_id}.yaml": draft.encode("utf-8"),
    }
    commit(lay.root, {path.relative_to(lay.root).as_posix(): content for path, content in files.items()})


def check_outlet(outlet: str, gaz: Any) -> None:
    """Refuse an outlet that is not a curated actor, naming the nearest ones."""
    from rapidfuzz import fuzz, process

    if outlet in gaz.types:
        return
    choices = {**{a: i for a, i in gaz.aliases.items()}, **{i: i for i in gaz.types}}
    near = process.extract(outlet, list(choices), scorer=fuzz.WRatio, limit=5)
    ids = list(dict.fromkeys(choices[c] for c, _, _ in near))[:3]
    raise SourceError(
        f"--outlet {outlet!r}: not an actor_id in data/curation/actors.yaml; nearest: {', '.join(ids) or 'none'}. "
        "Add the outlet as an actor first (actor_type media_outlet), or leave --outlet out; nothing was written"
    )


def _gazetteer(lay: Layout) -> Any:
    """Known actors and their dated roles from the built CSV tables: the standard library reads them fast."""
    import csv

    from .extract import Gazetteer
    from .roles import read_roles

    with (lay.data / "actor_aliases.csv").open(encoding="utf-8-sig", newline="") as fh:
        aliases = {row["alias"]: row["actor_id"] for row in csv.DictReader(fh)}
    with (lay.data / "actors.csv").open(encoding="utf-8-sig", newline="") as fh:
        types = {row["actor_id"]: row["actor_type"] for row in csv.DictReader(fh)}
    return Gazetteer(aliases, types, read_roles(lay.data, aliases, types))


def _title(text: str, title: str | None) -> tuple[dict[str, str] | None, str]:
    if title and title in text:
        return {"quote": title}, "Given on the command line (--title); found in the text."
    if title:
        return None, f"Given on the command line (--title) as {title!r}; not found in the text, so no span. Review."
    first = text.lstrip().split("\n", 1)[0].strip()
    if first and len(first.split()) <= 20 and first[-1:] not in '.!?”"' and "\n" in text.strip():
        return {"quote": first}, "Proposed: the first line reads as a headline (no final stop). Review."
    return None, "No title given, and the first line does not read as a headline; review."


def _said_date(text: str, p: dict[str, Any], dates: list[dict[str, Any]]) -> dict[str, Any]:
    """The date expression in the statement's sentence, resolved; empty when none."""
    lo = max(text.rfind(". ", 0, p["start"]), text.rfind("\n", 0, p["start"])) + 1
    hi_candidates = [i for i in (text.find(". ", p["end"]), text.find("\n", p["end"])) if i >= 0]
    hi = min(hi_candidates) if hi_candidates else len(text)
    near = [d for d in dates if lo <= d["start"] < hi and d["date"]]
    if not near:
        return {}
    d = min(near, key=lambda d: abs(d["start"] - p["end"]))
    return {
        "said_date": dt.date.fromisoformat(d["date"]),
        "said_date_precision": d["precision"],
        "said_date_basis": "inferred",
        "said_date_note": f"Proposed: {d['text']!r} resolved against the given publication date "
        f"(confidence {d['confidence']}). Review.",
    }


def _meeting_of(p: dict[str, Any], reports: list[dict[str, Any]]) -> dict[str, Any]:
    """The one curated meeting a statement's sentence reports, when participants and date agree."""
    for m in reports:
        if m["start"] <= p["start"] and p["end"] <= m["end"] and len(m.get("agreeing", [])) == 1:
            return {"meeting": m["agreeing"][0]}
    return {}


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
    title_ref, title_note = _title(text, title)
    doc: dict[str, Any] = {
        "article_id": article_id,
        "source_file": f"{article_id}.txt",
        "status": "draft",
        "language": "en",
        "title": title_ref,
        "title_note": title_note,
        "outlet": outlet,
        "outlet_basis": "given" if outlet else None,
        "outlet_note": GIVEN_NOTE if outlet else "Not given; review.",
        "published_date": published_date,
        "published_date_precision": "day" if published_date else None,
        "published_date_basis": "given" if published_date else None,
        "published_date_note": GIVEN_NOTE if published_date else "Not given; relative dates were left unresolved.",
        "url": url,
        "url_note": None if url else "Not given.",
        "statements": [],
        "dismissed_quotes": [],
    }
    prefix = article_id.split("_")[0]
    n = 0
    for p in proposals["statements"]:
        who = p.get("speaker_id") or p.get("speaker_name")
        if not who and p["confidence"] < 0.2:
            continue  # a quotation with no cue and no speaker: a title or scare quote, listed in the header
        n += 1
        speaker = p.get("speaker_id") or f"TODO-new-speaker ({who or 'none found'})"
        source = text[p["source_start"] : p["source_end"]] if p.get("source_start") is not None else None
        evidence = f"source {source!r}, cue {p['reporting_verb']!r}" if source else p["attribution"]
        doc["statements"].append(
            {
                "statement_id": f"{prefix}-s{n:02d}",
                "speaker": speaker,
                "quote": p["quote"],
                **({"occurrence": text[: p["start"]].count(p["quote"]) + 1} if text.count(p["quote"]) > 1 else {}),
                "statement_type": p["statement_type"],
                "reporting_verb": p["reporting_verb"],
                "channel": "unknown",
                **(_said_date(text, p, proposals["dates"]) if published_date else {}),
                "utterance": None,
                **_meeting_of(p, proposals["meetings"]),
                "note": f"Proposed by the extractor (confidence {p['confidence']}; {evidence}).",
            }
        )
    header = (
        "# DRAFT written by `dataset add`: the extractor's proposals, not data.\n"
        "# Review every entry against the text, fix speakers marked TODO, add an utterance to each\n"
        "# statement (data/curation/utterances.yaml), then set `status: accepted` and run `dataset build`.\n"
        "# Candidates for new actors (names not in the gazetteer), their fullest form in the text:\n"
    )
    for c in proposals["candidates"]:
        likely = (
            f", nearest known alias {c['matched_alias']!r} of {c['likely_alias_of']}" if "likely_alias_of" in c else ""
        )
        header += f"#   {c['name']!r} at {c['start']}-{c['end']}: {c['suggested_type']}{likely}\n"
    header += "# Dates in the text" + (
        " (no publication date given: relative dates left unresolved):\n" if not published_date else ":\n"
    )
    for d in proposals["dates"]:
        header += (
            f"#   {d['text']!r} at {d['start']}-{d['end']}: {d['date']} ({d['precision']}, conf {d['confidence']})\n"
        )
    if proposals["meetings"]:
        header += "# Meeting reports (add each to its meeting's `reports` in data/curation/meetings.yaml):\n"
    for m in proposals["meetings"]:
        shown = re.sub(r"\s+", " ", m["quote"])[:90]
        date = f"{m['date']} ({m['date_precision']}, from {m['date_text']!r})" if m["date"] else "no date resolved"
        link = (
            f"links to {m['agreeing'][0]} (participants and date agree)"
            if len(m["agreeing"]) == 1
            else f"agrees with several meetings: {', '.join(m['agreeing'])}; choose one"
            if m["agreeing"]
            else "no curated meeting agrees in participants and date: a new meeting?"
        )
        header += f"#   {shown!r} at {m['start']}-{m['end']}: {', '.join(m['participants'])}; {date}; {link}\n"
    skipped = [
        p
        for p in proposals["statements"]
        if not (p.get("speaker_id") or p.get("speaker_name")) and p["confidence"] < 0.2
    ]
    if skipped:
        header += "# Quotations with no cue and no speaker (titles, scare quotes?), not drafted:\n"
        for p in skipped:
            shown = re.sub(r"\s+", " ", p["quote"])[:70]
            header += f"#   {shown!r} at {p['start']}-{p['end']}\n"
    return header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
