"""Stable ids for clusters: a member that already had an id keeps it across batches and re-runs.

A cluster is a set of member keys (mention ids or frame ids). Its id is, in order of preference:
the id most of its already-registered members carry (ties: the smallest id, so the choice does not
depend on row order); or, for a brand-new cluster, a hash of its anchor (smallest) member key.
When a cluster splits, the part holding most of the old members keeps the id and the other parts
get ids of their own, so one id never names two clusters.
"""

from __future__ import annotations

import hashlib

import polars as pl


def hashed_id(prefix: str, anchor: str) -> str:
    return f"{prefix}_{hashlib.sha1(anchor.encode('utf-8')).hexdigest()[:10]}"


def assign_stable_ids(
    members: pl.DataFrame, registry: pl.DataFrame | None, kind: str, prefix_of: dict[str, str] | str
) -> pl.DataFrame:
    """`members` has columns member_key, cluster (any local label) and, when `prefix_of` is a dict,
    prefix_key (e.g. the entity type). Returns member_key, cluster, stable_id."""
    if members.height == 0:
        return members.with_columns(pl.lit(None, pl.Utf8).alias("stable_id"))
    members = members.with_columns(pl.col("cluster").cast(pl.Utf8))
    known = (
        registry.filter(pl.col("kind") == kind).select("member_key", pl.col("stable_id").alias("old_id"))
        if registry is not None and registry.height
        else pl.DataFrame(schema={"member_key": pl.Utf8, "old_id": pl.Utf8})
    ).unique("member_key", keep="first")
    with_old = members.join(known, on="member_key", how="left")
    votes = (
        with_old.filter(pl.col("old_id").is_not_null())
        .group_by("cluster", "old_id")
        .agg(pl.len().alias("votes"))
        .sort(["votes", "old_id"], descending=[True, False])
    )
    # Each old id goes to the cluster holding most of its members; each cluster takes its best old id.
    claimed_by = votes.sort(["old_id", "votes", "cluster"], descending=[False, True, False]).unique(
        "old_id", keep="first"
    )
    winners = claimed_by.sort(["cluster", "votes", "old_id"], descending=[False, True, False]).unique(
        "cluster", keep="first"
    )
    anchors = members.group_by("cluster").agg(pl.col("member_key").min().alias("anchor"))
    if isinstance(prefix_of, dict):
        kinds = members.group_by("cluster").agg(pl.col("prefix_key").first())
        anchors = anchors.join(kinds, on="cluster").with_columns(
            pl.col("prefix_key").replace_strict(prefix_of, default="X").alias("prefix")
        )
    else:
        anchors = anchors.with_columns(pl.lit(prefix_of).alias("prefix"))
    fresh = anchors.with_columns(
        pl.struct("prefix", "anchor")
        .map_elements(lambda s: hashed_id(s["prefix"], s["anchor"]), return_dtype=pl.Utf8)
        .alias("fresh_id")
    )
    ids = fresh.join(winners.select("cluster", "old_id"), on="cluster", how="left").select(
        "cluster", pl.coalesce("old_id", "fresh_id").alias("stable_id"), "old_id", "prefix", "anchor"
    )
    ids = _avoid_reuse(ids, set(known["old_id"].to_list()))
    return members.join(ids, on="cluster", how="left").select("member_key", "cluster", "stable_id")


def _avoid_reuse(ids: pl.DataFrame, old_ids: set[str]) -> pl.DataFrame:
    """A fresh id must not be one an older cluster still holds (a split part hashing to it)."""
    clashing = ids.filter(pl.col("old_id").is_null() & pl.col("stable_id").is_in(list(old_ids)))
    if clashing.height == 0:
        return ids.select("cluster", "stable_id")
    taken = set(ids["stable_id"].to_list()) | old_ids
    renamed = {}
    for cluster, prefix, anchor in clashing.select("cluster", "prefix", "anchor").iter_rows():
        n = 2
        while (candidate := hashed_id(prefix, f"{anchor}#{n}")) in taken:
            n += 1
        taken.add(candidate)
        renamed[cluster] = candidate
    return ids.select(
        "cluster",
        pl.col("cluster").replace_strict(renamed, default=pl.col("stable_id")).alias("stable_id"),
    )


def registry_rows(assigned: pl.DataFrame, kind: str) -> pl.DataFrame:
    return assigned.select(pl.lit(kind).alias("kind"), "member_key", "stable_id")
