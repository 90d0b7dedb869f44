"""`dataset evaluate`: the extractor scored against the curated articles (in-sample).

These five articles are the text the rules were checked on, so the figures are in-sample; the
out-of-sample figures come from `benchmarks/extraction.py` on PolNeAR dev. Quotation spans match
when they overlap (exact: same span); speaker accuracy is over matched spans; mention recall
counts curated mentions found with the same offsets and actor; date accuracy compares the dates
the extractor resolves with the curated report dates at the same expression.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Scores:
    span_precision: float
    span_recall: float
    span_f1: float
    speaker_accuracy: float
    mention_recall: float
    date_accuracy: float
    n_gold_spans: int
    n_predicted_spans: int
    n_matched: int
    n_gold_mentions: int
    n_gold_dates: int
    extra: dict[str, Any] | None = None

    def record(self) -> dict[str, Any]:
        return asdict(self)


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def score(
    gold_spans: list[tuple[str, int, int, str]],
    pred_spans: list[tuple[str, int, int, str | None]],
    gold_mentions: set[tuple[str, int, int, str]],
    pred_mentions: set[tuple[str, int, int, str]],
    gold_dates: dict[tuple[str, int, int], dt.date],
    pred_dates: dict[tuple[str, int, int], dt.date],
) -> Scores:
    """Pure arithmetic over (article, start, end, speaker) tuples; one prediction matches one gold span."""
    used: set[int] = set()
    matched = correct = 0
    for art, s, e, speaker in gold_spans:
        for k, (pa, ps, pe, pspk) in enumerate(pred_spans):
            if k in used or pa != art or not (ps < e and s < pe):
                continue
            used.add(k)
            matched += 1
            correct += int(pspk == speaker)
            break
    precision = _ratio(len(used), len(pred_spans))
    recall = _ratio(matched, len(gold_spans))
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    dates_ok = sum(1 for k, v in gold_dates.items() if pred_dates.get(k) == v)
    return Scores(
        precision,
        recall,
        f1,
        _ratio(correct, matched),
        _ratio(len(gold_mentions & pred_mentions), len(gold_mentions)),
        _ratio(dates_ok, len(gold_dates)),
        len(gold_spans),
        len(pred_spans),
        matched,
        len(gold_mentions),
        len(gold_dates),
    )


def evaluate(frames: dict[str, Any]) -> Scores:

    from .extract import Extractor, Gazetteer
    from .roles import roles_from_rows

    gaz = Gazetteer.from_frames(frames["actors"], frames["actor_aliases"])
    gaz.roles = roles_from_rows(frames["affiliations"].to_dict("records"), gaz.aliases, gaz.types)
    ex = Extractor(gaz)
    arts = frames["articles"]
    st = frames["statements"]
    gold_spans = [
        (a, int(s), int(e), spk)
        for a, s, e, spk, t in zip(
            st["article_id"], st["char_start"], st["char_end"], st["speaker_id"], st["statement_type"]
        )
        if t in ("direct", "partial")
    ]
    me = frames["mentions"]
    gold_mentions = set(zip(me["article_id"], me["char_start"].astype(int), me["char_end"].astype(int), me["actor_id"]))
    mr = frames["meeting_reports"]
    gold_dates = {
        (a, int(s), int(e)): d
        for a, s, e, d, p in zip(
            mr["article_id"], mr["date_start"], mr["date_end"], mr["report_date"], mr["report_date_precision"]
        )
        if isinstance(d, dt.date) and not _missing(s)
    }
    gold_indirect = [
        (a, int(s), int(e), spk)
        for a, s, e, spk, t in zip(
            st["article_id"], st["char_start"], st["char_end"], st["speaker_id"], st["statement_type"]
        )
        if t == "indirect"
    ]
    records: list[tuple[str, dict[str, Any]]] = []
    pred_spans: list[tuple[str, int, int, str | None]] = []
    pred_mentions: set[tuple[str, int, int, str]] = set()
    pred_dates: dict[tuple[str, int, int], dt.date] = {}
    for art, text, pub, prec in zip(
        arts["article_id"], arts["text"], arts["published_date"], arts["published_date_precision"]
    ):
        published = pub if isinstance(pub, dt.date) and prec == "day" else None
        result = ex.run(text, published)
        quotes = [p for p in result["statements"] if p["statement_type"] != "indirect"]
        pred_spans += [(art, p["start"], p["end"], p.get("speaker_id")) for p in quotes]
        records += [(art, p) for p in result["statements"]]
        pred_mentions |= {(art, p["start"], p["end"], p["actor_id"]) for p in result["mentions"]}
        for p in result["dates"]:
            if p["date"]:
                pred_dates[(art, p["start"], p["end"])] = dt.date.fromisoformat(p["date"])
    # dates in articles without a known day-precision publication date cannot be resolved by text alone
    known = {a for a, p in zip(arts["article_id"], arts["published_date_precision"]) if p == "day"}
    gold_dates = {k: v for k, v in gold_dates.items() if k[0] in known}
    scores = score(gold_spans, pred_spans, gold_mentions, pred_mentions, gold_dates, pred_dates)
    return dataclasses.replace(scores, extra=breakdown(gold_spans, gold_indirect, records))


BANDS = [(0.0, 0.5), (0.5, 0.8), (0.8, 0.9), (0.9, 1.01)]


def breakdown(
    gold_quotes: list[tuple[str, int, int, str]],
    gold_indirect: list[tuple[str, int, int, str]],
    records: list[tuple[str, dict[str, Any]]],
) -> dict[str, Any]:
    """Exact span recall, speaker accuracy by the kind of source phrase, indirect recall, confidence bands."""
    quotes = [(a, p) for a, p in records if p["statement_type"] != "indirect"]
    exact = sum(any(a == g[0] and (p["start"], p["end"]) == g[1:3] for a, p in quotes) for g in gold_quotes)
    kinds: dict[str, list[int]] = {}
    for g in gold_quotes:
        hit = next((p for a, p in quotes if a == g[0] and p["start"] < g[2] and g[1] < p["end"]), None)
        if hit is not None:
            k = kinds.setdefault(hit.get("source_kind") or hit["attribution"], [0, 0])
            k[0] += 1
            k[1] += hit.get("speaker_id") == g[3]
    indirect = [(a, p) for a, p in records if p["statement_type"] == "indirect"]
    found = [
        next((p for a, p in indirect if a == g[0] and p["start"] < g[2] and g[1] < p["end"]), None)
        for g in gold_indirect
    ]
    gold_all = gold_quotes + gold_indirect
    bands: dict[str, list[int]] = {}
    for a, p in records:
        right = any(
            g[0] == a and p["start"] < g[2] and g[1] < p["end"] and p.get("speaker_id") == g[3] for g in gold_all
        )
        lo, hi = next(b for b in BANDS if b[0] <= p["confidence"] < b[1])
        band = bands.setdefault(f"{lo:.1f}-{min(hi, 1.0):.1f}", [0, 0])
        band[0] += 1
        band[1] += right
    return {
        "span_recall_exact": _ratio(exact, len(gold_quotes)),
        "speaker_accuracy_by_source": {k: (_ratio(v[1], v[0]), v[0]) for k, v in sorted(kinds.items())},
        "indirect_recall": _ratio(sum(f is not None for f in found), len(gold_indirect)),
        "indirect_speaker_accuracy": _ratio(
            sum(f is not None and f.get("speaker_id") == g[3] for f, g in zip(found, gold_indirect)),
            sum(f is not None for f in found),
        ),
        "n_gold_indirect": len(gold_indirect),
        "confidence_bands": {k: (_ratio(v[1], v[0]), v[0]) for k, v in sorted(bands.items())},
    }


def table(s: Scores) -> str:
    rows = [
        ("quotation-span precision", s.span_precision),
        ("quotation-span recall", s.span_recall),
        ("quotation-span F1", s.span_f1),
        ("speaker accuracy", s.speaker_accuracy),
        ("mention recall", s.mention_recall),
        ("date accuracy", s.date_accuracy),
    ]
    out = [f"{'metric':<26} {'score':>6}", "-" * 33]
    out += [f"{name:<26} {value:>6.3f}" for name, value in rows if name != "date accuracy"]
    out.append(f"{'date accuracy':<26} " + (f"{s.date_accuracy:>6.3f}" if s.n_gold_dates else "   n/a"))
    x = s.extra or {}
    if x:
        out.insert(4, f"{'quotation-span recall exact':<26} {x['span_recall_exact']:>6.3f}")
        for kind, (acc, n) in x["speaker_accuracy_by_source"].items():
            out.append(f"{'speaker acc., ' + kind:<26} {acc:>6.3f}  (n={n})")
        out.append(f"{'indirect-speech recall':<26} {x['indirect_recall']:>6.3f}  (n={x['n_gold_indirect']})")
        out.append(f"{'indirect speaker accuracy':<26} {x['indirect_speaker_accuracy']:>6.3f}")
    out.append(
        f"(gold spans {s.n_gold_spans}, predicted {s.n_predicted_spans}, matched {s.n_matched}; "
        f"gold mentions {s.n_gold_mentions}; gold dates {s.n_gold_dates}; in-sample)"
    )
    if x:
        out.append("confidence band   proposals   right (span and speaker)")
        out += [f"{band:<17} {n:>9}   {acc:.3f}" for band, (acc, n) in x["confidence_bands"].items()]
    return "\n".join(out)


def _missing(value: Any) -> bool:
    """None, NaN or pandas' NA (a nullable integer column holds NA where a span is absent)."""
    import pandas as pd

    return value is None or bool(pd.isna(value))
