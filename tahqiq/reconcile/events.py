"""Event clustering: the frames of many articles that report one real event become one event.

Two frames are candidates when they share a blocking key: a target entity; or type family, day and
governorate; or type family, month and place. A candidate pair is the same event when the types are
compatible (a drone strike is an air strike; a helicopter raid is a raid), the dates are compatible
(precision-aware: intervals overlap; frames naming the same target may be up to three days apart,
which then shows as a date conflict), the places are compatible (same governorate or one unknown),
and they come from different articles (an article's frames are distinct events by construction).
"""

from __future__ import annotations

from datetime import date

import polars as pl

from tahqiq.dates.values import (
    DAYS_IN_LEAP_YEAR,
    date_bounds,
    day_of_year_bounds,
)
from tahqiq.extract.events import ACLED_SUB_EVENT_TYPE, TYPE_PRECEDENCE
from tahqiq.reconcile.entities import UnionFind, parse_person

COMPATIBLE_TYPES: dict[str, set[str]] = {
    "drone_strike": {"drone_strike", "air_strike"},
    "air_strike": {"air_strike", "drone_strike", "helicopter_raid"},
    "helicopter_raid": {"helicopter_raid", "air_strike", "ground_raid", "airdrop", "arrest"},
    "ground_raid": {"ground_raid", "helicopter_raid", "airdrop", "arrest"},
    "airdrop": {"airdrop", "helicopter_raid", "ground_raid", "arrest"},
    "arrest": {"arrest", "ground_raid", "helicopter_raid", "airdrop"},
    "attack": {"attack", "shooting", "remote_explosive", "suicide_bomb", "armed_clash"},
    "shooting": {"shooting", "attack", "armed_clash"},
    "remote_explosive": {"remote_explosive", "suicide_bomb", "attack"},
    "suicide_bomb": {"suicide_bomb", "remote_explosive", "attack"},
    "armed_clash": {"armed_clash", "attack", "shooting", "ground_raid"},
    "shelling": {"shelling", "missile_attack", "air_strike"},
    "missile_attack": {"missile_attack", "shelling", "air_strike", "drone_strike"},
    "abduction": {"abduction", "arrest", "attack"},
    "territory_capture": {"territory_capture", "armed_clash"},
}
TYPE_FAMILY = {
    "drone_strike": "air",
    "air_strike": "air",
    "helicopter_raid": "raid",
    "ground_raid": "raid",
    "airdrop": "raid",
    "arrest": "raid",
    "attack": "attack",
    "shooting": "attack",
    "remote_explosive": "attack",
    "suicide_bomb": "attack",
    "armed_clash": "attack",
    "shelling": "air",
    "missile_attack": "air",
    "abduction": "raid",
    "territory_capture": "attack",
}
SAME_TARGET_DAY_TOLERANCE = 3
# Targets named differently but sharing a kunya, surname or nisba: an outlet a day or two off.
RELATED_TARGET_DAY_TOLERANCE = 2
# Same governorate, compatible type: "the night of the 21st" vs "the dawn of the 22nd".
NEARBY_DAY_TOLERANCE = 1
EPOCH = date(1970, 1, 1)


def _month_day_of(value: str | None, partial: str | None) -> tuple[int | None, int | None]:
    """Day-of-year range of a frame's date (year-less or shorter than a year), for year-less matching."""
    return day_of_year_bounds(partial or value) or (None, None)


def types_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return b in COMPATIBLE_TYPES.get(a, {a})


def _day_bounds(value: str | None) -> tuple[int | None, int | None]:
    bounds = date_bounds(value)
    if bounds is None:
        return None, None
    return (bounds[0] - EPOCH).days, (bounds[1] - EPOCH).days


def name_keys(normalized: str | None) -> list[str]:
    """The parts of a person's name that one outlet may use alone: kunya, surname, nisba."""
    name = parse_person(normalized or "")
    keys = {name.kunya} if name.kunya else set()
    if len(name.tokens) >= 2:
        keys.add(name.tokens[-1])
        keys.update(t for t in name.tokens[1:] if t.startswith("ال") and t.endswith("ي"))
    elif len(name.tokens) == 1 and not name.kunya and name.tokens[0].startswith("ال"):
        keys.add(name.tokens[0])  # a bare surname used as a back-reference
    return sorted(k for k in keys if len(k) > 3)


