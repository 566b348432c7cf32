"""Weapons and platforms named in strike reports (MQ-9 in any spelling, drones, helicopters, missiles).

Aliases come from data/reference/weapons.csv. Each alias becomes a pattern on the matching form that
tolerates the ways news writes the same designation (MQ-9, MQ 9, أم. كيو – 9), an optional article on
each word, and a proclitic (و ب ل ف ك) that stays outside the span. The longest alias wins.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tahqiq import reference
from tahqiq.extract.mention import Mention
from tahqiq.extract.tokens import display_span
from tahqiq.text.normalize import NormalizedText, normalize_text

_PIECE = re.compile(r"[^\W\d_]+|\d+")
_SEPARATOR = r"[\s.\-_/]*"
_PROCLITIC = r"(?:[وفبلك]|وب|ول|لل(?=[^\W\d_]))?"


def _alias_pattern(alias: str) -> str:
    pieces = []
    for piece in _PIECE.findall(alias):
        if piece.isdigit() or piece.isascii():
            pieces.append(re.escape(piece))
        elif piece.startswith("ال"):
            pieces.append(re.escape(piece))
        else:
            pieces.append("(?:ال)?" + re.escape(piece))
    return _SEPARATOR.join(pieces)


@lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern[str], tuple[reference.WeaponAlias, ...]]:
    aliases = tuple(sorted(reference.weapon_aliases(), key=lambda a: -len(a.alias)))
    body = "|".join(f"({_alias_pattern(a.alias)})" for a in aliases)
    pattern = re.compile(rf"(?<![^\W_]){_PROCLITIC}(?:{body})(?![^\W_])")
    return pattern, aliases


def find_weapons(nt: NormalizedText) -> list[Mention]:
    """WEAPON mentions; attrs ref_id (mq9, drone, helicopter, hellfire, ...) and kind."""
    pattern, aliases = _matcher()
    mentions = []
    for match in pattern.finditer(nt.text):
        group = match.lastindex
        alias = aliases[group - 1]
        start, end = match.span(group)
        d_start, d_end, surface = display_span(nt, start, end)
        attrs = {"ref_id": alias.ref_id, "kind": alias.kind}
        mentions.append(Mention("WEAPON", d_start, d_end, surface, normalize_text(surface), attrs=attrs))
    return mentions
