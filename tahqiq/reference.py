"""The one loader for the curated reference data in `data/reference/` (gazetteers and lexicons).

Every file is a reviewable CSV with a header row (or a word list, one entry a line), cached for the
life of the process. The gazetteer loaders return plain dicts with string values (empty cells are "");
the people, counts and weapons loaders return their entries in matching form. Other lexicons add their
loader here.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from tahqiq.text.normalize import normalize_text

REFERENCE_DIR = Path(__file__).resolve().parents[1] / "data" / "reference"


def read_reference_csv(name: str) -> list[dict[str, str]]:
    """Rows of `data/reference/<name>` as dicts; comment lines starting with '#' are skipped."""
    with (REFERENCE_DIR / name).open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        return [{key: (value or "").strip() for key, value in row.items()} for row in csv.DictReader(lines)]


@lru_cache(maxsize=1)
def load_organizations() -> tuple[dict[str, str], ...]:
    """One row per alias: ref_id, canonical, alias, alias_kind, org_kind, country."""
    return tuple(read_reference_csv("organizations.csv"))


@lru_cache(maxsize=1)
def load_org_heads() -> tuple[dict[str, str], ...]:
    """Words shaping organization names: word, role (head, boundary), strict ("1" when the head is also
    a common noun), org_kind."""
    return tuple(read_reference_csv("org_heads.csv"))


@lru_cache(maxsize=1)
def load_places() -> tuple[dict[str, str], ...]:
    """One row per alias: ref_id, canonical, alias, place_kind, admin1, country, latitude, longitude,
    within, coord_source, geonames_code, needs_context, origin."""
    return tuple(read_reference_csv("places.csv"))


@lru_cache(maxsize=1)
def load_region_words() -> tuple[dict[str, str], ...]:
    """Words around place names: word, role (direction, adjective, definite_direction, countryside,
    place_cue, place_class, settlement_list, name_prefix: see the header of regions.csv), value (a
    compass region such as "east", or the kind of settlement a class noun introduces)."""
    return tuple(read_reference_csv("regions.csv"))


@lru_cache(maxsize=1)
def casualty_groups() -> dict[str, str]:
    """Count noun -> the group of the dead or wounded it counts apart from the toll (casualty_groups.csv)."""
    return {row["subject"]: row["group"] for row in read_reference_csv("casualty_groups.csv")}


@lru_cache(maxsize=1)
def load_event_lexicon() -> tuple[dict[str, str], ...]:
    """Event triggers and claim framing: kind (trigger, outcome, background, announce, claim, joint,
    unilateral, role, speaker, target_org, region, update, responsibility, ...), phrase, value."""
    return tuple(read_reference_csv("event_lexicon.csv"))


# ---------------------------------------------------------------------------------------------
# People, counts and weapons lexicons (used by tahqiq.extract.people / counts / weapons).
# Every entry is returned in matching form (normalize_text) so rules compare like with like.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonTitle:
    """A title or cue before a personal name; `kind` is rank, honorific, role, office (a role that is
    often followed directly by the name: الرئيس, وزير الخارجية), called or alias."""

    tokens: tuple[str, ...]
    display: str
    role: str
    kind: str
    common_noun: bool = False  # also an everyday word (الفريق: the team): names only a listed given name after it


@dataclass(frozen=True)
class CountNoun:
    """A countable noun form: its canonical subject, the count kind it implies and its number."""

    subject: str
    kind: str
    number: int | None  # 1 singular, 2 dual, None plural


@dataclass(frozen=True)
class WeaponAlias:
    ref_id: str
    alias: str
    kind: str


def _word_list(name: str) -> frozenset[str]:
    lines = (REFERENCE_DIR / name).read_text(encoding="utf-8").splitlines()
    return frozenset(normalize_text(line) for line in lines if line.strip() and not line.startswith("#"))


@cache
def person_titles() -> tuple[PersonTitle, ...]:
    """Titles, ranks, roles and naming cues, longest first so the most specific one wins."""
    titles = [
        PersonTitle(
            tuple(normalize_text(row["title"]).split()), row["title"], row["role"], row["kind"],
            row.get("common_noun") == "1",
        )
        for row in read_reference_csv("person_titles.csv")
    ]
    return tuple(sorted(titles, key=lambda t: -len(t.tokens)))


@dataclass(frozen=True)
class WellKnownPerson:
    """One alias of a world figure news names without introducing (well_known_people.csv)."""

    tokens: tuple[str, ...]
    canonical: str
    kind: str  # full, or surname (a distinctive surname that names the person alone)
    role: str


@cache
def well_known_people() -> tuple[WellKnownPerson, ...]:
    rows = read_reference_csv("well_known_people.csv")
    return tuple(
        WellKnownPerson(
            tuple(normalize_text(row["alias"]).split()), row["canonical"], row["kind"], row["role"]
        )
        for row in rows
    )


@cache
def given_names() -> frozenset[str]:
    """Given names, Arabic and foreign (given_names.txt, given_names_foreign.txt)."""
    return _word_list("given_names.txt") | transliterated_given_names()


@cache
def transliterated_given_names() -> frozenset[str]:
    """Foreign given names, which outlets transliterate each their own way (given_names_foreign.txt)."""
    return _word_list("given_names_foreign.txt")


@cache
def speech_verbs() -> frozenset[str]:
    """Verbs of saying and reporting that news puts before the speaker's name (قال, أعلن, أكد)."""
    return _word_list("speech_verbs.txt")


