"""The scored linkage of event reports: each comparison, the link rule, and no chain of weak links."""

import json
from dataclasses import replace as replace_report
from datetime import date

import polars as pl

from tahqiq.resolve.events import (
    COHERENT_WEIGHT,
    LINK_WEIGHT,
    Report,
    _report,
    compare,
    event_links,
    is_link,
    link_reports,
    story_vectors,
    types_compatible,
)
from tahqiq.text.arabic import story_terms

EPOCH = date(1970, 1, 1)


def day(iso: str) -> int:
    return (date.fromisoformat(iso) - EPOCH).days


def report(frame_id: str, iso: str | None = "2023-07-07", **fields) -> Report:
    values = {
        "article_id": frame_id.split(":")[0], "event_type": "air_strike",
        "lo": day(iso) if iso else None, "hi": day(iso) if iso else None, "md_lo": None, "md_hi": None,
        "year_less": False, "place_ref": None, "admin1": "sy-aleppo", "country": "sy", "latitude": None,
        "longitude": None, "killed": None,
    }  # fmt: skip
    values.update(fields)
    return Report(frame_id, **values)


def test_same_day_same_governorate_same_type_is_a_link():
    weight, comparisons = compare(report("a:1"), report("b:1"))
    assert comparisons["date"]["level"] == "same_day" and comparisons["place"]["level"] == "same_admin1"
    assert is_link(weight, comparisons)


def test_one_shared_day_alone_or_one_shared_target_alone_links_nothing():
    weight, comparisons = compare(report("a:1", admin1=None, country=None), report("b:1", admin1=None, country=None))
    assert not is_link(weight, comparisons)
    undated = {"lo": None, "hi": None, "admin1": None, "country": None, "event_type": None}
    a = report("a:1", targets=frozenset({"P1"}), **undated)
    b = report("b:1", targets=frozenset({"P1"}), **undated)
    weight, comparisons = compare(a, b)
    assert comparisons["targets"]["level"] == "shared_target" and not is_link(weight, comparisons)


def test_dates_further_apart_than_a_report_can_be_off_never_link():
    weight, comparisons = compare(report("a:1", "2023-07-07"), report("b:1", "2023-07-12"))
    assert weight == float("-inf") and not is_link(weight, comparisons)
    shared = frozenset({"P1"})
    weight, _ = compare(report("a:1", "2023-07-07", targets=shared), report("b:1", "2023-07-10", targets=shared))
    assert weight > 0  # the same target allows a few more days: outlets date one strike differently
    # but two years (or months) that do not meet are two times, however close their ends
    year_2012 = report("a:1", None, lo=day("2012-01-01"), hi=day("2012-12-31"), targets=shared)
    year_2013 = report("b:1", None, lo=day("2013-01-01"), hi=day("2013-12-31"), targets=shared)
    weight, comparisons = compare(year_2012, year_2013)
    assert weight == float("-inf") and comparisons["date"]["level"] == "periods_1_days_apart"
    window = report("b:1", None, lo=day("2013-01-01"), hi=day("2013-01-03"), targets=shared)
    assert compare(year_2012, window)[0] > float("-inf")  # a few days' window off a period's end may be it


def test_a_year_less_day_matches_the_same_day_of_any_year():
    year_less = report("a:1", None, year_less=True, md_lo=189, md_hi=189)
    dated = report("b:1", "2023-07-07", md_lo=189, md_hi=189)
    _, comparisons = compare(year_less, dated)
    assert comparisons["date"]["level"] == "same_month_day"


def test_places_compare_through_the_admin_hierarchy_and_distance():
    near = compare(report("a:1", admin1="x-1", latitude=36.0, longitude=37.0),
                   report("b:1", admin1="x-2", latitude=36.1, longitude=37.1))[1]  # fmt: skip
    far = compare(report("a:1", admin1="x-1", latitude=36.0, longitude=37.0),
                  report("b:1", admin1="x-2", latitude=33.0, longitude=40.0))[1]  # fmt: skip
    abroad = compare(report("a:1", country="ye", admin1=None), report("b:1", country="sy", admin1=None))[1]
    assert near["place"]["level"] == "nearby_across_admin1" and near["place"]["weight"] > 0
    assert far["place"]["weight"] < 0 and abroad["place"]["weight"] < far["place"]["weight"]


