"""Figures: every killed, wounded and detained figure an event's reports give, and which ones a later
report revises.

A report's figure of a kind is the event total of its numbers of that kind (tahqiq.extract.counts.event_total; for
casualties and the other figures only those stated in sentences that name the event; attackers are counted
only beside a word of their attack, which names it),
one for the toll and one for each group it counts apart (civilians, children: casualty_groups.csv); likewise
the figures other than the toll (missiles fired or intercepted, people abducted, bombers, people displaced,
attackers: counts.ACTS), one for each side a salvo is fired by. A range ("ما بين 250 و300") holds any figure
between its ends. Of two differing figures, the later one revises the other when its sentence says so
(update wording, "ارتفعت حصيلة") or when it comes at least UPDATE_MIN_HOURS later with a higher figure (tolls
rise as bodies are found; the number of attackers does not); a count that runs on (people displaced) is compared only between reports of one
moment. ACLED's conservative figure is the lowest definite (not approximate) figure that no
later report revises.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import polars as pl

from tahqiq.dates.values import date_bounds
from tahqiq.extract.counts import ACTS, RUNNING_COUNTS, event_total, wholes_else_parts
from tahqiq.reference import casualty_groups
from tahqiq.text.normalize import normalize_text

# On the day of an attack tolls climb by the hour: a higher figure four hours on is a new count, not a rival one.
UPDATE_MIN_HOURS = 4
APPROXIMATE_TOLERANCE = 0.1
# A report published weeks after another tells of something longer or other than the event ("135 killed since
# 30 March", the town of a victim of a later Friday): tolls are revised in the days after an attack, as the
# wounded die and bodies are found, and a merge of reports weeks apart is more often two events.
REPORTS_MAX_DAYS_APART = 14
COUNT_ATTRIBUTES = ("killed", "wounded", "detained")
# Figures that do not rise as they are counted: the force that attacked was as large on the day as a week on, so
# a later report's other figure disagrees with the earlier one unless its words revise it.
FIXED_COUNTS = frozenset({"attackers"})
# Figures read only from a sentence that names the event: the casualties and what else a count tells of it
# (missiles fired or intercepted, people abducted, bombers, people displaced, attackers: tahqiq.extract.counts.ACTS).
TOLD_ATTRIBUTES = (*COUNT_ATTRIBUTES, *ACTS)
# Groups (casualty_groups.csv) that count a part of the people abducted or of the bombers, not all of them.
PARTS_OF_PEOPLE = frozenset({"women", "children"})
# Operations made on a jihadist group's men: a strike, a raid, an arrest. Their dead or detained are the
# operation's toll ("مقتل ثلاثة من عناصر داعش في مداهمة"); in the group's own attack (a bombing, a
# shooting, a clash) they are the attackers, counted apart from its victims.
OPERATIONS_ON_THEM = frozenset({"air_strike", "drone_strike", "helicopter_raid", "ground_raid", "airdrop", "arrest"})
# Approximators (tahqiq.extract.counts.APPROXIMATORS, matching form) that bound a figure from one side.
LOWER_BOUNDS = frozenset({"ما لا يقل عن", "ما يزيد عن", "ما يزيد علي", "اكثر من", "اكثر"})
UPPER_BOUNDS = frozenset({"اقل من"})


@dataclass(frozen=True)
class Statement:
    """One value one source states about a subject, with where it is written."""

    value: Any
    article_id: str
    outlet: str | None = None
    published_at: str | None = None
    start: int | None = None
    end: int | None = None
    source: str | None = None
    text: str | None = None  # the value as written, when it differs from `value`
    latin: str | None = None  # the value in Latin script, for the English explanation
    facts: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def number(self) -> int:
        """The figure of a count statement (its value may carry the group: "20 مدنيين")."""
        return int(self.facts["value"])


def hours_between(earlier: str | None, later: str | None) -> float | None:
    try:
        t0, t1 = datetime.fromisoformat(earlier), datetime.fromisoformat(later)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if (t0.tzinfo is None) != (t1.tzinfo is None):
        t0, t1 = t0.replace(tzinfo=None), t1.replace(tzinfo=None)
    return (t1 - t0).total_seconds() / 3600


def published_at_one_moment(a: Statement, b: Statement) -> bool:
    """Published less than UPDATE_MIN_HOURS apart: two reports of one moment."""
    hours = hours_between(a.published_at, b.published_at)
    return hours is not None and abs(hours) < UPDATE_MIN_HOURS


def published_weeks_apart(a: Statement, b: Statement) -> bool:
    """Published more than REPORTS_MAX_DAYS_APART apart: the two are never compared about an event."""
    hours = hours_between(a.published_at, b.published_at)
    return hours is not None and abs(hours) > REPORTS_MAX_DAYS_APART * 24


def is_update(a: Statement, b: Statement) -> bool:
    """Whether one of two differing figures revises the other: the later report says so, or comes at
    least UPDATE_MIN_HOURS after the other with a higher figure (tolls rise as bodies are found; not
    FIXED_COUNTS)."""
    hours = hours_between(a.published_at, b.published_at)
    if hours is not None and hours < 0:
        a, b, hours = b, a, -hours
    if b.facts.get("revised") and (hours is None or hours >= 0) and not a.facts.get("revised"):
        return True
    if a.facts.get("attribute") in FIXED_COUNTS:
        return False
    return hours is not None and hours >= UPDATE_MIN_HOURS and b.number > a.number


def _bound(statement: Statement) -> str | None:
    if _part_of_the_toll(statement):
        return "lower"  # "من بين القتلى القياديان": at least two dead
    phrase = normalize_text(statement.facts.get("approximator") or "")
    if statement.facts.get("approximate") and not phrase:
        return "vague"  # عشرات, مئات: counted as 10, 100, an approximation with no approximator before it
    return "lower" if phrase in LOWER_BOUNDS else "upper" if phrase in UPPER_BOUNDS else None


def _near(a: Statement, b: Statement) -> bool:
    """One of the two is approximate ("about N") and the other within APPROXIMATE_TOLERANCE of it."""
    return any(
        x.facts.get("approximate") and abs(y.number - x.number) <= max(1, APPROXIMATE_TOLERANCE * x.number)
        for x, y in ((a, b), (b, a))
    )


def one_count(a: Statement, b: Statement) -> bool:
    """Two figures count one thing: one group, and no two sides named as firing them (the rockets Iran is
    said to have fired and the missiles Israel fired back are two salvos)."""
    sides = {a.facts.get("by"), b.facts.get("by")} - {None}
    return a.facts.get("group") == b.facts.get("group") and len(sides) <= 1


def _ends(statement: Statement) -> tuple[int, int]:
    """The lowest and the highest figure a statement holds: a range's ends ("ما بين 250 و300"), else its figure."""
    low, high = statement.facts.get("range") or (statement.number, statement.number)
    return int(low), int(high)


