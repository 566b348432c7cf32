"""Conflict rules on small hand-made event_reports and entities: what is a conflict, of which kind and
severity, with which evidence, explained in which language."""

from __future__ import annotations

import json
import re

import polars as pl

from tahqiq import warehouse
from tahqiq.extract.events import EVENT_TYPES
from tahqiq.present import render_conflicts
from tahqiq.quality.checks import conflicts_from_one_article
from tahqiq.quality.conflicts import (
    TYPE_WORDS,
    find_conflicts,
    places_clash,
    regions_clash,
    same_given_name,
    spelling_variants,
)
from tahqiq.quality.figures import event_figures

LATIN = re.compile(r"[A-Za-z]")
ARABIC = re.compile(r"[\u0600-\u06FF]")


def _said(attribute, value, start=0, source=None, **extra):
    return {"attribute": attribute, "value": value, "start": start, "end": start + 40, "source": source,
            "revised": False, "with_trigger": True, **extra}  # fmt: skip


def _report(article, *statements, event="E1", **columns):
    return {"event_id": event, "article_id": article, "frame_id": f"{article}:ev0",
            "statements": json.dumps(list(statements), ensure_ascii=False), **columns}  # fmt: skip


def _articles(*rows):
    return pl.DataFrame(
        [{"article_id": a, "outlet": o, "published_at": t} for a, o, t in rows],
        schema={"article_id": pl.Utf8, "outlet": pl.Utf8, "published_at": pl.Utf8},
    )


def _conflicts(reports, articles, entities=None):
    frame = warehouse.conform(pl.DataFrame(reports), "event_reports")
    return find_conflicts(
        frame, entities if entities is not None else warehouse.empty_frame("entities"), articles
    )


def _values(row):
    return {v["value"]: v["article_ids"] for v in json.loads(row["values"])}


SAME_MORNING = _articles(("a", "bbc", "2018-07-25T09:00:00"), ("b", "cnn", "2018-07-25T10:00:00"))


def test_two_outlets_giving_two_tolls_at_once_disagree():
    found = _conflicts([_report("a", _said("killed", 215)), _report("b", _said("killed", 221))], SAME_MORNING)
    (row,) = found.to_dicts()
    assert (row["attribute"], row["kind"], row["severity"], row["outlets_differ"]) == (
        "killed",
        "disagreement",
        "high",
        True,
    )
    assert _values(row) == {"215": ["a"], "221": ["b"]}
    evidence = json.loads(row["values"])[0]["evidence"][0]
    assert evidence == {"article_id": "a", "outlet": "bbc", "published_at": "2018-07-25T09:00:00",
                        "start_char": 0, "end_char": 40, "source": None}  # fmt: skip


def test_a_higher_toll_a_day_later_is_an_update():
    articles = _articles(("a", "bbc", "2018-07-25T09:00:00"), ("b", "bbc", "2018-07-26T09:00:00"))
    (row,) = _conflicts(
        [_report("a", _said("killed", 221)), _report("b", _said("killed", 252))], articles
    ).to_dicts()
    assert (row["kind"], row["severity"], row["outlets_differ"]) == ("update", "low", False)
    assert "221 -> 252" in row["explanation"]


def test_a_bound_overtaken_hours_later_is_an_update_and_about_n_then_n_plus_one_is_not():
    dawn_and_night = _articles(("a", "sky", "2018-07-25T05:00:00"), ("b", "sky", "2018-07-25T17:00:00"))
    bounds = [_report("a", _said("killed", 100, approximate=True, approximator="أكثر من")),
              _report("b", _said("killed", 220, approximate=True, approximator="أكثر من"))]  # fmt: skip
    (row,) = _conflicts(bounds, dawn_and_night).to_dicts()
    assert (row["kind"], _values(row)) == ("update", {"100": ["a"], "220": ["b"]})
    assert _conflicts(bounds, SAME_MORNING).height == 0
    near = [_report("a", _said("wounded", 40, approximate=True)), _report("b", _said("wounded", 41))]
    assert _conflicts(near, dawn_and_night).height == 0


def test_tolls_published_weeks_apart_are_not_compared():
    weeks = _articles(("a", "afp", "2018-04-01T09:00:00"), ("b", "sky", "2018-04-20T09:00:00"))
    since = [_report("a", _said("killed", 17)), _report("b", _said("killed", 35))]
    assert _conflicts(since, weeks).height == 0
    days = _articles(("a", "afp", "2018-04-01T09:00:00"), ("b", "sky", "2018-04-05T09:00:00"))
    assert _conflicts(since, days)["kind"].to_list() == ["update"]


def test_places_published_weeks_apart_are_not_compared():
    town = _place(
        "ps-town",
        "القرارة",
        admin1="ps-gaza-strip",
        country="ps",
        place_kind="town",
        latitude=31.4,
        longitude=34.35,
    )
    city = _place(
        "ps-city",
        "غزة",
        admin1="ps-gaza-strip",
        country="ps",
        place_kind="city",
        latitude=31.5,
        longitude=34.46,
    )
    reports = [_report("a", town, place_ref="ps-town"), _report("b", city, place_ref="ps-city")]
    assert _conflicts(reports, SAME_MORNING)["attribute"].to_list() == ["place"]
    months = _articles(("a", "sky", "2018-04-20T09:00:00"), ("b", "sky", "2018-07-02T09:00:00"))
    assert _conflicts(reports, months).height == 0


def test_revision_wording_makes_an_update_within_hours():
    revised = _said("killed", 252, revised=True)
    (row,) = _conflicts([_report("a", _said("killed", 221)), _report("b", revised)], SAME_MORNING).to_dicts()
    assert row["kind"] == "update"


def test_an_approximate_figure_near_the_other_is_no_conflict():
    near = [_report("a", _said("killed", 40, approximate=True)), _report("b", _said("killed", 41))]
    assert _conflicts(near, SAME_MORNING).height == 0
    far = [
        _report("a", _said("killed", 20, approximate=True, approximator="نحو")),
        _report("b", _said("killed", 33)),
    ]
    assert _conflicts(far, SAME_MORNING).height == 1
    # "عشرات الجرحى" is counted 10, approximate with no approximator: any figure of tens
    tens = [_report("a", _said("wounded", 10, approximate=True)), _report("b", _said("wounded", 40))]
    assert _conflicts(tens, SAME_MORNING).height == 0
    days = _articles(("a", "afp", "2018-04-09T09:00:00"), ("b", "sky", "2018-04-13T09:00:00"))
    more = [tens[0], _report("b", _said("wounded", 40, approximate=True, approximator="أكثر من"))]
    assert _conflicts(more, days).height == 0  # "tens" then "more than 40" days later: nothing was revised
    # nor beside a figure far from it: "hundreds wounded" beside 18 or 5000 is another scope as often as not
    hundreds = [_report("a", _said("wounded", 100, approximate=True)), _report("b", _said("wounded", 5000))]
    assert _conflicts(hundreds, SAME_MORNING).height == 0


def test_one_article_contradicting_itself_is_no_conflict():
    one = [_report("a", _said("partner", "joint", 0), _said("partner", "unilateral", 100))]
    assert _conflicts(one, SAME_MORNING).height == 0


def test_sources_one_article_credits_by_name_can_disagree():
    cited = [
        _report(
            "a",
            _said("partner", "joint", 0, "monitor"),
            _said("partner", "unilateral", 100, "command_statement"),
        )
    ]
    found = _conflicts(cited, SAME_MORNING)
    assert found["attribute"].to_list() == ["partner"]
    assert found["n_articles"].to_list() == [1]
    assert "one article" in found["explanation"][0]
    assert conflicts_from_one_article(found).height == 1


