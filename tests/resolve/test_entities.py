"""Entity resolution on articles written here: people linked by Splink, organizations by reference,
state body and the story's country."""

from __future__ import annotations

import json

import polars as pl
import pytest

from tahqiq.reconcile import reconcile
from tahqiq.resolve.entities import (
    display_without_proclitic,
    national_body,
    organization_name,
    resolve_organizations,
    spelling_skeleton,
)
from tahqiq.text.arabic import name_skeleton, name_tokens
from tahqiq.text.normalize import normalize_text
from tests.reconcile.reconcile_builders import Article, empty_registry, entity_of, tables


def run(*articles: Article) -> dict:
    return reconcile(*tables(*articles), empty_registry())


@pytest.mark.parametrize(
    ("one", "other"),
    [("ترامب", "ترمب"), ("نتانياهو", "نتنياهو"), ("لكديم", "لقديم"), ("بارونغ", "بارونج"), ("أردوغان", "أرودغان")],
)
def test_transliterations_of_one_name_share_a_skeleton(one, other):
    assert name_skeleton(one) == name_skeleton(other)


def test_a_listed_given_name_is_compared_as_written():
    assert spelling_skeleton("محمد") != spelling_skeleton("محمود")
    assert spelling_skeleton("سلمان") != spelling_skeleton("سليماني")


def test_name_tokens_join_abd_to_the_word_it_heads():
    assert name_tokens("عبد الملك الحوثي") == name_tokens("عبدالملك الحوثي") == ["عبدالملك", "الحوثي"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("للحكومة اليمنية", ("الحكومه", "ye")),
        ("وكالة الأنباء السعودية الرسمية", ("وكاله الانباء", "sa")),
        ("وزارة الخارجية", ("وزاره الخارجيه", None)),
        ("جبهة الساحل الغربي", None),
    ],
)
def test_a_state_body_is_its_head_phrase_and_country(written, expected):
    assert national_body(organization_name(normalize_text(written))) == expected


def _located(article: Article, place: str, country: str, times: int = 3) -> None:
    for _ in range(times):
        article.text(" في ")
        article.mention("LOC", place, ref_id=place, country=country)


def _org_entity(result: dict, mention_id: str) -> str:
    return entity_of(result, mention_id)


def test_a_bare_coalition_is_the_one_of_the_story_s_country():
    yemen = Article("y1").text("قصفت ")
    in_yemen = yemen.mention("ORG", "التحالف", ref_id="coalition")
    _located(yemen, "صعدة", "ye")
    named = Article("y2").text("قال ")
    saudi = named.mention("ORG", "التحالف العربي", ref_id="saudi_coalition")
    syria = Article("s1").text("قصف ")
    in_syria = syria.mention("ORG", "التحالف", ref_id="coalition")
    _located(syria, "الرقة", "sy")
    us = Article("s2").text("قال ")
    us_led = us.mention("ORG", "التحالف الدولي", ref_id="coalition")
    result = run(yemen, named, syria, us)
    assert entity_of(result, in_yemen) == entity_of(result, saudi)
    assert entity_of(result, in_syria) == entity_of(result, us_led)
    assert entity_of(result, in_yemen) != entity_of(result, in_syria)


def test_a_bare_coalition_with_no_country_is_left_to_its_article():
    first, second = Article("a1").text("قال "), Article("a2").text("قال ")
    one, two = first.mention("ORG", "التحالف", ref_id="coalition"), second.mention("ORG", "التحالف", ref_id="coalition")
    result = run(first, second)
    assert entity_of(result, one) != entity_of(result, two)


def test_two_countries_ministries_are_never_pooled():
    russia, usa = Article("a1").text("قالت "), Article("a2").text("قالت ")
    ru = russia.mention("ORG", "وزارة الخارجية الروسية", alias_kind="head_noun")
    russia.text(" إن ")
    ru_bare = russia.mention("ORG", "وزارة الخارجية", alias_kind="head_noun")
    us_bare = usa.mention("ORG", "وزارة الخارجية", alias_kind="head_noun")
    result = run(russia, usa)
    assert entity_of(result, ru) == entity_of(result, ru_bare)
    assert entity_of(result, us_bare) != entity_of(result, ru_bare)


def test_one_country_s_army_named_two_ways_is_one_organization():
    first, second = Article("a1").text("قال "), Article("a2").text("قالت ")
    army = first.mention("ORG", "الجيش الإسرائيلي", alias_kind="head_noun")
    forces = second.mention("ORG", "القوات الإسرائيلية", alias_kind="head_noun")
    result = run(first, second)
    assert entity_of(result, army) == entity_of(result, forces)
    names = result["entities"].filter(pl.col("entity_id") == entity_of(result, army))["canonical_name"]
    assert not names[0].startswith("ل")


def _person(article_id: str, name: str, place: str = "باريس", country: str = "fr") -> tuple[Article, str]:
    article = Article(article_id).text("قال ")
    mention = article.mention("PERSON", name, given_name=name.split()[0], family_name=name.split()[-1])
    _located(article, place, country)
    return article, mention


