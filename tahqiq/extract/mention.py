"""The one record every extractor returns."""

from __future__ import annotations

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