def test_types_an_event_may_be_reported_under():
    assert types_compatible("drone_strike", "air_strike")
    assert types_compatible("helicopter_raid", "air_strike")
    assert types_compatible("suicide_bomb", "remote_explosive")
    assert types_compatible("ground_raid", "suicide_bomb")  # a raid and the bombs in it: one operation
    assert not types_compatible("air_strike", "arrest")
    assert types_compatible("arrest", "shooting")  # a raid's arrests and its shootout
    assert not types_compatible("arrest", "suicide_bomb")  # a bombing the day of an arrest, or its bombers arrested
    assert not types_compatible("remote_explosive", "arrest")


def prepared(rows: list[dict]) -> pl.DataFrame:
    base = {"event_type": "air_strike", "md_lo": None, "md_hi": None, "place_ref": None, "admin1": "sy-aleppo",
            "country": "sy", "latitude": None, "longitude": None, "reported_killed": None,
            "target_entities": [], "target_keys": [], "date_method": "absolute"}  # fmt: skip
    return pl.DataFrame([{**base, **row} for row in rows])


def test_no_chain_of_links_joins_two_reports_that_do_not_match():
    # b ("between the 7th and the 9th") links to a and to c (same village, same toll), but a and c are
    # two days apart: complete linkage keeps c out of a's event.
    rows = prepared([
        {"frame_id": "a:1", "article_id": "a", "lo": day("2023-07-07"), "hi": day("2023-07-07"),
         "target_entities": ["P1"], "reported_killed": 3},
        {"frame_id": "b:1", "article_id": "b", "lo": day("2023-07-07"), "hi": day("2023-07-09"),
         "reported_killed": 3, "place_ref": "v1", "place_precision": "village"},
        {"frame_id": "c:1", "article_id": "c", "lo": day("2023-07-09"), "hi": day("2023-07-09"),
         "target_entities": ["P2"], "reported_killed": 3, "place_ref": "v1", "place_precision": "village"},
    ])  # fmt: skip
    a, b, c = (_report(r) for r in rows.iter_rows(named=True))
    assert is_link(*compare(a, b)) and is_link(*compare(b, c)) and not is_link(*compare(a, c))
    clusters, links = link_reports(rows)
    cluster = dict(clusters.iter_rows())
    assert cluster["a:1"] != cluster["c:1"]
    assert len(links) == 1  # b joins the better match (c: same village) and a stays apart


def test_a_report_joins_a_cluster_only_when_it_fits_every_report_with_evidence():
    # c (a strike the same day and city, close toll) links to b, but fits the raid a only as an
    # incompatible type with a far toll on a shared day and city: weak evidence keeps it out.
    rows = prepared([
        {"frame_id": "a:1", "article_id": "a", "lo": day("2023-07-07"), "hi": day("2023-07-07"),
         "event_type": "ground_raid", "place_ref": "c1", "place_precision": "city", "target_entities": ["P1"],
         "reported_killed": 30},
        {"frame_id": "b:1", "article_id": "b", "lo": day("2023-07-07"), "hi": day("2023-07-07"),
         "event_type": "attack", "place_ref": "c1", "place_precision": "city", "target_entities": ["P1"],
         "reported_killed": 20},
        {"frame_id": "c:1", "article_id": "c", "lo": day("2023-07-07"), "hi": day("2023-07-07"),
         "event_type": "air_strike", "place_ref": "c1", "place_precision": "city", "reported_killed": 9},
    ])  # fmt: skip
    a, b, c = (_report(r) for r in rows.iter_rows(named=True))
    assert is_link(*compare(a, b)) and is_link(*compare(b, c))
    assert 0 < compare(a, c)[0] < COHERENT_WEIGHT
    cluster = dict(link_reports(rows)[0].iter_rows())
    assert cluster["a:1"] == cluster["b:1"] != cluster["c:1"]


def test_each_kept_link_is_written_with_its_weight_and_comparisons():
    rows = prepared([
        {"frame_id": "a:1", "article_id": "a", "lo": day("2023-07-07"), "hi": day("2023-07-07")},
        {"frame_id": "b:1", "article_id": "b", "lo": day("2023-07-07"), "hi": day("2023-07-07")},
        {"frame_id": "b:2", "article_id": "b", "lo": day("2023-07-07"), "hi": day("2023-07-07")},
    ])  # fmt: skip
    clusters, links = link_reports(rows)
    cluster = dict(clusters.iter_rows())
    assert cluster["b:1"] != cluster["b:2"]  # one article's reports are never one event
    event_of = clusters.select("frame_id", pl.col("cluster").alias("event_id"))
    table = event_links(links, event_of, rows)
    assert table.height == 1
    link = table.row(0, named=True)
    assert {link["left_article_id"], link["right_article_id"]} == {"a", "b"} and link["match_weight"] >= LINK_WEIGHT
    assert json.loads(link["comparisons"])["date"]["level"] == "same_day"


