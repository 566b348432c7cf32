"""`make bench`: how fast tahqiq is, how its cost grows with the batch, and where the time goes.

    python -m benchmarks.run --corpus ../shared/data/corpora/ant-multisource/ant_multisource.jsonl.gz \
        [--sizes 1000,4000,16000,31525] [--quick] [--out benchmarks/results]

Sections (each one recorded even when another fails): the decoding floor, dates and normalization
side by side with their baselines, end-to-end Dagster runs at each size (child processes, peak
memory), one incremental 100-article batch through the inbox sensor on top of the largest warehouse,
reconciliation of synthetic mentions and event reports at scale, and a cProfile of the per-article
stages; first, the bundled sample batch through `dagster-daemon` (inbox sensor, run queue, run process)
beside `tahqiq run`. Writes report.md, results.json and scaling.png to --out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from benchmarks import corpus as bench_corpus
from benchmarks import micro, report
from benchmarks.measure import run_child

SECTIONS = ("daemon", "floor", "micro", "scaling", "incremental", "reconcile", "profile")
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
FULL = {
    "sizes": [1000, 4000, 16000, 31525],
    "date_articles": 300,
    "dateparser_articles": 300,
    "mentions": 1_000_000,
    "reports": 100_000,
    "profile_articles": 1000,
    "incremental": 100,
}
QUICK = {
    "sizes": [500],
    "date_articles": 100,
    "dateparser_articles": 30,
    "mentions": 50_000,
    "reports": 5_000,
    "profile_articles": 200,
    "incremental": 100,
}
CHILD_TIMEOUT_S = 1800


def machine() -> dict:
    import dagster
    import duckdb
    import polars

    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []
    model = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "unknown CPU"
    )
    memory_kib = next(
        (
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    return {
        "date": dt.date.today().isoformat(),
        "cpu_model": model,
        "cores": os.cpu_count(),
        "memory_gib": memory_kib / 2**20,
        "load_at_start": _load(),
        "python": platform.python_version(),
        "dagster": dagster.__version__,
        "duckdb": duckdb.__version__,
        "polars": polars.__version__,
        "command": "python -m benchmarks.run " + " ".join(sys.argv[1:]),
    }


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _section(results: dict, name: str, work: Callable[[], dict]) -> None:
    started = time.perf_counter()
    print(f"[bench] {name} ...", flush=True)
    try:
        results[name] = work()
    except Exception as error:  # noqa: BLE001 - one broken stage must not hide the others' numbers
        traceback.print_exc()
        results[name] = {"error": f"{type(error).__name__}: {error}"}
    print(f"[bench] {name} done in {time.perf_counter() - started:.1f}s", flush=True)


def _scaling(records: list[dict], sizes: list[int], work: Path, corpus: Path, env: dict) -> dict:
    runs = []
    for size in sizes:
        sample = records[:size]
        batch_id = f"ant-{len(sample)}"
        batch = bench_corpus.write_batch(sample, work / "batches" / batch_id)
        warehouse = work / f"warehouse-{len(sample)}.duckdb"
        floor = bench_corpus.decode_floor(corpus, len(sample))
        read = bench_corpus.read_batch_floor(batch)
        print(f"[bench]   {len(sample)} articles (load {_load()})", flush=True)
        try:
            run = run_child(
                ["run", "--batch", str(batch), "--warehouse", str(warehouse), "--batch-id", batch_id],
                timeout_s=CHILD_TIMEOUT_S,
                env=env,
            )
        except Exception as error:  # noqa: BLE001
            runs.append({"articles_in": len(sample), "success": False, "error": str(error)})
            continue
        extract_s = report.stage_seconds(run["steps"])["extract"]
        run.update(
            {
                "articles_in": len(sample),
                "warehouse": str(warehouse),
                "floor_s": floor["seconds"],
                "read_batch_s": read["seconds"],
                "extract_per_core": len(sample) / extract_s / (os.cpu_count() or 1) if extract_s else None,
            }
        )
        runs.append(run)
        print(
            f"[bench]   {len(sample)} articles: {run['run_s']:.1f}s, peak {run['peak_tree_pss_mib']:.0f} MiB",
            flush=True,
        )
    return {"runs": runs}


def _incremental(records: list[dict], n: int, scaling: dict, work: Path, env: dict) -> dict:
    # A run stopped by a blocking check has still written every article: it is a full warehouse.
    done = [r for r in scaling.get("runs", []) if (r.get("tables") or {}).get("articles")]
    if not done:
        return {"error": "no end-to-end run wrote a warehouse to add a batch to"}
    largest = max(done, key=lambda r: r["articles_in"])
    inbox = work / "inbox"
    shutil.rmtree(inbox, ignore_errors=True)
    bench_corpus.write_batch(bench_corpus.fresh_articles(records, n), inbox / f"fresh-{n}")
    result = run_child(
        ["incremental", "--inbox", str(inbox), "--warehouse", largest["warehouse"]],
        timeout_s=CHILD_TIMEOUT_S,
        env=env,
    )
    result.update(
        {
            "articles_in": n,
            "warehouse_articles_before": largest["tables"].get("articles", 0),
            "warehouse_run_succeeded": largest["success"],
        }
    )
    return result


def _micro(records: list[dict], date_articles: int, dateparser_articles: int, extract_articles: int) -> dict:
    sample = records[:date_articles]
    out: dict = {}
    for name, work in (
        ("normalization", lambda: micro.normalization_speed(sample)),
        ("date_speed", lambda: micro.date_speed(sample, dateparser_articles)),
        ("date_accuracy", micro.date_accuracy),
        ("extraction_one_core", lambda: micro.extraction_one_core(records[:extract_articles])),
    ):
        try:
            out[name] = work()
        except Exception as error:  # noqa: BLE001
            out[name] = {"error": f"{type(error).__name__}: {error}"}
    return out


def _profile(records: list[dict], n: int, work: Path) -> dict:
    from benchmarks.profile import profile_stages

    batch = bench_corpus.write_batch(records[:n], work / "batches" / f"profile-{n}")
    return {"articles": n, "stages": profile_stages(batch, work / "profiles")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="ANT JSONL (optionally .gz)")
    parser.add_argument("--sizes", help="comma-separated batch sizes for the end-to-end runs")
    parser.add_argument(
        "--quick", action="store_true", help="small sizes, for development and the smoke test"
    )
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results"))
    parser.add_argument("--sections", default=",".join(SECTIONS), help=f"any of {','.join(SECTIONS)}")
    parser.add_argument("--mentions", type=int, help="synthetic mentions for entity resolution")
    parser.add_argument("--reports", type=int, help="synthetic event reports for clustering")
    parser.add_argument(
        "--date-articles", type=int, help="ANT articles for the date and normalization comparisons"
    )
    parser.add_argument("--dateparser-articles", type=int, help="of which dateparser runs on this many")
    parser.add_argument("--profile-articles", type=int)
    parser.add_argument("--incremental", type=int, help="articles in the incremental batch")
    parser.add_argument("--keep", action="store_true", help="keep the batches and warehouses (in --out/work)")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    plan = dict(QUICK if args.quick else FULL)
    if args.sizes:
        plan["sizes"] = [int(s) for s in args.sizes.split(",") if s.strip()]
    for key in (
        "mentions",
        "reports",
        "date_articles",
        "dateparser_articles",
        "profile_articles",
        "incremental",
    ):
        if getattr(args, key) is not None:
            plan[key] = getattr(args, key)
    sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        print(f"unknown sections: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2

    args.out.mkdir(parents=True, exist_ok=True)
    work = args.out / "work" if args.keep else Path(tempfile.mkdtemp(prefix="tahqiq-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    # The benchmark's runs go to an instance of their own, never into the project's run history.
    env = {"DAGSTER_HOME": str((work / "dagster_home").resolve())}
    (work / "dagster_home").mkdir(exist_ok=True)
    results: dict = {"machine": machine(), "plan": plan}
    try:
        records = bench_corpus.load_sample(args.corpus)
        plan["sizes"] = sorted({min(s, len(records)) for s in plan["sizes"]})
        if "daemon" in sections:
            from benchmarks.daemon import measure as daemon_against_cli

            _section(results, "daemon", lambda: daemon_against_cli(SAMPLES, work / "daemon"))
        if "floor" in sections:
            _section(results, "floor", lambda: {"corpus": bench_corpus.decode_floor(args.corpus)})
        if "micro" in sections:
            _section(
                results,
                "micro",
                lambda: _micro(
                    records, plan["date_articles"], plan["dateparser_articles"], plan["profile_articles"]
                ),
            )
        if "scaling" in sections:
            _section(results, "scaling", lambda: _scaling(records, plan["sizes"], work, args.corpus, env))
        if "incremental" in sections:
            _section(
                results,
                "incremental",
                lambda: _incremental(records, plan["incremental"], results.get("scaling", {}), work, env),
            )
        if "reconcile" in sections:
            _section(
                results,
                "reconcile",
                lambda: run_child(
                    ["reconcile", "--mentions", str(plan["mentions"]), "--reports", str(plan["reports"])],
                    timeout_s=CHILD_TIMEOUT_S,
                    env=env,
                ),
            )
        if "profile" in sections:
            _section(results, "profile", lambda: _profile(records, plan["profile_articles"], work))
    finally:
        results["machine"]["load_at_end"] = _load()
        page = report.write(results, args.out)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(page.read_text(encoding="utf-8"))
    print(f"[bench] report: {page}")
    failed = [name for name, value in results.items() if isinstance(value, dict) and "error" in value]
    failed += [
        f"scaling {r['articles_in']}"
        for r in results.get("scaling", {}).get("runs", [])
        if not r.get("success")
    ]
    if failed:
        print(f"[bench] failed sections: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
