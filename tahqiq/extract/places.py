"""Place mentions (LOC) from the gazetteer in data/reference/places.csv and region words in regions.csv.

Rules, in the order they apply to a name found in the normalized text:
- A name inside an organization's name ("قوات سوريا الديمقراطية") is not a place mention; a club
  named like its city (روما) is the city unless the sentence speaks of sports.
- A name that is also a common word (needs_context=1: الباب "the door", الزر "the button") counts only
  right after a place cue (مدينة, بلدة, منطقة, قرب, في...) or right before a direction, countryside or
  country-adjective word ("الباب شرق حلب").
- A name shared by several places (الحويجة: a Raqqa neighbourhood and a town in Kirkuk) goes to the
  candidate whose containing place (city, governorate or country) is named nearest in the same text;
  failing that, to the candidate whose country the text names; failing that, to the first listed.
- Region phrases become one mention covering the phrase, with attrs["region"]:
  direction + place ("شرق سوريا", "شمال غربي محافظة حلب", "شرق وشمال سوريا" → "east+north");
  ريف + place [+ adjectives] ("ريف حلب الشرقي" → the Aleppo governorate, region "east": the countryside
  of a governorate seat is its governorate); definite direction + country adjective ("الشمال السوري").
- A class noun of a settlement kind right before a listed name or opening its alias (مدينة حجة, بلدة بني قيس)
  is kept as attrs["class_noun_kind"] (city, town): the text calls the place a settlement, so a city that
  names its governorate is then the city, not the governorate. A city that names its governorate ("محافظة حلب")
  or its strip ("قطاع غزة") is that division's seat (seat_governorates).
- A place named as the area around it ("ضواحي العاصمة", "أطراف بلدة") has attrs["around"]: its suburbs may lie in
  the next governorate.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tahqiq.extract.gazetteer import Gazetteer, Match, Token, clitic_forms, tokenize
from tahqiq.extract.mention import ClaimedSpans, Mention
from tahqiq.extract.organizations import curated_spans
from tahqiq.extract.tokens import written_last
from tahqiq.reference import (
    given_names,
    load_places,
    load_region_words,
    name_stopwords,
    nationality_adjectives,
)
from tahqiq.text.arabic import (
    COMPLEMENTIZERS,
    RELATIVE_PRONOUNS,
    is_said_with_or_without_article,
    without_proclitic_before_article,
)
from tahqiq.text.normalize import NormalizedText, normalize_text

VERTICAL = ("north", "south")
# A governorate whose centroid lies within this fraction of the country's half-extent on the wrong side
# of the centre still counts as, e.g., "east" (Deir ez-Zor is "north-east" Syria to most reporters).
REGION_TOLERANCE = 0.2
CENTER_EXTENT = 0.5
# A side named alone ("شمال سوريا") is plainly the third of the country on that side: the middle third is
# its centre ("وسط"), no side.
REGION_BAND = 1 / 3
COMPASS_SIGNS = {"east": 1, "west": -1, "north": 1, "south": -1}
ADMIN_SEAT_PREFIX = normalize_text("محافظة") + " "
# "قطاع غزة": a first-level division named "the strip of" its city, as a governorate is named "محافظة حلب".
STRIP_PREFIX = normalize_text("قطاع") + " "
MAX_LISTED = 8  # settlements named in one list after a plural class noun


@dataclass(frozen=True)
class RegionWords:
    direction: dict[str, str]
    adjective: dict[str, str]
    definite_direction: dict[str, str]
    country_adjective: dict[str, str]
    countryside: frozenset[str]
    place_cue: frozenset[str]
    place_class: frozenset[str]
    settlement_kind: dict[str, str]  # a class noun that introduces a settlement -> its place kind
    settlement_list: dict[str, str]  # a plural or dual class noun before a list of settlements -> kind
    name_prefix: frozenset[str]
    motion: frozenset[str]  # words of going, after which إلى names a destination
    credit: frozenset[str]  # words of crediting, after which إلى names whom an act is put down to
    presence: frozenset[str]  # words of being or living somewhere, after which في names where someone is


@lru_cache(maxsize=1)
def region_words() -> RegionWords:
    by_role: dict[str, dict[str, str]] = {}
    for row in load_region_words():
        by_role.setdefault(row["role"], {})[normalize_text(row["word"])] = row["value"]
    return RegionWords(
        direction=by_role.get("direction", {}),
        adjective=by_role.get("adjective", {}),
        definite_direction=by_role.get("definite_direction", {}),
        country_adjective={
            adjective: code.lower()
            for adjective, code in nationality_adjectives().items()
            if code.lower() in _place_table()
        },
        countryside=frozenset(by_role.get("countryside", {})),
        place_cue=frozenset(by_role.get("place_cue", {})) | frozenset(by_role.get("place_class", {})),
        place_class=frozenset(by_role.get("place_class", {})),
        settlement_kind={word: kind for word, kind in by_role.get("place_class", {}).items() if kind},
        settlement_list=by_role.get("settlement_list", {}),
        name_prefix=frozenset(by_role.get("name_prefix", {})),
        motion=frozenset(by_role.get("motion", {})),
        credit=frozenset(by_role.get("credit", {})),
        presence=frozenset(by_role.get("presence", {})),
    )


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in cell.split(";") if part)


@lru_cache(maxsize=1)
def _place_table() -> dict[str, dict[str, Any]]:
    places: dict[str, dict[str, Any]] = {}
    for row in load_places():
        place = places.get(row["ref_id"])
        if place is None:
            place = places[row["ref_id"]] = {
                "ref_id": row["ref_id"],
                "canonical": row["canonical"],
                "place_kind": row["place_kind"],
                "admin1": _split(row["admin1"]),
                "country": _split(row["country"]),
                "latitude": float(row["latitude"]) if row["latitude"] else None,
                "longitude": float(row["longitude"]) if row["longitude"] else None,
                "within": row["within"] or None,
                "coord_source": row["coord_source"],
                "aliases": [],
            }
        place["aliases"].append(row["alias"])
    return places


@lru_cache(maxsize=1)
def place_gazetteer() -> Gazetteer:
    """Normalized alias -> list of (place ref_id, needs_context) for every place carrying that alias."""
    by_alias: dict[str, list[tuple[str, bool]]] = {}
    for row in load_places():
        by_alias.setdefault(normalize_text(row["alias"]), []).append(
            (row["ref_id"], row["needs_context"] == "1")
        )
    return Gazetteer(by_alias.items())


@lru_cache(maxsize=1)
def seat_governorates() -> dict[str, str]:
    """City ref_id -> its governorate's ref_id, for cities that give the governorate its name (حلب)."""
    places = _place_table()
    governorate_names: dict[str, str] = {}
    for place in places.values():
        if place["place_kind"] == "admin1":
            for alias in place["aliases"]:
                name = normalize_text(alias)
                if name.startswith(ADMIN_SEAT_PREFIX):
                    governorate_names[name.removeprefix(ADMIN_SEAT_PREFIX)] = place["ref_id"]
        elif place["place_kind"] == "region" and place["admin1"] and place["within"] == place["admin1"][0]:
            for alias in place["aliases"]:  # a region the whole division is: قطاع غزة for the Gaza Strip
                name = normalize_text(alias)
                if name.startswith(STRIP_PREFIX):
                    governorate_names[name.removeprefix(STRIP_PREFIX)] = place["admin1"][0]
    seats = {}
    for place in places.values():
        if place["place_kind"] in ("city", "town") and place["admin1"]:
            for alias in place["aliases"]:
                if governorate_names.get(normalize_text(alias)) == place["admin1"][0]:
                    seats[place["ref_id"]] = place["admin1"][0]
    return seats


