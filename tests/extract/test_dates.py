import datetime as dt
import re
from pathlib import Path

import pytest

from tahqiq.extract.dates import find_dates, infer_reference_date
from tahqiq.text.normalize import normalize, normalize_text

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
MONDAY = dt.date(2023, 7, 10)


def only_date(text: str, published: dt.date | None):
    mentions = find_dates(normalize(text), published)
    assert len(mentions) == 1, [(m.surface, m.value) for m in mentions]
    m = mentions[0]
    assert text[m.start : m.end] == m.surface
    assert m.entity_type == "DATE"
    return m


@pytest.mark.parametrize(
    ("text", "published", "surface", "value", "precision", "method"),
    [
        ("وقعت الغارة في 7 يوليو 2023 شرق البلاد", None, "7 يوليو 2023", "2023-07-07", "day", "absolute"),
        ("اغتيل في ١٨ نوفمبر ٢٠٢٢ في ريف دير الزور", None, "١٨ نوفمبر ٢٠٢٢", "2022-11-18", "day", "absolute"),
        ("في ۲۵ ديسمبر ۲۰۲۱ قصفت الطائرات", None, "۲۵ ديسمبر ۲۰۲۱", "2021-12-25", "day", "absolute"),
        ("قتل في أكتوبر ٢٠١٩ بعملية خاصة", None, "أكتوبر ٢٠١٩", "2019-10", "month", "absolute"),
        ("في 15 تموز 2022 استهدفت مسيرة سيارة", None, "15 تموز 2022", "2022-07-15", "day", "absolute"),
        ("منذ تشرين الأول 2020", None, "تشرين الأول 2020", "2020-10", "month", "absolute"),
        ("في 7 تموز (يوليو) 2023", None, "7 تموز (يوليو) 2023", "2023-07-07", "day", "absolute"),
        ("خلال تموز/يوليو 2022", None, "تموز/يوليو 2022", "2022-07", "month", "absolute"),
        (
            "في الحادي والعشرين من مارس 2019",
            None,
            "الحادي والعشرين من مارس 2019",
            "2019-03-21",
            "day",
            "absolute",
        ),
        ("بتاريخ 2023-07-07 صدر", None, "2023-07-07", "2023-07-07", "day", "absolute"),
        ("بتاريخ 07/07/2023 صدر", None, "07/07/2023", "2023-07-07", "day", "absolute"),
        ("بتاريخ 7/3/2023 صدر", None, "7/3/2023", "2023-03-07", "day", "absolute"),
        ("ولد في 14-09-1432 هـ في مكة", None, "14-09-1432 هـ", "2011-08-14", "day", "absolute"),
        ("فقد آخر معاقله عام 2019 وفق التقارير", None, "عام 2019", "2019", "year", "absolute"),
        ("في 2017 سيطرت القوات", None, "2017", "2017", "year", "absolute"),
        ("في السابع من يوليو", MONDAY, "السابع من يوليو", "2023-07-07", "day", "relative_to_published"),
        ("يوم 7 يوليو الجاري", MONDAY, "يوم 7 يوليو الجاري", "2023-07-07", "day", "relative_to_published"),
        (
            "وفي الـ 16 من الشهر الجاري",
            dt.date(2022, 12, 28),
            "الـ 16 من الشهر الجاري",
            "2022-12-16",
            "day",
            "relative_to_published",
        ),
        ("أمس الأحد", MONDAY, "أمس الأحد", "2023-07-09", "day", "relative_to_published"),
        # a story stamped Sunday in UTC but written on Monday: the weekday named is the day
        ("وقع مساء أمس الأحد", dt.date(2023, 7, 9), "مساء أمس الأحد", "2023-07-09", "day", "relative_to_published"),
        ("قالت يوم الجمعة الماضي", MONDAY, "يوم الجمعة الماضي", "2023-07-07", "day", "relative_to_published"),
        ("أعلن الجيش الجمعة", MONDAY, "الجمعة", "2023-07-07", "day", "relative_to_published"),
        ("الخميس المقبل", MONDAY, "الخميس المقبل", "2023-07-13", "day", "relative_to_published"),
        # a day of the reference month already past is this year's; one still to come, last year's
        ("قتل في 3 من يوليو الماضي", MONDAY, "3 من يوليو الماضي", "2023-07-03", "day", "relative_to_published"),
        ("اعتقل في 20 يوليو الماضي", MONDAY, "20 يوليو الماضي", "2022-07-20", "day", "relative_to_published"),
        ("منذ يوليو الماضي", MONDAY, "يوليو الماضي", "2022-07", "month", "relative_to_published"),
        ("قال أمس", MONDAY, "أمس", "2023-07-09", "day", "relative_to_published"),
        ("وقعت أول أمس", MONDAY, "أول أمس", "2023-07-08", "day", "relative_to_published"),
        ("يصل غدا", MONDAY, "غدا", "2023-07-11", "day", "relative_to_published"),
        ("قتل قبل يومين", MONDAY, "قبل يومين", "2023-07-08", "day", "relative_to_published"),
        ("عثر عليه قبل ثلاثة أيام", MONDAY, "قبل ثلاثة أيام", "2023-07-07", "day", "relative_to_published"),
        (
            "الأسبوع الماضي",
            MONDAY,
            "الأسبوع الماضي",
            "2023-07-01/2023-07-07",
            "interval",
            "relative_to_published",
        ),
        ("الشهر الجاري", MONDAY, "الشهر الجاري", "2023-07", "month", "relative_to_published"),
        (
            "قتلوا الشهر الماضي",
            dt.date(2024, 1, 3),
            "الشهر الماضي",
            "2023-12",
            "month",
            "relative_to_published",
        ),
        (
            "في منتصف مايو الماضي",
            MONDAY,
            "منتصف مايو الماضي",
            "2023-05-11/2023-05-20",
            "interval",
            "relative_to_published",
        ),
        ("مطلع الشهر", MONDAY, "مطلع الشهر", "2023-07-01/2023-07-10", "interval", "relative_to_published"),
        (
            "أواخر الشهر الماضي",
            MONDAY,
            "أواخر الشهر الماضي",
            "2023-06-21/2023-06-30",
            "interval",
            "relative_to_published",
        ),
        ("صعدت العام الماضي", MONDAY, "العام الماضي", "2022", "year", "relative_to_published"),
        ("منذ بداية العام الجاري", MONDAY, "بداية العام الجاري", "2023", "year", "relative_to_published"),
        ("قتل في يوليو الماضي", MONDAY, "يوليو الماضي", "2022-07", "month", "relative_to_published"),
        ("في فبراير الماضي", MONDAY, "فبراير الماضي", "2023-02", "month", "relative_to_published"),
        ("في أبريل الماضي", MONDAY, "أبريل الماضي", "2023-04", "month", "relative_to_published"),
        ("في ١٨ نوفمبر الماضى", MONDAY, "١٨ نوفمبر الماضى", "2022-11-18", "day", "relative_to_published"),
    ],
)
def test_each_form_has_its_value_precision_method_and_offsets(
    text, published, surface, value, precision, method
):
    m = only_date(text, published)
    assert (m.surface, m.value, m.attrs["precision"], m.attrs["method"]) == (
        surface,
        value,
        precision,
        method,
    )
    assert m.attrs["relative"] is (method != "absolute")
    assert m.attrs["reference_date"] == (published.isoformat() if method != "absolute" else None)


