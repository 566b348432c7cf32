"""Where the time goes: cProfile over the per-article stages, in one process, on a sample batch."""

from __future__ import annotations

import cProfile
import datetime as dt
import pstats
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.corpus import REPO

TOP = 15


def _hot_spots(profile: cProfile.Profile, total_s: float, top: int = TOP) -> list[dict]:
    """Functions by own time (tottime), with the file they live in relative to the repo."""
    stats = pstats.Stats(profile)
    rows = []
    for (filename, line, name), (_, calls, own, cumulative, _) in stats.stats.items():
        try:
            where = str(Path(filename).resolve().relative_to(REPO))
        except ValueError:
            where = Path(filename).name if filename.startswith(("/", "<")) else filename
            where = "site-packages/" + where if "site-packages" in filename else where
        rows.append(
            {
                "function": f"{where}:{line}({name})",
                "calls": calls,
                "own_s": own,
                "cumulative_s": cumulative,
                "own_share": own / total_s if total_s else 0.0,
            }
        )
    return sorted(rows, key=lambda r: r["own_s"], reverse=True)[:top]


def _cumulative_of(profile: cProfile.Profile, qualified: list[str]) -> dict[str, float]:
    """Cumulative seconds of named tahqiq functions ("extract/people.py:find_people")."""
    stats = pstats.Stats(profile)
    out = {}
    for wanted in qualified:
        path_part, func = wanted.split(":")
        out[wanted] = sum(
            cum
            for (filename, _, name), (_, _, _, cum, _) in stats.stats.items()
            if name == func and filename.endswith(path_part)
        )
    return out


def _profiled(work: Callable[[], object], out: Path, name: str) -> tuple[cProfile.Profile, float]:
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    work()
    profile.disable()
    elapsed = time.perf_counter() - started
    profile.dump_stats(str(out / f"{name}.prof"))
    return profile, elapsed


FINDERS = [
    "extract/organizations.py:find_organizations",
    "extract/places.py:find_places",
    "extract/people.py:find_people",
    "extract/dates.py:find_dates",
    "extract/counts.py:find_counts",
    "extract/weapons.py:find_weapons",
    "extract/events.py:find_event_frames",
    "extract/__init__.py:settle_overlaps",
    "text/normalize.py:normalize",
]


def profile_stages(batch: Path, out: Path) -> dict:
    """Ingest, normalize and extract of `batch` under cProfile; the .prof files land in `out`."""
    from tahqiq.extract.batch import _extract_chunk, article_rows
    from tahqiq.ingest.batch import ingest_batch
    from tahqiq.text.articles import build_articles

    out.mkdir(parents=True, exist_ok=True)
    result: dict = {}
    holder: dict = {}

    def ingest():
        holder["raw"], _ = ingest_batch(batch, "profile", dt.datetime(2024, 1, 1), {})

    profile, seconds = _profiled(ingest, out, "ingest")
    result["ingest"] = {"seconds": seconds, "hot": _hot_spots(profile, seconds)}

    def normalize_stage():
        holder["articles"], _ = build_articles(holder["raw"])

    profile, seconds = _profiled(normalize_stage, out, "normalize")
    result["normalize"] = {"seconds": seconds, "hot": _hot_spots(profile, seconds)}

    rows = article_rows(holder["articles"])
    _extract_chunk(rows[:5])  # reference data loads once per process; not what this profile is after
    profile, seconds = _profiled(lambda: _extract_chunk(rows), out, "extract")
    result["extract"] = {
        "seconds": seconds,
        "articles": len(rows),
        "articles_per_s_one_core": len(rows) / seconds if seconds else None,
        "finders_cumulative_s": _cumulative_of(profile, FINDERS),
        "hot": _hot_spots(profile, seconds),
    }
    return result