STRIKE_ON_MANBIJ = "قتل 12 مدنيا في غارة جوية لطيران التحالف على سوق مدينة منبج بريف حلب الشرقي"
STRIKE_RETOLD = "مقتل 12 مدنيا بغارة للتحالف الدولي استهدفت سوقا شعبيا في منبج شرقي حلب"
CLASH_IN_AFRIN = "اشتباكات بين فصائل المعارضة ووحدات حماية الشعب الكردية في قرية قرب عفرين شمالي حلب"
FIRE_IN_A_FACTORY = "اندلاع حريق في مصنع للنسيج في المنطقة الصناعية بعد انقطاع التيار الكهربائي"


def stories(*texts: str) -> list[dict[str, float]]:
    return story_vectors(pl.DataFrame({"story_terms": [story_terms(t) for t in texts]}))[1]


def test_reports_retelling_one_story_compare_as_alike_and_other_stories_as_different():
    strike, retold, _, fire = stories(STRIKE_ON_MANBIJ, STRIKE_RETOLD, CLASH_IN_AFRIN, FIRE_IN_A_FACTORY)
    same = compare(report("a:1", story=strike), report("b:1", story=retold))[1]["story"]
    other = compare(report("a:1", story=strike), report("c:1", story=fire))[1]["story"]
    assert same["weight"] > 0 and other["level"] == "different_story" and other["weight"] < 0


def test_one_day_governorate_and_type_told_in_different_words_do_not_link():
    a, b = stories(STRIKE_ON_MANBIJ, CLASH_IN_AFRIN)
    weight, comparisons = compare(report("a:1", story=a), report("b:1", story=b))
    assert not is_link(weight, comparisons)
    a, b = stories(STRIKE_ON_MANBIJ, STRIKE_RETOLD)
    weight, comparisons = compare(report("a:1", story=a), report("b:1", story=b))
    assert is_link(weight, comparisons)


def test_one_outlets_undated_reports_alike_in_words_are_not_one_event_for_that():
    # an outlet tells a campaign's days in its own words: undated, its reports share a story, not an act
    a, b = stories(STRIKE_ON_MANBIJ, STRIKE_RETOLD)
    undated = {"lo": day("2023-07-05"), "hi": day("2023-07-07"), "dated_by_publication": True}
    one_outlet = compare(report("a:1", story=a, outlet="sky", **undated), report("b:1", story=b, outlet="sky", **undated))
    two_outlets = compare(report("a:1", story=a, outlet="sky", **undated), report("b:1", story=b, outlet="bbc", **undated))
    assert one_outlet[1]["story"]["level"] == "same_story_of_one_outlet" and not is_link(*one_outlet)
    assert two_outlets[1]["story"]["level"] == "same_story" and is_link(*two_outlets)
    # a day the outlet states singles the act out as for any two reports
    dated = compare(report("a:1", story=a, outlet="sky"), report("b:1", story=b, outlet="sky"))
    assert dated[1]["story"]["level"] == "same_story" and is_link(*dated)


def test_one_outlets_two_towns_far_apart_in_one_governorate_are_two_acts_of_a_campaign():
    # one outlet, one day, one front: the port city's stores stormed and a town's raids 90 km off
    # ("اقتحام مخازن الغذاء في الحديدة", "غارات المروحيات على التحيتا") are two acts
    port = {"place_ref": "P_hudaydah", "place_precision": "city", "admin1": "ye-hudaydah", "country": "ye",
            "latitude": 14.80, "longitude": 42.95, "event_type": "helicopter_raid"}  # fmt: skip
    town = {"place_ref": "P_tuhayta", "place_precision": "town", "admin1": "ye-hudaydah", "country": "ye",
            "latitude": 14.0, "longitude": 43.23, "event_type": "ground_raid"}  # fmt: skip
    one_outlet = compare(report("a:1", outlet="sky", **port), report("b:1", outlet="sky", **town))
    assert one_outlet[1]["place"]["level"] == "two_settlements_of_one_outlet" and not is_link(*one_outlet)
    # two outlets may place one act differently
    two_outlets = compare(report("a:1", outlet="sky", **port), report("b:1", outlet="bbc", **town))
    assert two_outlets[1]["place"]["level"] == "same_admin1" and is_link(*two_outlets)
    # a town beside the city may be where the outlet says the same act took place
    near = town | {"place_ref": "P_durayhimi", "latitude": 14.62, "longitude": 43.03}
    close = compare(report("a:1", outlet="sky", **port), report("b:1", outlet="sky", **near))
    assert close[1]["place"]["level"] == "same_admin1" and is_link(*close)


