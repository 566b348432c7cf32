"""Normalize stage: raw articles become `articles` rows with their matching text and duplicate links."""

from __future__ import annotations

import polars as pl

from tahqiq import warehouse
from tahqiq.ingest.dedup import link_near_duplicates
from tahqiq.text.normalize import normalize

# A paragraph at least this long, printed verbatim under this many stories of one outlet, is the
# outlet's furniture where it closes them (CNN's ledes of other stories, a standing footer), not their
# own text. Two stories may share a closing paragraph of their own (a recap, an update republished).
SHARED_PARAGRAPH_MIN_CHARS = 50
FURNITURE_MIN_STORIES = 3


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
    story_of = {a: duplicate_of.get(a, a) for a in ids}
    outlets = raw["outlet"].to_list() if "outlet" in raw.columns else [None] * len(ids)
    frame = raw.with_columns(
        pl.Series("body_normalized", normalized, dtype=pl.Utf8),
        pl.Series("duplicate_of", [duplicate_of.get(a) for a in ids], dtype=pl.Utf8),
        pl.Series("own_text_end", own_text_ends(ids, outlets, raw["body"].to_list(), story_of), dtype=pl.Int32),
    )
    fingerprints = pl.DataFrame({"article_id": ids, "batch_id": raw["batch_id"].to_list(), "minhash": signatures},
                                schema=warehouse.polars_schema("article_fingerprints"))
    return warehouse.conform(frame, "articles"), fingerprints


def _paragraphs(body: str) -> list[tuple[int, str]]:
    """(start offset, whitespace-collapsed text) of each non-empty line of `body`."""
    out, position = [], 0
    for line in body.split("\n"):
        if line.strip():
            out.append((position, " ".join(line.split())))
        position += len(line) + 1
    return out


def own_text_ends(ids: list[str], outlets: list[str | None], bodies: list[str], story_of: dict[str, str]) -> list[int]:
    """Per article, where its own text ends in its body: before the closing run of paragraphs its outlet
    printed verbatim under other stories of the batch too (`FURNITURE_MIN_STORIES` in all). An article
    keeps its first paragraph whatever is shared."""
    paragraphs = [_paragraphs(body) for body in bodies]
    stories: dict[tuple[str | None, str], set[str]] = {}
    for article_id, outlet, found in zip(ids, outlets, paragraphs, strict=True):
        for _, text in found:
            if len(text) >= SHARED_PARAGRAPH_MIN_CHARS:
                stories.setdefault((outlet, text), set()).add(story_of[article_id])
    ends = []
    for article_id, outlet, found, body in zip(ids, outlets, paragraphs, bodies, strict=True):
        end = len(body)
        for start, text in reversed(found[1:]):
            if len(stories.get((outlet, text), set()) | {story_of[article_id]}) >= FURNITURE_MIN_STORIES:
                end = start
            else:
                break
        ends.append(len(body[:end].rstrip()) if end < len(body) else end)
    return ends
