"""Scores against the ANT-2018 event gold (a folder holding `gold.yaml`): entities, events, conflicts.

The gold annotates real multi-outlet news by article (`docno`): the events each article reports, the people
and organizations it names, and the disagreements between articles. The system side is read from a
warehouse built from exactly those articles (see `tahqiq.ingest.ant.write_docno_batch`), so every article
maps back to its docno. Scoring functions take polars frames and plain values; only `read_gold` and
`read_system` touch files.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import polars as pl
import yaml
from tabulate import tabulate

from tahqiq import warehouse
from tahqiq.ingest.ant import docno_of_source_file
from tahqiq.text.normalize import normalize_text

GOLD_FILE = "gold.yaml"
DISTRACTOR_PREFIX = "other:"
MAX_LISTED = 10

# Our event types -> the gold types a report of that type may carry.
GOLD_TYPES_OF_EVENT_TYPE: dict[str, frozenset[str]] = {
    "air_strike": frozenset({"air_strike"}),
    "drone_strike": frozenset({"air_strike"}),
    "helicopter_raid": frozenset({"air_strike", "other"}),
    "ground_raid": frozenset({"clashes", "other"}),
    "airdrop": frozenset({"other"}),
    "arrest": frozenset({"other"}),
    "abduction": frozenset({"other"}),
    "attack": frozenset({"shooting", "killing", "other"}),
    "shooting": frozenset({"shooting"}),
    "killing": frozenset({"killing"}),
    "armed_clash": frozenset({"clashes"}),
    # ACLED files a taking of territory ("Government regains territory", "Non-state actor overtakes
    # territory") under Battles.
    "territory_capture": frozenset({"clashes", "other"}),
    "military_operation": frozenset({"other"}),
    "clashes": frozenset({"clashes"}),
    "shelling": frozenset({"shelling"}),
    "missile_attack": frozenset({"missile_attack"}),
    "shelling_or_missile_attack": frozenset({"shelling", "missile_attack"}),
    "bombing": frozenset({"bombing"}),
    "suicide_bomb": frozenset({"bombing"}),
    "remote_explosive": frozenset({"bombing"}),
}

# Conflict attributes (ours and the gold's) -> the family they are scored in; anything else is "other".
ATTRIBUTE_FAMILY: dict[str, str] = {
    "killed": "casualties", "wounded": "casualties", "detained": "casualties",
    "date": "date", "event_date": "date",
    "place": "place", "region": "place", "admin1": "place", "governorate": "place",
    "actor": "actor", "target": "target",
    "type": "type", "event_type": "type",
    "claim": "claim", "claim_source": "claim",
    "control": "claim",  # the gold files how much of a place was taken ("degree of control") under claim
    "partner": "partner",
}  # fmt: skip
FAMILIES = ("casualties", "date", "place", "actor", "target", "type", "claim", "partner", "other")

# Spelling variants of admin1 names that no loose comparison joins.
ADMIN1_ALIASES = {
    "hodeidah": "hudaydah", "sweida": "suwayda", "sueida": "suwayda", "ruraldamascus": "rifdimashq",
    "damascuscountryside": "rifdimashq", "sadah": "saada", "sada": "saada", "dayrazzawr": "deirezzor",
    "deirezzor": "deirezzor", "deiralzor": "deirezzor", "halab": "aleppo", "dimashq": "damascus",
    "banadir": "banaadir", "jizan": "jazan", "jawa timur": "eastjava", "jawatimur": "eastjava",
}  # fmt: skip
ADMIN1_NOISE_WORDS = {"governorate", "province", "region", "muhafazat", "mintaqat", "state", "of",
                      "al", "as", "ad", "ar", "ash", "az", "an", "at", "el", "ez", "es"}  # fmt: skip


# ---------------------------------------------------------------- reading


def read_gold(gold_dir: Path) -> dict:
    path = Path(gold_dir) / GOLD_FILE
    if not path.is_file():
        raise FileNotFoundError(f"no {GOLD_FILE} in {gold_dir}")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _text(value: object) -> str | None:
    """YAML reads 2018-05-10 as a date and 23 as an int; the scores compare strings."""
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def gold_entity_items(gold: dict) -> pl.DataFrame:
    """One row per (article, type, surface) the annotator marked, with its canonical name."""
    rows = []
    for docno, article in gold["articles"].items():
        for entity_type, key in (("PERSON", "people"), ("ORG", "orgs")):
            for item in article.get(key) or []:
                rows.append({"docno": docno, "entity_type": entity_type, "surface": str(item["surface_ar"]),
                             "canonical": str(item["canonical"])})
    frame = pl.DataFrame(rows, schema={"docno": pl.Utf8, "entity_type": pl.Utf8, "surface": pl.Utf8,
                                       "canonical": pl.Utf8})
    return frame.unique(["docno", "entity_type", "surface"], keep="first", maintain_order=True)


def gold_reports(gold: dict) -> pl.DataFrame:
    rows = []
    for docno, article in gold["articles"].items():
        for index, report in enumerate(article.get("reports") or []):
            rows.append({
                "docno": docno, "report": index, "event": str(report["event"]), "role": report.get("role"),
                "date": _text(report.get("date")), "date_precision": report.get("date_precision"),
                "admin1": report.get("admin1"), "country": report.get("country"),
                "killed": report.get("killed"), "outlet": article.get("outlet"),
            })  # fmt: skip
    return pl.DataFrame(rows, schema={
        "docno": pl.Utf8, "report": pl.Int64, "event": pl.Utf8, "role": pl.Utf8, "date": pl.Utf8,
        "date_precision": pl.Utf8, "admin1": pl.Utf8, "country": pl.Utf8, "killed": pl.Int64, "outlet": pl.Utf8,
    })  # fmt: skip


def gold_events(gold: dict) -> dict[str, dict]:
    return {str(k): {**v, "date": _text(v.get("date"))} for k, v in (gold.get("events") or {}).items()}


def gold_conflicts(gold: dict) -> list[dict]:
    return [
        {"event": str(c["event"]), "attribute": str(c["attribute"]), "kind": c.get("kind"),
         "values": {str(value): [str(d) for d in docnos] for value, docnos in c["values"].items()},
         "note": c.get("note")}
        for c in gold.get("conflicts") or []
    ]  # fmt: skip


@dataclass
class System:
    """What the warehouse says about the gold's articles, keyed by docno."""

    docno_of_article: dict[str, str]
    mentions: pl.DataFrame  # docno, entity_type, surface, entity_id
    entity_names: dict[str, str]
    reports: pl.DataFrame  # docno, event_id, role, reported_date, reported_type, reported_killed
    events: pl.DataFrame  # event_id, event_type, event_date, admin1, country
    conflicts: pl.DataFrame  # conflict_id, subject_kind, attribute, values (JSON)


