"""Benchmark: `dataset build` and `dataset validate` on a synthetic corpus N times the curated one.

    python benchmarks/run.py --copies 1000 [--json] [--keep DIR]

Each copy of an article gets a fresh id (and a marker line appended so its bytes, and hash, are
new); its curation is copied with every curated id suffixed and every article reference remapped.
Actors stay one gazetteer. Times the build, `dataset validate`, and `frictionless validate
datapackage.json` as the reference, each in its own process, with peak memory (max RSS).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

ROOT = Path(__file__).resolve().parents[1]
ID_KEYS = {
    "statement_id",
    "utterance_id",
    "meeting_id",
    "event_id",
    "affiliation_id",
    "issue_id",
    "utterance",
    "meeting",
}


def synth(dest: Path, copies: int) -> None:
    """Write a repository with `copies` copies of every article and its curation."""
    shutil.copytree(ROOT / "schemas", dest / "schemas")
    cur_src, raw_src = ROOT / "data" / "curation", ROOT / "data" / "raw"
    cur, raw = dest / "data" / "curation", dest / "data" / "raw"
    (cur / "articles").mkdir(parents=True)
    raw.mkdir(parents=True)
    for name in ("package.yaml", "actors.yaml", "disambiguation.yaml", "militia_groups.yaml"):
        if (cur_src / name).exists():
            shutil.copy2(cur_src / name, cur / name)
    originals = sorted(p.stem for p in raw_src.glob("*.txt"))
    sums, n = [], 0
    mapping: list[dict[str, str]] = []
    for k in range(copies):
        ids = {}
        for art in originals:
            data = (raw_src / f"{art}.txt").read_bytes() + f"\n[synthetic copy {k}]".encode()
            digest = hashlib.sha256(data).hexdigest()
            new = f"{n:06d}_{digest[:16]}"
            n += 1
            ids[art] = new
            (raw / f"{new}.txt").write_bytes(data)
            sums.append(f"{digest}  {new}.txt\n")
            doc = yaml.load((cur_src / "articles" / f"{art}.yaml").read_text(encoding="utf-8"), Loader=LOADER)
            doc = remap(doc, ids, k)
            doc["article_id"], doc["source_file"] = new, f"{new}.txt"
            (cur / "articles" / f"{new}.yaml").write_text(
                yaml.dump(doc, Dumper=DUMPER, allow_unicode=True), encoding="utf-8"
            )
        mapping.append(ids)
    (raw / "SHA256SUMS").write_text("".join(sums), encoding="utf-8")
    for name in ("utterances.yaml", "meetings.yaml", "events.yaml", "affiliations.yaml"):
        path = cur_src / name
        if path.exists():
            entries = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER) or []
            out = [remap(e, mapping[k], k) for k in range(copies) for e in entries]
            (cur / name).write_text(yaml.dump(out, Dumper=DUMPER, allow_unicode=True), encoding="utf-8")
    groups = (
        yaml.load((cur / "militia_groups.yaml").read_text(encoding="utf-8"), Loader=LOADER)
        if (cur / "militia_groups.yaml").exists()
        else []
    )
    (cur / "militia_groups.yaml").write_text(
        yaml.dump(remap(groups, mapping[0], None), Dumper=DUMPER, allow_unicode=True), encoding="utf-8"
    )
    actors = yaml.load((cur / "actors.yaml").read_text(encoding="utf-8"), Loader=LOADER)
    (cur / "actors.yaml").write_text(
        yaml.dump(remap(actors, mapping[0], None), Dumper=DUMPER, allow_unicode=True), encoding="utf-8"
    )


def remap(value: Any, ids: dict[str, str], copy: int | None) -> Any:
    if isinstance(value, dict):
        out = {}
        for key, v in value.items():
            if copy is not None and key in ID_KEYS and isinstance(v, str):
                out[key] = f"{v}-c{copy}"
            else:
                out[key] = remap(v, ids, copy)
        return out
    if isinstance(value, list):
        return [remap(v, ids, copy) for v in value]
    if isinstance(value, str) and value in ids:
        return ids[value]
    return value


def timed(cmd: list[str], cwd: Path) -> dict[str, Any]:
    """Wall time and peak RSS of a command in its own process (GNU time's %M when available)."""
    gnu_time = shutil.which("time") or "/usr/bin/time"
    use_time = Path(gnu_time).exists()
    full = [gnu_time, "-f", "%M", *cmd] if use_time else cmd
    start = time.perf_counter()
    proc = subprocess.run(full, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    peak = None
    if use_time:
        try:
            peak = int(proc.stderr.strip().splitlines()[-1]) / 1024
        except (ValueError, IndexError):
            peak = None
    return {
        "command": " ".join(cmd),
        "seconds": round(wall, 2),
        "peak_mib": round(peak, 1) if peak else None,
        "exit_code": proc.returncode,
        "stderr_tail": proc.stderr.strip().splitlines()[-3:] if proc.returncode else [],
    }


def run(copies: int, keep: Path | None) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    repo = keep if keep else tmp / "repo"
    if repo.exists():
        shutil.rmtree(repo)
    t0 = time.perf_counter()
    synth(repo, copies)
    exe = Path(sys.executable).parent
    result: dict[str, Any] = {
        "copies": copies,
        "articles": copies * 5,
        "synth_seconds": round(time.perf_counter() - t0, 2),
    }
    result["build"] = timed([str(exe / "dataset"), "build", "-q"], repo)
    result["validate"] = timed([str(exe / "dataset"), "validate"], repo)
    result["frictionless"] = timed([str(exe / "frictionless"), "validate", "datapackage.json"], repo)
    rows = {}
    desc = json.loads((repo / "datapackage.json").read_text()) if (repo / "datapackage.json").exists() else {}
    import pyarrow.parquet as pq

    for res in desc.get("resources", []):
        rows[res["name"]] = pq.ParquetFile(repo / res["path"].replace(".csv", ".parquet")).metadata.num_rows
    result["rows"] = rows
    for step in ("build", "validate"):
        secs = result[step]["seconds"] or 1e-9
        result[step]["rows_per_second"] = {k: round(v / secs) for k, v in rows.items()}
    if not keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 100, 1000])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--keep", type=Path, help="keep the synthetic repository (built) in DIR (one N only)")
    args = parser.parse_args()
    results = [run(n, args.keep) for n in args.copies]
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{'N':>6} {'articles':>8} {'build s':>8} {'MiB':>7} {'validate s':>10} {'MiB':>7} {'frictionless s':>14}")
    for r in results:
        print(
            f"{r['copies']:>6} {r['articles']:>8} {r['build']['seconds']:>8} {r['build']['peak_mib'] or '-':>7} "
            f"{r['validate']['seconds']:>10} {r['validate']['peak_mib'] or '-':>7} {r['frictionless']['seconds']:>14}"
        )
    if len(results) > 1:
        a, b = results[0], results[-1]
        growth = b["build"]["seconds"] / max(a["build"]["seconds"], 1e-9) / (b["copies"] / a["copies"])
        print(f"build time per article, N={b['copies']} vs N={a['copies']}: x{growth:.2f} (1.0 = linear)")
    last = results[-1]
    print("rows/s (validate):", ", ".join(f"{k} {v}" for k, v in sorted(last["validate"]["rows_per_second"].items())))


if __name__ == "__main__":
    main()
