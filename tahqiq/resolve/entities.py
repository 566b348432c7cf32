"""People resolved across articles with Splink: one entity per real person, every link explained.

Two steps, as an analyst reads:
1. Within one article, mentions of one man become one record: a full name, its repeats, the bare
   surname or kunya that refers back to it (`repeat_of` from extract, or the one fuller name of the
   article holding that token), and a well-known figure's surname (`well_known` from extract).
2. Across articles, records are linked by a Fellegi-Sunter model (Splink on DuckDB): the name parts
   extract stored (given name, family name or nisba, kunya), their spelling skeletons
   (`tahqiq.text.arabic.name_skeleton`), the reference figure the name matched, and the countries and
   organizations the article ties to the person. u-probabilities come from random pairs, m from EM
   without labels, and term frequencies make a common name (محمد, عبد السلام) need more evidence than a
   rare one. A link needs `LINK_THRESHOLD_WEIGHT`; each kept link, with its weight and the level each
   comparison reached, is returned for `entity_links`.

A one-word name that nothing in its article completes stays an entity of its article: a bare surname is
not evidence enough across articles.
"""

from __future__ import annotations

import hashlib
import json
import logging
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb
import polars as pl

from tahqiq.reference import (
    country_of_nationality,
    given_names,
    load_org_heads,
    load_organizations,
    read_reference_csv,
    transliterated_given_names,
)
from tahqiq.text.arabic import name_skeleton, name_tokens, without_proclitic_before_article
from tahqiq.text.normalize import normalize_text

LINK_THRESHOLD_WEIGHT = 4.0
# The prior when no two records share a full name (nothing to estimate it from).
PRIOR_MATCH_PROBABILITY = 0.002
EXACT_NAME_RECALL = 0.5
MIN_RECORDS_FOR_EM = 2000
MIN_RECORDS_FOR_ESTIMATES = 200
EM_MAX_ITERATIONS = 15
# Words that say a body is the state's own without naming it (وكالة الأنباء السورية الرسمية).
OFFICIAL_WORDS = frozenset({"الرسمي", "الرسميه", "الحكومي", "الحكوميه", "الملكي", "الملكيه"})
COMPARED = ("well_known", "full_name", "family", "given", "middle", "kunya", "countries", "orgs")
LINK_COLUMNS = {
    "entity_type": pl.Utf8,
    "left_mention_id": pl.Utf8,
    "right_mention_id": pl.Utf8,
    "left_article_id": pl.Utf8,
    "left_surface": pl.Utf8,
    "right_article_id": pl.Utf8,
    "right_surface": pl.Utf8,
    "match_weight": pl.Float64,
    "match_probability": pl.Float64,
    "method": pl.Utf8,
    "comparisons": pl.Utf8,
}


