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
from .actors import Context, attested_forms, demonym, folded_variants
from .byline import read_metadata
from .draft import GIVEN_NOTE
from .suggest import Corpus

__all__ = ["GIVEN_NOTE", "add_article", "check_outlet", "meeting_of", "said_date"]


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
    _check_built(root)
    data = read_article_file(path)
    text = decode_text(path.name, data)
    digest = sha256_of(data)
    sums = read_sums(lay.sums)
    for name, existing in sums.items():
        if existing == digest:
            raise SourceError(f"{path}: same content as data/raw/{name} (SHA-256 {digest}); not added")
    gaz = _gazetteer(lay)
    article_id = next_article_id(sums, digest)
    meta = read_metadata(text, published_date, gaz.aliases, gaz.types)
    if outlet is not None:
        check_outlet(outlet, gaz, meta.outlet.text if meta.outlet and not meta.outlet.actor_id else None)
    dated = published_date or (meta.date.value if meta.date and meta.date.confidence >= 0.6 else None)
    proposals = Extractor(gaz).run(text, dated)
    meetings = read_meetings(lay.data)
    for report in proposals["meetings"]:
        report["agreeing"] = agreeing(report, meetings)
    _new_meetings(proposals["meetings"], text, article_id, {m.meeting_id for m in meetings})
    ctx = Context(
        article_id,
        text,
        dated,
        gaz.aliases,
        gaz.types,
        Corpus.read(lay.data),
        _known_affiliations(lay.data),
        _metonyms(lay.data),
        roles=gaz.roles,
        countries=gaz.countries,
    )
    draft = _draft(ctx, meta, proposals, url=url, outlet=outlet, published_date=published_date, title=title)
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


def _check_built(root: Path) -> None:
    """The draft is proposed from the built tables: refuse while curation is newer than them."""
    from ..tables.inputs import MANIFEST, changed

    if not (root / MANIFEST).is_file():
        return
    stale = changed(root)
    if stale:
        rel, how = stale[0]
        more = f" (and {len(stale) - 1} more)" if len(stale) > 1 else ""
        raise SourceError(
            f"{rel} is {how}{more}: run `dataset build` first, so that the actors, utterances and meetings "
            "accepted since are known to the draft; nothing was written"
        )


def check_outlet(outlet: str, gaz: Any, credited: str | None) -> None:
    """An outlet must be a curated actor, or new and credited by the text (then drafted as a new actor)."""
    from rapidfuzz import fuzz, process

    if outlet in gaz.types or credited:
        return
    choices = {**{a: i for a, i in gaz.aliases.items()}, **{i: i for i in gaz.types}}
    near = process.extract(outlet, list(choices), scorer=fuzz.WRatio, limit=5, score_cutoff=80)
    ids = [i for i in dict.fromkeys(choices[c] for c, _, _ in near) if gaz.types.get(i) == "media_outlet"][:3]
    raise SourceError(
        f"--outlet {outlet!r}: not an actor_id in data/curation/actors.yaml, and the text credits no new outlet "
        f"(no byline, dateline or credit line naming one)"
        + (f"; nearest outlets: {', '.join(ids)}" if ids else "")
        + ". Leave --outlet out (the draft records the outlet as not stated), or give a curated outlet's id; "
        "nothing was written"
    )


def _known_affiliations(data: Path) -> set[tuple[str, str, str]]:
    import csv

    if not (data / "affiliations.csv").exists():
        return set()
    with (data / "affiliations.csv").open(encoding="utf-8-sig", newline="") as fh:
        return {(r["actor_id"], r["organization_id"], r["role"]) for r in csv.DictReader(fh)}