def test_dates_written_out_a_day_or_two_apart_and_reports_weeks_apart():
    day_month = [_report("a", _said("date", "2024-03-08", form="day_month"), reported_date="2024-03-08"),
                 _report("b", _said("date", "2024-03-07", form="day_month"), reported_date="2024-03-07")]  # fmt: skip
    assert _conflicts(day_month, SAME_MORNING)["severity"].to_list() == ["medium"]
    two_days = [_report("a", _said("date", "2024-03-09", form="day_month"), reported_date="2024-03-09"),
                _report("b", _said("date", "2024-03-07", form="day_month"), reported_date="2024-03-07")]  # fmt: skip
    assert _conflicts(two_days, SAME_MORNING)["severity"].to_list() == ["high"]
    weeks = [_report("a", _said("date", "2024-03-28", form="day_month"), reported_date="2024-03-28"),
             _report("b", _said("date", "2024-03-07", form="day_month"), reported_date="2024-03-07")]  # fmt: skip
    assert _conflicts(weeks, SAME_MORNING).height == 0


def test_a_weekday_or_a_date_in_a_sentence_not_naming_the_event_makes_no_date_conflict():
    weekday = [_report("a", _said("date", "2024-03-08", form="weekday"), reported_date="2024-03-08"),
               _report("b", _said("date", "2024-03-07", form="day_month"), reported_date="2024-03-07")]  # fmt: skip
    assert _conflicts(weekday, SAME_MORNING).height == 0
    elsewhere = [_report("a", _said("date", "2024-03-08", form="day_month", with_trigger=False), reported_date="2024-03-08"),
                 _report("b", _said("date", "2024-03-07", form="day_month"), reported_date="2024-03-07")]  # fmt: skip
    assert _conflicts(elsewhere, SAME_MORNING).height == 0


def test_a_weekday_at_a_part_of_the_day_tells_the_moment_a_bare_one_does_not():
    evening = [_report("a", _said("date", "2024-03-07", form="weekday", text="مساء الخميس"), reported_date="2024-03-07"),
               _report("b", _said("date", "2024-03-08", form="weekday", text="فجر الجمعة"), reported_date="2024-03-08")]  # fmt: skip
    days_after = _articles(("a", "bbc", "2024-03-09T09:00:00"), ("b", "cnn", "2024-03-09T10:00:00"))
    (row,) = _conflicts(evening, days_after).to_dicts()
    assert (row["attribute"], row["kind"], row["severity"]) == ("event_date", "disagreement", "low")
    bare = [_report("a", _said("date", "2024-03-07", form="weekday", text="الخميس"), reported_date="2024-03-07"),
            _report("b", _said("date", "2024-03-08", form="weekday", text="يوم الجمعة"), reported_date="2024-03-08")]  # fmt: skip
    assert _conflicts(bare, days_after).height == 0
    # on the day of publication a weekday may be a plan ("يعقد المجلس ظهر الخميس"), not when it happened
    that_day = _articles(("a", "bbc", "2024-03-07T09:00:00"), ("b", "cnn", "2024-03-09T10:00:00"))
    assert _conflicts(evening, that_day).height == 0


def test_weekdays_each_written_right_after_the_act_word_tell_the_moment_before_the_day_of_publication():
    taken = [_report("a", _said("date", "2024-03-05", form="weekday", text="الثلاثاء", on_act=True), reported_date="2024-03-05"),
             _report("b", _said("date", "2024-03-06", form="weekday", text="الأربعاء", on_act=True), reported_date="2024-03-06")]  # fmt: skip
    days_after = _articles(("a", "bbc", "2024-03-07T09:00:00"), ("b", "cnn", "2024-03-07T10:00:00"))
    (row,) = _conflicts(taken, days_after).to_dicts()
    assert (row["attribute"], row["kind"], row["severity"]) == ("event_date", "disagreement", "low")
    assert _values(row) == {"2024-03-05": ["a"], "2024-03-06": ["b"]}
    # one side's weekday is the day a source spoke ("قالت الشرطة، الأربعاء"): nothing to compare
    spoken = [taken[0], _report("b", _said("date", "2024-03-06", form="weekday", text="الأربعاء"), reported_date="2024-03-06")]
    assert _conflicts(spoken, days_after).height == 0
    # a weekday on the day of publication is that day's news, often another act merged into the event
    that_day = _articles(("a", "bbc", "2024-03-07T09:00:00"), ("b", "cnn", "2024-03-06T22:00:00"))
    assert _conflicts(taken, that_day).height == 0


def _place(ref, surface, **facts):
    return _said("place", surface, ref_id=ref, **facts)


def test_places_compatible_through_the_hierarchy_and_different_governorates_clash():
    village = {"ref_id": "sy-al-zir", "admin1": "sy-deir-ez-zor", "country": "sy", "place_kind": "village",
               "latitude": 35.188, "longitude": 40.386}  # fmt: skip
    governorate = {
        "ref_id": "sy-deir-ez-zor",
        "admin1": "sy-deir-ez-zor",
        "country": "sy",
        "place_kind": "admin1",
    }
    assert places_clash(village, governorate) is None
    idlib = {"ref_id": "sy-idlib", "admin1": "sy-idlib", "country": "sy", "place_kind": "admin1"}
    assert places_clash(village, idlib) == "admin1"
    basra = {"ref_id": "iq-basra", "admin1": "iq-basra", "country": "iq", "place_kind": "admin1"}
    assert places_clash(basra, idlib) == "country"


def test_two_towns_of_one_province_some_8_km_apart_clash_as_settlements_a_town_and_its_outskirts_do_not():
    def town(ref, latitude, longitude):
        return {"ref_id": ref, "admin1": "xx-province", "country": "xx", "place_kind": "town",
                "latitude": latitude, "longitude": longitude}  # fmt: skip

    # a hostage-taking put in a store of one town by one source and of the next town by another
    assert places_clash(town("xx-a", 43.216, 2.349), town("xx-b", 43.210, 2.442)) == "settlement"
    assert places_clash(town("xx-a", 43.216, 2.349), town("xx-c", 43.230, 2.380)) is None


def test_region_against_a_place_of_another_country_from_data():
    reports = [
        _report("a", _said("region", "north", country="iq", text="شمال العراق"), place_ref=None),
        _report("b", _place("iq-basra", "البصرة", admin1="iq-basra", country="iq", place_kind="admin1"),
                place_ref="iq-basra"),
    ]  # fmt: skip
    (row,) = _conflicts(reports, SAME_MORNING).to_dicts()
    assert row["attribute"] == "region"
    assert "Iraq" in row["explanation"] and "Syria" not in row["explanation"]
    assert "العراق" in row["explanation_ar"] and not LATIN.search(row["explanation_ar"])
    south = [reports[0] | {"statements": json.dumps([_said("region", "south", country="iq", text="جنوب العراق")])}, reports[1]]
    assert _conflicts(south, SAME_MORNING).height == 0


def test_a_region_told_of_another_place_is_not_the_events():
    # "أسقطت طائرة في محافظة أدلب شمال غربي سوريا" in a report of a strike in Deir ez-Zor
    idlib = _place("sy-idlib", "محافظة أدلب", admin1="sy-idlib", country="sy", place_kind="admin1", start=100)
    north_west = _said("region", "north-west", country="sy", text="شمال غربي سوريا", start=100)
    deir_ez_zor = _place("sy-deir-ez-zor", "دير الزور", admin1="sy-deir-ez-zor", country="sy", place_kind="admin1")
    reports = [
        _report("a", idlib, north_west, place_ref="sy-euphrates-valley"),
        _report("b", deir_ez_zor, place_ref="sy-deir-ez-zor"),
    ]
    assert _conflicts(reports, SAME_MORNING).filter(pl.col("attribute") == "region").height == 0
    own = [reports[0] | {"place_ref": None}, reports[1]]
    assert _conflicts(own, SAME_MORNING).filter(pl.col("attribute") == "region").height == 1
    # the region right after a place of another story, in a sentence that also names the report's own place
    sweida = _place("sy-suwayda", "مدينة السويداء", admin1="sy-suwayda", country="sy", place_kind="admin1", start=100)
    of_idlib = {**north_west, "of_place": "sy-idlib"}
    beside = [_report("a", idlib, sweida, of_idlib, place_ref="sy-suwayda"), reports[1]]
    assert _conflicts(beside, SAME_MORNING).filter(pl.col("attribute") == "region").height == 0
    unplaced = [_report("a", idlib, sweida, north_west, place_ref="sy-suwayda"), reports[1]]
    assert _conflicts(unplaced, SAME_MORNING).filter(pl.col("attribute") == "region").height == 1


