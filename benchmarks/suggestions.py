"""How often the suggester proposes the curated PLOVER category, stance and topics.

Leave one article out: each curated statement is suggested from the statements of the other
articles only (in-sample corpus), three ways: the suggester as drafts use it (the codebook's cue
words, cues.py, then the precedents; an analyst's remark, told here by the speaker's curated
description, by the codebook's rule for commentary), the precedent vote alone, and the majority code of those
same precedents, the baseline a suggestion must beat. The cue words were written from the
codebook, whose examples come from these articles, so the figures are in-sample, not unseen news.

    python benchmarks/suggestions.py [--data data]
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

from iraq_presence.annotate.suggest import Corpus, armed_group_names, coded, precedent_vote


def _armed_groups(data: Path) -> list[str]:
    with (data / "actors.csv").open(encoding="utf-8-sig", newline="") as fh:
        types = {r["actor_id"]: r["actor_type"] for r in csv.DictReader(fh)}
    with (data / "actor_aliases.csv").open(encoding="utf-8-sig", newline="") as fh:
        aliases = {r["alias"]: r["actor_id"] for r in csv.DictReader(fh)}
    return armed_group_names(aliases, types)


def _analysts(data: Path) -> set[str]:
    """Speakers whose curated description or type makes them analysts (the draft reads the article's
    own title instead; annotate/analysts.py): their remarks are coded as commentary."""
    from iraq_presence.annotate.analysts import RESEARCH_TYPES, TITLE_WORD

    with (data / "actors.csv").open(encoding="utf-8-sig", newline="") as fh:
        return {
            r["actor_id"]
            for r in csv.DictReader(fh)
            if r["actor_type"] in RESEARCH_TYPES or TITLE_WORD.search(r["description"] or "")
        }


def _setting(data: Path, article: str, quote: str) -> str:
    """The article's sentence around the words, the words blanked, as the draft reads it for an analyst."""
    from iraq_presence.annotate.draft import _sentence

    raw = next((data / "raw").glob(f"{article}_*.txt"), None)
    text = raw.read_text(encoding="utf-8") if raw else ""
    at = text.find(quote)
    return _sentence(text, at, at + len(quote)).replace(quote, " ") if at >= 0 else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("data"), help="folder of the built CSV tables")
    args = parser.parse_args()
    corpus = Corpus.read(args.data)
    groups = _armed_groups(args.data)
    analysts = _analysts(args.data)
    right: Counter[str] = Counter()
    voted: Counter[str] = Counter()
    baseline: Counter[str] = Counter()
    for p in corpus.statements:
        article = p.statement_id.split("-")[0]
        rest = Corpus([q for q in corpus.statements if q.statement_id.split("-")[0] != article])
        analyst = p.speaker in analysts
        setting = _setting(args.data, article, p.quote) if analyst else ""
        got = {s.field: s.value for s in coded(p.quote, rest, p.verb, groups, analyst, setting)}
        right["plover"] += (got["plover"] or {}).get("category") == p.plover
        right["stance"] += got["stance_us_presence"] == p.stance
        right["topics"] += sorted(got["topics"]) == sorted(p.topics)
        near = rest.nearest(p.quote)
        vote = precedent_vote(near)
        voted["plover"] += (vote["plover"][0] or {}).get("category") == p.plover
        voted["stance"] += vote["stance"][0] == p.stance
        topic_weight: Counter[str] = Counter()
        for q, s in near:
            topic_weight.update({t: s for t in q.topics})
        total = sum(s for _, s in near)
        voted["topics"] += sorted(t for t, w in topic_weight.items() if w >= total / 2) == sorted(p.topics)
        common = {
            "plover": Counter(q.plover for q in rest.statements).most_common(1)[0][0],
            "stance": Counter(q.stance for q in rest.statements).most_common(1)[0][0],
            "topics": Counter(tuple(sorted(q.topics)) for q in rest.statements).most_common(1)[0][0],
        }
        baseline["plover"] += common["plover"] == p.plover
        baseline["stance"] += common["stance"] == p.stance
        baseline["topics"] += common["topics"] == tuple(sorted(p.topics))
    n = len(corpus.statements)
    print(f"{n} curated statements, leave one article out (in-sample)")
    print("field    suggested  precedents  majority")
    for field in ("plover", "stance", "topics"):
        print(f"{field:<8} {right[field] / n:9.2f} {voted[field] / n:11.2f} {baseline[field] / n:9.2f}")


if __name__ == "__main__":
    main()