def read_system(warehouse_path: Path, gold_docnos: set[str]) -> System:
    with warehouse.reader(warehouse_path) as con:
        articles = con.execute("SELECT article_id, source_file FROM articles").fetchall()
        docno_of_article = {
            article_id: docno_of_source_file(source_file)
            for article_id, source_file in articles
            if docno_of_source_file(source_file) in gold_docnos
        }
        mentions = con.execute(
            "SELECT article_id, entity_type, surface, entity_id FROM mentions "
            "WHERE entity_type IN ('PERSON', 'ORG')").pl()  # fmt: skip
        entity_names = dict(con.execute("SELECT entity_id, canonical_name FROM entities").fetchall())
        reports = con.execute("SELECT * FROM event_reports").pl()
        events = con.execute("SELECT * FROM events").pl()
        conflicts = con.execute("SELECT * FROM conflicts").pl()
    to_docno = pl.col("article_id").replace_strict(docno_of_article, default=None)
    mentions = mentions.with_columns(docno=to_docno).drop_nulls("docno").drop("article_id")
    reports = reports.with_columns(docno=to_docno).drop_nulls("docno")
    if "role" not in reports.columns:
        background = reports["is_background"].fill_null(False)
        reports = reports.with_columns(role=pl.when(background).then(pl.lit("background")).otherwise(pl.lit("main")))
    for column in ("reported_type", "reported_date", "reported_killed"):
        if column not in reports.columns:
            reports = reports.with_columns(pl.lit(None).alias(column))
    reports = reports.select("docno", "event_id", "role", "reported_date", "reported_type", "reported_killed")
    events = events.select("event_id", "event_type", "event_date", "admin1", "country")
    return System(docno_of_article, mentions, entity_names, reports, events, conflicts)


# ---------------------------------------------------------------- shared measures


def pair_scores(assignments: list[tuple[str, str]]) -> dict:
    """Pairwise precision/recall/F1 of (gold cluster, system cluster) per item."""

    def pairs(counter: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counter.values())

    true = pairs(Counter(assignments))
    predicted = pairs(Counter(s for _, s in assignments))
    gold = pairs(Counter(g for g, _ in assignments))
    return {**_prf(true, predicted, gold), "true_pairs": true, "system_pairs": predicted, "gold_pairs": gold,
            "items": len(assignments)}  # fmt: skip


def bcubed_scores(assignments: list[tuple[str, str]]) -> dict:
    """B-cubed precision/recall/F1: per item, the share of its system cluster in its gold cluster and back."""
    if not assignments:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    both = Counter(assignments)
    system = Counter(s for _, s in assignments)
    gold = Counter(g for g, _ in assignments)
    precision = sum(both[(g, s)] / system[s] for g, s in assignments) / len(assignments)
    recall = sum(both[(g, s)] / gold[g] for g, s in assignments) / len(assignments)
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(_f1(precision, recall), 4)}


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _prf(true: int, predicted: int, gold: int) -> dict:
    precision = true / predicted if predicted else 1.0
    recall = true / gold if gold else 1.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(_f1(precision, recall), 4)}


def _share(right: int, total: int) -> dict:
    return {"right": right, "total": total, "accuracy": round(right / total, 4) if total else None}


# ---------------------------------------------------------------- names


PROCLITIC_CONJUNCTIONS = ("و", "ف")
PROCLITIC_PREPOSITIONS = ("ب", "ل", "ك")
MIN_STEM = 2


