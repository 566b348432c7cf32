"""Organization mentions (ORG) from the curated list in data/reference/organizations.csv.

Aliases are matched on the normalized text, longest first, through proclitics (وبالتحالف → التحالف),
and with one typo for aliases of at least FUZZY_MIN_LETTERS letters ("التحالف الدوي"). An alias of
kind "anaphor" ("التنظيم", "المرصد") names an organization only after a non-anaphoric mention of it
earlier in the same text; when several organizations share the anaphor, the most recent one wins.
"""

from __future__ import annotations

from functools import lru_cache

from tahqiq.extract.gazetteer import Gazetteer, Match
from tahqiq.extract.mention import Mention
from tahqiq.reference import load_organizations
from tahqiq.text.normalize import NormalizedText, normalize_text

FUZZY_MIN_LETTERS = 8
FUZZY_MIN_TOKEN_LETTERS = 5
ANAPHOR = "anaphor"


@lru_cache(maxsize=1)
def organization_gazetteer() -> Gazetteer:
    """Each normalized alias maps to every organization row that carries it (an anaphor may be shared)."""
    rows_by_alias: dict[str, list[dict[str, str]]] = {}
    for row in load_organizations():
        rows_by_alias.setdefault(normalize_text(row["alias"]), []).append(row)
    return Gazetteer(
        rows_by_alias.items(),
        fuzzy_min_letters=FUZZY_MIN_LETTERS,
        fuzzy_min_token_letters=FUZZY_MIN_TOKEN_LETTERS,
    )


def _resolve(match: Match, last_seen: dict[str, int]) -> dict[str, str] | None:
    rows = match.entry.payload
    named = [row for row in rows if row["alias_kind"] != ANAPHOR]
    if named:
        return named[0]
    if match.distance:
        return None  # a typo of a bare anaphor is just another word
    antecedents = [row for row in rows if row["ref_id"] in last_seen]
    if not antecedents:
        return None
    return max(antecedents, key=lambda row: last_seen[row["ref_id"]])


def find_organizations(nt: NormalizedText) -> list[Mention]:
    """ORG mentions with attrs ref_id, canonical, alias_kind, org_kind, country and fuzzy."""
    mentions: list[Mention] = []
    last_seen: dict[str, int] = {}
    for match in organization_gazetteer().find(nt.text):
        row = _resolve(match, last_seen)
        if row is None:
            continue
        if row["alias_kind"] != ANAPHOR:
            last_seen[row["ref_id"]] = match.start
        start, end = nt.to_display_span(match.start, match.end)
        mentions.append(
            Mention(
                entity_type="ORG",
                start=start,
                end=end,
                surface=nt.display[start:end],
                normalized=nt.text[match.start : match.end],
                attrs={
                    "ref_id": row["ref_id"],
                    "canonical": row["canonical"],
                    "alias_kind": row["alias_kind"],
                    "org_kind": row["org_kind"],
                    "country": row["country"] or None,
                    "fuzzy": bool(match.distance),
                },
            )
        )
    return mentions
