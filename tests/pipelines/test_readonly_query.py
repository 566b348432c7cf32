"""`tahqiq query` reads the warehouse's tables and nothing else: every attack gets a one-line refusal."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines.cli import main
from tahqiq import warehouse


@pytest.fixture
def place(tmp_path: Path, monkeypatch) -> Path:
    """A warehouse with one article, another database and a CSV beside it; the cwd is that folder."""
    monkeypatch.chdir(tmp_path)
    with duckdb.connect("w.duckdb") as con:
        warehouse.ensure_schema(con)
        con.execute("INSERT INTO articles (article_id, body) VALUES ('a_1', 'نص')")
    with duckdb.connect("other.duckdb") as con:
        con.execute("CREATE TABLE kept (x INTEGER)")
    Path("secret.csv").write_text("user,password\nroot,x\n", encoding="utf-8")
    return tmp_path


def query(sql: str, capsys) -> tuple[int, str, str]:
    code = main(["query", sql, "--warehouse", "w.duckdb", "--format", "csv"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


ATTACKS = {
    "copy to a file": "COPY articles TO 'stolen.csv'",
    "copy over the warehouse": "COPY articles TO 'w.duckdb'",
    "export": "EXPORT DATABASE 'exported'",
    "attach read-write then drop": "ATTACH 'other.duckdb' AS other (READ_WRITE); DROP TABLE other.kept",
    "attach": "ATTACH 'other.duckdb' AS other",
    "detach": "DETACH w",
    "use": "USE other",
    "set": "SET threads = 1",
    "reset": "RESET threads",
    "checkpoint": "CHECKPOINT",
    "force checkpoint": "FORCE CHECKPOINT",
    "read_csv": "SELECT * FROM read_csv('secret.csv')",
    "read_text": "SELECT * FROM read_text('secret.csv')",
    "read_blob": "SELECT * FROM read_blob('secret.csv')",
    "glob": "SELECT * FROM glob('*')",
    "file as table": "SELECT * FROM 'secret.csv'",
    "sniff_csv": "SELECT * FROM sniff_csv('secret.csv')",
    "install": "INSTALL spatial",
    "load": "LOAD spatial",
    "call": "CALL pragma_version()",
    "a setting pragma": "PRAGMA enable_profiling",
    "create": "CREATE TABLE t AS SELECT 1",
    "temp table": "CREATE TEMP TABLE t AS SELECT 1",
    "insert": "INSERT INTO articles (article_id) VALUES ('x')",
    "delete": "DELETE FROM articles",
    "drop": "DROP TABLE articles",
    "vacuum": "VACUUM",
    "a write after a select": "SELECT 1; COPY articles TO 'stolen.csv'",
    "a statement inside query()": "SELECT * FROM query('COPY articles TO ''stolen.csv''')",
}


@pytest.mark.parametrize("sql", ATTACKS.values(), ids=ATTACKS.keys())
def test_every_attack_is_refused_in_one_line_and_changes_nothing(place, capsys, sql):
    before = sorted(p.name for p in place.iterdir())
    warehouse_bytes = (place / "w.duckdb").read_bytes()

    code, out, err = query(sql, capsys)

    assert code != 0
    assert out == ""
    assert err.startswith("tahqiq: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    assert sorted(p.name for p in place.iterdir()) == before
    assert (place / "w.duckdb").read_bytes() == warehouse_bytes
    with duckdb.connect("other.duckdb", read_only=True) as con:
        assert con.execute("SELECT count(*) FROM kept").fetchone() == (0,)


@pytest.mark.parametrize("sql", ["", "   ", " ; ; ", "-- only a comment"])
def test_no_statement_is_one_line_not_a_traceback(place, capsys, sql):
    code, out, err = query(sql, capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err


READS = {
    "select": ("SELECT article_id FROM articles", "a_1"),
    "with": ("WITH x AS (SELECT article_id FROM articles) SELECT * FROM x", "a_1"),
    "describe": ("DESCRIBE articles", "body_normalized"),
    "show tables": ("SHOW TABLES", "quarantine"),
    "summarize": ("SUMMARIZE articles", "article_id"),
    "table_info pragma": ("PRAGMA table_info('articles')", "duplicate_of"),
    "catalog": ("SELECT table_name FROM duckdb_tables() ORDER BY 1 LIMIT 1", "article_fingerprints"),
}


@pytest.mark.parametrize(("sql", "expected"), READS.values(), ids=READS.keys())
def test_reading_statements_still_work(place, capsys, sql, expected):
    code, out, err = query(sql, capsys)
    assert code == 0, err
    assert expected in out


def test_a_misspelt_table_keeps_duckdbs_hint_on_one_line(place, capsys):
    code, _, err = query("SELECT * FROM articls", capsys)
    assert code == 2
    assert 'Did you mean "articles"' in err and err.count("\n") == 1
