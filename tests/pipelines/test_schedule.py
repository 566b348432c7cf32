"""The inbox sweep requests runs for waiting batches only."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import dagster as dg

from pipelines.resources import InboxResource, WarehouseResource
from pipelines.schedules import build_inbox_sweep
from pipelines.sensors import DONE_MARKER, FAILED_MARKER
from tests.pipelines.conftest import write_batch


def test_sweep_requests_waiting_batches_only(inbox: Path, instance: dg.DagsterInstance):
    from pipelines.definitions import defs

    write_batch(inbox, "done", "a")
    (inbox / "done" / DONE_MARKER).write_text("processed by run x\n")
    write_batch(inbox, "failed", "b")
    (inbox / "failed" / FAILED_MARKER).write_text("run y failed\n")
    write_batch(inbox, "copying", "c", ready=False)
    write_batch(inbox, "running", "c")
    instance.add_dynamic_partitions("batch", ["running"])
    instance.create_run_for_job(
        defs.resolve_job_def("process_batch"),
        status=dg.DagsterRunStatus.STARTED,
        tags={"dagster/partition": "running"},
    )
    write_batch(inbox, "waiting-1", "c")
    write_batch(inbox, "waiting-2", "d")

    sweep = build_inbox_sweep("0 6 * * *")
    context = dg.build_schedule_context(
        instance=instance,
        scheduled_execution_time=datetime(2024, 5, 13, 6, tzinfo=UTC),
        resources={"inbox": InboxResource(path=str(inbox)),
                   "warehouse_db": WarehouseResource(path=str(inbox.parent / "w.duckdb"))},
        repository_def=defs.get_repository_def(),
    )
    tick = sweep.evaluate_tick(context)
    assert sorted(r.partition_key for r in tick.run_requests) == ["waiting-1", "waiting-2"]
    assert {r.run_key for r in tick.run_requests} == {
        "waiting-1@2024-05-13T06:00",
        "waiting-2@2024-05-13T06:00",
    }
    assert all(r.tags["tahqiq/batch"] == r.partition_key for r in tick.run_requests)
    assert {r.tags["tahqiq/warehouse"] for r in tick.run_requests} == {str((inbox.parent / "w.duckdb").resolve())}
    assert {"waiting-1", "waiting-2"} <= set(instance.get_dynamic_partitions("batch"))
    assert "copying" not in instance.get_dynamic_partitions("batch")


def test_sweep_skips_when_nothing_waits(inbox: Path, instance: dg.DagsterInstance):
    from pipelines.definitions import defs

    write_batch(inbox, "copying", "c", ready=False)
    context = dg.build_schedule_context(
        instance=instance,
        resources={"inbox": InboxResource(path=str(inbox)),
                   "warehouse_db": WarehouseResource(path=str(inbox.parent / "w.duckdb"))},
        repository_def=defs.get_repository_def(),
    )
    tick = build_inbox_sweep().evaluate_tick(context)
    assert tick.run_requests == []
    assert "no complete batch waiting" in tick.skip_message


def test_sweep_cron_is_configurable():
    assert build_inbox_sweep("*/15 * * * *").cron_schedule == "*/15 * * * *"
    assert build_inbox_sweep().cron_schedule == "0 6 * * *"
