"""Ingest stage: a batch folder becomes `raw_articles` rows and `quarantine` rows, nothing lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import polars as pl

from tahqiq import warehouse
from tahqiq.ingest.dedup import article_id_for, content_hash
from tahqiq.ingest.readers import Quarantined, read_batch
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
    of counted twice. Returns (raw_articles, quarantine) frames.
    """
    read = read_batch(folder, max_bytes=max_bytes, progress=progress)
    quarantined: list[Quarantined] = list(read.quarantined)
    seen: dict[str, str] = dict(earlier_hashes)
    rows: list[dict] = []
    for raw in read.articles:
        title, body = raw.clean()
        if not body.strip():
            quarantined.append(Quarantined(raw.source_file, "empty",
                                           "nothing but page furniture remained after cleaning; check the export"))
            continue
        digest = content_hash(normalize_text(body))
        if digest in seen:
            quarantined.append(Quarantined(raw.source_file, "exact_duplicate",
                                           f"same text as {seen[digest]}; kept once, not counted twice"))
            continue
        seen[digest] = f"{batch_id}/{raw.source_file}"
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