def _strip_proclitics(token: str) -> str:
    """و/ف, then ب/ل/ك, then the article ال (لل = ل + ال), each only when a stem is left."""
    if token.startswith(PROCLITIC_CONJUNCTIONS) and len(token) - 1 > MIN_STEM:
        token = token[1:]
    if token.startswith("لل") and len(token) - 2 >= MIN_STEM:
        return token[2:]
    if token.startswith(PROCLITIC_PREPOSITIONS) and len(token) - 1 > MIN_STEM:
        token = token[1:]
    if token.startswith("ال") and len(token) - 2 >= MIN_STEM:
        token = token[2:]
    return token


def name_tokens(surface: str) -> tuple[str, ...]:
    """The loose matching form of a name: normalized, no hashtag or punctuation, proclitics off each word."""
    text = normalize_text(surface).replace("#", " ").replace("_", " ")
    words = re.findall(r"\w+", text)
    return tuple(_strip_proclitics(w) for w in words if w)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


HIGH_TOKEN_OVERLAP = 0.6


def name_match_strength(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """3 same words, 2 one name inside the other, 1 most words shared, 0 no match."""
    if not a or not b:
        return 0
    if a == b:
        return 3
    if _contains(a, b) or _contains(b, a):
        return 2
    shared, union = len(set(a) & set(b)), len(set(a) | set(b))
    return 1 if union and shared / union >= HIGH_TOKEN_OVERLAP else 0


# ---------------------------------------------------------------- entities


def match_entity_items(gold_items: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """Each gold (article, type, surface) with the system entity its best-matching mentions name most
    (null when no mention of that type in that article matches it)."""
    by_article: dict[tuple[str, str], list[tuple[tuple[str, ...], str | None]]] = defaultdict(list)
    for row in mentions.iter_rows(named=True):
        by_article[(row["docno"], row["entity_type"])].append((name_tokens(row["surface"]), row["entity_id"]))
    entity_ids = []
    for row in gold_items.iter_rows(named=True):
        gold_form = name_tokens(row["surface"])
        scored = [(name_match_strength(gold_form, form), entity_id)
                  for form, entity_id in by_article.get((row["docno"], row["entity_type"]), [])]
        best = max((s for s, _ in scored), default=0)
        if best == 0:
            entity_ids.append(None)
            continue
        votes = Counter(entity_id or "unresolved" for s, entity_id in scored if s == best)
        entity_ids.append(max(sorted(votes), key=votes.__getitem__))
    return gold_items.with_columns(entity_id=pl.Series(entity_ids, dtype=pl.Utf8))


def unmatched_people(gold_items: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """System PERSON mentions (distinct per article and surface) that match no gold person of their article."""
    gold_people: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for row in gold_items.filter(pl.col("entity_type") == "PERSON").iter_rows(named=True):
        gold_people[row["docno"]].append(name_tokens(row["surface"]))
    people = mentions.filter(pl.col("entity_type") == "PERSON").unique(["docno", "surface"]).sort("docno", "surface")
    unmatched = [
        not any(name_match_strength(name_tokens(surface), form) for form in gold_people.get(docno, []))
        for docno, surface in people.select("docno", "surface").iter_rows()
    ]
    return people.filter(pl.Series(unmatched, dtype=pl.Boolean)).select("docno", "surface", "entity_id")


def _entity_cluster(row: dict) -> str:
    return row["entity_id"] if row["entity_id"] not in (None, "unresolved") else f"alone:{row['docno']}:{row['surface']}"


def worst_merges(matched: pl.DataFrame, names: dict[str, str] | None = None, limit: int = MAX_LISTED) -> list[dict]:
    """System entities holding several gold canonicals, most false pairs first."""
    out = []
    for (entity_id,), group in matched.filter(pl.col("entity_id").is_not_null() & (pl.col("entity_id") != "unresolved")
                                              ).group_by(["entity_id"]):
        canonicals = Counter(group["canonical"])
        if len(canonicals) < 2:
            continue
        false_pairs = sum(a * b for a, b in combinations(canonicals.values(), 2))
        out.append({
            "entity_id": entity_id, "system_name": (names or {}).get(entity_id), "false_pairs": false_pairs,
            "gold": [{"canonical": c, "surfaces": sorted(set(g["surface"])), "docnos": sorted(set(g["docno"]))}
                     for (c,), g in group.group_by(["canonical"], maintain_order=True)],
        })  # fmt: skip
    return sorted(out, key=lambda m: (-m["false_pairs"], m["entity_id"]))[:limit]


def worst_splits(matched: pl.DataFrame, names: dict[str, str] | None = None, limit: int = MAX_LISTED) -> list[dict]:
    """Gold canonicals spread over several system entities, most missed pairs first."""
    found = matched.filter(pl.col("entity_id").is_not_null())
    out = []
    for (canonical,), group in found.group_by(["canonical"]):
        clusters = Counter(_entity_cluster(r) for r in group.iter_rows(named=True))
        if len(clusters) < 2:
            continue
        missed_pairs = sum(a * b for a, b in combinations(clusters.values(), 2))
        parts = defaultdict(list)
        for r in group.iter_rows(named=True):
            parts[_entity_cluster(r)].append(r)
        out.append({
            "canonical": canonical, "missed_pairs": missed_pairs,
            "system": [{"entity_id": k, "system_name": (names or {}).get(k),
                        "surfaces": sorted({r["surface"] for r in rs}), "docnos": sorted({r["docno"] for r in rs})}
                       for k, rs in sorted(parts.items())],
        })  # fmt: skip
    return sorted(out, key=lambda s: (-s["missed_pairs"], s["canonical"]))[:limit]


def score_entities(gold_items: pl.DataFrame, mentions: pl.DataFrame, names: dict[str, str] | None = None) -> dict:
    matched = match_entity_items(gold_items, mentions)
    result: dict = {"mention_recall": {}, "pairwise": {}}
    for label, types in (("PERSON", ("PERSON",)), ("ORG", ("ORG",)), ("all", ("PERSON", "ORG"))):
        part = matched.filter(pl.col("entity_type").is_in(types))
        found = part.filter(pl.col("entity_id").is_not_null())
        if label != "all":
            result["mention_recall"][label] = {"found": found.height, "gold": part.height,
                                               "recall": round(found.height / part.height, 4) if part.height else None}
        assignments = [(f"{r['entity_type']}:{r['canonical']}", _entity_cluster(r)) for r in found.iter_rows(named=True)]
        result["pairwise"][label] = pair_scores(assignments)
    result["worst_merges"] = worst_merges(matched, names)
    result["worst_splits"] = worst_splits(matched, names)
    false_people = unmatched_people(gold_items, mentions)
    result["unmatched_people"] = {
        "count": false_people.height,
        "sample": [{"docno": d, "surface": s} for d, s, _ in false_people.head(2 * MAX_LISTED).iter_rows()],
    }
    result["missed_sample"] = [
        {"docno": r["docno"], "type": r["entity_type"], "surface": r["surface"], "canonical": r["canonical"]}
        for r in matched.filter(pl.col("entity_id").is_null()).head(2 * MAX_LISTED).iter_rows(named=True)
    ]
    return result


# ---------------------------------------------------------------- dates and places


def date_bounds(value: str | None) -> tuple[dt.date, dt.date] | None:
    """A date value as the first and last day it may mean: 2018, 2018-05, 2018-05-10, or a/b intervals.

    The yardstick keeps its own reading rather than the pipeline's, so a fault there cannot agree with itself."""
    if not value:
        return None
    if "/" in value:
        start, end = (date_bounds(part) for part in value.split("/", 1))
        return (start[0], end[1]) if start and end else None
    text = value.strip()[:10]
    try:
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = int(text[:4]), int(text[5:])
            after = dt.date(year + month // 12, month % 12 + 1, 1)
            return dt.date(year, month, 1), after - dt.timedelta(days=1)
        day = dt.date.fromisoformat(text)
        return day, day
    except ValueError:
        return None


def date_distance_days(a: str | None, b: str | None) -> int | None:
    """Days between two date values' bounds (0 when they overlap); None when either is unknown."""
    left, right = date_bounds(a), date_bounds(b)
    if left is None or right is None:
        return None
    if left[1] < right[0]:
        return (right[0] - left[1]).days
    if right[1] < left[0]:
        return (left[0] - right[1]).days
    return 0


def gold_date_right(gold_date: str | None, gold_precision: str | None, system_date: str | None) -> bool:
    """Right when the system's date lies inside the gold's (a day for a day, within the month for a month)."""
    gold, system = date_bounds(gold_date), date_bounds(system_date)
    if gold is None or system is None:
        return False
    if gold_precision == "month" and gold[0] == gold[1]:  # month dates are also written 2018-01-01
        gold = date_bounds(gold_date[:7])
    return gold[0] <= system[0] and system[1] <= gold[1]


def admin1_key(name: str | None) -> str:
    """A governorate's name reduced for loose comparison (Al Hudaydah, sy-suwayda, As-Suwayda Governorate)."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"^[a-z]{2}-", "", text)  # our ids carry the country: sy-rif-dimashq
    text = re.sub(r"['`]", "", text)
    words = [w for w in re.split(r"[^a-z]+", text) if w and w not in ADMIN1_NOISE_WORDS]
    key = "".join(words)
    return ADMIN1_ALIASES.get(key, key)


def admin1_right(gold: str | None, system: str | None) -> bool:
    g, s = admin1_key(gold), admin1_key(system)
    return bool(g and s) and (g == s or (min(len(g), len(s)) >= 4 and (g in s or s in g)))


def country_right(gold: str | None, system: str | None) -> bool:
    return bool(gold and system) and gold.strip().upper() == system.strip().upper()


def type_right(gold_type: str | None, system_type: str | None) -> bool:
    return bool(system_type) and gold_type in GOLD_TYPES_OF_EVENT_TYPE.get(system_type, frozenset())


# ---------------------------------------------------------------- events


def align_reports(gold: pl.DataFrame, system: pl.DataFrame, gold_event_types: dict[str, str]) -> pl.DataFrame:
    """Each gold report with the system report of its article it is aligned to (event_id null when none):
    one-to-one within an article, cheapest first by date distance, then role, killed figure and type: a
    system report that tells an article's background event with that event's date is that event's
    report, whichever role the system gave it."""
    system_by_docno: dict[str, list[dict]] = defaultdict(list)
    for row in system.iter_rows(named=True):
        system_by_docno[row["docno"]].append(row)
    aligned: dict[tuple[str, int], dict] = {}
    for (docno,), reports in gold.group_by(["docno"], maintain_order=True):
        options = []
        candidates = system_by_docno.get(docno, [])
        for g in reports.iter_rows(named=True):
            for j, s in enumerate(candidates):
                # A month or a year is compared as the days it spans ("2016-03" is no evidence for a
                # report of 2018-02, but against it).
                written = {"month": 7, "year": 4}.get(g["date_precision"] or "")
                gold_date = g["date"][:written] if g["date"] and written else g["date"]
                distance = date_distance_days(gold_date, s["reported_date"])
                # An article that gives no date, or only a month the report's date falls in, is no
                # evidence either way: after a day that agrees, before one a day off.
                undated = g["date"] is None or (written is not None and distance in (0, None))
                cost = (
                    0.5 if undated else distance if distance is not None else 10**6,
                    g["role"] != s["role"],
                    g["killed"] is not None and g["killed"] != s["reported_killed"],
                    not type_right(gold_event_types.get(g["event"]), s["reported_type"]),
                    j,
                )
                options.append((cost, g["report"], j))
        taken_gold, taken_system = set(), set()
        for _, report, j in sorted(options):
            if report in taken_gold or j in taken_system:
                continue
            taken_gold.add(report)
            taken_system.add(j)
            aligned[(docno, report)] = candidates[j]
    columns = {"event_id": [], "reported_date": [], "reported_type": [], "reported_killed": []}
    for docno, report in gold.select("docno", "report").iter_rows():
        s = aligned.get((docno, report), {})
        for column, values in columns.items():
            values.append(s.get(column))
    return gold.with_columns(
        event_id=pl.Series(columns["event_id"], dtype=pl.Utf8),
        reported_date=pl.Series(columns["reported_date"], dtype=pl.Utf8),
        reported_type=pl.Series(columns["reported_type"], dtype=pl.Utf8),
        reported_killed=pl.Series([None if v is None else int(v) for v in columns["reported_killed"]], dtype=pl.Int64),
    )


def _report_cluster(row: dict) -> str:
    return row["event_id"] or f"none:{row['docno']}:{row['report']}"


def merged_distractors(aligned: pl.DataFrame) -> list[dict]:
    """Gold `other:` events whose articles share a system event with a real gold event's articles."""
    found = aligned.filter(pl.col("event_id").is_not_null())
    real = found.filter(~pl.col("event").str.starts_with(DISTRACTOR_PREFIX))
    real_events_of_system: dict[str, set[str]] = defaultdict(set)
    for event, event_id in real.select("event", "event_id").iter_rows():
        real_events_of_system[event_id].add(event)
    out = []
    for row in found.filter(pl.col("event").str.starts_with(DISTRACTOR_PREFIX)).iter_rows(named=True):
        for event in sorted(real_events_of_system.get(row["event_id"], ())):
            docnos = sorted(real.filter((pl.col("event") == event) & (pl.col("event_id") == row["event_id"]))["docno"])
            out.append({"distractor": row["event"], "distractor_docno": row["docno"], "merged_into": event,
                        "system_event": row["event_id"], "with_docnos": docnos})
    return out


def articles_without_event(gold: pl.DataFrame, system: pl.DataFrame) -> list[str]:
    with_main = set(gold.filter(pl.col("role") == "main")["docno"])
    return sorted(with_main - set(system["docno"]))


def _majority(values: list) -> object:
    present = [v for v in values if v is not None]
    return Counter(present).most_common(1)[0][0] if present else None


def per_event_accuracy(aligned: pl.DataFrame, events: pl.DataFrame, gold_event_table: dict[str, dict]) -> list[dict]:
    """Per real gold event: the system event most of its reports map to, and whether that event's date,
    country, admin1 and type are the gold's (admin1 and country: the gold reports' majority)."""
    system_events = {row["event_id"]: row for row in events.iter_rows(named=True)}
    out = []
    for event, spec in sorted(gold_event_table.items()):
        reports = aligned.filter(pl.col("event") == event)
        if reports.is_empty():
            continue
        event_ids = [e for e in reports["event_id"] if e is not None]
        chosen = Counter(event_ids).most_common(1)[0][0] if event_ids else None
        system = system_events.get(chosen, {})
        gold_country = _majority(list(reports["country"]))
        gold_admin1 = _majority(list(reports["admin1"]))
        out.append({
            "event": event, "articles": reports["docno"].n_unique(), "system_event": chosen,
            "share": round(event_ids.count(chosen) / reports.height, 4) if chosen else 0.0,
            "gold_date": spec.get("date"), "system_date": system.get("event_date"),
            "date_right": gold_date_right(spec.get("date"), spec.get("date_precision"), system.get("event_date")),
            "gold_country": gold_country, "system_country": system.get("country"),
            "country_right": country_right(gold_country, system.get("country")),
            "gold_admin1": gold_admin1, "system_admin1": system.get("admin1"),
            "admin1_right": admin1_right(gold_admin1, system.get("admin1")),
            "gold_type": spec.get("type"), "system_type": system.get("event_type"),
            "type_right": type_right(spec.get("type"), system.get("event_type")),
        })  # fmt: skip
    return out


def killed_accuracy(aligned: pl.DataFrame) -> dict:
    """Of the gold reports that give a killed figure (all, and the articles' main news): how many aligned
    system reports state that figure."""
    out = {}
    for label, reports in (("main", aligned.filter(pl.col("role") == "main")), ("all", aligned)):
        stated = reports.filter(pl.col("killed").is_not_null())
        right = stated.filter(pl.col("reported_killed") == pl.col("killed")).height
        out[label] = {**_share(right, stated.height), "without_system_report": stated["event_id"].null_count()}
    return out


def score_events(gold_report_rows: pl.DataFrame, system_reports: pl.DataFrame, system_events: pl.DataFrame,
                 gold_event_table: dict[str, dict]) -> dict:
    gold_types = {k: v.get("type") for k, v in gold_event_table.items()}
    aligned = align_reports(gold_report_rows, system_reports, gold_types)
    assignments = [(row["event"], _report_cluster(row)) for row in aligned.iter_rows(named=True)]
    per_event = per_event_accuracy(aligned, system_events, gold_event_table)
    return {
        "reports": aligned.height,
        "aligned": aligned.filter(pl.col("event_id").is_not_null()).height,
        "pairwise": pair_scores(assignments),
        "bcubed": bcubed_scores(assignments),
        "distractors_merged": merged_distractors(aligned),
        "articles_without_event": articles_without_event(gold_report_rows, system_reports),
        "per_event": per_event,
        "event_accuracy": {
            what: _share(sum(e[f"{what}_right"] for e in per_event), len(per_event))
            for what in ("date", "country", "admin1", "type")
        },
        "killed": killed_accuracy(aligned),
    }


# ---------------------------------------------------------------- conflicts


# Figures other than the toll that sources state differently (tahqiq.extract.counts.ACTS), each also of a group.
OTHER_FIGURES = ("missiles_fired", "missiles_intercepted", "abducted", "bombers", "displaced", "attackers")


def attribute_family(attribute: str) -> str:
    """The family an attribute is scored in. A group's count (civilians_killed, ru_nationals_killed) and
    any other figure (missiles fired or intercepted, people abducted, bombers, people displaced, attackers) is the gold's "claim": it
    files the toll under killed and any other figure sources give (civilians among the dead, Russians
    killed, attackers killed, hostages, missiles) under claim."""
    if attribute in ATTRIBUTE_FAMILY:
        return ATTRIBUTE_FAMILY[attribute]
    if attribute.endswith(("_killed", "_wounded", "_detained")) or attribute.endswith(OTHER_FIGURES):
        return "claim"
    return "other"


def system_conflict_values(values_json: str | list, docno_of_article: dict[str, str]) -> dict[str, set[str]]:
    """A conflicts.values cell as {value: the docnos of the articles that state it}."""
    values = json.loads(values_json) if isinstance(values_json, str) else values_json
    return {
        str(v["value"]): {docno_of_article.get(a, a) for a in v.get("article_ids") or []}
        for v in values or []
    }


def conflict_matches(system_values: dict[str, set[str]], gold_values: dict[str, list[str]]) -> bool:
    """Two of the system's distinct values are stated by two different articles that the gold puts in two
    different groups (the gold sometimes lists one article under two values; that alone is not a conflict)."""
    gold_groups = [set(docnos) for docnos in gold_values.values()]
    witnesses = {
        value: {(docno, i) for i, group in enumerate(gold_groups) for docno in articles & group}
        for value, articles in system_values.items()
    }
    return any(
        a_docno != b_docno and a_group != b_group
        for a, b in combinations(witnesses, 2)
        for a_docno, a_group in witnesses[a]
        for b_docno, b_group in witnesses[b]
    )


def single_article(system_values: dict[str, set[str]]) -> bool:
    stated_by = set().union(*system_values.values()) if system_values else set()
    return len(stated_by) <= 1


def within_one_event(gold_values: dict[str, list[str]], events_of_docno: dict[str, set[str]]) -> bool:
    """Two articles the gold puts under two different values have reports in one system event: the conflict
    is there for the conflicts code to find; otherwise event clustering keeps its sides apart."""
    groups = [set(docnos) for docnos in gold_values.values()]
    return any(
        a != b and events_of_docno.get(a, set()) & events_of_docno.get(b, set())
        for x, y in combinations(groups, 2)
        for a in x
        for b in y
    )


def score_conflicts(
    system_rows: list[dict], gold_rows: list[dict], events_of_docno: dict[str, set[str]] | None = None
) -> dict:
    """system_rows: {conflict_id, attribute, values: {value: docnos}}; gold_rows as `gold_conflicts` gives;
    events_of_docno (docno -> its system event ids), when given, splits the gold conflicts by whether event
    clustering put their sides in one event (a diagnostic beside the scores, which it leaves unchanged)."""
    matched_system, matched_gold = set(), set()
    for s in system_rows:
        for k, g in enumerate(gold_rows):
            if attribute_family(s["attribute"]) == attribute_family(g["attribute"]) and conflict_matches(
                s["values"], g["values"]
            ):
                matched_system.add(s["conflict_id"])
                matched_gold.add(k)
    families = {}
    for family in FAMILIES:
        system_ids = [s["conflict_id"] for s in system_rows if attribute_family(s["attribute"]) == family]
        gold_ids = [k for k, g in enumerate(gold_rows) if attribute_family(g["attribute"]) == family]
        if not system_ids and not gold_ids:
            continue
        families[family] = _family_scores(system_ids, gold_ids, matched_system, matched_gold)
    overall = _family_scores([s["conflict_id"] for s in system_rows], list(range(len(gold_rows))),
                             matched_system, matched_gold)
    one_article = [s for s in system_rows if single_article(s["values"])]
    clustering = None
    if events_of_docno is not None:
        joined = [k for k, g in enumerate(gold_rows) if within_one_event(g["values"], events_of_docno)]
        clustering = {"within_one_event": len(joined), "found_within": sum(k in matched_gold for k in joined),
                      "apart": len(gold_rows) - len(joined),
                      "found_apart": len(matched_gold - set(joined))}  # fmt: skip
    return {
        "families": families, "overall": overall, "clustering": clustering,
        "single_article": {"count": len(one_article),
                           "sample": [{"conflict_id": s["conflict_id"], "attribute": s["attribute"],
                                       "docnos": sorted(set().union(*s["values"].values()))}
                                      for s in one_article[:MAX_LISTED]]},
        "gold_missed": [{"event": g["event"], "attribute": g["attribute"], "kind": g["kind"], "note": g.get("note"),
                         "within_one_event": None if events_of_docno is None
                         else within_one_event(g["values"], events_of_docno)}
                        for k, g in enumerate(gold_rows) if k not in matched_gold],
        "system_unmatched": [{"conflict_id": s["conflict_id"], "attribute": s["attribute"],
                              "values": {value: sorted(docnos) for value, docnos in s["values"].items()}}
                             for s in system_rows if s["conflict_id"] not in matched_system],
    }  # fmt: skip


def _family_scores(system_ids: list[str], gold_ids: list[int], matched_system: set, matched_gold: set) -> dict:
    right_system = sum(i in matched_system for i in system_ids)
    found_gold = sum(k in matched_gold for k in gold_ids)
    precision = right_system / len(system_ids) if system_ids else None
    recall = found_gold / len(gold_ids) if gold_ids else None
    return {"system": len(system_ids), "system_matched": right_system, "gold": len(gold_ids), "gold_found": found_gold,
            "precision": None if precision is None else round(precision, 4),
            "recall": None if recall is None else round(recall, 4)}  # fmt: skip


def system_conflict_rows(conflicts: pl.DataFrame, docno_of_article: dict[str, str]) -> list[dict]:
    return [
        {"conflict_id": r["conflict_id"], "attribute": r["attribute"], "subject_kind": r.get("subject_kind"),
         "values": system_conflict_values(r["values"], docno_of_article)}
        for r in conflicts.iter_rows(named=True)
    ]  # fmt: skip


# ---------------------------------------------------------------- one call per command


def evaluate_entities(gold: dict, system: System) -> dict:
    return score_entities(gold_entity_items(gold), system.mentions, system.entity_names)


def evaluate_events(gold: dict, system: System) -> dict:
    return score_events(gold_reports(gold), system.reports, system.events, gold_events(gold))


def evaluate_conflicts(gold: dict, system: System) -> dict:
    events_of_docno: dict[str, set[str]] = defaultdict(set)
    for docno, event_id in system.reports.select("docno", "event_id").iter_rows():
        events_of_docno[docno].add(event_id)
    return score_conflicts(system_conflict_rows(system.conflicts, system.docno_of_article), gold_conflicts(gold),
                           events_of_docno)  # fmt: skip


# ---------------------------------------------------------------- reports


def _number(value: object) -> str:
    return "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def _table(rows: list[list], headers: list[str]) -> str:
    return tabulate([[_number(v) for v in row] for row in rows], headers=headers, tablefmt="simple")


def _listing(items: list[str], limit: int = MAX_LISTED) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" (+{len(items) - limit} more)" if len(items) > limit else "")


def format_entities(result: dict) -> str:
    recall = result["mention_recall"]
    lines = ["Mention recall", _table([[t, r["found"], r["gold"], r["recall"]] for t, r in recall.items()],
                                      ["type", "found", "gold", "recall"]), ""]
    pairwise = result["pairwise"]
    lines += ["Same entity (pairwise, over the gold mentions found)",
              _table([[t, p["precision"], p["recall"], p["f1"], p["true_pairs"], p["system_pairs"], p["gold_pairs"]]
                      for t, p in pairwise.items()],
                     ["type", "precision", "recall", "F1", "true pairs", "system pairs", "gold pairs"]), ""]
    lines.append(f"Worst merges ({len(result['worst_merges'])} shown)")
    for merge in result["worst_merges"]:
        lines.append(f"  {merge['entity_id']} «{merge['system_name']}»: {merge['false_pairs']} false pairs")
        for g in merge["gold"]:
            lines.append(f"    {g['canonical']}: {' / '.join(g['surfaces'])} [{_listing(g['docnos'], 3)}]")
    lines += ["", f"Worst splits ({len(result['worst_splits'])} shown)"]
    for split in result["worst_splits"]:
        lines.append(f"  {split['canonical']}: {split['missed_pairs']} missed pairs")
        for s in split["system"]:
            lines.append(f"    {s['entity_id']}: {' / '.join(s['surfaces'])} [{_listing(s['docnos'], 3)}]")
    people = result["unmatched_people"]
    lines += ["", f"System PERSON mentions matching no gold person of their article: {people['count']} (sample)"]
    lines += [f"  {p['docno']}: {p['surface']}" for p in people["sample"]]
    lines += ["", "Gold mentions not found (sample)"]
    lines += [f"  {m['docno']} {m['type']}: {m['surface']} ({m['canonical']})" for m in result["missed_sample"]]
    return "\n".join(lines)


def format_events(result: dict) -> str:
    rows = [[what, result[what]["precision"], result[what]["recall"], result[what]["f1"]] for what in ("pairwise", "bcubed")]
    lines = [f"Event assignment ({result['aligned']} of {result['reports']} gold reports aligned to a system report)",
             _table(rows, ["measure", "precision", "recall", "F1"]), ""]
    merged = result["distractors_merged"]
    lines.append(f"Distractors merged into a real event: {len({m['distractor'] for m in merged})}")
    lines += [f"  {m['distractor']} ({m['distractor_docno']}) -> {m['merged_into']} via {m['system_event']} "
              f"[{_listing(m['with_docnos'], 3)}]" for m in merged]
    missing = result["articles_without_event"]
    lines += ["", f"Articles with a gold main report but no system event: {len(missing)}"]
    if missing:
        lines.append(f"  {_listing(missing, 20)}")
    accuracy = result["event_accuracy"]
    lines += ["", "Per gold event (the system event most of its reports map to)",
              _table([[e["event"], e["articles"], e["system_event"], e["share"],
                       f"{'ok' if e['date_right'] else 'x'} {e['system_date'] or '-'} ({e['gold_date']})",
                       f"{'ok' if e['country_right'] else 'x'} {e['system_country'] or '-'} ({e['gold_country']})",
                       f"{'ok' if e['admin1_right'] else 'x'} {e['system_admin1'] or '-'} ({e['gold_admin1']})",
                       f"{'ok' if e['type_right'] else 'x'} {e['system_type'] or '-'} ({e['gold_type']})"]
                      for e in result["per_event"]],
                     ["event", "articles", "system event", "share", "date (gold)", "country (gold)", "admin1 (gold)",
                      "type (gold)"]),
              "",
              _table([[what, a["right"], a["total"], a["accuracy"]] for what, a in accuracy.items()]
                     + [[f"own killed figure ({label} reports)", k["right"], k["total"], k["accuracy"]]
                        for label, k in result["killed"].items()],
                     ["accuracy", "right", "of", "share"]),
              f"({result['killed']['all']['without_system_report']} gold killed figures have no aligned system "
              f"report, {result['killed']['main']['without_system_report']} of them main)"]  # fmt: skip
    return "\n".join(lines)


def format_conflicts(result: dict) -> str:
    rows = [[family, s["precision"], s["recall"], s["system_matched"], s["system"], s["gold_found"], s["gold"]]
            for family, s in result["families"].items()]
    o = result["overall"]
    rows.append(["all", o["precision"], o["recall"], o["system_matched"], o["system"], o["gold_found"], o["gold"]])
    lines = ["Conflicts per attribute family",
             _table(rows, ["family", "precision", "recall", "system matched", "system", "gold found", "gold"]), ""]
    clustering = result.get("clustering")
    if clustering:
        lines += [f"Gold conflicts whose sides share a system event: {clustering['within_one_event']} "
                  f"(found {clustering['found_within']}); sides in separate events: {clustering['apart']} "
                  f"(found {clustering['found_apart']}), the misses event clustering owes", ""]
    lines += [f"System conflicts taking all their values from one article: {result['single_article']['count']}"]
    lines += [f"  {s['conflict_id']} {s['attribute']} [{_listing(s['docnos'], 3)}]" for s in result["single_article"]["sample"]]
    lines += ["", f"Gold conflicts not found: {len(result['gold_missed'])}"]
    side = {True: " [one system event]", False: " [sides apart]", None: ""}
    lines += [f"  {g['event']} {g['attribute']} ({g['kind']}){side[g.get('within_one_event')]}: {g['note']}"
              for g in result["gold_missed"][:MAX_LISTED]]
    unmatched = result.get("system_unmatched", [])
    lines += ["", f"System conflicts matching no gold conflict (invented, or missing from the gold): {len(unmatched)}"]
    lines += [f"  {s['conflict_id']} {s['attribute']}: "
              + "; ".join(f"{value} [{_listing(docnos, 3)}]" for value, docnos in s["values"].items())
              for s in unmatched[:MAX_LISTED]]
    return "\n".join(lines)


EVALUATIONS = {
    "entities": (evaluate_entities, format_entities),
    "events": (evaluate_events, format_events),
    "conflicts": (evaluate_conflicts, format_conflicts),
}