def figures_compatible(a: Statement, b: Statement) -> bool:
    """Equal; "more than N" and any figure above N ("less than N" below); "tens" or "hundreds" (N = 10, 100)
    and any figure from N to 10 N; a range and any figure within it; one approximate ("about N") and within
    APPROXIMATE_TOLERANCE; figures of two groups, or of two sides' salvos, never clash."""
    if not one_count(a, b) or a.number == b.number:
        return True
    (a_low, a_high), (b_low, b_high) = _ends(a), _ends(b)
    if a_low <= b_high and b_low <= a_high:
        return True  # "between 250 and 300" holds 257, and "between 200 and 260"
    for x, y in ((a, b), (b, a)):
        if _bound(x) == "lower" and y.number >= x.number or _bound(x) == "upper" and y.number <= x.number:
            return True
        if _bound(x) == "vague" and x.number <= y.number < 10 * x.number:  # "tens of wounded" and 40
            return True
    return _near(a, b)


def figures_differ(a: Statement, b: Statement) -> bool:
    """Two figures of one group, published within REPORTS_MAX_DAYS_APART, worth a conflict row: they cannot
    both be true, or the later one revises the other past its approximation ("more than 100" at dawn, "more than 220" at night: both true, and the toll
    rose); "about 40" then 41 is one figure. A count that runs on (counts.RUNNING_COUNTS: people displaced) only
    between reports of one moment."""
    if not one_count(a, b) or a.number == b.number:
        return False
    if (a.facts.get("uncounted") or b.facts.get("uncounted")) and 0 not in (a.number, b.number):
        # a toll read off a singular noun or a named victim ("مقتل شخص", "مقتل القيادي فلان") is as often the
        # one of the dead a report names as the whole toll: only "none" against some is worth a row
        return False
    if published_weeks_apart(a, b):
        return False
    if a.facts.get("attribute") in RUNNING_COUNTS and not published_at_one_moment(a, b):
        return False  # a count that runs on (people displaced): reports hours apart count different days
    if "vague" in (_bound(a), _bound(b)):
        # "hundreds wounded" gives no figure to revise or contradict: beside 18 it is as often another
        # scope (the protests' months, another event merged) as another count of the same moment
        return False
    if figures_compatible(a, b):
        # a part of the toll ("من بين القتلى القياديان") tells no toll a later one could revise
        return is_update(a, b) and not _near(a, b) and not (_part_of_the_toll(a) or _part_of_the_toll(b))
    return True


