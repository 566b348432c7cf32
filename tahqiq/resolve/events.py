"""Event clustering: the reports of many articles that tell one real event become one event, every link
explained.

A scored linkage in the Fellegi-Sunter manner, with weights set by hand (log2 Bayes factors read off
how news reports one event): each pair of reports from different articles is compared on
- type: the same type, a compatible one (a drone strike is an air strike), or an incompatible one; an
  act another answers ("ردا على إطلاق صواريخ") weighs against any other type, which may be the answer,
  unless that report only says "an attack" and places it where the answered act fell;
- date, at each side's precision: the same day, a day or two apart, overlapping intervals, the same
  year-less day ("7 July"), the same month two articles cite an earlier act by (or a day one cites in
  the month or the night the other does), or apart by more than a report can be off (no link);
- place, through the admin hierarchy and distance: the same village or town, the same city, the same
  governorate, places close together, different governorates far apart, or different countries
  (strongly against); a day an article cites with no place of its own is weakly of its story's
  governorate (its main act's), which may let its day single the event out, and never weighs against;
  two towns far apart that one outlet names are not for one event for being in one governorate (an
  outlet names the place of an act it follows the same way: its two towns are a front's two acts);
- participants as entity ids: a shared target, targets on both sides with none shared, or (a partial
  agreement) different target entities that share a kunya, surname or nisba;
- counts: the killed figures agree, differ as tolls grow, or are far apart; an exact toll in the
  hundreds (not a round figure) is told of one act, and tells it even where no place is named;
- the story: how much the words the two reports are told in overlap (tf-idf cosine over the batch's
  frames): outlets retelling one event share its place and people names, its numbers and the words of
  the act, which a different strike on the same day shares much less of; one outlet tells a campaign
  in its own words every day, so its reports alike in words at two towns, not of one day's news, are
  not one act for that.
A link needs `LINK_WEIGHT`, at least two comparisons that agree beyond chance (a shared name alone,
or a shared day alone, links nothing), and one agreement that singles the event out among the many of
its type, place and days (`IDENTIFYING_LEVELS`: the same day, village, target, toll or story; a city, a
governorate or two undated articles of one week do not, nor a day two governorates share: a war has
many fronts a day). Clusters grow from the strongest link down, and two clusters join
only when every pair across them stays coherent (`COHERENT_WEIGHT`, complete linkage): a chain of
weak links never joins two reports that do not match each other. An article's reports are never one
event. Splink was not used here: a report's date is an interval or a year-less day and its place a
point in an admin tree, which Splink's comparison levels do not express without rewriting them as
these rules, and the few hundred pairs of a batch give EM too little to estimate from.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import repeat

import numpy as np
import polars as pl
from sklearn.feature_extraction.text import TfidfVectorizer

# Families of types one event may be reported under (an outlet's "strike" is another's "drone strike").
TYPE_FAMILY = {
    "drone_strike": "air", "air_strike": "air", "missile_attack": "air", "shelling": "air",
    "helicopter_raid": "raid", "ground_raid": "raid", "airdrop": "raid", "arrest": "raid", "abduction": "raid",
    "attack": "violence", "shooting": "violence", "remote_explosive": "violence", "suicide_bomb": "violence",
    "armed_clash": "violence", "territory_capture": "violence", "military_operation": "campaign",
}  # fmt: skip
# A strike from the air and a raid by helicopter or airdrop are often one operation told two ways.
AIR_OR_HELICOPTER = frozenset({"air_strike", "drone_strike", "helicopter_raid", "airdrop"})
GENERIC_TYPES = ("attack", "air_strike")
# An act another answers ("ردا على إطلاق صواريخ") against a report of another type, which may be the answer.
ANSWERED_ACT_OF_ANOTHER_TYPE_WEIGHT = -2.0
DIFFERENT_TYPE_WEIGHT = -4.0
# A report that only says "an attack" against one that says how.
TYPE_WEIGHT_OF_GENERIC_ATTACK = -0.5

LINK_WEIGHT = 7.0
# Agreements that single one event out among the many of its type, place and days (a shared day or
# place alone links nothing: `is_link`).
IDENTIFYING_LEVELS = frozenset({
    "same_day", "same_month_day", "same_village", "shared_target", "targets_share_a_name_part",
    "same_killed", "same_exact_mass_toll", "close_mass_bombing_toll", "same_story",
})
# What singles an event out when one report names no place.
PLACELESS_IDENTIFYING = frozenset({"story", "targets"})
# Place levels of one city, town or village.
SAME_SETTLEMENT_LEVELS = frozenset({"same_city", "same_village"})
SETTLEMENT_PRECISIONS = frozenset({"village", "town", "city"})
# Place levels of one named place (a settlement, or one area named alike: "جازان").
SAME_PLACE_LEVELS = SAME_SETTLEMENT_LEVELS | {"same_area"}
# Place levels of two places in one governorate or close across its border.
ONE_GOVERNORATE_LEVELS = frozenset({"same_admin1", "nearby_across_admin1"})
BOMBINGS = frozenset({"suicide_bomb", "remote_explosive"})
MASS_CASUALTY_KILLED = 10
# An exact toll in the hundreds (512) is told of one act wherever each report places it; a toll of 12, or a
# round figure ("أكثر من 500", a war's running count), is told of many.
EXACT_MASS_TOLL = 100
ROUND_FIGURE = 10
# Two clusters join only when every report of one fits every report of the other with this much
# evidence (a day and a city agreeing, say): a report that fits the one report it linked to but is
# of another type and story than the rest (a shelling of a village joined to a capture through a
# day's casualty count) stays out.
COHERENT_WEIGHT = 3.0
# Evidence a comparison must add to count as agreeing beyond chance.
AGREEMENT_WEIGHT = 2.0
NEVER = -math.inf
# A report may be this many days off another of the same event (night of the 21st, dawn of the 22nd;
# "a few days ago"); two days more when they name the same target.
DATE_SLACK_DAYS = 1
SAME_TARGET_DATE_SLACK_DAYS = 3
NEARBY_KM = 40
FAR_KM = 150
# Dates and windows longer than this are too vague to vouch for a link.
PRECISE_INTERVAL_DAYS = 3
# A cited period a cited day may single an act out in: a month at most (a year holds a city's two attack waves).
CITED_PERIOD_MAX_DAYS = 31
# Candidate pairs whose story cosines are computed at once.
PAIR_SLICE = 100_000
# Date levels: two exact days, the same or a day or two apart; articles that give no date, published
# within days of each other; overlapping intervals of a few days, or longer; year-less days.
DATE_WEIGHTS = {
    "same_day": 4.5, "days_apart": 2.0, "published_days_apart_at_most": 2.5, "published_the_same_day": 3.0,
    "overlapping_days": 3.0,
    "overlapping_period": 0.5, "periods_apart": -0.5, "same_month_day": 3.5, "month_day_close": 1.5,
}  # fmt: skip
# Date levels of two intervals of a week or more: they place two reports in one period, not on one day.
VAGUE_DATE_LEVELS = ("overlapping_period", "periods_")
# The tf-idf cosine of two reports' words: (floor, level, weight), from most alike down. Measured on
# reports dated within days of each other (ANT 2018): a quarter of the pairs of one event reach 0.25
# and three in four 0.15, against 3% and 11% of the pairs of two look-alike events; under 0.05, nine
# pairs in ten are two events.
STORY_LEVELS = ((0.25, "same_story", 4.0), (0.15, "similar_story", 2.5), (0.08, "related_story", 1.0),
                (0.05, "loosely_related_story", 0.0))  # fmt: skip
DIFFERENT_STORY_WEIGHT = -3.0


@dataclass
class Report:
    frame_id: str
    article_id: str
    event_type: str | None
    lo: int | None  # first and last day (days since 1970) the date allows
    hi: int | None
    md_lo: int | None  # day-of-year range of a year-less date
    md_hi: int | None
    year_less: bool
    place_ref: str | None
    admin1: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    killed: int | None
    targets: frozenset[str] = field(default_factory=frozenset)
    dated_by_publication: bool = False  # the article gives no date: the days up to its publication
    target_keys: frozenset[str] = field(default_factory=frozenset)  # kunyas, surnames, nisbas of the targets
    place_precision: str | None = None  # village, town, city, admin2, admin1, region, country
    story: dict[str, float] = field(default_factory=dict)  # tf-idf weight of each story term, L2-normalized
    answered: bool = False  # an act another act of its article answers ("ردا على إطلاق صواريخ")
    outlet: str | None = None
    cited: bool = False  # an earlier act its article cites as background
    # A cited act that names no place: the governorate of its article's main act (`_story_governorates`).
    story_admin1: str | None = None
    place_name: str | None = None  # the place as the article names it


def _report(row: dict, story: dict[str, float] | None = None) -> Report:
    return Report(
        row["frame_id"], row["article_id"], row.get("event_type"), row.get("lo"), row.get("hi"),
        row.get("md_lo"), row.get("md_hi"), row.get("lo") is None and row.get("md_lo") is not None,
        row.get("place_ref"), row.get("admin1"), row.get("country"), row.get("latitude"), row.get("longitude"),
        row.get("reported_killed"), frozenset(row.get("target_entities") or ()),
        row.get("date_method") == "publication_window", frozenset(row.get("target_keys") or ()),
        row.get("place_precision"), story or {}, bool(row.get("answered")), row.get("outlet"),
        row.get("role") == "background",
        row.get("story_admin1"), row.get("reported_place"),
    )  # fmt: skip


def _story_matrix(prepared: pl.DataFrame):
    """The frames' story terms (in `prepared`'s order) weighted by tf-idf over the frames compared
    (sublinear term counts, smoothed idf, unit rows): a word every report uses weighs little. With its
    vocabulary; (None, None) when no frame has a term."""
    if "story_terms" not in prepared.columns or prepared.height == 0:
        return None, None
    vectorizer = TfidfVectorizer(analyzer=list, sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform([terms or [] for terms in prepared["story_terms"].to_list()])
    except ValueError:  # no frame has a single term
        return None, None
    return matrix.tocsr(), vectorizer.get_feature_names_out()


def story_vectors(prepared: pl.DataFrame) -> tuple[object | None, list[dict[str, float]]]:
    """The tf-idf matrix of `_story_matrix` (None when no frame has a term) and, per frame in
    `prepared`'s order, its story terms with their weights."""
    matrix, vocabulary = _story_matrix(prepared)
    if matrix is None:
        return None, [{} for _ in range(prepared.height)]
    return matrix, [
        dict(zip(vocabulary[matrix.indices[lo:hi]], matrix.data[lo:hi].tolist(), strict=True))
        for lo, hi in zip(matrix.indptr[:-1], matrix.indptr[1:], strict=True)
    ]


