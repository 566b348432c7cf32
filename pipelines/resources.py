"""The resources every asset uses, typed and configurable, defaults resolved at run time."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
from pydantic import Field, PrivateAttr

from tahqiq import warehouse

DEFAULT_WAREHOUSE = "data/warehouse.duckdb"
DEFAULT_INBOX = "data/inbox"
DEFAULT_DOCS_URL = "http://127.0.0.1:3001"


def docs_url() -> str:
    """Where `tahqiq docs` serves the reports and Data Docs (read when a run writes its metadata)."""
    return (os.environ.get("TAHQIQ_DOCS_URL") or DEFAULT_DOCS_URL).rstrip("/")


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse file; one writer at a time.

    Inside a run every step reads and writes the run's own copy of the warehouse, which replaces the
    warehouse when the run succeeds (`warehouse.publish`, called by the runner or the run status sensor):
    readers never see half a batch."""

    path: str = Field(default="", description=f"DuckDB file; empty means $TAHQIQ_WAREHOUSE or {DEFAULT_WAREHOUSE}.")
    _run_id: str | None = PrivateAttr(default=None)
    _instance: dg.DagsterInstance | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self._run_id = context.run_id
        self._instance = context.instance

    def resolved_path(self) -> Path:
        return Path(self.path or os.environ.get("TAHQIQ_WAREHOUSE") or DEFAULT_WAREHOUSE)

    def reports_dir(self) -> Path:
        """Charts go beside the warehouse: data/warehouse.duckdb → data/reports/."""
        return self.resolved_path().parent / "reports"

    def working_path(self) -> Path:
        """The run's copy of the warehouse inside a run, the warehouse itself outside one."""
        if self._run_id is None:
            return self.resolved_path()
        live = self.resolved_path()
        if self._instance is not None and not warehouse.staged_path(live, self._run_id).exists():
            # The run before this one may have finished before its sensor published it.
            settle_staged_copies(self._instance, live, keep=self._run_id)
        return warehouse.staged_copy(live, self._run_id)

    @contextmanager
    def writer(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with warehouse.writer(self.working_path()) as con:
            yield con

    def read(self, sql: str, params: list | None = None) -> pl.DataFrame:
        """Read through a write-capable connection so that a run sees its own fresh tables."""
        with self.writer() as con:
            return warehouse.read_frame(con, sql, params)


def settle_staged_copies(instance: dg.DagsterInstance, live: Path, keep: str | None = None) -> None:
    """Copies of the warehouse left by finished runs: a successful run's is published (its sensor may
    not have run yet), a failed, cancelled or unknown run's dropped (its quality_results kept)."""
    for run_id in warehouse.staged_runs(live):
        run = instance.get_run_by_id(run_id) if run_id != keep else None
        if run_id == keep or (run is not None and not run.is_finished):
            continue
        if run is not None and run.status == dg.DagsterRunStatus.SUCCESS:
            with suppress(warehouse.StaleCopy):  # dropped; the run's sensor records why
                warehouse.publish(live, run_id)
            continue
        warehouse.keep_quality_results(live, run_id)
        warehouse.discard(live, run_id)


def warehouse_of_run(run: dg.DagsterRun) -> Path:
    """The warehouse a run wrote (its run config, else the default)."""
    config = (run.run_config or {}).get("resources", {}).get("warehouse_db", {}).get("config", {})
    return WarehouseResource(path=config.get("path") or "").resolved_path()


class PersonModelResource(dg.ConfigurableResource):
    """The Splink model entity resolution links people with across articles (its comparisons, blocking
    rules and priors: `tahqiq.resolve.entities.PersonModel`); the entities asset shows its name and the
    hash of its settings, so two runs say whether one model linked them."""

    name: str = Field(default="", description="Name shown in the entities' metadata; empty means the model's own.")
    link_threshold_weight: float | None = Field(
        default=None, description="Match weight a link needs; empty means the model's own (LINK_THRESHOLD_WEIGHT)."
    )

    def model(self):
        """The model to resolve with (the resolver is imported with the run, not the code location)."""
        from tahqiq.resolve.entities import DEFAULT_PERSON_MODEL, PersonModel

        return PersonModel(
            name=self.name or DEFAULT_PERSON_MODEL.name,
            link_threshold_weight=(DEFAULT_PERSON_MODEL.link_threshold_weight
                                   if self.link_threshold_weight is None else self.link_threshold_weight),
        )

    def metadata(self) -> dict[str, str]:
        model = self.model()
        return {"person_model": model.name, "person_model_settings_hash": model.settings_hash()}


class NerModelResource(dg.ConfigurableResource):
    """The CRF name tagger extract adds to its rules once a user has trained one (`tahqiq train-ner`):
    extract loads the one at `tahqiq.extract.crf.DEFAULT_MODEL` when it is there. The extract asset shows
    its name and the hash of its files (model, tuned settings, word clusters), or that the rules ran alone."""

    def metadata(self) -> dict[str, str]:
        from tahqiq.extract import crf  # pycrfsuite and the finders load with the run

        model = Path(crf.DEFAULT_MODEL)
        if not model.is_file():
            return {"ner_model": "none: the rules alone"}
        digest = hashlib.sha256()
        for path in (model, crf.settings_path(model), crf.clusters_path(model)):
            if path.is_file():
                digest.update(path.name.encode("utf-8") + path.read_bytes())
        return {"ner_model": model.name, "ner_model_hash": digest.hexdigest()[:12]}


class InboxResource(dg.ConfigurableResource):
    """Where batches arrive: one folder per batch, complete when it holds the marker file."""

    path: str = Field(default="", description=f"Inbox folder; empty means $TAHQIQ_INBOX or {DEFAULT_INBOX}.")
    ready_marker: str = Field(default="_READY", description="File that marks a batch folder as complete.")
    max_file_bytes: int = Field(default=5_000_000, description="Files larger than this are quarantined.")

    def resolved_path(self) -> Path:
        return Path(self.path or os.environ.get("TAHQIQ_INBOX") or DEFAULT_INBOX)

    def batch_dir(self, batch_id: str) -> Path:
        return self.resolved_path() / batch_id

    def complete_batches(self) -> list[str]:
        root = self.resolved_path()
        if not root.is_dir():
            return []
        return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / self.ready_marker).exists())
