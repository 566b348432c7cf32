"""Date values as the pipeline writes them, and the arithmetic on them.

A value is an ISO day ("2023-07-07"), month ("2023-07"), year ("2023"), an interval ("start/end" of
those), or a year-less partial value: a month-day ("--07-07") or a month ("--07") whose year the text
does not fix. Partial values compare by day of the year (in a leap year, so 29 February fits), around
the year's end.
"""

from __future__ import annotations

from datetime import date, timedelta

LEAP_YEAR = 2000
DAYS_IN_LEAP_YEAR = 366


def date_bounds(value: str | None) -> tuple[date, date] | None:
    """First and last day an ISO value may denote: a day, a month, a year or "start/end"."""
    if not value or value.startswith("--"):
        return None
    try:
        if "/" in value:
            start, end = value.split("/", 1)
            lo, hi = date_bounds(start), date_bounds(end)
            return (lo[0], hi[1]) if lo and hi else None
        parts = value.split("-")
        if len(parts) == 3:
            day = date.fromisoformat(value)
            return day, day
        if len(parts) == 2:
            first = date(int(parts[0]), int(parts[1]), 1)
            return first, _month_end(first)
        if len(parts) == 1 and len(value) == 4:
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _month_end(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1) - timedelta(days=1)


def precision_of(value: str | None) -> str | None:
    """day, month, year or interval for an ISO value; month-day or month for a year-less one."""
    if not value:
        return None
    if value.startswith("--"):
        return "month-day" if len(value.split("-")) == 4 else "month"
    if "/" in value:
        return "interval"
    return {3: "day", 2: "month", 1: "year"}.get(len(value.split("-")))


def month_day_bounds(value: str | None) -> tuple[int, int] | None:
    """Day-of-year range (leap year) of a year-less "--MM-DD" or "--MM": the same month-day in any year."""
    if not value or not value.startswith("--"):
        return None
    parts = value[2:].split("-")
    try:
        month = int(parts[0])
        first = date(LEAP_YEAR, month, int(parts[1]) if len(parts) == 2 else 1)
        last = first if len(parts) == 2 else _month_end(first)
    except (ValueError, IndexError):
        return None
    return first.timetuple().tm_yday, last.timetuple().tm_yday


def day_of_year_bounds(value: str | None) -> tuple[int, int] | None:
    """Day-of-year range of a year-less value, or of a dated value shorter than a year (so that a
    dated report and a year-less one can be compared)."""
    if value and value.startswith("--"):
        return month_day_bounds(value)
    bounds = date_bounds(value)
    if bounds is None or bounds[0].year != bounds[1].year or (bounds[1] - bounds[0]).days >= 365:
        return None
    lo, hi = (date(LEAP_YEAR, d.month, d.day).timetuple().tm_yday for d in bounds)
    return lo, hi


def circular_gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two day-of-year ranges, around the year's end; 0 when they overlap."""
    if a[0] <= b[1] and b[0] <= a[1]:
        return 0
    gap = min(abs(a[0] - b[1]), abs(b[0] - a[1]))
    return min(gap, DAYS_IN_LEAP_YEAR - gap)


def gap_days(a: str | None, b: str | None) -> int | None:
    """Days between two values (0 when they overlap); with a year-less one, the least gap over any year."""
    if (a and a.startswith("--")) or (b and b.startswith("--")):
        x, y = day_of_year_bounds(a), day_of_year_bounds(b)
        return circular_gap(x, y) if x and y else None
    x, y = date_bounds(a), date_bounds(b)
    if x is None or y is None:
        return None
    if x[1] < y[0]:
        return (y[0] - x[1]).days
    if y[1] < x[0]:
        return (x[0] - y[1]).days
    return 0
