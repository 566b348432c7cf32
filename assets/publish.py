"""Publish: SQL views for the questions analysts ask most, and the Great Expectations Data Docs."""

import dagster as dg
import polars as pl

from assets.metadata import preview, report_progress
from expectations.suites import SUITE_SQL, build_data_docs, data_docs_dir
from pipelines.resources import WarehouseResource, docs_url
from tahqiq.views import create_views


@dg.asset(
    deps=["conflicts"],
    description="Views that answer the common questions in one SELECT: event_sources, people_aliases, "
    "disputed_events, disputed_people, timeline.",
    kinds={"duckdb", "sql"},
    group_name="publish",
    owners=["team:tahqiq"],
)
def sql_views(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    report_progress(context, "creating the SQL views")
    with warehouse_db.writer() as con:
        views = create_views(con)
        counts = {v.name: con.execute(f'SELECT count(*) FROM "{v.name}"').fetchone()[0] for v in views}
        disputed = con.execute(
            "SELECT event_date, event_type, place_name, attribute, values_and_sources "
            "FROM disputed_events LIMIT 10"
        ).pl()
    listing = pl.DataFrame({"view": [v.name for v in views], "rows": [counts[v.name] for v in views],
                            "one_row_per": [v.description for v in views]})
    return dg.MaterializeResult(
        metadata={
            "views": preview(listing, listing.columns, rows=len(views), width=120),
            "try": dg.MetadataValue.text('tahqiq query "SELECT * FROM event_sources"'),
            "disputed_events_preview": preview(disputed, disputed.columns, width=80),
            "warehouse": dg.MetadataValue.path(str(warehouse_db.resolved_path().resolve())),
            "reports_folder": dg.MetadataValue.path(str(warehouse_db.reports_dir().resolve())),
        }
    )


@dg.asset(
    deps=["sql_views"],
    description="Great Expectations Data Docs: every table's validation in this run, browsable as HTML "
    "(the integrity checks' own results; a table no check validated is validated here).",
    kinds={"great_expectations", "html"},
    group_name="publish",
    owners=["team:tahqiq"],
)
def data_quality_report(
    context: dg.AssetExecutionContext, warehouse_db: WarehouseResource
) -> dg.MaterializeResult:
    warehouse_path = warehouse_db.resolved_path()
    docs = data_docs_dir(warehouse_path)
    report_progress(context, f"writing the Great Expectations Data Docs to {docs}")
    index = build_data_docs(
        list(SUITE_SQL),
        lambda table: warehouse_db.read(SUITE_SQL[table]).to_pandas(),
        project_dir=warehouse_path.parent,
        docs_dir=docs,
        run_id=context.run_id,
    )
    latest = warehouse_db.read(
        "SELECT table_name, count(*) AS expectations, count(*) FILTER (NOT success) AS failed "
        "FROM quality_results WHERE run_id = ? GROUP BY table_name ORDER BY table_name",
        [context.run_id],
    )
    if latest.height == 0:
        latest = pl.DataFrame({"table_name": list(SUITE_SQL)})
    return dg.MaterializeResult(
        metadata={
            "data_docs_index": dg.MetadataValue.path(str(index.resolve())),
            "warehouse": dg.MetadataValue.path(str(warehouse_path.resolve())),
            "data_docs_url": dg.MetadataValue.url(f"{docs_url()}/data_docs/index.html"),  # `tahqiq docs`
            "tables_validated": len(SUITE_SQL),
            "results_this_run": preview(latest, latest.columns, rows=20),
        }
    )