def test_places_and_regions_one_article_states_together_clash_for_no_other_article():
    riyadh = _place("city-riyadh", "الرياض", admin1="sa-riyadh", country="sa", place_kind="city")
    south = _said("region", "south", country="sa", text="جنوبي السعودية")
    both = [_report("a", riyadh, south, place_ref="city-riyadh"),
            _report("b", riyadh, place_ref="city-riyadh"), _report("c", south, place_ref=None)]  # fmt: skip
    assert _conflicts(both, SAME_MORNING).height == 0
    # a region inside the one stated beside the place is as good as it: south-west beside "south and Riyadh"
    south_west = _said("region", "south-west", country="sa", text="جنوب غربي السعودية")
    assert _conflicts([*both[:2], _report("c", south_west)], SAME_MORNING).height == 0
    apart = [_report("b", riyadh, place_ref="city-riyadh"), _report("c", south, place_ref=None)]
    assert _conflicts(apart, SAME_MORNING)["attribute"].to_list() == ["region"]


def test_a_figure_in_a_sentence_that_does_not_name_the_event_is_not_its_toll():
    war = _said("wounded", 55, 200, with_trigger=False)
    reports = [_report("a", _said("wounded", 48)), _report("b", war)]
    assert (
        _conflicts(
            reports, _articles(("a", "bbc", "2018-08-10T00:00:00"), ("b", "bbc", "2018-08-25T00:00:00"))
        ).height
        == 0
    )
    named = [_report("a", _said("wounded", 48)), _report("b", _said("wounded", 55, 200))]
    assert _conflicts(named, SAME_MORNING).height == 1


def test_tolls_counted_in_places_or_on_dates_that_exclude_each_other_are_two_acts():
    def sentence(start, killed, *places):
        return [_said("killed", killed, start=start), *(_place(**p, start=start, as_where=True) for p in places)]

    karbala = {"ref": "iq-karbala", "surface": "كربلاء", "admin1": "iq-karbala", "country": "iq", "place_kind": "admin1"}
    basra = {"ref": "iq-basra", "surface": "البصرة", "admin1": "iq-basra", "country": "iq", "place_kind": "admin1"}
    iraq = {"ref": "iq", "surface": "العراق", "country": "iq", "place_kind": "country"}
    apart = [_report("a", *sentence(0, 30, karbala)), _report("b", *sentence(0, 50, basra))]
    assert _conflicts(apart, SAME_MORNING).height == 0
    # a place inside the other's, or a sentence naming none, may count the same dead
    within = [_report("a", *sentence(0, 30, karbala, iraq)), _report("b", *sentence(0, 50, iraq))]
    assert _conflicts(within, SAME_MORNING)["attribute"].to_list() == ["killed"]
    # a landmark the site is near: "قصف الغوطة الشرقية" and "قصف ... قرب دمشق"
    ghouta = {"ref": "sy-eastern-ghouta", "surface": "الغوطة الشرقية", "admin1": "sy-rif-dimashq", "country": "sy",
              "place_kind": "area", "latitude": 33.55, "longitude": 36.43}
    damascus = {"ref": "sy-damascus-city", "surface": "دمشق", "admin1": "sy-damascus", "country": "sy",
                "place_kind": "city", "latitude": 33.51, "longitude": 36.29}
    near = [_report("a", *sentence(0, 80, damascus)), _report("b", *sentence(0, 100, ghouta))]
    assert _conflicts(near, SAME_MORNING)["attribute"].to_list() == ["killed"]
    unplaced = [_report("a", *sentence(0, 30, karbala)), _report("b", *sentence(0, 50))]
    assert _conflicts(unplaced, SAME_MORNING)["attribute"].to_list() == ["killed"]
    # the dates two sentences write out weeks apart; the days an act and its toll's announcement are told may differ
    dated = [_report("a", _said("killed", 80, dated=["2017-04"])), _report("b", _said("killed", 40, dated=["2018-04-07"]))]
    assert _conflicts(dated, SAME_MORNING).height == 0
    same_day = [_report("a", _said("killed", 80, dated=["2018-04-09"])), _report("b", _said("killed", 40, dated=["2018-04-07"]))]
    assert _conflicts(same_day, SAME_MORNING)["attribute"].to_list() == ["killed"]


def test_a_place_of_a_sentence_dated_weeks_before_its_report_tells_of_an_earlier_act():
    # "وفي 19 حزيران/يونيو الماضي، أطلق الجيش السوري عملية ... في درعا والقنيطرة" in a report of 24 July
    quneitra = _place("sy-quneitra", "القنيطرة", admin1="sy-quneitra", country="sy", place_kind="admin1")
    masyaf = _place("sy-masyaf", "مصياف", admin1="sy-hama", country="sy", place_kind="city", latitude=35.06, longitude=36.34)
    earlier = {**quneitra, "dated": ["2018-06-19"]}
    reports = [_report("a", earlier, _said("killed", 80, dated=["2018-06-19"]), place_ref="sy-quneitra", reported_date="2018-07-24"),
               _report("b", masyaf, _said("killed", 3), place_ref="sy-masyaf", reported_date="2018-07-24")]  # fmt: skip
    assert _conflicts(reports, SAME_MORNING)["attribute"].to_list() == ["killed"]
    today = [reports[0] | {"statements": json.dumps([quneitra, _said("killed", 80)], ensure_ascii=False)}, reports[1]]
    assert sorted(_conflicts(today, SAME_MORNING)["attribute"].to_list()) == ["killed", "place"]


def test_joint_or_unilateral_said_beside_a_sentence_of_the_act_tells_of_something_else():
    told = [_report("a", _said("partner", "joint")), _report("b", _said("partner", "unilateral"))]
    assert _conflicts(told, SAME_MORNING)["attribute"].to_list() == ["partner"]
    aside = [_report("a", _said("partner", "joint")),
             _report("b", _said("partner", "joint"), _said("partner", "unilateral", 100, "monitor", with_trigger=False))]
    assert _conflicts(aside, SAME_MORNING).height == 0
    only_aside = [_report("a", _said("partner", "joint")), _report("b", _said("partner", "unilateral", with_trigger=False))]
    assert _conflicts(only_aside, SAME_MORNING)["attribute"].to_list() == ["partner"]


def test_compass_regions_clash_only_when_opposite():
    assert regions_clash("east", "north-west")
    assert not regions_clash("east", "north")
    assert not regions_clash("east+north", "north-west")


def test_a_listed_village_spelled_another_way_by_another_source_is_an_info_place_row():
    reports = [
        _report("a", _place("sy-al-zir", "الزر", place_kind="village")),
        _report("b", _place(None, "الرز")),
    ]
    (row,) = _conflicts(reports, SAME_MORNING).to_dicts()
    assert (row["attribute"], row["severity"]) == ("place", "info")
    assert not LATIN.search(row["explanation_ar"])
    unlisted = [_report("a", _place(None, "جازان")), _report("b", _place(None, "جيزان"))]
    assert _conflicts(unlisted, SAME_MORNING).height == 0


def _person(entity_id, *stated):
    attrs = {"stated": [{"surface": s, "article_id": a, "start": 0, "end": len(s)} for s, a in stated]}
    return {"entity_id": entity_id, "entity_type": "PERSON", "canonical_name": stated[0][0],
            "attrs": json.dumps(attrs, ensure_ascii=False)}  # fmt: skip


def _people(*entities):
    return warehouse.conform(pl.DataFrame(list(entities)), "entities")


def test_a_name_written_in_one_word_or_two_is_one_spelling():
    assert not spelling_variants("كفر بطنا", "كفربطنا")
    assert spelling_variants("جندريس", "جنديرس") and spelling_variants("الزر", "الرز")


