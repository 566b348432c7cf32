"""The inbox sweep: on a cron schedule, every complete batch still waiting in the inbox gets a run.

The sensor normally picks batches up within a minute; the sweep catches what it could not (sensor
stopped, daemon down when the batch landed, a failed batch whose `_FAILED` a person deleted).
"""

import dagster as dg

from pipelines.jobs import process_batch_job
from pipelines.partitions import batch_partitions
from pipelines.resources import InboxResource, WarehouseResource
from pipelines.sensors import batch_run_request, waiting_batches

DAILY_AT_SIX = "0 6 * * *"
# Runs in these states already cover their batch: the sweep leaves it alone.
COVERING_STATUSES = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
    dg.DagsterRunStatus.SUCCESS,
]


def covered_batches(instance: dg.DagsterInstance, batch_ids: list[str]) -> set[str]:
    """Batches that already have a queued, running or successful run of the batch job."""
    return {
        b
        for b in batch_ids
        if instance.get_run_records(
            dg.RunsFilter(
                job_name=process_batch_job.name, tags={"dagster/partition": b}, statuses=COVERING_STATUSES
            ),
            limit=1,
        )
    }


def build_inbox_sweep(cron_schedule: str = DAILY_AT_SIX) -> dg.ScheduleDefinition:
    @dg.schedule(
        job=process_batch_job,
        cron_schedule=cron_schedule,
        execution_timezone="UTC",
        name="daily_inbox_sweep",
        default_status=dg.DefaultScheduleStatus.STOPPED,
        description=f"On `{cron_schedule}` (UTC), processes every complete inbox batch that has no "
        "run yet and is not marked done or failed.",
    )
    def daily_inbox_sweep(context: dg.ScheduleEvaluationContext, inbox: InboxResource,
                          warehouse_db: WarehouseResource):
        candidates = waiting_batches(inbox)
        covered = covered_batches(context.instance, candidates)
        waiting = [b for b in candidates if b not in covered]
        if not waiting:
            yield dg.SkipReason(f"no complete batch waiting in {inbox.resolved_path()}")
            return
        # Schedules cannot return partition requests as sensors do: register the partitions first.
        known = set(context.instance.get_dynamic_partitions(batch_partitions.name))
        new = [b for b in waiting if b not in known]
        if new:
            context.instance.add_dynamic_partitions(batch_partitions.name, new)
        tick = (
            context.scheduled_execution_time.strftime("%Y-%m-%dT%H:%M")
            if context.scheduled_execution_time
            else "manual"
        )
        for batch_id in waiting:
            yield batch_run_request(batch_id, run_key=f"{batch_id}@{tick}", warehouse_db=warehouse_db)

    return daily_inbox_sweep