def test_offsets_survive_diacritics_and_tatweel_before_the_date():
    text = "قُتِلَ القـائـد فـي ٧ يولـيـو ٢٠٢٣ بغارة"
    m = only_date(text, None)
    assert m.surface == "٧ يولـيـو ٢٠٢٣"
    assert m.value == "2023-07-07"
    assert m.normalized == normalize_text(m.surface)


@pytest.mark.parametrize(
    "text",
    [
        "شارك في العملية 5 طائرات مروحية",
        "قال عبد الأحد إن الوضع هادئ",
        "يحتجز أكثر من 10000 معتقل",
        "دعا الأمين العام إلى التهدئة",
        "تعرضت في وقت سابق من ذلك اليوم لمضايقات",
        "كان اليوم الأكثر دموية في فرنسا منذ الحرب",  # the deadliest day, not today
        "استند إلى الفصل السابع من الميثاق",
        "حكم عليه بالسجن 3 سنوات",
        "مارس الضغط على الحكومة",
        "قصة الأحد عشر كوكبا",
        "قبل شهر رمضان",
    ],
)
def test_no_date_where_there_is_none(text):
    assert find_dates(normalize(text), MONDAY) == []


def test_missing_year_is_not_filled_without_a_reference():
    m = only_date("نفذت الضربة في السابع من يوليو", None)
    assert m.value is None
    assert m.attrs["method"] == "unresolved"
    assert m.attrs["partial"] == "--07-07"


