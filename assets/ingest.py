"""Ingest: a batch folder becomes `raw_articles` and `quarantine` rows in the warehouse."""

from datetime import UTC, datetime
from pathlib import Path

import dagster as dg

from assets.metadata import counts_by, report_progress, table_definition_metadata, table_metadata
from pipelines.partitions import batch_partitions
from pipelines.resources import InboxResource, WarehouseResource
from tahqiq import warehouse


class BatchSource(dg.Config):
    input_dir: str = ""  # empty: the inbox folder named after the partition


@dg.multi_asset(
    specs=[
        dg.AssetSpec("raw_articles", description="Every readable article of the batch, decoded and stripped of page furniture.",
                     kinds={"duckdb", "polars"}, group_name="ingest", owners=["team:tahqiq"],
                     metadata=table_definition_metadata("raw_articles")),
        dg.AssetSpec("quarantine", description="Every input file that could not become an article, with the reason and what to do.",
                     kinds={"duckdb", "polars"}, group_name="ingest", owners=["team:tahqiq"],
                     metadata=table_definition_metadata("quarantine")),
    ],
    partitions_def=batch_partitions,
    name="ingest_batch",
)
def ingest_batch_asset(context: dg.AssetExecutionContext, config: BatchSource,
                       warehouse_db: WarehouseResource, inbox: InboxResource):
    # The readers: loaded by the run, not the code location
    from tahqiq.ingest.batch import ingest_batch

    batch_id = context.partition_key
    folder = Path(config.input_dir) if config.input_dir else inbox.batch_dir(batch_id)
    if not folder.is_dir():
        raise dg.Failure(f"batch folder {folder} does not exist; check --input or the inbox path")
    earlier = warehouse_db.read("SELECT content_hash, batch_id || '/' || source_file AS origin FROM raw_articles "
                                "WHERE batch_id <> ?", [batch_id])
    earlier_hashes = dict(zip(earlier["content_hash"].to_list(), earlier["origin"].to_list(), strict=True))

    def progress(done: int, total: int) -> None:
        if done == total or done % 1000 == 0:
            report_progress(context, f"read {done}/{total} files of batch {batch_id}")

    raw, quarantined = ingest_batch(folder, batch_id, datetime.now(UTC).replace(tzinfo=None), earlier_hashes,
                                    max_bytes=inbox.max_file_bytes, progress=progress)
    with warehouse_db.writer() as con:
        warehouse.replace_rows(con, "raw_articles", raw, "batch_id = ?", [batch_id])
        warehouse.replace_rows(con, "quarantine", quarantined, "batch_id = ?", [batch_id])
    where = warehouse_db.resolved_path()
    yield dg.MaterializeResult(asset_key="raw_articles", metadata={
        **table_metadata("raw_articles", raw, ["source_file", "outlet", "published_at", "title"], where),
        "batch_folder": dg.MetadataValue.path(str(folder.resolve())),
        "by_outlet": dg.MetadataValue.json(counts_by(raw, "outlet")),
    })
    yield dg.MaterializeResult(asset_key="quarantine", metadata={
        **table_metadata("quarantine", quarantined, ["source_file", "reason", "detail"], where, width=90),
        "by_reason": dg.MetadataValue.json(counts_by(quarantined, "reason")),
    })
