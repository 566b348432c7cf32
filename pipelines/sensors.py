"""Batches arrive on their own: the inbox sensor requests each complete batch exactly once.

A batch folder moves through visible states in the inbox:
    <batch>/ without `_READY`          still being copied: never touched
    <batch>/_READY                     complete: the sensor registers a partition and requests one run
    <batch>/_READY + _DONE             processed (the file names the run)
    <batch>/_READY + _FAILED           the run failed; the file holds the error and what to do next
"""

import json
from pathlib import Path

import dagster as dg

from pipelines.jobs import process_batch_job
from pipelines.partitions import batch_partitions
from pipelines.resources import InboxResource, WarehouseResource, warehouse_of_run
from pipelines.runner import WAREHOUSE_TAG
from tahqiq import warehouse

DONE_MARKER = "_DONE"
FAILED_MARKER = "_FAILED"
BATCH_TAG = "tahqiq/batch"


def waiting_batches(inbox: InboxResource, exclude: set[str] = frozenset()) -> list[str]:
    """Complete batch folders (ready marker present) not marked done or failed, minus `exclude`."""
    return [
        b
        for b in inbox.complete_batches()
        if b not in exclude
        and not (inbox.batch_dir(b) / DONE_MARKER).exists()
        and not (inbox.batch_dir(b) / FAILED_MARKER).exists()
    ]


def batch_run_request(batch_id: str, run_key: str, warehouse_db: WarehouseResource) -> dg.RunRequest:
    return dg.RunRequest(run_key=run_key, partition_key=batch_id,
                         tags={BATCH_TAG: batch_id, WAREHOUSE_TAG: str(warehouse_db.resolved_path().resolve())})


@dg.sensor(
    job=process_batch_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Watches the inbox; each new folder holding the _READY marker becomes a partition and one run.",
)
def inbox_sensor(context: dg.SensorEvaluationContext, inbox: InboxResource,
                 warehouse_db: WarehouseResource) -> dg.SensorResult:
    # The cursor is the set of batches ever requested, so a re-scan, a restart or a later failure never
    # requests a batch twice; the run key (the batch id) is a second guard should the cursor be reset.
    requested = set(json.loads(context.cursor)) if context.cursor else set()
    new = waiting_batches(inbox, requested)
    if not new:
        return dg.SensorResult(
            skip_reason=f"no new complete batch (folder with {inbox.ready_marker}) in {inbox.resolved_path()}"
        )
    context.log.info(f"new batches: {', '.join(new)}")
    return dg.SensorResult(
        run_requests=[batch_run_request(b, run_key=b, warehouse_db=warehouse_db) for b in new],
        dynamic_partitions_requests=[batch_partitions.build_add_request(new)],
        cursor=json.dumps(sorted(requested | set(new))),
    )


def batch_of(run: dg.DagsterRun) -> str | None:
    return run.tags.get(BATCH_TAG) or run.tags.get("dagster/partition")


def record_success(inbox: InboxResource, batch_id: str, run_id: str) -> Path | None:
    """Mark an inbox batch `_DONE` (and clear an earlier `_FAILED`); None when it is not in the inbox."""
    folder = inbox.batch_dir(batch_id)
    if not folder.is_dir():
        return None
    (folder / FAILED_MARKER).unlink(missing_ok=True)
    marker = folder / DONE_MARKER
    marker.write_text(f"processed by run {run_id}\n", encoding="utf-8")
    return marker


def record_failure(inbox: InboxResource, batch_id: str, run_id: str, error: str) -> Path | None:
    """Mark an inbox batch `_FAILED` with the error and the way out; None when it is not in the inbox."""
    folder = inbox.batch_dir(batch_id)
    if not folder.is_dir():
        return None
    marker = folder / FAILED_MARKER
    marker.write_text(
        f"run {run_id} failed: {error}\n"
        "Open the run in the Dagster UI (`make ui`) for the full log. Fix the cause, then either re-execute "
        f"the run there, or delete this file and the daily sweep picks the batch up again.\n",
        encoding="utf-8",
    )
    return marker


@dg.run_status_sensor(
    run_status=dg.DagsterRunStatus.SUCCESS,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Swaps a finished run's tables into the warehouse and marks its inbox batch with _DONE.",
)
def mark_batch_done(context: dg.RunStatusSensorContext, inbox: InboxResource) -> None:
    # The run built its tables in its own copy of the warehouse: swap it in (a no-op when the
    # in-process runner already did).
    batch_id = batch_of(context.dagster_run)
    try:
        warehouse.publish(warehouse_of_run(context.dagster_run), context.dagster_run.run_id)
    except warehouse.StaleCopy as stale:
        if batch_id:
            record_failure(inbox, batch_id, context.dagster_run.run_id, str(stale))
        return
    if batch_id:
        record_success(inbox, batch_id, context.dagster_run.run_id)


@dg.run_failure_sensor(
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Drops a failed run's copy of the warehouse and leaves _FAILED with the error in its batch folder.",
)
def mark_batch_failed(context: dg.RunFailureSensorContext, inbox: InboxResource) -> None:
    warehouse.keep_quality_results(warehouse_of_run(context.dagster_run), context.dagster_run.run_id)
    warehouse.discard(warehouse_of_run(context.dagster_run), context.dagster_run.run_id)
    batch_id = batch_of(context.dagster_run)
    if not batch_id:
        return
    errors = [e.message for e in context.get_step_failure_events() if e.message]
    message = (
        errors[0] if errors else (context.failure_event.message if context.failure_event else "run failed")
    )
    record_failure(inbox, batch_id, context.dagster_run.run_id, message.strip().splitlines()[0])
