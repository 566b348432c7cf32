"""Quality: where the sources disagree about an event or a person, read from the reconciled tables."""

import dagster as dg

from assets.charts import conflicts_by_type, reports_dir
from assets.metadata import counts_by, preview
from assets.resources import WarehouseResource
from tahqiq import warehouse
from tahqiq.quality.conflicts import find_conflicts


@dg.asset(
    name="conflicts",
    deps=["event_reports", "entities", "articles"],
    description="What different sources state differently about one event or person (tolls, dates, places, "
    "regions, partners, actors, claims, names, roles): disagreements and later updates, each value with "
    "the articles, outlets, times and sentence offsets that state it.",
    kinds={"duckdb", "polars"},
    group_name="quality",
    owners=["team:tahqiq"],
)
def conflicts_asset(warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    reports = warehouse_db.read("SELECT * FROM event_reports")
    entities = warehouse_db.read("SELECT * FROM entities")
    articles = warehouse_db.read("SELECT article_id, outlet, published_at FROM articles")
    found = find_conflicts(reports, entities, articles)
    with warehouse_db.writer() as con:
        warehouse.replace_rows(con, "conflicts", found)
    return dg.MaterializeResult(
        metadata={
            "conflicts": found.height,
            "by_attribute": dg.MetadataValue.json(counts_by(found, "attribute")),
            "by_kind": dg.MetadataValue.json(counts_by(found, "kind")),
            "by_severity": dg.MetadataValue.json(counts_by(found, "severity")),
            "preview": preview(
                found.sort("severity_rank", descending=True),
                ["subject_label", "attribute", "kind", "severity", "explanation"],
                width=90,
            ),
            "by_type_chart": conflicts_by_type(found, reports_dir(warehouse_db.resolved_path())),
        }
    )
