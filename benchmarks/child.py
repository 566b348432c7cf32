"""What one benchmark child process does; `benchmarks.measure.run_child` starts it and reads its result.

    python -m benchmarks.child run --batch DIR --warehouse FILE --batch-id ID --result FILE
    python -m benchmarks.child incremental --inbox DIR --warehouse FILE --result FILE
    python -m benchmarks.child reconcile --mentions N --reports M --result FILE

DAGSTER_HOME comes from the environment the parent gives, so each run lands in the benchmark's own
Dagster instance, never in the project's.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from benchmarks.measure import own_peaks_mib


def _step_durations(instance, run_id: str) -> list[dict]:
    """Each step of the run in start order, from the run's step stats (what the UI's Gantt chart shows);
    `is_check` marks the steps that evaluated asset checks rather than materialized assets."""
    from dagster import DagsterEventType

    check_steps = {
        e.step_key for e in instance.all_logs(run_id, of_type=DagsterEventType.ASSET_CHECK_EVALUATION)
    }
    stats = sorted(instance.get_run_step_stats(run_id), key=lambda s: s.start_time or 0.0)
    return [
        {
            "step": s.step_key,
            "is_check": s.step_key in check_steps,
            "status": str(s.status.value if s.status else None),
            "seconds": (s.end_time - s.start_time) if s.start_time and s.end_time else None,
        }
        for s in stats
    ]


def _table_counts(warehouse_path: Path) -> dict[str, int]:
    import duckdb

    from tahqiq.warehouse import SCHEMA

    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in SCHEMA}


def _failed_expectations(warehouse_path: Path, run_id: str) -> list[dict]:
    """What a blocking check found when it stopped the run (quality_results of this run)."""
    import duckdb

    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        rows = con.execute(
            "SELECT table_name, expectation, unexpected_count, details FROM quality_results "
            "WHERE run_id = ? AND NOT success",
            [run_id],
        ).fetchall()
    return [
        {"table": t, "expectation": e, "unexpected": n, "details": (d or "")[:300]} for t, e, n, d in rows
    ]


def run_batch_job(batch: Path, warehouse_path: Path, batch_id: str) -> dict:
    started = time.perf_counter()
    import pipelines.definitions  # noqa: F401 - loading the code location is timed apart from the run
    from pipelines.runner import instance, run_batch

    import_s = time.perf_counter() - started
    started = time.perf_counter()
    outcome = run_batch(batch, warehouse_path, batch_id)
    run_s = time.perf_counter() - started
    return {
        "success": outcome.success,
        "run_id": outcome.run_id,
        "failed_step": outcome.failed_step,
        "error": outcome.error,
        "import_s": import_s,
        "run_s": run_s,
        "steps": _step_durations(instance(), outcome.run_id),
        "tables": _table_counts(warehouse_path),
        "failed_expectations": []
        if outcome.success
        else _failed_expectations(warehouse_path, outcome.run_id),
    }


def incremental_run(inbox: Path, warehouse_path: Path) -> dict:
    """The inbox sensor's evaluation, then the run it requests, executed in-process like the daemon would."""
    started = time.perf_counter()
    import dagster as dg

    from pipelines.definitions import defs
    from pipelines.jobs import process_batch_job
    from pipelines.resources import InboxResource, WarehouseResource
    from pipelines.runner import instance as project_instance
    from tahqiq import warehouse

    instance = project_instance()
    job = defs.resolve_job_def(process_batch_job.name)
    sensor = defs.get_sensor_def("inbox_sensor")
    import_s = time.perf_counter() - started

    started = time.perf_counter()
    inbox_resource = InboxResource(path=str(inbox.resolve()))
    context = dg.build_sensor_context(
        instance=instance, definitions=defs, resources={"inbox": inbox_resource, "warehouse_db": WarehouseResource(path=str(warehouse_path.resolve()))}
    )
    evaluation = sensor(context)
    for request in evaluation.dynamic_partitions_requests or []:
        instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
    requests = evaluation.run_requests or []
    sensor_s = time.perf_counter() - started
    if len(requests) != 1:
        raise RuntimeError(f"the inbox sensor requested {len(requests)} runs, expected exactly 1")
    request = requests[0]
    result = job.execute_in_process(
        instance=instance,
        partition_key=request.partition_key,
        raise_on_error=False,
        tags={**request.tags, "tahqiq/launched_by": "benchmark"},
        run_config={
            "resources": {
                "warehouse_db": {"config": {"path": str(warehouse_path.resolve())}},
                "inbox": {"config": {"path": str(inbox.resolve())}},
            },
            "loggers": {"console": {"config": {"log_level": "WARNING"}}},
        },
    )
    if result.success:
        warehouse.publish(warehouse_path, result.run_id)
    total_s = time.perf_counter() - started
    return {
        "success": result.success,
        "run_id": result.run_id,
        "batch_id": request.partition_key,
        "import_s": import_s,
        "sensor_s": sensor_s,
        "request_to_end_s": total_s,
        "steps": _step_durations(instance, result.run_id),
        "tables": _table_counts(warehouse_path),
        "failed_expectations": [] if result.success else _failed_expectations(warehouse_path, result.run_id),
    }


def reconcile_at_scale(n_mentions: int, n_reports: int) -> dict:
    from benchmarks.reconcile_scale import measure_reconciliation

    return measure_reconciliation(n_mentions, n_reports)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run")
    run.add_argument("--batch", type=Path, required=True)
    run.add_argument("--warehouse", type=Path, required=True)
    run.add_argument("--batch-id", required=True)
    incremental = commands.add_parser("incremental")
    incremental.add_argument("--inbox", type=Path, required=True)
    incremental.add_argument("--warehouse", type=Path, required=True)
    reconcile = commands.add_parser("reconcile")
    reconcile.add_argument("--mentions", type=int, required=True)
    reconcile.add_argument("--reports", type=int, required=True)
    for sub in (run, incremental, reconcile):
        sub.add_argument("--result", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "run":
        result = run_batch_job(args.batch, args.warehouse, args.batch_id)
    elif args.command == "incremental":
        result = incremental_run(args.inbox, args.warehouse)
    else:
        result = reconcile_at_scale(args.mentions, args.reports)
    result.update(own_peaks_mib())
    args.result.write_text(json.dumps(result, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
