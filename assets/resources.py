"""The resources every asset uses, typed and configurable, defaults resolved at run time."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
from pydantic import Field

from tahqiq import warehouse

DEFAULT_WAREHOUSE = "data/warehouse.duckdb"
DEFAULT_INBOX = "data/inbox"
DEFAULT_DOCS_URL = "http://127.0.0.1:3001"


def docs_url() -> str:
    """Where `tahqiq docs` serves the reports and Data Docs (read when a run writes its metadata)."""
    return (os.environ.get("TAHQIQ_DOCS_URL") or DEFAULT_DOCS_URL).rstrip("/")


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse file; one writer at a time."""

    path: str = Field(default="", description=f"DuckDB file; empty means $TAHQIQ_WAREHOUSE or {DEFAULT_WAREHOUSE}.")

    def resolved_path(self) -> Path:
        return Path(self.path or os.environ.get("TAHQIQ_WAREHOUSE") or DEFAULT_WAREHOUSE)

    def reports_dir(self) -> Path:
        """Charts go beside the warehouse: data/warehouse.duckdb → data/reports/."""
        return self.resolved_path().parent / "reports"

    @contextmanager
    def writer(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with warehouse.writer(self.resolved_path()) as con:
            yield con

    def read(self, sql: str, params: list | None = None) -> pl.DataFrame:
        """Read through a write-capable connection so that a run sees its own fresh tables."""
        with self.writer() as con:
            return warehouse.read_frame(con, sql, params)


class InboxResource(dg.ConfigurableResource):
    """Where batches arrive: one folder per batch, complete when it holds the marker file."""

    path: str = Field(default="", description=f"Inbox folder; empty means $TAHQIQ_INBOX or {DEFAULT_INBOX}.")
    ready_marker: str = Field(default="_READY", description="File that marks a batch folder as complete.")
    max_file_bytes: int = Field(default=5_000_000, description="Files larger than this are quarantined.")

    def resolved_path(self) -> Path:
        return Path(self.path or os.environ.get("TAHQIQ_INBOX") or DEFAULT_INBOX)

    def batch_dir(self, batch_id: str) -> Path:
        return self.resolved_path() / batch_id

    def complete_batches(self) -> list[str]:
        root = self.resolved_path()
        if not root.is_dir():
            return []
        return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / self.ready_marker).exists())
