"""The one record every extractor returns."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = ("PERSON", "ORG", "LOC", "DATE", "COUNT", "WEAPON")


@dataclass(slots=True)
class Mention:
    """A span of an article's display text (`body[start:end] == surface`) and what it means.

    `value` is the ISO date or interval for DATE and the integer (as text) for COUNT.
    `attrs` holds the structured parts a later stage needs: for PERSON given_name, kunya, nisba,
    title, aliases; for ORG/LOC the reference id (`ref_id`) and for LOC admin1, country, latitude,
    longitude or `region`; for DATE precision and method; for COUNT count_kind; for WEAPON kind.
    """

    entity_type: str
    start: int
    end: int
    surface: str
    normalized: str
    value: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.entity_type not in ENTITY_TYPES:
            raise ValueError(f"unknown entity type {self.entity_type!r}; expected one of {ENTITY_TYPES}")
        if self.end < self.start:
            raise ValueError(f"mention ends before it starts: {self.start}..{self.end}")


def mention_id(article_id: str, mention: Mention) -> str:
    """Stable id of a mention: the same article, type and span always give the same id."""
    return f"{article_id}:{mention.entity_type[0]}{mention.start}-{mention.end}"


class ClaimedSpans:
    """Character offsets of a text already claimed by a mention: checking a new span costs its
    length, not the number of mentions claimed before it (long articles were quadratic)."""

    def __init__(self, length: int, spans: list[tuple[int, int]]) -> None:
        self.marks = bytearray(length + 1)
        for start, end in spans:
            self.take(start, end)

    def free(self, start: int, end: int) -> bool:
        return self.marks.find(1, start, end) == -1

    def take(self, start: int, end: int) -> None:
        self.marks[start:end] = b"\x01" * max(end - start, 0)


class ByStart(list):
    """Items (cues or mentions) sorted by start, with the starts at hand for bisection: a frame, a
    sentence or a statement takes its items by position instead of scanning the whole article, which
    made long articles quadratic (0.8 M characters took a minute)."""

    def __init__(self, items) -> None:
        super().__init__(sorted(items, key=lambda x: x.start))
        self.starts = [x.start for x in self]
        self.longest = max((x.end - x.start for x in self), default=0)

    def starting_in(self, low: int, high: int) -> list:
        """Items with low <= start < high, in order."""
        return self[bisect_left(self.starts, low) : bisect_left(self.starts, high)]