def _target_keys(prepared: pl.DataFrame, target_entities: pl.DataFrame) -> pl.DataFrame:
    if "normalized" not in target_entities.columns:
        return prepared.with_columns(pl.lit([], pl.List(pl.Utf8)).alias("target_keys"))
    targets = prepared.select("frame_id", pl.col("target_mentions").alias("mention_id")).explode("mention_id")
    # Only the targets' names matter: parse each distinct name once, not every mention.
    names = (
        target_entities.select("mention_id", "normalized")
        .unique("mention_id")
        .join(targets.select("mention_id").unique(), on="mention_id", how="semi")
    )
    distinct = names.select("normalized").unique()
    distinct = distinct.with_columns(
        pl.Series("key", [name_keys(n) for n in distinct["normalized"].to_list()], pl.List(pl.Utf8))
    )
    names = names.join(distinct, on="normalized", how="left", nulls_equal=True).drop("normalized")
    keys = (
        targets.join(names, on="mention_id")
        .explode("key")
        .drop_nulls("key")
        .group_by("frame_id")
        .agg(pl.col("key").unique().sort().alias("target_keys"))
    )
    return prepared.join(keys, on="frame_id", how="left").with_columns(
        pl.col("target_keys").fill_null(pl.lit([], pl.List(pl.Utf8)))
    )


def prepare_frames(frames: pl.DataFrame, target_entities: pl.DataFrame) -> pl.DataFrame:
    """Frames with day bounds, type family, the target entity ids and the targets' name keys.

    `target_entities` maps mention_id -> entity_id (or a local cluster label), with the mention's
    `normalized` form when known."""
    values = frames["reported_date"].to_list()
    bounds = [_day_bounds(v) for v in values]
    partials = frames["date_partial"].to_list() if "date_partial" in frames.columns else [None] * len(values)
    month_days = [_month_day_of(v, p) for v, p in zip(values, partials, strict=True)]
    prepared = frames.with_columns(
        pl.Series("lo", [b[0] for b in bounds], pl.Int64),
        pl.Series("hi", [b[1] for b in bounds], pl.Int64),
        pl.Series("md_lo", [b[0] for b in month_days], pl.Int64),
        pl.Series("md_hi", [b[1] for b in month_days], pl.Int64),
        pl.col("event_type").replace_strict(TYPE_FAMILY, default="other").alias("family"),
    )
    exploded = (
        prepared.select("frame_id", pl.col("target_mentions").alias("mention_id"))
        .explode("mention_id")
        .drop_nulls("mention_id")
        .join(target_entities, on="mention_id", how="inner")
        .group_by("frame_id")
        .agg(pl.col("entity_id").unique().sort().alias("target_entities"))
    )
    prepared = prepared.join(exploded, on="frame_id", how="left").with_columns(
        pl.col("target_entities").fill_null(pl.lit([], pl.List(pl.Utf8)))
    )
    return _target_keys(prepared, target_entities)


