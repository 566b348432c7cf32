"""Score `tahqiq.extract.dates.find_dates` on case files.

Two TSV layouts are read (header row first, tab separated, no quoting):

- Our own cases (data/eval/date_cases.tsv): `input, expected, precision, reference, kind`.
  `expected` is an ISO value, an ISO interval, `EMPTY` (a date is there but cannot be resolved, or
  no date at all), or several values joined by " ; " in text order. `precision` is day, month, year,
  interval, `none` (no DATE mention is expected) or several joined by " ; ". `reference` is the
  publication date given to the extractor; empty means unknown (the extractor infers or gives up).
- dateparser's upstream cases (`input, expected, kind, source...`), translated to our terms:
  an ISO date or datetime is a day value (the time of day is dropped); "ago days=2 ..." and
  "translation: 1 day ago" / "translation: ago 2 hour" are the reference minus that span, with
  precision the finest unit (hours and minutes count as day precision); "translation: 2 day" with no
  "ago" is a duration, which is not a date, so no mention is expected; "spans: A -> v ; B -> v" lists
  the values to find in running text. Upstream freshness cases are relative to a fixed "now": we use
  UPSTREAM_REFERENCE (noon, so spans of hours do not cross midnight). The one freshness case that is
  a bare list of durations without "منذ" ("1 عام, 1 شهر, ...") is kept as upstream states it even
  though in running news text such a list is a duration; it is expected to fail.

A case's value is right when the list of mention values equals the expected list, in order; its
precision is right when the list of `attrs["precision"]` does. A case expecting nothing is right
only when no DATE mention is found.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

from dateutil.relativedelta import relativedelta

from tahqiq.extract.dates import find_dates
from tahqiq.text.normalize import normalize

UPSTREAM_REFERENCE = dt.datetime(2024, 1, 15, 12, 0)
EMPTY = "EMPTY"
NO_DATE = "none"

_UNIT_KEYS = {
    "year": "years",
    "month": "months",
    "week": "weeks",
    "day": "days",
    "hour": "hours",
    "minute": "minutes",
}
_FINEST_PRECISION = {"years": "year", "months": "month"}


def _ago(spans: dict[str, int]) -> tuple[str, str]:
    when = UPSTREAM_REFERENCE - relativedelta(**spans)
    finest = [k for k in ("minutes", "hours", "days", "weeks", "months", "years") if k in spans][0]
    precision = _FINEST_PRECISION.get(finest, "day")
    value = {"year": f"{when.year:04d}", "month": f"{when.year:04d}-{when.month:02d}"}.get(
        precision, when.date().isoformat()
    )
    return value, precision


def _translate_upstream(expected: str) -> tuple[list[str | None], list[str], dt.date | None]:
    """Upstream's expectation as (values, precisions, reference)."""
    expected = expected.strip()
    if expected.startswith("spans:"):
        values = [part.split("->")[1].strip() for part in expected[len("spans:") :].split(";")]
        return list(values), ["day"] * len(values), None
    if expected.startswith("ago "):
        spans = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", expected)}
        value, precision = _ago(spans)
        return [value], [precision], UPSTREAM_REFERENCE.date()
    if expected.startswith("translation:"):
        phrase = expected[len("translation:") :].strip()
        found = re.findall(r"(\d+)\s+(year|month|week|day|hour|minute)", phrase)
        if "ago" not in phrase:
            return [], [], UPSTREAM_REFERENCE.date()
        value, precision = _ago({_UNIT_KEYS[u]: int(n) for n, u in found})
        return [value], [precision], UPSTREAM_REFERENCE.date()
    return [expected[:10]], ["day"], None


def _split(cell: str) -> list[str]:
    return [c.strip() for c in cell.split(";")] if cell.strip() else []


def _read_cases(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    cases = []
    for row in rows:
        if "precision" in row:
            precisions = _split(row["precision"])
            if precisions == [NO_DATE]:
                values, precisions = [], []
            else:
                values = [None if v == EMPTY else v for v in _split(row["expected"])]
            reference = dt.date.fromisoformat(row["reference"]) if row.get("reference", "").strip() else None
        else:
            values, precisions, reference = _translate_upstream(row["expected"])
        cases.append(
            {
                "file": path.name,
                "input": row["input"],
                "kind": row["kind"],
                "reference": reference,
                "expected_values": values,
                "expected_precisions": precisions,
            }
        )
    return cases


def _score(case: dict) -> dict:
    mentions = find_dates(normalize(case["input"]), case["reference"])
    values = [m.value for m in mentions]
    precisions = [m.attrs["precision"] for m in mentions]
    return {
        **case,
        "reference": case["reference"].isoformat() if case["reference"] else None,
        "found_values": values,
        "found_precisions": precisions,
        "surfaces": [m.surface for m in mentions],
        "value_ok": values == case["expected_values"],
        "precision_ok": precisions == case["expected_precisions"],
    }


def _summary(results: list[dict]) -> dict:
    n = len(results)
    return {
        "n": n,
        "value_accuracy": sum(r["value_ok"] for r in results) / n if n else 0.0,
        "precision_accuracy": sum(r["precision_ok"] for r in results) / n if n else 0.0,
    }


def evaluate_date_cases(paths: list[Path]) -> dict:
    """Per-case results, and accuracy of values and precisions per file, per kind and overall."""
    results = [_score(case) for path in paths for case in _read_cases(Path(path))]
    by_kind: dict[tuple[str, str], list[dict]] = defaultdict(list)
    by_file: dict[str, list[dict]] = defaultdict(list)
    for r in results:
        by_kind[(r["file"], r["kind"])].append(r)
        by_file[r["file"]].append(r)
    return {
        "cases": results,
        "by_kind": {f"{file}:{kind}": _summary(rs) for (file, kind), rs in by_kind.items()},
        "by_file": {file: _summary(rs) for file, rs in by_file.items()},
        "overall": _summary(results),
    }


def format_date_report(result: dict) -> str:
    """A table per kind (n, value accuracy, precision accuracy), per file, overall, then the misses."""
    lines = [f"{'kind':<48} {'n':>4} {'value acc':>10} {'prec acc':>9}"]

    def row(name: str, s: dict) -> str:
        return f"{name:<48} {s['n']:>4} {s['value_accuracy']:>10.3f} {s['precision_accuracy']:>9.3f}"

    lines += [row(name, s) for name, s in result["by_kind"].items()]
    lines.append("-" * len(lines[0]))
    lines += [row(name, s) for name, s in result["by_file"].items()]
    lines.append(row("overall", result["overall"]))
    misses = [r for r in result["cases"] if not (r["value_ok"] and r["precision_ok"])]
    if misses:
        lines.append("")
        lines.append("misses:")
        for r in misses:
            lines.append(
                f"  [{r['kind']}] {r['input'][:60]!r} ref={r['reference']} expected "
                f"{r['expected_values']} {r['expected_precisions']} got {r['found_values']} {r['found_precisions']}"
            )
    return "\n".join(lines)


def cli(cases: list[Path]) -> int:
    print(format_date_report(evaluate_date_cases(cases)))
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Score the Arabic date extractor on TSV case files.")
    parser.add_argument("cases", nargs="+", type=Path)
    raise SystemExit(cli(parser.parse_args().cases))