@dataclass(frozen=True)
class PersonModel:
    """The Splink model that links people across articles: the comparisons, blocking rules and priors
    of `_splink_settings`, trained on each run's records, and what a deployment may set around them."""

    name: str = "splink-people"
    link_threshold_weight: float = LINK_THRESHOLD_WEIGHT

    def settings(self) -> dict:
        """Everything that decides the links before training: Splink's settings (the prior here is the
        default; a run estimates its own from the records) and the thresholds around them."""
        return {
            "splink": _splink_settings(PRIOR_MATCH_PROBABILITY, tf=True).create_settings_dict("duckdb"),
            "link_threshold_weight": self.link_threshold_weight,
            "exact_name_recall": EXACT_NAME_RECALL,
            "min_records_for_estimates": MIN_RECORDS_FOR_ESTIMATES,
            "min_records_for_em": MIN_RECORDS_FOR_EM,
        }

    def settings_hash(self) -> str:
        """A short hash of `settings`: two runs with one hash linked people by one model."""
        text = json.dumps(self.settings(), sort_keys=True, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


DEFAULT_PERSON_MODEL = PersonModel()


def empty_links() -> pl.DataFrame:
    return pl.DataFrame(schema=LINK_COLUMNS)


def _attr(path: str) -> pl.Expr:
    return pl.col("attrs").str.json_path_match(path)


MOTHER = "ام "
BARE_KUNYA_HEADS = (MOTHER, "ابو ")
KUNYA_PHRASE = r"(?:^|\s)(?:ابو|ابي|ابا|ام) \S+"
KUNYA_CASES = r"^(?:ابي|ابا) "


@lru_cache(maxsize=200_000)
def _name_words(text: str) -> tuple[str, ...]:
    """`name_tokens` of a name, once per distinct name: given and family names repeat across records."""
    return tuple(name_tokens(text))


def person_mentions(mentions: pl.DataFrame) -> pl.DataFrame:
    """PERSON mentions with the name parts extract stored and the name's matching tokens."""
    persons = mentions.filter(pl.col("entity_type") == "PERSON").select(
        "mention_id",
        "article_id",
        "surface",
        "normalized",
        pl.col("start_char").cast(pl.Int64),
        _attr("$.given_name").alias("given_attr"),
        pl.coalesce(_attr("$.family_name"), _attr("$.nisba")).alias("family_attr"),
        _attr("$.kunya").alias("kunya"),
        _attr("$.well_known").alias("well_known"),
        _attr("$.repeat_of").alias("repeat_of"),
        _attr("$.title").alias("title"),
    )
    from tahqiq.reconcile.entities import parse_person

    keys = persons.select("normalized", "title").unique()
    parsed = [parse_person(n or "", t) for n, t in keys.iter_rows()]
    keys = keys.with_columns(
        pl.Series(
            "key",
            [
                name.key or " ".join(_name_words(n or ""))
                for name, n in zip(parsed, keys["normalized"], strict=True)
            ],
            pl.Utf8,
        ),
        pl.Series("parsed_kunya", [name.kunya for name in parsed], pl.Utf8),
    )
    persons = persons.join(keys, on=["normalized", "title"], how="left", nulls_equal=True).with_columns(
        pl.coalesce("kunya", "parsed_kunya").alias("kunya"),
        pl.col("key").str.split(" ").list.len().alias("n_tokens"),
        # "أم صالح" is Salih's mother and a bare "أبو هاشم" Hashim's father: a kunya alone names its
        # bearer's child, so it is no key to the child's name ("أبو أسامة المهاجر" and "أسامة المهاجر",
        # one nisba, are still one man to compare).
        (
            pl.col("parsed_kunya").str.starts_with(MOTHER)
            | (pl.col("parsed_kunya").is_not_null() & (pl.col("key").str.split(" ").list.len() == 1))
        ).fill_null(False).alias("named_for_child"),
        pl.col("well_known").map_elements(lambda w: " ".join(_name_words(w)), return_dtype=pl.Utf8),
        pl.col("repeat_of").map_elements(lambda w: " ".join(_name_words(w)), return_dtype=pl.Utf8),
    )
    return persons


def _record_keys(persons: pl.DataFrame) -> pl.DataFrame:
    """mention_id -> the article-level record (node) it belongs to, see the module docstring."""
    fuller = persons.filter(pl.col("n_tokens") >= 2)
    full_node = pl.coalesce("well_known", "key")
    # Every token of a fuller name (or of the figure it names) points at it within its article.
    tokens_of_full = (
        fuller.select("article_id", full_node.alias("node"), pl.col("key").str.split(" ").alias("token"))
        .explode("token")
        .vstack(
            fuller.filter(pl.col("well_known").is_not_null())
            .select(
                "article_id",
                pl.col("well_known").alias("node"),
                pl.col("well_known").str.split(" ").alias("token"),
            )
            .explode("token")
        )
        .filter(pl.col("token").str.len_chars() >= 3)
        .unique()
    )
    unique_fuller = (
        tokens_of_full.group_by("article_id", "token")
        .agg(pl.col("node").unique())
        .filter(pl.col("node").list.len() == 1)
        .select("article_id", pl.col("token").alias("key"), pl.col("node").list.first().alias("short_node"))
    )
    repeats = fuller.select(
        "article_id", pl.col("key").alias("repeat_of"), full_node.alias("repeat_node")
    ).unique(["article_id", "repeat_of"], keep="first")
    # A bare kunya is the one fuller name of its article that bears it, as a kunya or a family name, in
    # any case ("أبو بكر" after "أبو بكر البغدادي", "أبو عمر" after "أبي عمر التونسي", "أبو زيد" after
    # "أحمد أبو زيد").
    kunya_bearers = (
        fuller.select(
            "article_id",
            full_node.alias("node"),
            pl.col("normalized").str.extract_all(KUNYA_PHRASE).alias("borne"),
        )
        .explode("borne")
        .drop_nulls("borne")
        .with_columns(pl.col("borne").str.strip_chars().str.replace(KUNYA_CASES, "ابو "))
        .group_by("article_id", "borne")
        .agg(pl.col("node").unique())
        .filter(pl.col("node").list.len() == 1)
        .select("article_id", pl.col("borne").alias("bare_kunya"), pl.col("node").list.first().alias("bearer_node"))
    )
    return (
        persons.join(unique_fuller, on=["article_id", "key"], how="left")
        .join(repeats, on=["article_id", "repeat_of"], how="left")
        .join(
            kunya_bearers,
            left_on=["article_id", pl.col("parsed_kunya").str.replace(KUNYA_CASES, "ابو ")],
            right_on=["article_id", "bare_kunya"],
            how="left",
        )
        .select(
            "mention_id",
            pl.when(pl.col("well_known").is_not_null())
            .then(pl.col("well_known"))
            .when(pl.col("named_for_child"))
            .then(pl.col("bearer_node"))
            .when(pl.col("n_tokens") >= 2)
            .then(pl.col("key"))
            .otherwise(pl.coalesce("repeat_node", "short_node"))
            .alias("name_node"),
        )
    )


def _article_context(mentions: pl.DataFrame) -> pl.DataFrame:
    """article_id -> the countries its places name and the reference organizations it names."""
    from tahqiq.reconcile.entities import ref_id_of

    countries = (
        mentions.filter(pl.col("entity_type").is_in(["LOC", "ORG"]))
        .select("article_id", _attr("$.country").alias("country"))
        .drop_nulls()
        .group_by("article_id")
        .agg(pl.col("country").unique().sort().alias("countries"))
    )
    orgs = (
        mentions.filter(pl.col("entity_type") == "ORG")
        .select("article_id", ref_id_of(mentions).alias("org"))
        .drop_nulls()
        .group_by("article_id")
        .agg(pl.col("org").unique().sort().alias("orgs"))
    )
    return countries.join(orgs, on="article_id", how="full", coalesce=True)


def person_records(
    mentions: pl.DataFrame, main_country: pl.DataFrame | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(records, membership): one record per person per article, and mention_id -> record_id.

    A mention that names nobody beyond itself (a one-word name nothing completes) gets a record of
    its own marked `local`, which is never compared across articles."""
    persons = person_mentions(mentions)
    if persons.height == 0:
        return pl.DataFrame(), pl.DataFrame(schema={"mention_id": pl.Utf8, "record_id": pl.Utf8})
    nodes = _record_keys(persons)
    persons = persons.join(nodes, on="mention_id").with_columns(
        pl.col("name_node").is_null().alias("local"),
        pl.coalesce("name_node", pl.when(pl.col("named_for_child")).then(pl.col("parsed_kunya")), "key").alias("node"),
    )
    persons = persons.with_columns((pl.col("article_id") + "|" + pl.col("node")).alias("record_id"))
    records = (
        persons.sort("start_char")
        .group_by("record_id")
        .agg(
            pl.col("article_id").first(),
            pl.col("node").first().alias("full_name"),
            pl.col("local").all(),
            pl.col("well_known").drop_nulls().first(),
            pl.col("kunya").drop_nulls().first(),
            pl.col("given_attr").drop_nulls().first(),
            pl.col("family_attr").drop_nulls().first(),
            pl.col("mention_id").first().alias("first_mention_id"),
            pl.col("surface").sort_by(pl.col("n_tokens"), descending=True).first().alias("surface"),
        )
        .join(_article_context(mentions), on="article_id", how="left")
        .join(article_main_country(mentions) if main_country is None else main_country, on="article_id", how="left")
    )
    # Name parts once per distinct name, not once per record.
    names = records.select("full_name", "given_attr", "family_attr").unique()
    parts = [_name_parts(*row) for row in names.iter_rows()]
    names = names.with_columns(
        pl.Series("given", [p[0] for p in parts], pl.Utf8),
        pl.Series("family", [p[1] for p in parts], pl.Utf8),
        pl.Series("full_skeleton", [p[2] for p in parts], pl.Utf8),
        pl.Series("given_skeleton", [spelling_skeleton(p[0]) if p[0] else None for p in parts], pl.Utf8),
        pl.Series("family_skeleton", [spelling_skeleton(p[1]) if p[1] else None for p in parts], pl.Utf8),
        pl.Series("middle", [p[3] for p in parts], pl.Utf8),
        pl.Series(
            "unlisted_given_skeleton",
            [spelling_skeleton(p[0]) if p[0] and not _spelled_one_way(p[0]) else None for p in parts],
            pl.Utf8,
        ),
    ).with_columns(pl.col("given_skeleton", "family_skeleton").replace("", None))
    records = records.join(
        names, on=["full_name", "given_attr", "family_attr"], how="left", nulls_equal=True
    ).with_columns(pl.col("kunya").replace_strict(_normalized_forms(records["kunya"]), default=None))
    return records.sort("record_id"), persons.select("mention_id", "record_id")


FORM_COLUMNS = ("full_name", "well_known", "kunya", "main_country")
MAX_CONTEXT_ITEMS = 30


def name_forms(records: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(forms, record_id -> form_id): the records compared across articles, grouped by name form.

    Records that give one name (and kunya and reference figure) in articles about one country are one
    man: the many reports of a spokesman or a president become one form, so the comparisons grow with
    the number of distinct names, not of articles. A name met in articles about two countries makes
    two forms, and the model decides whether they are one man (the Houthi spokesman محمد عبد السلام and
    a Brussels attacker's brother of that name are not)."""
    compared = records.filter(~pl.col("local")).with_columns(
        pl.concat_str([pl.col(c).fill_null("") for c in FORM_COLUMNS], separator="|").alias("form_id")
    )
    forms = (
        compared.sort("record_id")
        .group_by("form_id")
        .agg(
            *[pl.col(c).first() for c in FORM_COLUMNS],
            *[
                pl.col(c).drop_nulls().first()
                for c in (
                    "given",
                    "family",
                    "full_skeleton",
                    "given_skeleton",
                    "family_skeleton",
                    "middle",
                    "unlisted_given_skeleton",
                )
            ],
            pl.col("article_id").first(),
            pl.col("first_mention_id").first(),
            pl.col("surface").first(),
            pl.col("countries")
            .list.explode(keep_nulls=False, empty_as_null=False)
            .drop_nulls()
            .unique()
            .sort()
            .head(MAX_CONTEXT_ITEMS),
            pl.col("orgs")
            .list.explode(keep_nulls=False, empty_as_null=False)
            .drop_nulls()
            .unique()
            .sort()
            .head(MAX_CONTEXT_ITEMS),
            pl.len().alias("n_records"),
        )
        .sort("form_id")
    )
    return forms, compared.select("record_id", "form_id")


def _normalized_forms(values: pl.Series) -> dict[str, str]:
    return {value: normalize_text(value) for value in values.drop_nulls().unique().to_list()}


def spelling_skeleton(token: str) -> str:
    """A listed Arabic given name is spelled one way by Arabic outlets (محمد and محمود are two names);
    only other tokens, foreign given names and transliterations, are compared by their skeleton, which
    keeps a final ي: the nisba's ending is part of the name (الجولاني is not جيلان, سامي not سام)."""
    if _spelled_one_way(token):
        return token
    return name_skeleton(token) + ("ي" if token.endswith("ي") and len(token) > 2 else "")


def _spelled_one_way(token: str) -> bool:
    return token in given_names() and token not in transliterated_given_names()


def _name_parts(full_name: str, given_attr: str | None, family_attr: str | None) -> tuple:
    """(given, family, skeleton of the whole name) from the record's name and extract's parts."""
    if full_name.startswith(BARE_KUNYA_HEADS) and len(full_name.split()) == 2:
        return None, None, None, None  # a parent named for a child has no name parts of their own
    tokens = _name_words(full_name)
    given = " ".join(_name_words(given_attr)) if given_attr else (tokens[0] if len(tokens) >= 2 else None)
    family = " ".join(_name_words(family_attr)) if family_attr else tokens[-1] if tokens else None
    if given and given == family:
        given = None
    middle = " ".join(tokens[1:-1]) if len(tokens) >= 3 and not given_attr else None
    return given or None, family or None, " ".join(spelling_skeleton(t) for t in tokens) or None, middle


def prior_match_probability(records: pl.DataFrame) -> float:
    """How often two records are one person: the pairs whose full names agree exactly, over all pairs,
    scaled by how many of the true pairs that rule finds in news (about half: names are shortened and
    varied). Splink's own estimator does the same but fails when no pair agrees."""
    n = records.height
    agreeing = sum(c * (c - 1) // 2 for c in records.group_by("full_name").len()["len"].to_list())
    if n < 2 or agreeing == 0:
        return PRIOR_MATCH_PROBABILITY
    return min(max(agreeing / EXACT_NAME_RECALL / (n * (n - 1) / 2), 1e-6), 0.5)


def _splink_settings(prior: float, tf: bool):
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    def exact_skeleton_fuzzy(
        column: str,
        skeleton: str,
        fuzzy: float,
        m: tuple,
        u: tuple,
        tf: bool,
        similar_column: str | None = None,
    ):
        levels = [
            cll.ExactMatchLevel(column, term_frequency_adjustments=tf),
            cll.ExactMatchLevel(skeleton).configure(label_for_charts="same spelling skeleton"),
            cll.JaroWinklerLevel(similar_column or skeleton, fuzzy).configure(
                label_for_charts=f"skeletons similar >= {fuzzy}"
            ),
            cll.ElseLevel(),
        ]
        return cl.CustomComparison(
            output_column_name=column,
            comparison_levels=[
                cll.NullLevel(column),
                *[
                    level.configure(m_probability=mp, u_probability=up)
                    for level, mp, up in zip(levels, m, u, strict=True)
                ],
            ],
        )

    def array_overlap(column: str, m: tuple, u: tuple):
        return cl.ArrayIntersectAtSizes(column, [2, 1]).configure(m_probabilities=[*m], u_probabilities=[*u])

    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="form_id",
        probability_two_random_records_match=prior,
        comparisons=[
            cl.CustomComparison(
                output_column_name="well_known",
                comparison_levels=[
                    cll.NullLevel("well_known"),
                    cll.ExactMatchLevel("well_known").configure(m_probability=0.95, u_probability=0.001),
                    cll.ElseLevel().configure(m_probability=0.05, u_probability=0.999),
                ],
            ),
            # Priors: m, how often one person's two records agree at each level; u, how often two
            # people's do. On a batch of `MIN_RECORDS_FOR_ESTIMATES` records or more, u is measured
            # on random pairs (and m by EM on a corpus); on a smaller one the priors stand.
            exact_skeleton_fuzzy(
                "full_name",
                "full_skeleton",
                0.92,
                (0.6, 0.15, 0.1, 0.15),
                (0.001, 0.002, 0.005, 0.992),
                tf=tf,
            ),
            exact_skeleton_fuzzy(
                "family", "family_skeleton", 0.88, (0.8, 0.08, 0.05, 0.07), (0.01, 0.01, 0.02, 0.96), tf=tf
            ),
            exact_skeleton_fuzzy(
                "given",
                "given_skeleton",
                0.9,
                (0.75, 0.1, 0.05, 0.1),
                (0.02, 0.01, 0.02, 0.95),
                tf=tf,
                # محمد and محمود are as similar as two spellings of a foreign name: a listed given name
                # is never "similar" to another.
                similar_column="unlisted_given_skeleton",
            ),
            # The names between given and family name (father, grandfather): two men who share a given
            # name and a nisba are told apart by them.
            cl.ExactMatch("middle").configure(m_probabilities=[0.9, 0.1], u_probabilities=[0.05, 0.95]),
            cl.ExactMatch("kunya").configure(m_probabilities=[0.9, 0.1], u_probabilities=[0.005, 0.995]),
            array_overlap("countries", (0.6, 0.3, 0.1), (0.1, 0.3, 0.6)),
            array_overlap("orgs", (0.4, 0.3, 0.3), (0.05, 0.2, 0.75)),
        ],
        # Selective enough that a surname many men share (المالكي) is not one block of all of them.
        blocking_rules_to_generate_predictions=[
            block_on("full_skeleton"),
            block_on("given_skeleton", "family_skeleton"),
            block_on("family_skeleton", "substr(given_skeleton, 1, 1)"),
            block_on("well_known"),
        ],
        retain_intermediate_calculation_columns=True,
        additional_columns_to_retain=["article_id", "first_mention_id", "surface"],
    )


def name_part_frequencies(records: pl.DataFrame, column: str) -> pl.DataFrame:
    """How common a given or family name is among distinct people: the share of distinct full names
    that carry it. Counting records instead would call a man common because he is reported often."""
    names = records.select(column, "full_name").drop_nulls().unique()
    total = max(names.select("full_name").n_unique(), 1)
    return names.group_by(column).agg((pl.col("full_name").n_unique() / total).alias(f"tf_{column}"))


def full_name_frequencies(forms: pl.DataFrame) -> pl.DataFrame:
    """How common a full name is, from its parts: the share of distinct names with its given name times
    the share with its family name (a name of common parts is common), never below one in the forms."""
    given = name_part_frequencies(forms, "given")
    family = name_part_frequencies(forms, "family")
    floor = 1 / max(forms.height, 1)
    return (
        forms.select("full_name", "given", "family")
        .unique("full_name")
        .join(given, on="given", how="left")
        .join(family, on="family", how="left")
        .select(
            "full_name",
            pl.max_horizontal(
                pl.col("tf_given").fill_null(1.0) * pl.col("tf_family").fill_null(1.0), pl.lit(floor)
            ).alias("tf_full_name"),
        )
    )


def score_person_pairs(compared: pl.DataFrame, model: PersonModel = DEFAULT_PERSON_MODEL) -> pl.DataFrame:
    """Every blocked pair of name forms (see `name_forms`) at or above the model's link threshold, with
    its Splink match weight and comparison levels."""
    from splink import DuckDBAPI, Linker, block_on

    if compared.height < 2:
        return pl.DataFrame()
    logging.getLogger("splink").setLevel(logging.ERROR)
    # Splink's tables spill to disk at scale: to the system's temporary folder, not the working one.
    con = duckdb.connect(config={"temp_directory": str(Path(tempfile.gettempdir()) / "tahqiq-splink")})
    db_api = DuckDBAPI(connection=con)
    frame = compared.select(
        "form_id",
        "article_id",
        "first_mention_id",
        "surface",
        "full_name",
        "full_skeleton",
        "given",
        "given_skeleton",
        "family",
        "family_skeleton",
        "middle",
        "unlisted_given_skeleton",
        "kunya",
        "well_known",
        "countries",
        "orgs",
    ).to_arrow()
    # Frequencies and random pairs say little about a handful of records.
    estimated = compared.height >= MIN_RECORDS_FOR_ESTIMATES
    linker = Linker(
        db_api.register(frame, dataset_display_name="person_records"),
        _splink_settings(prior_match_probability(compared), tf=estimated),
        log_level=None,
    )
    if estimated:
        lookups = {
            "given": name_part_frequencies(compared, "given"),
            "family": name_part_frequencies(compared, "family"),
            "full_name": full_name_frequencies(compared),
        }
        for column, lookup in lookups.items():
            linker.table_management.register_term_frequency_lookup(
                db_api.register(lookup.to_arrow(), dataset_display_name=f"tf_{column}"), column
            )
        linker.training.estimate_u_using_random_sampling(max_pairs=2e5, seed=7)
    if compared.height >= MIN_RECORDS_FOR_EM:
        for rule in (block_on("family_skeleton", "substr(given_skeleton, 1, 1)"), block_on("full_skeleton")):
            # A training session takes the comparisons its blocking rule uses out of the linker's own
            # settings and puts them back only when it succeeds (Splink 4-5): a failed one would leave
            # the model without them (full_name vanished from the predictions at 250,000 mentions).
            trained = linker._settings_obj.core_model_settings.copy()
            try:
                linker.training.estimate_parameters_using_expectation_maximisation(
                    rule, estimate_without_term_frequencies=True
                )
            except Exception as error:  # noqa: BLE001 - EM finds nothing to learn on a tiny batch; the priors stand
                logging.getLogger(__name__).debug("EM on %s: %s", rule, error)
                linker._settings_obj.core_model_settings = trained
    predictions = linker.inference.predict(threshold_match_weight=model.link_threshold_weight)
    pairs = pl.from_arrow(predictions.as_pyarrow_table())
    levels = comparison_levels(linker.misc.save_model_to_json())
    con.close()
    return pairs.with_columns(_evidence(pairs, levels).alias("comparisons"))


def _evidence(pairs: pl.DataFrame, levels: dict[str, dict[int, dict]]) -> pl.Expr:
    """Per pair, JSON of each comparison's level label and Bayes factor (what its gamma value means)."""
    return pl.struct(
        *[
            pl.struct(
                pl.col(f"gamma_{name}")
                .replace_strict(
                    {g: meaning["level"] for g, meaning in levels[name].items()}, return_dtype=pl.Utf8
                )
                .alias("level"),
                pl.col(f"gamma_{name}")
                .replace_strict(
                    {g: meaning["bayes_factor"] for g, meaning in levels[name].items()},
                    return_dtype=pl.Float64,
                )
                .alias("bayes_factor"),
            ).alias(name)
            for name in COMPARED
        ]
    ).struct.json_encode()


def comparison_levels(model: dict) -> dict[str, dict[int, dict]]:
    """comparison -> its comparison vector value -> the level's label and Bayes factor (m / u), from a
    trained Splink model: what each gamma column of a prediction means."""
    out: dict[str, dict[int, dict]] = {}
    for comparison in model["comparisons"]:
        levels = [level for level in comparison["comparison_levels"] if not level.get("is_null_level")]
        meaning = {-1: {"level": "missing on one side", "bayes_factor": 1.0}}
        for value, level in zip(range(len(levels) - 1, -1, -1), levels, strict=True):
            m, u = level.get("m_probability"), level.get("u_probability")
            factor = round(m / u, 3) if m and u else None
            meaning[value] = {
                "level": level.get("label_for_charts") or level["sql_condition"],
                "bayes_factor": factor,
            }
        out[comparison["output_column_name"]] = meaning
    return out


def link_people(
    forms: pl.DataFrame, model: PersonModel = DEFAULT_PERSON_MODEL
) -> tuple[list[tuple[str, str]], pl.DataFrame]:
    """(form pairs to union, their entity_links rows): the Splink links at or above the threshold."""
    pairs = score_person_pairs(forms, model)
    if pairs.height == 0:
        return [], empty_links()
    kept = pairs.filter(pl.col("match_weight") >= model.link_threshold_weight)
    links = pl.DataFrame(
        {
            "entity_type": ["PERSON"] * kept.height,
            "left_mention_id": kept["first_mention_id_l"].to_list(),
            "right_mention_id": kept["first_mention_id_r"].to_list(),
            "left_article_id": kept["article_id_l"].to_list(),
            "left_surface": kept["surface_l"].to_list(),
            "right_article_id": kept["article_id_r"].to_list(),
            "right_surface": kept["surface_r"].to_list(),
            "match_weight": kept["match_weight"].to_list(),
            "match_probability": kept["match_probability"].to_list(),
            "method": ["splink"] * kept.height,
            "comparisons": kept["comparisons"].to_list(),
        },
        schema=LINK_COLUMNS,
    )
    return list(zip(kept["form_id_l"].to_list(), kept["form_id_r"].to_list(), strict=True)), links


def anchored_links(
    records: pl.DataFrame, group: str, entity_type: str, method: pl.Expr, comparisons: pl.Expr
) -> pl.DataFrame:
    """entity_links rows joining each record (mention_id, article_id, surface; in order) to the first
    record of its `group`: the evidence of a merge decided by a rule rather than by the model."""
    anchors = records.unique(group, keep="first", maintain_order=True).select(
        group,
        pl.col("mention_id").alias("left_mention_id"),
        pl.col("article_id").alias("left_article_id"),
        pl.col("surface").alias("left_surface"),
    )
    linked = records.join(anchors, on=group).filter(pl.col("mention_id") != pl.col("left_mention_id"))
    return linked.select(
        pl.lit(entity_type).alias("entity_type"),
        "left_mention_id",
        pl.col("mention_id").alias("right_mention_id"),
        "left_article_id",
        "left_surface",
        pl.col("article_id").alias("right_article_id"),
        pl.col("surface").alias("right_surface"),
        pl.lit(None, pl.Float64).alias("match_weight"),
        pl.lit(None, pl.Float64).alias("match_probability"),
        method.alias("method"),
        comparisons.struct.json_encode().alias("comparisons"),
    )


def same_form_links(records: pl.DataFrame, form_of: pl.DataFrame) -> pl.DataFrame:
    """entity_links rows joining each record to the first record of its name form (see `name_forms`)."""
    members = (
        records.join(form_of, on="record_id").sort("record_id").rename({"first_mention_id": "mention_id"})
    )
    evidence = pl.struct(
        pl.col("full_name").alias("same_full_name"), pl.col("main_country").alias("articles_about")
    )
    return anchored_links(members, "form_id", "PERSON", pl.lit("same_name"), evidence)


def _alias_index(records: pl.DataFrame) -> dict[str, list[str]]:
    """The nodes `stated_alias_edges` names ("k:" a bare name, a leading kunya head dropped; "y:" a
    kunya) -> the records they name."""
    from tahqiq.reconcile.entities import KUNYA_HEADS

    index: dict[str, list[str]] = {}
    for record_id, full_name, kunya in records.select("record_id", "full_name", "kunya").iter_rows():
        tokens = full_name.split()
        nodes = {"k:" + full_name}
        if len(tokens) >= 2 and tokens[0] in KUNYA_HEADS:
            nodes.add("y:" + " ".join(tokens[:2]))
        if kunya:
            nodes.add("y:" + kunya)
        for node in nodes:
            index.setdefault(node, []).append(record_id)
    return index


def resolve_people(
    mentions: pl.DataFrame, model: PersonModel = DEFAULT_PERSON_MODEL, main_country: pl.DataFrame | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(mention_id -> cluster, entity_links rows) for every PERSON mention: Splink's links, and the
    names an article states are one man ("X المعروف بـ Y"). `main_country`: `article_main_country` of
    the mentions when already known."""
    # The name-structure rules of the earlier resolver still read stated aliases (one home for them).
    from tahqiq.reconcile.entities import UnionFind, _person_table, stated_alias_edges

    records, membership = person_records(mentions, main_country)
    if membership.height == 0:
        return pl.DataFrame(schema={"mention_id": pl.Utf8, "cluster": pl.Utf8}), empty_links()
    uf = UnionFind()
    for record_id in records["record_id"].to_list():
        uf.find(record_id)
    forms, form_of = name_forms(records)
    first_record = {}
    for record_id, form_id in form_of.iter_rows():
        uf.union(first_record.setdefault(form_id, record_id), record_id)
    pairs, links = link_people(forms, model)
    for left, right in pairs:
        uf.union(first_record[left], first_record[right])
    links = pl.concat([same_form_links(records, form_of), links], how="vertical_relaxed")
    by_node = _alias_index(records)
    persons = _person_table(mentions)
    rule_rows = []
    context_of = {r: (a, c) for r, a, c in records.select("record_id", "article_id", "main_country").iter_rows()}
    for named, alias in stated_alias_edges(persons):
        lefts, rights = by_node.get(named, []), by_node.get(alias, [])
        lefts, rights = _where_stated(lefts, rights, named, context_of), _where_stated(rights, lefts, alias, context_of)
        rule_rows += _union_named(uf, lefts, rights, "stated_alias")
    for group in name_rule_groups(persons, mentions):
        records_named = [r for node in group for r in by_node.get(node, [])]
        rule_rows += _union_named(uf, records_named[:1], records_named[1:], "name_rule")
    links = pl.concat([links, _rule_links(rule_rows, records)], how="vertical_relaxed")
    clusters = membership.with_columns(
        pl.col("record_id")
        .replace_strict({r: uf.find(r) for r in records["record_id"].to_list()})
        .alias("cluster")
    )
    return clusters.select("mention_id", "cluster"), links


def _where_stated(
    records: list[str], others: list[str], node: str, context_of: dict[str, tuple[str, str | None]]
) -> list[str]:
    """The records a stated alias reaches: a name of two words or more, everywhere; a bare kunya ("y:"
    node: أبو خليل, which many men bear) only in an article where the other name stands too or in
    articles about the same country (a Houthi commander's kunya is not a refugee's in Ghouta)."""
    if not node.startswith("y:"):
        return records
    articles = {context_of[r][0] for r in others}
    countries = {context_of[r][1] for r in others} - {None}
    return [r for r in records if context_of[r][0] in articles or context_of[r][1] in countries]


def _union_named(uf, lefts: list[str], rights: list[str], method: str) -> list[tuple[str, str, str]]:
    """Union every left record with every right one; the unions that joined two clusters, as links."""
    joined = []
    for left in lefts:
        for right in rights:
            if uf.find(left) != uf.find(right):
                uf.union(left, right)
                joined.append((left, right, method))
    return joined


def name_rule_groups(persons: pl.DataFrame, mentions: pl.DataFrame) -> list[list[str]]:
    """Groups of name nodes ("k:" + bare name) the name-structure rules join: a middle name added
    (مصعب الراوي ~ مصعب خلف الراوي), a long token spelled two ways, one ranked officer under two first
    names beside the same organization (see tahqiq.reconcile.entities)."""
    from tahqiq.reconcile.entities import (
        UnionFind,
        _link_middle_names,
        _link_same_officer,
        _link_spelling_variants,
    )

    uf = UnionFind()
    multi_keys = persons.filter(pl.col("n_tokens") >= 2)["key"].unique().sort().to_list()
    for key in multi_keys:
        uf.find("k:" + key)
    _link_spelling_variants(multi_keys, uf)
    _link_middle_names(multi_keys, uf)
    _link_same_officer(persons, mentions, uf)
    groups: dict[str, list[str]] = {}
    for node in uf.parent:
        groups.setdefault(uf.find(node), []).append(node)
    return [sorted(group) for group in groups.values() if len(group) > 1]


RULE_EVIDENCE = {
    "stated_alias": "an article states the two names are one man",
    "name_rule": "name structure: a middle name added, a long name spelled two ways, or one ranked officer "
    "under two first names beside the same organization",
}


def _rule_links(pairs: list[tuple[str, str, str]], records: pl.DataFrame) -> pl.DataFrame:
    if not pairs:
        return empty_links()
    named = {record for a, b, _ in pairs for record in (a, b)}
    info = {r["record_id"]: r for r in records.filter(pl.col("record_id").is_in(list(named))).iter_rows(named=True)}
    return pl.DataFrame(
        [
            {
                "entity_type": "PERSON",
                "left_mention_id": info[a]["first_mention_id"],
                "right_mention_id": info[b]["first_mention_id"],
                "left_article_id": info[a]["article_id"],
                "left_surface": info[a]["surface"],
                "right_article_id": info[b]["article_id"],
                "right_surface": info[b]["surface"],
                "match_weight": None,
                "match_probability": None,
                "method": method,
                "comparisons": json.dumps({method: RULE_EVIDENCE[method]}),
            }
            for a, b, method in pairs
        ],
        schema=LINK_COLUMNS,
    )


@lru_cache(maxsize=1)
def _context_aliases() -> dict[str, dict[str, str]]:
    """alias (matching form) -> context country -> ref_id, from context_aliases.csv."""
    table: dict[str, dict[str, str]] = {}
    for row in read_reference_csv("context_aliases.csv"):
        table.setdefault(normalize_text(row["alias"]), {})[row["context_country"]] = row["ref_id"]
    return table


@lru_cache(maxsize=1)
def _state_body_heads() -> frozenset[str]:
    return frozenset(normalize_text(r["word"]) for r in load_org_heads() if r["role"] == "state_body_head")


@lru_cache(maxsize=1)
def _sub_body_heads() -> frozenset[str]:
    return frozenset(normalize_text(r["word"]) for r in load_org_heads() if r["role"] == "sub_body_head")


@lru_cache(maxsize=1)
def _org_heads() -> frozenset[str]:
    return frozenset(normalize_text(r["word"]) for r in load_org_heads() if r["role"] == "head")


@lru_cache(maxsize=200_000)  # once per distinct name: an organization is named again and again
def organization_name(normalized: str) -> str:
    """An organization's name in matching form without a proclitic its head took (للحكومه -> الحكومه,
    لحكومه, the span of "للحكومة" after ل, -> الحكومه; والجيش -> الجيش)."""
    tokens = normalized.split()
    if not tokens:
        return normalized
    first = tokens[0]
    for reading in (first, "ا" + first, first[1:], "ا" + first[1:]):
        if reading.startswith("ال") and reading[2:] in _org_heads():
            return " ".join([reading, *tokens[1:]])
    return normalized


def display_without_proclitic(surface: str, normalized: str) -> str:
    """An organization's display name without the proclitic its head took, as `organization_name` reads
    the matching form: للحكومة اليمنية / لحكومة اليمنية -> الحكومة اليمنية, والجيش السوري -> الجيش السوري."""
    name = organization_name(normalized)
    if not surface:
        return surface
    if name == normalized:  # no known head: a proclitic before the article still goes (للواشنطن بوست)
        first, *others = surface.split(" ")
        bare = without_proclitic_before_article(first)
        return " ".join([bare, *others]) if bare else surface
    if name.startswith("ال") and normalized.startswith("لل"):
        return "ال" + surface[2:]
    if name == "ا" + normalized:
        return "ا" + surface
    if name == normalized[1:]:
        return surface[1:]
    if name == "ا" + normalized[1:]:
        return "ا" + surface[1:]
    return surface


@lru_cache(maxsize=200_000)
def national_body(name: str) -> tuple[str, str | None] | None:
    """(the body's head phrase, its country) for a state body named by a head noun: وزاره الخارجيه
    الروسيه -> (وزاره الخارجيه, ru); الحكومه -> (الحكومه, None). None when the head is no state body's."""
    tokens = name.split()
    if not tokens:
        return None
    head = tokens[0][2:] if tokens[0].startswith("ال") else tokens[0]
    if head not in _state_body_heads():
        return None
    country, kept = None, []
    for token in tokens:
        found = country_of_nationality(token)
        if found and country is None:
            country = found.lower()
        elif token not in OFFICIAL_WORDS:
            kept.append(token)
    return " ".join(kept), country


MAIN_COUNTRY_SHARE = 0.6
MAIN_COUNTRY_MIN_MENTIONS = 3


def article_main_country(mentions: pl.DataFrame) -> pl.DataFrame:
    """article_id -> main_country: the country most of its located places are in, when it holds at
    least `MAIN_COUNTRY_SHARE` of them and `MAIN_COUNTRY_MIN_MENTIONS` mentions."""
    located = (
        mentions.filter(pl.col("entity_type") == "LOC")
        .select("article_id", _attr("$.country").alias("country"))
        .drop_nulls()
    )
    counts = (
        located.group_by("article_id", "country")
        .len()
        .with_columns((pl.col("len") / pl.col("len").sum().over("article_id")).alias("share"))
    )
    return (
        counts.filter((pl.col("share") >= MAIN_COUNTRY_SHARE) & (pl.col("len") >= MAIN_COUNTRY_MIN_MENTIONS))
        .select("article_id", pl.col("country").str.to_lowercase().alias("main_country"))
        .unique("article_id")
    )


def _organization_key(
    article_id: str, normalized: str, ref_id: str | None, main_country: str | None, qualified: dict,
    parent: tuple[str | None, str | None] = (None, None),
) -> tuple[str, str]:
    """(cluster key, how it was decided) for one ORG mention; see `resolve_organizations`."""
    parent_ref, body = parent
    if parent_ref and body and not ref_id:
        body = organization_name(body)
        if national_body(body) is not None or body.split()[0] in _sub_body_heads():
            return f"sub:{parent_ref}:{body.removeprefix('ال')}", "body_of_parent"
        normalized = body
    name = organization_name(normalized or "")
    by_country = _context_aliases().get(name)
    if by_country is not None:
        chosen = by_country.get(main_country or "")
        if chosen:
            return f"ref:{chosen}", f"context_alias:{main_country}"
        return f"local:{article_id}:{name}", "unresolved"
    if ref_id:
        return f"ref:{ref_id}", "reference"
    body = national_body(name)
    if body is None:
        return f"name:{name}", "same_name"
    phrase, country = body
    if country:
        return _body_key(phrase, country), "national_body"
    same_article = qualified.get((article_id, phrase))
    if same_article and len(same_article) == 1:
        return _body_key(phrase, next(iter(same_article))), "named_in_article"
    if main_country:
        return _body_key(phrase, main_country), f"article_country:{main_country}"
    return f"local:{article_id}:{name}", "unresolved"


@lru_cache(maxsize=1)
def _body_of_phrase() -> dict[str, str]:
    return {normalize_text(row["phrase"]): row["body"] for row in read_reference_csv("state_bodies.csv")}


@lru_cache(maxsize=1)
def _reference_bodies() -> dict[tuple[str, str], str]:
    """(body, country) -> ref_id of the one reference organization whose aliases name that body of that
    country (الجيش الإسرائيلي -> idf); a body two reference organizations claim maps to neither."""
    claimed: dict[tuple[str, str], set[str]] = {}
    for row in load_organizations():
        body = national_body(organization_name(normalize_text(row["alias"])))
        country = (body[1] if body else None) or (row.get("country") or "").lower() or None
        if body and country:
            claimed.setdefault((_body_of_phrase().get(body[0], body[0]), country), set()).add(row["ref_id"])
    return {key: next(iter(refs)) for key, refs in claimed.items() if len(refs) == 1}


def _body_key(phrase: str, country: str) -> str:
    body = _body_of_phrase().get(phrase, phrase)
    ref_id = _reference_bodies().get((body, country))
    return f"ref:{ref_id}" if ref_id else f"body:{body}|{country}"


def resolve_organizations(mentions: pl.DataFrame, main_country: pl.DataFrame | None = None) -> pl.DataFrame:
    """mention_id, cluster, method for every ORG mention.

    A reference organization is its ref id. An alias that names different organizations by where the
    story is (context_aliases.csv) takes its article's main country. A state body named by a head
    noun (org_heads.csv state_body_head) is its head phrase and country: the nationality its name
    carries, else the one the same article gives that body, else its article's main country; with none
    of them it stays an entity of its article. A body named through a listed organization (extract's
    parent_ref_id) is that organization's body when its own words are generic (وزارة الصحة التابعة
    لحماس, المكتب السياسي لحركة حماس), else its own name (قناة المسيرة التابعة للحوثيين). Any other
    organization is its name. `main_country`: `article_main_country` of the mentions when already known."""
    from tahqiq.reconcile.entities import ref_id_of

    orgs = (
        mentions.filter(pl.col("entity_type") == "ORG")
        .select(
            "mention_id", "article_id", "normalized", ref_id_of(mentions).alias("ref_id"),
            _attr("$.parent_ref_id").alias("parent_ref_id"), _attr("$.body").alias("body"),
        )
        .join(article_main_country(mentions) if main_country is None else main_country, on="article_id", how="left")
    )
    qualified: dict[tuple[str, str], set[str]] = {}
    for article_id, normalized in orgs.select("article_id", "normalized").iter_rows():
        body = national_body(organization_name(normalized or ""))
        if body and body[1]:
            qualified.setdefault((article_id, body[0]), set()).add(body[1])
    decided = [
        _organization_key(article_id, normalized, ref_id, main_country, qualified, (parent_ref, body))
        for article_id, normalized, ref_id, main_country, parent_ref, body in orgs.select(
            "article_id", "normalized", "ref_id", "main_country", "parent_ref_id", "body"
        ).iter_rows()
    ]
    return orgs.select(
        "mention_id",
        pl.Series("cluster", ["ORG|" + key for key, _ in decided], pl.Utf8),
        pl.Series("method", [method for _, method in decided], pl.Utf8),
    )


def organization_links(orgs: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """entity_links rows for organizations: each article's first mention of an organization linked to
    the organization's first article, with the rule that decided it."""
    records = (
        orgs.filter(~pl.col("cluster").str.starts_with("ORG|local:"))
        .join(mentions.select("mention_id", "article_id", "surface", "start_char"), on="mention_id")
        .sort("article_id", "start_char")
        .unique(["cluster", "article_id"], keep="first", maintain_order=True)
    )
    evidence = pl.struct(
        pl.col("method").alias("decided_by"), pl.col("cluster").str.strip_prefix("ORG|").alias("key")
    )
    return anchored_links(records, "cluster", "ORG", pl.col("method"), evidence)


def resolve_entities(
    mentions: pl.DataFrame, model: PersonModel = DEFAULT_PERSON_MODEL
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(mention_id, cluster for every PERSON, ORG, LOC and WEAPON mention; the links that made them).
    People are linked by `model`."""
    from tahqiq.reconcile.entities import resolve_by_reference

    main_country = article_main_country(mentions)  # read by people and organizations alike
    people, person_links = resolve_people(mentions, model, main_country)
    people = people.with_columns(("PERSON|" + pl.col("cluster")).alias("cluster"))
    orgs = resolve_organizations(mentions, main_country)
    others = resolve_by_reference(mentions.filter(pl.col("entity_type") != "ORG"))
    links = pl.concat([person_links, organization_links(orgs, mentions)], how="vertical_relaxed")
    return pl.concat([people, orgs.select("mention_id", "cluster"), others], how="vertical"), links
