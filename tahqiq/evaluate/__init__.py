"""Evaluation against gold data: extraction (mentions, NER corpora, dates) and reconciliation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def print_report(
    evaluate: Callable[[Path, Path], dict], report: Callable[[dict], str], gold: Path, warehouse_path: Path
) -> int:
    """Score a warehouse against a gold file and print the report: exit code 0, or 2 with one line
    when the gold file or the warehouse is missing."""
    try:
        result = evaluate(gold, warehouse_path)
    except FileNotFoundError as error:
        print(f"error: {error}")
        return 2
    print(report(result))
    return 0
