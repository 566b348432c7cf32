"""Events from frames: each frame made ready for linking (day bounds, year-less days, target entity ids),
clustered by the scored linkage of `tahqiq.resolve.events`, and each event summarized from its reports
(the most precise date, the most reported type, place and counts).
"""

from __future__ import annotations

from datetime import date

import polars as pl

from tahqiq.dates.consensus import ReportedDate, consensus_date
from tahqiq.dates.values import date_bounds, day_of_year_bounds
from tahqiq.extract.events import ACLED_SUB_EVENT_TYPE, DEFAULT_TYPE, TYPE_PRECEDENCE
from tahqiq.reconcile.entities import UnionFind, parse_person
from tahqiq.resolve.events import ReportBasis, link_reports, report_basis

EPOCH = date(1970, 1, 1)


def _month_day_of(value: str | None, partial: str | None) -> tuple[int | None, int | None]:
    """Day-of-year range of a frame's date (year-less or shorter than a year), for year-less matching."""
    return day_of_year_bounds(partial or value) or (None, None)


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


def date_frames(frames: pl.DataFrame) -> pl.DataFrame:
    """Frames with day bounds (lo, hi) and year-less day-of-year bounds (md_lo, md_hi)."""
    values = frames["reported_date"].to_list()
    bounds = [_day_bounds(v) for v in values]
    partials = frames["date_partial"].to_list() if "date_partial" in frames.columns else [None] * len(values)
    month_days = [_month_day_of(v, p) for v, p in zip(values, partials, strict=True)]
    return frames.with_columns(
        pl.Series("lo", [b[0] for b in bounds], pl.Int64),
        pl.Series("hi", [b[1] for b in bounds], pl.Int64),
        pl.Series("md_lo", [b[0] for b in month_days], pl.Int64),
        pl.Series("md_hi", [b[1] for b in month_days], pl.Int64),
    )


def with_targets(dated: pl.DataFrame, target_entities: pl.DataFrame) -> pl.DataFrame:
    """Frames of `date_frames` with their target entity ids and the targets' name keys (kunya, surname,
    nisba: a partial agreement when the entities differ).

    `target_entities` maps mention_id -> entity_id (or a local cluster label), with the mention's
    `normalized` form when known."""
    exploded = (
        dated.select("frame_id", pl.col("target_mentions").alias("mention_id"))
        .explode("mention_id")
        .drop_nulls("mention_id")
        .join(target_entities, on="mention_id", how="inner")
        .group_by("frame_id")
        .agg(pl.col("entity_id").unique().sort().alias("target_entities"))
    )
    prepared = dated.join(exploded, on="frame_id", how="left").with_columns(
        pl.col("target_entities").fill_null(pl.lit([], pl.List(pl.Utf8)))
    )
    return _target_keys(prepared, target_entities)


def prepare_frames(frames: pl.DataFrame, target_entities: pl.DataFrame) -> pl.DataFrame:
    """Frames ready for linking: `date_frames`, then `with_targets`."""
    return with_targets(date_frames(frames), target_entities)


def event_basis(frames: pl.DataFrame) -> ReportBasis:
    """What the clusterings of `frames` (each with other targets: `with_targets`) share: their dates,
    stories and the pairs that share a day (`tahqiq.resolve.events.ReportBasis`)."""
    return report_basis(date_frames(frames))


def cluster_frames(
    prepared: pl.DataFrame, basis: ReportBasis | None = None, around_targets: bool = False
) -> pl.DataFrame:
    """frame_id -> cluster label (the smallest frame_id of the cluster); see tahqiq.resolve.events
    (`link_reports`, for `basis` and `around_targets`)."""
    return link_reports(prepared, basis, around_targets)[0]


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

    def best(value: str, order: list[str], extra: list[str] | None = None, rows: pl.DataFrame = news) -> pl.DataFrame:
        counted = (
            rows.filter(pl.col(value).is_not_null())
            .group_by("event_id", value, *(extra or []))
            .agg(
                pl.len().alias("_n"),
                (~pl.col("is_background")).sum().alias("_news"),
                *[pl.col(c).min().alias(c) for c in order if c not in (value, "_n", "_news")],
            )
        )
        # the extra columns break the last ties (two spellings of one place), so the pick is the same
        # on every run
        return counted.sort(
            ["event_id", "_news", "_n", *order, value, *(extra or [])],
            descending=[False, True, True] + [False] * (len(order) + 1 + len(extra or [])),
            nulls_last=True,
        ).unique("event_id", keep="first", maintain_order=True)

    # A report that says how ("غارة") over one that only says people were killed ("مقتل"), however many.
    specific = best("reported_type", ["_spec"], rows=news.filter(pl.col("reported_type") != DEFAULT_TYPE))
    types = pl.concat([specific, best("reported_type", ["_spec"]).join(specific, on="event_id", how="anti")]).select(
        "event_id", pl.col("reported_type").alias("event_type")
    )
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
    dates = _consensus_dates(news, dates)
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


def _consensus_dates(news: pl.DataFrame, dates: pl.DataFrame) -> pl.DataFrame:
    """The day most of an event's news reports allow (tahqiq.dates.consensus), else the most precise date."""
    # Each event's dated reports, in their order, and those of them that are news (not background).
    told: dict[str, list[ReportedDate]] = {}
    news_told: dict[str, list[ReportedDate]] = {}
    dated = news.filter(pl.col("reported_date").is_not_null())
    for event_id, value, method, background in dated.select(
        "event_id", "reported_date", "date_method", "is_background"
    ).iter_rows():
        told.setdefault(event_id, []).append(ReportedDate(value, method))
        if not background:
            news_told.setdefault(event_id, []).append(ReportedDate(value, method))
    rows = []
    for event_id, reports in told.items():
        found = consensus_date(news_told.get(event_id) or reports)
        if found:
            rows.append((event_id, *found))
    agreed = pl.DataFrame(
        rows, schema={"event_id": pl.Utf8, "event_date": pl.Utf8, "date_precision": pl.Utf8, "date_method": pl.Utf8},
        orient="row",
    )
    return pl.concat([agreed, dates.join(agreed, on="event_id", how="anti")], how="vertical_relaxed")


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


def merge_event_targets(person_clusters: pl.DataFrame, mentions: pl.DataFrame, basis: ReportBasis) -> pl.DataFrame:
    """Person clusters joined when they are targets of one event cluster and share a name key.

    Outlets name one target differently (a kunya here, a surname there); a shared kunya, surname or
    nisba is enough only inside one event. Two clusters with different kunyas or different given
    names stay apart. `basis` is the `event_basis` of the batch's frames. Returns `person_clusters`
    (mention_id, cluster) with merged labels."""
    if basis.frames.height == 0 or person_clusters.height == 0:
        return person_clusters
    persons = (
        mentions.filter(pl.col("entity_type") == "PERSON")
        .select("mention_id", "normalized")
        .join(person_clusters, on="mention_id")
    )
    prepared = with_targets(basis.frames, persons.rename({"cluster": "entity_id"}))
    # Only events with targets are read: the rest need not be clustered.
    events = cluster_frames(prepared, basis, around_targets=True)
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
