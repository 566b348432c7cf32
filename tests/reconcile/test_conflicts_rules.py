"""Conflict rules on constructed reports and person rows."""

import json

import polars as pl

from tahqiq.reconcile.conflicts import _date_conflict, _partner_conflict, person_conflicts


def _report(article, date=None, claim=None, outlet=None):
    return {"article_id": article, "reported_date": date, "partner_claim": claim, "outlet": outlet}


def _values(row):
    return {v["value"]: v["article_ids"] for v in json.loads(row["values"])}


def test_date_severity_scale():
    calendar = {("a", "2024-03-08"): "day_month", ("b", "2024-03-07"): "day_month"}
    one_day = [_report("a", "2024-03-08"), _report("b", "2024-03-07")]
    assert _date_conflict("E", "", one_day, calendar)["severity"] == "medium"
    assert _date_conflict("E", "", one_day, {})["severity"] == "low"
    apart = [_report("a", "2024-03-10"), _report("b", "2024-03-07")]
    calendar_apart = {("a", "2024-03-10"): "day_month", ("b", "2024-03-07"): "day_month"}
    assert _date_conflict("E", "", apart, calendar_apart)["severity"] == "high"
    assert _date_conflict("E", "", apart, {})["severity"] == "medium"
    week = [_report("a", "2024-03-15"), _report("b", "2024-03-07")]
    assert _date_conflict("E", "", week, {})["severity"] == "high"
    assert _date_conflict("E", "", [_report("a", "2024-03"), _report("b", "2024-03-07")], {}) is None


def test_partner_contested_in_one_article_is_one_medium_row():
    row = _partner_conflict("E", "", [_report("a", claim="contested", outlet="x.net")])
    assert row["severity"] == "medium"
    assert _values(row) == {"joint": ["a"], "unilateral": ["a"]}
    assert "same article" in row["explanation"]


def test_partner_joint_vs_unilateral_across_articles():
    row = _partner_conflict("E", "", [_report("a", claim="joint"), _report("b", claim="unilateral")])
    assert _values(row) == {"joint": ["a"], "unilateral": ["b"]}
    assert "same article" not in row["explanation"]
    assert _partner_conflict("E", "", [_report("a", claim="joint"), _report("b", claim="joint")]) is None


def _person(entity, article, surface, key, kunya):
    return {"entity_id": entity, "article_id": article, "outlet": None, "surface": surface, "key": key,
            "kunya": kunya}  # fmt: skip


def test_kunya_in_some_articles_only_is_an_info_name_conflict():
    rows = [
        _person("P", "a", "سالم حمد", "سالم حمد", None),
        _person("P", "a", "أبو عمر", "", "ابو عمر"),
        _person("P", "b", "أبو عمر", "", "ابو عمر"),
    ]
    (row,) = [r for r in person_conflicts(pl.DataFrame(rows), {}) if r["attribute"] == "name"]
    assert row["severity"] == "info"
    assert _values(row) == {"سالم حمد": ["a"], "أبو عمر": ["a", "b"]}


def test_every_article_giving_both_forms_is_no_name_conflict():
    rows = [
        _person("P", "a", "سالم حمد", "سالم حمد", None),
        _person("P", "a", "أبو عمر", "", "ابو عمر"),
        _person("P", "b", "سالم حمد", "سالم حمد", None),
        _person("P", "b", "أبو عمر", "", "ابو عمر"),
    ]
    assert not [r for r in person_conflicts(pl.DataFrame(rows), {}) if r["attribute"] == "name"]
