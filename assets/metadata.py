"""Metadata a person wants to see after a run, under Dagster's standard keys where one exists:
`dagster/row_count`, `dagster/column_schema` (the warehouse's own column descriptions) and a table preview."""

from __future__ import annotations

import logging
from pathlib import Path

import dagster as dg
import polars as pl

from tahqiq import warehouse

PREVIEW_ROWS = 10


def column_schema(table: str) -> dg.TableSchema:
    """The table's columns as Dagster shows them, described by the same text DuckDB's COMMENT ON carries."""
    _, columns = warehouse.SCHEMA[table]
    return dg.TableSchema(columns=[dg.TableColumn(name, kind, description=text) for name, kind, text in columns])


def table_definition_metadata(table: str) -> dict:
    """Metadata fixed by the code: the Catalog lists the columns before the first run."""
    return {"dagster/column_schema": column_schema(table), "dagster/table_name": table}


def _cell(value, width: int):
    if value is None or isinstance(value, bool | int | float):
        return value
    text = str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def preview(frame: pl.DataFrame, columns: list[str], rows: int = PREVIEW_ROWS, width: int = 60) -> dg.MetadataValue:
    """The first rows as a Dagster table (long text cut so the UI stays readable)."""
    shown = frame.select([c for c in columns if c in frame.columns]).head(rows)
    schema = dg.TableSchema(columns=[
        dg.TableColumn(name, "number" if dtype.is_numeric() else "bool" if dtype == pl.Boolean else "string")
        for name, dtype in shown.schema.items()])
    records = [dg.TableRecord({k: _cell(v, width) for k, v in row.items()}) for row in shown.iter_rows(named=True)]
    return dg.MetadataValue.table(records, schema=schema)


def table_metadata(table: str, frame: pl.DataFrame, preview_columns: list[str], warehouse_path: Path,
                   width: int = 60) -> dict:
    """What every table asset reports: its rows written, its columns, a preview and which warehouse."""
    return {
        "dagster/row_count": frame.height,
        "dagster/column_schema": column_schema(table),
        "preview": preview(frame, preview_columns, width=width),
        "warehouse": dg.MetadataValue.path(str(warehouse_path.resolve())),
    }


def counts_by(frame: pl.DataFrame, column: str) -> dict[str, int]:
    if frame.height == 0 or column not in frame.columns:
        return {}
    grouped = frame.group_by(column).len().sort("len", descending=True)
    return {str(k): int(v) for k, v in grouped.iter_rows()}


# The `tahqiq` command prints this logger's lines in the terminal; the UI gets them from context.log.
PROGRESS = logging.getLogger("tahqiq.progress")


def report_progress(context: dg.AssetExecutionContext, message: str) -> None:
    """A progress line for the run's log in the UI and for the terminal of `tahqiq run`."""
    context.log.info(message)
    PROGRESS.info(message)