def place_by_id(ref_id: str) -> dict | None:
    """The place's record (ref_id, canonical, place_kind, admin1, country, latitude, longitude, within,
    coord_source, aliases), or None for an unknown id. admin1 and country are tuples of ref_ids."""
    place = _place_table().get(ref_id)
    return None if place is None else {**place, "aliases": list(place["aliases"])}


def _containers(ref_id: str) -> set[str]:
    """Every place that contains `ref_id`, following `within` links and the admin1/country columns."""
    places = _place_table()
    found: set[str] = set()
    pending = [ref_id]
    while pending:
        place = places.get(pending.pop())
        if place is None:
            continue
        for outer in (place["within"], *place["admin1"], *place["country"]):
            if outer and outer not in found and outer != place["ref_id"]:
                found.add(outer)
                pending.append(outer)
    return found


def place_within(inner_ref: str, outer_ref: str) -> bool:
    """True when `inner_ref` is `outer_ref` or lies inside it, at any depth (village → governorate → country)."""
    return inner_ref == outer_ref or outer_ref in _containers(inner_ref)


def _relative_position(place: dict) -> tuple[float, float] | None:
    """(dx, dy) of a place's centroid in its country, each in [-1, 1] over the box of the country's
    governorate centroids (east and north positive); None without coordinates or governorates."""
    if place["latitude"] is None or not place["country"]:
        return None
    country = place["country"][0]
    admin1s = [
        p
        for p in _place_table().values()
        if p["place_kind"] == "admin1" and country in p["country"] and p["latitude"] is not None
    ]
    if len(admin1s) < 2:
        return None
    lats = [p["latitude"] for p in admin1s]
    lons = [p["longitude"] for p in admin1s]
    half_height = (max(lats) - min(lats)) / 2 or 1.0
    half_width = (max(lons) - min(lons)) / 2 or 1.0
    dx = (place["longitude"] - (max(lons) + min(lons)) / 2) / half_width
    dy = (place["latitude"] - (max(lats) + min(lats)) / 2) / half_height
    return dx, dy


def _direction_holds(direction: str, dx: float, dy: float) -> bool:
    checks = {
        "east": dx >= -REGION_TOLERANCE,
        "west": dx <= REGION_TOLERANCE,
        "north": dy >= -REGION_TOLERANCE,
        "south": dy <= REGION_TOLERANCE,
        "center": abs(dx) <= CENTER_EXTENT and abs(dy) <= CENTER_EXTENT,
    }
    return checks.get(direction, True)


