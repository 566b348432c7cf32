"""The daily sweep: whatever complete batches wait in the inbox, unprocessed, get a run."""

from __future__ import annotations

import dagster as dg

from pipelines.jobs import process_batch_job
from pipelines.partitions import batch_partitions
from pipelines.resources import InboxResource
from pipelines.sensors import batch_run_request, waiting_batches

DAILY_AT_SIX = "0 6 * * *"


@dg.schedule(job=process_batch_job, cron_schedule=DAILY_AT_SIX, execution_timezone="UTC",
             default_status=dg.DefaultScheduleStatus.STOPPED,
             description="Every day at 06:00 UTC, processes every complete inbox batch not yet done.")
def daily_inbox_sweep(context: dg.ScheduleEvaluationContext, inbox: InboxResource):
    known = set(context.instance.get_dynamic_partitions(batch_partitions.name))
    done_runs = {b for b in known if context.instance.get_run_records(
        dg.RunsFilter(tags={"dagster/partition": b}, statuses=[dg.DagsterRunStatus.SUCCESS]), limit=1)}
    waiting = waiting_batches(inbox, done_runs)
    if not waiting:
        return dg.SkipReason("no complete batch waiting in the inbox")
    day = context.scheduled_execution_time.strftime("%Y-%m-%d") if context.scheduled_execution_time else "now"
    return dg.SensorResult(
        run_requests=[batch_run_request(b, run_key=f"{b}@{day}") for b in waiting],
        dynamic_partitions_requests=[batch_partitions.build_add_request([b for b in waiting if b not in known])],
    )
