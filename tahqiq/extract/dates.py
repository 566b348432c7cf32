"""DATE mentions in Arabic news text, resolved to ISO values.

Rules run as a handful of precompiled regexes over the matching form (`nt.text`); spans are mapped
back to the display text. Each match is first parsed into what the text says (day, month, year,
weekday, offset, modifier) and only then resolved against a reference date (the publication date,
or one inferred from the text). What the text leaves open is never filled in silently:

- "أكتوبر 2019" is month precision "2019-10"; a bare year is year precision.
- A day and month without a year take the reference year (method `relative_to_*`): the latest such
  date no more than 60 days after the reference, since news reports past events. "X الماضي" means
  the last X strictly before the reference month (with a day, the last such day before the reference), "X الجاري" the reference year, "X المقبل" the next;
  "X (من) العام الماضي" is X of the year before the reference's (الجاري: its year, المقبل: the next).
  With no reference the value is None and `attrs["partial"]` keeps "--MM-DD".
- A weekday stated with a day and month and no year ("الجمعة 7 يوليو") picks the year among
  2015..this year where that date falls on that weekday (`weekday_year_inference`); when several
  years fit, the latest is taken and all are listed in `attrs["year_candidates"]`.
- A bare weekday is the latest such day on or before the reference; with "الماضي" strictly before,
  with "المقبل"/"القادم" strictly after.
- Parts of a month are intervals: start = days 1-10, middle = 11-20, end = 21-last. "الأسبوع الماضي"
  is the week before the reference's week, counted from Saturday, Sunday or Monday, and at least three days
  back (`last_week`).
- "اليوم السابق" / "اليوم التالي" are relative to the story, not the publication: they count from the
  last day the text dated before them (method `relative_to_story_date`), else from the reference as a
  fallback; either way flagged `attrs["anaphoric"] = True`.
- "الشهر نفسه", "السابع من الشهر ذاته", "أواخر الشهر ذاته", "ديسمبر من العام نفسه", "نفس العام" name again the
  month or the year the text dated last (method `relative_to_story_date`); with none dated before, unresolved.
- Durations ("3 سنوات", "يومين") are not dates unless anchored by "منذ"/"قبل" ("قبل 15 يوما" in the accusative
  too, though not years, "قبل 30 عاما" being an age, nor after "منذ", "منذ 11 يوما" being a length so far); a span counted from another act ("قبل يومين من مصرعه") is
  none either.
- Hijri dates use the Umm al-Qura month starts in data/reference/date_hijri_month_starts.csv
  (generated with the MIT-licensed hijridate package, years 1400-1470 AH).

Publication date unknown: `infer_reference_date` looks for "اليوم/أمس/غدا + weekday" (the
publication day's weekday) and a dated event with a known year; the publication day is the first
day on or after the latest such event (within 14 days) with that weekday. When the events carry no
year, the year is unknown and so is the reference: (None, "year_unknown").
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from tahqiq.dates.inference import last_week, next_weekday, weekday_years
from tahqiq.dates.values import date_bounds
from tahqiq.extract.mention import Mention
from tahqiq.reference import REFERENCE_DIR
from tahqiq.text.normalize import TATWEEL, NormalizedText, normalize_text

FUTURE_TOLERANCE_DAYS = 60
EVENT_TO_PUBLICATION_MAX_DAYS = 14
SATURDAY = 5


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, int]
    hijri_months: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, tuple[str, int | None]]
    relative_days: dict[str, int]
    anaphoric_days: dict[str, int]
    periods: dict[str, str]
    this_prefix: list[str]
    same_after: list[str]
    same_before: list[str]
    modifiers: dict[str, str]
    parts: dict[str, str]
    time_of_day: list[str]
    bare_month_triggers: list[str]
    year_triggers: list[str]
    weekday_blockers_before: list[str]
    weekday_blockers_after: list[str]
    future_markers: list[str]
    today_blockers_before: list[str]
    today_blockers_after: list[str]
    hijri_suffixes: list[str]
    hijri_month_starts: dict[tuple[int, int], dt.date]


def _invert(groups: dict[str, list[str]]) -> dict[str, int]:
    return {normalize_text(w): int(k) for k, words in groups.items() if not k.startswith("_") for w in words}


def _invert_named(groups: dict[str, list[str]]) -> dict[str, str]:
    return {normalize_text(w): k for k, words in groups.items() if not k.startswith("_") for w in words}


def _norm_list(words: list[str]) -> list[str]:
    return [normalize_text(w) for w in words]


@lru_cache(maxsize=1)
def load_lexicon(reference_dir: Path = REFERENCE_DIR) -> _Lexicon:
    raw = json.loads((reference_dir / "date_lexicon.json").read_text(encoding="utf-8"))
    with (reference_dir / "date_hijri_month_starts.csv").open(encoding="utf-8") as f:
        starts = {
            (int(r["hijri_year"]), int(r["hijri_month"])): dt.date.fromisoformat(r["gregorian_first_day"])
            for r in csv.DictReader(f)
        }
    return _Lexicon(
        months=_invert(raw["gregorian_months"]),
        hijri_months=_invert(raw["hijri_months"]),
        weekdays=_invert(raw["weekdays"]),
        ordinals=_invert(raw["day_ordinals"]),
        numbers=_invert(raw["number_words"]),
        units={
            normalize_text(k): (v[0], v[1]) for k, v in raw["duration_units"].items() if not k.startswith("_")
        },
        relative_days={
            normalize_text(k): v for k, v in raw["relative_days"].items() if not k.startswith("_")
        },
        anaphoric_days={
            normalize_text(k): v for k, v in raw["anaphoric_days"].items() if not k.startswith("_")
        },
        periods=_invert_named(raw["period_words"]),
        this_prefix=_norm_list(raw["this_prefix"]),
        same_after=_norm_list(raw["same_words"]["after"]),
        same_before=_norm_list(raw["same_words"]["before"]),
        modifiers=_invert_named(raw["modifiers"]),
        parts=_invert_named(raw["period_parts"]),
        time_of_day=_norm_list(raw["time_of_day"]),
        bare_month_triggers=_norm_list(raw["bare_month_triggers"]),
        year_triggers=_norm_list(raw["year_triggers"]),
        weekday_blockers_before=_norm_list(raw["weekday_blockers_before"]),
        weekday_blockers_after=_norm_list(raw["weekday_blockers_after"]),
        future_markers=_norm_list(raw["future_markers"]),
        today_blockers_before=_norm_list(raw["today_blockers_before"]),
        today_blockers_after=_norm_list(raw["today_blockers_after"]),
        hijri_suffixes=_norm_list(raw["hijri_suffixes"]),
        hijri_month_starts=starts,
    )


def _alt(words) -> str:
    """Regex alternation, longest first, with flexible inner spacing."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