def regions_compatible(region_of_mention: str, admin1_ref: str) -> bool:
    """Whether a governorate (or any place with coordinates) can lie in a compass region of its country.

    The place's centroid is placed in the box spanned by its country's governorate centroids, scaled
    so the box runs from -1 to 1 on each axis. "east" holds when dx >= -0.2, "west" when dx <= 0.2,
    "north" when dy >= -0.2, "south" when dy <= 0.2, "center" when |dx| and |dy| are both <= 0.5;
    "north-east" needs both parts; "east+north" (شرق وشمال) needs either. An empty or unknown region,
    or a place whose position cannot be computed, is compatible (nothing to contradict).
    """
    place = _place_table().get(admin1_ref)
    position = _relative_position(place) if place else None
    if not region_of_mention or position is None:
        return True
    dx, dy = position
    return any(
        all(_direction_holds(direction, dx, dy) for direction in alternative.split("-"))
        for alternative in region_of_mention.split("+")
    )


def region_plainly_holds(region: str, ref: str) -> bool | None:
    """Whether a place lies plainly in a compass region of its country, not merely leaning to it: on each
    direction of the region it lies in the third of the country on that side (REGION_BAND of the
    half-extent of regions_compatible's box), so a place of the middle third is neither north nor south
    (Deir ez-Zor is plainly east, not plainly north). None for a region of no compass direction ("center",
    "east+north") or a place whose position cannot be computed."""
    place = _place_table().get(ref)
    position = _relative_position(place) if place else None
    directions = region.split("-") if region and "+" not in region else []
    if position is None or not directions or any(d not in COMPASS_SIGNS for d in directions):
        return None
    dx, dy = position
    return all(COMPASS_SIGNS[d] * (dx if d in ("east", "west") else dy) >= REGION_BAND for d in directions)


def _combine(directions: list[str]) -> str:
    """["north", "west"] → "north-west"; a lone direction stays as it is."""
    vertical = [d for d in directions if d in VERTICAL]
    horizontal = [d for d in directions if d not in VERTICAL]
    return "-".join(vertical + horizontal)


_READING_ROLES = (
    "direction",
    "adjective",
    "countryside",
    "country_adjective",
    "definite_direction",
    "place_cue",
    "place_class",
    "settlement_kind",
    "settlement_list",
)


@lru_cache(maxsize=1)
def _roles_by_form() -> dict[str, tuple[str, ...]]:
    """Each word of region_words() -> the roles it plays, in _READING_ROLES order."""
    words = region_words()
    roles: dict[str, list[str]] = {}
    for role in _READING_ROLES:
        for form in getattr(words, role):
            roles.setdefault(form, []).append(role)
    return {form: tuple(form_roles) for form, form_roles in roles.items()}


@lru_cache(maxsize=65536)
def _word_readings(word: str) -> dict[str, tuple[str, int]]:
    """role of region_words() -> (the word's reading without proclitics that plays it, letters cut)."""
    roles_by_form = _roles_by_form()
    found: dict[str, tuple[str, int]] = {}
    for form, cut in clitic_forms(word):
        for role in roles_by_form.get(form, ()):
            if role not in found:
                found[role] = (form, cut)
    return found


def _stem_in(token: Token, role: str) -> tuple[str, int] | None:
    """The token's reading (without proclitics) that plays `role` (a region_words() field), with the
    letters cut."""
    return _word_readings(token.text).get(role)


@dataclass
class _Found:
    start: int  # normalized-text offsets
    end: int
    ref_id: str
    region: str | None = None
    is_region: bool = False
    toponym: tuple[int, int] | None = None  # the named place inside a region phrase or after مدينة
    unlisted_kind: str | None = None  # a settlement the gazetteer lacks, named after بلدة / قرية ...
    class_noun_kind: str | None = None  # the settlement kind the text calls the place by (مدينة حجة: city)


