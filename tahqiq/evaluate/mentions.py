"""Extraction against hand-marked mentions (data/gold/*_mentions.json): precision, recall, F1 per type.

A gold mention is one distinct (surface, type) per article, so predictions are compared the same
way: the distinct (article key, surface, type) triples in the warehouse; a place named with its class
noun (محافظة الأنبار) counts by the name (الأنبار), while a region phrase (ريف حلب الشرقي) counts
whole, because the analyst marks the region; an organization behind its class noun (صحيفة الغارديان)
counts by its own name (الغارديان). DATE and COUNT are also
scored on their values: of the gold mentions found, how many carry the gold value (DATE only when
the gold marks it resolvable from the article and its metadata).
"""

from __future__ import annotations

import json
from pathlib import Path

from tahqiq import warehouse
from tahqiq.evaluate import print_report

TYPES = ("PERSON", "ORG", "LOC", "DATE", "COUNT", "WEAPON")


def _f1(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def scored_surface(surface: str, start: int, attrs: str | dict | None) -> str:
    """The part of a stored mention the gold marks: a place behind its class noun (محافظة الأنبار ->
    الأنبار; a region phrase stays whole), an organization behind one (صحيفة الغارديان -> الغارديان)."""
    attrs = json.loads(attrs) if isinstance(attrs, str) else (attrs or {})
    if attrs.get("toponym_start") is not None and attrs.get("place_kind") != "region":
        surface = surface[attrs["toponym_start"] - start : attrs["toponym_end"] - start]
    if attrs.get("name_start") is not None:
        surface = surface[attrs["name_start"] - start : attrs["name_end"] - start]
    return surface


def evaluate_mentions(gold_path: Path, warehouse_path: Path) -> dict:
    gold_files: dict[str, list[dict]] = json.loads(Path(gold_path).read_text(encoding="utf-8"))["files"]
    with warehouse.reader(warehouse_path) as con:
        rows = con.execute(
            "SELECT a.source_file, m.entity_type, m.value, m.surface, m.start_char, m.attrs "
            "FROM mentions m JOIN articles a USING (article_id)").fetchall()
    predicted: dict[tuple[str, str, str], set[str | None]] = {}
    for source_file, entity_type, value, *stored in rows:
        surface = scored_surface(*stored)
        if source_file in gold_files:
            predicted.setdefault((source_file, entity_type, surface), set()).add(value)
    gold = {(f, m["type"], m["surface"]): m for f, ms in gold_files.items() for m in ms}
    result: dict = {"gold": str(gold_path), "types": {}, "values": {}}
    for entity_type in TYPES:
        g = {k for k in gold if k[1] == entity_type}
        p = {k for k in predicted if k[1] == entity_type}
        result["types"][entity_type] = _f1(len(g & p), len(p - g), len(g - p))
    result["missed"] = _by_file(gold.keys() - predicted.keys())
    result["spurious"] = _by_file(predicted.keys() - gold.keys())
    total = [result["types"][t] for t in TYPES]
    result["types"]["micro"] = _f1(sum(t["tp"] for t in total), sum(t["fp"] for t in total),
                                   sum(t["fn"] for t in total))
    for entity_type in ("DATE", "COUNT"):
        checked = right = 0
        for key, mention in gold.items():
            if key[1] != entity_type or key not in predicted:
                continue
            if entity_type == "DATE" and not mention.get("resolvable", True):
                continue
            checked += 1
            right += str(mention.get("value")) in {str(v) for v in predicted[key]}
        result["values"][entity_type] = {"checked": checked, "right": right}
    return result


def _by_file(keys) -> dict[str, list[tuple[str, str]]]:
    """(file, type, surface) triples as {file: sorted [(type, surface)]}."""
    grouped: dict[str, list[tuple[str, str]]] = {}
    for source_file, entity_type, surface in sorted(keys):
        grouped.setdefault(source_file, []).append((entity_type, surface))
    return grouped


def format_mentions_report(result: dict) -> str:
    lines = [f"Extraction against {result['gold']}", "",
             f"{'type':<8} {'tp':>5} {'fp':>5} {'fn':>5} {'prec':>6} {'rec':>6} {'f1':>6}"]
    for name, s in result["types"].items():
        lines.append(f"{name:<8} {s['tp']:>5} {s['fp']:>5} {s['fn']:>5} "
                     f"{s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}")
    lines.append("")
    for name, v in result["values"].items():
        share = v["right"] / v["checked"] if v["checked"] else 0.0
        lines.append(f"{name} values right: {v['right']}/{v['checked']} ({share:.1%}) of the gold mentions found")
    for title, key in (("Missed (gold, not extracted)", "missed"), ("Spurious (extracted, not gold)", "spurious")):
        per_file = [
            f"  {source_file}: " + ", ".join(f"{t} {surface}" for t, surface in found)
            for source_file, found in result[key].items()
        ]
        lines += ["", f"{title}:", *(per_file or ["  none"])]
    return "\n".join(lines)


def cli(gold: Path, warehouse_path: Path) -> int:
    return print_report(evaluate_mentions, format_mentions_report, gold, warehouse_path)
