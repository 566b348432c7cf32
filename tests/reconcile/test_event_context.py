"""Event clustering with near dates and name keys, and person merges through a shared event."""

import json

import polars as pl
from reconcile_builders import Article, conflicts_on, empty_registry, entity_of, event_of, tables

from tahqiq.reconcile import reconcile
from tahqiq.reconcile.events import name_keys, summarize_events
from tahqiq.text.normalize import normalize_text


def run(*articles):
    arts, mentions, frames = tables(*articles)
    return reconcile(arts, mentions, frames, empty_registry())


def report(article_id, surfaces=(), date="2023-07-07", event_type="drone_strike", admin1="Aleppo", **fields):
    art = Article(article_id, outlet=article_id).text("خبر عن عملية ")
    targets = []
    for surface in surfaces:
        targets.append(art.mention("PERSON", surface))
        art.text(" و ")
    art.frame(event_type, targets=targets, reported_date=date, date_precision="day", admin1=admin1,
              country="SY", **fields)  # fmt: skip
    return art, targets


def test_name_keys_are_kunya_surname_and_nisba():
    assert name_keys(normalize_text("أبو بلال العراقي")) == sorted(
        {normalize_text("أبو بلال"), normalize_text("العراقي")}
    )
    assert name_keys(normalize_text("الراوي")) == [normalize_text("الراوي")]
    assert name_keys(normalize_text("مصعب")) == []


def test_targets_sharing_a_surname_one_day_apart_are_one_event_with_a_date_conflict():
    first, _ = report("a1", ["مصعب الراوي"], date="2023-07-08")
    second, _ = report("a2", ["أبو بلال الراوي"], date="2023-07-07")
    result = run(first, second)
    assert event_of(result, "a1:ev1") == event_of(result, "a2:ev1")
    rows = conflicts_on(result, "event_date")
    assert {v["value"] for v in json.loads(rows["values"][0])} == {"2023-07-07", "2023-07-08"}


def test_targets_sharing_a_surname_a_week_apart_stay_two_events():
    first, _ = report("a1", ["مصعب الراوي"], date="2023-07-08")
    second, _ = report("a2", ["أبو بلال الراوي"], date="2023-07-15")
    result = run(first, second)
    assert event_of(result, "a1:ev1") != event_of(result, "a2:ev1")


def test_raid_types_on_the_next_day_at_one_village_with_one_toll_cluster():
    same = {"admin1": "Raqqa", "place_ref": "x-village", "place_precision": "village", "reported_killed": 3}
    first, _ = report("a1", date="2023-08-21", event_type="airdrop", **same)
    second, _ = report("a2", date="2023-08-22", event_type="ground_raid", **same)
    other, _ = report("a3", date="2023-08-22", event_type="ground_raid", admin1="Idlib", reported_killed=3)
    result = run(first, second, other)
    assert event_of(result, "a1:ev1") == event_of(result, "a2:ev1")
    assert event_of(result, "a3:ev1") != event_of(result, "a1:ev1")
    assert conflicts_on(result, "event_date").height == 1


def test_raids_on_consecutive_days_in_one_governorate_with_nothing_else_in_common_stay_apart():
    # A governorate, a day apart and a raid are what two different raids share too.
    first, _ = report("a1", date="2023-08-21", event_type="airdrop", admin1="Raqqa")
    second, _ = report("a2", date="2023-08-22", event_type="ground_raid", admin1="Raqqa")
    result = run(first, second)
    assert event_of(result, "a1:ev1") != event_of(result, "a2:ev1")


def test_co_targets_of_one_event_sharing_a_kunya_or_surname_are_one_person():
    first, (full, kunya) = report("a1", ["مصعب الراوي", "أبو بلال"])
    second, (nisba,) = report("a2", ["أبو بلال العراقي"])
    third, (mixed,) = report("a3", ["أبو بلال الراوي"])
    result = run(first, second, third)
    ids = {entity_of(result, m) for m in (full, kunya, nisba, mixed)}
    assert len(ids) == 1
    # A kunya carries no given name: no given_name conflict between مصعب and بلال.
    assert conflicts_on(result, "given_name").height == 0


def test_one_shared_nisba_outside_a_shared_event_is_two_people():
    first, (a,) = report("a1", ["أبو يوسف الحمصي"], date="2023-07-07")
    second, (b,) = report("a2", ["أبو يوسف الحمصي"], date="2023-09-20", admin1="Homs")
    third, (c,) = report("a3", ["حمزة الحمصي"], date="2023-11-02", admin1="Homs")
    result = run(first, second, third)
    assert entity_of(result, c) not in {entity_of(result, a), entity_of(result, b)}


def test_co_targets_with_different_kunyas_stay_apart():
    first, (a,) = report("a1", ["أبو يوسف الحمصي"])
    second, (b,) = report("a2", ["أبو خالد الحمصي"])
    result = run(first, second)
    assert entity_of(result, a) != entity_of(result, b)
    assert result["mentions"].filter(pl.col("entity_type") == "PERSON")["entity_id"].n_unique() == 2


def _summary_row(article_id: str, event_type: str) -> dict:
    return {"event_id": "E1", "article_id": article_id, "outlet": article_id, "reported_type": event_type,
            "reported_date": "2018-08-09", "date_precision": "day", "date_method": "relative_to_published",
            "date_partial": None, "is_background": False, "place_ref": None, "reported_place": None, "admin1": None,
            "country": "ye", "latitude": None, "longitude": None, "place_precision": None, "reported_killed": None,
            "reported_wounded": None, "weapon": None}  # fmt: skip


def test_an_event_is_typed_by_the_reports_that_say_how_over_more_that_only_tell_a_killing():
    rows = [_summary_row("a", "attack"), _summary_row("b", "attack"), _summary_row("c", "air_strike")]
    assert summarize_events(pl.DataFrame(rows))["event_type"].to_list() == ["air_strike"]
    only_killings = [_summary_row("a", "attack"), _summary_row("b", "attack")]
    assert summarize_events(pl.DataFrame(only_killings))["event_type"].to_list() == ["attack"]