class _PlaceScan:
    def __init__(self, nt: NormalizedText) -> None:
        self.nt = nt
        self.text = nt.text
        self.tokens = tokenize(nt.text)
        self.words = region_words()
        self.places = _place_table()
        # Token indexes whose word plays some role of region_words(): the only ones the scans visit.
        self.with_role = [k for k, token in enumerate(self.tokens) if _word_readings(token.text)]

    def run(self) -> list[_Found]:
        inside_org = _SpanCover([(start, end) for start, end, _ in curated_spans(self.nt)])
        matches = [m for m in place_gazetteer().find(self.text) if not inside_org.covers(m.start, m.end)]
        starts = {m.first_token for m in matches}
        accepted: list[tuple[Match, list[str]]] = []
        for match in matches:
            candidates = [
                ref for ref, needs in match.entry.payload if not needs or self._has_context(match, starts)
            ]
            if candidates:
                accepted.append((match, candidates))
        anchors = [(m.start, c[0]) for m, c in accepted if len(c) == 1]
        mentioned_countries = {country for _, ref in anchors for country in self.places[ref]["country"]}
        found = []
        for match, candidates in accepted:
            ref = (
                candidates[0]
                if len(candidates) == 1
                else self._disambiguate(match, candidates, anchors, mentioned_countries)
            )
            found.append(self._with_region(match, ref))
        found.extend(self._country_regions(found))
        found.extend(self._unlisted_settlements(found))
        return sorted(found, key=lambda f: f.start)

    def _has_context(self, match: Match, place_starts: set[int]) -> bool:
        before = match.first_token - 1
        if before >= 0 and _stem_in(self.tokens[before], "place_cue"):
            return True
        after = match.last_token + 1
        if after >= len(self.tokens):
            return False
        following = self.tokens[after]
        return after in place_starts or any(
            _stem_in(following, role)
            for role in ("direction", "adjective", "countryside", "country_adjective")
        )

    def _disambiguate(self, match: Match, candidates: list[str], anchors, mentioned_countries) -> str:
        def distance_to_container(ref: str) -> float:
            containers = _containers(ref)
            distances = [abs(pos - match.start) for pos, anchor in anchors if anchor in containers]
            return min(distances, default=float("inf"))

        best = min(candidates, key=distance_to_container)
        if distance_to_container(best) < float("inf"):
            return best
        for ref in candidates:
            if set(self.places[ref]["country"]) & mentioned_countries:
                return ref
        return candidates[0]

    def _with_region(self, match: Match, ref: str) -> _Found:
        found = _Found(match.start, match.end, ref, toponym=self._named_part(match),
                       class_noun_kind=self._class_noun_kind(match))  # fmt: skip
        first = match.first_token
        if first >= 1 and _stem_in(self.tokens[first - 1], "countryside"):
            return self._countryside(found, match)
        directions, start = self._directions_before(first)
        class_noun_before = first >= 1 and _stem_in(self.tokens[first - 1], "place_class")
        if not directions and class_noun_before and self._adjacent(first - 1, first):
            directions, start = self._directions_before(first - 1)  # "شرقي مدينة الرقة"
        if directions:
            found.start, found.region, found.is_region = start, directions, True
        return found

    def _class_noun_kind(self, match: Match) -> str | None:
        """The settlement kind of the class noun that opens the alias or stands right before it ("مدينة حجة",
        "بمدينة حجة": city), else None; منطقة and محافظة give no settlement kind."""
        first = match.first_token
        if match.last_token > first:
            opening = _stem_in(self.tokens[first], "settlement_kind")
            if opening:
                return self.words.settlement_kind[opening[0]]
        if first >= 1 and self._adjacent(first - 1, first):
            before = _stem_in(self.tokens[first - 1], "settlement_kind")
            if before:
                return self.words.settlement_kind[before[0]]
        return None

    def _unlisted_settlements(self, found: list[_Found]) -> list[_Found]:
        """بلدة الغندورة, قرية تل حبش: a settlement the gazetteer lacks, named right after its class noun,
        or in a list after a plural one (بلدات ذيبان والحوايج), and the same name elsewhere in the text
        (قرب الغندورة). An indefinite word ending in ة after the noun is an adjective (بلدة صغيرة), a
        word opening with ي/ت a verb (قرية تقع)."""
        taken = ClaimedSpans(len(self.text), [(f.start, f.end) for f in found])
        stop = name_stopwords() | given_names()  # بلدة أخرى, مخيم إبراهيم: no settlement's name
        names: dict[tuple[str, ...], str] = {}
        for k in self.with_role:
            reading = _stem_in(self.tokens[k], "settlement_kind")  # a definite البلدة never is
            if reading and written_last(self.nt, self.tokens[k]) == "ه":
                continue  # "منتخب بلده": بلد + his, written with ه, not the town بلدة
            if reading:
                kind = self.words.settlement_kind[reading[0]]
                if name := self._settlement_name_at(k + 1, stop):
                    names.setdefault(name, kind)
            elif reading := _stem_in(self.tokens[k], "settlement_list"):
                kind = self.words.settlement_list[reading[0]]
                listed = self._settlement_list_at(k + 1, stop)
                if len(listed) >= 2:  # one word after a plural is its complement: قرى الحدود, مدن المملكة
                    for name in listed:
                        names.setdefault(name, kind)
        unlisted: list[_Found] = []
        if not names:
            return unlisted
        first_words = {words[0] for words in names}
        for k, token in enumerate(self.tokens):
            if token.text not in first_words and token.text[1:] not in first_words:
                continue
            for words, kind in names.items():
                end = k + len(words)
                if tuple(t.text for t in self.tokens[k + 1 : end]) != words[1:]:
                    continue
                if token.text == words[0]:
                    conjunction = 0
                elif token.text == "و" + words[0]:
                    conjunction = 1  # "والحوايج"
                else:
                    continue
                start, stop_at = token.start + conjunction, self.tokens[end - 1].end
                if taken.free(start, stop_at):
                    unlisted.append(_Found(start, stop_at, "", unlisted_kind=kind))
                    taken.take(start, stop_at)
        return unlisted

    def _settlement_name_at(
        self, k: int, stop: frozenset[str], conjunction: int = 0, in_list: bool = False
    ) -> tuple[str, ...] | None:
        """The one- or two-word (تل حبش) settlement name starting at token k, after `conjunction`
        letters of و, or None. `in_list`: a later name of a list, where no adjective can stand."""
        if k >= len(self.tokens):
            return None
        first = self.tokens[k].text[conjunction:]
        if (common := without_proclitic_before_article(first)) and is_said_with_or_without_article(common):
            return None  # "ناحية والعقوبات", "مدينة للسلام": the class noun ended its phrase
        if first.removeprefix("و") in RELATIVE_PRONOUNS:
            return None  # "مدينة، والتي ...": a clause about the thing before
        size = 2 if first in self.words.name_prefix else 1
        words = (first, *(t.text for t in self.tokens[k + 1 : k + size]))
        if len(words) < size:
            return None
        set_apart = self._set_apart_as_name(k + size - 1)
        if size == 2:
            stop = name_stopwords()  # after تل, عين, دير a given name is the place's own: عين عيسى
        return words if _could_be_place_name(words[-1], stop, listed=in_list, set_apart=set_apart) else None

    def _set_apart_as_name(self, k: int) -> bool:
        """Whether the text marks token k as a name, not as the verb of a clause about the place before it:
        in quotes (بلدة "تريب"), closing its phrase (ببلدة تريب، حيث ...) or before a country's adjective
        (مدينة تورينو الإيطالية). A verb after a class noun goes on to its object or complement (قرية تقع
        على الطريق, مدينة يسيطر عليها), and one that ends its phrase carries its object (مدينة يزورها،)."""
        token = self.tokens[k]
        before, after = self.text[token.start - 1 : token.start], self.text[token.end : token.end + 1]
        if before == '"' and after == '"':
            return True
        if token.text.endswith(OBJECT_PRONOUNS):
            return False
        if after in (",", ".", ":"):
            return True
        following = self.tokens[k + 1] if k + 1 < len(self.tokens) else None
        return bool(
            following
            and self._adjacent(k, k + 1)
            and following.text.removesuffix("ه") in self.words.country_adjective
        )

    def _settlement_list_at(self, k: int, stop: frozenset[str]) -> list[tuple[str, ...]]:
        """The names of "بلدات ذيبان والحوايج والطيانة": the first word, then each joined by و or ،."""
        names: list[tuple[str, ...]] = []
        while k < len(self.tokens) and len(names) < MAX_LISTED:
            conjunction = 0
            if names:
                token = self.tokens[k]
                if token.text == "و":
                    k += 1  # "و طلوزة": the conjunction written apart
                elif token.text.startswith("و"):
                    conjunction = 1
                elif self.text[self.tokens[k - 1].end : token.start].strip() != ",":  # ، once normalized
                    break
            name = self._settlement_name_at(k, stop, conjunction, in_list=bool(names))
            if name is None:
                break
            names.append(name)
            k += len(name)
        return names

    def _named_part(self, match: Match) -> tuple[int, int]:
        """The toponym of an alias that opens with a class noun (مدينة غزة -> غزة), else the alias."""
        first = match.first_token
        if match.last_token > first and _stem_in(self.tokens[first], "place_class"):
            return self.tokens[first + 1].start, match.end
        return match.start, match.end

    def _countryside(self, found: _Found, match: Match) -> _Found:
        rif = self.tokens[match.first_token - 1]
        _, cut = _stem_in(rif, "countryside")
        found.start = rif.start + cut
        found.ref_id = seat_governorates().get(found.ref_id, found.ref_id)
        directions = []
        k = match.last_token + 1
        while (
            k < len(self.tokens) and self.tokens[k].text in self.words.adjective and self._adjacent(k - 1, k)
        ):
            directions.append(self.words.adjective[self.tokens[k].text])
            found.end = self.tokens[k].end
            k += 1
        found.region = _combine(directions) if directions else None
        found.is_region = True
        return found

    def _adjacent(self, left: int, right: int) -> bool:
        return not self.text[self.tokens[left].end : self.tokens[right].start].strip()

    def _directions_before(self, first: int) -> tuple[str | None, int]:
        """Direction words right before token `first`: "شرق X", "شمال غربي X", "شرق وشمال X"."""
        words = self.words.direction
        k = first - 1
        if k < 0 or not self._adjacent(k, first):
            return None, 0
        last = _stem_in(self.tokens[k], "direction")
        if last is None:
            return None, 0
        region, start = words[last[0]], self.tokens[k].start + last[1]
        if k == 0 or not self._adjacent(k - 1, k):
            return region, start
        earlier = _stem_in(self.tokens[k - 1], "direction")
        if earlier is None:
            return region, start
        start = self.tokens[k - 1].start + earlier[1]
        if last[1] == 0:
            return _combine([words[earlier[0]], region]), start
        if self.tokens[k].text.startswith("و"):
            # "شرق وشمال سوريا" lists two regions; "شمال غربي" names one.
            return f"{words[earlier[0]]}+{region}", start
        return region, self.tokens[k].start + last[1]

    def _country_regions(self, found: list[_Found]) -> list[_Found]:
        """ "الشمال السوري", "الشمال الشرقي السوري": a compass region of a country named by its adjective."""
        taken = ClaimedSpans(len(self.text), [(f.start, f.end) for f in found])
        regions = []
        for k in self.with_role:
            token = self.tokens[k]
            reading = _stem_in(token, "definite_direction")
            if reading is None:
                continue
            directions = [self.words.definite_direction[reading[0]]]
            j = k + 1
            if j < len(self.tokens) and self.tokens[j].text in self.words.adjective and self._adjacent(k, j):
                directions.append(self.words.adjective[self.tokens[j].text])
                j += 1
            if (
                j >= len(self.tokens)
                or self.tokens[j].text not in self.words.country_adjective
                or not self._adjacent(j - 1, j)
            ):
                continue
            start, end = token.start + reading[1], self.tokens[j].end
            if not taken.free(start, end):
                continue
            country = self.words.country_adjective[self.tokens[j].text]
            regions.append(_Found(start, end, country, _combine(directions), is_region=True))
        return regions


