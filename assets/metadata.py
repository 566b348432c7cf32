"""Metadata a person wants to see after a run: counts and a readable preview of the rows."""

from __future__ import annotations

import logging

import dagster as dg
import polars as pl


def preview(frame: pl.DataFrame, columns: list[str], rows: int = 10, width: int = 60) -> dg.MetadataValue:
    """A markdown table of the first rows, long text cut so the UI stays readable."""
    if frame.height == 0:
        return dg.MetadataValue.md("_no rows_")
    shown = frame.select([c for c in columns if c in frame.columns]).head(rows)
    header = "| " + " | ".join(shown.columns) + " |\n|" + "---|" * len(shown.columns) + "\n"
    lines = []
    for row in shown.iter_rows():
        cells = []
        for value in row:
            text = "" if value is None else str(value).replace("\n", " ").replace("|", "/")
            cells.append(text if len(text) <= width else text[: width - 1] + "…")
        lines.append("| " + " | ".join(cells) + " |")
    return dg.MetadataValue.md(header + "\n".join(lines))


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