def _part_of_the_toll(statement: Statement) -> bool:
    return bool(statement.facts.get("part")) and not statement.facts.get("group")


def days_apart(a: str, b: str) -> int:
    """Days between two ISO date values (0 when their intervals overlap or one is no date)."""
    x, y = date_bounds(a), date_bounds(b)
    if not x or not y:
        return 0
    if x[1] < y[0]:
        return (y[0] - x[1]).days
    if y[1] < x[0]:
        return (x[0] - y[1]).days
    return 0


def told_of_another_time(item: dict, report: dict) -> bool:
    """A place whose sentence writes out only dates weeks from its report's date tells of an earlier act
    ("وفي 19 حزيران/يونيو الماضي، أطلق الجيش السوري عملية ... في درعا والقنيطرة") in a report of today's, not
    where the event was. Not for a toll: "منذ 20 يناير" dates a running total the event's reports compare."""
    own, dated = report.get("reported_date"), item.get("dated")
    return bool(dated and date_bounds(own)) and all(days_apart(d, own) > REPORTS_MAX_DAYS_APART for d in dated)


def articles_info(articles: pl.DataFrame) -> dict[str, tuple[str | None, str | None]]:
    cols = [c for c in ("article_id", "outlet", "published_at") if c in articles.columns]
    return {
        row["article_id"]: (row.get("outlet"), row.get("published_at"))
        for row in articles.select(cols).iter_rows(named=True)
    }


def statement_of(item: dict, report: dict, info: dict, value: Any, **kw) -> Statement:
    outlet, published = info.get(report["article_id"], (report.get("outlet"), None))
    return Statement(
        value=value, article_id=report["article_id"], outlet=outlet or report.get("outlet"), published_at=published,
        start=item.get("start"), end=item.get("end"), source=item.get("source"), facts=item, **kw,
    )  # fmt: skip


def stated_items(report: dict) -> list[dict]:
    """The report's statements: parsed once by `reports_by_event`, or read here from their JSON."""
    statements = report.get("statements")
    if isinstance(statements, list):
        return statements
    try:
        return json.loads(statements or "[]")
    except ValueError:
        return []


def casualty_group(subject: str | None, nationality: str | None = None, side: str | None = None) -> str:
    """Whom a figure counts: a side (`side`: the fighters of a jihadist group, "63 من مقاتلي التنظيم",
    "30 مسلحا من داعش", are jihadists), a group of data/reference/casualty_groups.csv (civilians, children,
    soldiers), else the nationals of one country ("اثنان من المقاتلين الروس" among a hundred dead), else "" for the
    toll itself: 20 civilians and 220 dead are figures of two groups, not two tolls. Soldiers stay soldiers
    whatever their nationality: "three American soldiers" and "four soldiers of the raiding force" count
    one group; civilians or citizens of a country are its nationals ("خمسة مواطنين روسا" and "اثنان من
    المقاتلين الروس" count the Russians)."""
    group = side or casualty_groups().get(subject or "", "")
    if nationality and group in ("", "civilians"):
        return f"nationals:{nationality}"
    return group


