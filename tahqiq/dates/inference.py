"""Years and days the text fixes without a publication date.

A day and month stated with the weekday they fell on ("الجمعة 7 يوليو", or the weekday and the date in
two sentences about one event) fit only some years; a past year the text names ("عام 2019") bounds
the event from below, and the event cannot be later than today. Among the years left the latest is
taken, and every candidate is kept so a reader can see the choice.
"""

from __future__ import annotations

import calendar
import datetime as dt

from tahqiq.dates.values import date_bounds

FIRST_PLAUSIBLE_YEAR = 2015


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_years(
    month: int, day: int, weekday: int, not_before: int | None = None, today: dt.date | None = None
) -> list[int]:
    """Years (oldest first) in which day/month fell on `weekday` (Monday = 0), from the first plausible
    year or `not_before` to today."""
    today = today or dt.date.today()
    first = max(FIRST_PLAUSIBLE_YEAR, not_before or FIRST_PLAUSIBLE_YEAR)
    return [
        y
        for y in range(first, today.year + 1)
        if (d := _safe_date(y, month, day)) and d.weekday() == weekday and d <= today
    ]


def date_of_weekday_and_month_day(
    partial: str, weekday: int, not_before: int | None = None, today: dt.date | None = None
) -> tuple[str, list[int]] | None:
    """The ISO day a year-less "--MM-DD" falls on when it was a `weekday`, and every fitting year."""
    try:
        month, day = (int(p) for p in partial[2:].split("-"))
    except ValueError:
        return None
    years = weekday_years(month, day, weekday, not_before, today)
    if not years:
        return None
    return dt.date(years[-1], month, day).isoformat(), years


def next_weekday(ref: dt.date, weekday: int) -> dt.date:
    """The first `weekday` strictly after `ref`."""
    ahead = (weekday - ref.weekday()) % 7 or 7
    return ref + dt.timedelta(days=ahead)


# The weekdays a week may start on, by the outlet's convention: Saturday (the Arab working week),
# Sunday (the Gulf's and American desks') and Monday (European agencies).
WEEK_STARTS = (5, 6, 0)
# Yesterday and the day before are told as such (أمس، أول أمس) or by their names, never as last week.
LAST_WEEK_NOT_AFTER_DAYS = 3


def last_week(ref: dt.date) -> tuple[dt.date, dt.date]:
    """The days "last week" (الأسبوع الماضي) may mean on `ref`: the week before the reference's week under
    any of `WEEK_STARTS` (an AFP story of a Saturday counts a Wednesday ten days back in it, one of a
    Thursday the Saturday five days back), up to three days before the reference: a Monday's last week ends
    on the Friday."""
    starts = [ref - dt.timedelta(days=(ref.weekday() - weekday) % 7) for weekday in WEEK_STARTS]
    last = min(max(starts) - dt.timedelta(days=1), ref - dt.timedelta(days=LAST_WEEK_NOT_AFTER_DAYS))
    return min(starts) - dt.timedelta(days=7), last


# News reports an event on the day it happened or within the two days after.
NEWS_LAG_DAYS = 2


def publication_window(published: dt.date) -> str:
    """The interval a news story's undated main event falls in: the few days up to its publication."""
    return f"{(published - dt.timedelta(days=NEWS_LAG_DAYS)).isoformat()}/{published.isoformat()}"


# An act announced on a day ("أعلن الجيش، الخميس، أنه استهدف ...") happened that day or the night before.
ANNOUNCEMENT_LAG_DAYS = 1


def announcement_window(announced: dt.date) -> str:
    """The interval an act falls in when the text dates only its announcement: that day or the one before."""
    return f"{(announced - dt.timedelta(days=ANNOUNCEMENT_LAG_DAYS)).isoformat()}/{announced.isoformat()}"


# A toll revised ("ارتفعت حصيلة ... إلى 51", "وفق آخر حصيلة نهائية") may be announced up to a week after the
# act: final tolls wait for the wounded who die and the bodies found under rubble. A denial answers reports
# of an act told days before it ("نفى مصدر، فجر الأحد، ... أن خاشقجي قد قتل"), within as long.
REVISION_LAG_DAYS = 7


def revision_window(announced: dt.date) -> str:
    """The interval an act falls in when the text dates only the announcement of its revised toll, or a
    denial of reports of it."""
    return f"{(announced - dt.timedelta(days=REVISION_LAG_DAYS)).isoformat()}/{announced.isoformat()}"


# A story dated by its place's clock may name the next day of the UTC publication date.
PUBLICATION_CLOCK_SLACK_DAYS = 1


def later_than_publication(value: str | None, published: dt.date | None) -> bool:
    """Whether a date begins after the article was published ("ذكرى النكبة في 14 مايو المقبل" in a
    March story): it dates what is to come, never an act the article reports as done."""
    bounds = date_bounds(value) if value and published else None
    return bounds is not None and (bounds[0] - published).days > PUBLICATION_CLOCK_SLACK_DAYS


def day_before(value: str) -> str | None:
    """The ISO day before a day ("غداة" an act dated Monday: the act was on Sunday)."""
    try:
        return (dt.date.fromisoformat(value) - dt.timedelta(days=1)).isoformat()
    except (TypeError, ValueError):
        return None


# A counted span between two acts ("بعد 18 يوما من اختفائه", "بعد أسبوعين من الهجوم") is counted loosely: from
# either day or across a night, by whole weeks or months; "نحو" (about) loosens it further.
SPAN_SLACK_DAYS = {"day": 1, "week": 3, "month": 15}
APPROXIMATE_SHARE = 0.1


def span_before(later: dt.date, count: int, unit: str, approximate: bool = False) -> tuple[dt.date, dt.date] | None:
    """The days an act told as `count` days, weeks or months before `later` may fall on (None for another
    unit): never `later` itself, nor after it."""
    slack = SPAN_SLACK_DAYS.get(unit)
    if slack is None or count < 1:
        return None
    if unit == "month":
        year, month = divmod(later.year * 12 + later.month - 1 - count, 12)
        centre = dt.date(year, month + 1, min(later.day, calendar.monthrange(year, month + 1)[1]))
    else:
        centre = later - dt.timedelta(days=count * (7 if unit == "week" else 1))
    if approximate:
        slack += round((later - centre).days * APPROXIMATE_SHARE)
    return centre - dt.timedelta(days=slack), min(centre + dt.timedelta(days=slack), later - dt.timedelta(days=1))
