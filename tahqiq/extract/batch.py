"""Extract stage over a frame of articles: mentions and event frames, on every core."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from datetime import date

import polars as pl

from tahqiq import warehouse
from tahqiq.extract import extract_article
from tahqiq.extract.events import find_event_frames
from tahqiq.extract.mention import mention_id
from tahqiq.limits import OverBudget, time_budget
from tahqiq.text.normalize import normalize

# Below this many articles a process pool costs more than it saves.
PARALLEL_MIN_ARTICLES = 200
CHUNK_ARTICLES = 100
# A news article takes milliseconds and a 5 MB one about 14 s (2 cores, 2026-12-06); one that runs
# this long is something else (a dump, a log) and is quarantined instead of holding up the batch.
ARTICLE_BUDGET_SECONDS = 45.0
# One encoder for every mention: json.dumps with options builds a new one on each call.
_attrs_json = json.JSONEncoder(ensure_ascii=False, default=str).encode


def publication_date(published_at: str | None) -> date | None:
    if not published_at:
        return None
    try:
        return date.fromisoformat(published_at[:10])
    except ValueError:
        return None


def _extract_chunk(
    rows: list[tuple[str, str, str, str | None]], budget_s: float | None = None
) -> tuple[dict[str, list], list[dict], list[tuple[str, str]]]:
    """Mentions (as columns: far cheaper to pickle back than one dict per mention), event frames and
    the (article_id, why) of articles over the time budget (default ARTICLE_BUDGET_SECONDS, 0 for none),
    of some articles. Plain Python only: polars' thread pool must not be used in a forked worker."""
    budget_s = ARTICLE_BUDGET_SECONDS if budget_s is None else budget_s
    mention_columns: dict[str, list] = {name: [] for name in warehouse.columns("extracted_mentions")}
    frame_rows: list[dict] = []
    timed_out: list[tuple[str, str]] = []
    for article_id, batch_id, body, published_at in rows:
        published = publication_date(published_at)
        try:
            with time_budget(budget_s):
                nt = normalize(body)
                mentions = extract_article(nt, published)
                frames = find_event_frames(nt, mentions, published, article_id)
        except OverBudget:
            timed_out.append((article_id, f"extracting its {len(body):,} characters took over {budget_s:g}s; "
                              "not news-sized text? Split it into articles"))
            continue
        for m in mentions:
            mention_columns["mention_id"].append(mention_id(article_id, m))
            mention_columns["article_id"].append(article_id)
            mention_columns["batch_id"].append(batch_id)
            mention_columns["entity_type"].append(m.entity_type)
            mention_columns["surface"].append(m.surface)
            mention_columns["normalized"].append(m.normalized)
            mention_columns["start_char"].append(m.start)
            mention_columns["end_char"].append(m.end)
            mention_columns["value"].append(m.value)
            mention_columns["attrs"].append(_attrs_json(m.attrs))
        for frame in frames:
            frame_rows.append({**frame, "batch_id": batch_id})
    return mention_columns, frame_rows, timed_out


def _as_frames(mention_columns: dict[str, list], frame_rows: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
    mentions = pl.DataFrame(mention_columns, schema=warehouse.polars_schema("extracted_mentions"))
    if not frame_rows:
        return mentions, warehouse.empty_frame("event_frames")
    frames = pl.DataFrame(
        frame_rows, schema_overrides=warehouse.polars_schema("event_frames"), infer_schema_length=None
    )
    return mentions, warehouse.conform(frames, "event_frames")


def article_rows(articles: pl.DataFrame) -> list[tuple[str, str, str, str | None]]:
    """(article_id, batch_id, body, published_at) per article: what `_extract_chunk` reads."""
    return list(
        zip(
            articles["article_id"].to_list(),
            articles["batch_id"].to_list(),
            articles["body"].to_list(),
            articles["published_at"].to_list(),
            strict=True,
        )
    )


def _chunks(rows: list, size: int) -> Iterable[list]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def extract_batch(
    articles: pl.DataFrame, workers: int | None = None, progress: Callable[[int, int], None] | None = None
) -> tuple[pl.DataFrame, pl.DataFrame, list[tuple[str, str]]]:
    """Run extraction over `articles` (the articles table's columns); returns (mentions, event_frames,
    [(article_id, why)] of the articles over ARTICLE_BUDGET_SECONDS, which have neither)."""
    rows = article_rows(articles)
    workers = workers or os.cpu_count() or 1
    mention_parts: list[pl.DataFrame] = []
    frame_parts: list[pl.DataFrame] = []
    timed_out: list[tuple[str, str]] = []
    done = 0

    def collect(chunk: tuple[dict[str, list], list[dict], list[tuple[str, str]]], size: int) -> None:
        nonlocal done
        chunk_mentions, chunk_frames = _as_frames(chunk[0], chunk[1])
        mention_parts.append(chunk_mentions)
        frame_parts.append(chunk_frames)
        timed_out.extend(chunk[2])
        done = min(done + size, len(rows))
        if progress:
            progress(done, len(rows))

    if workers > 1 and len(rows) >= PARALLEL_MIN_ARTICLES:
        # Load every lexicon and gazetteer here, once: forked workers inherit them instead of each
        # building its own.
        _extract_chunk(rows[:1])
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for chunk in pool.map(_extract_chunk, _chunks(rows, CHUNK_ARTICLES)):
                collect(chunk, CHUNK_ARTICLES)
    else:
        for chunk in _chunks(rows, CHUNK_ARTICLES):
            collect(_extract_chunk(chunk), len(chunk))
    mentions = pl.concat(mention_parts) if mention_parts else warehouse.empty_frame("extracted_mentions")
    frames = pl.concat(frame_parts) if frame_parts else warehouse.empty_frame("event_frames")
    return mentions, frames, timed_out