def _pairs_on(frames: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    side = frames.select("frame_id", "article_id", *keys).drop_nulls(keys)
    return (
        side.join(side, on=keys, how="inner", suffix="_b")
        .filter(
            (pl.col("frame_id") < pl.col("frame_id_b")) & (pl.col("article_id") != pl.col("article_id_b"))
        )
        .select("frame_id", "frame_id_b")
    )


def candidate_pairs(prepared: pl.DataFrame) -> pl.DataFrame:
    by_target = prepared.select(
        "frame_id", "article_id", "family", pl.col("target_entities").alias("target")
    ).explode("target")
    target_pairs = _pairs_on(by_target, ["family", "target"]).with_columns(pl.lit(True).alias("same_target"))
    daily = prepared.filter(pl.col("lo") == pl.col("hi")).with_columns(pl.col("lo").alias("day"))
    day_pairs = _pairs_on(daily, ["family", "day", "admin1"])
    monthly = prepared.with_columns(
        pl.from_epoch(pl.col("lo"), time_unit="d").dt.strftime("%Y-%m").alias("month"),
    ).filter(pl.col("hi") - pl.col("lo") <= 31)
    place_pairs = _pairs_on(monthly, ["family", "month", "place_ref"])
    by_key = prepared.select("frame_id", "article_id", pl.col("target_keys").alias("key")).explode("key")
    key_pairs = _pairs_on(by_key, ["key"])
    shifted = pl.concat(
        [daily.with_columns(pl.col("day") + shift) for shift in range(-NEARBY_DAY_TOLERANCE, 1)]
    )
    nearby_pairs = _pairs_on(shifted, ["day", "admin1"])
    others = pl.concat([day_pairs, place_pairs, key_pairs, nearby_pairs]).with_columns(
        pl.lit(False).alias("same_target")
    )
    return (
        pl.concat([target_pairs, others]).group_by("frame_id", "frame_id_b").agg(pl.col("same_target").any())
    )


def compatible_pairs(prepared: pl.DataFrame, pairs: pl.DataFrame) -> pl.DataFrame:
    cols = ["frame_id", "event_type", "lo", "hi", "md_lo", "md_hi", "admin1", "country", "target_entities",
            "target_keys"]  # fmt: skip
    a = prepared.select(cols)
    b = prepared.select([pl.col(c).alias(c + "_b") for c in cols])
    joined = pairs.join(a, on="frame_id").join(b, on="frame_id_b")
    related = pl.col("target_keys").list.set_intersection("target_keys_b").list.len() > 0
    same_region = pl.col("admin1").is_not_null() & (pl.col("admin1") == pl.col("admin1_b"))
    tolerance = (
        pl.when(pl.col("same_target"))
        .then(SAME_TARGET_DAY_TOLERANCE)
        .when(related)
        .then(RELATED_TARGET_DAY_TOLERANCE)
        .when(same_region)
        .then(NEARBY_DAY_TOLERANCE)
        .otherwise(0)
    )
    dates_ok = (
        pl.col("lo").is_null()
        | pl.col("lo_b").is_null()
        | ((pl.col("lo") <= pl.col("hi_b") + tolerance) & (pl.col("lo_b") <= pl.col("hi") + tolerance))
    )
    # A year-less date ("7 July", year unknown) fits the same month-day in any year.
    year_less = (pl.col("lo").is_null() & pl.col("md_lo").is_not_null()) | (
        pl.col("lo_b").is_null() & pl.col("md_lo_b").is_not_null()
    )
    apart = pl.max_horizontal(pl.col("md_lo") - pl.col("md_hi_b"), pl.col("md_lo_b") - pl.col("md_hi"), 0)
    circular = pl.min_horizontal(apart, DAYS_IN_LEAP_YEAR - apart)
    month_days_ok = (
        ~year_less | pl.col("md_lo").is_null() | pl.col("md_lo_b").is_null() | (circular <= tolerance)
    )
    dates_ok = dates_ok & month_days_ok
    places_ok = (
        pl.col("admin1").is_null() | pl.col("admin1_b").is_null() | (pl.col("admin1") == pl.col("admin1_b"))
    ) & (
        pl.col("country").is_null()
        | pl.col("country_b").is_null()
        | (pl.col("country") == pl.col("country_b"))
    )
    # Two frames naming different targets are two events even on the same day and place.
    # A shared kunya or nisba alone is weak: it needs both dates known or the same governorate.
    dates_known = pl.col("lo").is_not_null() & pl.col("lo_b").is_not_null()
    targets_ok = (
        pl.col("same_target")
        | (related & (dates_known | same_region))
        | (pl.col("target_entities").list.len() == 0)
        | (pl.col("target_entities_b").list.len() == 0)
    )
    types = joined.select("event_type", "event_type_b").unique()
    types = types.with_columns(
        pl.Series(
            "types_ok",
            [types_compatible(x, y) for x, y in types.iter_rows()],
            pl.Boolean,
        )
    )
    joined = joined.join(types, on=["event_type", "event_type_b"], how="left", nulls_equal=True)
    # A frame with no date and no target joins another only through a shared day/place key.
    return joined.filter(pl.col("types_ok") & dates_ok & places_ok & targets_ok).select(
        "frame_id", "frame_id_b"
    )


def cluster_frames(prepared: pl.DataFrame) -> pl.DataFrame:
    """frame_id -> cluster label (the smallest frame_id of the cluster)."""
    pairs = compatible_pairs(prepared, candidate_pairs(prepared))
    uf = UnionFind()
    article_of = dict(prepared.select("frame_id", "article_id").iter_rows())
    members: dict[str, set[str]] = {}
    for a, b in pairs.sort("frame_id", "frame_id_b").iter_rows():
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        arts_a = members.get(ra, {article_of[ra]})
        arts_b = members.get(rb, {article_of[rb]})
        if arts_a & arts_b:
            continue  # never put two frames of one article into one event
        uf.union(ra, rb)
        members[uf.find(ra)] = arts_a | arts_b
    labels = [uf.find(f) for f in prepared["frame_id"].to_list()]
    return pl.DataFrame({"frame_id": prepared["frame_id"], "cluster": pl.Series(labels, dtype=pl.Utf8)})


def summarize_events(reports: pl.DataFrame) -> pl.DataFrame:
    """One row per event from its reports (columns of event_reports plus the frame's place details)."""
    specificity = {t: i for i, t in enumerate(TYPE_PRECEDENCE)}
    ranked = reports.with_columns(
        pl.col("reported_type").replace_strict(specificity, default=len(specificity)).alias("_spec"),
        pl.col("date_precision")
        .replace_strict({"day": 0, "interval": 1, "month": 2, "year": 3}, default=4)
        .alias("_prec"),
    )
    news = ranked.with_columns(pl.col("is_background").fill_null(False))

    def best(value: str, order: list[str], extra: list[str] | None = None) -> pl.DataFrame:
        counted = (
            news.filter(pl.col(value).is_not_null())
            .group_by("event_id", value, *(extra or []))
            .agg(
                pl.len().alias("_n"),
                (~pl.col("is_background")).sum().alias("_news"),
                *[pl.col(c).min().alias(c) for c in order if c not in (value, "_n", "_news")],
            )
        )
        return counted.sort(
            ["event_id", "_news", "_n", *order, value],
            descending=[False, True, True] + [False] * (len(order) + 1),
        ).unique("event_id", keep="first")

    types = best("reported_type", ["_spec"]).select("event_id", pl.col("reported_type").alias("event_type"))
    # The most precise date any news report gives, then the most reported of those.
    dates = (
        news.filter(pl.col("reported_date").is_not_null())
        .group_by("event_id", "reported_date", "date_precision")
        .agg(
            pl.len().alias("_n"),
            (~pl.col("is_background")).sum().alias("_news"),
            pl.col("_prec").min(),
            pl.col("date_method").drop_nulls().sort().first(),
        )
        .sort(
            ["event_id", "_prec", "_news", "_n", "reported_date"],
            descending=[False, False, True, True, False],
        )
        .unique("event_id", keep="first")
        .select("event_id", pl.col("reported_date").alias("event_date"), "date_precision", "date_method")
    )
    places = best(
        "place_ref", [], ["reported_place", "admin1", "country", "latitude", "longitude", "place_precision"]
    ).select(
        "event_id",
        "place_ref",
        pl.col("reported_place").alias("place_name"),
        "admin1",
        "country",
        "latitude",
        "longitude",
        "place_precision",
    )
    regions_only = (
        news.filter(pl.col("admin1").is_not_null())
        .group_by("event_id")
        .agg(
            pl.col("admin1").mode().sort().first().alias("admin1_any"),
            pl.col("country").drop_nulls().first().alias("country_any"),
        )
    )
    killed = best("reported_killed", []).select("event_id", pl.col("reported_killed").alias("killed"))
    wounded = best("reported_wounded", []).select("event_id", pl.col("reported_wounded").alias("wounded"))
    weapon = best("weapon", []).select("event_id", "weapon")
    counts = news.group_by("event_id").agg(
        pl.col("article_id").n_unique().alias("n_articles"),
        pl.col("outlet").drop_nulls().n_unique().alias("n_outlets"),
        pl.col("is_background").all().alias("is_background"),
    )
    out = counts
    for part in (types, dates, places, regions_only, killed, wounded, weapon):
        out = out.join(part, on="event_id", how="left")
    return out.with_columns(
        pl.coalesce("admin1", "admin1_any").alias("admin1"),
        pl.coalesce("country", "country_any").alias("country"),
        pl.col("event_type").replace_strict(ACLED_SUB_EVENT_TYPE, default=None).alias("acled_sub_event_type"),
    ).drop("admin1_any", "country_any")


def dates_from_other_reports(reports: pl.DataFrame, events: pl.DataFrame) -> pl.DataFrame:
    """A report that gives only a year-less day ("7 July") takes the year of its event's date when
    the event is dated to that day by other reports (method year_from_other_reports)."""
    dated = events.filter(pl.col("date_precision") == "day").select(
        "event_id", pl.col("event_date").alias("_event_date")
    )
    joined = reports.join(dated, on="event_id", how="left")
    fits = (
        pl.col("reported_date").is_null()
        & pl.col("date_partial").is_not_null()
        & (pl.col("_event_date").str.slice(4) == pl.col("date_partial").str.slice(1))
    )
    return joined.with_columns(
        pl.when(fits).then(pl.col("_event_date")).otherwise(pl.col("reported_date")).alias("reported_date"),
        pl.when(fits).then(pl.lit("day")).otherwise(pl.col("date_precision")).alias("date_precision"),
        pl.when(fits)
        .then(pl.lit("year_from_other_reports"))
        .otherwise(pl.col("date_method"))
        .alias("date_method"),
    ).drop("_event_date")


def _name_profile(normalized: str | None) -> tuple[set[str], set[str], set[str]]:
    """Kunyas, given names (of names of two or more bare tokens) and name keys of one mention."""
    name = parse_person(normalized or "")
    kunyas = {name.kunya} if name.kunya else set()
    givens = {name.given} if not name.kunya and len(name.tokens) >= 2 and name.given else set()
    return kunyas, givens, set(name_keys(normalized))


def merge_event_targets(
    person_clusters: pl.DataFrame, mentions: pl.DataFrame, frames: pl.DataFrame
) -> pl.DataFrame:
    """Person clusters joined when they are targets of one event cluster and share a name key.

    Outlets name one target differently (a kunya here, a surname there); a shared kunya, surname or
    nisba is enough only inside one event. Two clusters with different kunyas or different given
    names stay apart. Returns `person_clusters` (mention_id, cluster) with merged labels."""
    if frames.height == 0 or person_clusters.height == 0:
        return person_clusters
    persons = (
        mentions.filter(pl.col("entity_type") == "PERSON")
        .select("mention_id", "normalized")
        .join(person_clusters, on="mention_id")
    )
    prepared = prepare_frames(frames, persons.rename({"cluster": "entity_id"}))
    events = cluster_frames(prepared)
    targets = (
        prepared.select("frame_id", pl.col("target_mentions").alias("mention_id"))
        .explode("mention_id")
        .join(persons, on="mention_id")
        .join(events.rename({"cluster": "event"}), on="frame_id")
    )
    profiles: dict[str, tuple[set[str], set[str], set[str]]] = {}
    # Only clusters that are targets of an event are ever compared.
    named_targets = persons.join(targets.select("cluster").unique(), on="cluster", how="semi")
    for cluster, normalized in named_targets.select("cluster", "normalized").unique().iter_rows():
        kunyas, givens, keys = profiles.setdefault(cluster, (set(), set(), set()))
        k, g, n = _name_profile(normalized)
        kunyas |= k
        givens |= g
        keys |= n
    uf = UnionFind()
    for members in targets.group_by("event").agg(pl.col("cluster").unique().sort())["cluster"].to_list():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                ra, rb = uf.find(a), uf.find(b)
                if ra == rb:
                    continue
                ka, ga, na = profiles[ra]
                kb, gb, nb = profiles[rb]
                if not (na & nb) or (ka and kb and not ka & kb) or (ga and gb and not ga & gb):
                    continue
                uf.union(ra, rb)
                root = uf.find(ra)
                profiles[root] = (ka | kb, ga | gb, na | nb)
    labels = {c: uf.find(c) for c in person_clusters["cluster"].unique().to_list()}
    return person_clusters.with_columns(pl.col("cluster").replace_strict(labels))