def test_given_names():
    assert same_given_name("جيرار", "جيرارد")
    assert same_given_name("يوسف", "يوسوف")
    assert not same_given_name("محمد", "أحمد")
    assert not same_given_name("إريك", "مايكل")
    # a vowel letter dropped inside, or one foreign sound written with another letter
    assert same_given_name("ديمتري", "ديميتري") and same_given_name("برايان", "براين")
    assert same_given_name("أنجيلا", "أنغيلا") and same_given_name("لويس", "لويز")
    assert same_given_name("دميتري", "ديمتري") and same_given_name("نيكولاي", "نيقولاي")
    assert not same_given_name("محسن", "محمد") and not same_given_name("عبدالكريم", "عبدالملك")
    assert same_given_name("أشرف", "أشرق")  # letters of one shape, told apart by their dots
    assert same_given_name("الحبيب", "حبيب") and not same_given_name("إلياس", "ياسر")
    assert same_given_name("سامويل", "صامويل") and same_given_name("ناعومي", "ناومي")
    assert same_given_name("ماوريتسيو", "ماوريسيو") and same_given_name("تشارلز", "شارلز")
    assert same_given_name("جو", "جوزيف") and same_given_name("بنجامان", "بنجامين")
    assert not same_given_name("سعيد", "سيد") and not same_given_name("مايكل", "ميشيل")
    assert not same_given_name("فيتور", "فيكتور")
    assert same_given_name("رافائيل", "رافاييل") and same_given_name("راؤول", "راوول")  # hamza seats
    assert same_given_name("أندرو", "أندي") and same_given_name("وليام", "بيل")  # listed short forms
    assert not same_given_name("أندرو", "بيل")
    entities = _people(
        _person("P1", ("محمد الحمصي", "a"), ("أحمد الحمصي", "b")),
        _person("P6", ("أحمدي نجاد", "a"), ("محمود أحمدي نجاد", "b")),
        _person("P7", ("بن لادن", "a"), ("أسامة بن لادن", "b")),
        _person("P8", ("عبد الملك الحوثي", "a"), ("عبدالكريم الحوثي", "b")),
        # the kunya in the accusative or in one word is no first name
        _person("P9", ("أبا بكر البغدادي", "a"), ("أبوبكر البغدادي", "b"), ("أبو بكر البغدادي", "b")),
        _person("P2", ("جيرار كوشنر", "a"), ("جيرارد كوشنر", "b")),
        _person("P3", ("الركن سالم الحمد", "a"), ("سالم الحمد", "b")),
        _person("P5", ("ركن تركي المالكي", "a"), ("تركي المالكي", "b")),
        _person("P4", ("محمد الحمصي", "a"), ("أحمد الحمصي", "a")),
        # a first name no list holds may be a spelling of the other: no disagreement
        _person("P10", ("كيرستشن نيلسن", "a"), ("كرستين نيلسن", "b")),
    )
    found = find_conflicts(warehouse.empty_frame("event_reports"), entities, SAME_MORNING)
    found = found.sort("subject_id")
    assert found.select("subject_id", "attribute", "severity").rows() == [
        ("P1", "given_name", "high"), ("P8", "given_name", "high")
    ]  # fmt: skip
    # the given name whole, even when the parser joined it from two words (عبد الملك), not "الملك"
    assert (
        "عبدالملك، عبدالكريم" in found["explanation_ar"][1]
        or "عبدالكريم، عبدالملك" in found["explanation_ar"][1]
    )
    assert not LATIN.search(found["explanation_ar"][0])
    assert not ARABIC.search(found["explanation"][0])


def test_one_article_giving_another_first_name_than_many_names_a_namesake():
    known = [("حسن نصرالله", a) for a in "abcde"]
    entities = _people(_person("P1", *known, ("إبراهيم نصرالله", "f"), ("عبيد نصرالله", "g")),
                       _person("P2", *known[:2], ("إبراهيم نصرالله", "f")))  # fmt: skip
    found = find_conflicts(warehouse.empty_frame("event_reports"), entities, SAME_MORNING)
    assert found.select("subject_id", "attribute").rows() == [("P2", "given_name")]


def test_kunya_beside_the_name_in_other_articles_is_an_info_name_row():
    entities = _people(
        _person("P1", ("سالم حمد", "a"), ("أبو عمر", "b")),
        _person("P2", ("سالم حمد", "a"), ("أبو عمر", "a"), ("سالم حمد", "b"), ("أبو عمر", "b")),
        # a family name that starts with Abu, the tail of the full name: no kunya
        _person("P3", ("أبو الغيط", "a"), ("أحمد أبو الغيط", "b")),
        _person("P6", ("أبوريدة", "a"), ("هاني أبو ريدة", "b")),
        _person("P7", ("أبو الغيط", "a"), ("أحمد أبوالغيط", "b")),
        _person("P8", ("أبو زيد", "a"), ("أحمد أبازيد", "b")),
        # a kunya put before the name is still one (أبو أسامة المهاجر / أسامة المهاجر)
        _person("P4", ("أبو أسامة المهاجر", "a"), ("أسامة المهاجر", "b")),
        _person("P5", ("أبا بكر البغدادي", "a"), ("أبوبكر البغدادي", "b"), ("أبو بكر البغدادي", "b")),
    )
    found = find_conflicts(warehouse.empty_frame("event_reports"), entities, SAME_MORNING).sort("subject_id")
    assert found.select("subject_id", "attribute", "severity").rows() == [
        ("P1", "name", "info"),
        ("P4", "name", "info"),
    ]


def test_roles_across_articles():
    reports = [
        _report("a", target_entity_ids=["P1"], target_roles=["القيادي"]),
        _report("b", target_entity_ids=["P1"], target_roles=["والي"]),
    ]
    found = _conflicts(reports, SAME_MORNING)
    assert found.select("subject_id", "attribute").rows() == [("P1", "role")]
    # months apart the commander may have become leader; "official" is said of anyone in charge
    other_events = [reports[0], _report("b", event="E2", target_entity_ids=["P1"], target_roles=["والي"])]
    assert _conflicts(other_events, SAME_MORNING).height == 0
    official = [reports[0], _report("b", target_entity_ids=["P1"], target_roles=["مسؤول"])]
    assert _conflicts(official, SAME_MORNING).height == 0
    # قائد is a leader as often as a commander; a proclitic changes no role (للأمير is الأمير)
    leader = [_report("a", target_entity_ids=["P1"], target_roles=["القائد"]),
              _report("b", target_entity_ids=["P1"], target_roles=["زعيم"])]  # fmt: skip
    emir = [_report("a", target_entity_ids=["P1"], target_roles=["الأمير"]),
            _report("b", target_entity_ids=["P1"], target_roles=["للأمير"])]  # fmt: skip
    assert _conflicts(leader, SAME_MORNING).height == 0 and _conflicts(emir, SAME_MORNING).height == 0


def test_figures_and_the_conservative_toll():
    articles = _articles(("a", "bbc", "2018-07-25T09:00:00"), ("b", "cnn", "2018-07-25T10:00:00"),
                         ("c", "bbc", "2018-07-26T12:00:00"), ("d", "cnn", "2018-07-25T11:00:00"))  # fmt: skip
    reports = [_report("a", _said("killed", 215)), _report("b", _said("killed", 221)),
               _report("c", _said("killed", 252)), _report("d", _said("killed", 200, approximate=True))]  # fmt: skip
    frame = warehouse.conform(pl.DataFrame(reports), "event_reports")
    (row,) = event_figures(frame, articles).to_dicts()
    # 215 and 221 are revised by 252 a day later; "about 200" is not definite.
    assert row["killed_conservative"] == 252
    assert row["wounded_conservative"] is None and row["detained_conservative"] is None
    assert [f["value"] for f in json.loads(row["figures"])] == [215, 221, 200, 252]