def _pair_cosines(matrix, pairs: pl.DataFrame) -> Iterator[float | None]:
    """The story cosine of each candidate pair, computed a slice of pairs at a time on the sparse rows
    (the same sum `_compare_story` takes term by term, for millions of pairs)."""
    if matrix is None:
        yield from repeat(None, pairs.height)
        return
    for part in pairs.iter_slices(PAIR_SLICE):
        left, right = part["a"].to_numpy(), part["b"].to_numpy()
        yield from np.asarray(matrix[left].multiply(matrix[right]).sum(axis=1)).ravel().tolist()


def _compare_type(a: Report, b: Report) -> tuple[str, float]:
    if a.event_type is None or b.event_type is None:
        return "unknown", 0.0
    if a.event_type == b.event_type:
        return "same", 1.0 if a.event_type in GENERIC_TYPES else 2.0
    if a.answered or b.answered:
        # The rockets an air strike answered share its day, place and story: of another type, the report
        # may be the answer itself, unless more than the story says otherwise.
        return "answered_act_of_another_type", ANSWERED_ACT_OF_ANOTHER_TYPE_WEIGHT
    if TYPE_FAMILY.get(a.event_type) == TYPE_FAMILY.get(b.event_type):
        return "compatible", 1.0
    if {a.event_type, b.event_type} <= AIR_OR_HELICOPTER:
        return "air_or_helicopter", 0.5
    if "attack" in (a.event_type, b.event_type):
        return "generic_attack", TYPE_WEIGHT_OF_GENERIC_ATTACK
    # A raid, a hostage-taking and the shooting or bombing in it are parts of one operation told two ways;
    # an arrest and a bombing are two acts (the bombers arrested later, a bombing the day of an arrest).
    if "arrest" in (a.event_type, b.event_type) and {a.event_type, b.event_type} & BOMBINGS:
        return "different", DIFFERENT_TYPE_WEIGHT
    if {TYPE_FAMILY.get(a.event_type), TYPE_FAMILY.get(b.event_type)} == {"raid", "violence"}:
        return "related_operations", -1.0
    return "different", DIFFERENT_TYPE_WEIGHT


