"""What a data-quality check should flag about the conflicts and the events they rest on (pure functions
on the tables' frames, for the Dagster checks in expectations/ to call): a conflict is the product, these are
the faults.
"""

from __future__ import annotations

import polars as pl

from tahqiq.dates.values import date_bounds

# Reports of one event further apart than this are two events merged (the conflicts never compare them).
MAX_REPORT_SPREAD_DAYS = 14


def conflicts_from_one_article(conflicts: pl.DataFrame) -> pl.DataFrame:
    """Conflicts whose values all come from one article: only ever two sources that article credits by
    name (the command vs the monitor); worth a look, since one article is one reporter's reading."""
    return conflicts.filter(pl.col("n_articles") <= 1)


def events_with_reports_apart(reports: pl.DataFrame, max_days: int = MAX_REPORT_SPREAD_DAYS) -> pl.DataFrame:
    """event_id, first_day (the earliest end of a reported date), last_day (the latest start) and
    spread_days of the events whose reports' dates lie more than `max_days` apart."""
    days = [
        (event_id, bounds[0], bounds[1])
        for event_id, value in reports.select("event_id", "reported_date").iter_rows()
        if (bounds := date_bounds(value)) is not None
    ]
    frame = pl.DataFrame(days, schema={"event_id": pl.Utf8, "lo": pl.Date, "hi": pl.Date}, orient="row")
    # Intervals count by their overlap: "March 2018" and "1 March" are not a month apart.
    spread = frame.group_by("event_id").agg(
        pl.col("hi").min().alias("first_day"), pl.col("lo").max().alias("last_day")
    )
    spread = spread.with_columns(
        (pl.col("last_day") - pl.col("first_day")).dt.total_days().alias("spread_days")
    )
    return spread.filter(pl.col("spread_days") > max_days).sort("event_id")


def conflicts_without_subject(
    conflicts: pl.DataFrame, reports: pl.DataFrame, entities: pl.DataFrame
) -> pl.DataFrame:
    """Conflicts about an event no report states or an entity that is not in `entities`."""
    events = reports.select(pl.col("event_id").alias("subject_id")).unique()
    known = pl.concat([events, entities.select(pl.col("entity_id").alias("subject_id"))])
    return conflicts.join(known, on="subject_id", how="anti")
