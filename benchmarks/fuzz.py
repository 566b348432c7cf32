"""`make fuzz`: thousands of hostile inputs through `tahqiq run`, queries while the runs go, one 5 MB article.

    python -m benchmarks.fuzz [--inputs 10000] [--batches 10] [--queries 50] [--out DIR]

Each batch runs as its own `tahqiq run` process with a time limit (a hang counts as a failed batch);
while the batches run, `tahqiq query` processes ask the warehouse for its article count. Then every
input must be exactly once in articles or quarantine, and no article body may hold mojibake.
Prints a report and writes it as JSON to DIR/fuzz.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.hostile import _sentences, check_batch, write_hostile_batch

REPO = Path(__file__).resolve().parents[1]
BATCH_TIME_LIMIT_S = 900
BIG_ARTICLE_BYTES = 4_999_000


def tahqiq(*args: str, home: Path, timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipelines.cli", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, "DAGSTER_HOME": str(home)})


def run_batches(work: Path, inputs: int, batches: int, queries: int) -> dict:
    home, warehouse_path = work / "dagster_home", work / "warehouse.duckdb"
    per_batch = inputs // batches
    written = [write_hostile_batch(work / "inbox" / f"hostile_{i:02d}", per_batch, seed=i) for i in range(batches)]
    query_log: list[tuple[bool, str]] = []
    done = threading.Event()

    def ask_while_running() -> None:
        while not done.is_set() and len(query_log) < queries:
            if not warehouse_path.exists():
                time.sleep(0.5)
                continue
            try:
                result = tahqiq("query", "SELECT count(*) AS n FROM articles", "--warehouse", str(warehouse_path),
                                "--format", "csv", home=home, timeout=120)
                query_log.append((result.returncode == 0, (result.stderr or "").strip()))
            except subprocess.TimeoutExpired:
                query_log.append((False, "no answer after 120s"))

    asker = threading.Thread(target=ask_while_running)
    runs = []
    started = time.monotonic()
    for i, batch in enumerate(written):
        if i == 1:  # the first run creates the warehouse; queries go on during the later ones
            asker.start()
        began = time.monotonic()
        try:
            result = tahqiq("run", "--input", str(batch.folder), "--warehouse", str(warehouse_path),
                            "--batch-id", batch.folder.name, home=home, timeout=BATCH_TIME_LIMIT_S)
            status = "ok" if result.returncode == 0 else "failed"
            error = "" if status == "ok" else result.stderr.strip().splitlines()[-1:]
        except subprocess.TimeoutExpired:
            status, error = "hung", f"no end after {BATCH_TIME_LIMIT_S}s"
        verdict = check_batch(warehouse_path, batch, batch.folder.name) if status == "ok" else None
        runs.append({"batch": batch.folder.name, "inputs": len(batch.inputs), "status": status, "error": error,
                     "seconds": round(time.monotonic() - began, 1), "verdict": verdict.__dict__ if verdict else None})
        print(f"{batch.folder.name}: {status} in {runs[-1]['seconds']}s"
              + (f", {verdict.articles} articles, {verdict.quarantined} quarantined, lost {len(verdict.lost)}, "
                 f"mojibake {len(verdict.mojibake_bodies)}" if verdict else f" ({error})"), flush=True)
    done.set()
    if asker.is_alive():
        asker.join()
    kinds: dict[str, int] = {}
    for batch in written:
        for kind, n in batch.kinds.items():
            kinds[kind] = kinds.get(kind, 0) + n
    verdicts = [r["verdict"] for r in runs if r["verdict"]]
    reasons: dict[str, int] = {}
    for v in verdicts:
        for reason, n in v["by_reason"].items():
            reasons[reason] = reasons.get(reason, 0) + n
    return {
        "inputs": sum(len(b.inputs) for b in written),
        "batches": len(runs),
        "failed_batches": sum(r["status"] == "failed" for r in runs),
        "hung_batches": sum(r["status"] == "hung" for r in runs),
        "lost": sum(len(v["lost"]) for v in verdicts),
        "reported_twice": sum(len(v["reported_twice"]) for v in verdicts),
        "mojibake_bodies": sum(len(v["mojibake_bodies"]) for v in verdicts),
        "articles": sum(v["articles"] for v in verdicts),
        "quarantined": sum(v["quarantined"] for v in verdicts),
        "seconds": round(time.monotonic() - started, 1),
        "queries_during_runs": len(query_log),
        "failed_queries": [message for ok, message in query_log if not ok],
        "by_kind": dict(sorted(kinds.items())),
        "by_reason": dict(sorted(reasons.items(), key=lambda item: -item[1])),
        "runs": runs,
    }


def big_article(work: Path) -> dict:
    """One article just under the 5 MB limit, through a whole `tahqiq run`."""
    folder = work / "big"
    folder.mkdir(parents=True)
    sentences, text, i = _sentences(), [], 0
    size = 0
    while size < BIG_ARTICLE_BYTES - 2000:
        line = sentences[i % len(sentences)]
        text.append(line)
        size += len(line.encode()) + 1
        i += 1
    (folder / "big.txt").write_text("\n".join(text), encoding="utf-8")
    began = time.monotonic()
    result = tahqiq("run", "--input", str(folder), "--warehouse", str(work / "big.duckdb"), "--batch-id", "big",
                    home=work / "dagster_home", timeout=BATCH_TIME_LIMIT_S)
    seconds = round(time.monotonic() - began, 1)
    outcome = tahqiq("query", "SELECT 'article' AS ended, length(body) AS chars FROM articles UNION ALL "
                     "SELECT reason, NULL FROM quarantine", "--warehouse", str(work / "big.duckdb"), "--format", "json",
                     home=work / "dagster_home", timeout=120)
    return {"bytes": (folder / "big.txt").stat().st_size, "run_seconds": seconds, "exit": result.returncode,
            "ended_as": json.loads(outcome.stdout) if outcome.returncode == 0 else outcome.stderr.strip()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tahqiq-fuzz-") as tmp:
        work = Path(tmp)
        report = run_batches(work, args.inputs, args.batches, args.queries)
        report["big_article"] = big_article(work)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "fuzz.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    summary = {k: v for k, v in report.items() if k != "runs"}
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    ok = (report["failed_batches"] + report["hung_batches"] + report["lost"] + report["reported_twice"]
          + report["mojibake_bodies"] + len(report["failed_queries"])) == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