def test_relative_date_without_any_reference_is_unresolved():
    m = only_date("أعلن الجيش أمس مقتل قيادي", None)
    assert (m.value, m.attrs["method"], m.attrs["reference_date"]) == (None, "unresolved", None)


def test_publication_day_is_inferred_from_today_weekday_and_a_dated_event():
    text = "أعلنت القيادة اليوم الأحد أنها نفذت في 5 يوليو 2023 غارة، وقالت إن مسيرة أخرى حلقت أمس"
    nt = normalize(text)
    assert infer_reference_date(nt) == (dt.date(2023, 7, 9), "weekday_after_dated_event")
    values = [(m.value, m.attrs["method"]) for m in find_dates(nt, None)]
    assert values == [
        ("2023-07-09", "relative_to_inferred_reference"),
        ("2023-07-05", "absolute"),
        ("2023-07-08", "relative_to_inferred_reference"),
    ]


def test_yesterday_weekday_puts_publication_the_day_after():
    nt = normalize("قال البيان أمس الأحد إن الغارة نفذت في 27 أكتوبر 2019")
    assert infer_reference_date(nt) == (dt.date(2019, 10, 28), "weekday_after_dated_event")


def test_nothing_to_infer_from():
    assert infer_reference_date(normalize("قتل قيادي في غارة جوية")) == (None, "unknown")


def test_weekday_with_day_and_month_picks_the_year():
    m = only_date("قتل القيادي الخميس 3 فبراير في إدلب", None)
    assert (m.value, m.attrs["method"]) == ("2022-02-03", "weekday_year_inference")


def test_weekday_year_inference_lists_every_fitting_year():
    m = only_date("الجمعة 7 يوليو", None)
    assert m.attrs["method"] == "weekday_year_inference"
    assert {2017, 2023} <= set(m.attrs["year_candidates"])
    assert m.value == f"{max(m.attrs['year_candidates'])}-07-07"


def test_day_month_without_year_is_never_far_in_the_future():
    assert only_date("في 20 ديسمبر", dt.date(2024, 1, 3)).value == "2023-12-20"
    assert only_date("في 3 مايو", MONDAY).value == "2023-05-03"


def test_next_month_modifier_moves_to_next_year():
    assert only_date("في مارس المقبل", dt.date(2023, 12, 20)).value == "2024-03"


def test_hijri_text_month():
    assert only_date("الموافق 10 رمضان 1444 هـ", None).value == "2023-04-01"


def seed_texts():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def test_seed_offsets_and_no_bare_numbers():
    for name, text in seed_texts().items():
        nt = normalize(text)
        for m in find_dates(nt, MONDAY):
            assert text[m.start : m.end] == m.surface, name
            assert not re.fullmatch(r"[\d\s]+", m.normalized) or m.attrs["form"] in {"numeric", "year"}, name


def test_seed_with_yesterday_sunday_and_a_yearless_strike_day():
    yesterday_sunday = normalize_text("أمس الأحد")
    texts = [t for t in seed_texts().values() if yesterday_sunday in normalize(t).text]
    if not texts:
        pytest.skip("no seed with that anchor")
    for text in texts:
        nt = normalize(text)
        # The year is stated nowhere for the strike day, so the publication date cannot be fixed.
        ref, how = infer_reference_date(nt)
        assert ref is None and how == "year_unknown"
        unresolved = [m for m in find_dates(nt, None) if m.attrs.get("partial") == "--07-07"]
        assert unresolved and all(m.value is None for m in unresolved)
        # Given the publication day (a Monday after that Sunday), the analyst's reading follows.
        published = dt.date(2023, 7, 10)
        found = {m.normalized: m for m in find_dates(nt, published)}
        assert found[yesterday_sunday].value == "2023-07-09"
        strike = [m for m in found.values() if m.attrs["form"] == "day_month"]
        assert [(m.value, m.attrs["precision"]) for m in strike] == [("2023-07-07", "day")]