def test_severity_sorts_in_duckdb(tmp_path):
    reports = [_report("a", _said("killed", 215), _said("partner", "joint")),
               _report("b", _said("killed", 221), _said("partner", "unilateral"))]  # fmt: skip
    found = _conflicts(reports, SAME_MORNING)
    with warehouse.writer(tmp_path / "w.duckdb") as con:
        warehouse.replace_rows(con, "conflicts", found)
        ordered = [
            r[0] for r in con.execute("SELECT severity FROM conflicts ORDER BY severity DESC").fetchall()
        ]
    assert ordered == ["high", "medium"]


def test_a_group_of_the_dead_is_not_compared_with_the_toll():
    parts = [_report("a", _said("killed", 220), _said("killed", 62, subject="مدنيين")),
             _report("b", _said("killed", 220), _said("killed", 127, subject="مدنيين"))]  # fmt: skip
    (row,) = _conflicts(parts, SAME_MORNING).to_dicts()
    assert _values(row) == {"62 مدنيين": ["a"], "127 مدنيين": ["b"]}


def test_the_dead_of_one_nationality_or_its_citizens_are_not_compared_with_the_toll():
    parts = [_report("a", _said("killed", 100)),
             _report("b", _said("killed", 2, subject="مقاتلين", nationality="RU")),
             _report("c", _said("killed", 5, subject="مواطنين")),
             _report("d", _said("killed", 9, subject="جهاديين"))]  # fmt: skip
    articles = _articles(*SAME_MORNING.rows(), ("c", "afp", "2018-07-25T11:00:00"), ("d", "ap", "2018-07-25T11:30:00"))
    assert _conflicts(parts, articles).height == 0


def test_numbers_and_dates_of_one_article_are_never_compared_even_with_named_sources():
    one = [_report("a", _said("killed", 2, 0, "command_statement"), _said("killed", 100, 90, "monitor"))]
    assert _conflicts(one, SAME_MORNING).height == 0


def test_types_one_event_is_never_reported_under_disagree():
    def typed(article, event_type, **columns):
        return _report(article, reported_type=event_type, is_background=False, modality="asserted") | columns

    four_outlets = _articles(("a", "bbc", "2018-07-25T09:00:00"), ("b", "cnn", "2018-07-25T10:00:00"),
                             ("c", "sky", "2018-07-25T09:30:00"), ("d", "afp", "2018-07-25T10:30:00"))  # fmt: skip
    reports = [typed("a", "air_strike"), typed("c", "air_strike"), typed("b", "ground_raid"), typed("d", "ground_raid")]
    (row,) = _conflicts(reports, four_outlets).to_dicts()
    assert (row["attribute"], row["severity"]) == ("type", "medium")
    # one outlet's type against another's may be our misreading of one of them
    assert _conflicts([typed("a", "air_strike"), typed("b", "ground_raid")], SAME_MORNING).height == 0
    assert "an air strike" in row["explanation"] and "مداهمة برية" in row["explanation_ar"]
    assert not LATIN.search(row["explanation_ar"]) and not ARABIC.search(row["explanation"])
    # one family, told two ways; a background mention; a report that only relays an allegation
    assert _conflicts([typed("a", "attack"), typed("b", "shooting")], SAME_MORNING).height == 0
    assert (
        _conflicts(
            [typed("a", "air_strike"), typed("b", "ground_raid", is_background=True)], SAME_MORNING
        ).height
        == 0
    )
    assert (
        _conflicts(
            [typed("a", "air_strike"), typed("b", "ground_raid", modality="alleged")], SAME_MORNING
        ).height
        == 0
    )


def test_every_event_type_has_words_in_both_languages():
    assert set(TYPE_WORDS) == set(EVENT_TYPES)


def test_two_organizations_claiming_one_attack_or_a_claim_and_a_denial():
    def claim(org, stance, source=None):
        return _said("responsibility", org, 0 if stance == "claimed" else 80, source, stance=stance)

    two = [_report("a", claim("isis", "claimed")), _report("b", claim("jad", "claimed"))]
    assert _conflicts(two, SAME_MORNING)["attribute"].to_list() == ["claim"]
    cited = [
        _report("a", claim("hamas", "claimed", "news_agency"), claim("hamas", "denied", "anonymous_official"))
    ]
    assert _conflicts(cited, SAME_MORNING)["n_articles"].to_list() == [1]
    agree = [_report("a", claim("isis", "claimed")), _report("b", claim("isis", "claimed"))]
    assert _conflicts(agree, SAME_MORNING).height == 0


def test_claim_explanations_name_the_organization_in_each_language():
    said = [_report("a", _said("responsibility", "isis", stance="claimed")),
            _report("b", _said("responsibility", "الحوثيين", stance="claimed"))]  # fmt: skip
    (row,) = _conflicts(said, SAME_MORNING).to_dicts()
    assert not ARABIC.search(row["explanation"]) and not LATIN.search(row["explanation_ar"])
    assert "isis claims it" in row["explanation"]


def test_the_conflicts_listing_shows_where_each_value_is_stated():
    found = _conflicts([_report("a", _said("killed", 215, 10, "monitor")), _report("b", _said("killed", 221))],
                       SAME_MORNING)  # fmt: skip
    text = render_conflicts(found, {"a": "bbc", "b": "cnn"})
    assert "bbc, 2018-07-25T09:00, a chars 10-50, credits monitor" in text
    assert "(disagreement)" in text and "[high]" in text
    # a report's type is stated by no one sentence: the evidence names the article, no offsets
    typed = [
        _report(x, reported_type=t, is_background=False, modality="asserted")
        for x, t in (("a", "air_strike"), ("c", "air_strike"), ("b", "ground_raid"), ("d", "ground_raid"))
    ]
    four_outlets = _articles(("a", "bbc", "2018-07-25T09:00:00"), ("b", "cnn", "2018-07-25T10:00:00"),
                             ("c", "sky", "2018-07-25T09:30:00"), ("d", "afp", "2018-07-25T10:30:00"))  # fmt: skip
    text = render_conflicts(_conflicts(typed, four_outlets), {"a": "bbc", "b": "cnn", "c": "sky", "d": "afp"})
    assert "bbc, 2018-07-25T09:00, a" in text and "None" not in text


def test_a_capital_standing_for_its_government_is_no_place_of_the_event():
    cairo = _place("eg-cairo", "القاهرة", country="eg", place_kind="city", latitude=30.04, longitude=31.24)
    derna = _place("ly-derna", "درنة", country="ly", place_kind="city", latitude=32.77, longitude=22.64)
    where = [_report("a", derna, place_ref="ly-derna"), _report("b", cairo, place_ref="eg-cairo")]
    assert _conflicts(where, SAME_MORNING)["attribute"].to_list() == ["place"]
    speaking = {**cairo, "as_where": False}  # "تكون القاهرة خطت أولى خطواتها"
    acting = [_report("a", derna, place_ref="ly-derna"), _report("b", speaking, place_ref="eg-cairo")]
    assert _conflicts(acting, SAME_MORNING).height == 0


def test_a_group_s_figures_get_their_own_row_beside_a_toll():
    with_toll = [
        _report("a", _said("killed", 220), _said("killed", 62, subject="مدنيين")),
        _report("b", _said("killed", 220), _said("killed", 127, subject="مدنيين")),
    ]
    (row,) = _conflicts(with_toll, SAME_MORNING).to_dicts()
    assert row["attribute"] == "civilians_killed" and "(civilians)" in row["explanation"]
    assert "(مدنيين)" in row["explanation_ar"]
    # no report gives a toll: the soldiers' figures are the tolls
    alone = [_report("a", _said("wounded", 3, subject="جنود")), _report("b", _said("wounded", 4, subject="جنود"))]
    assert _conflicts(alone, SAME_MORNING)["attribute"].to_list() == ["wounded"]


