"""Time `Extractor.run` on made-up articles of growing size: the work should grow linearly.

    python benchmarks/extraction_scaling.py [--sizes 25000 200000 2000000]

Issue 19 measured 25 kB in 0.6 s, 200 kB in 17.6 s and 2 MB unfinished after 10 minutes (quadratic
lookups). Prints seconds per size and per 100 kB, with and without paragraph breaks.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from iraq_presence.annotate.extract import Extractor, Gazetteer
from test_extract_scaling import made_up


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[25_000, 200_000, 2_000_000], help="characters")
    args = ap.parse_args(argv)
    ex = Extractor(Gazetteer({}, {}))
    unit = len(made_up(1)) + 2
    print(f"{'characters':>12} {'breaks':>7} {'seconds':>8} {'s per 100 kB':>13}")
    for size in args.sizes:
        for breaks in (True, False):
            text = made_up(max(1, size // unit), breaks)
            began = time.perf_counter()
            ex.run(text)
            took = time.perf_counter() - began
            print(f"{len(text):>12,} {'yes' if breaks else 'no':>7} {took:>8.2f} {took / len(text) * 100_000:>13.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