def _al_word(words) -> str:
    """Words that start with the article also appear as لل... after the preposition ل."""
    forms = set(words)
    forms |= {"لل" + w[2:] for w in words if w.startswith("ال")}
    return _alt(forms)


# A word may carry a conjunction and one preposition (وبـ, فـ, كـ); ل is left out since لامس etc.
_START = r"(?<!\w)(?:[وف]?[بك]?)"
_END = r"(?!\w)"


@dataclass(frozen=True)
class _Patterns:
    month_date: re.Pattern[str]
    numeric: re.Pattern[str]
    hijri_text: re.Pattern[str]
    day_of_period: re.Pattern[str]
    relative_day: re.Pattern[str]
    ago: re.Pattern[str]
    period: re.Pattern[str]
    weekday: re.Pattern[str]
    year: re.Pattern[str]
    year_before: re.Pattern[str]
    bare_month_before: re.Pattern[str]
    weekday_before: re.Pattern[str]
    weekday_after: re.Pattern[str]
    today_before: re.Pattern[str]
    today_after: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    lx = load_lexicon()
    month = _alt(lx.months)
    weekday = _al_word(lx.weekdays)
    ordinal = _al_word(lx.ordinals)
    modifier = _alt(lx.modifiers)
    part = _alt(lx.parts)
    tod = _alt(lx.time_of_day)
    year = r"(?:(?:من\s+)?(?:عام|سنه|العام)\s*)?(?P<year>(?:19|20)\d\d)(?!\d)(?:\s*م(?!\w))?"
    same_after, same_before = _alt(lx.same_after), _alt(lx.same_before)
    month_date = re.compile(
        _START
        + rf"(?P<core>(?:{tod}\s+)?(?:(?P<wd>{weekday})\s*,?\s*(?:الموافق\s+)?)?"
        + rf"(?:(?P<part>{part})\s+(?:من\s+)?(?:شهر\s+)?"
        + r"|(?:ال\s*)?(?<!\d)(?P<dnum>[0-3]?\d)\s*(?:من\s+)?(?:شهر\s+)?"
        + rf"|(?P<dord>{ordinal})\s+من\s+(?:شهر\s+)?"
        + r"|شهر\s+)?"
        + rf"(?P<mon>{month})(?:\s*[/(-]\s*(?P<mon2>{month})\s*\)?)?"
        + rf"(?:\s*,?\s*(?:{year}|(?:من\s+)?(?:العام|السنه)\s+(?P<ymod>{modifier})"
        + rf"|(?:من\s+|ب)?(?:(?:العام|السنه)\s+(?P<ysame>{same_after})|(?P<ysamepre>{same_before})\s+(?:العام|السنه))))?"
        + rf"(?:\s+(?P<mod>{modifier}))?)"
        + _END
    )
    numeric = re.compile(
        r"(?<![\d/.-])(?P<core>(?:(?P<iy>(?:19|20)\d\d)[-/.](?P<im>[01]?\d)[-/.](?P<id>[0-3]?\d)"
        r"|(?P<d>[0-3]?\d)[-/.](?P<m>[01]?\d)[-/.](?P<y>\d{4}))(?![\d/])"
        + rf"(?:\s*(?P<hij>{_alt(lx.hijri_suffixes)})(?!\w))?)"
    )
    hijri_text = re.compile(
        _START
        + rf"(?P<core>(?<!\d)(?P<d>[0-3]?\d)\s+(?:من\s+)?(?:شهر\s+)?(?P<hm>{_alt(lx.hijri_months)})"
        + r"\s*,?\s*(?:(?:من\s+)?(?:عام|سنه)\s+)?(?P<y>1[34]\d\d)(?!\d)"
        + rf"(?:\s*{_alt(lx.hijri_suffixes)}(?!\w))?)"
    )
    period_word = _al_word(lx.periods)
    day_of_period = re.compile(
        _START
        + r"(?P<core>(?:(?:ال\s*)?(?<!\d)(?P<dnum>[0-3]?\d)|(?P<dord>"
        + ordinal
        + r"))\s+(?:من\s+)?(?:"
        + rf"(?P<this>{_alt(lx.this_prefix)})\s+الشهر|(?P<samepre>{same_before})\s+الشهر"
        + rf"|(?:الشهر|للشهر)(?:\s+(?P<mod>{modifier})|\s+(?P<same>{same_after}))?))"
        + _END
    )
    relative_day = re.compile(
        _START
        + rf"(?P<core>(?:{tod}\s+)?(?P<word>{_alt(list(lx.relative_days) + list(lx.anaphoric_days))})"
        + rf"(?:\s*,?\s*(?P<wd>{weekday}))?)"
        + _END
    )
    numbers = _alt(lx.numbers)
    ago = re.compile(
        _START
        + r"(?P<core>(?P<pre>منذ|قبل)\s+(?:(?:نحو|حوالي|قرابه|زهاء)\s+)?"
        # "15 يوما": the singular unit in the accusative after a number over ten (`ACCUSATIVE_ENDING`)
        + rf"(?:(?P<num>\d{{1,3}}|{numbers})\s+)?(?P<unit>{_alt(lx.units)})(?P<acc>{ACCUSATIVE_ENDING}(?!\w))?)"
        + rf"(?!\s*(?:\d|{month}|{_alt(lx.hijri_months)}))"
        + _END
    )
    period = re.compile(
        _START
        + rf"(?P<core>(?:(?P<part>{part})\s+)?(?:(?P<this>{_alt(lx.this_prefix)})\s+ال(?P<per1>{_alt(w[2:] for w in lx.periods)})"
        + rf"|(?P<samepre>{same_before})\s+(?P<per3>{period_word})"
        + rf"|(?P<per2>{period_word})(?:\s+(?P<mod>{modifier})|\s+(?P<same>{same_after}))?))"
        + _END
    )
    weekday_re = re.compile(
        _START + rf"(?P<core>(?:(?P<tod>{tod})\s+)?(?P<wd>{weekday})(?:\s+(?P<mod>{modifier}))?)" + _END
    )
    year_re = re.compile(
        r"(?<!\w)(?P<core>(?:(?P<trig>عامي|عام|العام|سنه)\s*)?(?P<year>(?:19|20)\d\d)(?!\d)(?:\s*م(?!\w))?)"
    )
    return _Patterns(
        month_date=month_date,
        numeric=numeric,
        hijri_text=hijri_text,
        day_of_period=day_of_period,
        relative_day=relative_day,
        ago=ago,
        period=period,
        weekday=weekday_re,
        year=year_re,
        year_before=re.compile(rf"(?:^|\W)[وف]?{_alt(lx.year_triggers)}\s*$"),
        bare_month_before=re.compile(rf"(?:^|\W)[وف]?{_alt(lx.bare_month_triggers)}\s*$"),
        weekday_before=re.compile(rf"(?:^|\W){_alt(lx.weekday_blockers_before)}\s*$"),
        weekday_after=re.compile(rf"^\s*{_alt(lx.weekday_blockers_after)}(?!\w)"),
        today_before=re.compile(rf"(?:^|\W){_alt(lx.today_blockers_before)}\s*$"),
        today_after=re.compile(rf"^\s*{_alt(lx.today_blockers_after)}(?!\w)"),
    )


