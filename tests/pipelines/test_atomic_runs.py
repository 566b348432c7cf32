"""A run commits whole or not at all: readers see the previous warehouse or the new one, a killed run
leaves the previous state and is marked failed, queries and runs never fail each other."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.runner import exclusive_run, instance, run_batch
from tahqiq import warehouse
from tahqiq.readonly_query import run_query
from tests.conftest import REPO, SAMPLES

pytestmark = pytest.mark.slow

COUNTS_SQL = ("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions), "
              "(SELECT count(*) FROM mentions m WHERE entity_id IS NOT NULL AND entity_id NOT IN "
              "(SELECT entity_id FROM entities)), (SELECT count(*) FROM articles a WHERE NOT EXISTS "
              "(SELECT 1 FROM extracted_mentions m WHERE m.article_id = a.article_id))")


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "dagster_home"
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    return home


def second_batch(tmp_path: Path) -> Path:
    """The samples under new names: a batch as large as the first, so a run takes long enough to kill."""
    folder = tmp_path / "second"
    shutil.copytree(SAMPLES, folder)
    for path in folder.iterdir():
        if path.suffix in (".txt", ".json", ".html"):
            text = path.read_bytes()
            path.write_bytes(text.replace("غارة".encode(), "ضربة".encode()))
    return folder


def start_run(folder: Path, warehouse_path: Path, batch_id: str, home: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipelines.cli", "run", "--input", str(folder), "--warehouse", str(warehouse_path),
         "--batch-id", batch_id],
        cwd=REPO, env={**os.environ, "DAGSTER_HOME": str(home)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True)


def test_a_killed_run_leaves_the_previous_state_and_is_marked_failed_next_time(tmp_path, home):
    warehouse_path = tmp_path / "w.duckdb"
    assert run_batch(SAMPLES, warehouse_path, "samples").success
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        before = con.execute(COUNTS_SQL).fetchone()
    assert before[2:] == (0, 0)

    killed = start_run(second_batch(tmp_path), warehouse_path, "second", home)
    deadline = time.monotonic() + 120
    while not warehouse.staged_runs(warehouse_path) and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(3)  # well into its steps
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait()
    [killed_run_id] = warehouse.staged_runs(warehouse_path)

    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        assert con.execute(COUNTS_SQL).fetchone() == before
    assert instance().get_run_by_id(killed_run_id).status == dg.DagsterRunStatus.STARTED

    assert run_batch(second_batch(tmp_path / "again"), warehouse_path, "second").success
    assert instance().get_run_by_id(killed_run_id).status == dg.DagsterRunStatus.FAILURE
    assert warehouse.staged_runs(warehouse_path) == []
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        after = con.execute(COUNTS_SQL).fetchone()
    assert after[0] > before[0] and after[2:] == (0, 0)


def test_queries_during_a_run_and_the_run_never_fail_each_other(tmp_path, home):
    warehouse_path = tmp_path / "w.duckdb"
    assert run_batch(SAMPLES, warehouse_path, "samples").success
    running = start_run(second_batch(tmp_path), warehouse_path, "second", home)
    answers, failures = [], []
    while running.poll() is None:
        try:
            answers.append(run_query(warehouse_path, "SELECT count(*) FROM articles").rows[0][0])
        except Exception as error:  # noqa: BLE001 - any failure of a query is what this test counts
            failures.append(repr(error))
    _, err = running.communicate()
    assert running.returncode == 0, err.decode()
    assert failures == []
    assert len(answers) >= 5
    # Every answer is a whole state: the samples alone, or both batches.
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        final = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert set(answers) <= {answers[0], final}


def test_a_run_waiting_for_the_warehouse_says_so_and_gives_up(tmp_path, home, monkeypatch, capsys):
    warehouse_path = tmp_path / "w.duckdb"
    monkeypatch.setenv("TAHQIQ_LOCK_TIMEOUT", "1")
    with exclusive_run(warehouse_path):
        started = time.monotonic()
        outcome = run_batch(SAMPLES, warehouse_path, "samples")
    assert time.monotonic() - started < 10
    assert not outcome.success
    assert "TAHQIQ_LOCK_TIMEOUT" in outcome.error
    assert "waiting for the run of process" in capsys.readouterr().err


def test_a_daemon_run_finished_before_its_sensor_is_published_by_the_next_run(tmp_path, home, inbox):
    from pipelines.definitions import defs
    from tests.pipelines.conftest import write_batch

    warehouse_path = tmp_path / "w.duckdb"
    job = defs.resolve_job_def("process_batch")
    dagster = instance()
    run_ids = []
    for batch_id, keys in (("north", "cd"), ("east", "ab")):
        write_batch(inbox, batch_id, keys)
        dagster.add_dynamic_partitions("batch", [batch_id])
        result = job.execute_in_process(
            instance=dagster, partition_key=batch_id, raise_on_error=False,
            run_config={"resources": {"warehouse_db": {"config": {"path": str(warehouse_path)}},
                                      "inbox": {"config": {"path": str(inbox)}}}})
        assert result.success
        run_ids.append(result.run_id)
    # No sensor ran: the second run found the first one's finished copy and published it before its own.
    assert warehouse.staged_runs(warehouse_path) == [run_ids[1]]
    assert warehouse.publish(warehouse_path, run_ids[1])
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        assert dict(con.execute("SELECT batch_id, count(*) FROM articles GROUP BY 1").fetchall()) == {
            "north": 2, "east": 2}