def test_one_outlets_towns_of_a_campaign_told_alike_on_different_days_are_not_one_act_for_that():
    # one outlet's campaign, day after day: "المقاومة اليمنية تتقدم في الساحل الغربي" at one town, the
    # next day at another nearby; alike words single out the campaign, not one of its acts
    a, b = stories(STRIKE_ON_MANBIJ, STRIKE_RETOLD)
    town = {"place_ref": "P_tuhayta", "place_precision": "town", "admin1": "ye-hudaydah", "country": "ye",
            "latitude": 14.0, "longitude": 43.23, "story": a}  # fmt: skip
    other = town | {"place_ref": "P_hays", "latitude": 13.93, "longitude": 43.48, "story": b}
    one_outlet = compare(report("a:1", "2023-07-06", outlet="sky", **town), report("b:1", "2023-07-07", outlet="sky", **other))
    assert one_outlet[1]["place"]["level"] == "same_admin1"
    assert one_outlet[1]["story"]["level"] == "same_story_of_one_outlet" and not is_link(*one_outlet)
    # two outlets may place one act at two towns
    two_outlets = compare(report("a:1", "2023-07-06", outlet="sky", **town), report("b:1", "2023-07-07", outlet="bbc", **other))
    assert two_outlets[1]["story"]["level"] == "same_story" and is_link(*two_outlets)
    # one town, or one day's news (the airport's battle told from the town beside it), may be one act
    same_town = compare(report("a:1", "2023-07-06", outlet="sky", **town), report("b:1", "2023-07-07", outlet="sky", **town))
    assert same_town[1]["story"]["level"] == "same_story" and is_link(*same_town)
    undated = {"lo": day("2023-07-05"), "hi": day("2023-07-07"), "dated_by_publication": True}
    one_day = compare(report("a:1", outlet="sky", **town), report("b:1", outlet="sky", **other | undated))
    assert one_day[1]["date"]["level"] == "published_the_same_day" and one_day[1]["story"]["level"] == "same_story"
    # a town the gazetteer does not hold may be the other's name for it; a governorate holds the town
    unheld = {"place_ref": None, "latitude": None, "longitude": None}
    named = compare(
        report("a:1", "2023-07-06", outlet="sky", **town | {"place_name": "التحيتا"}),
        report("b:1", "2023-07-07", outlet="sky", **other | unheld | {"place_name": "الشجيرة"}),
    )
    assert named[1]["story"]["level"] == "same_story_of_one_outlet" and not is_link(*named)
    alike = compare(
        report("a:1", "2023-07-06", outlet="sky", **town | unheld | {"place_name": "زردانا"}),
        report("b:1", "2023-07-07", outlet="sky", **other | unheld | {"place_name": "زردانا"}),
    )
    whole = other | {"place_ref": "ye-hudaydah", "place_precision": "admin1"}
    governorate = compare(report("a:1", "2023-07-06", outlet="sky", **town), report("b:1", "2023-07-07", outlet="sky", **whole))
    assert alike[1]["story"]["level"] == governorate[1]["story"]["level"] == "same_story"


def test_story_terms_are_content_words_without_their_proclitics():
    assert story_terms("وبالمدينة قُتل 27 شخصاً للقصف في") == ["مدينه", "قتل", "27", "شخصا", "قصف"]


def test_a_link_needs_an_agreement_that_singles_the_event_out():
    # Overlapping few-day windows, one governorate, one type, somewhat similar words: many events share
    # these; the same village (or day, target, toll, or story) singles one out.
    window = {"lo": day("2023-07-06"), "hi": day("2023-07-08")}
    a, b = {"منبج": 1.0}, {"منبج": 0.2, "سوق": 0.98}  # cosine 0.2
    weight, comparisons = compare(report("a:1", story=a, **window), report("b:1", story=b, **window))
    assert comparisons["story"]["level"] == "similar_story" and weight >= LINK_WEIGHT
    assert not is_link(weight, comparisons)
    village = {"place_ref": "v1", "place_precision": "village", **window}
    assert is_link(*compare(report("a:1", story=a, **village), report("b:1", story=b, **village)))


