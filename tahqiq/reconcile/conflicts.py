"""Conflicts: every attribute of an entity or event on which the sources disagree.

A row lists each distinct value with the articles (and outlets) that state it, a severity, and a
one-line explanation in English and Arabic. Only real disagreements are rows: dates conflict when
their intervals do not overlap (a month containing the day, or a relative date resolving to the
same day, is agreement); a region conflicts when no area it names contains the geocoded place or
when two reported regions share no area.

Severity scale (one scale for every attribute):
- high: numbers killed or wounded; given names; dates a week or more apart; calendar dates
  (stated outright, "8 آذار") that differ by more than a day.
- medium: region or governorate contradicting the geocoding; partner (joint vs unilateral);
  role classes; detained counts; calendar dates one day apart; other dates 2-6 days apart.
- low: aircraft counts; a day's gap where one side counts from a weekday or "yesterday" (night vs
  dawn); an approximate count ("at least two") below the other number.
- info: two spellings of a place in one article; names with and without the kunya (Abu ...).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from functools import lru_cache
from itertools import combinations

import polars as pl
from rapidfuzz.distance import Levenshtein

from tahqiq import warehouse
from tahqiq.extract.counts import event_total
from tahqiq.extract.places import place_by_id
from tahqiq.reconcile.events import date_bounds
from tahqiq.reference import load_event_lexicon
from tahqiq.text.normalize import normalize_text

# Date forms that name a calendar day outright ("8 آذار/مارس"), not counted from a weekday.
CALENDAR_FORMS = ("day_month",)
COUNT_SEVERITY = {"killed": "high", "wounded": "high", "detained": "medium", "aircraft": "low"}
COUNT_WORDS = {
    "killed": ("killed", "القتلى"),
    "wounded": ("wounded", "الجرحى"),
    "detained": ("detained", "المعتقلين"),
    "aircraft": ("aircraft", "الطائرات"),
}
STATED_COUNT_KINDS = ("killed", "wounded", "detained", "aircraft")

REGION_AR = {
    "east": "شرق سوريا", "west": "غرب سوريا", "north": "شمال سوريا", "south": "جنوب سوريا",
    "north-east": "شمال شرق سوريا", "north-west": "شمال غرب سوريا", "south-east": "جنوب شرق سوريا",
    "south-west": "جنوب غرب سوريا", "center": "وسط سوريا",
}  # fmt: skip


@lru_cache(maxsize=1)
def region_boxes() -> dict[str, list[tuple[float, float, float, float]]]:
    boxes: dict[str, list[tuple[float, float, float, float]]] = defaultdict(list)
    for row in load_event_lexicon():
        if row["kind"] == "region_box":
            lat_min, lat_max, lon_min, lon_max = (float(x) for x in row["value"].split(";"))
            boxes[row["phrase"]].append((lat_min, lat_max, lon_min, lon_max))
    return dict(boxes)


@lru_cache(maxsize=1)
def role_codes() -> dict[str, str]:
    return {normalize_text(r["phrase"]): r["value"] for r in load_event_lexicon() if r["kind"] == "role"}


def region_contains(region: str, latitude: float, longitude: float) -> bool:
    if "+" in region:
        return any(region_contains(part, latitude, longitude) for part in region.split("+"))
    return any(
        lat_min <= latitude <= lat_max and lon_min <= longitude <= lon_max
        for lat_min, lat_max, lon_min, lon_max in region_boxes().get(region, [])
    )


def regions_overlap(a: str, b: str) -> bool:
    if a == b:
        return True
    if "+" in a or "+" in b:
        return any(regions_overlap(x, y) for x in a.split("+") for y in b.split("+"))
    return any(
        a1 <= b2 and b1 <= a2 and c1 <= d2 and d1 <= c2
        for a1, a2, c1, c2 in region_boxes().get(a, [])
        for b1, b2, d1, d2 in region_boxes().get(b, [])
    )


def conflict_id(subject_id: str, attribute: str, detail: str = "") -> str:
    digest = hashlib.sha1(f"{subject_id}|{attribute}|{detail}".encode()).hexdigest()[:12]
    return f"C_{digest}"


def _values_json(groups: dict[str, tuple[set[str], set[str]]]) -> str:
    return json.dumps(
        [
            {"value": value, "article_ids": sorted(arts), "outlets": sorted(o for o in outlets if o)}
            for value, (arts, outlets) in sorted(groups.items())
        ],
        ensure_ascii=False,
    )


def _group(rows: list[tuple[str, str, str | None]]) -> dict[str, tuple[set[str], set[str]]]:
    groups: dict[str, tuple[set[str], set[str]]] = {}
    for value, article_id, outlet in rows:
        arts, outlets = groups.setdefault(value, (set(), set()))
        arts.add(article_id)
        outlets.add(outlet or "")
    return groups


def _row(kind, subject_id, label, attribute, groups, severity, en, ar, detail="") -> dict:
    return {
        "conflict_id": conflict_id(subject_id, attribute, detail),
        "subject_kind": kind,
        "subject_id": subject_id,
        "subject_label": label,
        "attribute": attribute,
        "values": _values_json(groups),
        "severity": severity,
        "explanation": en,
        "explanation_ar": ar,
    }


def _date_conflict(
    event_id: str, label: str, reports: list[dict], date_forms: dict[tuple[str, str], str] | None = None
) -> dict | None:
    """`date_forms`: (article_id, ISO value) -> form of the DATE mention that gave it (day_month,
    weekday, relative_day, ...). Two calendar dates a day apart are a real disagreement; a day's gap
    where one side counts from a weekday or "yesterday" is the night-vs-dawn kind."""
    forms = date_forms or {}
    dated = [(r, date_bounds(r["reported_date"])) for r in reports if r["reported_date"]]
    dated = [(r, b) for r, b in dated if b]
    gap = 0
    calendar_clash = False
    for (ra, a), (rb, b) in combinations(dated, 2):
        if a[1] < b[0] or b[1] < a[0]:
            gap = max(gap, (b[0] - a[1]).days if a[1] < b[0] else (a[0] - b[1]).days)
            calendar_clash |= all(
                forms.get((r["article_id"], r["reported_date"])) in CALENDAR_FORMS for r in (ra, rb)
            )
    if gap == 0:
        return None
    groups = _group([(r["reported_date"], r["article_id"], r["outlet"]) for r, _ in dated])
    if gap >= 7 or (calendar_clash and gap > 1):
        severity = "high"
    elif calendar_clash or gap > 1:
        severity = "medium"
    else:
        severity = "low"
    return _row(
        "event", event_id, label, "event_date", groups, severity,
        f"Sources date the event {gap} day(s) apart: {', '.join(sorted(groups))}.",
        f"تختلف المصادر في تاريخ الحدث بفارق {gap} يوم: {'، '.join(sorted(groups))}.",
    )  # fmt: skip


def _count_conflict(
    event_id: str,
    label: str,
    reports: list[dict],
    column: str,
    attribute: str,
    stated: dict[tuple[str, str], tuple[int, bool]] | None = None,
) -> dict | None:
    """`stated`: (article_id, attribute) -> (number, approximate) from the article's COUNT mentions,
    used where the frame gives no number."""
    claims: dict[str, tuple[int, bool, str | None]] = {}
    for r in reports:
        if r.get(column) is not None:
            claims[r["article_id"]] = (int(r[column]), False, r["outlet"])
        elif stated and (r["article_id"], attribute) in stated:
            number, approximate = stated[(r["article_id"], attribute)]
            claims.setdefault(r["article_id"], (number, approximate, r["outlet"]))
    groups = _group([(str(n), article, outlet) for article, (n, _, outlet) in claims.items()])
    if len(groups) < 2:
        return None
    numbers = sorted(int(v) for v in groups)
    approximate = {n for n, approx, _ in claims.values() if approx}
    severity = COUNT_SEVERITY.get(attribute, "medium")
    if approximate and all(n <= numbers[-1] for n in approximate) and len(numbers) == 2:
        severity = "low"  # "at least two" and three may both be right
    what_en, what_ar = COUNT_WORDS.get(attribute, (attribute, attribute))
    return _row(
        "event", event_id, label, attribute, groups, severity,
        f"Sources give different numbers {what_en}: {', '.join(map(str, numbers))}.",
        f"تختلف المصادر في عدد {what_ar}: {'، '.join(map(str, numbers))}.",
    )  # fmt: skip


def _partner_conflict(event_id: str, label: str, reports: list[dict]) -> dict | None:
    rows = []
    for r in reports:
        claim = r["partner_claim"]
        if claim == "contested":
            rows += [("joint", r["article_id"], r["outlet"]), ("unilateral", r["article_id"], r["outlet"])]
        elif claim in ("joint", "unilateral"):
            rows.append((claim, r["article_id"], r["outlet"]))
    groups = _group(rows)
    if len(groups) < 2:
        return None
    both = sorted({r["outlet"] or r["article_id"] for r in reports if r["partner_claim"] == "contested"})
    if both and len({r["article_id"] for r in reports if r["partner_claim"]}) == 1:
        en = f"The same article ({', '.join(both)}) says both that the operation was joint and unilateral."
        ar = f"المقال نفسه ({'، '.join(both)}) يصف العملية بأنها مشتركة وأحادية في آن."
    else:
        en = "One source calls the operation unilateral, another says partner forces took part."
        ar = "يصف مصدر العملية بأنها أحادية بينما يذكر مصدر آخر مشاركة قوات شريكة."
        if both:
            en += f" {', '.join(both)} says both."
            ar += f" ويقول {'، '.join(both)} الأمرين معا."
    return _row("event", event_id, label, "partner", groups, "medium", en, ar)


def _place_conflict(event_id: str, label: str, reports: list[dict]) -> dict | None:
    rows = [(r["admin1"], r["article_id"], r["outlet"]) for r in reports if r["admin1"]]
    groups = _group(rows)
    if len(groups) < 2:
        return None
    places = {r["admin1"]: r["reported_place"] for r in reports if r["admin1"]}
    named = ", ".join(f"{places[a] or a} ({a})" for a in sorted(groups))
    return _row(
        "event", event_id, label, "place", groups, "medium",
        f"Sources place the event in different governorates: {named}.",
        f"تضع المصادر الحدث في محافظات مختلفة: {named}.",
    )  # fmt: skip


def _region_conflict(event_id: str, label: str, reports: list[dict], event: dict) -> dict | None:
    regional = [
        {**r, "region": code, "reported_region": phrase}
        for r in reports
        if r["region"]
        for code, phrase in zip(
            r["region"].split("|"), (r["reported_region"] or "").split(" | ") + [""] * 9, strict=False
        )
    ]
    if not regional:
        return None
    lat, lon = event.get("latitude"), event.get("longitude")
    wrong = set()
    if lat is not None and lon is not None:
        wrong = {
            r["region"]
            for r in regional
            if region_boxes().get(r["region"]) and not region_contains(r["region"], lat, lon)
        }
    codes = sorted({r["region"] for r in regional})
    disjoint = [(a, b) for a, b in combinations(codes, 2) if not regions_overlap(a, b)]
    if not wrong and not disjoint:
        return None
    rows = [
        (
            f"{r['region']} ({r['reported_region'] or REGION_AR.get(r['region'], '')})",
            r["article_id"],
            r["outlet"],
        )
        for r in regional
    ]
    place = event.get("place_name") or event.get("admin1")
    if lat is not None and lon is not None and place:
        located = [r for r in reports if r["admin1"] == event.get("admin1")] or reports
        rows += [
            (f"geocoded: {place} ({event.get('admin1')})", r["article_id"], r["outlet"]) for r in located
        ]
    groups = _group(rows)
    if wrong:
        sources = defaultdict(set)
        for r in regional:
            if r["region"] in wrong:
                sources[r["region"]].add(r["outlet"] or r["article_id"])
        said_en = "; ".join(f"{w} Syria ({', '.join(sorted(sources[w]))})" for w in sorted(wrong))
        said_ar = "؛ ".join(f"{REGION_AR.get(w, w)} ({'، '.join(sorted(sources[w]))})" for w in sorted(wrong))
        inside = [c for c in sorted(region_boxes()) if "+" not in c and region_contains(c, lat, lon)]
        where = f" ({'/'.join(inside)})" if inside else ""
        verb = "contradicts" if len(wrong) == 1 else "contradict"
        province = str(event.get("admin1") or "").removeprefix("sy-").replace("-", " ").title()
        en = f"{said_en} {verb} the geocoded {place}, {province} governorate{where}."
        ar = f"{said_ar} يناقض الموقع المحدد {place}، محافظة {province}{where}."
    else:
        en = f"Sources describe the location with regions that do not overlap: {', '.join(codes)}."
        ar = f"تصف المصادر الموقع بمناطق غير متداخلة: {'، '.join(REGION_AR.get(c, c) for c in codes)}."
    return _row("event", event_id, label, "region", groups, "medium", en, ar)


def stated_counts(mentions: pl.DataFrame, reports: pl.DataFrame) -> dict:
    """(frame_id, count kind) -> (reported number, approximate) of the COUNT mentions of each frame.

    A COUNT belongs to the frame whose trigger comes last before it in its article (the first frame
    when it comes before every trigger); of the numbers of a kind, `event_total` picks what the frame
    reports, as for the event frames themselves."""
    if mentions.height == 0 or reports.height == 0 or "trigger_start" not in reports.columns:
        return {}
    counts = mentions.filter(pl.col("entity_type") == "COUNT").select(
        "article_id",
        pl.col("start_char").cast(pl.Int64),
        pl.col("value").cast(pl.Int64, strict=False).alias("number"),
        pl.col("attrs").str.json_path_match("$.count_kind").alias("kind"),
        pl.col("attrs").str.json_path_match("$.approximate").alias("approximate"),
    )
    counts = counts.filter(pl.col("kind").is_in(STATED_COUNT_KINDS)).drop_nulls("number")
    frames = reports.select("frame_id", "article_id", pl.col("trigger_start").cast(pl.Int64)).unique()
    stated: dict[tuple[str, str], dict[int, bool]] = defaultdict(dict)  # number -> approximate
    by_article: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for frame_id, article_id, start in frames.iter_rows():
        by_article[article_id].append((start or 0, frame_id))
    for article_id, start, number, kind, approximate in counts.iter_rows():
        triggers = sorted(by_article.get(article_id, []))
        if not triggers:
            continue
        before = [f for s, f in triggers if s <= start]
        frame_id = before[-1] if before else triggers[0][1]
        stated[(frame_id, kind)].setdefault(number, approximate == "true")
    out: dict[tuple[str, str], tuple[int, bool]] = {}
    for key, numbers in stated.items():
        total = event_total(numbers)
        if total is not None:
            out[key] = (total, numbers[total])
    return out


def date_forms(mentions: pl.DataFrame) -> dict[tuple[str, str], str]:
    """(article_id, ISO value) -> form of a DATE mention giving that value in that article."""
    if mentions.height == 0:
        return {}
    dates = mentions.filter(pl.col("entity_type") == "DATE").select(
        "article_id", "value", pl.col("attrs").str.json_path_match("$.form").alias("form")
    )
    out: dict[tuple[str, str], str] = {}
    for article_id, value, form in dates.drop_nulls().iter_rows():
        # A calendar form anywhere for that value wins: the article states the day outright.
        if out.get((article_id, value)) not in CALENDAR_FORMS:
            out[(article_id, value)] = form
    return out


def event_conflicts(
    reports: pl.DataFrame, events: pl.DataFrame, mentions: pl.DataFrame | None = None
) -> list[dict]:
    """Date, count, partner, place and region conflicts of each event; `mentions` (DATE and COUNT
    mentions with attrs) adds the date forms and the counts frames do not carry."""
    out: list[dict] = []
    event_rows = {e["event_id"]: e for e in events.iter_rows(named=True)}
    by_event: dict[str, list[dict]] = defaultdict(list)
    mentions = mentions if mentions is not None else pl.DataFrame()
    if mentions.height:
        # Only the DATE and COUNT mentions of articles that report an event can matter.
        mentions = mentions.filter(pl.col("entity_type").is_in(("DATE", "COUNT"))).join(
            reports.select("article_id").unique(), on="article_id", how="semi"
        )
    per_frame = stated_counts(mentions, reports)
    forms = date_forms(mentions)
    for r in reports.iter_rows(named=True):
        by_event[r["event_id"]].append(r)
    for event_id, rows in by_event.items():
        event = event_rows.get(event_id, {})
        label = event_label(event)
        news = [r for r in rows if not r.get("is_background")]
        stated = {
            (r["article_id"], kind): per_frame[(r.get("frame_id"), kind)]
            for r in news
            for kind in STATED_COUNT_KINDS
            if (r.get("frame_id"), kind) in per_frame
        }
        found = [
            _date_conflict(event_id, label, rows, forms)
            if len({r["article_id"] for r in rows}) > 1
            else None,
            _count_conflict(event_id, label, rows, "reported_killed", "killed", stated),
            _count_conflict(event_id, label, rows, "reported_wounded", "wounded", stated),
            _count_conflict(event_id, label, news, "reported_detained", "detained", stated),
            _count_conflict(event_id, label, news, "reported_aircraft", "aircraft", stated),
            _partner_conflict(event_id, label, rows),
            _place_conflict(event_id, label, rows),
            _region_conflict(event_id, label, rows, event),
        ]
        out += [f for f in found if f]
    return out


def event_label(event: dict) -> str:
    parts = [
        event.get("event_type") or "event",
        event.get("event_date") or "",
        event.get("place_name") or event.get("admin1") or "",
    ]
    return " ".join(p for p in parts if p)


def _spelling_matters(ref_id: str | None) -> bool:
    """Villages and towns are where two spellings can mean two places; سوريا/سورية is just style."""
    place = place_by_id(ref_id) if ref_id else None
    return place is None or place.get("place_kind") not in ("country", "admin1", "region", "continent")


def spelling_conflicts(
    loc_mentions: pl.DataFrame, article_events: pl.DataFrame, events: pl.DataFrame
) -> list[dict]:
    """Two spellings of one place in one article (one letter apart or the same letters reordered).

    `loc_mentions`: article_id, outlet, surface, normalized, ref_id; `article_events`: article_id, event_id
    (the article's main events)."""
    out = []
    labels = {e["event_id"]: event_label(e) for e in events.iter_rows(named=True)}
    events_of = defaultdict(list)
    for article_id, event_id in article_events.iter_rows():
        events_of[article_id].append(event_id)
    in_events = loc_mentions.filter(pl.col("article_id").is_in(list(events_of)))
    for article_id, group in _rows_by(in_events, "article_id").items():
        forms = {}
        for row in group:
            bare = row["normalized"].removeprefix("ال")
            forms.setdefault(bare, (row["surface"], row["ref_id"], row["outlet"]))
        for a, b in combinations(sorted(forms), 2):
            ref_a, ref_b = forms[a][1], forms[b][1]
            if (ref_a and ref_b and ref_a != ref_b) or not _spelling_matters(ref_a or ref_b):
                continue
            reordered = len(a) == len(b) and sorted(a) == sorted(b)
            one_edit = min(len(a), len(b)) >= 4 and Levenshtein.distance(a, b) == 1
            if reordered or one_edit:
                groups = {
                    forms[a][0]: ({article_id}, {forms[a][2] or ""}),
                    forms[b][0]: ({article_id}, {forms[b][2] or ""}),
                }
                for event_id in events_of[article_id]:
                    out.append(_row(
                        "event", event_id, labels.get(event_id, ""), "place", groups, "info",
                        f"One article spells the place two ways: {forms[a][0]} / {forms[b][0]}.",
                        f"مقال واحد يكتب اسم المكان بطريقتين: {forms[a][0]} / {forms[b][0]}.",
                        detail=f"{article_id}|{a}|{b}",
                    ))  # fmt: skip
    return out


def person_conflicts(persons: pl.DataFrame, canonical: dict[str, str]) -> list[dict]:
    """given_name and name (kunya) conflicts within each person entity.

    `persons`: entity_id, article_id, outlet, surface, key (bare name), kunya."""
    out = []
    columns = ("entity_id", "article_id", "outlet", "surface", "key", "kunya")
    for entity_id, rows in _rows_by(_disputable_people(persons.select(columns)), "entity_id").items():
        label = canonical.get(entity_id, "")
        multi = [r for r in rows if r["key"] and len(r["key"].split()) >= 2]
        by_surname = defaultdict(list)
        # "أبو بلال الراوي" names the son after "أبو", not the man: no given name to compare.
        for r in (r for r in multi if not r["kunya"]):
            by_surname[r["key"].split()[-1]].append(r)
        for surname, same in by_surname.items():
            givens = _group([(r["key"].split()[0], r["article_id"], r["outlet"]) for r in same])
            if len(givens) > 1 and _across_articles(givens):
                display = _group([(_given_display(r), r["article_id"], r["outlet"]) for r in same])
                out.append(_row(
                    "entity", entity_id, label, "given_name", display, "high",
                    f"The same person ({surname}) is given different first names: {', '.join(sorted(display))}.",
                    f"يرد الشخص نفسه ({surname}) بأسماء أولى مختلفة: {'، '.join(sorted(display))}.",
                    detail=surname,
                ))  # fmt: skip
        named = [r for r in multi if not r["kunya"]]
        with_kunya = [r for r in rows if r["kunya"]]
        if named and with_kunya and {r["article_id"] for r in named} != {r["article_id"] for r in with_kunya}:
            groups = _group([(r["surface"], r["article_id"], r["outlet"]) for r in named + with_kunya])
            out.append(_row(
                "entity", entity_id, label, "name", groups, "info",
                f"Some sources name the person by kunya (Abu ...), others by name: {', '.join(sorted(groups))}.",
                f"بعض المصادر تسمي الشخص بكنيته (أبو ...) وبعضها باسمه: {'، '.join(sorted(groups))}.",
                detail="kunya",
            ))  # fmt: skip
    return out


def _disputable_people(persons: pl.DataFrame) -> pl.DataFrame:
    """Rows of the entities that can have a name conflict: two bare names of two or more tokens
    without a kunya, or one of them and a kunya. Most entities have neither."""
    no_kunya = pl.col("kunya").fill_null("") == ""
    named = no_kunya & pl.col("key").str.contains(" ", literal=True).fill_null(False)
    disputable = (
        persons.group_by("entity_id")
        .agg(
            ((pl.col("key").filter(named).n_unique() >= 2) | (named.any() & (~no_kunya).any())).alias(
                "disputable"
            )
        )
        .filter(pl.col("disputable"))
    )
    return persons.join(disputable.select("entity_id"), on="entity_id", how="semi", nulls_equal=True)


def _rows_by(frame: pl.DataFrame, column: str) -> dict:
    """The rows of `frame` as dicts, grouped by `column`, in frame order (one pass, no per-group frames)."""
    groups: dict = defaultdict(list)
    for row in frame.iter_rows(named=True):
        groups[row[column]].append(row)
    return groups


def _across_articles(groups: dict[str, tuple[set[str], set[str]]]) -> bool:
    """Values that some article states without the others: one article naming a man two ways is
    giving his aliases, not disagreeing with itself."""
    article_sets = [arts for arts, _ in groups.values()]
    return any(a != b for a, b in combinations(article_sets, 2)) and len(set().union(*article_sets)) > 1


def _given_display(row: dict) -> str:
    surface_tokens = row["surface"].split()
    surname_tokens = len(row["key"].split()) - 1
    return " ".join(surface_tokens[: max(1, len(surface_tokens) - surname_tokens)])


def role_conflicts(roles: pl.DataFrame, canonical: dict[str, str]) -> list[dict]:
    """`roles`: entity_id, role_word, article_id, outlet. Different role codes for one target."""
    codes = role_codes()
    out = []
    for (entity_id,), group in roles.group_by("entity_id"):
        rows = [
            (w, a, o)
            for w, a, o in group.select("role_word", "article_id", "outlet").iter_rows()
            if w and codes.get(normalize_text(w)) != "member"
        ]
        distinct_codes = {codes.get(normalize_text(w), normalize_text(w)) for w, _, _ in rows}
        if len(distinct_codes) < 2:
            continue
        groups = _group(rows)
        out.append(_row(
            "entity", entity_id, canonical.get(entity_id, ""), "role", groups, "medium",
            f"Sources give the person different ranks: {', '.join(sorted(distinct_codes))}.",
            f"تمنح المصادر الشخص صفات مختلفة: {'، '.join(sorted(groups))}.",
        ))  # fmt: skip
    return out


def conflicts_frame(rows: list[dict]) -> pl.DataFrame:
    if not rows:
        return warehouse.empty_frame("conflicts")
    return warehouse.conform(pl.DataFrame(rows).unique("conflict_id", keep="first"), "conflicts")
