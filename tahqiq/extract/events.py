"""Event frames: what each article says happened, before clustering across articles.

Placeholder header; the frame finder follows below the date helpers.
"""

from __future__ import annotations

from datetime import date, timedelta

EVENT_TYPES = ("drone_strike", "air_strike", "helicopter_raid", "ground_raid", "airdrop", "arrest", "attack")


def date_bounds(value: str | None) -> tuple[date, date] | None:
    """First and last day an ISO value may denote: a day, a month, a year or "start/end"."""
    if not value:
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
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        if len(parts) == 1 and len(value) == 4:
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def precision_of(value: str | None) -> str | None:
    if not value:
        return None
    if "/" in value:
        return "interval"
    return {3: "day", 2: "month", 1: "year"}.get(len(value.split("-")))
