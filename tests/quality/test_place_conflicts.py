"""Place conflicts from Arabic sentences through extraction: a city that names its governorate is the
governorate unless the text calls it a city, and then it is one settlement among the governorate's; two
sides of a country that can share an area disagree when the place of the event lies plainly on one only."""

from __future__ import annotations

import json
from datetime import date

import polars as pl

from tahqiq import warehouse
from tahqiq.extract import extract_article
from tahqiq.extract.events import find_event_frames
from tahqiq.extract.places import find_places, region_plainly_holds
from tahqiq.quality.conflicts import find_conflicts, places_clash
from tahqiq.text.normalize import normalize

PUBLISHED = date(2019, 3, 11)


def _report(article: str, text: str) -> dict:
    nt = normalize(text)
    (frame,) = [f for f in find_event_frames(nt, extract_article(nt, PUBLISHED), PUBLISHED, article)
                if not f["is_background"]]  # fmt: skip
    return {"event_id": "E1", "article_id": article, "frame_id": frame["frame_id"],
            "place_ref": frame["place_ref"], "statements": frame["statements"]}  # fmt: skip


def _place_rows(*texts: str, attribute: str = "place") -> list[dict]:
    articles = [chr(ord("a") + k) for k in range(len(texts))]
    reports = [_report(article, text) for article, text in zip(articles, texts, strict=True)]
    info = pl.DataFrame(
        [{"article_id": a, "outlet": f"outlet-{a}", "published_at": "2019-03-11T09:00:00"} for a in articles]
    )
    frame = warehouse.conform(pl.DataFrame(reports), "event_reports")
    found = find_conflicts(frame, warehouse.empty_frame("entities"), info)
    return found.filter(pl.col("attribute") == attribute).to_dicts()


def _stated(row: dict) -> set[str]:
    return {v["value"] for v in json.loads(row["values"])}


def _place(text: str) -> dict:
    (m,) = [m for m in find_places(normalize(text)) if m.attrs["place_kind"] != "country"]
    return m.attrs


CITY = "قتل 12 شخصا في غارة جوية استهدفت سوقا شعبية في مدينة حجة مساء الأحد."
DISTRICT = "قتل 12 شخصا في غارة جوية على سوق شعبية في بلدة بني قيس بمحافظة حجة مساء الأحد."
AREA = "قتل 12 شخصا في غارة جوية على سوق شعبية في منطقة حجة مساء الأحد."


def test_the_city_the_text_calls_a_city_and_a_district_of_its_governorate_clash_as_settlements():
    (row,) = _place_rows(CITY, DISTRICT)
    assert (row["kind"], row["severity"]) == ("disagreement", "low")
    assert _stated(row) == {"حجة", "بني قيس"}
    # named as the city, in both languages, not as the governorate the bare name may be
    assert "مدينة حجة" in row["explanation_ar"]
    assert "Hajjah (city)" in row["explanation"]


def test_a_city_named_bare_or_as_an_area_stands_for_its_governorate():
    assert _place_rows(AREA, DISTRICT) == []
    assert _place_rows(CITY, AREA) == []  # one place, named twice


def test_places_clash_reads_the_class_noun_from_the_mention():
    district = _place("غارة على بلدة بني قيس")
    assert places_clash(_place("غارة على مدينة حجة"), district) == "settlement"
    assert places_clash(_place("غارة في منطقة حجة"), district) is None
    # the governorate's seat against the governorate itself
    assert places_clash(_place("غارة على مدينة حجة"), _place("غارة في محافظة حجة")) is None
    # Aleppo and al-Bab, some 35 km apart
    assert places_clash(_place("انفجار في مدينة حلب"), _place("انفجار في مدينة الباب")) == "settlement"
    assert places_clash(_place("انفجار في حلب"), _place("انفجار في مدينة الباب")) is None
    # a region around the city is no city: "east of the city" or its countryside may hold al-Bab
    assert places_clash(_place("انفجار شرقي مدينة حلب"), _place("انفجار في مدينة الباب")) is None
    assert places_clash(_place("انفجار في ريف مدينة حلب"), _place("انفجار في مدينة الباب")) is None



def test_a_town_of_the_world_gazetteer_is_named_in_english_by_its_name_not_its_number():
    rows = _place_rows("قتل 5 أشخاص في قصف صاروخي على بلدة جرمانا مساء الأحد.",
                       "قتل 5 أشخاص في قصف صاروخي على بلدة عربين مساء الأحد.")  # fmt: skip
    (row,) = rows
    assert row["explanation"] == "Outlets differ on the place: Irbin, Jaramana."  # ‘Irbīn in geonames


def _region_rows(*texts: str) -> list[dict]:
    return _place_rows(*texts, attribute="region")


EAST = "قتل 12 شخصا في غارة جوية على بلدة في محافظة دير الزور شرقي سوريا مساء الأحد."
NORTH = "قتل 12 شخصا في غارة جوية على دير الزور شمال سوريا مساء الأحد."


