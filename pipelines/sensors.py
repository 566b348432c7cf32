"""Batches arrive on their own: the inbox sensor requests each complete batch exactly once."""

from __future__ import annotations

import json
from pathlib import Path

import dagster as dg

from pipelines.jobs import process_batch_job
from pipelines.partitions import batch_partitions
from pipelines.resources import InboxResource

DONE_MARKER = "_DONE"
FAILED_MARKER = "_FAILED"


def waiting_batches(inbox: InboxResource, already_requested: set[str]) -> list[str]:
    """Complete batch folders (marker present) that were never requested and are not marked done."""
    return [b for b in inbox.complete_batches()
            if b not in already_requested and not (inbox.batch_dir(b) / DONE_MARKER).exists()]


def batch_run_request(batch_id: str, run_key: str) -> dg.RunRequest:
    return dg.RunRequest(run_key=run_key, partition_key=batch_id, tags={"tahqiq/batch": batch_id})


@dg.sensor(job=process_batch_job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Watches the inbox; each new folder holding the _READY marker becomes a partition and one run.")
def inbox_sensor(context: dg.SensorEvaluationContext, inbox: InboxResource) -> dg.SensorResult:
    requested = set(json.loads(context.cursor)) if context.cursor else set()
    new = waiting_batches(inbox, requested)
    if not new:
        return dg.SensorResult(skip_reason=f"no new complete batch in {inbox.resolved_path()}")
    return dg.SensorResult(
        run_requests=[batch_run_request(b, run_key=b) for b in new],
        dynamic_partitions_requests=[batch_partitions.build_add_request(new)],
        cursor=json.dumps(sorted(requested | set(new))),
    )


def _mark(inbox: InboxResource, run: dg.DagsterRun, marker: str, text: str) -> None:
    batch_id = run.tags.get("tahqiq/batch") or run.tags.get("dagster/partition")
    if not batch_id:
        return
    folder = inbox.batch_dir(batch_id)
    if folder.is_dir():
        Path(folder / marker).write_text(text, encoding="utf-8")


@dg.run_status_sensor(run_status=dg.DagsterRunStatus.SUCCESS, monitored_jobs=[process_batch_job],
                      default_status=dg.DefaultSensorStatus.RUNNING,
                      description="Marks a processed inbox batch with _DONE so it is visibly finished.")
def mark_batch_done(context: dg.RunStatusSensorContext, inbox: InboxResource) -> None:
    _mark(inbox, context.dagster_run, DONE_MARKER, f"processed by run {context.dagster_run.run_id}\n")
    failed = inbox.batch_dir(context.dagster_run.tags.get("tahqiq/batch", "")) / FAILED_MARKER
    if failed.is_file():
        failed.unlink()


@dg.run_failure_sensor(monitored_jobs=[process_batch_job], default_status=dg.DefaultSensorStatus.RUNNING,
                       description="Leaves _FAILED with the error in a batch folder whose run failed.")
def mark_batch_failed(context: dg.RunFailureSensorContext, inbox: InboxResource) -> None:
    message = context.failure_event.message if context.failure_event else "run failed"
    _mark(inbox, context.dagster_run, FAILED_MARKER,
          f"run {context.dagster_run.run_id} failed: {message}\n"
          "Fix the cause, delete this file, and re-execute the run from the Dagster UI.\n")
