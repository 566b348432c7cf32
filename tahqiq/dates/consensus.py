"""The date of an event from the dates its reports give.

Each report gives a day, an interval ("last week") or, with no date in its text, the days up to its
publication. The event's day is the one most reports allow: a stated day counts twice, an interval or
a publication window once. The day is kept when a report states it or when the reports that allow it
leave no other day; otherwise the event keeps the interval they all allow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tahqiq.dates.values import date_bounds, precision_of

# Intervals wider than this ("2018", "March") say too little to place a day.
WIDEST_INTERVAL_DAYS = 31
STATED_DAY_WEIGHT = 2.0
INTERVAL_WEIGHT = 1.0


@dataclass(frozen=True)
class ReportedDate:
    value: str
    method: str | None


def consensus_date(dates: list[ReportedDate]) -> tuple[str, str, str] | None:
    """(value, precision, method) of the event, or None when no report gives a day or a short interval."""
    ranges = []
    for d in dates:
        bounds = date_bounds(d.value)
        if bounds and (bounds[1] - bounds[0]).days < WIDEST_INTERVAL_DAYS:
            ranges.append((bounds[0], bounds[1], d))
    if not ranges:
        return None
    score: dict[date, float] = {}
    for lo, hi, _ in ranges:
        weight = STATED_DAY_WEIGHT if lo == hi else INTERVAL_WEIGHT
        for offset in range((hi - lo).days + 1):
            day = lo + timedelta(days=offset)
            score[day] = score.get(day, 0.0) + weight
    stated = {lo: d for lo, hi, d in ranges if lo == hi}
    best = max(score, key=lambda day: (score[day], day in stated, -day.toordinal()))
    if best in stated:
        return best.isoformat(), "day", stated[best].method or "stated"
    covering = [(lo, hi, d) for lo, hi, d in ranges if lo <= best <= hi]
    lo, hi = max(lo for lo, _, _ in covering), min(hi for _, hi, _ in covering)
    if lo == hi:
        return lo.isoformat(), "day", "overlap_of_reports"
    # What the reports allow is what one of them says ("October 2019"): keep its words.
    own = next((d for start, end, d in covering if (start, end) == (lo, hi)), None)
    if own is not None:
        return own.value, precision_of(own.value) or "interval", own.method or "stated"
    return f"{lo.isoformat()}/{hi.isoformat()}", "interval", "overlap_of_reports"
