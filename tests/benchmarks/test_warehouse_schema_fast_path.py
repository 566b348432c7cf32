"""`warehouse.writer` skips the DDL pass only when the schema is really complete (a `make bench` speed-up)."""

from __future__ import annotations

import duckdb

from tahqiq import warehouse


def _comments(path) -> set[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return set(
            con.execute(
                "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE schema_name = 'main'"
            ).fetchall()
        )


def test_a_fresh_warehouse_gets_every_table_and_description(tmp_path):
    path = tmp_path / "w.duckdb"
    with warehouse.writer(path) as con:
        assert warehouse._schema_in_place(con)
    expected = {(t, c, text) for t, (_, cols) in warehouse.SCHEMA.items() for c, _, text in cols}
    assert expected <= _comments(path)


def test_a_dropped_table_or_lost_description_is_restored_on_the_next_open(tmp_path):
    path = tmp_path / "w.duckdb"
    with warehouse.writer(path):
        pass
    with duckdb.connect(str(path)) as con:
        con.execute('DROP TABLE "conflicts"')
        con.execute("COMMENT ON COLUMN articles.body IS 'stale'")
        assert not warehouse._schema_in_place(con)
    with warehouse.writer(path) as con:
        assert warehouse._schema_in_place(con)
        assert (
            con.execute(
                "SELECT comment FROM duckdb_columns() WHERE table_name = 'articles' AND column_name = 'body'"
            ).fetchone()[0]
            != "stale"
        )
        assert (
            con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'conflicts'").fetchone()[0]
            == 1
        )


def test_rows_survive_a_reopen_that_skips_the_ddl(tmp_path):
    path = tmp_path / "w.duckdb"
    with warehouse.writer(path) as con:
        con.execute("INSERT INTO quarantine (batch_id, source_file, reason) VALUES ('b', 'f', 'empty')")
    with warehouse.writer(path) as con:
        assert con.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 1
