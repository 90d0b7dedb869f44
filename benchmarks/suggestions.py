"""How often the precedent vote suggests the curated PLOVER category, stance and topics.

Leave one article out: each curated statement is suggested from the statements of the other
articles only (in-sample corpus, so this is the figure for a new article of the same kind), and
compared with the majority code of those same precedents, the baseline a suggestion must beat.

    python benchmarks/suggestions.py [--data data]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from iraq_presence.annotate.suggest import Corpus, coded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("data"), help="folder of the built CSV tables")
    args = parser.parse_args()
    corpus = Corpus.read(args.data)
    right: Counter[str] = Counter()
    baseline: Counter[str] = Counter()
    for p in corpus.statements:
        article = p.statement_id.split("-")[0]
        rest = Corpus([q for q in corpus.statements if q.statement_id.split("-")[0] != article])
        got = {s.field: s.value for s in coded(p.quote, rest)}
        right["plover"] += (got["plover"] or {}).get("category") == p.plover
        right["stance"] += got["stance_us_presence"] == p.stance
        right["topics"] += sorted(got["topics"]) == sorted(p.topics)
        common = {
            "plover": Counter(q.plover for q in rest.statements).most_common(1)[0][0],
            "stance": Counter(q.stance for q in rest.statements).most_common(1)[0][0],
            "topics": Counter(tuple(sorted(q.topics)) for q in rest.statements).most_common(1)[0][0],
        }
        baseline["plover"] += common["plover"] == p.plover
        baseline["stance"] += common["stance"] == p.stance
        baseline["topics"] += common["topics"] == tuple(sorted(p.topics))
    n = len(corpus.statements)
    print(f"{n} curated statements, leave one article out")
    print("field    suggested  majority")
    for field in ("plover", "stance", "topics"):
        print(f"{field:<8} {right[field] / n:9.2f} {baseline[field] / n:9.2f}")


if __name__ == "__main__":
    main()