def test_no_group_claimed_yet_then_a_claim_is_an_update():
    unclaimed = _said("responsibility", None, 0, stance="unclaimed")
    claimed = _said("responsibility", "isis", 0, stance="claimed")
    # a: 09:00 "no group has claimed it yet"; b: 10:00 "IS claimed it"
    (row,) = _conflicts([_report("a", unclaimed), _report("b", claimed)], SAME_MORNING).to_dicts()
    assert (row["attribute"], row["kind"], row["severity"]) == ("claim", "update", "low")
    assert "no group has claimed it" in row["explanation"] and not LATIN.search(row["explanation_ar"])
    # the claim told before the "not yet": the sources disagree
    (row,) = _conflicts([_report("a", claimed), _report("b", unclaimed)], SAME_MORNING).to_dicts()
    assert row["kind"] == "disagreement"
    # one article that says "not yet" and then tells the claim is one account; two "not yet" agree
    assert _conflicts([_report("a", unclaimed, claimed)], SAME_MORNING).height == 0
    assert _conflicts([_report("a", unclaimed), _report("b", unclaimed)], SAME_MORNING).height == 0


def test_other_figures_of_an_event_compare_like_with_like():
    # missiles fired: two outlets at once differ; a later, higher figure is an update
    fired = [_report("a", _said("missiles_fired", 30, approximate=True, approximator="نحو")),
             _report("b", _said("missiles_fired", 70))]  # fmt: skip
    (row,) = _conflicts(fired, SAME_MORNING).to_dicts()
    assert (row["attribute"], row["kind"], row["severity"]) == ("missiles_fired", "disagreement", "medium")
    assert "missiles fired" in row["explanation"] and "الصواريخ التي أطلقت" in row["explanation_ar"]
    later = _articles(("a", "bbc", "2018-03-25T21:00:00"), ("b", "cnn", "2018-03-26T07:00:00"))
    intercepted = [_report("a", _said("missiles_intercepted", 1)), _report("b", _said("missiles_intercepted", 7))]
    (row,) = _conflicts(intercepted, later).to_dicts()
    assert (row["kind"], row["severity"]) == ("update", "low") and "1 -> 7" in row["explanation"]
    # fired never compares with intercepted, nor with the toll; "more than 30" holds 36
    mixed = [_report("a", _said("missiles_fired", 7), _said("killed", 2)),
             _report("b", _said("missiles_intercepted", 3), _said("killed", 2))]  # fmt: skip
    assert _conflicts(mixed, SAME_MORNING).height == 0
    bound = [_report("a", _said("abducted", 30, approximate=True, approximator="أكثر من")),
             _report("b", _said("abducted", 36, subject="مدنيين"))]  # fmt: skip
    assert _conflicts(bound, SAME_MORNING).height == 0


def test_the_civilians_abducted_are_all_who_were_and_other_groups_a_row_apart():
    taken = [_report("a", _said("abducted", 20, subject="مدنيين")), _report("b", _said("abducted", 25, subject="أشخاص"))]
    (row,) = _conflicts(taken, SAME_MORNING).to_dicts()
    assert row["attribute"] == "abducted"
    women = [_report("a", _said("abducted", 14, subject="نساء")), _report("b", _said("abducted", 25, subject="أشخاص"))]
    assert _conflicts(women, SAME_MORNING).height == 0


def test_two_sides_salvos_are_two_counts():
    exchange = [_report("a", _said("missiles_fired", 20, by="IR")), _report("b", _said("missiles_fired", 60, by="IL")),
                _report("c", _said("missiles_fired", 45))]  # fmt: skip
    articles = _articles(*SAME_MORNING.rows(), ("c", "afp", "2018-07-25T11:00:00"))
    # the figure of no named side may be either side's: not compared in an exchange
    assert _conflicts(exchange, articles).height == 0
    one_side = [_report("a", _said("missiles_fired", 20, by="IR")), _report("b", _said("missiles_fired", 32))]
    assert _conflicts(one_side, SAME_MORNING).height == 1


def test_a_salvo_told_in_parts_and_an_article_s_largest_figure():
    # "60 air-to-surface ... and 10 more": 70, as the other outlet says
    parts = [_report("a", _said("missiles_fired", 60, 0), _said("missiles_fired", 10, 50, more=True)),
             _report("b", _said("missiles_fired", 70))]  # fmt: skip
    assert _conflicts(parts, SAME_MORNING).height == 0
    # missiles of one kind are no total of the salvo
    typed = [_report("a", _said("missiles_fired", 60, missile_type="air_to_surface")),
             _report("b", _said("missiles_fired", 70))]  # fmt: skip
    assert _conflicts(typed, SAME_MORNING).height == 0
    # one article telling of one missile in a quote and of two in another report says two
    quoted = [_report("a", _said("missiles_fired", 1), event="E1"), _report("a", _said("missiles_fired", 2), event="E1"),
              _report("b", _said("missiles_fired", 2))]  # fmt: skip
    assert _conflicts(quoted, SAME_MORNING).height == 0


def test_the_dead_of_a_jihadist_group_and_a_nation_s_citizens_are_groups():
    fighters = [_report("a", _said("killed", 250), _said("killed", 30, subject="مسلحين", side="jihadists")),
                _report("b", _said("killed", 250), _said("killed", 63, subject="مقاتلين", side="jihadists")),
                _report("c", _said("killed", 250), _said("killed", 12, subject="مسلحين"))]  # fmt: skip
    later = _articles(("a", "skynews", "2018-07-25T17:00:00"), ("b", "france24", "2018-07-26T21:00:00"),
                      ("c", "bbc", "2018-07-26T22:00:00"))
    rows = {r["attribute"]: r for r in _conflicts(fighters, later).to_dicts()}
    # gunmen of no named side (c) are another group
    assert set(rows) == {"jihadists_killed"} and rows["jihadists_killed"]["kind"] == "update"
    assert _values(rows["jihadists_killed"]) == {
        "30 مسلحين": ["a"], "63 مقاتلين": ["b"]
    }
    citizens = [_report("a", _said("killed", 100), _said("killed", 2, subject="مقاتلين", nationality="RU",
                                                         approximate=True, approximator="على الأقل")),
                _report("b", _said("killed", 100), _said("killed", 5, subject="مواطنين", nationality="RU"))]  # fmt: skip
    days = _articles(("a", "bbc", "2018-02-14T11:00:00"), ("b", "france24", "2018-02-17T07:00:00"))
    (row,) = _conflicts(citizens, days).to_dicts()
    assert (row["attribute"], row["kind"]) == ("ru_nationals_killed", "update")


def test_a_group_among_the_dead_names_the_toll_a_part_of_no_group_does_not():
    # "من بين القتلى 62 مدنيا" in a sentence that does not name the attack still counts its civilians
    civilians = [_report("a", _said("killed", 220), _said("killed", 62, 90, subject="مدنيين", part=True, with_trigger=False)),
                 _report("b", _said("killed", 220), _said("killed", 127, subject="مدنيين", part=True))]  # fmt: skip
    assert _conflicts(civilians, SAME_MORNING)["attribute"].to_list() == ["civilians_killed"]
    # "بينهم قياديان" where the article's toll was not told is no toll of 2
    leaders = [_report("a", _said("killed", 14, with_trigger=False), _said("killed", 2, 90, subject="قياديين", part=True,
                                                                        with_trigger=False)),
               _report("b", _said("killed", 14))]  # fmt: skip
    assert _conflicts(leaders, SAME_MORNING).height == 0


def test_forces_killed_are_the_soldiers_among_the_dead():
    from tahqiq.quality.figures import casualty_group

    # "سبعة من قوات الأمن" beside "28 قتيلا": the security forces' dead, not a second toll
    assert casualty_group("قوات") == casualty_group("جنود") == "soldiers"


def test_a_jihadist_groups_dead_are_the_toll_of_an_operation_on_them():
    from tahqiq.quality.figures import OPERATIONS_ON_THEM, report_figures

    item = {"attribute": "killed", "value": 3, "subject": "عناصر", "side": "jihadists", "with_trigger": True,
            "start": 0, "end": 10}  # fmt: skip
    raid = {"article_id": "a", "reported_type": "helicopter_raid", "statements": json.dumps([item])}
    bombing = {**raid, "reported_type": "suicide_bomb"}
    assert "helicopter_raid" in OPERATIONS_ON_THEM
    (of_raid,) = report_figures(raid, {}, "killed")
    (of_bombing,) = report_figures(bombing, {}, "killed")
    assert (of_raid.facts["group"], of_bombing.facts["group"]) == ("", "jihadists")


