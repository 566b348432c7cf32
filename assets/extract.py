"""Extract: people, organizations, places, dates, counts, weapons and event frames from each article."""

import time

import dagster as dg

from assets.metadata import counts_by, report_progress, table_definition_metadata, table_metadata
from pipelines.partitions import batch_partitions
from pipelines.resources import NerModelResource, WarehouseResource
from tahqiq import warehouse


@dg.multi_asset(
    specs=[
        dg.AssetSpec("extracted_mentions", deps=["articles"],
                     description="Every person, organization, place, date, count and weapon named in the batch's articles, with exact offsets.",
                     kinds={"duckdb", "polars"}, group_name="extract", owners=["team:tahqiq"],
                     metadata=table_definition_metadata("extracted_mentions")),
        dg.AssetSpec("event_frames", deps=["articles"],
                     description="What each article says happened: type, date, place, counts, actors, targets and who claims it.",
                     kinds={"duckdb", "polars"}, group_name="extract", owners=["team:tahqiq"],
                     metadata=table_definition_metadata("event_frames")),
    ],
    partitions_def=batch_partitions,
    name="extract_batch",
)
def extract_batch_asset(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource,
                        ner_model: NerModelResource):
    # Camel-tools and the finders: loaded by the run, not the code location
    from tahqiq.extract.batch import extract_batch

    batch_id = context.partition_key
    batch_articles = warehouse_db.read(
        "SELECT article_id, batch_id, body, own_text_end, published_at FROM articles WHERE batch_id = ? ORDER BY article_id",
        [batch_id])
    started = time.monotonic()

    def progress(done: int, total: int) -> None:
        elapsed = time.monotonic() - started
        rate = done / elapsed if elapsed else 0.0
        left = (total - done) / rate if rate else 0.0
        report_progress(context, f"extracted {done}/{total} articles ({rate:.0f}/s, about {left:.0f}s left)")

    mentions, frames, timed_out = extract_batch(batch_articles, progress=progress)
    with warehouse_db.writer() as con:
        warehouse.replace_rows(con, "extracted_mentions", mentions, "batch_id = ?", [batch_id])
        warehouse.replace_rows(con, "event_frames", frames, "batch_id = ?", [batch_id])
        warehouse.move_to_quarantine(con, batch_id, timed_out, "extraction_timeout")
    where = warehouse_db.resolved_path()
    yield dg.MaterializeResult(asset_key="extracted_mentions", metadata={
        **table_metadata("extracted_mentions", mentions,
                         ["article_id", "entity_type", "surface", "value", "start_char", "end_char"], where),
        "quarantined_over_time_budget": len(timed_out),
        "by_type": dg.MetadataValue.json(counts_by(mentions, "entity_type")),
        "articles_per_second": round(batch_articles.height / max(time.monotonic() - started, 1e-6), 1),
        **ner_model.metadata(),
    })
    yield dg.MaterializeResult(asset_key="event_frames", metadata={
        **table_metadata("event_frames", frames, ["article_id", "event_type", "reported_date", "reported_place",
                                                  "reported_killed", "reported_wounded", "claim_source"], where),
        "by_type": dg.MetadataValue.json(counts_by(frames, "event_type")),
    })
