"""Text a person reads in a terminal: query results and the list of source disagreements."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal

import polars as pl
from tabulate import tabulate

MAX_CELL = 80


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _cell(value) -> str:
    if value is None:
        return ""
    text = str(_plain(value)).replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def render_rows(names: list[str], rows: list[tuple], fmt: str = "table") -> str:
    """Query rows as an aligned table (long text cut), CSV, or JSON records."""
    if fmt == "json":
        return json.dumps([{k: _plain(v) for k, v in zip(names, row, strict=True)} for row in rows],
                          ensure_ascii=False, indent=2, default=str)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(names)
        writer.writerows([[_plain(v) for v in row] for row in rows])
        return out.getvalue().rstrip("\n")
    table = tabulate([[_cell(v) for v in row] for row in rows], headers=names, tablefmt="simple",
                     disable_numparse=True)
    return f"{table}\n({len(rows)} row{'s' if len(rows) != 1 else ''})"


def render_conflicts(conflicts: pl.DataFrame, outlet_of_article: dict[str, str]) -> str:
    """Each conflict as a short block: subject, attribute, then every value with the outlets stating it."""
    if conflicts.height == 0:
        return "No conflicts: the sources agree on everything tahqiq compared."
    blocks = []
    for row in conflicts.iter_rows(named=True):
        head = f"[{row['severity']}] {row['subject_kind']} {row['subject_label'] or row['subject_id']} " \
               f"({row['subject_id']}) — {row['attribute']}"
        lines = [head]
        for item in json.loads(row["values"] or "[]"):
            articles = item.get("article_ids") or []
            outlets = sorted({outlet_of_article.get(a, a) for a in articles})
            lines.append(f"    {item.get('value')!s:<30}  ← {', '.join(outlets)}")
        lines.append(f"    {row['explanation']}")
        if row.get("explanation_ar"):
            lines.append(f"    {row['explanation_ar']}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + f"\n\n{conflicts.height} conflicts."
