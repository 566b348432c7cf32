"""Normalize stage: raw articles become `articles` rows with their matching text and duplicate links."""

from __future__ import annotations

import polars as pl

from tahqiq import warehouse
from tahqiq.ingest.dedup import link_near_duplicates
from tahqiq.text.normalize import normalize


def build_articles(raw: pl.DataFrame, earlier: pl.DataFrame | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Add `body_normalized` (camel-tools matching form) and `duplicate_of` (near-duplicate wire copies).

    `earlier` holds the articles already in the warehouse (article_id, minhash, duplicate_of), in
    arrival order, so a copy of an older story points at the older article without re-reading it.
    Returns (articles, article_fingerprints).
    """
    if raw.height == 0:
        return warehouse.empty_frame("articles"), warehouse.empty_frame("article_fingerprints")
    known = [] if earlier is None else list(earlier.select("article_id", "minhash", "duplicate_of").iter_rows())
    normalized = [normalize(body).text for body in raw["body"].to_list()]
    ids = raw["article_id"].to_list()
    duplicate_of, stored = link_near_duplicates(known, list(zip(ids, normalized, strict=True)))
    signatures = [stored.get(a) for a in ids]
    frame = raw.with_columns(
        pl.Series("body_normalized", normalized, dtype=pl.Utf8),
        pl.Series("duplicate_of", [duplicate_of.get(a) for a in ids], dtype=pl.Utf8),
    )
    fingerprints = pl.DataFrame({"article_id": ids, "batch_id": raw["batch_id"].to_list(), "minhash": signatures},
                                schema=warehouse.polars_schema("article_fingerprints"))
    return warehouse.conform(frame, "articles"), fingerprints
