"""Statements: each value an event frame reports, with the sentence that states it and who it credits.

A frame's columns give one value per attribute (the total killed, the most specific place); the
conflicts table also needs where each value is written, whom the sentence credits (the claim cue of that
sentence: a command's statement, a monitor, activists) and whether the sentence revises an earlier
figure ("ارتفعت حصيلة"). One statement is one dict:

    attribute   killed, wounded, detained, aircraft, a count's act (missiles_fired, missiles_intercepted,
                abducted, bombers: tahqiq.extract.counts.ACTS), date, place, region, partner, responsibility
    value       the number, ISO date, place surface, compass region, joint/unilateral, or the org credited
    start, end  offsets of the stating sentence in articles.body
    mention_id  the COUNT, DATE or LOC mention giving the value (null for a cue)
    source      claim category the sentence credits (command_statement, monitor, ...): its own claim cue, else
                the last one before it in the frame; null when none
    revised     true when the sentence says the figure was revised (update wording)
    with_trigger true when the sentence also names the event (a place or region there locates the event,
                not the target's home town or the wider war)
plus per attribute: approximate, approximator (أكثر من), subject (counts: the noun counted, مدنيين), nationality (whose dead: RU for المقاتلين الروس) and side (gunmen for the fighters of a jihadist group: "مقاتلي التنظيم"), by (missiles: the country of the side firing or intercepting them), more ("10 صواريخ أخرى": added to the figure before), missile_type (air_to_surface for "60 صاروخ جو-أرض"), form and text (dates: "مساء الخميس"), ref_id/admin1/country/latitude/longitude/
place_kind, class_noun_kind (the settlement kind the text calls the place by: city for "مدينة حجة") and as_where (places: named as where, not as a speaker, tahqiq.extract.places.named_as_where), country (regions), stance (responsibility: claimed, denied, or unclaimed: "لم تعلن أي جهة مسؤوليتها", value null).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Any, Protocol

from tahqiq.extract.counts import ACTS, counts_one_event
from tahqiq.extract.mention import ByStart, Mention, mention_id

STATED_COUNT_KINDS = ("killed", "wounded", "detained", "aircraft", *ACTS)


class CueLike(Protocol):
    kind: str
    value: str
    start: int
    end: int
    text: str


def _sentence_of(spans: list[tuple[int, int]], position: int) -> tuple[int, int]:
    return next(((s, e) for s, e in spans if s <= position < e), (position, position))


def _starting_in_spans(items: list, spans: list[tuple[int, int]]) -> list:
    """The items that start inside one of `spans` (in their order): a start is inside when the
    furthest end among the spans opening at or before it lies beyond it."""
    ordered = sorted(spans)
    opens = [start for start, _ in ordered]
    furthest = list(accumulate((end for _, end in ordered), max))

    def inside(position: int) -> bool:
        k = bisect_right(opens, position)
        return k > 0 and furthest[k - 1] > position

    return [x for x in items if inside(x.start)]


def _source(claims: ByStart, sentence: tuple[int, int]) -> str | None:
    """The claim cue of the sentence, else the last one before it in the frame: "وقالت القيادة ..."
    then "وأشارت إلى ..." goes on quoting the command."""
    inside = claims.starting_in(sentence[0], sentence[1])
    if inside:
        return inside[0].value
    before = claims.starting_in(-1, sentence[1])
    return before[-1].value if before else None


def _revised(cues: ByStart, sentence: tuple[int, int]) -> bool:
    return any(c.kind == "update" for c in cues.starting_in(sentence[0], sentence[1]))


# Bodies that report, judge or play but never carry out an attack, so never claim or deny one: the
# outlet in a dateline ("أتلانتا (CNN)-- تبنى تنظيم داعش"), the UN's councils, aid groups, clubs.
NEVER_CLAIMANT_KINDS = frozenset({
    "news_agency", "newspaper", "tv_channel", "broadcaster", "news_site", "platform", "program", "international",
    "ngo", "sports", "company", "university",
})  # fmt: skip


def _credited_org(cue: CueLike, mentions: ByStart, sentence: tuple[int, int]) -> str | None:
    """The organization a claim or denial of responsibility names: the nearest one in its sentence that
    could have carried out the act."""
    orgs = [
        m for m in mentions.starting_in(sentence[0], sentence[1])
        if m.entity_type == "ORG" and m.attrs.get("org_kind") not in NEVER_CLAIMANT_KINDS
    ]  # fmt: skip
    if not orgs:
        return None
    nearest = min(orgs, key=lambda m: min(abs(m.start - cue.end), abs(cue.start - m.end)))
    return nearest.attrs.get("ref_id") or nearest.normalized


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def frame_statements(
    article_id: str,
    spans: list[tuple[int, int]],
    cues: list[CueLike],
    mentions: list[Mention],
    date: Mention | None,
    regions: list[Mention],
) -> list[dict[str, Any]]:
    """Every value the frame states in its sentence `spans`, from the article's `cues` and `mentions`."""
    cues = _starting_in_spans(cues, spans)
    mentions = _starting_in_spans(mentions, spans)
    cues_by_start = ByStart(cues)
    claims = ByStart([c for c in cues if c.kind == "claim"])
    mentions_by_start = ByStart(mentions)

    def stated(attribute: str, value: Any, position: int, mention: Mention | None = None, **extra) -> dict:
        sentence = _sentence_of(spans, position)
        return {
            "attribute": attribute,
            "value": value,
            "start": sentence[0],
            "end": sentence[1],
            "mention_id": mention_id(article_id, mention) if mention is not None else None,
            "source": _source(claims, sentence),
            "revised": _revised(cues_by_start, sentence),
            "with_trigger": any(c.kind == "trigger" for c in cues_by_start.starting_in(sentence[0], sentence[1])),
            **extra,
        }

    out = []
    for m in mentions:
        kind = m.attrs.get("count_kind")
        if (
            m.entity_type == "COUNT"
            and kind in STATED_COUNT_KINDS
            and counts_one_event(m)
            and (number := _number(m.value)) is not None
        ):
            approximate = bool(m.attrs.get("approximate"))
            out.append(stated(kind, number, m.start, m, approximate=approximate, subject=m.attrs.get("subject"),
                              approximator=m.attrs.get("approximator"),
                              nationality=m.attrs.get("nationality"), side=m.attrs.get("side"), by=m.attrs.get("by"),
                              **({"more": True} if m.attrs.get("more") else {}),
                              **({"missile_type": m.attrs["missile_type"]} if m.attrs.get("missile_type") else {}),
                              **({"part": True} if m.attrs.get("part") else {})))  # fmt: skip
        elif m.entity_type == "LOC" and m not in regions:
            out.append(stated("place", m.surface, m.start, m, ref_id=m.attrs.get("ref_id"),
                              admin1=m.attrs.get("admin1"), country=m.attrs.get("country"),
                              latitude=m.attrs.get("latitude"), longitude=m.attrs.get("longitude"),
                              place_kind=m.attrs.get("place_kind"), as_where=m.attrs.get("as_where"),
                              class_noun_kind=m.attrs.get("class_noun_kind")))  # fmt: skip
    if date is not None and date.value:
        out.append(stated("date", date.value, date.start, date, form=date.attrs.get("form"), text=date.surface))
    for m in regions:
        out.append(
            stated("region", m.attrs["region"], m.start, m, text=m.surface, country=m.attrs.get("country"))
        )
    for c in cues:
        if c.kind in ("joint", "unilateral"):
            out.append(stated("partner", c.kind, c.start, text=c.text))
        elif c.kind == "responsibility" and c.value == "unclaimed":
            out.append(stated("responsibility", None, c.start, stance=c.value, text=c.text))  # no group yet
        elif c.kind == "responsibility" and (
            org := _credited_org(c, mentions_by_start, _sentence_of(spans, c.start))
        ):
            out.append(stated("responsibility", org, c.start, stance=c.value, text=c.text))
    return sorted(out, key=lambda s: (s["start"], s["attribute"]))
