"""The scheduled path against the CLI: one batch dropped in the inbox and run by `dagster-daemon`, timed
from the sensor's run request to the last table written, beside `tahqiq run` on the same batch.

Both run as a person runs them, in child processes with an instance, inbox and warehouse of their own:
the daemon loads the code location, the inbox sensor requests the run, the run queue launches it in a
new process (which loads the definitions again) and its executor runs the steps.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
INSTANCE_CONFIG = REPO / "dagster_home" / "dagster.yaml"
TERMINAL = {"SUCCESS", "FAILURE", "CANCELED"}


def _definitions_load_s(env: dict) -> float:
    """Seconds a fresh interpreter takes to import the code location (what every run process pays)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import pipelines.definitions"], cwd=REPO, env=env, check=True)
    return time.perf_counter() - started


def _cli_run(batch: Path, work: Path, env: dict) -> dict:
    warehouse = work / "cli.duckdb"
    started = time.perf_counter()
    done = subprocess.run(
        [str(BIN / "tahqiq"), "run", "--input", str(batch), "--warehouse", str(warehouse), "--batch-id", "cli"],
        cwd=REPO, env={**env, "DAGSTER_HOME": str(work / "cli_home")}, capture_output=True, text=True,
        timeout=1800)
    return {"success": done.returncode == 0, "wall_s": time.perf_counter() - started,
            "error": (done.stderr.strip().splitlines() or ["no output"])[-1] if done.returncode else None}


def _wait_for_run(home: Path, daemon: subprocess.Popen, timeout_s: float):
    import dagster as dg

    deadline = time.monotonic() + timeout_s
    with dg.DagsterInstance.from_config(str(home)) as instance:
        while time.monotonic() < deadline:
            if daemon.poll() is not None:
                raise RuntimeError(f"dagster-daemon exited with {daemon.returncode}; see daemon.log")
            records = instance.get_run_records(dg.RunsFilter(job_name="process_batch"), limit=1)
            if records and records[0].dagster_run.status.value in TERMINAL:
                record = records[0]
                run_id = record.dagster_run.run_id
                # the multiprocess executor starts a worker process per step; in-process starts none
                workers = len(instance.all_logs(run_id, of_type=dg.DagsterEventType.STEP_WORKER_STARTED))
                return record, instance.get_run_step_stats(run_id), workers
            time.sleep(0.5)
    raise TimeoutError(f"no finished process_batch run within {timeout_s:.0f}s")


def _wait_for_marker(folder: Path, timeout_s: float) -> Path | None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for name in ("_DONE", "_FAILED"):
            if (folder / name).exists():
                return folder / name
        time.sleep(0.5)
    return None


def _daemon_run(batch: Path, work: Path, env: dict, timeout_s: float) -> dict:
    home, inbox = work / "daemon_home", work / "inbox"
    home.mkdir(parents=True)
    shutil.copy(INSTANCE_CONFIG, home / "dagster.yaml")
    shutil.copytree(batch, inbox / "sample")
    daemon_env = {**env, "DAGSTER_HOME": str(home), "TAHQIQ_INBOX": str(inbox),
                  "TAHQIQ_WAREHOUSE": str(work / "daemon.duckdb")}
    import dagster as dg

    with dg.DagsterInstance.from_config(str(home)) as instance:  # its storage exists before two processes race to make it
        instance.get_runs(limit=1)
    log = (work / "daemon.log").open("w")
    started = time.time()
    daemon = subprocess.Popen([str(BIN / "dagster-daemon"), "run", "-w", str(REPO / "workspace.yaml")],
                              cwd=REPO, env=daemon_env, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    try:
        (inbox / "sample" / "_READY").touch()
        record, steps, workers = _wait_for_run(home, daemon, timeout_s)
        marker = _wait_for_marker(inbox / "sample", timeout_s=120)
    finally:
        daemon.terminate()
        try:
            daemon.wait(timeout=60)
        except subprocess.TimeoutExpired:
            daemon.kill()
        log.close()
    end = record.end_time or time.time()
    step_s = sum((s.end_time or end) - (s.start_time or end) for s in steps)
    return {
        "success": record.dagster_run.status.value == "SUCCESS",
        "status": record.dagster_run.status.value,
        "drop_to_request_s": record.create_timestamp.timestamp() - started,
        "request_to_start_s": (record.start_time or end) - record.create_timestamp.timestamp(),
        "request_to_end_s": end - record.create_timestamp.timestamp(),
        "step_s": step_s,
        "steps": len(steps),
        "step_worker_processes": workers,
        # the run status sensors mark the folder _DONE or _FAILED on their next tick
        "marker": marker.name if marker else None,
    }


def measure(batch: Path, work: Path, timeout_s: float = 1800) -> dict:
    """The same batch through `tahqiq run` and through the daemon; the daemon's request-to-end time
    should stay within twice the CLI's whole wall time."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DAGSTER_", "TAHQIQ_"))}
    work.mkdir(parents=True, exist_ok=True)
    shown = batch.resolve().relative_to(REPO) if batch.resolve().is_relative_to(REPO) else batch
    result = {"articles_folder": str(shown), "definitions_load_s": _definitions_load_s(env)}
    result["cli"] = _cli_run(batch, work, env)
    result["daemon"] = _daemon_run(batch, work, env, timeout_s)
    result["ratio"] = result["daemon"]["request_to_end_s"] / result["cli"]["wall_s"]
    return result


if __name__ == "__main__":
    import json
    import tempfile

    print(json.dumps(measure(REPO / "data" / "samples", Path(tempfile.mkdtemp(prefix="tahqiq-daemon-"))),
                     indent=1))
