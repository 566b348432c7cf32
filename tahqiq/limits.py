"""Time budgets: one slow input must cost a bounded time, never stall the batch.

A budget is a SIGALRM timer that raises `OverBudget` inside the Python code it guards. Signals reach
only the main thread, so elsewhere (a thread of a thread pool) the guarded code runs unbounded; the
pipeline's steps and extraction workers run their work in a main thread.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class OverBudget(Exception):
    """The guarded code ran past its time budget."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise OverBudget in the guarded block once it has run `seconds` (None or 0: no budget)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise OverBudget(f"still running after {seconds:g}s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
