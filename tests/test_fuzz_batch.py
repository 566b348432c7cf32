"""A generated batch of hostile inputs (every kind that has broken ingest) through the whole job."""

from __future__ import annotations

import pytest

from benchmarks.hostile import check_batch, write_hostile_batch
from pipelines.runner import run_batch

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("seed", [15])
def test_a_hostile_batch_succeeds_with_every_input_once_and_no_garbled_body(tmp_path, monkeypatch, seed):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster_home"))
    batch = write_hostile_batch(tmp_path / "hostile", n_inputs=300, seed=seed)
    warehouse_path = tmp_path / "w.duckdb"

    outcome = run_batch(batch.folder, warehouse_path, "hostile")

    assert outcome.success, outcome.error
    verdict = check_batch(warehouse_path, batch, "hostile")
    assert verdict.lost == [] and verdict.reported_twice == [] and verdict.unknown == []
    assert verdict.mojibake_bodies == []
    assert verdict.articles > 50 and verdict.quarantined > 50
    assert len(batch.kinds) >= 20, batch.kinds
