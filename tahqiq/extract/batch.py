"""Extract stage over a frame of articles: mentions and event frames, on every core."""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from datetime import date

import polars as pl

from tahqiq import warehouse
from tahqiq.extract import extract_article
from tahqiq.extract.events import find_event_frames
from tahqiq.extract.mention import mention_id
from tahqiq.extract.people import TaughtName, find_taught_names, teachable
from tahqiq.extract.tokens import clitic_variants
from tahqiq.limits import OverBudget, time_budget
from tahqiq.text.normalize import normalize

# Below this many articles a process pool costs more than it saves.
PARALLEL_MIN_ARTICLES = 200
CHUNK_ARTICLES = 100
TAUGHT_NAME_PARTS_PER_WORKER = 4
WARM_UP_CHARS = 5_000
# A news article takes milliseconds and a 5 MB one about 22 s (2 cores, 2026-12-06); one that runs
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
            _append_mention(mention_columns, article_id, batch_id, m)
        for frame in frames:
            frame_rows.append({**frame, "batch_id": batch_id})
    return mention_columns, frame_rows, timed_out


def _append_mention(columns: dict[str, list], article_id: str, batch_id: str, m) -> None:
    """One mention appended to the extracted_mentions columns."""
    row = (mention_id(article_id, m), article_id, batch_id, m.entity_type, m.surface, m.normalized, m.start,
           m.end, m.value, _attrs_json(m.attrs))  # fmt: skip
    for column, value in zip(columns, row, strict=True):
        columns[column].append(value)


