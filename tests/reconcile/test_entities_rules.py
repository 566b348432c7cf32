"""Person-resolution rules on constructed mentions: clitic kunya, stated aliases, middle names."""

from __future__ import annotations

from reconcile_builders import Article, empty_registry, entity_of, tables

from tahqiq.reconcile import reconcile
from tahqiq.reconcile.entities import parse_person
from tahqiq.text.normalize import normalize_text


def test_proclitic_before_abu_is_not_part_of_the_name():
    assert parse_person(normalize_text("بأبو خطاب الرقاوي")).kunya == normalize_text("أبو خطاب")


def _about(article: Article, place: str, country: str) -> Article:
    for _ in range(3):
        article.text(" في ")
        article.mention("LOC", place, ref_id=place, country=country)
    return article


def test_stated_kunya_alias_links_bare_kunya_in_another_article_about_the_same_country():
    a = Article("a1")
    full = a.mention("PERSON", "ماجد عبيد الخلف", aliases=["أبو عبيدة"])
    b = Article("a2")
    kunya = b.mention("PERSON", "أبو عبيدة")
    c = Article("a3")
    refugee = c.mention("PERSON", "أبو عبيدة")
    _about(a, "دير الزور", "sy"), _about(b, "دير الزور", "sy"), _about(c, "صنعاء", "ye")
    result = reconcile(*tables(a, b, c), empty_registry())
    assert entity_of(result, full) == entity_of(result, kunya)
    # many men bear a kunya: the alias stated in a Syrian story does not reach one in a Yemeni one
    assert entity_of(result, refugee) != entity_of(result, full)


def test_bare_kunya_without_a_stated_alias_stays_in_its_article():
    a = Article("a1")
    one = a.mention("PERSON", "أبو عبيدة")
    b = Article("a2")
    two = b.mention("PERSON", "أبو عبيدة")
    result = reconcile(*tables(a, b), empty_registry())
    assert entity_of(result, one) != entity_of(result, two)


def test_alias_stated_for_two_surnames_links_nothing():
    a = Article("a1")
    x = a.mention("PERSON", "سعيد الحمصي", aliases=["أبو عمر"])
    b = Article("a2")
    y = b.mention("PERSON", "خالد العلي", aliases=["أبو عمر"])
    result = reconcile(*tables(a, b), empty_registry())
    assert entity_of(result, x) != entity_of(result, y)


def test_middle_name_variant_joins_across_articles():
    a = Article("a1")
    short = a.mention("PERSON", "مصعب الراوي")
    b = Article("a2")
    long = b.mention("PERSON", "مصعب خلف الراوي")
    result = reconcile(*tables(a, b), empty_registry())
    assert entity_of(result, short) == entity_of(result, long)


def test_one_shared_token_never_merges():
    a = Article("a1")
    x = a.mention("PERSON", "محمد الحمصي")
    b = Article("a2")
    y = b.mention("PERSON", "أحمد الحمصي")
    result = reconcile(*tables(a, b), empty_registry())
    assert entity_of(result, x) != entity_of(result, y)


def test_non_target_kunya_joins_the_event_target_with_that_kunya():
    a = Article("a1")
    target = a.mention("PERSON", "أبو بلال العراقي")
    a.frame("drone_strike", [target], reported_date="2024-03-08", admin1="sy-aleppo")
    b = Article("a2")
    loose = b.mention("PERSON", "أبو بلال")
    b.frame("drone_strike", [], reported_date="2024-03-08", admin1="sy-aleppo")
    result = reconcile(*tables(a, b), empty_registry())
    assert entity_of(result, target) == entity_of(result, loose)