@dataclass
class _Reading:
    """What one matched expression says, before any reference date is applied."""

    start: int
    end: int
    kind: str
    resolve: Callable[[dt.date | None], _Value]
    weekday_anchor: tuple[int, int] | None = None  # (weekday, days from that weekday to publication)
    absolute_day: dt.date | None = None
    partial_day: tuple[int, int] | None = None


@dataclass
class _Value:
    value: str | None
    precision: str
    relative: bool
    extra: dict[str, Any] = field(default_factory=dict)
    method: str | None = None  # set only when the resolver knows better (absolute, weekday inference)


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _interval(a: dt.date, b: dt.date) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


# The year a month is told in relative to the reference's ("شباط من العام الماضي", "مارس العام المقبل").
YEAR_SHIFTS = {"year_past": -1, "year_current": 0, "year_next": 1}


def _year_for(month: int, day: int | None, ref: dt.date, mod: str | None) -> int:
    if mod in YEAR_SHIFTS:
        return ref.year + YEAR_SHIFTS[mod]
    if mod == "past" and day is not None:
        # "13 يونيو الماضي" on 21 June is eight days ago: the last such day, not last year's.
        this_year = _safe_date(ref.year, month, min(day, _month_end(ref.year, month)))
        return ref.year if this_year and this_year < ref else ref.year - 1
    if mod == "past":
        return ref.year if month < ref.month else ref.year - 1
    if mod == "current":
        return ref.year
    if mod == "next":
        return ref.year if month > ref.month else ref.year + 1
    candidate = _safe_date(ref.year, month, min(day or 1, _month_end(ref.year, month)))
    if candidate and (candidate - ref).days > FUTURE_TOLERANCE_DAYS:
        return ref.year - 1
    return ref.year


