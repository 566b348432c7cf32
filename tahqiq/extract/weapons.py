"""Weapons and platforms named in strike reports (MQ-9 in any spelling, drones, helicopters, missiles).

Aliases come from data/reference/weapons.csv. Each alias becomes a pattern on the matching form that
tolerates the ways news writes the same designation (MQ-9, MQ 9, أم. كيو – 9), an optional article on
each word, and a proclitic (و ب ل ف ك) that stays outside the span. The longest alias wins.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress

from tahqiq import reference
from tahqiq.extract.mention import Mention
from tahqiq.extract.tokens import clitic_variants, display_span, tokenize
from tahqiq.text.normalize import NormalizedText, normalize_text

_PIECE = re.compile(r"[^\W\d_]+|\d+")
_SEPARATOR = r"[\s.\-_/]*"


def _alias_pattern(alias: str) -> str:
    pieces = []
    for piece in _PIECE.findall(alias):
        if piece.isdigit() or piece.isascii() or piece.startswith("ال"):
            pieces.append(re.escape(piece))
        else:
            pieces.append("(?:ال)?" + re.escape(piece))
    return _SEPARATOR.join(pieces)


AliasPatterns = tuple[tuple[re.Pattern[str], reference.WeaponAlias], ...]


@lru_cache(maxsize=1)
def _aliases_by_first_piece() -> dict[str, AliasPatterns]:
    """Alias patterns keyed by their first word (article dropped), longest alias first."""
    table: dict[str, list[tuple[re.Pattern[str], reference.WeaponAlias]]] = {}
    for alias in sorted(reference.weapon_aliases(), key=lambda a: -len(a.alias)):
        first = _PIECE.findall(alias.alias)[0]
        key = first[2:] if first.startswith("ال") else first
        pattern = re.compile(_alias_pattern(alias.alias) + r"(?![^\W_])")
        table.setdefault(key, []).append((pattern, alias))
    return {key: tuple(value) for key, value in table.items()}


@lru_cache(maxsize=65536)
def _readings(word: str) -> tuple[tuple[int, int, str], ...]:
    """(offset where an alias may match, offset where its mention starts, first word without article)
    for a token and its proclitics."""
    readings = []
    for prefix, rest in clitic_variants(word):
        if prefix == 1 and word.startswith("لل"):
            continue  # لل + noun: read below
        readings.append((prefix, prefix, rest[2:] if rest.startswith("ال") and len(rest) > 3 else rest))
    conjunction = 1 if word[:1] in "وف" and word[1:3] == "لل" else 0
    if word[conjunction : conjunction + 2] == "لل" and len(word) > conjunction + 3:
        # ل + ال with the alef gone: the alias matches after لل, and the mention keeps لل (للطائرات,
        # وللمروحيات -> للمروحيات), since cutting ل would leave a non-word.
        readings.append((conjunction + 2, conjunction, word[conjunction + 2 :]))
    return tuple(readings)


@lru_cache(maxsize=65536)
def _aliases_opened_by(word: str) -> tuple[tuple[int, int, AliasPatterns], ...]:
    """(match offset, mention offset, alias patterns) for each reading of `word` that opens an alias."""
    if not word[0].isalnum():
        return ()
    table = _aliases_by_first_piece()
    return tuple((match_at, start_at, table[key]) for match_at, start_at, key in _readings(word) if key in table)


def find_weapons(nt: NormalizedText) -> list[Mention]:
    """WEAPON mentions; attrs ref_id (mq9, drone, helicopter, hellfire, ...) and kind."""
    tokens = tokenize(nt)
    opened = list(map(_aliases_opened_by, [token.text for token in tokens]))
    mentions = []
    covered_until = 0
    for i in compress(range(len(tokens)), opened):  # the words that open an alias
        token = tokens[i]
        if token.start < covered_until:
            continue
        best: tuple[int, int, reference.WeaponAlias] | None = None
        for match_at, start_at, aliases in opened[i]:
            for pattern, alias in aliases:
                match = pattern.match(nt.text, token.start + match_at)
                if match and (best is None or match.end() > best[1]):
                    best = (token.start + start_at, match.end(), alias)
        if best is None:
            continue
        start, end, alias = best
        covered_until = end
        d_start, d_end, surface = display_span(nt, start, end)
        attrs = {"ref_id": alias.ref_id, "kind": alias.kind}
        mentions.append(Mention("WEAPON", d_start, d_end, surface, normalize_text(surface), attrs=attrs))
    return mentions
