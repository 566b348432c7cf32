"""Data Docs render the integrity checks' own results instead of validating every table again."""

import pandas as pd

from expectations.suites import SUITE_SQL, build_data_docs, kept_result_path, validate_table
from tahqiq import warehouse


def _frames(tmp_path) -> dict[str, pd.DataFrame]:
    """Each suite's frame read from an empty warehouse (the suites' SQL, no rows)."""
    path = tmp_path / "warehouse.duckdb"
    with warehouse.writer(path) as con:
        return {table: con.execute(sql).df() for table, sql in SUITE_SQL.items()}


def test_a_kept_result_is_rendered_without_reading_the_table_again(tmp_path):
    frames = _frames(tmp_path)
    checked = "quarantine"
    kept = kept_result_path(tmp_path, "run-1", checked)
    outcomes = validate_table(checked, frames[checked], keep_in=kept)
    assert outcomes and kept.exists()

    read = []

    def read_frame(table: str) -> pd.DataFrame:
        read.append(table)
        return frames[table]

    index = build_data_docs(list(SUITE_SQL), read_frame, tmp_path, tmp_path / "docs", "run-1")

    assert checked not in read  # its check's result was used as is
    assert sorted(read) == sorted(set(SUITE_SQL) - {checked})  # the others were validated here
    assert index.exists()
    assert (tmp_path / "docs" / "validations" / f"{checked}_suite" / "run-1").is_dir()
    assert not kept.exists()  # a kept result is rendered once