def test_two_recaps_of_a_campaign_in_like_words_are_not_one_event():
    # Reports dated only to a week or more: the same words in the same city tell the campaign, not a day.
    a, b = stories(STRIKE_ON_MANBIJ, STRIKE_RETOLD)
    city = {"place_ref": "c1", "place_precision": "city"}
    week = report("a:1", story=a, lo=day("2023-07-01"), hi=day("2023-07-08"), **city)
    month = report("b:1", story=b, lo=day("2023-07-01"), hi=day("2023-07-31"), **city)
    weight, comparisons = compare(week, month)
    assert comparisons["date"]["level"] == "overlapping_period" and comparisons["story"]["level"] == "same_story"
    assert weight >= LINK_WEIGHT and not is_link(weight, comparisons)
    same_day = {"lo": day("2023-07-07"), "hi": day("2023-07-07")}
    assert is_link(*compare(report("a:1", story=a, **city, **same_day), report("b:1", story=b, **city, **same_day)))


def test_like_words_from_two_governorates_need_another_fact():
    window = {"lo": day("2023-07-06"), "hi": day("2023-07-08")}
    a, b = stories(STRIKE_ON_MANBIJ, STRIKE_RETOLD)
    here = report("a:1", story=a, admin1="x-1", latitude=36.0, longitude=37.0, **window)
    there = report("b:1", story=b, admin1="x-2", latitude=34.0, longitude=38.0, **window)
    weight, comparisons = compare(here, there)
    assert comparisons["place"]["weight"] < 0 and comparisons["story"]["level"] == "same_story"
    assert not is_link(weight, comparisons)
    # one day is no such fact: a war has many fronts a day ("مقتل فلسطيني برصاص الجيش الإسرائيلي قرب
    # مستوطنة في الضفة الغربية" and "الجيش الإسرائيلي يؤكد مقتل فلسطيني بغزة", told the same day)
    on_one_day = compare(replace_report(here, lo=day("2023-07-07"), hi=day("2023-07-07")),
                         replace_report(there, lo=day("2023-07-07"), hi=day("2023-07-07"), latitude=35.5))  # fmt: skip
    assert on_one_day[0] >= LINK_WEIGHT and on_one_day[1]["date"]["level"] == "same_day"
    assert not is_link(*on_one_day)
    # but a governorate named whole ("الدفاعات الجوية تتصدى لصاروخين في ريف دمشق") is measured from its
    # middle, and its edge may be beside the other place ("ضربة جنوب دمشق"): the day tells
    whole = compare(replace_report(here, lo=day("2023-07-07"), hi=day("2023-07-07"), place_precision="admin1"),
                    replace_report(there, lo=day("2023-07-07"), hi=day("2023-07-07"), latitude=35.5))  # fmt: skip
    assert whole[1]["place"]["level"] == "different_admin1_one_named_whole" and is_link(*whole)
    # a toll or a target still is
    shared = frozenset({"P1"})
    targeted = compare(replace_report(here, targets=shared), replace_report(there, targets=shared))
    assert is_link(*targeted)


def test_a_bombing_with_mass_casualties_in_one_city_singles_one_event_out_within_days():
    # Two reports of a few-day window in one city, one type, somewhat similar words: a strike there is
    # one of many, but a bombing that kills ten or more is rare enough, whatever toll each hour gives.
    window = {"lo": day("2023-07-06"), "hi": day("2023-07-08")}
    a, b = {"مدينة": 1.0}, {"مدينة": 0.2, "سوق": 0.98}  # cosine 0.2
    city = {"place_ref": "c1", "place_precision": "city", **window}
    strikes = compare(report("a:1", story=a, killed=30, **city), report("b:1", story=b, killed=18, **city))
    assert strikes[0] >= LINK_WEIGHT and not is_link(*strikes)
    bombed = {"event_type": "suicide_bomb"}
    tolls = [compare(report("a:1", story=a, killed=k, **city, **bombed), report("b:1", story=b, killed=18, **city, **bombed))
             for k in (30, 4)]  # fmt: skip
    assert is_link(*tolls[0]) and not is_link(*tolls[1])
    # Bombed in the same month is no day: a city may be bombed twice.
    month = {"place_ref": "c1", "place_precision": "city", "lo": day("2023-07-01"), "hi": day("2023-07-31")}
    monthly = compare(report("a:1", story=a, killed=30, **month, **bombed), report("b:1", story=b, killed=18, **month, **bombed))
    assert not is_link(*monthly)


