"""Ingest stage: a batch folder becomes `raw_articles` rows and `quarantine` rows, nothing lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import polars as pl

from tahqiq import warehouse
from tahqiq.ingest.dedup import article_id_for, content_hash
from tahqiq.ingest.readers import Quarantined, RawArticle, read_batch
from tahqiq.text.normalize import normalize_text


def ingest_batch(
    folder: Path,
    batch_id: str,
    ingested_at: datetime,
    earlier_hashes: dict[str, str],
    max_bytes: int = 5_000_000,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Read, clean and de-duplicate one batch.

    `earlier_hashes` maps content hashes already in the warehouse (from other batches) to their
    source, so the same story re-sent in a later batch is quarantined as an exact duplicate instead
    of counted twice; within the batch the copy with the most metadata is kept and the others are
    quarantined with their own outlet in the detail. Returns (raw_articles, quarantine) frames.
    """
    read = read_batch(folder, max_bytes=max_bytes, progress=progress)
    quarantined: list[Quarantined] = list(read.quarantined)
    cleaned: list[tuple[RawArticle, str | None, str, str]] = []
    for raw in read.articles:
        title, body = raw.clean()
        if not body.strip():
            quarantined.append(Quarantined(raw.source_file, "empty",
                                           "nothing but page furniture remained after cleaning; check the export"))
            continue
        cleaned.append((raw, title, body, content_hash(normalize_text(body))))
    kept = _copies_kept(cleaned, earlier_hashes, batch_id)
    rows: list[dict] = []
    for raw, title, body, digest in cleaned:
        keeper = kept[digest]
        if keeper is not raw:
            origin = earlier_hashes.get(digest) or f"{batch_id}/{keeper.source_file}"
            quarantined.append(Quarantined(raw.source_file, "exact_duplicate",
                                           f"same text as {origin}; kept once, not counted twice "
                                           f"(this copy's outlet: {raw.outlet or 'unknown'})"))
            continue
        rows.append({
            "batch_id": batch_id, "source_file": raw.source_file, "article_id": article_id_for(digest),
            "content_hash": digest, "outlet": raw.outlet, "url": raw.url, "published_at": raw.published_at,
            "published_source": raw.published_source, "title": title, "body": body,
            "encoding": raw.encoding, "ingested_at": ingested_at,
        })
    raw_frame = warehouse.conform(pl.DataFrame(rows, schema_overrides=warehouse.polars_schema("raw_articles"))
                                  if rows else warehouse.empty_frame("raw_articles"), "raw_articles")
    quarantine = warehouse.conform(pl.DataFrame(
        [{"batch_id": batch_id, "source_file": q.source_file, "reason": q.reason, "detail": q.detail,
          "ingested_at": ingested_at} for q in quarantined],
        schema_overrides=warehouse.polars_schema("quarantine"),
    ) if quarantined else warehouse.empty_frame("quarantine"), "quarantine")
    return raw_frame, quarantine


def _copies_kept(cleaned: list[tuple[RawArticle, str | None, str, str]], earlier_hashes: dict[str, str],
                 batch_id: str) -> dict[str, RawArticle | None]:
    """{content hash: the copy to keep} among exact copies: none when an earlier batch has the text,
    else the copy with the most metadata (manifest or JSON fields: outlet, URL, date), the first on a tie."""
    kept: dict[str, RawArticle | None] = {}
    for raw, _, _, digest in cleaned:
        if digest in earlier_hashes:
            kept[digest] = None
        elif digest not in kept or _metadata_known(raw) > _metadata_known(kept[digest]):
            kept[digest] = raw
    return kept


def _metadata_known(raw: RawArticle) -> int:
    return sum(value is not None for value in (raw.outlet, raw.url, raw.published_at))
