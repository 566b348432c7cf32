"""Event frames: what each article says happened, before clustering across articles.

Placeholder header; the frame finder follows below the date helpers.
"""

from __future__ import annotations

from tahqiq.reconcile.events import date_bounds, precision_of  # noqa: F401

EVENT_TYPES = ("drone_strike", "air_strike", "helicopter_raid", "ground_raid", "airdrop", "arrest", "attack")