def _compare_date(a: Report, b: Report, slack: int) -> tuple[str, float]:
    if a.lo is not None and b.lo is not None:
        gap = max(a.lo - b.hi, b.lo - a.hi, 0)
        if gap > slack:
            return f"apart_{gap}_days", NEVER
        a_day, b_day = a.lo == a.hi, b.lo == b.hi
        if a_day and b_day:
            return ("same_day", DATE_WEIGHTS["same_day"]) if gap == 0 else (f"{gap}_days_apart", DATE_WEIGHTS["days_apart"])
        if gap and min(a.hi - a.lo, b.hi - b.lo) + 1 > PRECISE_INTERVAL_DAYS:
            # Two months or years that do not meet (2012 and 2013) are two times, however close their ends.
            return f"periods_{gap}_days_apart", NEVER
        narrow = min(a.hi - a.lo, b.hi - b.lo) + 1
        if gap == 0 and (a.dated_by_publication or b.dated_by_publication):
            if a.hi == b.hi and (a.dated_by_publication or a_day) and (b.dated_by_publication or b_day):
                # Breaking news of the day: an undated story published on the day another tells, or on
                # the day another undated story was.
                return "published_the_same_day", DATE_WEIGHTS["published_the_same_day"]
            return "published_days_apart_at_most", DATE_WEIGHTS["published_days_apart_at_most"]
        if gap == 0 and a.cited and b.cited and narrow == 1 and max(a.hi - a.lo, b.hi - b.lo) < CITED_PERIOD_MAX_DAYS:
            # One article cites an earlier act by its day ("هجمات 13 نوفمبر 2015"), the other by its month
            # ("هجمات باريس ... نوفمبر 2015") or a night of two days; a year would hold two acts of a city
            # (January and November).
            return "cited_day_in_cited_period", DATE_WEIGHTS["overlapping_days"]
        if gap == 0 and narrow <= PRECISE_INTERVAL_DAYS:
            return "overlapping_days", DATE_WEIGHTS["overlapping_days"]
        if gap == 0 and a.cited and b.cited and (a.lo, a.hi) == (b.lo, b.hi):
            # Two articles that cite an earlier act by one month ("هجمات باريس التي نفذت في نوفمبر 2015")
            return "same_cited_period", DATE_WEIGHTS["overlapping_period"]
        if gap == 0:
            return "overlapping_period", DATE_WEIGHTS["overlapping_period"]
        return f"periods_{gap}_days_apart", DATE_WEIGHTS["periods_apart"]
    if (a.year_less or b.year_less) and a.md_lo is not None and b.md_lo is not None:
        apart = max(a.md_lo - b.md_hi, b.md_lo - a.md_hi, 0)
        apart = min(apart, 366 - apart)
        if apart > slack:
            return f"month_day_apart_{apart}", NEVER
        return ("same_month_day", DATE_WEIGHTS["same_month_day"]) if apart == 0 else ("month_day_close", DATE_WEIGHTS["month_day_close"])
    return "unknown", 0.0


