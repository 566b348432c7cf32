"""The inbox sensor: every complete batch runs exactly once, a half-copied folder never, a re-scan nothing."""

from __future__ import annotations

import json
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.resources import InboxResource, WarehouseResource
from pipelines.sensors import DONE_MARKER, FAILED_MARKER, inbox_sensor, mark_batch_done, mark_batch_failed
from tests.pipelines.conftest import write_batch

pytestmark = pytest.mark.slow


def evaluate(instance: dg.DagsterInstance, inbox: Path, cursor: str | None) -> dg.SensorResult:
    context = dg.build_sensor_context(
        instance=instance, cursor=cursor, resources={"inbox": InboxResource(path=str(inbox)),
                   "warehouse_db": WarehouseResource(path=str(inbox.parent / "w.duckdb"))}
    )
    result = inbox_sensor(context)
    for request in result.dynamic_partitions_requests or []:
        instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
    return result


def run_requested(instance: dg.DagsterInstance, request: dg.RunRequest, inbox: Path, warehouse: Path):
    """Execute a requested run the way the daemon would, then let the status sensors mark the folder."""
    from pipelines.definitions import defs

    job = defs.resolve_job_def("process_batch")
    result = job.execute_in_process(
        instance=instance,
        partition_key=request.partition_key,
        tags=request.tags,
        raise_on_error=False,
        run_config={
            "resources": {
                "warehouse_db": {"config": {"path": str(warehouse)}},
                "inbox": {"config": {"path": str(inbox)}},
            }
        },
    )
    run = instance.get_run_by_id(result.run_id)
    resources = {"inbox": InboxResource(path=str(inbox))}
    if result.success:
        event = result.get_run_success_event()
        mark_batch_done(
            dg.build_run_status_sensor_context(
                sensor_name="mark_batch_done",
                dagster_event=event,
                dagster_instance=instance,
                dagster_run=run,
                resources=resources,
            )
        )
    else:
        event = result.get_run_failure_event()
        mark_batch_failed(
            dg.build_run_status_sensor_context(
                sensor_name="mark_batch_failed",
                dagster_event=event,
                dagster_instance=instance,
                dagster_run=run,
                resources=resources,
            ).for_run_failure()
        )
    return result


def batches_in(warehouse: Path) -> dict[str, int]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return dict(con.execute("SELECT batch_id, count(*) FROM articles GROUP BY 1").fetchall())


def test_each_complete_batch_runs_exactly_once(inbox: Path, tmp_path: Path, instance: dg.DagsterInstance):
    warehouse = tmp_path / "warehouse.duckdb"
    write_batch(inbox, "2024-05-12-first", "ab")
    write_batch(inbox, "2024-05-12-second", "c")
    half_copied = write_batch(inbox, "2024-05-13-copying", "d", ready=False)

    first = evaluate(instance, inbox, cursor=None)
    assert sorted(r.partition_key for r in first.run_requests) == ["2024-05-12-first", "2024-05-12-second"]
    assert {r.run_key for r in first.run_requests} == {"2024-05-12-first", "2024-05-12-second"}
    for request in first.run_requests:
        assert run_requested(instance, request, inbox, warehouse).success
    assert batches_in(warehouse) == {"2024-05-12-first": 2, "2024-05-12-second": 1}
    assert (inbox / "2024-05-12-first" / DONE_MARKER).is_file()
    assert (inbox / "2024-05-12-second" / DONE_MARKER).is_file()

    rescan = evaluate(instance, inbox, cursor=first.cursor)
    assert rescan.run_requests == [] or rescan.run_requests is None
    assert rescan.skip_reason is not None

    write_batch(inbox, "2024-05-14-third", "d")
    second = evaluate(instance, inbox, cursor=first.cursor)
    assert [r.partition_key for r in second.run_requests] == ["2024-05-14-third"]
    assert run_requested(instance, second.run_requests[0], inbox, warehouse).success
    assert set(json.loads(second.cursor)) == {"2024-05-12-first", "2024-05-12-second", "2024-05-14-third"}

    assert not evaluate(instance, inbox, cursor=second.cursor).run_requests
    # Even with the cursor lost, the _DONE markers keep processed batches from running again.
    assert not evaluate(instance, inbox, cursor=None).run_requests
    assert batches_in(warehouse) == {"2024-05-12-first": 2, "2024-05-12-second": 1, "2024-05-14-third": 1}
    assert sorted(instance.get_dynamic_partitions("batch")) == [
        "2024-05-12-first",
        "2024-05-12-second",
        "2024-05-14-third",
    ]
    assert sorted(p.name for p in half_copied.iterdir()) == ["2024-05-13-copying_d.txt", "manifest.csv"]
    assert len(instance.get_run_records(dg.RunsFilter(job_name="process_batch"))) == 3


def test_failed_batch_stays_visible_with_its_error(inbox: Path, tmp_path: Path, instance: dg.DagsterInstance):
    folder = write_batch(inbox, "2024-06-01-broken", "a")
    result = evaluate(instance, inbox, cursor=None)
    (request,) = result.run_requests
    # A warehouse path that is a directory cannot be opened: the run fails at its first write.
    unwritable = tmp_path / "not-a-file.duckdb"
    unwritable.mkdir()
    assert not run_requested(instance, request, inbox, unwritable).success
    failed = folder / FAILED_MARKER
    assert failed.is_file()
    text = failed.read_text(encoding="utf-8")
    assert "failed" in text and "Dagster UI" in text
    assert not (folder / DONE_MARKER).exists()
    assert not evaluate(instance, inbox, cursor=result.cursor).run_requests