# Every LOC mention carries these attrs (None when unknown, as for a settlement the gazetteer lacks).
# What an unlisted settlement takes from the listed place nearest to it (see find_places).
NEIGHBOUR_ATTRS = ("admin1", "admin1_name", "country", "country_name")
PLACE_ATTRS = (
    "ref_id",
    "canonical",
    "place_kind",
    "admin1",
    "admin1_name",
    "country",
    "country_name",
    "latitude",
    "longitude",
    "region",
    "within",
    "class_noun_kind",
)


# Pronouns a verb carries as its object (مدينة يزورها): normalized, ة and ه are one letter.
OBJECT_PRONOUNS = ("ها", "هم", "هما", "هن")


def _could_be_place_name(
    word: str, stopwords: frozenset[str], listed: bool = False, set_apart: bool = False
) -> bool:
    """`listed`: the word follows و or ، in a list of names, so an indefinite ة is no adjective (طلوزة).
    A word opening with ي or ت is a verb (قرية تقع) unless the text `set_apart` it as a name (a foreign
    town: بلدة "تريب", مدينة تورينو الإيطالية)."""
    indefinite_adjective = not listed and not word.startswith("ال") and word.endswith("ه")
    return (
        word.isalpha()
        and len(word) >= 3
        and word not in stopwords
        and not indefinite_adjective
        and (set_apart or not word.startswith(("ي", "ت")))
    )


