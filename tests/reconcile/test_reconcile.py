import json

import polars as pl
from reconcile_builders import (
    Article,
    conflicts_of,
    conflicts_on,
    empty_registry,
    entity_of,
    event_of,
    tables,
)

from tahqiq import warehouse
from tahqiq.reconcile import OUTPUTS, reconcile


def run(*articles, registry=None):
    arts, mentions, frames = tables(*articles)
    return reconcile(arts, mentions, frames, empty_registry() if registry is None else registry)


def strike(article_id, target_surface, date="2023-07-07", outlet="a", **fields):
    art = Article(article_id, outlet=outlet).text("غارة أدت إلى مقتل ")
    target = art.mention("PERSON", target_surface)
    art.text(" في ")
    fields.setdefault("admin1", "Aleppo")
    fields.setdefault("country", "SY")
    art.frame(
        fields.pop("event_type", "drone_strike"),
        targets=[target],
        roles=fields.pop("roles", None),
        reported_date=date,
        date_precision=fields.pop("date_precision", "day"),
        **fields,
    )
    return art, target


def test_outputs_have_the_schema_columns():
    art, _ = strike("a1", "خالد العراقي")
    result = run(art)
    assert set(result) == set(OUTPUTS)
    for name, frame in result.items():
        assert frame.columns == warehouse.columns(name), name


def test_single_given_name_never_merges_with_a_fuller_name_elsewhere():
    first, anas = strike("a1", "أنس", date="2022-12-10", admin1="Deir ez-Zor")
    second, anas_shami = strike("a2", "أنس الشامي", date="2023-07-07")
    result = run(first, second)
    assert entity_of(result, anas) != entity_of(result, anas_shami)


def test_two_people_sharing_a_nisba_stay_two():
    first, yasir = strike("a1", "ياسر الحمصي", date="2023-07-07")
    second, omar = strike("a2", "عمر الحمصي", date="2023-03-01", admin1="Idlib")
    result = run(first, second)
    assert entity_of(result, yasir) != entity_of(result, omar)
    assert conflicts_on(result, "given_name").height == 0


def test_kunya_variant_merges_and_is_a_name_conflict():
    first, plain = strike("a1", "خالد العراقي")
    second, with_kunya = strike("a2", "أبو خالد العراقي")
    result = run(first, second)
    assert entity_of(result, plain) == entity_of(result, with_kunya)
    rows = conflicts_on(result, "name")
    assert rows.height == 1
    values = {v["value"] for v in json.loads(rows["values"][0])}
    assert values == {"خالد العراقي", "أبو خالد العراقي"}


def test_short_form_links_inside_its_article_only():
    art = Article("a1").text("مقتل ")
    full = art.mention("PERSON", "خالد العراقي")
    art.text(" ثم قال إن ")
    short = art.mention("PERSON", "العراقي")
    other = Article("a2").text("وصل ")
    elsewhere = other.mention("PERSON", "العراقي")
    result = run(art, other)
    assert entity_of(result, short) == entity_of(result, full)
    assert entity_of(result, elsewhere) != entity_of(result, full)


def test_spelling_variant_of_a_long_given_name_merges():
    first, a = strike("a1", "إبراهيم القحطاني")
    second, b = strike("a2", "ابراهيم القحطانى")
    third, c = strike("a3", "إبراهم القحطاني")
    result = run(first, second, third)
    assert entity_of(result, a) == entity_of(result, b) == entity_of(result, c)


def officer(article_id, given):
    art = Article(article_id, outlet=article_id).text("وقال ")
    person = art.mention("PERSON", f"الجنرال {given} سميث")
    art.text("، قائد ")
    art.mention("ORG", "القيادة المركزية", ref_id="centcom")
    return art, person


def test_same_officer_with_two_first_names_is_one_person_with_a_given_name_conflict():
    (first, a), (second, b) = officer("a1", "جون"), officer("a2", "ديفيد")
    result = run(first, second)
    assert entity_of(result, a) == entity_of(result, b)
    rows = conflicts_on(result, "given_name")
    assert rows.height == 1
    assert rows["explanation_ar"][0] and rows["explanation"][0]


