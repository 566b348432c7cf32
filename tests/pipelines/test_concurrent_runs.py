"""Two batches arriving together: both runs succeed and the warehouse holds both, written one at a time."""

import shutil
import threading
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.runner import RunOutcome, run_batch
from tests.pipelines.conftest import write_batch

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_two_batches_at_once_both_land(inbox: Path, tmp_path: Path):
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
    warehouse = tmp_path / "warehouse.duckdb"
    batches = {"north": write_batch(inbox, "north", "cd"), "east": write_batch(inbox, "east", "ab")}
    outcomes: dict[str, RunOutcome] = {}
    start = threading.Barrier(len(batches))

    def run(batch_id: str, folder: Path) -> None:
        start.wait()
        outcomes[batch_id] = run_batch(folder, warehouse, batch_id)

    threads = [threading.Thread(target=run, args=item) for item in batches.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert {b: o.success for b, o in outcomes.items()} == {"north": True, "east": True}, outcomes
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert dict(con.execute("SELECT batch_id, count(*) FROM articles GROUP BY 1").fetchall()) == {
            "north": 2,
            "east": 2,
        }
        # Reconciliation ran last over both batches, not over whichever finished extracting first.
        mentioned = {
            r[0]
            for r in con.execute(
                "SELECT DISTINCT a.batch_id FROM mentions m JOIN articles a USING (article_id)"
            ).fetchall()
        }
        assert mentioned == {"north", "east"}
    for folder in batches.values():
        assert (folder / "_DONE").is_file()
    instance = dg.DagsterInstance.from_config(str(home))
    records = instance.get_run_records(dg.RunsFilter(job_name="process_batch"))
    assert sorted(r.dagster_run.tags["tahqiq/batch"] for r in records) == ["east", "north"]


@pytest.mark.slow
def test_rerunning_a_batch_changes_no_row_count(inbox: Path, tmp_path: Path):
    warehouse = tmp_path / "warehouse.duckdb"
    folder = write_batch(inbox, "again", "abc")
    tables = ["articles", "quarantine", "mentions", "entities", "events", "event_reports", "conflicts"]

    def counts() -> dict[str, int]:
        with duckdb.connect(str(warehouse), read_only=True) as con:
            return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    assert run_batch(folder, warehouse, "again").success
    first = counts()
    assert run_batch(folder, warehouse, "again").success
    assert counts() == first
    assert first["articles"] == 3


def test_instance_config_queues_one_run_at_a_time_and_retries(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(REPO / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
    instance = dg.DagsterInstance.from_config(str(home))
    coordinator = instance.run_coordinator
    assert type(coordinator).__name__ == "QueuedRunCoordinator"
    assert coordinator.get_run_queue_config().max_concurrent_runs == 1
    assert instance.run_retries_enabled
    assert instance.run_retries_max_retries >= 1
