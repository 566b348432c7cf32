"""Run one batch through the Dagster definitions in-process, recorded in the instance (so the UI shows it)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

DEFAULT_DAGSTER_HOME = "dagster_home"


@dataclass
class RunOutcome:
    success: bool
    run_id: str
    failed_step: str | None = None
    error: str | None = None


def instance() -> dg.DagsterInstance:
    """The project's Dagster instance: $DAGSTER_HOME, else ./dagster_home (the one `make ui` serves)."""
    home = Path(os.environ.get("DAGSTER_HOME") or DEFAULT_DAGSTER_HOME).resolve()
    home.mkdir(parents=True, exist_ok=True)
    os.environ["DAGSTER_HOME"] = str(home)
    return dg.DagsterInstance.get()


def run_batch(folder: Path, warehouse_path: Path, batch_id: str, log_level: str = "WARNING") -> RunOutcome:
    from pipelines.definitions import defs
    from pipelines.jobs import process_batch_job
    from pipelines.partitions import batch_partitions

    dagster = instance()
    if not dagster.has_dynamic_partition(batch_partitions.name, batch_id):
        dagster.add_dynamic_partitions(batch_partitions.name, [batch_id])
    result = defs.resolve_job_def(process_batch_job.name).execute_in_process(
        instance=dagster,
        partition_key=batch_id,
        raise_on_error=False,
        tags={"tahqiq/batch": batch_id, "tahqiq/launched_by": "cli"},
        run_config={
            "ops": {"ingest_batch": {"config": {"input_dir": str(folder.resolve())}}},
            "resources": {"warehouse_db": {"config": {"path": str(warehouse_path.resolve())}}},
            "loggers": {"console": {"config": {"log_level": log_level}}},
        },
    )
    if result.success:
        return RunOutcome(True, result.run_id)
    failures = [e for e in result.all_events if e.is_step_failure]
    step = failures[0].step_key if failures else None
    error = None
    if failures and failures[0].step_failure_data and failures[0].step_failure_data.error:
        error = failures[0].step_failure_data.error.message.strip().splitlines()[0]
    return RunOutcome(False, result.run_id, step, error or "see the run log")