def _km(a: Report, b: Report) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    dlat, dlon = math.radians(b.latitude - a.latitude), math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(math.radians(a.latitude)) * math.cos(math.radians(b.latitude)) * math.sin(
        dlon / 2
    ) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def _compare_place(a: Report, b: Report) -> tuple[str, float]:
    if a.country and b.country and a.country != b.country:
        return "different_country", -6.0
    if a.place_ref and a.place_ref == b.place_ref and a.place_ref != a.country:
        # A village or town sees few events a week; a city (Gaza, Damascus, Istanbul) many.
        if a.place_precision in ("village", "town"):
            return "same_village", 4.0
        return ("same_city", 3.0) if a.place_precision == "city" else ("same_area", 2.0)
    if a.admin1 and b.admin1:
        if a.admin1 == b.admin1:
            return "same_admin1", 2.5
        km = _km(a, b)
        if km is not None and km <= NEARBY_KM:
            return "nearby_across_admin1", 1.0
        weight = -3.0 if km is None or km >= FAR_KM else -1.5
        if "admin1" in (a.place_precision, b.place_precision):
            # A governorate named whole ("ريف دمشق") is measured from its middle: its edge may be beside the
            # other place (a strike south of Damascus is in Rif Dimashq).
            return "different_admin1_one_named_whole", weight
        return "different_admin1", weight
    if a.country and a.country == b.country:
        return "same_country", 1.0
    if _in_its_story_governorate(a, b) or _in_its_story_governorate(b, a):
        # A day the story cites with no place ("وشهد الاثنين مواجهات دامية قتل فيها 60") is mostly of the
        # story's own place: weakly for, and its day may single the event out. Against, it says nothing
        # (a story may cite another country's act).
        return "in_the_story_governorate", 1.0
    return "unknown", 0.0


def _in_its_story_governorate(a: Report, b: Report) -> bool:
    """`a` names no place, and `b` is in the governorate of `a`'s article's main act."""
    return a.story_admin1 is not None and a.story_admin1 == b.admin1 and not (a.place_ref or a.admin1 or a.country)


def _compare_targets(a: Report, b: Report) -> tuple[str, float]:
    if a.targets and b.targets:
        if a.targets & b.targets:
            return "shared_target", 5.0
        # Two people to entity resolution, but one name part in common (مصعب الراوي, أبو بلال الراوي):
        # perhaps one man an outlet names by his kunya.
        if a.target_keys & b.target_keys:
            return "targets_share_a_name_part", 1.5
        return "different_targets", -3.0
    return "unknown", 0.0


def _compare_killed(a: Report, b: Report) -> tuple[str, float]:
    if a.killed is None or b.killed is None:
        return "unknown", 0.0
    if a.killed == b.killed:
        if a.killed >= EXACT_MASS_TOLL and a.killed % ROUND_FIGURE:
            return "same_exact_mass_toll", 2.0
        return "same_killed", 2.0 if a.killed > 0 else 0.0
    low, high = sorted((a.killed, b.killed))
    if high <= 3 * max(low, 1):
        if low >= MASS_CASUALTY_KILLED and a.place_ref and a.place_ref == b.place_ref and {a.event_type, b.event_type} <= BOMBINGS:
            # A bombing that kills ten or more is rare enough in one city within days to be one attack
            # (or one wave of them) whatever toll each hour of counting gives.
            return "close_mass_bombing_toll", 0.5
        return "close_killed", 0.5  # tolls grow as the dead are counted
    return "far_killed", -1.5


def _compare_story(a: Report, b: Report, cosine: float | None = None) -> tuple[str, float]:
    if not a.story or not b.story:
        return "unknown", 0.0
    if a.answered != b.answered:
        # An act told as what another answered ("ردا على إطلاق صواريخ على الجولان") is told in the words
        # of the answer: alike in words to the answer's reports, it may be another act than theirs.
        return "told_beside_its_answer", 0.0
    if cosine is None:
        small, large = sorted((a.story, b.story), key=len)
        cosine = sum(weight * large.get(term, 0.0) for term, weight in small.items())
    for floor, level, weight in STORY_LEVELS:
        if cosine >= floor:
            return level, weight
    return "different_story", DIFFERENT_STORY_WEIGHT


def compare(a: Report, b: Report, story_cosine: float | None = None) -> tuple[float, dict[str, dict]]:
    """Match weight of two reports and the level and weight of each comparison (`story_cosine`, when
    already known, saves computing it)."""
    targets = _compare_targets(a, b)
    slack = SAME_TARGET_DATE_SLACK_DAYS if targets[0] == "shared_target" else DATE_SLACK_DAYS
    levels = {
        "type": _compare_type(a, b),
        "date": _compare_date(a, b, slack),
        "place": _compare_place(a, b),
        "targets": targets,
        "killed": _compare_killed(a, b),
        "story": _compare_story(a, b, story_cosine),
    }
    if levels["type"][0] == "answered_act_of_another_type" and _answered_act_where_it_fell(a, b, levels["place"][0]):
        levels["type"] = ("answered_act_where_it_fell", TYPE_WEIGHT_OF_GENERIC_ATTACK)
    if levels["story"][0] == "same_story" and (_one_outlet_undated(a, b) or _one_outlet_two_places(a, b, levels)):
        levels["story"] = ("same_story_of_one_outlet", levels["story"][1])
    if levels["place"][0] in ONE_GOVERNORATE_LEVELS and _one_outlet_two_settlements(a, b):
        levels["place"] = ("two_settlements_of_one_outlet", 0.0)
    total = sum(weight for _, weight in levels.values())
    return total, {name: {"level": level, "weight": weight} for name, (level, weight) in levels.items()}


