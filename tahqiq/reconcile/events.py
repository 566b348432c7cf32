"""Event clustering: the frames of many articles that report one real event become one event.

Two frames are candidates when they share a blocking key: a target entity; or type family, day and
governorate; or type family, month and place. A candidate pair is the same event when the types are
compatible (a drone strike is an air strike; a helicopter raid is a raid), the dates are compatible
(precision-aware: intervals overlap; frames naming the same target may be up to three days apart,
which then shows as a date conflict), the places are compatible (same governorate or one unknown),
and they come from different articles (an article's frames are distinct events by construction).
"""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl

from tahqiq.reconcile.entities import UnionFind

COMPATIBLE_TYPES: dict[str, set[str]] = {
    "drone_strike": {"drone_strike", "air_strike"},
    "air_strike": {"air_strike", "drone_strike", "helicopter_raid"},
    "helicopter_raid": {"helicopter_raid", "air_strike", "ground_raid", "airdrop", "arrest"},
    "ground_raid": {"ground_raid", "helicopter_raid", "airdrop", "arrest"},
    "airdrop": {"airdrop", "helicopter_raid", "ground_raid", "arrest"},
    "arrest": {"arrest", "ground_raid", "helicopter_raid", "airdrop"},
    "attack": {"attack"},
}
TYPE_FAMILY = {
    "drone_strike": "air",
    "air_strike": "air",
    "helicopter_raid": "raid",
    "ground_raid": "raid",
    "airdrop": "raid",
    "arrest": "raid",
    "attack": "attack",
}
# Most specific first: the event's type is the most reported one, ties broken by this order.
TYPE_SPECIFICITY = (
    "airdrop",
    "helicopter_raid",
    "drone_strike",
    "ground_raid",
    "arrest",
    "air_strike",
    "attack",
)
SAME_TARGET_DAY_TOLERANCE = 3
EPOCH = date(1970, 1, 1)


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


def types_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return b in COMPATIBLE_TYPES.get(a, {a})


def _day_bounds(value: str | None) -> tuple[int | None, int | None]:
    bounds = date_bounds(value)
    if bounds is None:
        return None, None
    return (bounds[0] - EPOCH).days, (bounds[1] - EPOCH).days


def prepare_frames(frames: pl.DataFrame, target_entities: pl.DataFrame) -> pl.DataFrame:
    """Frames with day bounds, type family and the list of target entity ids.

    `target_entities` maps mention_id -> entity_id (or a local cluster label)."""
    values = frames["reported_date"].to_list()
    bounds = [_day_bounds(v) for v in values]
    prepared = frames.with_columns(
        pl.Series("lo", [b[0] for b in bounds], pl.Int64),
        pl.Series("hi", [b[1] for b in bounds], pl.Int64),
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
    return prepared.join(exploded, on="frame_id", how="left").with_columns(
        pl.col("target_entities").fill_null(pl.lit([], pl.List(pl.Utf8)))
    )


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
    others = pl.concat([day_pairs, place_pairs]).with_columns(pl.lit(False).alias("same_target"))
    return (
        pl.concat([target_pairs, others]).group_by("frame_id", "frame_id_b").agg(pl.col("same_target").any())
    )


def compatible_pairs(prepared: pl.DataFrame, pairs: pl.DataFrame) -> pl.DataFrame:
    cols = ["frame_id", "event_type", "lo", "hi", "admin1", "country", "target_entities"]
    a = prepared.select(cols)
    b = prepared.select([pl.col(c).alias(c + "_b") for c in cols])
    joined = pairs.join(a, on="frame_id").join(b, on="frame_id_b")
    tolerance = pl.when(pl.col("same_target")).then(SAME_TARGET_DAY_TOLERANCE).otherwise(0)
    dates_ok = (
        pl.col("lo").is_null()
        | pl.col("lo_b").is_null()
        | ((pl.col("lo") <= pl.col("hi_b") + tolerance) & (pl.col("lo_b") <= pl.col("hi") + tolerance))
    )
    places_ok = (
        pl.col("admin1").is_null() | pl.col("admin1_b").is_null() | (pl.col("admin1") == pl.col("admin1_b"))
    ) & (
        pl.col("country").is_null()
        | pl.col("country_b").is_null()
        | (pl.col("country") == pl.col("country_b"))
    )
    # Two frames naming different targets are two events even on the same day and place.
    targets_ok = (
        pl.col("same_target")
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


def _mode(expr: pl.Expr) -> pl.Expr:
    return expr.drop_nulls().mode().sort().first()


def summarize_events(reports: pl.DataFrame) -> pl.DataFrame:
    """One row per event from its reports (columns of event_reports plus the frame's place details)."""
    specificity = {t: i for i, t in enumerate(TYPE_SPECIFICITY)}
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
    dates = best("reported_date", ["_prec"], ["date_precision"]).select(
        "event_id", pl.col("reported_date").alias("event_date"), "date_precision"
    )
    places = best("place_ref", [], ["reported_place", "admin1", "country", "latitude", "longitude"]).select(
        "event_id",
        "place_ref",
        pl.col("reported_place").alias("place_name"),
        "admin1",
        "country",
        "latitude",
        "longitude",
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
    ).drop("admin1_any", "country_any")