def _mention(nt: NormalizedText, found: _Found) -> Mention:
    start, end = nt.to_display_span(found.start, found.end)
    surface = nt.display[start:end]
    if found.unlisted_kind:
        attrs = {**dict.fromkeys(PLACE_ATTRS), "canonical": surface, "place_kind": found.unlisted_kind,
                 "cue": "place_class"}  # fmt: skip
    else:
        attrs = _listed_place_attrs(nt, found)
    return Mention("LOC", start, end, surface, nt.text[found.start : found.end], attrs=attrs)


def _listed_place_attrs(nt: NormalizedText, found: _Found) -> dict:
    places = _place_table()
    place = places[found.ref_id]
    admin1 = place["admin1"][0] if place["admin1"] else None
    country = place["country"][0] if place["country"] else None
    toponym = {}
    if found.toponym and (found.is_region or found.toponym != (found.start, found.end)):
        toponym_start, toponym_end = nt.to_display_span(*found.toponym)
        toponym = {"toponym_start": toponym_start, "toponym_end": toponym_end}
    return {
        "ref_id": place["ref_id"],
        "canonical": place["canonical"],
        "place_kind": "region" if found.is_region else place["place_kind"],
        "admin1": admin1,
        "admin1_name": places[admin1]["canonical"] if admin1 in places else None,
        "country": country,
        "country_name": places[country]["canonical"] if country in places else None,
        "latitude": place["latitude"],
        "longitude": place["longitude"],
        "region": found.region,
        # A region phrase lies inside the place it qualifies.
        "within": place["ref_id"] if found.is_region else place["within"],
        # A city that names its governorate (حجة) is read as the governorate unless the text calls it a city;
        # a region phrase around it ("شرقي مدينة حجة", "ريف مدينة حجة") is not the city itself.
        "class_noun_kind": None if found.is_region else found.class_noun_kind,
        **toponym,
    }


