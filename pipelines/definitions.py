"""The code location: every asset, check, job, sensor, schedule and resource of tahqiq."""

import dagster as dg

from assets.extract import extract_batch_asset
from assets.ingest import ingest_batch_asset
from assets.normalize import articles
from assets.quality import conflicts
from assets.reconcile import reconcile_asset
from expectations.checks import ALL_CHECKS
from pipelines.jobs import process_batch_job
from pipelines.resources import InboxResource, WarehouseResource
from pipelines.schedules import daily_inbox_sweep
from pipelines.sensors import inbox_sensor, mark_batch_done, mark_batch_failed

defs = dg.Definitions(
    assets=[ingest_batch_asset, articles, extract_batch_asset, reconcile_asset, conflicts],
    asset_checks=ALL_CHECKS,
    jobs=[process_batch_job],
    sensors=[inbox_sensor, mark_batch_done, mark_batch_failed],
    schedules=[daily_inbox_sweep],
    resources={"warehouse_db": WarehouseResource(), "inbox": InboxResource()},
)