@cache
def ambiguous_given_names() -> frozenset[str]:
    return _word_list("given_names_ambiguous.txt")


@cache
def name_stopwords() -> frozenset[str]:
    return _word_list("name_stopwords.txt")


@cache
def named_after_heads() -> frozenset[str]:
    """Nouns a place or thing named after a person opens with (مطار الملك خالد, ولاية فيكتوريا):
    named_after_people.txt and the place class nouns of regions.csv."""
    classes = {normalize_text(row["word"]) for row in load_region_words() if row["role"] == "place_class"}
    return _word_list("named_after_people.txt") | classes


@cache
def nationality_adjectives() -> dict[str, str]:
    """Nationality adjectives (masculine singular, matching form: الارجنتيني) -> ISO country code, from
    nationalities.csv. Feminine forms are left out: most name a language or a country (الفرنسية)."""
    return {
        normalize_text(row["adjective"]): row["country"] for row in read_reference_csv("nationalities.csv")
    }


def country_of_nationality(word: str) -> str | None:
    """The country (ISO code) a nationality adjective in matching form names, masculine or feminine
    (السوري, السوريه -> SY); None for any other word."""
    adjectives = nationality_adjectives()
    return adjectives.get(word) or (adjectives.get(word[:-1]) if word.endswith("ه") else None)


@cache
def nisba_exclusions() -> frozenset[str]:
    return _word_list("nisba_exclusions.txt")


@cache
def kunya_exclusions() -> frozenset[str]:
    return _word_list("kunya_exclusions.txt")


@cache
def number_words() -> dict[str, tuple[int, str]]:
    """Arabic number word → (value, kind: unit|teen|ten|hundred|thousand|vague)."""
    return {
        normalize_text(row["word"]): (int(row["value"]), row["kind"])
        for row in read_reference_csv("number_words.csv")
    }


@cache
def count_nouns() -> dict[str, CountNoun]:
    return {
        normalize_text(row["form"]): CountNoun(
            row["subject"], row["kind"], int(row["number"]) if row["number"] else None
        )
        for row in read_reference_csv("count_nouns.csv")
    }


@cache
def count_cues() -> dict[str, str]:
    """Event nouns and verbs that say what a number counts (مقتل → killed)."""
    return {normalize_text(row["word"]): row["count_kind"] for row in read_reference_csv("count_cues.csv")}


@cache
def count_cues_after() -> dict[str, str]:
    """Cues that also govern a count just before them ("أربعة جنود أصيبوا")."""
    rows = read_reference_csv("count_cues.csv")
    return {normalize_text(row["word"]): row["count_kind"] for row in rows if row.get("after") == "yes"}


@cache
def weapon_aliases() -> tuple[WeaponAlias, ...]:
    return tuple(
        WeaponAlias(row["ref_id"], normalize_text(row["alias"]), row["kind"])
        for row in read_reference_csv("weapons.csv")
    )


@cache
def count_blockers() -> dict[str, frozenset[str]]:
    """Words next to a number that make it a date, duration, percentage or measure, not a count."""
    blockers: dict[str, set[str]] = {"before": set(), "after": set()}
    for row in read_reference_csv("count_blockers.csv"):
        blockers[row["position"]].add(normalize_text(row["word"]).split()[0])
    return {position: frozenset(words) for position, words in blockers.items()}
