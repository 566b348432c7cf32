"""Entity resolution and event clustering on synthetic frames far larger than any real batch."""

from __future__ import annotations


def measure_reconciliation(n_mentions: int, n_reports: int) -> dict:
    raise NotImplementedError("waiting for tahqiq.evaluate.synthetic")