def _answered_act_where_it_fell(a: Report, b: Report, place_level: str) -> bool:
    """An answered act and a report that says no more than "an attack" ("استهداف منطقة جازان") placed at
    the same place: the answer strikes where the answered act came from, not where it fell, so the
    report is the answered act told without its weapon."""
    return "attack" in (a.event_type, b.event_type) and place_level in SAME_PLACE_LEVELS


def _one_outlet(a: Report, b: Report) -> bool:
    return a.outlet is not None and a.outlet == b.outlet


def _two_settlements(a: Report, b: Report) -> bool:
    """Both placed at a city, a town or a village."""
    return a.place_precision in SETTLEMENT_PRECISIONS and b.place_precision in SETTLEMENT_PRECISIONS


def _one_outlet_undated(a: Report, b: Report) -> bool:
    """Two reports of one outlet whose articles give no date: an outlet tells a campaign's days in its own
    words (Sky News Arabia's "المقاومة اليمنية" and "الساحل الغربي" each day of the Hodeidah offensive), so
    alike words single out no one event of them."""
    return _one_outlet(a, b) and a.dated_by_publication and b.dated_by_publication


def _one_outlet_two_places(a: Report, b: Report, levels: dict[str, tuple[str, float]]) -> bool:
    """Two reports of one outlet, not of one day's news, that place their acts in two towns or villages:
    the outlet tells a campaign's days and fronts in its own words (Sky News Arabia's "الساحل الغربي"
    at al-Tuhayta one day, at Hays the next), so alike words single out no one act of them. Its articles
    of one day may tell one battle from two places close by (the airport and the town beside it); a
    country or a governorate and a town in it may be one act told at two precisions."""
    if not _one_outlet(a, b) or not _two_settlements(a, b) or levels["place"][0] in SAME_PLACE_LEVELS:
        return False
    if levels["date"][0] == "published_the_same_day":
        return False
    if a.place_ref and b.place_ref:
        return True  # `SAME_PLACE_LEVELS` took one place
    # A place the gazetteer does not hold: one outlet names one town alike each time.
    return a.place_name is not None and b.place_name is not None and a.place_name != b.place_name


def _one_outlet_two_settlements(a: Report, b: Report) -> bool:
    """Two reports of one outlet naming two towns or villages: an outlet names the place of the event it
    follows the same way each time, so two of its settlements are two acts (one front's advance on two
    towns, day after day), not one told with another place."""
    return (
        _one_outlet(a, b)
        and _two_settlements(a, b)
        and a.place_ref != b.place_ref
        and (_km(a, b) or 0.0) > NEARBY_KM
    )


def types_compatible(a: str | None, b: str | None) -> bool:
    """Whether one event may be reported under both types."""
    return _compare_type(_typed(a), _typed(b))[0] != "different"


def _typed(event_type: str | None) -> Report:
    return Report("", "", event_type, None, None, None, None, False, None, None, None, None, None, None)


def is_link(weight: float, comparisons: dict[str, dict]) -> bool:
    """Enough weight, from at least two comparisons that agree beyond chance, one of them a fact that
    singles the event out (its day, its village, its target, its toll or its story; not the story or
    the day alone when the governorates differ (the story alone when one is named whole), nor the story
    when neither date is narrower than `PRECISE_INTERVAL_DAYS`, unless two articles cite one act of one
    type, city and month: `_one_cited_act`; with no place, only the story, a target or an exact toll in
    the hundreds)."""
    agreeing = sum(1 for c in comparisons.values() if c["weight"] >= AGREEMENT_WEIGHT)
    identifying = {name for name, c in comparisons.items() if c["level"] in IDENTIFYING_LEVELS}
    if comparisons.get("place", {}).get("weight", 0.0) < 0:
        # Reports from two governorates told in like words are two fronts of one war, unless a fact
        # (a target, a toll or, beside a governorate named whole, a day) says they are one event: a war
        # has many fronts a day.
        identifying.discard("story")
        if comparisons["place"]["level"] == "different_admin1":
            identifying.discard("date")
    if comparisons.get("place", {}).get("level") == "unknown":
        # With no place to compare, a day or a toll is shared by events anywhere (a suicide bombing of
        # twelve dead in Peshawar and one in Jalalabad on one day): only the story, a target or an exact
        # toll in the hundreds tells.
        identifying &= PLACELESS_IDENTIFYING | _exact_mass_toll(comparisons)
    date_level = comparisons.get("date", {}).get("level")
    if date_level == "same_cited_period" and not _one_cited_act(comparisons, ("same_story",)):
        identifying.discard("story")
    if date_level == "cited_day_in_cited_period" and _one_cited_act(comparisons, ("same_story", "similar_story")):
        # The day one article gives is the day of the act the other cites by its month (or a few days):
        # of one type, city and alike words, it singles the act out.
        identifying.add("date")
    if comparisons.get("date", {}).get("level", "").startswith(VAGUE_DATE_LEVELS):
        # Two recaps of a campaign over a week or more are told in like words whatever day they tell,
        # and a city may be bombed twice in a month.
        identifying.discard("story")
        if comparisons.get("killed", {}).get("level") in ("close_mass_bombing_toll", "same_exact_mass_toll"):
            identifying.discard("killed")
    if comparisons.get("date", {}).get("level") == "published_the_same_day" and comparisons.get("place", {}).get(
        "level"
    ) in SAME_SETTLEMENT_LEVELS:
        # A city's or a village's news of one day tells one event of a type, as a stated day does.
        identifying.add("date")
    return weight >= LINK_WEIGHT and agreeing >= 2 and bool(identifying)


