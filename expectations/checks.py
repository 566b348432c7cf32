"""Dagster asset checks: GX integrity suites (blocking) and cross-source consistency (warning)."""

import json
from datetime import UTC, datetime

import dagster as dg
import polars as pl

from assets.resources import WarehouseResource
from expectations.suites import SUITES, ExpectationOutcome, kept_result_path, validate_table
from tahqiq import warehouse


def store_outcomes(warehouse_db: WarehouseResource, run: dg.DagsterRun, table: str,
                   outcomes: list[ExpectationOutcome]) -> None:
    """The run's results for `table`, replacing those of the last run of the same batch (a re-run
    changes no row count)."""
    checked_at = datetime.now(UTC).replace(tzinfo=None)
    batch_id = run.tags.get("dagster/partition") or run.run_id
    frame = pl.DataFrame([{**o.__dict__, "run_id": run.run_id, "batch_id": batch_id, "checked_at": checked_at}
                          for o in outcomes], schema_overrides=warehouse.polars_schema("quality_results"))
    with warehouse_db.writer() as con:
        warehouse.replace_rows(con, "quality_results", frame, "batch_id = ? AND table_name = ?", [batch_id, table])


def _integrity_check(table: str) -> dg.AssetChecksDefinition:
    """The blocking check of `table`'s suite, on the asset of the same name (the one that writes it)."""

    @dg.asset_check(
        asset=table, name=f"{table}_meet_integrity_expectations", blocking=True,
        description=f"Great Expectations suite for `{table}`: schema, nulls, uniqueness, allowed values, "
                    "ranges and references to other tables. Blocks downstream stages when it fails.",
    )
    def check(context: dg.AssetCheckExecutionContext, warehouse_db: WarehouseResource) -> dg.AssetCheckResult:
        sql, _ = SUITES[table]
        frame = warehouse_db.read(sql).to_pandas()
        kept = kept_result_path(warehouse_db.resolved_path().parent, context.run.run_id, table)
        outcomes = validate_table(table, frame, keep_in=kept)
        store_outcomes(warehouse_db, context.run, table, outcomes)
        failed = [o for o in outcomes if not o.success]
        return dg.AssetCheckResult(
            passed=not failed,
            severity=dg.AssetCheckSeverity.ERROR,
            metadata={
                "rows_checked": len(frame),
                "expectations": len(outcomes),
                "failed": dg.MetadataValue.json([{"expectation": o.expectation, "unexpected": o.unexpected_count,
                                                  "sample": o.details} for o in failed]),
            },
        )

    return check


def _disagreements(warehouse_db: WarehouseResource, subject_kind: str) -> pl.DataFrame:
    return warehouse_db.read(
        "SELECT subject_id, subject_label, attribute, severity FROM conflicts WHERE subject_kind = ? "
        "ORDER BY severity, subject_id", [subject_kind])


@dg.asset_check(asset="conflicts", name="sources_agree_on_every_event", blocking=False,
                description="Warns, with the event ids, when outlets disagree on an event's date, place, counts or partners.")
def sources_agree_on_every_event(warehouse_db: WarehouseResource) -> dg.AssetCheckResult:
    rows = _disagreements(warehouse_db, "event")
    return dg.AssetCheckResult(
        passed=rows.height == 0, severity=dg.AssetCheckSeverity.WARN,
        metadata={"disputed_events": rows["subject_id"].n_unique() if rows.height else 0,
                  "offending_ids": dg.MetadataValue.json(sorted(set(rows["subject_id"].to_list()))),
                  "attributes": dg.MetadataValue.json(json.loads(rows.group_by("attribute").len()
                                                                 .write_json()) if rows.height else [])})


@dg.asset_check(asset="conflicts", name="sources_agree_on_every_person", blocking=False,
                description="Warns, with the entity ids, when outlets give one person different names, given names or roles.")
def sources_agree_on_every_person(warehouse_db: WarehouseResource) -> dg.AssetCheckResult:
    rows = _disagreements(warehouse_db, "entity")
    return dg.AssetCheckResult(
        passed=rows.height == 0, severity=dg.AssetCheckSeverity.WARN,
        metadata={"disputed_entities": rows["subject_id"].n_unique() if rows.height else 0,
                  "offending_ids": dg.MetadataValue.json(sorted(set(rows["subject_id"].to_list())))})


@dg.asset_check(asset="events", name="every_event_has_a_date", blocking=False,
                description="Warns, with the event ids, about events no article dates.")
def every_event_has_a_date(warehouse_db: WarehouseResource) -> dg.AssetCheckResult:
    rows = warehouse_db.read("SELECT event_id FROM events WHERE event_date IS NULL ORDER BY event_id")
    return dg.AssetCheckResult(passed=rows.height == 0, severity=dg.AssetCheckSeverity.WARN,
                               metadata={"undated_events": rows.height,
                                         "offending_ids": dg.MetadataValue.json(rows["event_id"].to_list())})


ALL_CHECKS = [_integrity_check(table) for table in SUITES] + [
    sources_agree_on_every_event, sources_agree_on_every_person, every_event_has_a_date]
