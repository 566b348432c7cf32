"""Great Expectations suites, one per warehouse table, and the runner that stores their results.

Integrity expectations (schema, nulls, uniqueness, allowed values, ranges, references between tables)
guard the warehouse; a failure blocks the stages downstream. The frames are validated in pandas
because GX has no DuckDB data source.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from expectations.offline_docs import make_offline
from tahqiq import warehouse

if TYPE_CHECKING:  # GX and pandas load in ~2 s: imported where a suite runs, not when the definitions load
    import great_expectations as gx
    import pandas as pd

PRECISIONS = ["day", "month", "year", "interval"]
ROLES = ["actor", "target", "partner", "claimant"]
SEVERITIES = ["high", "medium", "low", "info"]
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?(T[\d:.]+(Z|[+-][\d:]+)?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$"


def _schema(table: str, left_out: tuple[str, ...] = ()) -> list:
    """Every column of the table is there (`left_out`: columns the suite's SQL does not select)."""
    import great_expectations.expectations as gxe

    expected = [c for c in warehouse.columns(table) if c not in left_out]
    return [gxe.ExpectTableColumnsToMatchSet(column_set=expected, exact_match=False)]


def _key(column: str) -> list:
    import great_expectations.expectations as gxe

    return [gxe.ExpectColumnValuesToNotBeNull(column=column), gxe.ExpectColumnValuesToBeUnique(column=column)]


def _references(column: str):
    """The frame carries `<column>_exists` (computed in SQL against the referenced table)."""
    import great_expectations.expectations as gxe

    return gxe.ExpectColumnValuesToBeInSet(column=f"{column}_exists", value_set=[True])


# table -> SQL that produces the frame its suite validates
SUITE_SQL: dict[str, str] = {
    "articles": "SELECT * EXCLUDE (body, body_normalized), length(body) AS body_length FROM articles",
    "quarantine": "SELECT * FROM quarantine",
    "mentions": """SELECT m.mention_id, m.entity_type, m.start_char, m.end_char, m.value, m.entity_id,
                  a.article_id IS NOT NULL AS article_id_exists,
                  coalesce(substr(a.body, m.start_char + 1, m.end_char - m.start_char) = m.surface, false)
                      AS surface_matches_body,
                  (m.entity_type IN ('DATE', 'COUNT')) = (m.entity_id IS NULL) AS entity_link_as_expected
           FROM mentions m LEFT JOIN articles a USING (article_id)""",
    "entities": "SELECT * FROM entities",
    "entity_aliases": """SELECT x.*, e.entity_id IS NOT NULL AS entity_id_exists
           FROM entity_aliases x LEFT JOIN entities e USING (entity_id)""",
    "events": "SELECT * FROM events",
    "event_reports": """SELECT r.event_id, r.article_id, r.reported_date, r.reported_killed,
                  e.event_id IS NOT NULL AS event_id_exists, a.article_id IS NOT NULL AS article_id_exists
           FROM event_reports r LEFT JOIN events e USING (event_id) LEFT JOIN articles a USING (article_id)""",
    "event_participants": """SELECT p.*, e.event_id IS NOT NULL AS event_id_exists, n.entity_id IS NOT NULL AS entity_id_exists
           FROM event_participants p LEFT JOIN events e USING (event_id) LEFT JOIN entities n USING (entity_id)""",
    "conflicts": "SELECT * FROM conflicts",
}


def suite_expectations(table: str) -> list:
    """The expectations of `table`'s suite (built on demand: GX's import is the slow part of loading)."""
    import great_expectations.expectations as gxe

    from tahqiq.extract.events import EVENT_TYPES
    from tahqiq.extract.mention import ENTITY_TYPES
    from tahqiq.ingest.readers import QUARANTINE_REASONS

    suites = {
        "articles": [*_schema("articles", left_out=("body", "body_normalized")), *_key("article_id"),
            gxe.ExpectColumnValuesToBeUnique(column="content_hash"),
            gxe.ExpectColumnValuesToNotBeNull(column="batch_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="source_file"),
            gxe.ExpectColumnValuesToBeBetween(column="body_length", min_value=1),
            gxe.ExpectColumnValuesToMatchRegex(column="published_at", regex=ISO_DATE)],
        "quarantine": [*_schema("quarantine"), gxe.ExpectColumnValuesToNotBeNull(column="source_file"),
            gxe.ExpectColumnValuesToBeInSet(column="reason", value_set=list(QUARANTINE_REASONS)),
            gxe.ExpectColumnValuesToNotBeNull(column="detail")],
        "mentions": [*_key("mention_id"),
            gxe.ExpectColumnValuesToBeInSet(column="entity_type", value_set=list(ENTITY_TYPES)),
            gxe.ExpectColumnValuesToBeBetween(column="start_char", min_value=0),
            gxe.ExpectColumnValuesToBeInSet(column="surface_matches_body", value_set=[True]),
            gxe.ExpectColumnValuesToBeInSet(column="entity_link_as_expected", value_set=[True]),
            _references("article_id")],
        "entities": [*_schema("entities"), *_key("entity_id"),
            gxe.ExpectColumnValuesToBeInSet(column="entity_type", value_set=["PERSON", "ORG", "LOC", "WEAPON"]),
            gxe.ExpectColumnValuesToNotBeNull(column="canonical_name"),
            gxe.ExpectColumnValuesToBeBetween(column="n_mentions", min_value=1),
            gxe.ExpectColumnValuesToBeBetween(column="n_articles", min_value=1)],
        "entity_aliases": [*_schema("entity_aliases"), gxe.ExpectColumnValuesToNotBeNull(column="alias"),
            _references("entity_id")],
        "events": [*_schema("events"), *_key("event_id"),
            gxe.ExpectColumnValuesToBeInSet(column="event_type", value_set=list(EVENT_TYPES)),
            gxe.ExpectColumnValuesToBeInSet(column="date_precision", value_set=PRECISIONS),
            gxe.ExpectColumnValuesToMatchRegex(column="event_date", regex=ISO_DATE),
            gxe.ExpectColumnValuesToBeBetween(column="killed", min_value=0, max_value=100000),
            gxe.ExpectColumnValuesToBeBetween(column="wounded", min_value=0, max_value=100000),
            gxe.ExpectColumnValuesToBeBetween(column="latitude", min_value=-90, max_value=90),
            gxe.ExpectColumnValuesToBeBetween(column="longitude", min_value=-180, max_value=180),
            gxe.ExpectColumnValuesToBeBetween(column="n_articles", min_value=1)],
        "event_reports": [gxe.ExpectColumnValuesToNotBeNull(column="event_id"), _references("event_id"),
            _references("article_id"),
            gxe.ExpectColumnValuesToBeBetween(column="reported_killed", min_value=0, max_value=100000)],
        "event_participants": [*_schema("event_participants"), gxe.ExpectColumnValuesToBeInSet(column="role", value_set=ROLES),
            _references("event_id"), _references("entity_id")],
        "conflicts": [*_schema("conflicts"), *_key("conflict_id"),
            gxe.ExpectColumnValuesToBeInSet(column="subject_kind", value_set=["entity", "event"]),
            gxe.ExpectColumnValuesToBeInSet(column="severity", value_set=SEVERITIES),
            gxe.ExpectColumnValuesToNotBeNull(column="explanation"),
            gxe.ExpectColumnValuesToNotBeNull(column="values")],
    }
    return suites[table]


@dataclass
class ExpectationOutcome:
    table_name: str
    expectation: str
    success: bool
    unexpected_count: int
    details: str


@lru_cache(maxsize=1)
def _context() -> gx.data_context.AbstractDataContext:
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)  # keeps the terminal readable
    return context


def _describe(config) -> str:
    column = config.kwargs.get("column")
    return f"{config.type}({column})" if column else config.type


def validate_table(table: str, frame: pd.DataFrame, keep_in: Path | None = None) -> list[ExpectationOutcome]:
    """Run the table's suite on its frame; one outcome per expectation. With `keep_in` (a file path)
    the full GX result is also written there as JSON, for `build_data_docs` to render without
    validating the table a second time."""
    import great_expectations as gx

    context = _context()
    name = f"{table}_suite"
    suite = gx.ExpectationSuite(name=name, expectations=suite_expectations(table))
    source = context.data_sources.add_or_update_pandas(name=f"{table}_frames")
    asset = source.add_dataframe_asset(name=f"{table}_{id(frame)}")
    batch = asset.add_batch_definition_whole_dataframe("whole").get_batch(batch_parameters={"dataframe": frame})
    result = batch.validate(suite, result_format="SUMMARY")
    if keep_in is not None:
        keep_in.parent.mkdir(parents=True, exist_ok=True)
        keep_in.write_text(json.dumps(result.to_json_dict()), encoding="utf-8")
    outcomes = []
    for item in result.results:
        detail = item.result.get("partial_unexpected_list") or item.result.get("details") or ""
        outcomes.append(ExpectationOutcome(
            table_name=table, expectation=_describe(item.expectation_config), success=bool(item.success),
            unexpected_count=int(item.result.get("unexpected_count") or (0 if item.success else 1)),
            details=str(detail)[:500]))
    return outcomes


def data_docs_dir(warehouse_path: Path) -> Path:
    return warehouse_path.parent / "data_docs"


DOCS_SITE = "tahqiq_data_docs"


def _file_context(project_dir: Path, docs_dir: Path) -> gx.data_context.AbstractDataContext:
    """A GX project on disk (`<project_dir>/gx/`) whose Data Docs site is `docs_dir`."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    context = gx.get_context(mode="file", project_root_dir=str(project_dir))
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    context.variables.save()
    site = {"class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir.resolve())},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"}}
    if DOCS_SITE in context.list_data_docs_sites():
        context.update_data_docs_site(DOCS_SITE, site)
    else:
        context.add_data_docs_site(DOCS_SITE, site)
    return context


def kept_result_path(project_dir: Path, run_id: str, table: str) -> Path:
    """Where a run's integrity check leaves the GX result of `table` for the Data Docs."""
    return project_dir / "gx" / "uncommitted" / "check_results" / run_id / f"{table}.json"


def build_data_docs(
    tables: list[str], read_frame: Callable[[str], pd.DataFrame], project_dir: Path, docs_dir: Path, run_id: str
) -> Path:
    """Render every table's validation result of this run into the Data Docs; returns the index.html.

    A table whose integrity check already ran in this run left its result as JSON
    (`kept_result_path`): it is rendered as is. Any other table is read (`read_frame`) and validated
    here. The suites and results persist in `<project_dir>/gx/`, so the site shows the history of runs.
    """
    import great_expectations as gx
    from great_expectations.core.expectation_validation_result import ExpectationSuiteValidationResultSchema
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    context = _file_context(project_dir, docs_dir)
    run = RunIdentifier(run_name=run_id)
    for table in tables:
        suite_name = f"{table}_suite"
        context.suites.add_or_update(gx.ExpectationSuite(name=suite_name, expectations=suite_expectations(table)))
        kept = kept_result_path(project_dir, run_id, table)
        if not kept.exists():
            validate_table(table, read_frame(table), keep_in=kept)
        result = ExpectationSuiteValidationResultSchema().load(json.loads(kept.read_text(encoding="utf-8")))
        result.meta["run_id"] = run  # the Dagster run that validated it names the result in the docs
        suite_id = ExpectationSuiteIdentifier(name=suite_name)
        context.validation_results_store.store_validation_results(
            suite_validation_result=result,
            suite_validation_result_identifier=ValidationResultIdentifier(
                expectation_suite_identifier=suite_id, run_id=run, batch_identifier=f"{table}-whole"),
            expectation_suite_identifier=suite_id,
        )
        kept.unlink()
    context.build_data_docs(site_names=[DOCS_SITE])
    make_offline(docs_dir)
    return docs_dir / "index.html"