def _metonyms(data: Path) -> dict[str, str]:
    """Surface forms curated as metonyms that always stood for one actor."""
    import csv

    if not (data / "mentions.csv").exists():
        return {}
    seen: dict[str, set[str]] = {}
    with (data / "mentions.csv").open(encoding="utf-8-sig", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["is_metonym"] == "true":
                seen.setdefault(r["surface"], set()).add(r["actor_id"])
    return {surface: next(iter(ids)) for surface, ids in seen.items() if len(ids) == 1}


def _gazetteer(lay: Layout) -> Any:
    """Known actors and their dated roles from the built CSV tables: the standard library reads them fast."""
    import csv

    from .extract import Gazetteer
    from .roles import read_roles

    with (lay.data / "actor_aliases.csv").open(encoding="utf-8-sig", newline="") as fh:
        aliases = {row["alias"]: row["actor_id"] for row in csv.DictReader(fh)}
    with (lay.data / "actors.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    types = {row["actor_id"]: row["actor_type"] for row in rows}
    names = {row["name"]: row["actor_id"] for row in rows}
    countries = {row["actor_id"]: row["country"] for row in rows if row.get("country")}
    return Gazetteer(aliases, types, read_roles(lay.data, aliases, types), names, countries)


THAT_BEFORE = re.compile(r"\bthat\s+$")
"""A date opening the reported clause ("stressed that today, …") belongs to the words, not the cue."""
BOUND = re.compile(r"\b(?:before|by|until|till|after|since|from|ahead of)\s+$")
"""A date after these bounds a period ("withdraw before December 31"): it is not when the words were said."""
ATTRIBUTIVE_AFTER = re.compile(r"\s+[a-z]")
"""'the May 12 elections': a date naming an event the words are not, after 'the' and before its noun."""
REPORTED_AS = re.compile(r"\bquot(?:ed|es|ing)\b.{0,120}?\bas (?:saying|stating|telling)\b")
"""'On May 9, the Gazette quoted a source as saying …': the date is the report's, not the speaking's; one
after it ("quoted X as saying on Saturday") is the speaking's."""


def said_date(
    text: str, p: dict[str, Any], dates: list[dict[str, Any]], spoken: list[tuple[int, int]] = ()
) -> dict[str, Any]:
    """The date expression in the statement's sentence, resolved; empty when none. A date inside the
    statement's own words, or inside the words of any statement of the sentence (`spoken`), is what
    they speak of ("the deadline of December 31", "said that today, …"), not when they were said."""
    lo = max(text.rfind(". ", 0, p["start"]), text.rfind("\n", 0, p["start"])) + 1
    hi_candidates = [i for i in (text.find(". ", p["end"]), text.find("\n", p["end"])) if i >= 0]
    hi = min(hi_candidates) if hi_candidates else len(text)
    near = [
        d
        for d in dates
        if lo <= d["start"] < hi
        and d["date"]
        and (
            _leads(text, p, d)
            or not (p["start"] <= d["start"] < p["end"] or any(a <= d["start"] < b for a, b in spoken))
        )
        and not THAT_BEFORE.search(text, max(0, d["start"] - 8), d["start"])
        and not BOUND.search(text, max(0, d["start"] - 10), d["start"])
        and not (
            text[max(0, d["start"] - 4) : d["start"]].lower() == "the " and ATTRIBUTIVE_AFTER.match(text, d["end"])
        )
    ]
    reported = REPORTED_AS.search(text, lo, hi)
    if reported is not None:  # the report's date before "as saying", the speaking's after it
        near = [d for d in near if d["start"] >= reported.end()]
    if not near:
        return {}
    d = min(near, key=lambda d: abs(d["start"] - p["end"]))
    return {
        "said_date": dt.date.fromisoformat(d["date"]),
        "said_date_precision": d["precision"],
        "said_date_basis": "inferred",
        "said_date_note": f"{d['text']!r} in the attribution's sentence, resolved against the article's date.",
        "said_date_quote": d["text"],
        **({"said_date_occurrence": text[: d["start"]].count(d["text"]) + 1} if text.count(d["text"]) > 1 else {}),
    }


def _leads(text: str, p: dict[str, Any], d: dict[str, Any]) -> bool:
    """A date that opens indirect words right after their cue ("said on Monday she was …"): the
    attribution's date, which the words' span took along."""
    cue_end = p.get("cue_end")
    return (
        p.get("statement_type") == "indirect"
        and cue_end is not None
        and p["start"] <= d["start"]
        and not text[cue_end : p["start"]].strip()
        and not text[p["start"] : d["start"]].strip()
        and re.match(r"(?:on|late|early|this|last)\b", text[d["start"] : d["end"]], re.I) is not None
    )


def _new_meetings(reports: list[dict[str, Any]], text: str, article_id: str, taken: set[str]) -> None:
    """A new meeting for the reports no curated meeting agrees with, one per set of participants (a
    headline and its lead name one meeting: the entry is drafted from the first dated report, and
    every report of it links its statements there)."""
    from .meetings import proposed_meeting

    groups: dict[frozenset[str], list[dict[str, Any]]] = {}
    for r in reports:
        if not r["agreeing"]:
            groups.setdefault(frozenset(r["participants"]), []).append(r)
    for group in groups.values():
        best = next((r for r in group if r["date"]), group[0])
        entry = proposed_meeting(best, text, article_id, taken)
        for r in group:
            r["new_entry"] = entry


def meeting_of(
    p: dict[str, Any], reports: list[dict[str, Any]], speaker: Any = None, at_meeting: bool = False
) -> dict[str, Any]:
    """The meeting a statement's sentence reports: the one curated meeting whose participants and date
    agree, or the new meeting drafted for it. Words placed at a meeting outside that sentence
    (`at_meeting`: "During the meeting, X said") are at the last meeting reported before them that
    the speaker took part in."""
    for m in reports:
        if m["start"] <= p["start"] and p["end"] <= m["end"]:
            if len(m.get("agreeing", [])) == 1:
                return {"meeting": m["agreeing"][0], "why": "the sentence reports that meeting"}
            if "new_entry" in m:
                return {"meeting": m["new_entry"]["meeting_id"], "why": "the sentence reports that new meeting"}
    if at_meeting:
        before = [m for m in reports if m["end"] <= p["start"] and speaker in m["participants"]]
        if before:
            m = before[-1]
            meeting = m["agreeing"][0] if len(m.get("agreeing", [])) == 1 else m.get("new_entry", {}).get("meeting_id")
            if meeting:
                return {"meeting": meeting, "why": "the words are placed at the speaker's meeting reported before"}
    return {}


def alias_review_line(alias: dict[str, Any]) -> str:
    """A proposed alias as a review line: its actor, a confidence and what it rests on (the note)."""
    return f"new_aliases {alias['text']!r}: {alias['actor']} (0.70; {alias['note']})"


def _draft(
    ctx: Any,
    meta: Any,
    proposals: dict[str, list[dict[str, Any]]],
    *,
    url: str | None,
    outlet: str | None,
    published_date: dt.date | None,
    title: str | None,
) -> str:
    """The draft YAML: every field proposed (draft.py), the remaining candidates and dates as comments."""
    from . import draft

    doc, review = draft.article_fields(ctx, meta, url=url, outlet=outlet, published_date=published_date, title=title)
    ctx.published = doc.get("published_date")
    ctx.headline = (meta.title.start, meta.title.end) if meta.title is not None else None
    stmts, utterances = draft.statements(ctx, proposals, doc)
    affiliations, aff_review = draft.affiliations(ctx, doc)
    doc["statements"] = stmts
    doc["dismissed_quotes"], dismissed_review = draft.dismissals(ctx, proposals)
    review += aff_review + dismissed_review
    if ctx.new_actors:
        review += [
            f"new_actors {a['actor_id']}: {a['actor_type']} (0.60; {a['name']!r}, type from the name's shape and role)"
            for a in ctx.new_actors.values()
        ]
    folded_variants(ctx, proposals["candidates"])
    review += [alias_review_line(a) for a in ctx.new_aliases]
    review += [
        f"new_utterances {u['utterance_id']}: {u['occasion']!r} (0.30; occasion from the channel, summary the "
        "first words of its first statement: write both)"
        for u in utterances
    ]
    attested_forms(ctx)
    doc["unreviewed"] = review
    doc["new_actors"] = list(ctx.new_actors.values())
    doc["new_aliases"] = ctx.new_aliases
    doc["new_utterances"] = utterances
    doc["new_affiliations"] = affiliations
    drafted_meetings = {m["new_entry"]["meeting_id"]: m["new_entry"] for m in proposals["meetings"] if "new_entry" in m}
    doc["new_meetings"] = list(drafted_meetings.values())
    review += [
        f"new_meetings {m['meeting_id']}: {m['meeting_type']} of {', '.join(p['actor'] for p in m['participants'])} "
        "(0.50; type, roles, place and date read from the report's sentence; write the description)"
        for m in doc["new_meetings"]
    ]
    header = (
        "# DRAFT written by `dataset add`: every field proposed, not data.\n"
        "# Review each proposal against the text (`dataset review ID` shows them highlighted): fix what is wrong,\n"
        "# then delete its line from `unreviewed` (the article's and each statement's); replace every TODO.\n"
        "# Set `status: accepted` and run `dataset build`: it refuses an article with anything left unreviewed.\n"
        "# Other names not in the gazetteer (not drafted as actors), their fullest form in the text:\n"
    )
    drafted = {a["name"] for a in ctx.new_actors.values()} | {a["text"] for a in ctx.new_aliases}
    furniture = [(ctx.text.find(i["quote"]), len(i["quote"])) for i in doc.get("issues", [])]
    for c in proposals["candidates"]:
        if c["name"] in drafted or any(s <= c["start"] < s + n for s, n in furniture) or demonym(c["name"], ctx.text):
            continue
        likely = (
            f", nearest known alias {c['matched_alias']!r} of {c['likely_alias_of']}" if "likely_alias_of" in c else ""
        )
        header += f"#   {c['name']!r} at {c['start']}-{c['end']}: {c['suggested_type']}{likely}\n"
    header += "# Dates in the text" + (
        " (no publication date: relative dates left unresolved):\n" if not ctx.published else ":\n"
    )
    for d in proposals["dates"]:
        header += (
            f"#   {d['text']!r} at {d['start']}-{d['end']}: {d['date']} ({d['precision']}, conf {d['confidence']})\n"
        )
    if proposals["meetings"]:
        header += (
            "# Meeting reports (one of a curated meeting goes in its `reports` in data/curation/meetings.yaml once\n"
            "# the article is accepted; one no curated meeting agrees with is drafted below in `new_meetings`):\n"
        )
    for m in proposals["meetings"]:
        shown = re.sub(r"\s+", " ", m["quote"])[:90]
        date = f"{m['date']} ({m['date_precision']}, from {m['date_text']!r})" if m["date"] else "no date resolved"
        link = (
            f"links to {m['agreeing'][0]} (participants and date agree)"
            if len(m["agreeing"]) == 1
            else f"agrees with several meetings: {', '.join(m['agreeing'])}; choose one"
            if m["agreeing"]
            else "no curated meeting agrees in participants and date: drafted as new_meetings "
            + m["new_entry"]["meeting_id"]
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
    return header + yaml.dump(doc, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=100)


class _NoAliases(yaml.SafeDumper):
    """Every value written out: curation files hold no anchors (the loader refuses them)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True