class _SpanCover:
    """Whether some span holds [start, end): by bisection, linear in the article's length overall."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.furthest_end: list[int] = []
        for _, end in spans:
            self.furthest_end.append(max(end, self.furthest_end[-1] if self.furthest_end else end))

    def covers(self, start: int, end: int) -> bool:
        opened = bisect_right(self.starts, start)
        return opened > 0 and self.furthest_end[opened - 1] >= end


# A wire dateline's close ("باريس، فرنسا (CNN)--") ends a sentence too: the desk it names is where the
# story was written, and locates no settlement of the story.
_SENTENCE_MARK = re.compile(r"[.!?؟\n]|\)\s*[-–—]+")


# Words after which a place names where something is or happens (or, for a missile, where it was fired at), as
# "في ضاحية العاصمة جاكرتا" (not "العاصمة" alone: a capital is as often the government or a destination).
LOCATIVES = frozenset((
    "في", "داخل", "قرب", "بالقرب", "عند", "على", "إلى", "الى", "حدود", "شرق", "غرب", "شمال", "جنوب",
    "شرقي", "غربي", "شمالي", "جنوبي", "وسط", "محيط", "أطراف", "ضواحي", "ريف", "مدينة", "بلدة", "قرية",
    "محافظة", "منطقة", "مخيم", "سوق", "مطار", "ميناء", "قطاع", "حي", "مركز", "بمدينة", "ببلدة", "بقرية",
    "بمحافظة", "بمنطقة", "بريف", "باتجاه", "تجاه", "صوب", "ضاحية",
))  # fmt: skip


BELONGING_RE = re.compile(r"(?<![\w])(?:ال)?(?:خاص|خاصة|مرتبط|مرتبطة|متعلق|متعلقة|علاقة|صلة)\s*ب?$")


def named_as_where(m: Mention, display: str) -> bool:
    """Whether the text names the place as where (not a capital or country that speaks or acts: "قالت
    واشنطن", "تكون القاهرة خطت"): after في, على, قرب, شرق, مدينة ... (or the word before
    an adjective: "على الحدود الشرقية لقطاع غزة"), with ب attached ("بغزة"), or itself a part of a place
    ("جنوب قطاع غزة"). Read once, where the place is found (attrs as_where), and carried from there."""
    if "as_where" in m.attrs:
        return m.attrs["as_where"]
    canonical = str(m.attrs.get("canonical") or "")
    attached = display[m.start - 1 : m.start] if m.start else ""
    if (m.surface[:1] == "ب" and canonical[:1] not in ("ب", "")) or attached == "ب":
        # "البنية التحتية العسكرية الخاصة بإيران في سوريا": whose it is, not where
        through_ba = m.start + (1 if attached != "ب" else 0)
        return not BELONGING_RE.search(display[max(0, m.start - 12) : through_ba])
    if m.surface.split()[0].removeprefix("ال") in LOCATIVES:
        return True
    before = _words_before(m, display, 2)
    if before and before[-1] in COMPLEMENTIZERS:
        return False  # "مشيرا إلى أن طهران تتصرف": إلى governs the clause, the place is its subject
    if named_as_elsewhere(m, display):
        return False
    # (not a destination: "انتقلت إلى العاصمة البريطانية لندن", which named_as_elsewhere reads only right before;
    # nor a side of it: "في محافظة ذمار جنوب العاصمة اليمنية صنعاء" is outside the capital)
    return any(_locative(w) for w in before) or any(
        _locative(w) and w not in DESTINATION_WORDS and w.removeprefix("و") not in SIDES_OF for w in _before_its_title(m, display)
    )


# "على أطراف العاصمة الإندونيسية، جاكرتا": the words before a capital's title ("العاصمة" and its adjective).
CAPITAL_TITLE = "العاصمة"
SIDES_OF = frozenset(("شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي"))


def _before_its_title(m: Mention, display: str) -> list[str]:
    """The two words before the title "العاصمة" (or "العاصمة" and a nationality adjective) the place
    follows; none when it follows no such title."""
    before = _words_before(m, display, 4)
    for title in (before[-1:], before[-2:-1]):
        if title == [CAPITAL_TITLE]:
            return before[: len(before) - (1 if before[-1] == CAPITAL_TITLE else 2)][-2:]
    return []


def _locative(word: str) -> bool:
    """A word of LOCATIVES, with its article or after the conjunction و or ف ("وفي كربلاء، تجمع متظاهرون")."""
    return word in LOCATIVES or word.removeprefix("ال") in LOCATIVES or (word[:1] in "وف" and word[1:] in LOCATIVES)


# Words that put the place after them on someone's side: "التابعة لإيران", "الموالية لتركيا", "المدعومة من إيران".
SIDED_WITH_RE = re.compile(r"[وف]?(?:ال)?(?:تابع|موال|موالي|مدعوم)(?:ة|ين|ون)?")


def _on_the_side_of(m: Mention, display: str) -> bool:
    """ "الميليشيات الحوثية التابعة لإيران", "الفصائل المدعومة من تركيا": whose side the place is, not where."""
    before = _words_before(m, display, 2)
    if display[m.start - 1 : m.start] == "ل" or m.surface.startswith("ل"):
        return bool(before) and bool(SIDED_WITH_RE.fullmatch(before[-1]))
    return len(before) == 2 and before[-1] == "من" and bool(SIDED_WITH_RE.fullmatch(before[-2]))


# Prepositions that name where a word of going leads: "خروج من يرفض الاتفاق نحو الشمال السوري".
DESTINATION_WORDS = ("إلى", "الى", "نحو")


def named_as_elsewhere(m: Mention, display: str) -> bool:
    """Whether the text names the place as where someone goes or is, or whom an act is put down to
    ("انتقلت السفارة إلى القدس", "المقيم في لندن", "صواريخ نسبتها إلى إيران", "إجلاء المقاتلين نحو الشمال
    السوري"): a place the sentence's act did not happen in. Read once, where the place is found (attrs as_elsewhere)."""
    if "as_elsewhere" in m.attrs:
        return m.attrs["as_elsewhere"]
    before = _words_before(m, display, 1)
    if _on_the_side_of(m, display):
        return True
    preceding = display[max(0, m.start - 60) : m.start]
    words = region_words()
    if before and before[-1] in DESTINATION_WORDS and _after_one_of(words.motion | words.credit, preceding):
        return True
    if not before or before[-1] != "في":
        return False
    return _after_one_of(words.presence, preceding, PRESENCE_REACH_WORDS) or _in_destination(
        display[max(0, m.start - DESTINATION_REACH_CHARS) : m.start]
    )


# "بالخروج إلى محافظة إدلب في شمال غرب سوريا", "الخروج الآمن إلى مناطق خاضعة لسيطرة المعارضة في شمال غرب
# سوريا": a place after في within this many words of a destination, with no comma between, lies in it.
DESTINATION_PHRASE_WORDS = 5
DESTINATION_REACH_CHARS = 120


def _in_destination(before: str) -> bool:
    """Whether `before` (the text up to a place after في) ends in the phrase of a destination: a word of
    going, its إلى or نحو, then a few words and no punctuation."""
    words = before.split()
    for k in range(len(words) - 2, max(-1, len(words) - 3 - DESTINATION_PHRASE_WORDS), -1):
        if any(mark in words[k] for mark in "،,.؛:"):
            return False
        if words[k] in DESTINATION_WORDS:
            return _after_one_of(region_words().motion, " ".join(words[: k + 1]))
    return False


# "ضواحي العاصمة السورية", "على أطراف بلدة الباغوز": the area around a place, which may lie in another governorate
# (Damascus's suburbs are Rif Dimashq's).
AROUND = frozenset(normalize_text(w) for w in ("ضواحي", "ضاحية", "أطراف", "محيط", "مشارف", "تخوم"))


def named_around(m: Mention, display: str) -> bool:
    """Whether the place is named as the area around it (its suburbs, outskirts, surroundings), not itself."""
    before = _words_before(m, display, 1) + _before_its_title(m, display)[-1:]
    return any(normalize_text(w) in AROUND or normalize_text(w[1:]) in AROUND for w in before)  # "بضواحي"


def _words_before(m: Mention, display: str, count: int) -> list[str]:
    """The `count` words before the place, punctuation stripped; a clitic fused to the place ("ل" of
    "لجنوب") is no word of its own."""
    words = display[max(0, m.start - 30) : m.start].split()
    attached = display[m.start - 1 : m.start] if m.start else ""
    if words and attached.strip():
        words = words[:-1]
    return [w.strip("،,:\"'(«#") for w in words[-count:] if w.strip("#")]


# Words a word of going may stand back from its إلى ("انتقلت فيه السفارة الأميركية إلى القدس"), and a
# word of being from its في ("الموجود حاليا في").
GOING_REACH_WORDS = 4
PRESENCE_REACH_WORDS = 2
_WORD_CLITICS = re.compile(r"^[وف]?(?:[بل]|س(?=[يتن]))?|(?:ها|هم|ه)$")


def _after_one_of(words: frozenset[str], before: str, reach: int = GOING_REACH_WORDS) -> bool:
    """Whether one of `words` (regions.csv, as written) stands in the few words before the closing
    preposition of `before`, proclitics and a pronoun dropped."""
    for word in before.split()[-1 - reach : -1]:
        form = normalize_text(word.strip("،,:\"'(«#"))
        if form in words or _WORD_CLITICS.sub("", form) in words:
            return True
    return False


def find_places(nt: NormalizedText) -> list[Mention]:
    """LOC mentions with attrs ref_id, canonical, place_kind, admin1, country, latitude, longitude,
    region and within (admin1/country/within are place ref_ids; *_name give their canonical names).
    A settlement the gazetteer lacks takes the governorate and country of the nearest listed place
    of its sentence, with attrs located_by "sentence"."""
    mentions = _names_over_titles([_mention(nt, found) for found in _PlaceScan(nt).run()], nt.display)
    for mention in mentions:
        mention.attrs["as_elsewhere"] = named_as_elsewhere(mention, nt.display)  # read first: as_where uses it
        mention.attrs["as_where"] = named_as_where(mention, nt.display)
        if named_around(mention, nt.display):
            mention.attrs["around"] = True
    unlisted = [m for m in mentions if m.attrs["ref_id"] is None]
    located = {}
    marks = [found.start() for found in _SENTENCE_MARK.finditer(nt.display)] if unlisted else []
    by_start = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in by_start]
    for mention in unlisted:
        _locate_by_sentence(mention, by_start, starts, marks)
        if mention.attrs.get("located_by"):
            located.setdefault(mention.normalized, mention.attrs)
    for mention in unlisted:  # the same village named again elsewhere in the article
        if not mention.attrs.get("located_by") and mention.normalized in located:
            mention.attrs.update({key: located[mention.normalized][key] for key in (*NEIGHBOUR_ATTRS, "located_by")})
    return mentions