def test_a_toll_read_off_a_singular_noun_clashes_only_as_none_against_some():
    from tahqiq.quality.figures import Statement, figures_differ

    def toll(n: int, article: str, uncounted: bool = False) -> Statement:
        facts = {"attribute": "killed", "value": n, **({"uncounted": True} if uncounted else {})}
        return Statement(n, article, "outlet-" + article, "2018-03-25T20:00:00+00:00", facts=facts)

    assert not figures_differ(toll(1, "a", uncounted=True), toll(6, "b"))  # "مقتل القيادي" beside "قتل مع 6 من مرافقيه"
    assert figures_differ(toll(0, "a", uncounted=True), toll(1, "b", uncounted=True))  # none reported, then one


def test_a_part_of_the_toll_is_revised_by_no_later_toll():
    from tahqiq.quality.figures import Statement, figures_differ

    def toll(n: int, article: str, published: str, part: bool = False) -> Statement:
        facts = {"attribute": "killed", "value": n, "group": "", **({"part": True} if part else {})}
        return Statement(n, article, "outlet-" + article, published, facts=facts)

    # "من بين القتلى القياديان" on the 9th, 51 dead on the 14th: no update, and no clash
    assert not figures_differ(toll(2, "a", "2018-08-09T10:00:00+00:00", part=True), toll(51, "b", "2018-08-14T10:00:00+00:00"))
    assert figures_differ(toll(42, "a", "2018-08-09T10:00:00+00:00"), toll(51, "b", "2018-08-14T10:00:00+00:00"))


def test_people_displaced_differ_only_at_one_moment():
    # two outlets the same morning: a disagreement on a figure of its own, of medium severity
    fled = [_report("a", _said("displaced", 30000, subject="أشخاص")),
            _report("b", _said("displaced", 70000, subject="مدنيين"))]  # fmt: skip
    (row,) = _conflicts(fled, SAME_MORNING).to_dicts()
    assert (row["attribute"], row["kind"], row["severity"]) == ("displaced", "disagreement", "medium")
    assert "the number displaced" in row["explanation"] and "عدد النازحين" in row["explanation_ar"]
    # people keep fleeing: a figure a day later counts another day, it revises nothing
    days = _articles(("a", "sky", "2018-03-15T15:00:00"), ("b", "afp", "2018-03-17T07:00:00"))
    assert _conflicts(fled, days).height == 0
    # "more than 200,000" holds a quarter million
    bound = [_report("a", _said("displaced", 200000, approximate=True, approximator="أكثر من")),
             _report("b", _said("displaced", 250000))]  # fmt: skip
    assert _conflicts(bound, SAME_MORNING).height == 0


def test_the_attacker_s_word_that_he_belongs_to_a_group_then_the_group_s_claim_is_an_update():
    allegiance = _said("responsibility", "isis", 0, stance="allegiance")
    claimed = _said("responsibility", "isis", 0, stance="claimed")
    (row,) = _conflicts([_report("a", allegiance), _report("b", claimed)], SAME_MORNING).to_dicts()
    assert (row["attribute"], row["kind"], row["severity"]) == ("claim", "update", "low")
    assert not LATIN.search(row["explanation_ar"]) and not ARABIC.search(row["explanation"])
    # told the other way round, or by an article that tells the claim too, or of another group: both true
    assert _conflicts([_report("a", claimed), _report("b", allegiance)], SAME_MORNING).height == 0
    assert _conflicts([_report("a", allegiance, claimed), _report("b", claimed)], SAME_MORNING).height == 0
    other = _said("responsibility", "aqap", 0, stance="claimed")
    assert _conflicts([_report("a", allegiance), _report("b", other)], SAME_MORNING).height == 0
    # his word against the group's denial is not this row
    denied = _said("responsibility", "isis", 0, stance="denied")
    assert _conflicts([_report("a", allegiance), _report("b", denied)], SAME_MORNING).height == 0


def test_a_party_denying_it_against_a_source_naming_it_as_the_doer_disagree():
    denied = _said("responsibility", "ir", 0, stance="denied", kind="country", text="إيران")
    accused = _said("actor", "ir", 50, kind="country", text="إيران", how="accused", listed=True, act=None, links=[])
    (row,) = [r for r in _conflicts([_report("a", denied), _report("b", accused)], SAME_MORNING).to_dicts()
              if r["attribute"] == "claim"]  # fmt: skip
    assert (row["kind"], row["severity"]) == ("disagreement", "medium")
    assert set(_values(row)) == {"ir:denied", "ir:named"}
    assert "Iran" in row["explanation"] and not LATIN.search(row["explanation_ar"])
    # another party named as the doer, or no denial: no claim row
    other = {**accused, "value": "il", "text": "إسرائيل"}
    assert [r for r in _conflicts([_report("a", denied), _report("b", other)], SAME_MORNING).to_dicts()
            if r["attribute"] == "claim"] == []  # fmt: skip
    assert _conflicts([_report("a", accused), _report("b", accused)], SAME_MORNING).height == 0


def test_a_party_that_called_its_act_lawful_then_admits_errors_updates_its_account():
    justified = _said("responsibility", "saudi_coalition", 0, stance="justified")
    admitted = _said("responsibility", "saudi_coalition", 0, stance="admitted")
    # the admission follows an inquiry, three weeks after the defence
    weeks = _articles(("a", "france24", "2018-08-09T18:00:00"), ("b", "bbc", "2018-09-01T10:00:00"))
    (row,) = _conflicts([_report("a", justified), _report("b", admitted)], weeks).to_dicts()
    assert (row["attribute"], row["kind"], row["severity"]) == ("claim", "update", "low")
    assert "admits errors" in row["explanation"] and not LATIN.search(row["explanation_ar"])
    # the admission told first, then the defence: the sources disagree
    (row,) = _conflicts([_report("a", admitted), _report("b", justified)], SAME_MORNING).to_dicts()
    assert row["kind"] == "disagreement"
    # another party's admission, or one party's two defences: no row
    other = _said("responsibility", "idf", 0, stance="admitted")
    assert _conflicts([_report("a", justified), _report("b", other)], weeks).height == 0
    assert _conflicts([_report("a", justified), _report("b", justified)], weeks).height == 0
    # a defence against a claim or a denial of another kind is no change of account
    denied = _said("responsibility", "saudi_coalition", 0, stance="denied")
    assert _conflicts([_report("a", justified), _report("b", denied)], weeks).height == 0


def test_which_claim_came_first_is_read_by_the_clock_not_the_written_time():
    allegiance = _said("responsibility", "isis", 0, stance="allegiance")
    claimed = _said("responsibility", "isis", 0, stance="claimed")
    # 14:43 in Dubai is 10:43 UTC, before 13:32 UTC
    zones = _articles(("a", "alarabiya", "2018-03-23T14:43:28+04:00"), ("b", "sky", "2018-03-23T13:32:50+00:00"))
    (row,) = _conflicts([_report("a", allegiance), _report("b", claimed)], zones).to_dicts()
    assert row["kind"] == "update"