def test_seed_dates_resolve_against_a_given_publication_day():
    published = dt.date(2023, 7, 20)
    found = {
        (m.attrs["form"], m.value, m.attrs["precision"])
        for text in seed_texts().values()
        for m in find_dates(normalize(text), published)
    }
    expected = {
        ("day_month", "2023-07-07", "day"),
        ("day_of_month", "2023-07-16", "day"),
        ("month", "2023-05-11/2023-05-20", "interval"),
        ("month", "2023-04", "month"),
        ("month", "2019-10", "month"),
        ("month", "2023-02", "month"),
        ("month", "2022-07", "month"),
        ("day_month", "2022-11-18", "day"),
        ("year", "2019", "year"),
        ("period", "2022", "year"),
    }
    assert expected <= found, expected - found


@pytest.mark.parametrize(
    "text,value",
    [
        ("اعتقلته الشرطة في فبراير/ شباط العام الماضي.", "2017-02"),
        ("اعتقلته الشرطة في 3 فبراير من العام الماضي.", "2017-02-03"),
        ("اعتقلته الشرطة في شباط من السنة الماضية.", "2017-02"),
        ("ستجرى الانتخابات في مارس من العام المقبل.", "2019-03"),
        ("افتتح المعرض في يناير العام الجاري.", "2018-01"),
    ],
)
def test_a_month_of_last_or_next_year_is_of_that_year(text, value):
    m = only_date(text, dt.date(2018, 5, 9))
    assert m.value == value and ("العام" in m.surface or "السنة" in m.surface)


@pytest.mark.parametrize(
    "text,surface,value",
    [
        # a month or a year named again is the one the text dated last, not the publication's
        ("اعتقل في مارس 2016، وفي السابع من الشهر نفسه قتل شقيقه.", "السابع من الشهر نفسه", "2016-03-07"),
        ("وقع الهجوم في نوفمبر 2015، ثم في 20 من الشهر ذاته وقع آخر.", "20 من الشهر ذاته", "2015-11-20"),
        ("وقع الهجوم في نوفمبر 2015، ثم في 20 من نفس الشهر وقع آخر.", "20 من نفس الشهر", "2015-11-20"),
        ("بدأت العملية في مارس 2015، وفي أواخر الشهر ذاته سيطرت القوات.", "أواخر الشهر ذاته", "2015-03-21/2015-03-31"),
        ("اعتقل في أكتوبر 2016 وأفرج عن زوجته في ديسمبر من العام نفسه.", "ديسمبر من العام نفسه", "2016-12"),
        ("طالب الادعاء بسجنه عام 2017، وفي يونيو من ذات العام اعتقل.", "يونيو من ذات العام", "2017-06"),
        ("قتل عام 2012 وفي العام نفسه اعتقل شقيقه.", "العام نفسه", "2012"),
        ("بدأت الحرب قبل 3 أعوام، وفي الرابع عشر من يوليو بالعام ذاته بدأت العملية.", "الرابع عشر من يوليو بالعام ذاته", "2015-07-14"),
    ],
)
def test_a_period_named_again_is_the_one_the_text_dated(text, surface, value):
    found = {m.surface: (m.value, m.attrs["method"]) for m in find_dates(normalize(text), dt.date(2018, 7, 17))}
    assert found[surface] == (value, "relative_to_story_date")


def test_a_period_named_again_with_none_dated_before_is_unresolved():
    (m,) = find_dates(normalize("وفي السابع من الشهر نفسه قتل شقيقه."), dt.date(2018, 7, 17))
    assert m.value is None and m.attrs["method"] == "unresolved"


def test_a_span_counted_from_another_act_is_no_date():
    published = dt.date(2018, 7, 17)
    assert find_dates(normalize("اعتقل قبل يومين من مصرعه."), published) == []
    assert find_dates(normalize("وصل قبل ساعات من الهجوم."), published) == []
    # "من" governed by the verb, not the span ("تمكنت ... من السيطرة"), or "من الآن"
    assert only_date("وتمكنت القوات قبل يومين من السيطرة على المدينة.", published).value == "2018-07-15"
    assert only_date("قتل قبل يومين من الآن.", published).value == "2018-07-15"


def test_a_span_counted_in_the_accusative_dates_days_not_years():
    published = dt.date(2018, 7, 17)
    assert only_date("قتل قبل 15 يوما في جبهة حرض.", published).value == "2018-07-02"
    assert only_date("اعتقل قبل 11 شهرا.", published).value == "2017-08"
    # "منذ 30 عاما", "صنعت قبل 30 عاما": an age or a length far more than an act's time
    assert find_dates(normalize("أنظمة صنعت قبل 30 عاما."), published) == []
    assert find_dates(normalize("تتواصل الحملة منذ 11 يوما."), published) == []
