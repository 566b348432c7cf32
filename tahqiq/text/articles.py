"""Normalize stage: raw articles become `articles` rows with their matching text and duplicate links."""

from __future__ import annotations

import polars as pl

from tahqiq import warehouse
from tahqiq.ingest.dedup import near_duplicates
from tahqiq.text.normalize import normalize


def build_articles(raw: pl.DataFrame, earlier: list[tuple[str, str]]) -> pl.DataFrame:
    """Add `body_normalized` (camel-tools matching form) and `duplicate_of` (near-duplicate wire copies).

    `earlier` is [(article_id, body_normalized)] of articles already in the warehouse, in arrival
    order, so a copy of an older story points at the older article.
    """
    if raw.height == 0:
        return warehouse.empty_frame("articles")
    normalized = [normalize(body).text for body in raw["body"].to_list()]
    docs = earlier + list(zip(raw["article_id"].to_list(), normalized, strict=True))
    duplicates = near_duplicates(docs)
    frame = raw.with_columns(
        pl.Series("body_normalized", normalized, dtype=pl.Utf8),
        pl.Series("duplicate_of", [duplicates.get(a) for a in raw["article_id"].to_list()], dtype=pl.Utf8),
    )
    return warehouse.conform(frame, "articles")
