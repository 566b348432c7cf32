"""Normalize stage: raw articles become `articles` rows with their matching text and duplicate links."""

from __future__ import annotations

import polars as pl

from tahqiq import warehouse
from tahqiq.ingest.dedup import NearDuplicateIndex
from tahqiq.text.normalize import normalize


def build_articles(raw: pl.DataFrame, earlier: pl.DataFrame | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Add `body_normalized` (camel-tools matching form) and `duplicate_of` (near-duplicate wire copies).

    `earlier` holds the articles already in the warehouse (article_id, minhash, duplicate_of), in
    arrival order, so a copy of an older story points at the older article without re-reading it.
    Returns (articles, article_fingerprints).
    """
    if raw.height == 0:
        return warehouse.empty_frame("articles"), warehouse.empty_frame("article_fingerprints")
    index = NearDuplicateIndex()
    if earlier is not None:
        for article_id, signature, duplicate_of in earlier.select("article_id", "minhash", "duplicate_of").iter_rows():
            index.add_known(article_id, signature, duplicate_of)
    normalized = [normalize(body).text for body in raw["body"].to_list()]
    ids = raw["article_id"].to_list()
    signatures = [index.add(article_id, text) for article_id, text in zip(ids, normalized, strict=True)]
    frame = raw.with_columns(
        pl.Series("body_normalized", normalized, dtype=pl.Utf8),
        pl.Series("duplicate_of", [index.duplicate_of.get(a) for a in ids], dtype=pl.Utf8),
    )
    fingerprints = pl.DataFrame({"article_id": ids, "batch_id": raw["batch_id"].to_list(), "minhash": signatures},
                                schema=warehouse.polars_schema("article_fingerprints"))
    return warehouse.conform(frame, "articles"), fingerprints