def _exact_mass_toll(comparisons: dict[str, dict]) -> set[str]:
    """{"killed"} when both reports give one exact toll in the hundreds (`EXACT_MASS_TOLL`), else empty."""
    return {"killed"} if comparisons.get("killed", {}).get("level") == "same_exact_mass_toll" else set()


def _one_cited_act(comparisons: dict[str, dict], story_levels: tuple[str, ...]) -> bool:
    """Two articles citing an act of one type, in one city or village, by one month (or one by its day
    in the other's month), told at one of `story_levels` ("المشتبه به في هجمات باريس التي نفذت في نوفمبر
    2015"): the past act news recalls is the notable one, not one of a month's many; a campaign's
    recaps, told in like words too, are not cited as background."""
    return (
        comparisons.get("type", {}).get("level") == "same"
        and comparisons.get("place", {}).get("level") in SAME_SETTLEMENT_LEVELS
        and comparisons.get("story", {}).get("level") in story_levels
    )


def _blocking_rows(prepared: pl.DataFrame) -> pl.DataFrame:
    """What blocking reads of each report, by row number of `prepared`: its article (as a number), its
    day bounds, its year-less day bounds and its country."""
    return prepared.with_row_index("i").select(
        "i",
        pl.col("article_id").rank("dense").cast(pl.UInt32).alias("article"),
        *[pl.col(c).cast(pl.Int64) for c in ("lo", "hi", "md_lo", "md_hi")],
        # Reports in two countries never link (place weighs them apart), so dates are compared only
        # within a country (and a report of no country with every country's): at corpus scale a day
        # alone holds too many reports to pair them all.
        pl.col("country").fill_null("").alias("country") if "country" in prepared.columns else pl.lit("").alias("country"),
    )


def _distinct_pairs(pairs: pl.DataFrame) -> pl.DataFrame:
    """Pairs (i, article, j, article_b) of two articles, each once as row numbers a < b, sorted."""
    return (
        pairs.filter(pl.col("article") != pl.col("article_b"))
        .select(pl.min_horizontal("i", "j").alias("a"), pl.max_horizontal("i", "j").alias("b"))
        .unique()
        .sort("a", "b")
    )


def _day_pairs(prepared: pl.DataFrame) -> pl.DataFrame:
    """Pairs of reports of different articles whose dates are at most DATE_SLACK_DAYS apart, or that
    share a year-less day (slack included); a report of vague date is compared through its target only
    (`_target_pairs`). As row numbers of `prepared` (columns a < b): at corpus scale they run to tens
    of millions."""
    base = _blocking_rows(prepared)
    slack = SAME_TARGET_DATE_SLACK_DAYS
    dated = base.filter(pl.col("lo").is_not_null() & (pl.col("hi") - pl.col("lo") <= 31)).select(
        "i", "article", "country", "lo", "hi"
    )
    # Two dated reports further apart than DATE_SLACK_DAYS link only when they share a target (whose
    # slack is SAME_TARGET_DATE_SLACK_DAYS), and `_target_pairs` finds those whatever their dates.
    # An interval join per country (two inequalities, which polars joins without listing the days; an
    # equality beside them would make it a cross join).
    def within_days(left: pl.DataFrame, right: pl.DataFrame) -> pl.DataFrame:
        return left.join_where(
            right.rename({"i": "j", "article": "article_b", "lo": "lo_b", "hi": "hi_b"}),
            pl.col("lo") - DATE_SLACK_DAYS <= pl.col("hi_b"),
            pl.col("lo_b") <= pl.col("hi") + DATE_SLACK_DAYS,
        ).select("i", "article", "j", "article_b")

    by_country = {key: part for (key,), part in dated.partition_by("country", include_key=False, as_dict=True).items()}
    placeless = by_country.get("")
    by_day = pl.concat(
        [within_days(part, part).filter(pl.col("i") < pl.col("j")) for part in by_country.values()]
        # A report that names no place may be of any country's event.
        + [within_days(placeless, part) for key, part in by_country.items() if key and placeless is not None]
        or [pl.DataFrame(schema={"i": pl.UInt32, "article": pl.UInt32, "j": pl.UInt32, "article_b": pl.UInt32})]
    )
    year_less = base.filter(pl.col("lo").is_null() & pl.col("md_lo").is_not_null()).select(
        "i", "article", pl.int_ranges(pl.col("md_lo") - slack, pl.col("md_hi") + 1).alias("md")
    )
    with_md = base.filter(pl.col("md_lo").is_not_null()).select(
        pl.col("i").alias("j"), pl.col("article").alias("article_b"), pl.col("md_lo").alias("md")
    )
    by_month_day = year_less.explode("md").join(with_md, on="md")
    return _distinct_pairs(
        pl.concat([p.select("i", "article", "j", "article_b") for p in (by_day, by_month_day)])
    )


def _target_pairs(prepared: pl.DataFrame) -> pl.DataFrame:
    """Pairs of reports of different articles that share a target entity, as `_day_pairs` gives them."""
    targets = _blocking_rows(prepared).select(
        "i", "article", prepared["target_entities"].cast(pl.List(pl.Utf8)).alias("target")
    )
    targets = targets.explode("target").drop_nulls("target")
    return _distinct_pairs(
        targets.join(targets.rename({"i": "j", "article": "article_b"}), on="target").select(
            "i", "article", "j", "article_b"
        )
    )


@dataclass
class Link:
    a: str
    b: str
    weight: float
    comparisons: dict[str, dict]


