"""Pairwise precision/recall/F1 of entity merges and event clusters against a gold file.

Gold mentions map to warehouse mentions by (articles.source_file, surface): every occurrence of that
surface in that file, the surface scored as `tahqiq eval mentions` scores it (صحيفة الغارديان as الغارديان). Gold event reports map to event_reports by the article's source_file and event
type (and, when an article has several frames of compatible types, the closest reported date).
A gold item found nowhere in the warehouse counts as a singleton, so it lowers recall.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from tahqiq import warehouse
from tahqiq.dates.values import date_bounds
from tahqiq.evaluate import print_report
from tahqiq.evaluate.gold_ant import pair_scores
from tahqiq.evaluate.mentions import scored_surface
from tahqiq.resolve.events import types_compatible


def _entity_assignments(gold: dict, mentions: pl.DataFrame, types: tuple[str, ...]) -> tuple[list, int]:
    index: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for row in mentions.iter_rows(named=True):
        surface = scored_surface(row["surface"], row["start_char"], row["attrs"])
        index.setdefault((row["source_file"], surface, row["entity_type"]), []).append(
            (row["mention_id"], row["entity_id"] or f"none:{row['mention_id']}")
        )
    out, missing = [], 0
    for entity in gold.get("entities", []):
        if entity.get("type") not in types:
            continue
        seen = set()
        for m in entity.get("mentions", []):
            key = (m["file"], m["surface"], entity["type"])
            if key in seen:
                continue
            seen.add(key)
            found = index.get(key)
            if not found:
                missing += 1
                out.append((entity["id"], f"missing:{entity['id']}:{m['file']}:{m['surface']}"))
                continue
            out += [(entity["id"], predicted) for _, predicted in found]
    return out, missing


def _date_distance(row: dict, wanted: str | None) -> int:
    target, bounds = date_bounds(wanted), date_bounds(row["reported_date"])
    if target is None or bounds is None:
        return 10**5 if (target is None) != (bounds is None) else 0
    if bounds[1] < target[0]:
        return (target[0] - bounds[1]).days
    if target[1] < bounds[0]:
        return (bounds[0] - target[1]).days
    return 0


def _match_cost(row: dict, wanted_type: str | None, wanted_date: str | None, role: str | None) -> tuple:
    type_miss = 0 if types_compatible(row["reported_type"], wanted_type) else 1
    role_miss = 0 if role is None or (role == "background") == bool(row["is_background"]) else 1
    return (role_miss + type_miss, _date_distance(row, wanted_date), row["frame_id"] or "")


def _event_assignments(gold: dict, reports: pl.DataFrame) -> tuple[list, int]:
    """Each gold report takes one frame of its file: greedy by role, type and date, each frame once."""
    by_file: dict[str, list[dict]] = {}
    for row in reports.iter_rows(named=True):
        by_file.setdefault(row["source_file"], []).append(row)
    wanted: dict[str, list[tuple]] = {}
    for event in gold.get("events", []):
        for report in event.get("reports", []):
            wanted.setdefault(report["file"], []).append((
                event["id"], report.get("event_type") or event.get("event_type"),
                report.get("date") or event.get("date"), report.get("role"),
            ))  # fmt: skip
    out, missing = [], 0
    for file, items in wanted.items():
        options = [
            (_match_cost(row, etype, day, role), k, j)
            for k, (_, etype, day, role) in enumerate(items)
            for j, row in enumerate(by_file.get(file, []))
        ]
        taken_items, taken_rows = {}, set()
        for _, k, j in sorted(options):
            if k in taken_items or j in taken_rows:
                continue
            taken_items[k] = j
            taken_rows.add(j)
        for k, (event_id, *_rest) in enumerate(items):
            if k in taken_items:
                out.append((event_id, by_file[file][taken_items[k]]["event_id"]))
            else:
                missing += 1
                out.append((event_id, f"missing:{event_id}:{file}:{k}"))
    return out, missing


def evaluate_reconcile(gold_path: Path, warehouse_path: Path) -> dict:
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    con = warehouse.reader(warehouse_path)
    try:
        mentions = warehouse.read_frame(
            con,
            "SELECT m.mention_id, m.entity_type, m.surface, m.start_char, m.attrs, m.entity_id, a.source_file "
            "FROM mentions m JOIN articles a USING (article_id) WHERE m.entity_type IN ('PERSON', 'ORG')",
        )
        reports = warehouse.read_frame(
            con,
            "SELECT r.event_id, r.frame_id, r.reported_type, r.reported_date, r.is_background, a.source_file "
            "FROM event_reports r JOIN articles a USING (article_id)",
        )
    finally:
        con.close()
    result: dict = {"gold": str(gold_path)}
    for label, types in (("person", ("PERSON",)), ("org", ("ORG",)), ("entities", ("PERSON", "ORG"))):
        assignments, missing = _entity_assignments(gold, mentions, types)
        result[label] = {**pair_scores(assignments), "gold_mentions_not_found": missing}
    assignments, missing = _event_assignments(gold, reports)
    result["events"] = {**pair_scores(assignments), "gold_reports_not_found": missing}
    return result


def format_reconcile_report(result: dict) -> str:
    lines = [f"Reconciliation against {result['gold']}", "", "| what | precision | recall | F1 | pairs (true/pred/gold) | not found |",
             "|---|---|---|---|---|---|"]  # fmt: skip
    for label in ("person", "org", "entities", "events"):
        r = result[label]
        missing = r.get("gold_mentions_not_found", r.get("gold_reports_not_found", 0))
        lines.append(
            f"| {label} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | "
            f"{r['true_pairs']}/{r['system_pairs']}/{r['gold_pairs']} | {missing} |"
        )
    return "\n".join(lines)


def cli(gold: Path, warehouse_path: Path) -> int:
    return print_report(evaluate_reconcile, format_reconcile_report, gold, warehouse_path)
