"""`tahqiq query`: SQL over the warehouse that can read its tables and nothing else.

DuckDB's `read_only=True` only protects this connection's tables: COPY TO, EXPORT DATABASE, ATTACH and
table functions that read files (read_csv, read_text, glob) still reach the disk. So a query runs on a
connection with external access off and its configuration locked, and only statements that read
(SELECT and its forms, EXPLAIN, a few catalog PRAGMAs) are let through to it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from tahqiq import warehouse

READING_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
CATALOG_PRAGMAS = {"show_tables", "show_tables_expanded", "table_info", "show", "database_size",
                   "storage_info", "version", "functions", "collations"}
LOCKED_DOWN = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,
}
# A run holds DuckDB's file lock only while it swaps in a finished warehouse; a query waits that out.
LOCK_WAIT_SECONDS = 10.0
_PRAGMA_NAME = re.compile(r"^\s*PRAGMA\s+([A-Za-z_]+)", re.IGNORECASE)


class QueryRefused(Exception):
    """A statement that would do more than read the warehouse, or no statement at all."""


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple]


def check_statements(sql: str) -> None:
    """Raise QueryRefused unless `sql` is one or more statements that only read."""
    if not sql.strip():
        raise QueryRefused("no SQL given; pass a statement, e.g. \"SELECT count(*) FROM articles\"")
    statements = duckdb.extract_statements(sql)
    if not statements:
        raise QueryRefused("no SQL statement found (only comments or semicolons)")
    for statement in statements:
        if statement.type in READING_STATEMENTS:
            continue
        pragma = _PRAGMA_NAME.match(statement.query) if statement.type == duckdb.StatementType.PRAGMA else None
        if pragma and pragma.group(1).lower() in CATALOG_PRAGMAS:
            continue
        keyword = statement.query.split()[0].upper() if statement.query.split() else statement.type.name
        raise QueryRefused(f"refused: {keyword} statements are not allowed; tahqiq query is read-only "
                           "(SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN)")


def connect_read_only(path: Path, wait_s: float = LOCK_WAIT_SECONDS,
                      waiting: Callable[[str], None] | None = None) -> duckdb.DuckDBPyConnection:
    """A connection that sees the warehouse's tables and cannot touch anything else.

    Retries for up to `wait_s` while another process holds DuckDB's lock on the file."""
    path = Path(path)
    if not path.exists():
        warehouse.reader(path)  # raises FileNotFoundError with the hint
    deadline = time.monotonic() + wait_s
    told = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=True, config=dict(LOCKED_DOWN))
        except duckdb.IOException as error:
            if "lock" not in str(error).lower() or time.monotonic() > deadline:
                raise
            if waiting is not None and not told:
                waiting(f"the warehouse is busy (a run is writing it); waiting up to {wait_s:.0f}s")
                told = True
            time.sleep(0.2)


def run_query(path: Path, sql: str, waiting: Callable[[str], None] | None = None) -> QueryResult:
    """Run read-only `sql` on the warehouse at `path`; raises QueryRefused, duckdb.Error or FileNotFoundError."""
    check_statements(sql)
    with connect_read_only(path, waiting=waiting) as con:
        cursor = con.execute(sql)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return QueryResult(columns, cursor.fetchall() if columns else [])