def test_same_surname_without_rank_or_shared_organization_stays_apart():
    first = Article("a1").text("قال ")
    a = first.mention("PERSON", "جون سميث")
    second = Article("a2").text("قال ")
    b = second.mention("PERSON", "ديفيد سميث")
    result = run(first, second)
    assert entity_of(result, a) != entity_of(result, b)


def test_reports_of_one_strike_cluster_and_other_events_do_not():
    first, _ = strike("a1", "خالد العراقي", date="2023-07-07", event_type="drone_strike")
    second, _ = strike("a2", "أبو خالد العراقي", date="2023-07-07", event_type="air_strike")
    month_only, _ = strike("a3", "خالد العراقي", date="2023-07", date_precision="month")
    unrelated, _ = strike("a4", "عمر الحمصي", date="2023-07-07", event_type="ground_raid")
    result = run(first, second, month_only, unrelated)
    ids = {a: event_of(result, f"{a}:ev1") for a in ("a1", "a2", "a3", "a4")}
    assert ids["a1"] == ids["a2"] == ids["a3"]
    assert ids["a4"] != ids["a1"]
    assert conflicts_on(result, "event_date").height == 0
    event = result["events"].filter(pl.col("event_id") == ids["a1"])
    assert event["event_date"][0] == "2023-07-07"
    assert event["date_precision"][0] == "day"
    assert event["n_articles"][0] == 3


def test_same_day_from_relative_and_absolute_dates_is_not_a_conflict():
    first, _ = strike("a1", "خالد العراقي", date="2023-07-07", date_method="absolute")
    second, _ = strike("a2", "خالد العراقي", date="2023-07-07", date_method="relative_to_published")
    result = run(first, second)
    assert conflicts_of(result).filter(pl.col("subject_kind") == "event").height == 0


def test_dates_two_days_apart_for_the_same_target_are_a_date_conflict():
    first, _ = strike("a1", "خالد العراقي", date="2023-07-07")
    second, _ = strike("a2", "خالد العراقي", date="2023-07-09")
    result = run(first, second)
    assert event_of(result, "a1:ev1") == event_of(result, "a2:ev1")
    rows = conflicts_on(result, "event_date")
    assert rows.height == 1
    assert {v["value"] for v in json.loads(rows["values"][0])} == {"2023-07-07", "2023-07-09"}


def test_counts_and_partner_disagreements():
    first, _ = strike("a1", "خالد العراقي", reported_killed=1, reported_wounded=4, partner_claim="unilateral")
    second, _ = strike("a2", "خالد العراقي", reported_killed=2, reported_wounded=4, partner_claim="joint")
    result = run(first, second)
    assert conflicts_on(result, "killed").height == 1
    assert conflicts_on(result, "wounded").height == 0
    partner = conflicts_on(result, "partner")
    assert partner.height == 1
    values = {v["value"]: v["article_ids"] for v in json.loads(partner["values"][0])}
    assert values == {"unilateral": ["a1"], "joint": ["a2"]}


def test_role_words_that_disagree():
    first, _ = strike("a1", "خالد العراقي", roles=["قيادي"])
    second, _ = strike("a2", "خالد العراقي", roles=["زعيم"])
    third, _ = strike("a3", "خالد العراقي", roles=["القيادي"])
    rows = conflicts_on(run(first, second, third), "role")
    assert rows.height == 1
    assert {v["value"] for v in json.loads(rows["values"][0])} == {"قيادي", "زعيم", "القيادي"}


def test_orgs_resolve_by_reference_id():
    art = Article("a1")
    a = art.mention("ORG", "سنتكوم", ref_id="centcom")
    art.text(" و ")
    b = art.mention("ORG", "القيادة المركزية الأمريكية", ref_id="centcom")
    other = Article("a2")
    c = other.mention("ORG", "جماعة مجهولة")
    result = run(art, other)
    assert entity_of(result, a) == entity_of(result, b)
    assert entity_of(result, c) not in (None, entity_of(result, a))
    entity = result["entities"].filter(pl.col("entity_id") == entity_of(result, a))
    assert entity["ref_id"][0] == "centcom"
    assert entity["canonical_name"][0] == "القيادة المركزية الأمريكية"
