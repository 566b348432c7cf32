"""Run one batch through the Dagster definitions in-process, recorded in the instance (so the UI shows it)."""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from pipelines.resources import settle_staged_copies
from tahqiq import warehouse

DEFAULT_DAGSTER_HOME = "dagster_home"
# How long a run waits for another run on the same warehouse before giving up ($TAHQIQ_LOCK_TIMEOUT).
DEFAULT_LOCK_TIMEOUT_S = 1800.0
LAUNCHED_BY_TAG = "tahqiq/launched_by"
# Every run names the warehouse it writes: one Dagster instance may serve several warehouses.
WAREHOUSE_TAG = "tahqiq/warehouse"
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


class WarehouseBusy(Exception):
    """Another run kept the warehouse past the wait this run allows."""


def lock_timeout_s() -> float:
    return float(os.environ.get("TAHQIQ_LOCK_TIMEOUT") or DEFAULT_LOCK_TIMEOUT_S)


def _say(message: str) -> None:
    print(f"tahqiq: {message}", file=sys.stderr, flush=True)


@contextmanager
def exclusive_run(warehouse_path: Path, timeout_s: float | None = None,
                  waiting: Callable[[str], None] = _say) -> Iterator[None]:
    """Hold the warehouse for a whole in-process run.

    Runs launched by the daemon are serialized by the run queue (dagster_home/dagster.yaml); runs
    executed in-process bypass that queue, and two of them interleaving their reconcile steps could
    leave tables computed without the other batch. So the in-process path takes a run-wide lock; a
    run that has to wait says who holds it and gives up after `timeout_s` (default $TAHQIQ_LOCK_TIMEOUT).
    """
    timeout_s = lock_timeout_s() if timeout_s is None else timeout_s
    warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = warehouse_path.with_suffix(warehouse_path.suffix + ".run.lock")
    with open(lock_path, "a+") as lock:
        deadline = time.monotonic() + timeout_s
        told = False
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                lock.seek(0)
                holder = lock.read().strip() or "another run"
                if time.monotonic() > deadline:
                    raise WarehouseBusy(f"{holder} has held the warehouse {warehouse_path} for over {timeout_s:.0f}s; "
                                        "stop it if it hangs, or raise TAHQIQ_LOCK_TIMEOUT") from None
                if not told:
                    waiting(f"waiting for {holder} to finish with {warehouse_path} "
                            f"(giving up after {timeout_s:.0f}s, TAHQIQ_LOCK_TIMEOUT)")
                    told = True
                time.sleep(0.5)
        lock.seek(0)
        lock.truncate()
        lock.write(f"the run of process {os.getpid()} started {time.strftime('%Y-%m-%d %H:%M:%S')}")
        lock.flush()
        try:
            yield
        finally:
            lock.seek(0)
            lock.truncate()
            lock.flush()
            fcntl.flock(lock, fcntl.LOCK_UN)


def fail_abandoned_runs(dagster: dg.DagsterInstance, warehouse_path: Path) -> list[str]:
    """Mark failed the in-process runs on this warehouse that a killed process left STARTED, and settle
    the copies finished runs left. Called holding the run lock, so none of them is still alive."""
    failed = []
    runs = dagster.get_runs(dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING],
                                          tags={LAUNCHED_BY_TAG: "cli", WAREHOUSE_TAG: str(warehouse_path.resolve())}))
    for run in runs:
        dagster.report_run_failed(run, "the process running it ended without finishing (killed?); "
                                       "the warehouse kept its previous state")
        failed.append(run.run_id)
    settle_staged_copies(dagster, warehouse_path)
    return failed


def _record_in_inbox(folder: Path, batch_id: str, outcome: RunOutcome) -> None:
    """A batch run from inside the inbox gets the same _DONE/_FAILED marker the sensors leave."""
    from pipelines.resources import InboxResource
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
    try:
        with exclusive_run(warehouse_path):
            outcome = _execute(folder, warehouse_path, batch_id, log_level)
    except WarehouseBusy as busy:
        outcome = RunOutcome(False, "(not started)", "waiting for the warehouse", str(busy))
    _record_in_inbox(folder, batch_id, outcome)
    return outcome


def _execute(folder: Path, warehouse_path: Path, batch_id: str, log_level: str) -> RunOutcome:
    from pipelines.definitions import defs
    from pipelines.jobs import process_batch_job
    from pipelines.partitions import batch_partitions
    from pipelines.sensors import BATCH_TAG

    dagster = instance()
    for run_id in fail_abandoned_runs(dagster, warehouse_path):
        _say(f"run {run_id} on this warehouse was left unfinished (killed?); marked failed")
    if not dagster.has_dynamic_partition(batch_partitions.name, batch_id):
        dagster.add_dynamic_partitions(batch_partitions.name, [batch_id])
    result = defs.resolve_job_def(process_batch_job.name).execute_in_process(
        instance=dagster,
        partition_key=batch_id,
        raise_on_error=False,
        tags={BATCH_TAG: batch_id, LAUNCHED_BY_TAG: "cli", WAREHOUSE_TAG: str(warehouse_path.resolve())},
        run_config={
            "ops": {"ingest_batch": {"config": {"input_dir": str(folder.resolve())}}},
            "resources": {"warehouse_db": {"config": {"path": str(warehouse_path.resolve())}}},
            "loggers": {"console": {"config": {"log_level": log_level}}},
        },
    )
    if result.success:
        try:
            warehouse.publish(warehouse_path, result.run_id)
        except warehouse.StaleCopy as stale:
            return RunOutcome(False, result.run_id, "publishing the warehouse", str(stale))
        return RunOutcome(True, result.run_id)
    warehouse.keep_quality_results(warehouse_path, result.run_id)
    warehouse.discard(warehouse_path, result.run_id)
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
