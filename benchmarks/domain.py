"""Scores of the extractor on the domain development set (../shared/domain-dev/, read from a path).

The set holds public news excerpts on this package's subject with every attribution annotated in
`gold.yaml` (kind, speaker, how the speaker is named); its texts belong to their publishers, so
nothing of it is copied here. The extractor runs as `dataset extract` does: with the repository's
gazetteer and dated roles, and each article's date from the gold file when it has one.

Counting is strict: a gold attribution is *found* when a proposal overlaps its quote span
(quotations: the text between the marks; reported speech: its content as printed); its speaker is
*right* only when found and the proposed speaker matches the gold speaker, so a missed passage
counts as a wrong speaker. A speaker matches when the two share a significant word: lower-cased,
without an "al-" prefix or possessive, leaving out function words, honorifics and a nationality
adjective that qualifies a following word ("Iraqi media" is matched by "media", not by "Iraqi").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

KINDS = ("direct", "partial", "indirect")
FORMS = ("name", "title", "pronoun", "appositive", "organisation", "unnamed")
STOP = {
    "the", "a", "an", "of", "and", "or", "in", "at", "on", "for", "to", "with", "its", "his", "her", "their",
    "mr", "mrs", "ms", "dr", "sheikh", "mainly", "unspecified", "s",
}  # fmt: skip
WORD = re.compile(r"[\w’'-]+")


def significant(name: str) -> set[str]:
    """The words that identify a speaker string (see the module docstring)."""
    words = WORD.findall(name)
    out = set()
    for k, w in enumerate(words):
        key = re.sub(r"^(?:al|el)[-’']", "", w.lower()).removesuffix("’s").removesuffix("'s").strip("’'-")
        nationality = w[:1].isupper() and w.lower().endswith(("i", "ian", "ese", "ish")) and k + 1 < len(words)
        if key and key not in STOP and not nationality:
            out.add(key)
    return out


def same_speaker(predicted: str | None, gold: str) -> bool:
    return bool(predicted) and bool(significant(predicted or "") & significant(gold))


def occurrences(text: str, quote: str, marked: bool) -> list[int]:
    """Start offsets of `quote` in the text; for a quotation, only where a mark stands right before it."""
    out, at = [], text.find(quote)
    while at >= 0:
        if not marked or (at > 0 and text[at - 1] in "“”\"‘’'"):
            out.append(at)
        at = text.find(quote, at + 1)
    return out


def names_of(gazetteer: Any) -> dict[str, str]:
    """actor_id -> every alias of it joined, so a known actor is matched by any of its names."""
    out: dict[str, list[str]] = {}
    for alias, actor in gazetteer.aliases.items():
        out.setdefault(actor, []).append(alias)
    return {actor: " ".join(aliases) for actor, aliases in out.items()}


def excluded(article: str, exclude: frozenset[str]) -> bool:
    """Whether an article is left out: named in full, or by its prefix before the first '_' ("d05")."""
    return article in exclude or article.split("_", 1)[0] in exclude


def score(root: Path, extractor: Any, names: dict[str, str], exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Every gold attribution scored, except those of the articles named in `exclude` (held out)."""
    import yaml

    gold = yaml.safe_load((root / "gold.yaml").read_text(encoding="utf-8"))
    rows_by_article: dict[str, list[dict[str, Any]]] = {}
    for row in gold["statements"]:
        if not excluded(row["article"], exclude):
            rows_by_article.setdefault(row["article"], []).append(row)
    c: Counter = Counter()
    misses: list[dict[str, Any]] = []
    for article, rows in sorted(rows_by_article.items()):
        text = (root / f"{article}.txt").read_text(encoding="utf-8")
        date = gold["articles"].get(article, {}).get("date")
        published = dt.date.fromisoformat(date) if date else None
        statements = extractor.run(text, published)["statements"]
        seen: Counter = Counter()
        for row in rows:
            starts = occurrences(text, row["quote"], row["kind"] != "indirect")
            k = seen[(row["quote"], row["kind"])]
            seen[(row["quote"], row["kind"])] += 1
            start = starts[min(k, len(starts) - 1)] if starts else -1
            span = (start, start + len(row["quote"]))
            hit = [p for p in statements if p["start"] < span[1] and span[0] < p["end"]]
            predicted = None
            if hit:
                p = hit[0]
                predicted = names.get(p.get("speaker_id") or "", p.get("speaker_id")) or p.get("speaker_name")
            right = bool(hit) and same_speaker(predicted, row["speaker"])
            for key in ("all", row["kind"], f"form:{row['speaker_form']}", f"{row['kind']}:{row['speaker_form']}"):
                c[(key, "n")] += 1
                c[(key, "found")] += bool(hit)
                c[(key, "right")] += right
            if not right:
                misses.append(
                    {
                        "article": article,
                        "kind": row["kind"],
                        "form": row["speaker_form"],
                        "gold": row["speaker"],
                        "predicted": predicted if hit else "(not found)",
                        "quote": row["quote"][:60],
                    }
                )
    return {"counts": c, "misses": misses, "articles": len(rows_by_article)}


def figures(counts: Counter) -> dict[str, dict[str, Any]]:
    out = {}
    keys = ["all", *KINDS, "quoted", *(f"form:{f}" for f in FORMS)]
    counts = counts.copy()
    for what in ("n", "found", "right"):
        counts[("quoted", what)] = counts[("direct", what)] + counts[("partial", what)]
    for key in keys:
        n = counts[(key, "n")]
        out[key] = {
            "n": n,
            "found": round(counts[(key, "found")] / n, 3) if n else None,
            "right speaker": round(counts[(key, "right")] / n, 3) if n else None,
        }
    return out


def print_report(result: dict[str, Any], root: Path, show_misses: bool) -> dict[str, Any]:
    figs = figures(result["counts"])
    print(f"Domain development set {root}: {result['articles']} articles, {dt.date.today().isoformat()}")
    print("(development figures: the rules were tuned on this set; strict: a passage not found is a wrong speaker)")
    print(f"{'attributions':<22} {'n':>4} {'found':>7} {'right speaker':>14}")
    print("-" * 50)
    for key, v in figs.items():
        found = f"{v['found']:.3f}" if v["found"] is not None else "n/a"
        right = f"{v['right speaker']:.3f}" if v["right speaker"] is not None else "n/a"
        print(f"{key.removeprefix('form:'):<22} {v['n']:>4} {found:>7} {right:>14}")
    if show_misses:
        print("\nwrong or missed:")
        for m in result["misses"]:
            print(f"  {m['article']:<26} {m['kind']:<8} {m['form']:<12} gold={m['gold']!r} got={m['predicted']!r}")
            print(f"      {m['quote']!r}")
    return figs