def test_kinds_of_target_two_parties_tell_that_exclude_each_other():
    def target(kind, source, text=None):
        return _said("target", kind, 0, source, text=text or kind)

    airport = target("airport", "news_agency", "مطار")
    civilian = target("civilian", "command_statement", "المناطق المدنية")
    (row,) = _conflicts([_report("a", airport), _report("b", civilian)], SAME_MORNING).to_dicts()
    assert (row["attribute"], row["kind"], row["severity"]) == ("target", "disagreement", "medium")
    assert "an airport" in row["explanation"] and not LATIN.search(row["explanation_ar"])
    # an airport and military sites may be one target; a sentence crediting no source says no party's word
    military = target("military", "command_statement")
    assert _conflicts([_report("a", airport), _report("b", military)], SAME_MORNING).height == 0
    assert _conflicts([_report("a", target("airport", None)), _report("b", civilian)], SAME_MORNING).height == 0
    # an article stating both kinds in one voice sees no contradiction in them
    three = _articles(("a", "bbc", "2018-07-25T09:00:00"), ("b", "cnn", "2018-07-25T10:00:00"),
                      ("c", "sky", "2018-07-25T10:30:00"))  # fmt: skip
    both = [_report("a", airport), _report("b", civilian), _report("c", target("airport", "monitor"),
                                                                   target("civilian", "monitor"))]  # fmt: skip
    assert _conflicts(both, three).height == 0
    # one that credits each kind to its own source reports the disagreement itself
    told = [_report("a", airport), _report("b", civilian), _report("c", target("airport", "monitor"), civilian)]
    assert _conflicts(told, three).height == 1
    # a sentence telling someone's word the claim categories do not know is credited; two such in one article
    # are one voice
    def credited(kind):
        return {**target(kind, None), "credited": True}

    assert _conflicts([_report("a", credited("military")), _report("b", credited("civilian"))], SAME_MORNING).height == 1
    one_voice = [_report("a", credited("military")), _report("b", credited("civilian")),
                 _report("c", credited("military"), credited("civilian"))]  # fmt: skip
    assert _conflicts(one_voice, three).height == 0


def test_full_control_of_a_place_against_part_of_it():
    def control(value, places, source=None):
        return _said("control", value, 0, source, places=places)

    full, partial = control("full", ["ye-hodeidah"]), control("partial", ["ye-hodeidah"], "correspondent")
    # a: 09:00 full control; b: 10:00 only part of it
    (row,) = _conflicts([_report("a", full), _report("b", partial)], SAME_MORNING).to_dicts()
    assert (row["attribute"], row["kind"], row["severity"]) == ("control", "disagreement", "medium")
    assert "full control" in row["explanation"] and not LATIN.search(row["explanation_ar"])
    # part of it first, full control later: the capture went on, no account is revised
    assert _conflicts([_report("a", partial), _report("b", full)], SAME_MORNING).height == 0
    # two places, or a sentence naming none in a report placed elsewhere: no row
    elsewhere = control("partial", ["ye-tuhayta"])
    assert _conflicts([_report("a", full), _report("b", elsewhere)], SAME_MORNING).height == 0
    unnamed = control("partial", [])
    assert _conflicts([_report("a", full, place_ref="ye-hodeidah"), _report("b", unnamed, place_ref="ye-tuhayta")],
                      SAME_MORNING).height == 0  # fmt: skip
    assert _conflicts([_report("a", full, place_ref="ye-hodeidah"), _report("b", unnamed, place_ref="ye-hodeidah")],
                      SAME_MORNING).height == 1  # fmt: skip
    assert _conflicts([_report("a", full), _report("b", full)], SAME_MORNING).height == 0


def test_claims_dated_to_days_that_do_not_meet_are_of_two_acts():
    unclaimed = _said("responsibility", None, 0, stance="unclaimed", dated=["2018-07-11"])
    claimed = _said("responsibility", "isis", 0, stance="claimed", dated=["2018-07-10"])
    assert _conflicts([_report("a", unclaimed), _report("b", claimed)], SAME_MORNING).height == 0
    # one of them undated, or their days meet: compared
    assert _conflicts([_report("a", unclaimed), _report("b", {**claimed, "dated": None})], SAME_MORNING).height == 1
    assert _conflicts([_report("a", unclaimed), _report("b", {**claimed, "dated": ["2018-07"]})],
                      SAME_MORNING).height == 1  # fmt: skip
    # a sentence's day dates it, not a month it also names ("عن الهجومين السابقين هذا الشهر")
    unclaimed_this_month = {**unclaimed, "dated": ["2018-07-11", "2018-07"]}
    assert _conflicts([_report("a", unclaimed_this_month), _report("b", claimed)], SAME_MORNING).height == 0


def test_attackers_are_compared_with_themselves_and_a_range_holds_what_lies_within_it():
    told = [_report("a", _said("attackers", 400, subject="مقاتلين")),
            _report("b", _said("attackers", 180, subject="مسلحين"))]  # fmt: skip
    (row,) = _conflicts(told, SAME_MORNING).to_dicts()
    assert (row["attribute"], row["kind"], row["severity"]) == ("attackers", "disagreement", "medium")
    assert "the number of attackers" in row["explanation"] and "عدد المهاجمين" in row["explanation_ar"]
    # "between 150 and 200" holds 180, and overlaps "between 190 and 250"; 400 lies outside it
    ranged = _said("attackers", 200, subject="مقاتلين", range=[150, 200])
    assert _conflicts([_report("a", ranged), _report("b", _said("attackers", 180))], SAME_MORNING).height == 0
    overlapping = _said("attackers", 250, range=[190, 250])
    assert _conflicts([_report("a", ranged), _report("b", overlapping)], SAME_MORNING).height == 0
    assert _conflicts([_report("a", ranged), _report("b", _said("attackers", 400))], SAME_MORNING).height == 1
    # the attackers are no toll: 400 attackers beside 180 dead is no conflict
    assert _conflicts([_report("a", _said("attackers", 400)), _report("b", _said("killed", 180))], SAME_MORNING).height == 0


def test_a_later_report_of_more_attackers_disagrees_and_their_count_needs_no_event_word():
    days_apart = _articles(("a", "alarabia", "2018-02-18T09:00:00"), ("b", "bbc", "2018-02-20T09:00:00"))
    # the force was as large on the day as two days on: no toll rising as bodies are found
    told = [_report("a", _said("attackers", 257, subject="أشخاص", with_trigger=False)),
            _report("b", _said("attackers", 500, subject="مقاتلين"))]  # fmt: skip
    (row,) = _conflicts(told, days_apart).to_dicts()
    assert (row["attribute"], row["kind"]) == ("attackers", "disagreement")
    assert _values(row) == {"257": ["a"], "500": ["b"]}
    # unless the later report's words revise it
    revised = _said("attackers", 500, subject="مقاتلين", revised=True)
    (row,) = _conflicts([told[0], _report("b", revised)], days_apart).to_dicts()
    assert row["kind"] == "update"


def test_two_counters_running_totals_of_a_side_s_dead_soldiers_disagree_on_a_row_of_their_own():
    hours_apart = _articles(("a", "france24", "2018-03-18T14:00:00"), ("b", "skynews", "2018-03-19T07:00:00"))
    army = _said("campaign_killed", 46, subject="جنود", nationality="TR", counter="side", with_trigger=False)
    monitor = _said("campaign_killed", 78, subject="جنود", nationality="TR", counter="monitor", with_trigger=False)
    (row,) = _conflicts([_report("a", army, _said("killed", 3)), _report("b", monitor)], hours_apart).to_dicts()
    assert (row["attribute"], row["kind"], row["severity"]) == ("tr_soldiers_campaign_killed", "disagreement", "medium")
    assert _values(row) == {"46 جنود": ["a"], "78 جنود": ["b"]}
    assert "over the campaign" in row["explanation"]
    # never beside the event's toll, nor another country's soldiers
    assert _conflicts([_report("a", army), _report("b", _said("killed", 78))], hours_apart).height == 0
    russians = {**monitor, "nationality": "RU"}
    assert _conflicts([_report("a", army), _report("b", russians)], hours_apart).height == 0
    # one counter's totals, a counter unknown, or two days apart: the total rose
    assert _conflicts([_report("a", army), _report("b", {**monitor, "counter": "side"})], hours_apart).height == 0
    assert _conflicts([_report("a", army), _report("b", {**monitor, "counter": None})], hours_apart).height == 0
    days_apart = _articles(("a", "france24", "2018-03-16T14:00:00"), ("b", "skynews", "2018-03-19T07:00:00"))
    assert _conflicts([_report("a", army), _report("b", monitor)], days_apart).height == 0
    # "more than 40" holds 46
    bound = {**monitor, "value": 40, "approximate": True, "approximator": "أكثر من"}
    assert _conflicts([_report("a", army), _report("b", bound)], hours_apart).height == 0
