"""Text a person reads in a terminal: query results and the list of source disagreements."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
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


def display_width(text: str) -> int:
    """Terminal columns: Arabic diacritics and other combining or format marks take none, wide CJK two."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _is_number(value) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _table(names: list[str], rows: list[tuple], bidi_marks: bool) -> str:
    cells = [[_cell(v) for v in row] for row in rows]
    numeric = [bool(rows) and all(row[i] is None or _is_number(row[i]) for row in rows) for i in range(len(names))]
    widths = [max([display_width(n)] + [display_width(r[i]) for r in cells]) for i, n in enumerate(names)]

    def line(values: list[str]) -> str:
        padded = []
        for i, text in enumerate(values):
            gap = " " * (widths[i] - display_width(text))
            padded.append(gap + text if numeric[i] else text + gap)
        separator = (LRM + "  ") if bidi_marks else "  "
        text = separator.join(padded).rstrip()
        return LRM + text if bidi_marks else text

    out = [line(list(names)), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    return "\n".join(out)


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
    parts = [outlet_of_article.get(article, article), (evidence.get("published_at") or "")[:16],
             f"{article} chars {evidence.get('start_char')}-{evidence.get('end_char')}"]  # fmt: skip
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