def test_breaking_news_of_one_day_in_one_city_singles_one_event_out():
    # Two stories that give no date, published the same day about a bombing in one city (or one such
    # story and another dated that day), are the day's news of one event; in one country they are not,
    # nor when published days apart.
    a, b = {"كنيسة": 1.0}, {"كنيسة": 0.2, "انتحاري": 0.98}  # cosine 0.2
    bombed = {"event_type": "suicide_bomb", "place_ref": "c1", "place_precision": "city"}
    undated = {"lo": day("2023-07-05"), "hi": day("2023-07-07"), "dated_by_publication": True}
    same_day = compare(report("a:1", story=a, **bombed, **undated), report("b:1", story=b, **bombed, **undated))
    assert same_day[1]["date"]["level"] == "published_the_same_day" and is_link(*same_day)
    told_that_day = compare(report("a:1", story=a, **bombed, **undated), report("b:1", "2023-07-07", story=b, **bombed))
    assert told_that_day[1]["date"]["level"] == "published_the_same_day" and is_link(*told_that_day)
    country = {"event_type": "suicide_bomb", "admin1": None}
    in_country = compare(report("a:1", story=a, **country, **undated), report("b:1", story=b, **country, **undated))
    assert not is_link(*in_country)
    later = {"lo": day("2023-07-06"), "hi": day("2023-07-08"), "dated_by_publication": True}
    next_day = compare(report("a:1", story=a, **bombed, **undated), report("b:1", story=b, **bombed, **later))
    assert next_day[1]["date"]["level"] == "published_days_apart_at_most" and not is_link(*next_day)


def test_a_report_that_names_no_place_is_compared_with_every_countrys():
    # Blocking pairs dates within a country; a report of no country is paired with all of them, and
    # links on its story (a day and a toll alone are shared by events anywhere).
    rows = prepared([
        {"frame_id": "a:1", "article_id": "a", "lo": day("2023-07-07"), "hi": day("2023-07-07"),
         "story_terms": story_terms(STRIKE_ON_MANBIJ), "reported_killed": 12},
        {"frame_id": "b:1", "article_id": "b", "lo": day("2023-07-07"), "hi": day("2023-07-07"), "country": None,
         "admin1": None, "story_terms": story_terms(STRIKE_RETOLD), "reported_killed": 12},
        {"frame_id": "c:1", "article_id": "c", "lo": day("2023-07-07"), "hi": day("2023-07-07"), "country": "af",
         "admin1": None, "story_terms": story_terms(FIRE_IN_A_FACTORY), "reported_killed": 12},
    ])  # fmt: skip
    cluster = dict(link_reports(rows)[0].iter_rows())
    assert cluster["a:1"] == cluster["b:1"] != cluster["c:1"]
    a, b, c = (_report(r) for r in rows.iter_rows(named=True))
    placeless = compare(replace_report(b, story={}), c)  # one day, one toll, no place, no words
    assert placeless[1]["killed"]["level"] == "same_killed" and not is_link(*placeless)


def test_the_act_an_act_answers_weighs_against_reports_of_another_type():
    rockets = report("a:1", event_type="missile_attack", answered=True)
    weight, comparisons = compare(rockets, report("b:1", event_type="air_strike"))
    assert comparisons["type"]["level"] == "answered_act_of_another_type" and comparisons["type"]["weight"] < 0
    weight, comparisons = compare(rockets, report("b:1", event_type="missile_attack"))
    assert comparisons["type"]["level"] == "same"


def test_the_answer_s_words_do_not_join_an_answered_act_to_another_report():
    rockets = report("a:1", event_type="missile_attack", answered=True, story={"صواريخ": 0.8, "الجولان": 0.6})
    strikes = report("b:1", event_type="missile_attack", story={"صواريخ": 0.8, "الجولان": 0.6})
    weight, comparisons = compare(rockets, strikes)
    assert comparisons["story"]["level"] == "told_beside_its_answer" and comparisons["story"]["weight"] == 0
    # two reports that both tell the act as answered do share its story
    weight, comparisons = compare(rockets, replace_report(strikes, answered=True))
    assert comparisons["story"]["level"] == "same_story"