def test_two_spellings_of_a_foreign_name_are_one_person_with_the_link_explained():
    (a, one), (b, two) = _person("a1", "رضوان لكديم"), _person("a2", "رضوان لقديم")
    filler = [_person(f"f{i}", name)[0] for i, name in enumerate(["جيرار كولومب", "إيمانويل ماكرون", "فرانسوا مولانس"])]
    result = run(a, b, *filler)
    assert entity_of(result, one) == entity_of(result, two)
    link = result["entity_links"].filter(pl.col("entity_id") == entity_of(result, one))
    assert link.height == 1 and link["method"][0] == "splink" and link["match_weight"][0] > 0
    assert json.loads(link["comparisons"][0])["family"]["level"] == "same spelling skeleton"


def test_two_arabic_given_names_are_two_people():
    (a, one), (b, two) = _person("a1", "محمد عبدالله"), _person("a2", "محمود عبدالله")
    assert entity_of(run(a, b), one) != entity_of(run(a, b), two)


def test_a_nisba_is_no_name_of_the_same_consonants():
    # أبو محمد الجولاني is no محمد جيلان: the nisba's final ي is part of its skeleton
    kunya = Article("a1").text("قال ")
    leader = kunya.mention("PERSON", "أبو محمد الجولاني", kunya="أبو محمد", nisba="الجولاني")
    _located(kunya, "إدلب", "sy")
    other, named = _person("a2", "محمد جيلان", "إدلب", "sy")
    filler = [_person(f"f{i}", name, "إدلب", "sy")[0] for i, name in enumerate(["أحمد الشرع", "سالم الحمد", "علي حسن"])]
    result = run(kunya, other, *filler)
    assert entity_of(result, leader) != entity_of(result, named)


def test_a_bare_surname_alone_in_its_article_stays_there():
    (a, full), (b, _) = _person("a1", "جيرار كولومب"), _person("a2", "إيمانويل ماكرون")
    bare = b.text(" و").mention("PERSON", "كولومب")
    result = run(a, b)
    assert entity_of(result, bare) != entity_of(result, full)


def test_a_parent_named_for_a_child_is_not_the_child_but_a_kunya_s_bearer_is_its_bearer():
    article = Article("a1").text("فاز اللاعب ")
    son = article.mention("PERSON", "صالح المري", given_name="صالح", nisba="المري")
    again = article.text(" بالذهبية. وقال ").mention("PERSON", "صالح")
    mother = article.text(" إن والدته ").mention("PERSON", "أم صالح", kunya="أم صالح")
    father = article.text(" ووالده ").mention("PERSON", "أبو صالح", kunya="أبو صالح")
    result = run(article, _person("a2", "إيمانويل ماكرون")[0])
    assert entity_of(result, again) == entity_of(result, son)
    assert len({entity_of(result, son), entity_of(result, mother), entity_of(result, father)}) == 3
    leader = Article("a3").text("قال ")
    full = leader.mention("PERSON", "أبو بكر البغدادي", kunya="أبو بكر", nisba="البغدادي")
    bare = leader.text(" في تسجيل إن ").mention("PERSON", "أبو بكر", kunya="أبو بكر")
    surname = leader.text(". وقال النائب ").mention("PERSON", "رائد أبو رميلة", given_name="رائد", family_name="أبو رميلة")
    repeated = leader.text(" إن ").mention("PERSON", "أبو رميلة", kunya="أبو رميلة")
    result = run(leader, _person("a4", "إيمانويل ماكرون")[0])
    assert entity_of(result, bare) == entity_of(result, full) and entity_of(result, repeated) == entity_of(result, surname)


def test_organizations_resolve_without_a_reconcile_run():
    article = Article("a1").text("قال ")
    article.mention("ORG", "للحكومة اليمنية", alias_kind="head_noun")
    _, mentions, _ = tables(article)
    decided = resolve_organizations(mentions)
    assert decided["cluster"][0] == "ORG|body:government|ye"
    assert decided["method"][0] == "national_body"


def test_two_listed_given_names_are_never_similar_spellings():
    from tahqiq.resolve.entities import name_forms, person_records

    (a, _), (b, _) = _person("a1", "محمد شعراوي"), _person("a2", "محمود شعراوي")
    records, _ = person_records(tables(a, b)[1])
    forms, _ = name_forms(records)
    assert forms["unlisted_given_skeleton"].to_list() == [None, None]
    (c, _), (d, _) = _person("a3", "فلاديمير لوغينوف"), _person("a4", "فلادمير لوغينوف")
    records, _ = person_records(tables(c, d)[1])
    assert records["unlisted_given_skeleton"].drop_nulls().len() >= 1


def test_an_organization_is_named_without_the_proclitic_before_its_article():
    def shown(written: str) -> str:
        return display_without_proclitic(written, normalize_text(written))

    assert shown("للحكومة اليمنية") == "الحكومة اليمنية"  # a known head
    assert shown("للواشنطن بوست") == "الواشنطن بوست"
    assert shown("للهلال الأحمر القطري") == "الهلال الأحمر القطري"
    assert shown("والت ديزني") == "والت ديزني"
    assert shown("بالتيمور رافنز") == "بالتيمور رافنز"