# The columns of a prepared frame that hold its targets (entity ids and their name keys).
TARGET_COLUMNS = ("target_entities", "target_keys")


@dataclass
class ReportBasis:
    """What `link_reports` reads of a batch's frames that their targets do not change, for the several
    clusterings of one batch whose targets are entities at different stages (person clusters before and
    after their merges): each frame's report without targets, the tf-idf story matrix, the pairs that
    share a day with their story cosines, and, as they are made, the comparisons of two reports that
    name no target (such a report is the same report in every clustering)."""

    frames: pl.DataFrame  # as `prepare_frames` gives them, target columns aside
    reports: dict[str, Report]
    matrix: object | None
    day_pairs: pl.DataFrame  # a, b (row numbers of `frames`), cosine
    # (a, b) -> the link two untargeted reports make (None: no link); (x, y) frame ids -> their weight
    untargeted_links: dict[tuple[int, int], Link | None] = field(default_factory=dict)
    untargeted_weights: dict[tuple[str, str], float] = field(default_factory=dict)


def _story_governorates(frames: pl.DataFrame) -> pl.DataFrame:
    """`frames` with story_admin1: for a background frame that names no place, the governorate of its
    article's main frame (null when the article has none, or several)."""
    if not {"role", "admin1", "country", "place_ref"} <= set(frames.columns):
        return frames
    mains = (
        frames.filter((pl.col("role") == "main") & pl.col("admin1").is_not_null())
        .group_by("article_id")
        .agg(pl.col("admin1").unique().alias("_main_admin1"))
        .filter(pl.col("_main_admin1").list.len() == 1)
        .select("article_id", pl.col("_main_admin1").list.first().alias("_main_admin1"))
    )
    placeless = (
        (pl.col("role") == "background")
        & pl.col("admin1").is_null() & pl.col("country").is_null() & pl.col("place_ref").is_null()
    )  # fmt: skip
    return (
        frames.join(mains, on="article_id", how="left", maintain_order="left")
        .with_columns(pl.when(placeless).then(pl.col("_main_admin1")).alias("story_admin1"))
        .drop("_main_admin1")
    )


def report_basis(frames: pl.DataFrame) -> ReportBasis:
    """The `ReportBasis` of `frames` (as `prepare_frames` gives them; target columns are left out)."""
    frames = _story_governorates(frames.drop(TARGET_COLUMNS, strict=False))
    matrix, stories = story_vectors(frames)
    # A report's story is its row of the matrix: its terms (hundreds a frame) are not read row by row.
    rows = frames.drop("story_terms", strict=False).iter_rows(named=True)
    reports = {row["frame_id"]: _report(row, story) for row, story in zip(rows, stories, strict=True)}
    pairs = _day_pairs(frames)
    cosines = pl.Series("cosine", list(_pair_cosines(matrix, pairs)), pl.Float64)
    return ReportBasis(frames, reports, matrix, pairs.with_columns(cosines))


def _targeted_reports(prepared: pl.DataFrame, basis: ReportBasis) -> dict[str, Report]:
    """Each frame's report with its targets: the basis's own report when it names none."""
    reports = dict(basis.reports)
    named = prepared.filter(
        (pl.col("target_entities").list.len() > 0)
        | (pl.col("target_keys").list.len() > 0 if "target_keys" in prepared.columns else pl.lit(False))
    )
    for row in named.select("frame_id", *[c for c in TARGET_COLUMNS if c in prepared.columns]).iter_rows(named=True):
        reports[row["frame_id"]] = replace(
            reports[row["frame_id"]],
            targets=frozenset(row.get("target_entities") or ()),
            target_keys=frozenset(row.get("target_keys") or ()),
        )
    return reports


def _candidate_pairs(prepared: pl.DataFrame, basis: ReportBasis) -> pl.DataFrame:
    """The pairs of reports compared, with their story cosines (a, b, cosine): the basis's pairs that
    share a day (`_day_pairs`), and those that share only a target (`_target_pairs`), their cosines
    computed here."""
    by_target = _target_pairs(prepared).join(basis.day_pairs, on=["a", "b"], how="anti")
    cosines = pl.Series("cosine", list(_pair_cosines(basis.matrix, by_target)), pl.Float64)
    return pl.concat([basis.day_pairs, by_target.with_columns(cosines)]).sort("a", "b")


def _link_or_none(a: str, b: str, reports: dict[str, Report], cosine: float | None) -> Link | None:
    weight, comparisons = compare(reports[a], reports[b], cosine)
    return Link(a, b, weight, comparisons) if is_link(weight, comparisons) else None


def _pair_link(
    i: int, j: int, cosine: float | None, frame_ids: list[str], reports: dict[str, Report], basis: ReportBasis
) -> Link | None:
    """The link rows i and j make, None when they make none (the basis's, when neither names a target)."""
    a, b = sorted((frame_ids[i], frame_ids[j]))
    if reports[a] is basis.reports[a] and reports[b] is basis.reports[b]:
        if (i, j) not in basis.untargeted_links:
            basis.untargeted_links[i, j] = _link_or_none(a, b, reports, cosine)
        return basis.untargeted_links[i, j]
    return _link_or_none(a, b, reports, cosine)