def test_two_articles_citing_one_month_s_act_of_a_city_in_like_words_tell_one_act():
    november = {"lo": day("2015-11-01"), "hi": day("2015-11-30"), "event_type": "attack", "place_ref": "city-paris",
                "place_precision": "city", "admin1": "fr-idf", "country": "fr"}  # fmt: skip
    story = {"باريس": 0.6, "هجمات": 0.5, "عبد السلام": 0.6}
    a = report("a:1", **november, story=story, cited=True)
    b = report("b:1", **november, story=story, cited=True)
    weight, comparisons = compare(a, b)
    assert comparisons["date"]["level"] == "same_cited_period" and is_link(weight, comparisons)
    # not two recaps of a month's campaign told as the news, nor a month and an overlapping week
    assert not is_link(*compare(replace_report(a, cited=False), replace_report(b, cited=False)))
    week = replace_report(b, lo=day("2015-11-10"), hi=day("2015-11-16"))
    assert not is_link(*compare(a, week))
    # nor two acts of another type or elsewhere in the country, nor told in other words
    assert not is_link(*compare(a, replace_report(b, event_type="shooting")))
    assert not is_link(*compare(a, replace_report(b, place_ref="city-lyon", admin1="fr-ara")))
    assert not is_link(*compare(a, replace_report(b, story={"ليون": 1.0})))


MONDAY_CITED = "وشهد يوم الاثنين احتجاجات واسعة قتل فيها قرابة 60 فلسطينيا"
MONDAY_TOLD = "قتل 58 فلسطينيا بالرصاص الإسرائيلي يوم الاثنين في مواجهات دامية مع القوات الإسرائيلية على حدود قطاع غزة"
TUESDAY_TOLD = "أعلنت وزارة الصحة مقتل فلسطينيين اثنين الثلاثاء في مواجهات قرب السياج الفاصل شرق مدينة غزة"


def test_a_cited_day_that_names_no_place_is_weakly_of_its_storys_governorate():
    # Article a tells Tuesday's clashes in Gaza and cites Monday's with no place; b tells Monday's in
    # the Gaza Strip. The cited day is weakly placed where its story is, so its day singles the event out.
    monday, tuesday = day("2018-05-14"), day("2018-05-15")
    gaza = {"admin1": "ps-gaza-strip", "country": "ps", "event_type": "shooting"}
    placeless = {"admin1": None, "country": None, "event_type": "shooting"}

    def rows(main_place: dict) -> pl.DataFrame:
        return prepared([
            {"frame_id": "a:1", "article_id": "a", "role": "main", "lo": tuesday, "hi": tuesday,
             "story_terms": story_terms(TUESDAY_TOLD), **main_place},
            {"frame_id": "a:2", "article_id": "a", "role": "background", "lo": monday, "hi": monday,
             "story_terms": story_terms(MONDAY_CITED), **placeless},
            {"frame_id": "b:1", "article_id": "b", "role": "main", "lo": monday, "hi": monday,
             "story_terms": story_terms(MONDAY_TOLD), **gaza},
        ])  # fmt: skip

    clusters, links = link_reports(rows(gaza))
    cluster = dict(clusters.iter_rows())
    assert cluster["a:2"] == cluster["b:1"] != cluster["a:1"]
    assert [link.comparisons["place"]["level"] for link in links] == ["in_the_story_governorate"]
    assert links[0].comparisons["story"]["level"] == "similar_story"  # alike words alone would not tell
    # a story told elsewhere says nothing of where the cited day was: no place, and the day links nothing
    clusters, links = link_reports(rows({"admin1": "sy-aleppo", "country": "sy", "event_type": "shooting"}))
    assert not links
    # a cited day that names its own place keeps it
    cited = report("a:2", admin1=None, country="ps", story_admin1="ps-gaza-strip")
    assert compare(cited, report("b:1", admin1="ps-gaza-strip", country="ps"))[1]["place"]["level"] == "same_country"


