import datetime as dt

from tahqiq.dates.inference import (
    date_of_weekday_and_month_day,
    last_week,
    publication_window,
    span_before,
    weekday_years,
)
from tahqiq.dates.publication import date_from_url
from tahqiq.dates.values import gap_days, precision_of
from tahqiq.extract.dates import find_dates
from tahqiq.text.normalize import normalize


def test_publication_date_from_the_url_path():
    assert date_from_url("https://example.com/news/2023/07/10/strike-in-syria") == "2023-07-10"
    assert date_from_url("https://example.com/ar/2021-02-28-raid.html") == "2021-02-28"
    assert date_from_url("https://example.com/story/20190415/x") == "2019-04-15"
    assert date_from_url("https://example.com/article/12345678") is None
    assert date_from_url("https://example.com/2023/13/40/x") is None
    assert date_from_url(None) is None


def test_a_weekday_with_a_day_and_month_fixes_the_year_within_the_named_past():
    today = dt.date(2026, 12, 6)
    assert weekday_years(7, 7, 4, today=today) == [2017, 2023]  # 7 July was a Friday in 2017 and 2023
    assert date_of_weekday_and_month_day("--07-07", 4, today=today) == ("2023-07-07", [2017, 2023])
    assert date_of_weekday_and_month_day("--07-07", 4, not_before=2024, today=today) is None
    assert date_of_weekday_and_month_day("--07-07", 4, not_before=2019, today=today)[1] == [2023]


def test_an_undated_news_event_falls_in_the_days_up_to_publication():
    assert publication_window(dt.date(2018, 5, 10)) == "2018-05-08/2018-05-10"
    assert precision_of("2018-05-08/2018-05-10") == "interval"
    assert precision_of("--07-07") == "month-day"


def test_last_week_is_the_week_before_under_any_outlets_week():
    saturday = dt.date(2018, 2, 17)
    # a Wednesday ten days back is last week to a desk whose week starts on Sunday or Monday; yesterday and
    # the day before are told by their names
    assert last_week(saturday) == (dt.date(2018, 2, 4), dt.date(2018, 2, 14))
    # a Monday's last week ends on the Friday: the weekend just passed is yesterday and the day before
    assert last_week(dt.date(2023, 7, 10)) == (dt.date(2023, 7, 1), dt.date(2023, 7, 7))
    # a Thursday's last week holds the Saturday five days back (a European desk's week ends on Sunday)
    assert last_week(dt.date(2018, 4, 12)) == (dt.date(2018, 3, 31), dt.date(2018, 4, 8))


def test_a_counted_span_before_a_day_is_counted_loosely():
    later = dt.date(2018, 10, 20)
    assert span_before(later, 3, "day") == (dt.date(2018, 10, 16), dt.date(2018, 10, 18))
    assert span_before(later, 1, "day") == (dt.date(2018, 10, 18), dt.date(2018, 10, 19))  # never the day itself
    assert span_before(later, 18, "day", approximate=True) == (dt.date(2018, 9, 29), dt.date(2018, 10, 5))
    assert span_before(later, 2, "week") == (dt.date(2018, 10, 3), dt.date(2018, 10, 9))
    assert span_before(dt.date(2018, 3, 31), 1, "month") == (dt.date(2018, 2, 13), dt.date(2018, 3, 15))
    assert span_before(later, 2, "year") is None and span_before(later, 5, "hour") is None


def test_a_counted_span_reads_its_count_and_unit():
    from tahqiq.extract.dates import counted_span

    assert counted_span("18 يوما") == (18, "day")
    assert counted_span("ثلاثة أيام") == (3, "day")
    assert counted_span("أسبوعين") == (2, "week")
    assert counted_span("شهر") == (1, "month")
    assert counted_span("أيام") is None and counted_span("الهجوم") is None and counted_span("عدة أيام") is None


def test_year_less_values_compare_around_the_year():
    assert gap_days("--07-07", "2023-07-08") == 1
    assert gap_days("--12-31", "--01-01") == 1
    assert gap_days("2023-07", "2023-07-20") == 0


def test_a_weekday_in_the_future_tense_resolves_forward():
    published = dt.date(2024, 3, 13)  # a Wednesday
    (future,) = find_dates(normalize("ستنظم المعارضة تظاهرة حاشدة يوم الأحد في العاصمة."), published)
    assert future.value == "2024-03-17" and future.attrs["method"] == "future_weekday"
    (past,) = find_dates(normalize("نظمت المعارضة تظاهرة حاشدة يوم الأحد في العاصمة."), published)
    assert past.value == "2024-03-10"


def test_an_event_takes_the_day_most_of_its_reports_allow():
    from tahqiq.dates.consensus import ReportedDate, consensus_date

    windows = [ReportedDate("2018-05-08/2018-05-10", "publication_window"),
               ReportedDate("2018-05-09/2018-05-11", "publication_window"),
               ReportedDate("2018-05-10/2018-05-12", "publication_window")]  # fmt: skip
    assert consensus_date(windows) == ("2018-05-10", "day", "overlap_of_reports")
    # One outlet's stray day loses to what the others agree on.
    stated = [ReportedDate("2018-03-14", "relative_to_published"), ReportedDate("2018-03-18", "relative_to_published"),
              ReportedDate("2018-03-16/2018-03-18", "publication_window")]  # fmt: skip
    assert consensus_date(stated) == ("2018-03-18", "day", "relative_to_published")
    # Two windows that overlap on two days leave the event an interval.
    assert consensus_date([ReportedDate("2018-05-08/2018-05-10", None), ReportedDate("2018-05-09/2018-05-11", None)]) == (
        "2018-05-09/2018-05-10", "interval", "overlap_of_reports")
    assert consensus_date([ReportedDate("2018", "absolute")]) is None
    assert consensus_date([ReportedDate("2019-10", "absolute")]) == ("2019-10", "month", "absolute")
