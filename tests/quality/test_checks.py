"""The faults a check flags: events whose reports are weeks apart, conflicts about no known subject."""

import polars as pl

from tahqiq import warehouse
from tahqiq.quality.checks import conflicts_without_subject, events_with_reports_apart


def _reports(*rows):
    return warehouse.conform(
        pl.DataFrame([{"event_id": e, "reported_date": d} for e, d in rows]), "event_reports"
    )


def test_events_whose_reports_are_weeks_apart():
    reports = _reports(("E1", "2018-03-01"), ("E1", "2018-03-30"), ("E2", "2018-03-01"), ("E2", "2018-03"),
                       ("E3", None))  # fmt: skip
    found = events_with_reports_apart(reports)
    assert found.select("event_id", "spread_days").rows() == [("E1", 29)]


def test_conflicts_about_no_known_subject():
    conflicts = warehouse.conform(pl.DataFrame({"conflict_id": ["C1", "C2", "C3"], "subject_id": ["E1", "P1", "E9"]}),
                                  "conflicts")  # fmt: skip
    entities = warehouse.conform(pl.DataFrame({"entity_id": ["P1"]}), "entities")
    found = conflicts_without_subject(conflicts, _reports(("E1", "2018-03-01")), entities)
    assert found["conflict_id"].to_list() == ["C3"]
