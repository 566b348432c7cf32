"""Extraction: every finder runs over one article, then overlapping spans are settled in one place
(the one nesting kept: a WEAPON inside the COUNT of it, "5 طائرات مروحية")."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from tahqiq.extract import crf
from tahqiq.extract.counts import find_counts
from tahqiq.extract.dates import find_dates
from tahqiq.extract.mention import Mention
from tahqiq.extract.organizations import find_organizations
from tahqiq.extract.people import find_people
from tahqiq.extract.places import find_places
from tahqiq.extract.weapons import find_weapons
from tahqiq.text.normalize import NormalizedText

# When two spans overlap the longer one wins; on equal length, the earlier type in this list. A COUNT
# before a WEAPON of the same span (a dual: صاروخين) keeps both, the weapon nested in its count.
TYPE_PRIORITY = ("ORG", "PERSON", "LOC", "DATE", "COUNT", "WEAPON")


def _type_rank(m: Mention) -> float:
    """TYPE_PRIORITY's rank, except that a person found only as the repeat of a name (a bare word) yields
    to a place of the same span: «إيران» repeating a wrongly read name is the country."""
    rank = TYPE_PRIORITY.index(m.entity_type)
    if m.entity_type == "PERSON" and m.attrs.get("cue") == "repeat":
        return TYPE_PRIORITY.index("LOC") + 0.5
    return rank


def settle_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep a non-overlapping set of non-empty spans: longest span first, then type priority, then leftmost."""
    ranked = sorted(mentions, key=lambda m: (-(m.end - m.start), _type_rank(m), m.start))
    # The kept spans never overlap, so ordered by start their ends are ordered too: a new span can
    # only overlap the kept span just before its start or the one just after.
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Mention] = []
    for m in ranked:
        at = bisect_right(starts, m.start)
        if (at > 0 and ends[at - 1] > m.start) or (at < len(starts) and starts[at] < m.end):
            continue
        starts.insert(at, m.start)
        ends.insert(at, m.end)
        kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end))


def with_counted_weapons(kept: list[Mention], found: list[Mention]) -> list[Mention]:
    """`kept` plus each WEAPON lying inside a kept COUNT ("5 طائرات مروحية" holds "طائرات مروحية"):
    the only nesting allowed, because the analyst marks both the count and the platform it counts."""
    counts = [m for m in kept if m.entity_type == "COUNT"]
    kept_ids = {id(m) for m in kept}
    nested = [
        w
        for w in found
        if w.entity_type == "WEAPON"
        and id(w) not in kept_ids
        and any(c.start <= w.start and w.end <= c.end for c in counts)
    ]
    return sorted([*kept, *nested], key=lambda m: (m.start, m.end)) if nested else kept


def extract_article(nt: NormalizedText, published: date | None) -> list[Mention]:
    """All PERSON, ORG, LOC, DATE, COUNT and WEAPON mentions of one article, offsets into its body."""
    found = [
        *find_organizations(nt),
        *find_places(nt),
        *find_people(nt),
        *find_dates(nt, published),
        *find_counts(nt),
        *find_weapons(nt),
    ]
    tagger = crf.load_default_tagger()  # a model the user trained (`tahqiq train-ner`); rules win on overlap
    if tagger is not None:
        found = crf.add_tagger_mentions(found, tagger.find_entities(nt, found))
    found = without_people_in_listed_names([m for m in found if m.end > m.start])
    return with_counted_weapons(settle_overlaps(found), found)


def without_people_in_listed_names(found: list[Mention]) -> list[Mention]:
    """`found` less the PERSON mentions overlapping an organization the curated list names: a group named
    after a man (جيش خالد بن الوليد) is the group, even when the person finder reads on past its name
    (خالد بن الوليد المبايع) and so holds the longer span."""
    listed = sorted(
        (m.start, m.end)
        for m in found
        if m.entity_type == "ORG" and m.attrs.get("ref_id") and not m.attrs.get("fuzzy")
        and m.attrs.get("alias_kind") != "anaphor"
    )
    if not listed:
        return found
    starts = [start for start, _ in listed]

    def inside_listed(m: Mention) -> bool:
        # ORG spans never overlap, so only the last listed name starting before the person ends can reach it
        at = bisect_right(starts, m.end - 1)
        return at > 0 and listed[at - 1][1] > m.start

    return [m for m in found if m.entity_type != "PERSON" or not inside_listed(m)]