def test_a_day_one_article_cites_inside_the_month_another_cites_singles_the_act_out():
    # "المشتبه به في هجمات باريس التي نفذت في نوفمبر 2015" and "هجمات 13 نوفمبر 2015 في باريس"
    paris = {"event_type": "attack", "place_ref": "city-paris", "place_precision": "city", "admin1": "fr-idf",
             "country": "fr", "cited": True}  # fmt: skip
    a, b = {"باريس": 1.0}, {"باريس": 0.2, "مسرح": 0.98}  # cosine 0.2: alike words, not the same story
    month = report("a:1", lo=day("2015-11-01"), hi=day("2015-11-30"), story=a, **paris)
    the_day = report("b:1", "2015-11-13", story=b, **paris)
    weight, comparisons = compare(month, the_day)
    assert comparisons["date"]["level"] == "cited_day_in_cited_period" and comparisons["story"]["level"] == "similar_story"
    assert is_link(weight, comparisons)
    night = replace_report(month, lo=day("2015-11-13"), hi=day("2015-11-14"))  # "ليلة 13 إلى 14 نوفمبر"
    assert compare(night, the_day)[1]["date"]["level"] == "cited_day_in_cited_period" and is_link(*compare(night, the_day))
    # a year holds both of the city's attack waves (January and November 2015): no act singled out
    year = replace_report(month, lo=day("2015-01-01"), hi=day("2015-12-31"))
    assert compare(year, the_day)[1]["date"]["level"] == "overlapping_days" and not is_link(*compare(year, the_day))
    # nor a day of the news against a month an article cites, nor another type, city or story
    assert not is_link(*compare(month, replace_report(the_day, cited=False)))
    assert not is_link(*compare(month, replace_report(the_day, event_type="shooting")))
    assert not is_link(*compare(month, replace_report(the_day, place_ref="city-lyon", admin1="fr-ara")))
    assert not is_link(*compare(month, replace_report(the_day, story={"ليون": 1.0})))


def test_an_exact_toll_in_the_hundreds_singles_an_act_out_where_no_place_is_named():
    # "تفجير شاحنة مفخخة في أكتوبر الماضي أودى بحياة 512 شخصا", cited with the country, and with a region
    # no admin tree holds ("القرن الأفريقي"): one act, whatever each places it in.
    october = {"lo": day("2017-10-01"), "hi": day("2017-10-31"), "event_type": "remote_explosive", "cited": True,
               "admin1": None}  # fmt: skip
    story = {"شاحنة": 0.6, "مفخخة": 0.6, "مقديشو": 0.5}
    country = report("a:1", country="so", killed=512, story=story, **october)
    region = report("b:1", country=None, killed=512, story=story, **october)
    weight, comparisons = compare(country, region)
    assert comparisons["place"]["level"] == "unknown" and comparisons["killed"]["level"] == "same_exact_mass_toll"
    assert is_link(weight, comparisons)
    # twelve dead, or a round figure ("أكثر من 500"), are told of many acts
    for killed in (12, 500):
        pair = compare(replace_report(country, killed=killed), replace_report(region, killed=killed))
        assert pair[1]["killed"]["level"] == "same_killed" and not is_link(*pair)
    # nor a war's running count over a year, however exact
    year = {"lo": day("2017-01-01"), "hi": day("2017-12-31"), "cited": False}
    pair = compare(replace_report(country, **year), replace_report(region, **year))
    assert pair[1]["date"]["level"] == "overlapping_period" and not is_link(*pair)


def test_an_attack_told_where_an_answered_act_fell_is_that_act_not_its_answer():
    # "ردا على إطلاق صاروخ باليستي على جازان" beside "مقتل 3 في استهداف منطقة جازان" the same day: the
    # answer strikes where the missile came from, so an attack placed where it fell is the missile itself.
    jazan = {"place_ref": "sa-jazan", "place_precision": "admin1", "admin1": "sa-jazan", "country": "sa"}
    missile = report("a:1", event_type="missile_attack", answered=True, killed=1, **jazan)
    attack = report("b:1", event_type="attack", killed=1, story={"جازان": 1.0}, **jazan)
    weight, comparisons = compare(missile, attack)
    assert comparisons["type"]["level"] == "answered_act_where_it_fell" and weight >= COHERENT_WEIGHT
    assert comparisons["type"]["weight"] == compare(replace_report(missile, answered=False), attack)[1]["type"]["weight"]
    # an attack elsewhere in the country, or a report that says how (an air strike), may be the answer
    elsewhere = replace_report(attack, place_ref="sa-najran", admin1="sa-najran")
    assert compare(missile, elsewhere)[1]["type"]["level"] == "answered_act_of_another_type"
    strike = replace_report(attack, event_type="air_strike")
    assert compare(missile, strike)[1]["type"]["level"] == "answered_act_of_another_type"
