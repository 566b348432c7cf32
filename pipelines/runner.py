"""Run one batch through the Dagster definitions in-process, recorded in the instance (so the UI shows it)."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

DEFAULT_DAGSTER_HOME = "dagster_home"
PROJECT_INSTANCE_CONFIG = Path(__file__).resolve().parents[1] / "dagster_home" / "dagster.yaml"


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
    config = home / "dagster.yaml"
    if not config.exists():  # a fresh home gets the project's instance settings (run queue, retries)
        config.write_text(PROJECT_INSTANCE_CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    os.environ["DAGSTER_HOME"] = str(home)
    return dg.DagsterInstance.get()


@contextmanager
def exclusive_run(warehouse_path: Path) -> Iterator[None]:
    """Hold the warehouse for a whole in-process run.

    Runs launched by the daemon are serialized by the run queue (dagster_home/dagster.yaml); runs
    executed in-process bypass that queue, and two of them interleaving their reconcile steps could
    leave tables computed without the other batch. So the in-process path takes a run-wide lock.
    """
    warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    with open(warehouse_path.with_suffix(warehouse_path.suffix + ".run.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _record_in_inbox(folder: Path, batch_id: str, outcome: RunOutcome) -> None:
    """A batch run from inside the inbox gets the same _DONE/_FAILED marker the sensors leave."""
    from assets.resources import InboxResource
    from pipelines.sensors import record_failure, record_success

    inbox = InboxResource()
    if folder.resolve() != inbox.batch_dir(batch_id).resolve():
        return
    if outcome.success:
        record_success(inbox, batch_id, outcome.run_id)
    else:
        record_failure(inbox, batch_id, outcome.run_id, f"{outcome.failed_step}: {outcome.error}")


def run_batch(folder: Path, warehouse_path: Path, batch_id: str, log_level: str = "CRITICAL") -> RunOutcome:
    """Materialize every asset for `folder` as partition `batch_id`.

    Dagster's own console log stays quiet (`log_level`): the full log, tracebacks included, is in the
    instance for the UI, and the terminal gets the progress lines (logger "tahqiq.progress") and a
    one-line reason when something fails."""
    with exclusive_run(warehouse_path):
        outcome = _execute(folder, warehouse_path, batch_id, log_level)
    _record_in_inbox(folder, batch_id, outcome)
    return outcome


def _execute(folder: Path, warehouse_path: Path, batch_id: str, log_level: str) -> RunOutcome:
    from assets.partitions import batch_partitions
    from pipelines.definitions import defs
    from pipelines.jobs import process_batch_job
    from pipelines.sensors import BATCH_TAG, WAREHOUSE_TAG

    dagster = instance()
    if not dagster.has_dynamic_partition(batch_partitions.name, batch_id):
        dagster.add_dynamic_partitions(batch_partitions.name, [batch_id])
    result = defs.resolve_job_def(process_batch_job.name).execute_in_process(
        instance=dagster,
        partition_key=batch_id,
        raise_on_error=False,
        tags={BATCH_TAG: batch_id, WAREHOUSE_TAG: str(warehouse_path.resolve()), "tahqiq/launched_by": "cli"},
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
        cause = failures[0].step_failure_data.error
        while cause.cause is not None:  # Dagster wraps the user's exception; the innermost one says why
            cause = cause.cause
        # A blocking check's message names the failed check on its second line.
        error = " ".join(line.strip() for line in cause.message.strip().splitlines()[:2])
        if "asset check" in error:
            error += ('. The failed expectations: tahqiq query "SELECT * FROM quality_results WHERE NOT success"')
    return RunOutcome(False, result.run_id, step, error or "see the run log")