def _links_around_targets(
    pairs: pl.DataFrame, frame_ids: list[str], reports: dict[str, Report], basis: ReportBasis
) -> list[Link]:
    """The links of the groups of linked reports that hold a report with targets, found by walking out
    from those reports along the links: pairs away from them are never compared."""
    incident = defaultdict(list)
    for pair in pairs.iter_rows():
        incident[pair[0]].append(pair)
        incident[pair[1]].append(pair)
    todo = [row for row, frame_id in enumerate(frame_ids) if reports[frame_id] is not basis.reports[frame_id]]
    reached, done, links = set(todo), set(), []
    while todo:
        row = todo.pop()
        done.add(row)
        for i, j, cosine in incident[row]:
            other = j if i == row else i
            if other in done:  # compared from the other side
                continue
            link = _pair_link(i, j, cosine, frame_ids, reports, basis)
            if link is not None:
                links.append(link)
                if other not in reached:
                    reached.add(other)
                    todo.append(other)
    return links


def link_reports(
    prepared: pl.DataFrame, basis: ReportBasis | None = None, around_targets: bool = False
) -> tuple[pl.DataFrame, list[Link]]:
    """(frame_id -> cluster label, the links that joined each cluster). `prepared` is the output of
    `tahqiq.reconcile.events.prepare_frames`; `basis`, the `report_basis` of the same frames when they
    are clustered more than once (with other targets), else made here. With `around_targets`, only the
    reports linked (directly or through others) to a report with targets are clustered, each other
    report its own cluster: for a caller that reads only the events of targets (clusters never grow
    across two groups of linked reports, so theirs are the same)."""
    basis = basis or report_basis(prepared)
    frame_ids = prepared["frame_id"].to_list()
    if frame_ids != basis.frames["frame_id"].to_list():
        raise ValueError("link_reports: the basis was made of other frames")
    reports = _targeted_reports(prepared, basis)
    pairs = _candidate_pairs(prepared, basis)
    if around_targets:
        links = _links_around_targets(pairs, frame_ids, reports, basis)
    else:
        found = (_pair_link(i, j, cosine, frame_ids, reports, basis) for i, j, cosine in pairs.iter_rows())
        links = [link for link in found if link is not None]
    links.sort(key=lambda link: (-link.weight, link.a, link.b))
    weights: dict[tuple[str, str], float] = {}
    cluster_of = {frame_id: frame_id for frame_id in reports}
    members = {frame_id: [frame_id] for frame_id in reports}
    kept = []
    for link in links:
        ca, cb = cluster_of[link.a], cluster_of[link.b]
        if ca == cb:
            kept.append(link)
            continue
        if not _coherent(members[ca], members[cb], reports, weights, basis):
            continue
        small, big = sorted((ca, cb), key=lambda c: (len(members[c]), c))
        for frame_id in members[small]:
            cluster_of[frame_id] = big
        members[big] += members.pop(small)
        kept.append(link)
    # The label is the cluster's smallest frame id, independent of merge order.
    label = {c: min(ms) for c, ms in members.items()}
    clusters = pl.DataFrame(
        {"frame_id": frame_ids, "cluster": [label[cluster_of[f]] for f in frame_ids]},
        schema={"frame_id": pl.Utf8, "cluster": pl.Utf8},
    )
    return clusters, kept


def _coherent(
    left: list[str],
    right: list[str],
    reports: dict[str, Report],
    weights: dict[tuple[str, str], float],
    basis: ReportBasis,
) -> bool:
    """Every report of one cluster fits every report of the other, and no article is on both sides."""
    if {reports[f].article_id for f in left} & {reports[f].article_id for f in right}:
        return False
    return all(_weight(x, y, reports, weights, basis) >= COHERENT_WEIGHT for x in left for y in right)


def _weight(
    x: str, y: str, reports: dict[str, Report], weights: dict[tuple[str, str], float], basis: ReportBasis
) -> float:
    """The match weight of two reports, remembered: a growing cluster is checked against the same
    reports again and again (two reports without targets, in every clustering of the basis: the basis
    keeps it as compared, x then y, as the weight of a story cosine may differ in its last bit)."""
    key = (x, y) if x < y else (y, x)
    if key not in weights:
        if reports[x] is basis.reports[x] and reports[y] is basis.reports[y]:
            if (x, y) not in basis.untargeted_weights:
                basis.untargeted_weights[x, y] = compare(reports[x], reports[y])[0]
            weights[key] = basis.untargeted_weights[x, y]
        else:
            weights[key] = compare(reports[x], reports[y])[0]
    return weights[key]


def event_links(links: list[Link], event_of: pl.DataFrame, prepared: pl.DataFrame) -> pl.DataFrame:
    """Rows of `event_links`: each kept link with the event it joined, its weight and its comparisons."""
    article_of = dict(prepared.select("frame_id", "article_id").iter_rows())
    event = dict(event_of.select("frame_id", "event_id").iter_rows())
    rows = [
        {
            "event_id": event.get(link.a),
            "left_frame_id": link.a,
            "left_article_id": article_of[link.a],
            "right_frame_id": link.b,
            "right_article_id": article_of[link.b],
            "match_weight": round(link.weight, 3),
            "comparisons": json.dumps(link.comparisons, ensure_ascii=False),
        }
        for link in links
        if event.get(link.a) is not None and event.get(link.a) == event.get(link.b)
    ]
    schema = {"event_id": pl.Utf8, "left_frame_id": pl.Utf8, "left_article_id": pl.Utf8, "right_frame_id": pl.Utf8,
              "right_article_id": pl.Utf8, "match_weight": pl.Float64, "comparisons": pl.Utf8}  # fmt: skip
    return pl.DataFrame(rows, schema=schema)
