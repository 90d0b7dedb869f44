"""Benchmark: `dataset build` and `dataset validate` on a synthetic corpus N times the curated one.

    python benchmarks/run.py --copies 1 100 1000 [--repeat 3] [--json] [--keep DIR]

Each copy of an article gets a fresh id (and a marker line appended so its bytes, and hash, are
new); its curation is copied with every curated id suffixed and every article reference remapped.
Actors stay one gazetteer. Times, each in its own process with peak memory (max RSS), and each the
median of `--repeat` runs: the full build (build cache emptied first: what a fresh clone pays),
the rebuild after editing one article's curation (cache warm: what a curator pays), `dataset
validate`, and `frictionless validate datapackage.json` as the reference.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from iraq_presence.schema.tables import load_schemas
from iraq_presence.tables.curation.writer import dumps

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ROOT = Path(__file__).resolve().parents[1]
SHARED = {"actor_id", "article_id", "reference_id"}
"""Ids every copy shares: the actor gazetteer and the bibliography (articles get new ids through the
copy's mapping)."""


def copied_ids(schemas_dir: Path) -> set[str]:
    """Curation keys whose values get a per-copy suffix: every table's one-column primary key
    (statement_id, meeting_id, ...) except the shared ones, and its reference form (`meeting:`)."""
    keys = {s.primary_key[0] for s in load_schemas(schemas_dir).values() if len(s.primary_key) == 1} - SHARED
    return keys | {k.removesuffix("_id") for k in keys}


def _has_key(value: Any, keys: set[str]) -> bool:
    if isinstance(value, dict):
        return bool(keys & set(value)) or any(_has_key(v, keys) for v in value.values())
    return isinstance(value, list) and any(_has_key(v, keys) for v in value)


GREEK = "αβγδεζηθικλμνξοπρστυφχψω"


def _letters(k: int) -> str:
    """The copy's number in Greek letters (0 -> "α", 24 -> "βα"): a marker with digits could repeat a
    curated quote ("2014": a quote that occurs twice in a text is refused as ambiguous), and one in
    Latin letters a name the alias matcher looks for; the English texts hold neither."""
    out = ""
    while True:
        k, r = divmod(k, len(GREEK))
        out = GREEK[r] + out
        if k == 0:
            return out


def synth(dest: Path, copies: int) -> None:
    """Write a repository with `copies` copies of every article and its curation. A curation file
    whose entries carry per-copy ids (utterances, meetings, ...) is copied once per copy; the rest
    (package, actors, groups) once, with article ids mapped to the first copy's."""
    shutil.copytree(ROOT / "schemas", dest / "schemas")
    keys = copied_ids(ROOT / "schemas")
    cur_src, raw_src = ROOT / "data" / "curation", ROOT / "data" / "raw"
    cur, raw = dest / "data" / "curation", dest / "data" / "raw"
    (cur / "articles").mkdir(parents=True)
    raw.mkdir(parents=True)
    originals = sorted(p.stem for p in raw_src.glob("*.txt"))
    sums, n = [], 0
    mapping: list[dict[str, str]] = []
    for k in range(copies):
        ids = {}
        for art in originals:
            data = (raw_src / f"{art}.txt").read_bytes() + f"\n[synthetic copy {_letters(k)}]".encode()
            digest = hashlib.sha256(data).hexdigest()
            new = f"{n:06d}_{digest[:16]}"
            n += 1
            ids[art] = new
            (raw / f"{new}.txt").write_bytes(data)
            sums.append(f"{digest}  {new}.txt\n")
            doc = remap(load(cur_src / "articles" / f"{art}.yaml"), ids, k, keys)
            doc["article_id"], doc["source_file"] = new, f"{new}.txt"
            (cur / "articles" / f"{new}.yaml").write_text(dumps(doc), encoding="utf-8")
        mapping.append(ids)
    (raw / "SHA256SUMS").write_text("".join(sums), encoding="utf-8")
    for path in sorted(cur_src.glob("*.yaml")):
        doc = load(path)
        if isinstance(doc, list) and _has_key(doc, keys):
            out: Any = [remap(e, mapping[k], k, keys) for k in range(copies) for e in doc]
        else:
            out = remap(doc, mapping[0], None, keys)
        (cur / path.name).write_text(dumps(out), encoding="utf-8")


def load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)


def remap(value: Any, ids: dict[str, str], copy: int | None, keys: set[str]) -> Any:
    """`value` with article ids mapped and, in copy `copy`, every per-copy id suffixed `-c<copy>`."""
    if isinstance(value, dict):
        return {
            key: f"{v}-c{copy}"
            if copy is not None and key in keys and isinstance(v, str)
            else remap(v, ids, copy, keys)
            for key, v in value.items()
        }
    if isinstance(value, list):
        return [remap(v, ids, copy, keys) for v in value]
    if isinstance(value, str) and value in ids:
        return ids[value]
    return value


