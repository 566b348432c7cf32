"""The scheduled path for real: `dagster-daemon` picks up a batch dropped in the inbox, the run queue
launches `process_batch` in its own process, and every table is written (what `make bench` times)."""

from __future__ import annotations

import duckdb
import pytest

from benchmarks.daemon import measure
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow


def test_a_dropped_batch_runs_through_the_daemon_in_one_process(tmp_path):
    result = measure(SAMPLES, tmp_path)
    assert result["cli"]["success"], result["cli"]["error"]
    daemon = result["daemon"]
    assert daemon["success"], daemon
    # the in-process executor: every step ran inside the one run process
    assert daemon["step_worker_processes"] == 0
    assert daemon["steps"] >= 6
    assert daemon["request_to_end_s"] >= daemon["step_s"] > 0
    with duckdb.connect(str(tmp_path / "daemon.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 13
    assert daemon["marker"] == "_DONE"
