"""The warn checks fire on what is wrong, name the rows, and stay quiet when sources merely disagree."""

from __future__ import annotations

import json

import polars as pl
import pytest

from expectations.checks import (
    every_conflict_has_a_subject,
    every_event_has_a_report,
    every_event_reports_agree_within_two_weeks,
    every_main_event_has_a_date,
    no_conflict_rests_on_one_article,
)
from pipelines.resources import WarehouseResource
from tahqiq import warehouse


def _values(*pairs: tuple[str, list[str]]) -> str:
    return json.dumps([{"value": v, "article_ids": ids, "outlets": []} for v, ids in pairs])


@pytest.fixture
def warehouse_db(tmp_path) -> WarehouseResource:
    resource = WarehouseResource(path=str(tmp_path / "w.duckdb"))
    events = pl.DataFrame({
        "event_id": ["E_ok", "E_spread", "E_unreported", "E_undated", "E_background"],
        "event_type": ["air_strike"] * 5,
        "event_date": ["2024-03-08", "2024-03-01", "2024-03-08", None, None],
        "is_background": [False, False, False, False, True],
    })
    reports = pl.DataFrame({
        "event_id": ["E_ok", "E_ok", "E_spread", "E_spread", "E_undated", "E_background"],
        "article_id": ["a1", "a2", "a3", "a4", "a5", "a6"],
        "reported_date": ["2024-03-08", "2024-03-07", "2024-03-01", "2024-04-20", None, "2024"],
    })
    conflicts = pl.DataFrame({
        "conflict_id": ["C_disagree", "C_self", "C_orphan"],
        "subject_kind": ["event", "event", "event"],
        "subject_id": ["E_ok", "E_ok", "E_gone"],
        "attribute": ["event_date", "killed", "place"],
        "values": [_values(("2024-03-08", ["a1"]), ("2024-03-07", ["a2"])),
                   _values(("3", ["a1"]), ("5", ["a1"])),
                   _values(("درنج", ["a1"]), ("درنيج", ["a2"]))],
        "severity": ["medium", "high", "info"],
        "n_articles": [2, 1, 2],
        "explanation": ["dates differ", "the command and the monitor, in one article", "two spellings"],
    })
    entities = pl.DataFrame({"entity_id": ["P_1"], "entity_type": ["PERSON"], "canonical_name": ["أبو بلال"]})
    with resource.writer() as con:
        warehouse.replace_rows(con, "events", events)
        warehouse.replace_rows(con, "event_reports", reports)
        warehouse.replace_rows(con, "conflicts", conflicts)
        warehouse.replace_rows(con, "entities", entities)
    return resource


def offending(result) -> list:
    return result.metadata["offending_ids"].value


def test_a_disagreement_between_articles_is_not_a_failure_but_one_article_against_itself_is(warehouse_db):
    result = no_conflict_rests_on_one_article(warehouse_db=warehouse_db)
    assert not result.passed and offending(result) == ["C_self"]


def test_reports_weeks_apart(warehouse_db):
    result = every_event_reports_agree_within_two_weeks(warehouse_db=warehouse_db)
    assert not result.passed and offending(result) == ["E_spread"]
    assert result.metadata["rows"].value[0]["first_day"] == "2024-03-01"  # dates reach the UI as JSON


def test_a_conflict_about_nothing_known(warehouse_db):
    result = every_conflict_has_a_subject(warehouse_db=warehouse_db)
    assert not result.passed and offending(result) == ["C_orphan"]


def test_an_event_no_article_reports(warehouse_db):
    result = every_event_has_a_report(warehouse_db=warehouse_db)
    assert not result.passed and offending(result) == ["E_unreported"]


def test_an_undated_main_event_but_not_an_undated_background_one(warehouse_db):
    result = every_main_event_has_a_date(warehouse_db=warehouse_db)
    assert not result.passed and offending(result) == ["E_undated"]
    assert "manifest.csv" in result.metadata["what_to_do"].value
