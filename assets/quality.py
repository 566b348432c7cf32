"""Quality: every disagreement between sources, stated plainly in the `conflicts` table."""

import dagster as dg

from assets.charts import conflicts_by_type, reports_dir
from assets.metadata import counts_by, preview
from assets.reconcile import RECONCILED_TABLES
from pipelines.resources import WarehouseResource
from tahqiq import warehouse
from tahqiq.reconcile.conflicts import find_conflicts


@dg.asset(
    deps=list(RECONCILED_TABLES),
    description="Every attribute on which the sources disagree (name, given name, date, place, region, counts, "
                "partner, role), with each value and the articles that state it.",
    kinds={"duckdb", "polars"}, group_name="quality", owners=["team:tahqiq"],
)
def conflicts(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    tables = {name: warehouse_db.read(f'SELECT * FROM "{name}"') for name in RECONCILED_TABLES}
    tables["articles"] = warehouse_db.read("SELECT * EXCLUDE (body, body_normalized) FROM articles")
    frame = find_conflicts(tables)
    with warehouse_db.writer() as con:
        warehouse.replace_rows(con, "conflicts", frame)
    return dg.MaterializeResult(metadata={
        "conflicts": frame.height,
        "by_attribute": dg.MetadataValue.json(counts_by(frame, "attribute")),
        "by_severity": dg.MetadataValue.json(counts_by(frame, "severity")),
        "preview": preview(frame, ["subject_label", "attribute", "severity", "explanation"], width=90),
        "by_type_chart": conflicts_by_type(frame, reports_dir(warehouse_db.resolved_path())),
    })
