"""The PolNeAR benchmark's reading of BRAT attributions and its list of misses, on a made-up file."""

import importlib.util
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location("extraction", Path(__file__).parents[1] / "benchmarks" / "extraction.py")
extraction = importlib.util.module_from_spec(_spec)
sys.modules["extraction"] = extraction
_spec.loader.exec_module(extraction)
indirect_misses, read_ann = extraction.indirect_misses, extraction.read_ann

TEXT = "Ann Berg said the port would reopen. Tom Vane mused that the plan was late."


def _ann(tmp_path: Path) -> Path:
    def span(tag: str, label: str, phrase: str) -> str:
        a = TEXT.index(phrase)
        return f"{tag}\t{label} {a} {a + len(phrase)}\t{phrase}"

    lines = [
        span("T1", "Source", "Ann Berg"),
        span("T2", "Cue", "said"),
        span("T3", "Content", "the port would reopen"),
        span("T4", "Source", "Tom Vane"),
        span("T5", "Cue", "mused"),
        span("T6", "Content", "the plan was late"),
        "E1\tCue:T2 Source:T1 Content:T3",
        "E2\tCue:T5 Source:T4 Content:T6",
    ]
    path = tmp_path / "made_up.ann"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_missed_indirect_attribution_is_listed_by_its_cue(tmp_path: Path) -> None:
    gold = read_ann(_ann(tmp_path), TEXT)
    found = [{"start": TEXT.index("the port"), "end": TEXT.index(" would"), "statement_type": "indirect"}]
    assert indirect_misses(TEXT, gold, found) == [("mused", "Tom Vane mused that the plan was late")]