def _names_over_titles(mentions: list[Mention], display: str) -> list[Mention]:
    """Less a title its place's name follows ("العاصمة الأفغانية كابول", "العاصمة السورية، دمشق"): one place,
    named by its name."""
    by_start = sorted(mentions, key=lambda m: m.start)
    titles = {
        id(a) for a, b in zip(by_start, by_start[1:], strict=False)
        if a.attrs.get("ref_id") and a.attrs.get("ref_id") == b.attrs.get("ref_id") and a.surface.startswith(CAPITAL_TITLE)
        and not display[a.end : b.start].strip(" ،,")
    }  # fmt: skip
    return [m for m in mentions if id(m) not in titles]


def _locate_by_sentence(unlisted: Mention, by_start: list[Mention], starts: list[int], marks: list[int]) -> None:
    """ "بلدة الغندورة التابعة لمنطقة جرابلس", "بلدات ذيبان والحوايج": an unlisted settlement lies in
    the governorate of the nearest place of its sentence that has one. `by_start` are the article's
    places in order, `starts` their offsets and `marks` the offsets of sentence marks."""
    before = bisect_left(marks, unlisted.start)
    low = marks[before - 1] + 1 if before else 0  # no mark between a place and the settlement
    high = marks[before] if before < len(marks) else starts[-1]
    sentence = by_start[bisect_left(starts, low) : bisect_right(starts, high)]
    neighbours = [m for m in sentence if m.attrs.get("admin1")]
    if not neighbours:
        return
    nearest = min(neighbours, key=lambda m: abs(m.start - unlisted.start))
    unlisted.attrs.update({key: nearest.attrs[key] for key in NEIGHBOUR_ATTRS}, located_by="sentence")
