"""Data Docs render the integrity checks' own results instead of validating every table again."""

import re

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


def test_the_docs_need_nothing_from_the_network(tmp_path):
    frames = _frames(tmp_path)
    docs = tmp_path / "docs"
    index = build_data_docs(list(SUITE_SQL), frames.__getitem__, tmp_path, docs, "run-1")

    pages = list(docs.rglob("*.html"))
    assert len(pages) > len(SUITE_SQL)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'<(script|link)[^>]*(src|href)="https?://', text), page
        for local in re.findall(r'<(?:script|link)[^>]*(?:src|href)="([^"]+)"', text):
            assert (page.parent / local).resolve().is_file(), f"{page} loads {local}, which is not there"
    # the index's tables are written in the page, not drawn by a script that is not there
    index_page = index.read_text(encoding="utf-8")
    assert index_page.count("<tbody><tr") == 2  # validation results and expectation suites
    for table in SUITE_SQL:
        assert f"validations/{table}_suite/run-1/" in index_page