def _as_frames(mention_columns: dict[str, list], frame_rows: list[dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
    mentions = pl.DataFrame(mention_columns, schema=warehouse.polars_schema("extracted_mentions"))
    if not frame_rows:
        return mentions, warehouse.empty_frame("event_frames")
    frames = pl.DataFrame(
        frame_rows, schema_overrides=warehouse.polars_schema("event_frames"), infer_schema_length=None
    )
    return mentions, warehouse.conform(frames, "event_frames")


def article_rows(articles: pl.DataFrame) -> list[tuple[str, str, str, str | None]]:
    """(article_id, batch_id, body, published_at) per article: what `_extract_chunk` reads, the body up to
    the end of the article's own text (offsets stay those of the whole body)."""
    bodies = articles["body"].to_list()
    ends = articles["own_text_end"].to_list() if "own_text_end" in articles.columns else [None] * len(bodies)
    return list(
        zip(
            articles["article_id"].to_list(),
            articles["batch_id"].to_list(),
            [body if end is None else body[:end] for body, end in zip(bodies, ends, strict=True)],
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

    # Load every lexicon and gazetteer here, once: forked workers inherit them instead of each
    # building its own. The first article's opening is enough, however long the article is.
    _extract_chunk([(article_id, batch_id, body[:WARM_UP_CHARS], at) for article_id, batch_id, body, at in rows[:1]])
    parallel = workers > 1 and len(rows) >= PARALLEL_MIN_ARTICLES
    with _collector_paused(), ProcessPoolExecutor(workers) if parallel else nullcontext() as pool:
        if pool is not None:
            for chunk in pool.map(_extract_chunk, _chunks(rows, CHUNK_ARTICLES)):
                collect(chunk, CHUNK_ARTICLES)
        else:
            for chunk in _chunks(rows, CHUNK_ARTICLES):
                collect(_extract_chunk(chunk), len(chunk))
        mentions = pl.concat(mention_parts) if mention_parts else warehouse.empty_frame("extracted_mentions")
        frames = pl.concat(frame_parts) if frame_parts else warehouse.empty_frame("event_frames")
        # Names taught by one article are looked for in the others, not in those over their budget.
        over_budget = {article_id for article_id, _ in timed_out}
        kept = [r for r in rows if r[0] not in over_budget]
        return with_taught_names(kept, mentions, pool, workers), frames, timed_out


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection until the block ends. Extraction makes no reference cycles (3,000 ANT
    articles left not one object for the collector, 2026-12-06: reference counting frees all), so the
    collections its millions of short-lived objects set off are pure cost, and the full ones walk
    every entry of every lexicon: a fifth of extraction time. Forked workers inherit the pause, and
    so leave the parent's pages unwritten too. tests/extract/test_time_budget.py checks that no cycle
    creeps in."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def taught_names(mentions: pl.DataFrame) -> dict[str, list[TaughtName]]:
    """First token -> the full names the batch named with a strong cue (see people.teachable)."""
    by_first: dict[str, set[TaughtName]] = {}
    people = mentions.filter(pl.col("entity_type") == "PERSON").select("normalized", "attrs").unique()
    for normalized, attrs in people.iter_rows():
        name = teachable(normalized, json.loads(attrs))
        if name:
            by_first.setdefault(name.tokens[0], set()).add(name)
    # Longest first; names of one length in a fixed order (a set's order changes with the hash seed,
    # and with it which spelling of a given name a bare repeat took: سارة or ساره).
    return {first: sorted(names, key=lambda n: (-len(n.tokens), n.tokens, n.attrs)) for first, names in by_first.items()}


def with_taught_names(
    rows: list[tuple[str, str, str, str | None]],
    mentions: pl.DataFrame,
    pool: ProcessPoolExecutor | None = None,
    workers: int = 1,
) -> pl.DataFrame:
    """`mentions` plus the names one article of the batch named with a cue, found bare in the others;
    on the `workers` of `pool` when given (the parent would otherwise read every article again alone)."""
    taught = taught_names(mentions)
    if not taught:
        return mentions
    taken_by_article: dict[str, list[tuple[int, int]]] = {}
    named = mentions.filter(pl.col("entity_type").is_in(["PERSON", "ORG", "LOC"]))
    for article_id, start, end in named.select("article_id", "start_char", "end_char").iter_rows():
        taken_by_article.setdefault(article_id, []).append((start, end))
    # A few large parts, not CHUNK_ARTICLES: each part carries the whole of `taught` to its worker.
    part_size = max(1, -(-len(rows) // (workers * TAUGHT_NAME_PARTS_PER_WORKER)))
    parts = [
        (part, taught, {article_id: taken_by_article.get(article_id, []) for article_id, *_ in part})
        for part in _chunks(rows, part_size)
    ]
    added: dict[str, list] = {name: [] for name in warehouse.columns("extracted_mentions")}
    for part_columns in pool.map(_taught_names_in, parts) if pool is not None else map(_taught_names_in, parts):
        for column, values in part_columns.items():
            added[column].extend(values)
    if not added["mention_id"]:
        return mentions
    return pl.concat([mentions, pl.DataFrame(added, schema=warehouse.polars_schema("extracted_mentions"))])


def _taught_names_in(
    part: tuple[list[tuple[str, str, str, str | None]], dict[str, list[TaughtName]], dict[str, list[tuple[int, int]]]],
) -> dict[str, list]:
    """The extracted_mentions columns of the taught names found bare in some articles (rows, the
    taught names, the spans each article has taken). Plain Python only, as `_extract_chunk`."""
    rows, taught, taken_by_article = part
    added: dict[str, list] = {name: [] for name in warehouse.columns("extracted_mentions")}
    for article_id, batch_id, body, _ in rows:
        nt = normalize(body)
        words = set(nt.text.split())
        # Only an article holding a taught first name (as find_taught_names reads words) is scanned; a
        # name written bare, as most are, settles it without reading every word's proclitics.
        if taught.keys().isdisjoint(words) and not any(
            core in taught for word in words for _, core in clitic_variants(word)
        ):
            continue
        for m in find_taught_names(nt, taught, taken_by_article[article_id]):
            _append_mention(added, article_id, batch_id, m)
    return added
