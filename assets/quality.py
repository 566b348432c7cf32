"""Quality: where the sources disagree about an event or a person, read from the reconciled tables."""

import dagster as dg

from assets.metadata import counts_by, table_definition_metadata, table_metadata
from pipelines.resources import WarehouseResource
from tahqiq import warehouse


@dg.asset(
    name="conflicts",
    deps=["event_reports", "entities", "articles"],
    description="What different sources state differently about one event or person (tolls, dates, places, "
    "regions, partners, actors, claims, names, roles): disagreements and later updates, each value with "
    "the articles, outlets, times and sentence offsets that state it.",
    kinds={"duckdb", "polars"},
    group_name="quality",
    owners=["team:tahqiq"],
    metadata=table_definition_metadata("conflicts"),
)
def conflicts_asset(warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    # matplotlib and the conflict rules load with the run, not with the code location
    from assets.charts import conflicts_by_type
    from tahqiq.quality.conflicts import find_conflicts

    reports = warehouse_db.read("SELECT * FROM event_reports")
    entities = warehouse_db.read("SELECT * FROM entities")
    articles = warehouse_db.read("SELECT article_id, outlet, published_at FROM articles")
    found = find_conflicts(reports, entities, articles)
    with warehouse_db.writer() as con:
        warehouse.replace_rows(con, "conflicts", found)
    return dg.MaterializeResult(
        metadata={
            **table_metadata("conflicts", found.sort("severity_rank", descending=True),
                             ["subject_label", "attribute", "kind", "severity", "explanation"],
                             warehouse_db.resolved_path(), width=90),
            "by_attribute": dg.MetadataValue.json(counts_by(found, "attribute")),
            "by_kind": dg.MetadataValue.json(counts_by(found, "kind")),
            "by_severity": dg.MetadataValue.json(counts_by(found, "severity")),
            "by_type_chart": conflicts_by_type(found, warehouse_db.reports_dir()),
        }
    )
