"""Ingestion: batch folders in, readable articles and quarantine rows out."""

from tahqiq.ingest.dedup import article_id_for, content_hash, exact_duplicates, near_duplicates
from tahqiq.ingest.readers import BatchRead, Quarantined, RawArticle, read_batch

__all__ = [
    "BatchRead",
    "Quarantined",
    "RawArticle",
    "article_id_for",
    "content_hash",
    "exact_duplicates",
    "near_duplicates",
    "read_batch",
]
