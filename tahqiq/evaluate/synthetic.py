"""Synthetic mentions and event frames at scale, spelled the way real reporting varies, for benchmarks.

Names vary by kunya (with/without "أبو"), hamza and teh-marbuta spellings and titles; dates by
precision (day, month) and a day of drift; places by village versus governorate.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import polars as pl

from tahqiq import warehouse
from tahqiq.text.normalize import normalize_text

GIVEN = ["أسامة", "إبراهيم", "حمزة", "أنس", "خالد", "عمر", "ياسر", "محمود", "سعيد", "فيصل", "ماهر", "جمعة",
         "عبد الله", "عبد الرحمن", "طارق", "وليد", "حسان", "مصطفى", "يوسف", "قاسم"]  # fmt: skip
NISBA = ["الشامي", "العراقي", "الحمصي", "القحطاني", "المهاجر", "الأنصاري", "الحلبي", "الديري", "الرقاوي",
         "التونسي", "الليبي", "المصري", "الجزراوي", "الكردي", "البغدادي", "الموصلي"]  # fmt: skip
TITLES = ["", "", "القيادي ", "المدعو "]
PLACES = [("sy-al-bab", "sy-aleppo", 36.37, 37.52), ("sy-al-zir", "sy-deir-ez-zor", 35.19, 40.39),
          ("sy-raqqa-city", "sy-raqqa", 35.95, 39.01), ("sy-idlib-city", "sy-idlib", 35.93, 36.63)]  # fmt: skip
TYPES = ["drone_strike", "air_strike", "helicopter_raid", "ground_raid"]
SPELLING = str.maketrans({"أ": "ا", "إ": "ا", "ة": "ه", "ي": "ى"})


def _person(k: int) -> str:
    # Person k: given name, father's and grandfather's names and nisba from k, as Arabic names tell
    # people apart, so many people share a given name, a nisba or both (and 128,000 are distinct).
    n_given, n_nisba = len(GIVEN), len(NISBA)
    parts = [GIVEN[k % n_given], GIVEN[(k // n_given) % n_given]]
    if k >= n_given * n_given * n_nisba:
        parts.append(GIVEN[(k // (n_given * n_given * n_nisba)) % n_given])
    return " ".join([*parts, NISBA[(k // (n_given * n_given)) % n_nisba]])


def _variant(rng: random.Random, name: str) -> str:
    roll = rng.random()
    if roll < 0.2:
        name = "أبو " + name
    elif roll < 0.4:
        name = name.translate(SPELLING)
    return rng.choice(TITLES) + name


def make_mentions(n: int, seed: int = 0) -> pl.DataFrame:
    """`n` PERSON/ORG/LOC mentions in the extracted_mentions shape, ~20 per article."""
    rng = random.Random(seed)
    n_people = max(50, n // 40)
    rows = []
    for i in range(n):
        article = f"art{i // 20:07d}"
        offset = (i % 20) * 40
        roll = rng.random()
        if roll < 0.6:
            surface = _variant(rng, _person(rng.randrange(n_people)))
            etype, attrs = "PERSON", {}
        elif roll < 0.8:
            ref = rng.choice(["centcom", "isis", "sdf", "coalition", "sohr"])
            surface, etype, attrs = ref, "ORG", {"ref_id": ref}
        else:
            ref, admin1, lat, lon = rng.choice(PLACES)
            surface, etype, attrs = (
                ref,
                "LOC",
                {"ref_id": ref, "admin1": admin1, "latitude": lat, "longitude": lon},
            )
        rows.append((f"{article}:{etype[0]}{offset}-{offset + len(surface)}", article, "b1", etype, surface,
                     normalize_text(surface), offset, offset + len(surface), None, json.dumps(attrs, ensure_ascii=False)))  # fmt: skip
    frame = pl.DataFrame(rows, schema=warehouse.columns("extracted_mentions"), orient="row")
    return warehouse.conform(frame, "extracted_mentions")


def make_event_frames_with_mentions(n: int, seed: int = 0) -> tuple[pl.DataFrame, pl.DataFrame]:
    """`n` event frames (about five reports per real event) and the PERSON mentions they target."""
    rng = random.Random(seed)
    n_events = max(1, n // 5)
    start = date(2015, 1, 1)
    frames, mentions = [], []
    for i in range(n):
        event = rng.randrange(n_events)
        erng = random.Random(event * 7919 + seed)
        day = start + timedelta(days=erng.randrange(3650))
        ref, admin1, lat, lon = PLACES[erng.randrange(len(PLACES))]
        article = f"ev{i:07d}"
        target = _variant(rng, _person(event))
        mention = f"{article}:P0-{len(target)}"
        mentions.append(
            (mention, article, "b1", "PERSON", target, normalize_text(target), 0, len(target), None, "{}")
        )
        month_only = rng.random() < 0.2
        drift = 1 if rng.random() < 0.1 else 0
        frames.append({
            "frame_id": f"{article}:ev10", "article_id": article, "batch_id": "b1", "is_background": False,
            "event_type": TYPES[erng.randrange(len(TYPES))] if rng.random() > 0.1 else "air_strike",
            "trigger": "غارة", "trigger_start": 10,
            "reported_date": (day + timedelta(days=drift)).strftime("%Y-%m" if month_only else "%Y-%m-%d"),
            "date_precision": "month" if month_only else "day",
            "place_ref": ref if rng.random() < 0.7 else None, "admin1": admin1, "country": "sy",
            "latitude": lat, "longitude": lon,
            "reported_killed": erng.randrange(1, 4) + (1 if rng.random() < 0.1 else 0),
            "target_mentions": [mention], "target_roles": [rng.choice(["قيادي", "زعيم", None])],
            "actor_refs": ["centcom"], "partner_refs": [],
            "partner_claim": rng.choice([None, "joint", "unilateral"]),
        })  # fmt: skip
    mention_frame = pl.DataFrame(mentions, schema=warehouse.columns("extracted_mentions"), orient="row")
    return (
        warehouse.conform(pl.DataFrame(frames, infer_schema_length=None), "event_frames"),
        warehouse.conform(mention_frame, "extracted_mentions"),
    )