def report_figures(report: dict, info: dict, attribute: str) -> list[Statement]:
    """The article's figure for each group it counts (the event total of its numbers; casualties only from
    sentences that name the event), with the sentence."""
    by_group: dict[tuple[str, str | None], list[dict]] = defaultdict(list)
    side = None
    for item in stated_items(report):
        if item["attribute"] != attribute:
            continue
        if item.get("more") and not item.get("by"):
            item = {**item, "by": side}  # "و10 صواريخ أخرى": more of the salvo told before
        side = item.get("by")
        # A casualty figure in a sentence that does not name the event counts something else as often as not:
        # the war's dead ("أكثر من 10 آلاف قتيل"), "88 killed and wounded", another raid of the same night.
        # Aircraft are counted in sentences that describe the raid ("هبطت مروحيتان") without naming it. A
        # sentence that revises the frame's toll ("ارتفعت الحصيلة إلى 246 شخصا") names it by that, and one that
        # counts a group among the dead ("من بين القتلى 62 مدنيا") names the toll the frame gave; a part of no
        # group ("بينهم قياديان") is no toll where the article's own toll was not told.
        attackers = None if report.get("reported_type") in OPERATIONS_ON_THEM else item.get("side")
        group = casualty_group(item.get("subject"), item.get("nationality"), attackers)
        # the frame's own toll told without a number ("مقتل مقيم مصري", "لم تشر التقارير إلى وقوع ضحايا")
        told = item.get("with_trigger") or item.get("revised") or (item.get("part") and group) or item.get("uncounted")
        # attackers are counted only beside a word of their attack ("257 شخصا ... وبدأوا قصف موقع"), which names it
        told = told or attribute == "attackers"
        if told or attribute not in TOLD_ATTRIBUTES:
            # the civilians abducted, or the suicide bombers, are all who were ("36 مدنيا خطفوا", "خطف 36
            # شخصا"; "4 انتحاريين فجروا أنفسهم", "ثلاثة أشخاص فجروا أنفسهم"): only women, children or one
            # nation's people are a part of them
            group = group if attribute not in ACTS or group in PARTS_OF_PEOPLE or group.startswith("nationals:") else ""
            # "60 صاروخ جو-أرض" are the air-to-surface missiles of a salvo, no total of it
            group = item.get("missile_type") or group
            by_group[group, item.get("by")].append(item)  # each side's salvo apart (one_count)
    sites = _sites_by_sentence(stated_items(report))
    out = []
    for (group, _side), items in by_group.items():
        if not group:  # a group's parts count the group ("بينهم 41 طفلا"); the toll's, see `_bound`
            items = wholes_else_parts(items, lambda i: bool(i.get("part")))
        total = event_total([i["value"] for i in items] + _with_more(items), attribute)
        if total is None:
            continue
        item = next((i for i in items if i["value"] == total), items[-1])
        revised = any(i.get("revised") for i in items)
        shown, latin = (
            (f"{total} {item.get('subject')}", f"{total} {group}") if group else (str(total), str(total))
        )
        out.append(
            statement_of({**item, "value": total, "revised": revised, "group": group,
                          "sites": sites.get((item.get("start"), item.get("end")), [])},
                         report, info, shown, latin=latin)
        )  # fmt: skip
    return out


def _sites_by_sentence(items: list[dict]) -> dict[tuple, list[dict]]:
    """(start, end) of a sentence -> the places it names as where (tahqiq.extract.places.named_as_where):
    where the figure it states was counted."""
    sites: dict[tuple, list[dict]] = defaultdict(list)
    for i in items:
        if i["attribute"] == "place" and i.get("as_where"):
            sites[i.get("start"), i.get("end")].append(i)
    return sites


def _with_more(items: list[dict]) -> list[int]:
    """ "أطلقت 60 صاروخا ... و10 صواريخ أخرى": a figure with the ones told as more of the same after it
    (statements come in the order of the text); 70 here."""
    sums, last = [], None
    for item in items:
        if item.get("more") and last is not None:
            last += item["value"]
            sums.append(last)
        elif not item.get("more"):
            last = item["value"]
    return sums


def reports_by_event(reports: pl.DataFrame) -> dict[str, list[dict]]:
    """The reports of each event, their statements parsed (every attribute's conflicts read them)."""
    by_event: dict[str, list[dict]] = defaultdict(list)
    for r in reports.iter_rows(named=True):
        by_event[r["event_id"]].append({**r, "statements": stated_items(r)})
    return by_event


def event_figures(reports: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """event_id, figures (every killed/wounded/detained figure with its article, outlet, time and source)
    and ACLED's conservative figures: the lowest definite (not approximate) figure among those no later
    report revises."""
    info = articles_info(articles)
    rows = []
    for event_id, event_reports in reports_by_event(reports).items():
        row: dict[str, Any] = {"event_id": event_id}
        listed = []
        for attribute in COUNT_ATTRIBUTES:
            said = [f for r in event_reports for f in report_figures(r, info, attribute)]
            listed += [
                {"attribute": attribute, "value": f.number, "group": f.facts["group"] or None,
                 "approximate": bool(f.facts.get("approximate")),
                 "article_id": f.article_id, "outlet": f.outlet, "published_at": f.published_at,
                 "source": f.source, "start_char": f.start, "end_char": f.end}
                for f in said
            ]  # fmt: skip
            revised = {
                id(old)
                for old in said
                for new in said
                if new is not old
                and figures_differ(old, new)
                and is_update(old, new)
                and (new.published_at or "") >= (old.published_at or "")
            }
            definite = [
                f.number
                for f in said
                if not f.facts.get("approximate") and not f.facts["group"] and not f.facts.get("part")
                and id(f) not in revised
            ]
            row[f"{attribute}_conservative"] = min(definite) if definite else None
        row["figures"] = json.dumps(
            sorted(listed, key=lambda f: (f["attribute"], f["published_at"] or "", f["article_id"])),
            ensure_ascii=False,
        )
        rows.append(row)
    schema = {
        "event_id": pl.Utf8,
        "figures": pl.Utf8,
        **{f"{a}_conservative": pl.Int64 for a in COUNT_ATTRIBUTES},
    }
    return pl.DataFrame(rows, schema=schema)