def _part_interval(year: int, month: int, part: str) -> str:
    last = _month_end(year, month)
    lo, hi = {"start": (1, 10), "middle": (11, 20), "end": (21, last)}[part]
    return _interval(dt.date(year, month, lo), dt.date(year, month, hi))


def _previous_weekday(ref: dt.date, weekday: int, strictly: bool) -> dt.date:
    back = (ref.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return ref - dt.timedelta(days=back)


class _Scanner:
    """Turns regex matches over `text` into readings; one instance per text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lx = load_lexicon()
        self.p = _patterns()

    def _before(self, start: int, width: int = 12) -> str:
        return self.text[max(0, start - width) : start]

    def scan(self) -> list[_Reading]:
        """Every reading, overlapping ones included.

        Running every pattern over a whole article is slow in `re`, so each pattern only runs in
        windows around the words (or digits) that any of its matches must contain.
        """
        handlers = {
            "numeric": self._numeric,
            "hijri_text": self._hijri_text,
            "month_date": self._month_date,
            "day_of_period": self._day_of_period,
            "relative_day": self._relative_day,
            "ago": self._ago,
            "period": self._period,
            "weekday": self._weekday,
            "year": self._year,
        }
        readings: list[_Reading] = []
        for name, windows in _windows(self.text).items():
            pattern, handler = getattr(self.p, name), handlers[name]
            for start, end in windows:
                for m in pattern.finditer(self.text, start, end):
                    reading = handler(m)
                    if reading is not None:
                        readings.append(reading)
        return readings

    def _reading(self, m: re.Match[str], kind: str, resolve, **kw) -> _Reading:
        return _Reading(m.start("core"), m.end("core"), kind, resolve, **kw)

    def _numeric(self, m: re.Match[str]) -> _Reading | None:
        if m["iy"]:
            year, month, day = int(m["iy"]), int(m["im"]), int(m["id"])
        else:
            year, a, b = int(m["y"]), int(m["d"]), int(m["m"])
            day, month = (a, b) if b <= 12 else (b, a)  # day first, as Arabic news writes it
        if m["hij"] or 1300 <= year <= 1500:
            return self._hijri(m, year, month, day)
        date = _safe_date(year, month, day)
        if date is None or not 1900 <= year <= 2100:
            return None
        return self._reading(m, "numeric", _absolute_day(date), absolute_day=date)

    def _hijri(self, m: re.Match[str], year: int, month: int, day: int) -> _Reading | None:
        first = self.lx.hijri_month_starts.get((year, month))
        if first is None or not 1 <= day <= 30:
            return None
        date = first + dt.timedelta(days=day - 1)
        return self._reading(m, "hijri", _absolute_day(date, calendar="hijri"), absolute_day=date)

    def _hijri_text(self, m: re.Match[str]) -> _Reading | None:
        return self._hijri(m, int(m["y"]), self.lx.hijri_months[_squash(m["hm"])], int(m["d"]))

    def _month_date(self, m: re.Match[str]) -> _Reading | None:
        month = self.lx.months[_squash(m["mon"])]
        mod = self.lx.modifiers[m["mod"]] if m["mod"] else None
        if m["ymod"]:  # "فبراير العام الماضي": February of the year before the reference's
            mod = f"year_{self.lx.modifiers[m['ymod']]}"
        year = int(m["year"]) if m["year"] else None
        weekday = self.lx.weekdays.get(_strip_al_prefix(m["wd"])) if m["wd"] else None
        day = (
            int(m["dnum"])
            if m["dnum"]
            else self.lx.ordinals[_strip_al_prefix(m["dord"])]
            if m["dord"]
            else None
        )
        part = self.lx.parts[_squash(m["part"])] if m["part"] else None
        if m["ysame"] or m["ysamepre"]:  # "كانون الأول/ديسمبر من العام نفسه": the year the text dated last
            if day is not None and not 1 <= day <= 31:
                return None
            return self._reading(m, "day_month" if day else "month", _of_story_year(month, day, part))
        bare = day is None and part is None and year is None and mod is None
        if bare and not self.p.bare_month_before.search(self._before(m.start("core"))):
            return None
        if day is not None:
            if not 1 <= day <= 31:
                return None
            resolve = _day_month(day, month, year, mod, weekday)
            absolute = _safe_date(year, month, day) if year else None
            return self._reading(
                m, "day_month", resolve, absolute_day=absolute, partial_day=None if year else (month, day)
            )
        return self._reading(m, "month", _month(month, year, mod, part))

    def _day_of_period(self, m: re.Match[str]) -> _Reading | None:
        day = int(m["dnum"]) if m["dnum"] else self.lx.ordinals[_strip_al_prefix(m["dord"])]
        if not 1 <= day <= 31:
            return None
        if m["same"] or m["samepre"]:
            return self._reading(m, "day_of_month", _day_of_story_period("month", day))
        mod = "current" if m["this"] or not m["mod"] else self.lx.modifiers[m["mod"]]
        return self._reading(m, "day_of_month", _day_of_relative_month(day, mod))

    def _relative_day(self, m: re.Match[str]) -> _Reading | None:
        word = _squash(m["word"])
        weekday = self.lx.weekdays.get(_strip_al_prefix(m["wd"])) if m["wd"] else None
        if word == "اليوم" and weekday is None:
            after = self.text[m.end("core") : m.end("core") + 12]
            if self.p.today_before.search(self._before(m.start("core"))) or self.p.today_after.search(after):
                return None
        anaphoric = word in self.lx.anaphoric_days
        offset = self.lx.anaphoric_days[word] if anaphoric else self.lx.relative_days[word]
        anchor = (weekday, -offset) if weekday is not None and not anaphoric else None
        return self._reading(
            m, "relative_day", _relative_days(offset, weekday, anaphoric), weekday_anchor=anchor
        )

    def _ago(self, m: re.Match[str]) -> _Reading | None:
        unit, implied = self.lx.units[_squash(m["unit"])]
        if m["acc"] and (unit == "year" or m["pre"] == "منذ"):
            # "صنعت قبل 30 عاما": an age far more than an act's time; "منذ 11 يوما": a campaign's length so far
            return None
        if re.search(r"(?<![\w])[وف]?[تين]?تمكن\w*\s+(?:\S+\s+){0,4}$", self._before(m.start("core"), 60)):
            return self._ago_of(m, unit, implied)  # "تمكنت القوات قبل يومين من السيطرة": من is the verb's
        if re.match(r"\s+من\s+(?!قبل|الان|الزمن)\w", self.text[m.end("core") : m.end("core") + 20]):
            return None  # "قبل يومين من مصرعه": counted from another act, not from the story's day
        return self._ago_of(m, unit, implied)

    def _ago_of(self, m: re.Match[str], unit: str, implied: int | None) -> _Reading | None:
        if m["num"]:
            count = int(m["num"]) if m["num"].isdigit() else self.lx.numbers[m["num"]]
        elif implied is not None:
            count = implied
        else:
            return None
        return self._reading(m, "ago", _ago(unit, count))

    def _period(self, m: re.Match[str]) -> _Reading | None:
        part = self.lx.parts[_squash(m["part"])] if m["part"] else None
        if m["same"] or m["samepre"]:
            kind = self.lx.periods[_strip_al_prefix(m["per2"] or m["per3"])]
            if kind == "week" or (part and kind != "month"):
                return None
            return self._reading(m, "period", _day_of_story_period(kind, part=part))
        if m["per1"]:
            kind, mod = self.lx.periods["ال" + m["per1"]], "current"
        else:
            kind = self.lx.periods[_strip_al_prefix(m["per2"])]
            mod = self.lx.modifiers[m["mod"]] if m["mod"] else None
            if mod is None:
                if part is None or kind == "week":
                    return None
                mod = "current"
        return self._reading(m, "period", _period(kind, mod, part))

    def _weekday(self, m: re.Match[str]) -> _Reading | None:
        weekday = self.lx.weekdays[_strip_al_prefix(m["wd"])]
        mod = self.lx.modifiers[m["mod"]] if m["mod"] else None
        if mod is None and not m["tod"]:
            after = self.text[m.end("core") : m.end("core") + 10]
            if self.p.weekday_before.search(self._before(m.start("core"))) or self.p.weekday_after.search(
                after
            ):
                return None
        return self._reading(m, "weekday", _weekday(weekday, mod))

    def _year(self, m: re.Match[str]) -> _Reading | None:
        if not m["trig"] and not self.p.year_before.search(self._before(m.start("core"))):
            return None
        return self._reading(m, "year", _absolute_year(int(m["year"])))


_WINDOW_BEFORE = 60  # longest lead-in: "صباح يوم الجمعة الموافق الحادي والعشرين من شهر "
_WINDOW_AFTER = 45  # longest tail: "(يوليو) من عام 2023 م الماضي"
_DIGIT_RUN = re.compile(r"\d+")
_CLITICS = ("", "و", "ف", "ب", "ك", "ل", "وب", "فب", "وك", "ول", "فل")


@lru_cache(maxsize=1)
def _triggers() -> dict[str, tuple[str, ...]]:
    """Word (with any clitic) -> the patterns whose matches may contain it."""
    lx = load_lexicon()
    heads: dict[str, set[str]] = {}

    def add(words, *patterns: str) -> None:
        for w in words:
            heads.setdefault(w.split()[0], set()).update(patterns)

    add(lx.months, "month_date")
    add(lx.hijri_months, "hijri_text")
    add(lx.weekdays, "weekday")
    add(["امس", "اليوم", "غدا", "غد", "البارحه"], "relative_day")
    add(["منذ", "قبل"], "ago")
    add(lx.periods, "period")
    add(["الشهر"], "day_of_period")
    table: dict[str, set[str]] = {}
    for head, patterns in heads.items():
        forms = {c + head for c in _CLITICS}
        if head.startswith("ال"):
            forms |= {c + "لل" + head[2:] for c in ("", "و", "ف")}
        for form in forms:
            table.setdefault(form, set()).update(patterns)
    return {k: tuple(sorted(v)) for k, v in table.items()}


_SPLIT_PUNCTUATION = re.compile(r"[\s,.;:!?()\[\]/\"'-]+")


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per pattern, merged [start, end) windows of `text` around its trigger words."""
    triggers = _triggers()
    spans: dict[str, list[tuple[int, int]]] = {}
    for token in set(_SPLIT_PUNCTUATION.split(text)) & triggers.keys():
        at = text.find(token)
        while at != -1:
            end = at + len(token)
            if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                for name in triggers[token]:
                    spans.setdefault(name, []).append((at, end))
            at = text.find(token, end)
    digits = [m.span() for m in _DIGIT_RUN.finditer(text)]
    if digits:
        for name in ("numeric", "year"):
            spans.setdefault(name, []).extend(digits)
    return {name: _merge(text, hits) for name, hits in spans.items()}


def _merge(text: str, hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(hits):
        lo = max(0, text.rfind(" ", 0, max(0, start - _WINDOW_BEFORE)) + 1) if start > _WINDOW_BEFORE else 0
        hi = text.find(" ", min(len(text), end + _WINDOW_AFTER))
        hi = len(text) if hi == -1 else hi
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def _strip_al_prefix(s: str) -> str:
    s = _squash(s)
    return "ال" + s[2:] if s.startswith("لل") else s


def _non_overlapping(readings: list[_Reading]) -> list[_Reading]:
    kept: list[_Reading] = []
    for r in sorted(readings, key=lambda r: (r.start - r.end, r.start)):
        if all(r.end <= k.start or r.start >= k.end for k in kept):
            kept.append(r)
    return sorted(kept, key=lambda r: r.start)


# Resolvers: each returns a function of the reference date.


def _absolute_day(date: dt.date, calendar: str = "gregorian"):
    extra = {"calendar": calendar} if calendar != "gregorian" else {}
    return lambda ref: _Value(date.isoformat(), "day", False, extra, method="absolute")


def _absolute_year(year: int):
    return lambda ref: _Value(f"{year:04d}", "year", False, method="absolute")


def _day_month(day: int, month: int, year: int | None, mod: str | None, weekday: int | None):
    def resolve(ref: dt.date | None) -> _Value:
        if year is not None:
            date = _safe_date(year, month, day)
            extra = (
                {"weekday_mismatch": True}
                if date and weekday is not None and date.weekday() != weekday
                else {}
            )
            return _Value(date.isoformat() if date else None, "day", False, extra, method="absolute")
        partial = {"partial": f"--{month:02d}-{day:02d}"}
        if ref is None:
            if weekday is not None:
                years = weekday_years(month, day, weekday)
                if years:
                    extra = {"year_candidates": years} if len(years) > 1 else {}
                    date = dt.date(years[-1], month, day)
                    return _Value(date.isoformat(), "day", False, extra, method="weekday_year_inference")
            return _Value(None, "day", True, partial)
        y = _year_for(month, day, ref, mod)
        if weekday is not None and mod is None:
            fitting = [c for c in (y, y - 1) if (d := _safe_date(c, month, day)) and d.weekday() == weekday]
            y = fitting[0] if fitting else y
        date = _safe_date(y, month, day)
        return _Value(date.isoformat() if date else None, "day", True)

    return resolve


def _month(month: int, year: int | None, mod: str | None, part: str | None):
    def resolve(ref: dt.date | None) -> _Value:
        y = year
        if y is None:
            if ref is None:
                return _Value(None, "interval" if part else "month", True, {"partial": f"--{month:02d}"})
            y = _year_for(month, None, ref, mod)
        value = _part_interval(y, month, part) if part else _iso_month(y, month)
        return _Value(
            value, "interval" if part else "month", year is None, method="absolute" if year else None
        )

    return resolve


def _day_of_relative_month(day: int, mod: str):
    delta = {"past": -1, "current": 0, "next": 1}[mod]

    def resolve(ref: dt.date | None) -> _Value:
        if ref is None:
            return _Value(None, "day", True)
        y, m = _shift_month(ref.year, ref.month, delta)
        date = _safe_date(y, m, day)
        return _Value(date.isoformat() if date else None, "day", True)

    return resolve


def _relative_days(offset: int, weekday: int | None, anaphoric: bool):
    def resolve(ref: dt.date | None) -> _Value:
        extra: dict[str, Any] = {"anaphoric": True} if anaphoric else {}
        if ref is None:
            return _Value(None, "day", True, extra)
        date = ref + dt.timedelta(days=offset)
        if weekday is not None and date.weekday() != weekday:
            # "أمس الأربعاء" in a story stamped Wednesday 21:45 UTC was written on Thursday where it
            # happened: a publication time a day off the writer's clock shifts "yesterday", never the
            # weekday named.
            shifted = next(
                (
                    date + dt.timedelta(days=d)
                    for d in (1, -1)
                    if (date + dt.timedelta(days=d)).weekday() == weekday
                ),
                None,
            )
            if shifted is None:
                extra["weekday_mismatch"] = True
            else:
                date, extra["clock_shift_days"] = shifted, (shifted - date).days
        return _Value(date.isoformat(), "day", True, extra)

    return resolve


def _ago(unit: str, count: int):
    def resolve(ref: dt.date | None) -> _Value:
        precision = {"year": "year", "month": "month"}.get(unit, "day")
        if ref is None:
            return _Value(None, precision, True)
        if unit == "year":
            return _Value(f"{ref.year - count:04d}", "year", True)
        if unit == "month":
            return _Value(_iso_month(*_shift_month(ref.year, ref.month, -count)), "month", True)
        days = {"day": count, "week": 7 * count}.get(unit, 0)  # hours and minutes ago: same day
        return _Value((ref - dt.timedelta(days=days)).isoformat(), "day", True)

    return resolve


def _period(kind: str, mod: str, part: str | None):
    delta = {"past": -1, "current": 0, "next": 1}[mod]

    def resolve(ref: dt.date | None) -> _Value:
        precision = {"week": "interval", "month": "month", "year": "year"}[kind]
        if part and kind == "month":
            precision = "interval"
        if ref is None:
            return _Value(None, precision, True)
        if kind == "week" and delta == -1:
            return _Value(_interval(*last_week(ref)), "interval", True)
        if kind == "week":
            week_start = _previous_weekday(ref, SATURDAY, strictly=False) + dt.timedelta(days=7 * delta)
            return _Value(_interval(week_start, week_start + dt.timedelta(days=6)), "interval", True)
        if kind == "month":
            y, m = _shift_month(ref.year, ref.month, delta)
            value = _part_interval(y, m, part) if part else _iso_month(y, m)
            return _Value(value, precision, True)
        extra = {"part": part} if part else {}
        return _Value(f"{ref.year + delta:04d}", "year", True, extra)

    return resolve


def _of_story_year(month: int, day: int | None, part: str | None):
    """A month (or a day of it) in the year the text dated last ("في أبريل من العام نفسه")."""

    def resolve(ref: dt.date | None) -> _Value:
        extra = {"anaphoric": True, "story_period": "year"}
        if ref is None:
            return _Value(None, "day" if day else "interval" if part else "month", True, extra)
        inner = (_day_month(day, month, ref.year, None, None) if day else _month(month, ref.year, None, part))(ref)
        return _Value(inner.value, inner.precision, True, {**inner.extra, **extra})

    return resolve


def _day_of_story_period(kind: str, day: int | None = None, part: str | None = None):
    """The month or the year the text dated last, named again ("في السابع من الشهر نفسه", "في العام ذاته",
    "أواخر الشهر ذاته"): resolved (by `find_dates`) against a day of that period, never the publication's."""

    def resolve(ref: dt.date | None) -> _Value:
        extra = {"anaphoric": True, "story_period": kind}
        if ref is None:
            return _Value(None, "day" if day else "interval" if part else kind, True, extra)
        if kind == "year":
            return _Value(f"{ref.year:04d}", "year", True, extra)
        if part:
            return _Value(_part_interval(ref.year, ref.month, part), "interval", True, extra)
        if day is None:
            return _Value(_iso_month(ref.year, ref.month), "month", True, extra)
        date = _safe_date(ref.year, ref.month, day)
        return _Value(date.isoformat() if date else None, "day", True, extra)

    return resolve


def _weekday(weekday: int, mod: str | None):
    def resolve(ref: dt.date | None) -> _Value:
        if ref is None:
            return _Value(None, "day", True, {"weekday": weekday})
        if mod == "next":
            date = next_weekday(ref, weekday)
        else:
            date = _previous_weekday(ref, weekday, strictly=mod == "past")
        return _Value(date.isoformat(), "day", True, {"weekday": weekday, "weekday_modifier": mod})

    return resolve


def _scan(text: str) -> list[_Reading]:
    return _Scanner(text).scan()


def _infer(readings: list[_Reading]) -> tuple[dt.date | None, str]:
    anchors = [r.weekday_anchor for r in readings if r.weekday_anchor is not None]
    if not anchors:
        return None, "unknown"
    weekday, shift = anchors[0]
    publication_weekday = (weekday + shift) % 7
    events = [r.absolute_day for r in readings if r.absolute_day is not None]
    if not events:
        events = [
            d
            for r in readings
            if r.kind == "day_month"
            and (d := _parse_iso(r.resolve(None)))
            and r.resolve(None).method == "weekday_year_inference"
        ]
    if not events:
        has_yearless = any(r.partial_day for r in readings)
        return None, "year_unknown" if has_yearless else "unknown"
    latest = max(events)
    for days in range(EVENT_TO_PUBLICATION_MAX_DAYS + 1):
        candidate = latest + dt.timedelta(days=days)
        if candidate.weekday() == publication_weekday:
            return candidate, "weekday_after_dated_event"
    return None, "unknown"


def _parse_iso(value_holder: _Value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value_holder.value) if value_holder.value else None
    except ValueError:
        return None


def infer_reference_date(nt: NormalizedText) -> tuple[dt.date | None, str]:
    """The publication date implied by the text itself, and how it was found."""
    return _infer(_scan(nt.text))


ACCUSATIVE_ENDING = "ا"  # "18 يوما", "ثلاثين شهرا": the unit in the accusative after a number over ten


def counted_span(words: str) -> tuple[int, str] | None:
    """The count and unit (day, week, month, year, hour, minute) of a counted span ("18 يوما", "ثلاثة أيام",
    "أسبوعين", "شهر"); None for an uncounted one ("أيام") or other words."""
    lx = load_lexicon()
    *number, unit = normalize_text(words).split() or [""]
    reading = lx.units.get(unit) or (lx.units.get(unit[:-1]) if unit.endswith(ACCUSATIVE_ENDING) else None)
    if reading is None or len(number) > 1:
        return None
    if not number:
        return (reading[1], reading[0]) if reading[1] is not None else None
    count = int(number[0]) if number[0].isdigit() else lx.numbers.get(number[0])
    return (count, reading[0]) if count else None


FUTURE_MARKER_WINDOW = 60
_SENTENCE_END = re.compile(r"[.!?\n]")


def _said_in_future(text: str, start: int, resolved: _Value) -> bool:
    """A bare weekday after a future-tense word of its sentence ("ستنظم تظاهرة الأحد") is the next one."""
    if resolved.extra.get("weekday") is None or resolved.extra.get("weekday_modifier") is not None:
        return False
    before = text[max(0, start - FUTURE_MARKER_WINDOW) : start]
    before = _SENTENCE_END.split(before)[-1]
    words = before.split()
    return any(
        " ".join(words[i : i + len(m.split())]) == m
        for m in load_lexicon().future_markers
        for i in range(len(words))
    )


def _same_period(bounds: tuple[dt.date, dt.date], kind: str) -> bool:
    """Whether a dated value lies within one month (or one year), which "الشهر نفسه" (or "العام نفسه") names."""
    lo, hi = bounds
    return lo.year == hi.year and (kind == "year" or lo.month == hi.month)


def find_dates(nt: NormalizedText, published: dt.date | None) -> list[Mention]:
    """DATE mentions of `nt`, resolved against `published` (or a reference inferred from the text)."""
    all_readings = _scan(nt.text)
    ref, relative_method = published, "relative_to_published"
    if published is None:
        ref, _ = _infer(all_readings)
        relative_method = "relative_to_inferred_reference" if ref else "unresolved"
    mentions = []
    story_day: dt.date | None = None  # the last day the text dated, which "اليوم التالي" counts from
    story_bounds: tuple[dt.date, dt.date] | None = None  # the last value the text dated, "الشهر نفسه" names again
    for r in _non_overlapping(all_readings):
        resolved = r.resolve(ref)
        period = resolved.extra.get("story_period")
        if period:
            # with no month or year dated before, "الشهر نفسه" names none the text tells
            same = story_bounds and _same_period(story_bounds, period)
            resolved = r.resolve(story_bounds[0] if same else None)
        if ref and r.kind == "weekday" and _said_in_future(nt.text, r.start, resolved):
            resolved = _Value(next_weekday(ref, resolved.extra["weekday"]).isoformat(), "day", True)
            resolved.method = "future_weekday"
        anaphoric = resolved.extra.get("anaphoric", False)
        if period:
            method = "relative_to_story_date" if resolved.value else "unresolved"
        elif anaphoric and story_day:
            resolved = r.resolve(story_day)
            method = "relative_to_story_date"
        elif resolved.method:
            method = resolved.method
        elif resolved.value is None:
            method = "unresolved"
        else:
            method = relative_method
        start, end = nt.to_display_span(r.start, r.end)
        while end < len(nt.display) and nt.display[end] == TATWEEL:  # "هـ": keep the tatweel in the surface
            end += 1
        if resolved.precision == "day" and resolved.value and (not anaphoric or period):
            story_day = _parse_iso(resolved)
        if resolved.value:
            story_bounds = date_bounds(resolved.value) or story_bounds
        if period:
            reference = story_bounds[0] if resolved.value else None
        else:
            reference = story_day if anaphoric and method == "relative_to_story_date" else ref
        attrs = {
            "precision": resolved.precision,
            "method": method,
            "relative": resolved.relative,
            "reference_date": reference.isoformat() if reference and resolved.relative else None,
            "form": r.kind,
            **resolved.extra,
        }
        mentions.append(
            Mention(
                "DATE", start, end, nt.display[start:end], nt.text[r.start : r.end], resolved.value, attrs
            )
        )
    return mentions
