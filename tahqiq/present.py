"""Text a person reads in a terminal: query results and the list of source disagreements."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal

import polars as pl

MAX_CELL = 80
# Left-to-right mark: in a bidi-aware terminal it keeps the columns in order and stops two adjacent
# Arabic cells from merging into one right-to-left run that would swap them.
LRM = "\u200e"


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


def _is_number(value) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _table(names: list[str], rows: list[tuple], bidi_marks: bool) -> str:
    """tabulate's aligned table; with wcwidth installed it measures display width, so Arabic
    diacritics and the invisible marks take no column."""
    import tabulate

    tabulate.WIDE_CHARS_MODE = True
    tabulate.MIN_PADDING = 0  # columns as wide as their widest cell or header, as psql and duckdb print them
    mark = LRM if bidi_marks else ""
    cells = [[mark + _cell(v) for v in row] for row in rows]
    numeric = [bool(rows) and all(row[i] is None or _is_number(row[i]) for row in rows) for i in range(len(names))]
    table = tabulate.tabulate(cells, headers=[mark + n for n in names], tablefmt="simple", disable_numparse=True,
                              colalign=["right" if n else "left" for n in numeric])
    return "\n".join(mark + line.rstrip() for line in table.splitlines())


def render_rows(names: list[str], rows: list[tuple], fmt: str = "table", bidi_marks: bool = False) -> str:
    """Query rows as an aligned table (long text cut), CSV, or JSON records.

    The table aligns by display width, so Arabic with diacritics lines up; `bidi_marks` adds invisible
    left-to-right marks for terminals that reorder Arabic (set it only when printing to a terminal).
    """
    if fmt == "json":
        return json.dumps([{k: _plain(v) for k, v in zip(names, row, strict=True)} for row in rows],
                          ensure_ascii=False, indent=2, default=str)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(names)
        writer.writerows([[_plain(v) for v in row] for row in rows])
        return out.getvalue().rstrip("\n")
    table = _table(names, rows, bidi_marks)
    return f"{table}\n({len(rows)} row{'s' if len(rows) != 1 else ''})"


MAX_EVIDENCE_SHOWN = 3


def _evidence_line(evidence: dict, outlet_of_article: dict[str, str]) -> str:
    """Where one value is stated: outlet, publication time, the sentence's offsets and whom it credits."""
    article = evidence.get("article_id") or ""
    start = evidence.get("start_char")
    where = f" chars {start}-{evidence.get('end_char')}" if start is not None else ""  # a report's type has no sentence
    parts = [outlet_of_article.get(article, article), (evidence.get("published_at") or "")[:16], article + where]
    if evidence.get("source"):
        parts.append(f"credits {evidence['source']}")
    return ", ".join(p for p in parts if p)


def render_conflicts(conflicts: pl.DataFrame, outlet_of_article: dict[str, str]) -> str:
    """Each conflict as a short block: subject, attribute and kind, every value with the outlets stating it
    and where (up to MAX_EVIDENCE_SHOWN sentences per value), then the explanation in English and Arabic."""
    if conflicts.height == 0:
        return "No conflicts: the sources agree on everything tahqiq compared."
    blocks = []
    for row in conflicts.iter_rows(named=True):
        head = f"[{row['severity']}] {row['subject_kind']} {row['subject_label'] or row['subject_id']} " \
               f"({row['subject_id']}) — {row['attribute']} ({row.get('kind') or 'disagreement'})"
        lines = [head]
        for item in json.loads(row["values"] or "[]"):
            articles = item.get("article_ids") or []
            outlets = sorted({outlet_of_article.get(a, a) for a in articles})
            lines.append(f"    {item.get('value')!s:<30}  ← {', '.join(outlets)}")
            for evidence in (item.get("evidence") or [])[:MAX_EVIDENCE_SHOWN]:
                lines.append(f"        {_evidence_line(evidence, outlet_of_article)}")
        lines.append(f"    {row['explanation']}")
        if row.get("explanation_ar"):
            lines.append(f"    {row['explanation_ar']}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + f"\n\n{conflicts.height} conflicts."
