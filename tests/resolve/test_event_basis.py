"""One batch's frames clustered several times with other targets (person clusters before and after
their merges): what the clusterings share is computed once, and each clustering is the one it would
be on its own."""

import random

import polars as pl

from tahqiq.resolve.events import link_reports, report_basis

TYPES = ["air_strike", "drone_strike", "shelling", "ground_raid", "suicide_bomb", "attack", None]
PLACES = [("v1", "village", "sy-aleppo"), ("v2", "village", "sy-aleppo"), ("c1", "city", "sy-idlib"), (None, None, None)]
WORDS = ["غارة", "قصف", "منبج", "ادلب", "مدنيين", "طفل", "سوق", "مسجد", "قيادي", "التحالف", "الطيران", "قتلى"]


def frames(seed: int, n: int = 70, days: int = 12) -> pl.DataFrame:
    rng = random.Random(seed)
    rows = []
    for k in range(n):
        lo = rng.randrange(0, days) if rng.random() > 0.1 else None
        place, precision, admin1 = rng.choice(PLACES)
        rows.append({
            "frame_id": f"{k % 25:02d}:{k}", "article_id": f"{k % 25:02d}", "event_type": rng.choice(TYPES),
            "lo": lo, "hi": None if lo is None else lo + rng.choice([0, 0, 0, 1, 2]), "md_lo": None, "md_hi": None,
            "place_ref": place, "place_precision": precision, "admin1": admin1, "country": "sy",
            "latitude": None, "longitude": None, "reported_killed": rng.choice([None, 1, 3, 3, 12]),
            "date_method": "absolute", "story_terms": rng.sample(WORDS, rng.randrange(2, 7)),
        })  # fmt: skip
    return pl.DataFrame(rows)


def with_targets(base: pl.DataFrame, seed: int, people: int, share: float = 0.66) -> pl.DataFrame:
    """The frames with targets drawn from `people` entities (`share` of the frames name some)."""
    rng = random.Random(seed)
    targets, keys = [], []
    for _ in range(base.height):
        named = rng.sample(range(people), rng.randrange(1, 3)) if rng.random() < share else []
        targets.append([f"P{p}" for p in sorted(named)])
        keys.append(sorted({f"key{p % 4}" for p in named}))
    return base.with_columns(
        pl.Series("target_entities", targets, pl.List(pl.Utf8)), pl.Series("target_keys", keys, pl.List(pl.Utf8))
    )


def partition(clusters: pl.DataFrame) -> dict[str, frozenset[str]]:
    """Each frame -> the frames of its cluster (labels aside)."""
    members = clusters.group_by("cluster").agg("frame_id")
    return {f: frozenset(fs) for fs in members["frame_id"].to_list() for f in fs}


def test_clusterings_that_share_a_basis_are_each_the_clustering_on_its_own():
    for seed in range(4):
        base = frames(seed)
        basis = report_basis(base)
        for targets_seed, people in ((1, 6), (2, 3), (1, 6), (3, 12)):
            prepared = with_targets(base, seed * 10 + targets_seed, people)
            alone_clusters, alone_links = link_reports(prepared)
            shared_clusters, shared_links = link_reports(prepared, basis)
            assert shared_clusters.equals(alone_clusters)
            assert [(x.a, x.b, x.weight, x.comparisons) for x in shared_links] == [
                (x.a, x.b, x.weight, x.comparisons) for x in alone_links
            ]


def test_clustering_around_targets_gives_the_events_of_targets_as_a_full_clustering():
    for seed in range(4):
        base = frames(seed, n=120, days=60)
        basis = report_basis(base)
        for targets_seed, people in ((1, 6), (2, 3)):
            prepared = with_targets(base, seed * 10 + targets_seed, people, share=0.05)
            full = partition(link_reports(prepared)[0])
            around = partition(link_reports(prepared, basis, around_targets=True)[0])
            targeted = prepared.filter(pl.col("target_entities").list.len() > 0)["frame_id"].to_list()
            assert targeted and all(around[f] == full[f] for f in targeted)
            # a report no link path joins to a target is left alone, never put in another cluster
            assert all(around[f] in (full[f], {f}) for f in full)
            assert any(around[f] != full[f] for f in full)