def test_a_side_the_place_lies_plainly_outside_disagrees_with_the_side_it_lies_in():
    # Deir ez-Zor lies in the east of Syria, at the middle of its height: north is the wrong side
    (row,) = _region_rows(EAST, NORTH)
    assert (row["kind"], row["severity"], _stated(row)) == ("disagreement", "medium", {"east", "north"})
    assert row["explanation"] == "Outlets differ on the region: eastern Syria, northern Syria."
    # the side alone, the place told by the other source only
    (row,) = _region_rows("قتل 12 شخصا في غارة جوية شرق سوريا مساء الأحد.", NORTH)
    assert _stated(row) == {"east", "north"}


def test_two_sides_of_a_place_that_lies_in_both_or_one_inside_the_other_agree():
    # al-Hasakah lies plainly in the north and in the east: its north-east corner
    assert _region_rows("قتل 12 شخصا في غارة جوية على مدينة الحسكة شمال سوريا مساء الأحد.",
                        "قتل 12 شخصا في غارة جوية على مدينة الحسكة شرق سوريا مساء الأحد.") == []  # fmt: skip
    # north-east is north told closer
    assert _region_rows("قتل 12 شخصا في غارة جوية على دير الزور شمال شرقي سوريا مساء الأحد.", NORTH) == []


def test_a_side_of_a_river_a_town_or_a_peninsula_is_no_side_of_the_country():
    # each is read as a region of its country, with no governorate named; Jinderis, in the north-west, is
    # not east of Syria but says nothing of the river's banks
    assert _region_rows("قتل 12 شخصا في غارة جوية على بلدة جنديرس شمال سوريا مساء الأحد.",
                        "قتل 12 شخصا في غارة جوية على بلدة جنديرس شرقي نهر الفرات مساء الأحد.") == []  # fmt: skip
    assert _region_rows("قتل 12 مسلحا في غارة جوية غرب الفرات مساء الأحد.",
                        "قتل 12 مسلحا في غارة جوية شرق سوريا مساء الأحد.") == []  # fmt: skip
    assert _region_rows("قتل 3 أشخاص في غارة جوية على منزل في حي الفرسان شمالي بلدة أوباري مساء الأحد.",
                        "قتل 3 أشخاص في غارة جوية على موقع للمتشددين جنوب ليبيا مساء الأحد.") == []  # fmt: skip
    assert _region_rows("قتل 12 مسلحا في مواجهات مع الشرطة في مدينة العريش شمالي سيناء مساء الأحد.",
                        "قتل 12 مسلحا في مواجهات مع الشرطة في مدينة السادس من أكتوبر بمحافظة الجيزة مساء الأحد.") == []  # fmt: skip


def test_a_side_holds_plainly_in_the_third_of_the_country_on_that_side():
    assert region_plainly_holds("east", "sy-deir-ez-zor") is True
    assert region_plainly_holds("north", "sy-deir-ez-zor") is False
    assert region_plainly_holds("north", "sy-idlib") is True
    assert region_plainly_holds("north-west", "sy-idlib") is True
    assert region_plainly_holds("south", "sy-daraa") is True
    assert region_plainly_holds("center", "sy-homs") is None
    assert region_plainly_holds("east+north", "sy-aleppo") is None


SHAYRAT = "أسقطت الدفاعات الجوية صواريخ استهدفت قاعدة الشعيرات الجوية في حمص مساء الأحد."


def test_a_city_named_bare_is_placed_by_its_governorate_against_a_side():
    # Homs city lies west of the middle of the governorates' box; bare, it stands for its governorate,
    # central Syria
    assert _region_rows("قتل قائد في غارة جوية على مطار التيفور وسط سوريا مساء الأحد.", SHAYRAT) == []


def test_a_city_whose_name_holds_its_class_noun_is_named_once_as_a_city():
    (row,) = _region_rows("قتل قائد في غارة جوية على مطار التيفور شرق سوريا مساء الأحد.",
                          SHAYRAT.replace("في حمص", "في مدينة حلب"))  # fmt: skip
    assert row["explanation"] == "Outlets differ on the region: Aleppo City, eastern Syria."
    assert row["explanation_ar"] == "تختلف وسائل الإعلام في منطقة الحدث: شرق سوريا، مدينة حلب."


def test_the_suburbs_of_a_city_are_no_clash_with_a_town_around_it():
    suburbs = _place("هجوم بغاز سام على ضواحي العاصمة السورية")
    assert suburbs.get("around")
    # Douma lies in Rif Dimashq, some 10 km from the capital's centre
    assert places_clash(suburbs, _place("هجوم بغاز سام على مدينة دوما")) is None
    assert places_clash(_place("هجوم بغاز سام على العاصمة السورية دمشق"), _place("هجوم على مدينة دوما")) == "admin1"
    # the outskirts of one city are still far from another's
    assert places_clash(_place("اشتباكات على أطراف مدينة حلب"), _place("اشتباكات في مدينة درعا")) == "admin1"


def test_a_city_that_names_its_strip_stands_for_the_strip_unless_called_a_city():
    camp = _place("قتلت امرأة في غارة على مخيم النصيرات")
    assert places_clash(_place("شنت الطائرات غارات على أهداف في غزة"), camp) is None
    assert places_clash(_place("قتلت امرأة في غارة على مدينة غزة"), camp) == "settlement"