def timed(cmd: list[str], cwd: Path) -> dict[str, Any]:
    """Wall time, CPU time (user + system, worker processes included) and peak RSS of a command in
    its own process (GNU time's %M %U %S when available). On a shared machine the CPU time is the
    steadier figure: wall time also counts waiting for the cores."""
    gnu_time = shutil.which("time") or "/usr/bin/time"
    use_time = Path(gnu_time).exists()
    full = [gnu_time, "-f", "%M %U %S", *cmd] if use_time else cmd
    start = time.perf_counter()
    proc = subprocess.run(full, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    peak = cpu = None
    if use_time:
        try:
            kib, user, system = proc.stderr.strip().splitlines()[-1].split()
            peak, cpu = int(kib) / 1024, float(user) + float(system)
        except (ValueError, IndexError):
            peak = cpu = None
    return {
        "command": " ".join(cmd),
        "seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 2) if cpu is not None else None,
        "peak_mib": round(peak, 1) if peak else None,
        "exit_code": proc.returncode,
        "stderr_tail": proc.stderr.strip().splitlines()[-3:] if proc.returncode else [],
    }


def edit_one_article(repo: Path, k: int) -> None:
    """A curator's edit: one article's url_note changed (a comment when it has none)."""
    path = sorted((repo / "data" / "curation" / "articles").glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    edited = re.sub(r"\nurl_note: (Edited \d+\. )?", f"\nurl_note: Edited {k}. ", text, count=1)
    path.write_text(edited if edited != text else f"{text}# edit {k}\n", encoding="utf-8")


def median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The median run by wall time (its own peak), with every run's seconds kept."""
    mid = sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]
    return {**mid, "runs": [r["seconds"] for r in runs]}


def run(copies: int, keep: Path | None, repeat: int = 3) -> dict[str, Any]:
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
    result["load_average_before"] = round(os.getloadavg()[0], 1)
    build = [str(exe / "dataset"), "build", "-q"]
    cold = []
    for _ in range(repeat):
        shutil.rmtree(repo / ".cache", ignore_errors=True)
        cold.append(timed(build, repo))
    result["build"] = median(cold)
    edits = []
    for k in range(repeat):
        edit_one_article(repo, k)
        edits.append(timed(build, repo))
    result["rebuild"] = median(edits)
    result["validate"] = median([timed([str(exe / "dataset"), "validate"], repo) for _ in range(repeat)])
    friction = [str(exe / "frictionless"), "validate", "datapackage.json"]
    result["frictionless"] = median([timed(friction, repo) for _ in range(repeat)])
    result["load_average_after"] = round(os.getloadavg()[0], 1)
    rows = {}
    desc = json.loads((repo / "datapackage.json").read_text()) if (repo / "datapackage.json").exists() else {}
    import pyarrow.parquet as pq

    for res in desc.get("resources", []):
        rows[res["name"]] = pq.ParquetFile(repo / res["path"].replace(".csv", ".parquet")).metadata.num_rows
    result["rows"] = rows
    for step in ("build", "rebuild", "validate"):
        secs = result[step]["seconds"] or 1e-9
        result[step]["rows_per_second"] = {k: round(v / secs) for k, v in rows.items()}
    if not keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 100, 1000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per step; the median is reported")
    parser.add_argument("--save", type=Path, help="also write the results (every run's seconds) as JSON here")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--keep", type=Path, help="keep the synthetic repository (built) in DIR (one N only)")
    args = parser.parse_args()
    results = [run(n, args.keep, args.repeat) for n in args.copies]
    if args.save:
        args.save.write_text(json.dumps(results, indent=2), encoding="utf-8")
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"median of {args.repeat} run(s) per step; load average before / after each N in the last column")
    print("seconds are wall time; cpu is user + system time (worker processes included)")
    print(
        f"{'N':>6} {'articles':>8} {'build s':>8} {'cpu':>6} {'MiB':>6} {'rebuild after one edit s':>24} {'cpu':>6} "
        f"{'MiB':>6} {'validate s':>10} {'MiB':>6} {'frictionless s':>14} {'MiB':>6} {'ratio':>6} {'load':>9}"
    )
    steps = ("build", "rebuild", "validate", "frictionless")
    for r in results:
        b, e, v, f = (r[k] for k in steps)
        ratio = f["seconds"] / max(v["seconds"], 1e-9)
        print(
            f"{r['copies']:>6} {r['articles']:>8} {b['seconds']:>8} {b.get('cpu_seconds') or '-':>6} "
            f"{b['peak_mib'] or '-':>6} {e['seconds']:>24} {e.get('cpu_seconds') or '-':>6} {e['peak_mib'] or '-':>6} "
            f"{v['seconds']:>10} {v['peak_mib'] or '-':>6} {f['seconds']:>14} {f['peak_mib'] or '-':>6} "
            f"{ratio:>5.1f}x {r['load_average_before']:>4}/{r['load_average_after']:<4}"
        )
        if any(x["exit_code"] for x in (b, e, v, f)):
            print("  a command failed:", {k: r[k]["stderr_tail"] for k in steps})
    if len(results) > 1:
        a, b = results[-2], results[-1]
        for step in ("build", "rebuild", "validate"):
            growth = b[step]["seconds"] / max(a[step]["seconds"], 1e-9) / (b["copies"] / a["copies"])
            print(f"{step} time per article, N={b['copies']} vs N={a['copies']}: x{growth:.2f} (1.0 = linear)")
    last = results[-1]
    print("rows/s (validate):", ", ".join(f"{k} {v}" for k, v in sorted(last["validate"]["rows_per_second"].items())))
    print(
        f"load average during the run: {os.getloadavg()[0]:.1f} (2 cores; other work on the machine slows every step)"
    )


if __name__ == "__main__":
    main()
