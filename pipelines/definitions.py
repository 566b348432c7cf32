"""The code location: every asset, check, job, sensor, schedule and resource of tahqiq."""

import os

import dagster as dg

from assets.extract import extract_batch_asset
from assets.ingest import ingest_batch_asset
from assets.normalize import articles
from assets.publish import data_quality_report, sql_views
from assets.quality import conflicts_asset
from assets.reconcile import entities_asset, events_asset
from expectations.checks import ALL_CHECKS
from pipelines.jobs import process_batch_job
from pipelines.resources import InboxResource, NerModelResource, PersonModelResource, WarehouseResource
from pipelines.schedules import DAILY_AT_SIX, build_inbox_sweep
from pipelines.sensors import inbox_sensor, mark_batch_done, mark_batch_failed

# The sweep's cron is read when the code location loads; `make ui` reloads pick up a change.
daily_inbox_sweep = build_inbox_sweep(os.environ.get("TAHQIQ_SWEEP_CRON") or DAILY_AT_SIX)

defs = dg.Definitions(
    assets=[ingest_batch_asset, articles, extract_batch_asset, entities_asset, events_asset, conflicts_asset,
            sql_views, data_quality_report],
    asset_checks=ALL_CHECKS,
    jobs=[process_batch_job],
    sensors=[inbox_sensor, mark_batch_done, mark_batch_failed],
    schedules=[daily_inbox_sweep],
    resources={"warehouse_db": WarehouseResource(), "inbox": InboxResource(), "person_model": PersonModelResource(),
               "ner_model": NerModelResource()},
    # Every job, process_batch and what the UI's Materialize button builds, runs its steps in one process:
    # they follow one another anyway (each writes the one DuckDB file), and the default multiprocess
    # executor started a process per step (18), each loading the definitions again.
    executor=dg.in_process_executor,
)
