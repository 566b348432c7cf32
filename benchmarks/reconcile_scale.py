"""Entity resolution and event clustering on synthetic frames far larger than any real batch.

The frames come from `tahqiq.evaluate.synthetic` (spelling, kunya and title variants of a population
of names; about five reports per event with dates of varying precision). Generation is timed apart
from the resolution so the numbers are the reconciliation's own.
"""

from __future__ import annotations

import time

import polars as pl


def _timed(work):
    started = time.perf_counter()
    value = work()
    return value, time.perf_counter() - started


def entity_resolution(n_mentions: int) -> dict:
    from tahqiq.evaluate.synthetic import make_mentions
    from tahqiq.resolve.entities import resolve_entities

    mentions, generate_s = _timed(lambda: make_mentions(n_mentions))
    (clusters, _links), seconds = _timed(lambda: resolve_entities(mentions))
    people = mentions.filter(pl.col("entity_type") == "PERSON").height
    n_clusters = clusters["cluster"].n_unique()
    return {
        "n": mentions.height,
        "people_mentions": people,
        "generate_s": generate_s,
        "seconds": seconds,
        "clusters": n_clusters,
        "output": f"{n_clusters:,} entities",
    }


def event_clustering(n_reports: int) -> dict:
    """Clustering as the pipeline does it: targets resolved first, then prepare + cluster the frames."""
    from tahqiq.evaluate.synthetic import make_event_frames_with_mentions
    from tahqiq.reconcile.events import cluster_frames, prepare_frames
    from tahqiq.resolve.entities import resolve_entities

    (frames, targets), generate_s = _timed(lambda: make_event_frames_with_mentions(n_reports))
    (target_clusters, _links), targets_s = _timed(lambda: resolve_entities(targets))
    target_entities = target_clusters.select("mention_id", pl.col("cluster").alias("entity_id"))
    prepared, prepare_s = _timed(lambda: prepare_frames(frames, target_entities))
    clusters, cluster_s = _timed(lambda: cluster_frames(prepared))
    n_events = clusters.select(pl.exclude("frame_id")).to_series(0).n_unique()
    return {
        "n": frames.height,
        "generate_s": generate_s,
        "targets_resolution_s": targets_s,
        "prepare_s": prepare_s,
        "cluster_s": cluster_s,
        "seconds": targets_s + prepare_s + cluster_s,
        "events": n_events,
        "output": f"{n_events:,} events (generator: ~{max(1, n_reports // 5):,} true)",
    }


def measure_reconciliation(n_mentions: int, n_reports: int) -> dict:
    """Each at a quarter of the size first, then at full size, so the growth exponent is visible."""
    out: dict = {"generator": "tahqiq.evaluate.synthetic"}
    for key, work, n in (("entities_quarter", entity_resolution, n_mentions // 4),
                         ("entities", entity_resolution, n_mentions),
                         ("events_quarter", event_clustering, n_reports // 4),
                         ("events", event_clustering, n_reports)):  # fmt: skip
        try:
            out[key] = work(n)
        except Exception as error:  # noqa: BLE001 - report one half even when the other breaks
            out[key] = {"error": f"{type(error).__name__}: {error}"}
    return out
