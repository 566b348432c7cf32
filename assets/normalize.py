"""Normalize: raw articles become `articles` with camel-tools matching text and near-duplicate links."""

import dagster as dg

from assets.metadata import report_progress, table_definition_metadata, table_metadata
from pipelines.partitions import batch_partitions
from pipelines.resources import WarehouseResource
from tahqiq import warehouse


@dg.asset(
    deps=["raw_articles"],
    partitions_def=batch_partitions,
    description="One row per distinct article: display text, normalized matching text, outlet, date and duplicate links.",
    kinds={"duckdb", "polars"}, group_name="normalize", owners=["team:tahqiq"],
    metadata=table_definition_metadata("articles"),
)
def articles(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    # Camel-tools: loaded by the run, not the code location
    from tahqiq.text.articles import build_articles

    batch_id = context.partition_key
    raw = warehouse_db.read("SELECT * FROM raw_articles WHERE batch_id = ? ORDER BY source_file", [batch_id])
    earlier = warehouse_db.read(
        "SELECT a.article_id, f.minhash, a.duplicate_of FROM articles a LEFT JOIN article_fingerprints f "
        "USING (article_id) WHERE a.batch_id <> ? ORDER BY a.ingested_at, a.article_id", [batch_id])
    report_progress(context, f"normalizing {raw.height} articles and linking near-duplicates")
    frame, fingerprints = build_articles(raw, earlier)
    with warehouse_db.writer() as con:
        warehouse.replace_rows(con, "articles", frame, "batch_id = ?", [batch_id])
        warehouse.replace_rows(con, "article_fingerprints", fingerprints, "batch_id = ?", [batch_id])
    return dg.MaterializeResult(metadata={
        **table_metadata("articles", frame, ["article_id", "source_file", "outlet", "published_at", "title",
                                             "duplicate_of"], warehouse_db.resolved_path()),
        "near_duplicates": int(frame["duplicate_of"].is_not_null().sum()) if frame.height else 0,
        "without_date": int(frame["published_at"].is_null().sum()) if frame.height else 0,
        "without_outlet": int(frame["outlet"].is_null().sum()) if frame.height else 0,
    })
