"""Out-of-sample benchmark of the extractor on PolNeAR attributions (train or dev split only).

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates every attribution in 1,008 political news
articles as source, cue and content spans (BRAT standoff). Its repository states no licence, so
nothing of it is copied here: this script reads a local copy whose root is given on the command
line. The test split is reserved for an independent evaluation and is refused.

    python benchmarks/extraction.py --polnear /work/polnear --split dev

Gold quotations are the passages between quotation marks inside an attribution's content span;
gold indirect statements are contents holding no quotation mark. A gold source is `pronoun` when
it is a bare pronoun, `named` when its head (the words before any comma) ends in a capitalised
word, `title` otherwise ("the spokesman", "the campaign"). A proposal names the right source when
its source span overlaps the gold source span, or when the speaker it names shares a capitalised
word with the gold source (the extractor names "Ann Smith" where the gold source span is "Smith").
PolNeAR does not resolve pronouns, so `pronoun` accuracy checks the source mention, not the
antecedent; antecedents are checked by the unit tests and `dataset evaluate`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

QUOTE_RE = re.compile(r"[“\"]([^“”\"]+)[”\"]")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "one", "who", "which"}
BANDS = [(0.0, 0.5), (0.5, 0.8), (0.8, 0.9), (0.9, 1.01)]


@dataclass
class Attribution:
    source: tuple[int, int] | None
    source_text: str
    cue: tuple[int, int] | None
    content: list[tuple[int, int]]
    quotes: list[tuple[int, int]] = field(default_factory=list)

    @property
    def kind(self) -> str | None:
        return source_kind(self.source_text) if self.source else None

    @property
    def content_span(self) -> tuple[int, int]:
        return self.content[0][0], self.content[-1][1]


def source_kind(text: str) -> str:
    words = text.strip().split()
    if len(words) == 1 and words[0].lower().strip(",.") in PRONOUNS:
        return "pronoun"
    head = text.split(",")[0].split()
    head = [w for w in head if w.strip("’'s.")] or head
    return "named" if head and head[-1][:1].isupper() and head[-1].lower() not in PRONOUNS else "title"


def read_ann(path: Path, text: str) -> list[Attribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            frags = [tuple(int(x) for x in frag.split()) for frag in offsets.split(";")]
            spans[parts[0]] = (label, [(a, b) for a, b in frags])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(role.split(":", 1) for role in parts[1].split()))
    out = []
    for ev in events:
        if "Content" not in ev or ev["Content"] not in spans:
            continue
        content = spans[ev["Content"]][1]
        src = spans[ev["Source"]][1] if ev.get("Source") in spans else None
        cue = spans[ev["Cue"]][1] if ev.get("Cue") in spans else None
        att = Attribution(
            (src[0][0], src[-1][1]) if src else None,
            " ".join(text[a:b] for a, b in src) if src else "",
            (cue[0][0], cue[-1][1]) if cue else None,
            content,
        )
        for a, b in content:
            for m in QUOTE_RE.finditer(text, a, b):
                if m.group(1).strip():
                    att.quotes.append((m.start(1), m.end(1)))
        out.append(att)
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def exact(a: tuple[int, int], b: tuple[int, int], text: str) -> bool:
    strip = " \n,.;:!?—–-"
    return text[a[0] : a[1]].strip(strip) == text[b[0] : b[1]].strip(strip) and overlaps(a, b)


def caps(s: str) -> set[str]:
    return {w.strip("’'s.,").lower() for w in s.split() if w[:1].isupper() and len(w.strip("’'s.,")) > 1}


def name_right(pred: dict, att: Attribution) -> bool:
    """The speaker the proposal names shares a capitalised word with the gold source."""
    name = pred.get("speaker_name") or pred.get("speaker_id") or ""
    return bool(caps(name) & caps(att.source_text) - {"the", "mr", "mrs", "ms", "dr", "sen", "rep", "gov"})


def speaker_right(pred: dict, att: Attribution) -> bool:
    if att.source is None:
        return False
    if pred.get("source_start") is not None and overlaps((pred["source_start"], pred["source_end"]), att.source):
        return True
    return name_right(pred, att)


def strict_right(hit: list[dict], att: Attribution) -> bool:
    """Found, and the name right (a pronoun's antecedent is not in PolNeAR: its source mention is checked)."""
    if not hit:
        return False
    return name_right(hit[0], att) if att.kind == "named" else speaker_right(hit[0], att)


@dataclass
class Tally:
    counts: Counter = field(default_factory=Counter)
    bands: Counter = field(default_factory=Counter)

    def ratio(self, a: str, b: str) -> float | None:
        return round(self.counts[a] / self.counts[b], 3) if self.counts[b] else None


def score_article(text: str, gold: list[Attribution], statements: list[dict], t: Tally) -> None:
    c = t.counts
    quotes = [p for p in statements if p["statement_type"] != "indirect"]
    indirect = [p for p in statements if p["statement_type"] == "indirect"]
    gold_quotes = [(q, att) for att in gold for q in att.quotes]
    contents = [(span, att) for att in gold for span in att.content]
    c["gold_quotes"] += len(gold_quotes)
    c["pred_quotes"] += len(quotes)
    for q, att in gold_quotes:
        hit = [p for p in quotes if overlaps((p["start"], p["end"]), q)]
        if att.kind:
            c[f"gold_{att.kind}"] += 1
            c[f"strict_{att.kind}_ok"] += strict_right(hit, att)
        if not hit:
            continue
        c["quote_overlap_found"] += 1
        c["quote_exact_found"] += any(exact((p["start"], p["end"]), q, text) for p in hit)
        if att.kind:
            c[f"spk_{att.kind}"] += 1
            c[f"spk_{att.kind}_ok"] += speaker_right(hit[0], att)
    for p in quotes:
        span = (p["start"], p["end"])
        c["pred_quote_overlap_ok"] += any(overlaps(span, q) for q, _ in gold_quotes)
        c["pred_quote_exact_ok"] += any(exact(span, q, text) for q, _ in gold_quotes)
    for att in gold:
        if att.quotes:
            continue
        c["gold_indirect"] += 1
        c["indirect_found"] += any(overlaps((p["start"], p["end"]), span) for p in indirect for span in att.content)
        if att.kind:
            hit = [p for p in indirect if any(overlaps((p["start"], p["end"]), s) for s in att.content)]
            c[f"gold_ind_{att.kind}"] += 1
            c[f"strict_ind_{att.kind}_ok"] += strict_right(hit, att)
            if hit:
                c[f"ind_spk_{att.kind}"] += 1
                c[f"ind_spk_{att.kind}_ok"] += speaker_right(hit[0], att)
    c["pred_indirect"] += len(indirect)
    for p in statements:
        span = (p["start"], p["end"])
        owners = [att for s, att in contents if overlaps(span, s)]
        if p["statement_type"] == "indirect":
            c["pred_indirect_ok"] += bool(owners)
        right = any(speaker_right(p, att) for att in owners)
        band = next(f"{lo:.1f}-{min(hi, 1.0):.1f}" for lo, hi in BANDS if lo <= p["confidence"] < hi)
        t.bands[(band, "n")] += 1
        t.bands[(band, "right")] += right


WORD_RE = re.compile(r"\w+")
ROLES = ("source", "cue", "content")


def token_range(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A span as its first and last word token: punctuation and quotation marks at its edges ignored."""
    if span is None:
        return None
    words = list(WORD_RE.finditer(text, span[0], span[1]))
    return (words[0].start(), words[-1].end()) if words else None


def pred_roles(statements: list[dict]) -> dict[str, set]:
    """Source, cue and content spans of the proposals, one attribution per cue (its quotations merged)."""
    by_cue: dict[object, list[dict]] = {}
    for k, p in enumerate(statements):
        key = (p["cue_start"], p["cue_end"]) if p.get("cue_start") is not None else k
        by_cue.setdefault(key, []).append(p)
    out: dict[str, set] = {r: set() for r in ROLES}
    for group in by_cue.values():
        p = group[0]
        if p.get("source_start") is not None:
            out["source"].add((p["source_start"], p["source_end"]))
        if p.get("cue_start") is not None:
            out["cue"].add((p["cue_start"], p["cue_end"]))
        out["content"].add((min(x["start"] for x in group), max(x["end"] for x in group)))
    return out


def score_spans(text: str, gold: list[Attribution], statements: list[dict], t: Tally) -> None:
    """Exact token-span matches of source, cue and content (the measure of CofeNet, COLING 2022)."""
    golds = {
        "source": {a.source for a in gold if a.source},
        "cue": {a.cue for a in gold if a.cue},
        "content": {a.content_span for a in gold},
    }
    preds = pred_roles(statements)
    for role in ROLES:
        g = {token_range(text, s) for s in golds[role]} - {None}
        p = {token_range(text, s) for s in preds[role]} - {None}
        t.counts[f"span_{role}_gold"] += len(g)
        t.counts[f"span_{role}_pred"] += len(p)
        t.counts[f"span_{role}_tp"] += len(g & p)


def span_f1(t: Tally, role: str) -> float | None:
    c = t.counts
    tp, g, p = c[f"span_{role}_tp"], c[f"span_{role}_gold"], c[f"span_{role}_pred"]
    return round(2 * tp / (g + p), 3) if g + p else None


def report(t: Tally, split: str, n_articles: int, seconds: float) -> dict:
    r = t.ratio
    figures = {
        "quotation recall (overlap)": r("quote_overlap_found", "gold_quotes"),
        "quotation recall (exact)": r("quote_exact_found", "gold_quotes"),
        "quotation precision (overlap)": r("pred_quote_overlap_ok", "pred_quotes"),
        "quotation precision (exact)": r("pred_quote_exact_ok", "pred_quotes"),
        "speaker accuracy, named sources": r("spk_named_ok", "spk_named"),
        "strict speaker, named sources": r("strict_named_ok", "gold_named"),
        "strict speaker, title/role sources": r("strict_title_ok", "gold_title"),
        "strict speaker, pronoun sources": r("strict_pronoun_ok", "gold_pronoun"),
        "speaker accuracy, title/role sources": r("spk_title_ok", "spk_title"),
        "speaker accuracy, pronoun sources": r("spk_pronoun_ok", "spk_pronoun"),
        "indirect-speech recall (overlap)": r("indirect_found", "gold_indirect"),
        "indirect-speech precision (overlap)": r("pred_indirect_ok", "pred_indirect"),
        "indirect speaker accuracy, named": r("ind_spk_named_ok", "ind_spk_named"),
        "indirect speaker accuracy, title/role": r("ind_spk_title_ok", "ind_spk_title"),
        "indirect speaker accuracy, pronoun": r("ind_spk_pronoun_ok", "ind_spk_pronoun"),
        "strict indirect speaker, named": r("strict_ind_named_ok", "gold_ind_named"),
        "exact-span F1, source": span_f1(t, "source"),
        "exact-span F1, cue": span_f1(t, "cue"),
        "exact-span F1, content": span_f1(t, "content"),
        "date accuracy": None,
    }
    bands = {
        band: {
            "n": t.bands[(band, "n")],
            "right": round(t.bands[(band, "right")] / t.bands[(band, "n")], 3) if t.bands[(band, "n")] else None,
        }
        for band in (f"{lo:.1f}-{min(hi, 1.0):.1f}" for lo, hi in BANDS)
    }
    return {
        "split": split,
        "date": dt.date.today().isoformat(),
        "articles": n_articles,
        "seconds": round(seconds, 1),
        "figures": figures,
        "counts": dict(t.counts),
        "confidence_bands": bands,
    }


def print_report(rep: dict) -> None:
    print(f"PolNeAR {rep['split']}: {rep['articles']} articles, {rep['seconds']} s, {rep['date']}")
    print(f"{'metric':<40} {'score':>6}")
    print("-" * 47)
    for name, value in rep["figures"].items():
        shown = f"{value:>6.3f}" if value is not None else "   n/a"
        print(f"{name:<40} {shown}")
    c = rep["counts"]
    print(
        f"(gold quotations {c.get('gold_quotes', 0)}, proposed {c.get('pred_quotes', 0)}; sources named "
        f"{c.get('spk_named', 0)}, title {c.get('spk_title', 0)}, pronoun {c.get('spk_pronoun', 0)}; gold indirect "
        f"{c.get('gold_indirect', 0)}, proposed {c.get('pred_indirect', 0)}; no gold dates in PolNeAR)"
    )
    print("\nconfidence band   proposals   right (span and source)")
    for band, v in rep["confidence_bands"].items():
        right = f"{v['right']:.3f}" if v["right"] is not None else "  n/a"
        print(f"{band:<17} {v['n']:>9}   {right}")


def time_cli(docs: list[tuple[str, Path]]) -> float:
    """Wall-clock seconds of `dataset extract --json` on the first 1,000 words of the longest article."""
    import shutil
    import subprocess
    import tempfile

    dataset = shutil.which("dataset") or str(Path(sys.executable).with_name("dataset"))  # the venv's, unactivated
    text = max((t for t, _ in docs), key=len)
    words = text.split(" ")[:1000]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(" ".join(words), encoding="utf-8")
        runs = []
        for _ in range(3):
            began = time.perf_counter()
            subprocess.run([dataset, "extract", str(path), "--json"], check=True, capture_output=True)
            runs.append(time.perf_counter() - began)
    return round(min(runs), 2)


def indirect_misses(text: str, gold: list[Attribution], statements: list[dict]) -> list[tuple[str, str]]:
    """The gold indirect attributions no indirect proposal overlaps: (cue as written, the passage)."""
    indirect = [(p["start"], p["end"]) for p in statements if p["statement_type"] == "indirect"]
    out = []
    for att in gold:
        if att.quotes or any(overlaps(p, s) for p in indirect for s in att.content):
            continue
        spans = [*att.content, *(x for x in (att.cue, att.source) if x)]
        passage = text[min(a for a, _ in spans) : max(b for _, b in spans)]
        out.append((text[slice(*att.cue)].lower() if att.cue else "(no cue)", " ".join(passage.split())))
    return out


def print_indirect_misses(docs: list[tuple[str, Path]], ex: object, top: int = 40) -> None:
    """The most frequent cues of missed indirect speech, each with two passages (read, never stored)."""
    by_cue: dict[str, list[str]] = {}
    for text, ann in docs:
        for cue, passage in indirect_misses(text, read_ann(ann, text), ex.run(text)["statements"]):
            by_cue.setdefault(cue, []).append(passage)
    print(f"\nmissed indirect attributions: {sum(map(len, by_cue.values()))}, by cue (most frequent {top}):")
    for cue, passages in sorted(by_cue.items(), key=lambda kv: -len(kv[1]))[:top]:
        print(f"  {len(passages):4d}  {cue!r}")
        for passage in passages[:2]:
            print(f"          {passage[:160]}")


def articles(root: Path, split: str) -> list[tuple[str, Path]]:
    """One annotation per article: the first annotator's in file-name order (some have several)."""
    texts = sorted((root / "data" / split / "text").glob("*.txt"))
    out = []
    for t in texts:
        anns = sorted((root / "data" / split / "attributions").glob(t.stem + "_*.ann"))
        if anns:
            out.append((t.read_text(encoding="utf-8"), anns[0]))
    return out


def run_domain(root: Path, show_misses: bool, out: Path | None, exclude: frozenset[str] = frozenset()) -> int:
    """Score the domain development set as `dataset extract` runs: the repository's gazetteer and roles."""
    import domain

    from iraq_presence.annotate.extract import Extractor
    from iraq_presence.annotate.intake import _gazetteer
    from iraq_presence.paths import Layout

    if not (root / "gold.yaml").is_file():
        print(f"{root}: no gold.yaml there; give the domain development set's folder", file=sys.stderr)
        return 2
    gazetteer = _gazetteer(Layout(Path(__file__).resolve().parents[1]))
    result = domain.score(root, Extractor(gazetteer), domain.names_of(gazetteer), exclude)
    figs = domain.print_report(result, root, show_misses)
    if out:
        report = {"date": dt.date.today().isoformat(), "excluded": sorted(exclude), "figures": figs}
        out.write_text(json.dumps(report, indent=2) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--polnear", type=Path, help="root of a local PolNeAR copy (holds data/)")
    where.add_argument("--domain", type=Path, help="the domain development set's folder (holds gold.yaml)")
    ap.add_argument("--split", default="dev", help="train or dev (test is reserved and refused)")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    ap.add_argument("--limit", type=int, help="score only the first N articles (quick runs)")
    ap.add_argument("--time-cli", action="store_true", help="also time `dataset extract` on 1,000 words")
    ap.add_argument(
        "--misses",
        action="store_true",
        help="with --domain: list every wrong or missed attribution; with --polnear: the missed indirect ones by cue",
    )
    ap.add_argument(
        "--exclude",
        action="extend",
        nargs="+",
        default=[],
        metavar="ARTICLE",
        help="with --domain: leave out these articles (file name without .txt, or its prefix: d05), e.g. held out",
    )
    args = ap.parse_args(argv)
    if args.domain:
        return run_domain(args.domain, args.misses, args.json, frozenset(args.exclude))
    if args.split not in {"train", "dev"}:
        print(
            f"--split {args.split!r}: only 'train' or 'dev'; the test split is reserved for an independent evaluation",
            file=sys.stderr,
        )
        return 2
    if not (args.polnear / "data" / args.split / "text").is_dir():
        print(f"{args.polnear}: no data/{args.split}/text there; give the root of a PolNeAR copy", file=sys.stderr)
        return 2
    from iraq_presence.annotate.extract import Extractor, Gazetteer

    ex = Extractor(Gazetteer({}, {}))
    tally = Tally()
    docs = articles(args.polnear, args.split)[: args.limit]
    began = time.perf_counter()
    for text, ann in docs:
        gold, statements = read_ann(ann, text), ex.run(text)["statements"]
        score_article(text, gold, statements, tally)
        score_spans(text, gold, statements, tally)
    rep = report(tally, args.split, len(docs), time.perf_counter() - began)
    if args.misses:
        print_indirect_misses(docs, ex)
    if args.time_cli:
        rep["cli_seconds_1000_words"] = time_cli(docs)
    print_report(rep)
    if args.time_cli:
        print(f"\n`dataset extract` on a 1,000-word article: {rep['cli_seconds_1000_words']} s (best of 3, wall clock)")
    if args.json:
        args.json.write_text(json.dumps(rep, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
