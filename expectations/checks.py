"""Dagster asset checks: GX integrity suites (blocking) and accuracy signals (warning) that should rarely fire."""

import json
from datetime import UTC, datetime

import dagster as dg
import polars as pl

from assets.metadata import report_progress
from expectations.suites import SUITE_SQL, ExpectationOutcome, kept_result_path, validate_table
from pipelines.resources import WarehouseResource
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
        frame = warehouse_db.read(SUITE_SQL[table]).to_pandas()
        report_progress(context, f"checking {len(frame)} rows of {table} against its expectations")
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


# Accuracy signals: each warns about something that should not happen and names the rows to look at.
# That sources disagree is not one of them: disagreements are the product's result (the `conflicts` table).
# The rules live in tahqiq/quality/checks.py (imported inside the checks: they load the resolvers).


def _warn_unless_empty(offending: pl.DataFrame, id_column: str, what_to_do: str) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        passed=offending.height == 0, severity=dg.AssetCheckSeverity.WARN,
        metadata={"offending": offending.height,
                  "offending_ids": dg.MetadataValue.json(offending[id_column].to_list()),
                  # through polars' JSON, so dates and other non-JSON values arrive as text
                  "rows": dg.MetadataValue.json(json.loads(offending.head(20).write_json())),
                  "what_to_do": dg.MetadataValue.text(what_to_do)})


@dg.asset_check(asset="conflicts", name="no_conflict_rests_on_one_article", blocking=False,
                description="Warns when every value of a conflict comes from one article (two sources it credits "
                            "by name): one reporter's reading, worth a look before it counts as a disagreement.")
def no_conflict_rests_on_one_article(warehouse_db: WarehouseResource) -> dg.AssetCheckResult:
    from tahqiq.quality.checks import conflicts_from_one_article

    conflicts = warehouse_db.read("SELECT conflict_id, subject_label, attribute, n_articles FROM conflicts "
                                  "ORDER BY conflict_id")
    return _warn_unless_empty(conflicts_from_one_article(conflicts), "conflict_id",
                              "Read the article (tahqiq conflicts shows the sentences): if it states one value, "
                              "the extraction rule needs a fix.")


@dg.asset_check(asset="events", name="every_event_reports_agree_within_two_weeks", blocking=False,
                description="Warns about events whose reports' dates lie more than two weeks apart: two "
                            "different events were probably clustered as one.")
def every_event_reports_agree_within_two_weeks(warehouse_db: WarehouseResource) -> dg.AssetCheckResult:
    from tahqiq.quality.checks import events_with_reports_apart

    reports = warehouse_db.read("SELECT event_id, reported_date FROM event_reports")
    return _warn_unless_empty(events_with_reports_apart(reports), "event_id",
                              "Compare the reports (tahqiq query \"SELECT * FROM event_sources WHERE event_id = "
                              "'...'\"); if they describe different events, the clustering needs a fix.")


@dg.asset_check(asset="events", name="every_event_has_a_report", blocking=False,
                description="Warns about events no article reports: a reconciliation fault, since every event "
                            "is built from its reports.")
def every_event_has_a_report(warehouse_db: WarehouseResource) -> dg.AssetCheckResult:
    rows = warehouse_db.read("SELECT event_id FROM events WHERE event_id NOT IN (SELECT event_id FROM event_reports) "
                             "ORDER BY event_id")
    return _warn_unless_empty(rows, "event_id", "Re-run the batch; if it persists, report it with the event ids.")


@dg.asset_check(asset="conflicts", name="every_conflict_has_a_subject", blocking=False,
                description="Warns about conflicts about an event no report states or an entity that is not in "
                            "`entities`: they point at nothing a reader can look up.")
def every_conflict_has_a_subject(warehouse_db: WarehouseResource) -> dg.AssetCheckResult:
    from tahqiq.quality.checks import conflicts_without_subject

    orphans = conflicts_without_subject(
        warehouse_db.read("SELECT conflict_id, subject_kind, subject_id, attribute FROM conflicts ORDER BY conflict_id"),
        warehouse_db.read("SELECT event_id FROM event_reports"),
        warehouse_db.read("SELECT entity_id FROM entities"))
    return _warn_unless_empty(orphans, "conflict_id", "Re-run the batch; if it persists, report it with the "
                              "conflict ids.")


@dg.asset_check(asset="events", name="every_main_event_has_a_date", blocking=False,
                description="Warns about events reported as news (not cited as background) that no article dates.")
def every_main_event_has_a_date(warehouse_db: WarehouseResource) -> dg.AssetCheckResult:
    rows = warehouse_db.read("SELECT event_id FROM events WHERE event_date IS NULL AND NOT coalesce(is_background, false) "
                             "ORDER BY event_id")
    return _warn_unless_empty(rows, "event_id", "Relative dates (أمس, يوم الجمعة) need the article's publication date: "
                              "add published_at for the batch's files in a manifest.csv (file, url, outlet, "
                              "published_at) and run the batch again.")


ALL_CHECKS = [_integrity_check(table) for table in SUITE_SQL] + [
    no_conflict_rests_on_one_article, every_conflict_has_a_subject, every_event_reports_agree_within_two_weeks,
    every_event_has_a_report, every_main_event_has_a_date]
