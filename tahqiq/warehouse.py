"""The DuckDB warehouse: table definitions, their descriptions, transactional writes, and the run's
own copy of the warehouse that replaces it whole when the run succeeds.

One module owns the schema so that every stage writes the same columns, and `COMMENT ON` gives every
table and column a description a SQL user can read (`SELECT * FROM duckdb_columns()`).

A run's steps write several tables each; a reader between two of them (or after a kill -9) would see
half a batch. So a run works on a copy (`staged_copy`) and `publish` swaps it in with one rename:
readers see the previous warehouse or the new one, and never hold a lock a run needs.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import polars as pl

SEVERITY_TYPE = "ENUM('info', 'low', 'medium', 'high')"
STATEMENTS_DESCRIPTION = (
    "Each value the article states, with its evidence: [{attribute (killed, wounded, detained, date, place, region, "
    "partner, responsibility), value, start, end (offsets of the stating sentence in articles.body), mention_id, "
    "source (claim category the sentence credits), revised (update wording such as ارتفعت حصيلة), approximate, "
    "form, ref_id, admin1, country, stance}].")

# table -> (description, [(column, type, description)])
SCHEMA: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "raw_articles": (
        "Articles as read from the batch files: decoded, page furniture removed, before normalization.",
        [
            ("batch_id", "VARCHAR", "Batch (folder) the file arrived in."),
            ("source_file", "VARCHAR", "File path inside the batch; a JSONL line is file.jsonl#Ln."),
            ("article_id", "VARCHAR", "Stable id derived from the normalized content."),
            ("content_hash", "VARCHAR", "SHA-256 of the normalized body."),
            ("outlet", "VARCHAR", "Publishing outlet (manifest, JSON field or URL domain)."),
            ("url", "VARCHAR", "Original URL when known."),
            ("published_at", "VARCHAR", "Publication date or datetime (ISO) when known."),
            ("published_source", "VARCHAR", "How the publication date is known: manifest, json, html (meta tags), url (a date in its path), text (a dateline)."),
            ("title", "VARCHAR", "Headline."),
            ("body", "VARCHAR", "Cleaned display text."),
            ("encoding", "VARCHAR", "Detected text encoding of the file."),
            ("ingested_at", "TIMESTAMP", "When the batch was read."),
        ],
    ),
    "articles": (
        "One row per distinct article: display text, matching text and provenance.",
        [
            ("article_id", "VARCHAR", "Stable id: the same content always gets the same id."),
            ("batch_id", "VARCHAR", "Batch the article arrived in."),
            ("source_file", "VARCHAR", "File path inside the batch; a JSONL line is file.jsonl#Ln."),
            ("outlet", "VARCHAR", "Publishing outlet (manifest, JSON field or URL domain); null when unknown."),
            ("url", "VARCHAR", "Original URL when known."),
            ("published_at", "VARCHAR", "Publication date or datetime (ISO); null when unknown, never guessed."),
            ("published_source", "VARCHAR", "How the publication date is known: manifest, json, html (meta tags), url (a date in its path), text (a dateline)."),
            ("title", "VARCHAR", "Headline."),
            ("body", "VARCHAR", "Cleaned display text; mention offsets index into it."),
            ("body_normalized", "VARCHAR", "Matching form (camel-tools): no diacritics or tatweel, unified alef/ya/teh marbuta/hamza, ASCII digits."),
            ("content_hash", "VARCHAR", "SHA-256 of the normalized body."),
            ("duplicate_of", "VARCHAR", "article_id of the earlier article this one near-duplicates (same wire story), else null."),
            ("own_text_end", "INTEGER", "End of the article's own text in body: the closing paragraphs its outlet also printed "
             "verbatim under other stories of the batch (teasers of other stories, a standing footer) start here; "
             "extraction reads body up to it."),
            ("encoding", "VARCHAR", "Detected text encoding of the file."),
            ("ingested_at", "TIMESTAMP", "When the batch was read."),
        ],
    ),
    "article_fingerprints": (
        "MinHash signature of each article's normalized body, so a new batch finds copies of old stories "
        "without re-reading them.",
        [
            ("article_id", "VARCHAR", "Article."),
            ("batch_id", "VARCHAR", "Batch of the article."),
            ("minhash", "BLOB", "128 MinHash values over word 5-shingles (uint64, little-endian)."),
        ],
    ),
    "quarantine": (
        "Input files (or JSONL lines) that could not become articles, with the reason.",
        [
            ("batch_id", "VARCHAR", "Batch the file arrived in."),
            ("source_file", "VARCHAR", "File path inside the batch; a JSONL line is file.jsonl#Ln."),
            ("reason", "VARCHAR", "Short code: empty, binary, undecodable, truncated_utf8, mojibake, invalid_json, missing_text, "
             "too_large, not_arabic, not_regular_file, html_too_deep, extraction_timeout, exact_duplicate, ... "
             "(tahqiq.ingest.readers.QUARANTINE_REASONS)."),
            ("detail", "VARCHAR", "What is wrong and what to do about it."),
            ("ingested_at", "TIMESTAMP", "When the batch was read."),
        ],
    ),
    "extracted_mentions": (
        "Mentions as extracted per article, before reconciliation assigns entity ids.",
        [
            ("mention_id", "VARCHAR", "Stable id: article_id, type and offsets."),
            ("article_id", "VARCHAR", "Article the mention is in."),
            ("batch_id", "VARCHAR", "Batch of the article."),
            ("entity_type", "VARCHAR", "PERSON, ORG, LOC, DATE, COUNT or WEAPON."),
            ("surface", "VARCHAR", "Exact text: body[start_char:end_char]."),
            ("normalized", "VARCHAR", "Matching form of the surface."),
            ("start_char", "INTEGER", "Start offset into articles.body (0-based, inclusive)."),
            ("end_char", "INTEGER", "End offset into articles.body (exclusive)."),
            ("value", "VARCHAR", "ISO date or interval for DATE, integer for COUNT, else null."),
            ("attrs", "JSON", "Structured parts: given_name, kunya, nisba, title; ref_id; admin1, coordinates; "
             "toponym_start/_end and name_start/_end (the name inside a region phrase or after a class noun); "
             "located_by (an unlisted village placed in the governorate of its sentence's nearest place); "
             "as_where (a place the text names as where, not a capital or country that speaks or acts); "
             "parent_ref_id (a body named through its organization); "
             "precision, method; count_kind, approximate, approximator."),
        ],
    ),
    "event_frames": (
        "Per-article event frames: what each article says happened, before clustering into events.",
        [
            ("frame_id", "VARCHAR", "Stable id: article and position of the frame's trigger."),
            ("article_id", "VARCHAR", "Article that reports the event."),
            ("batch_id", "VARCHAR", "Batch of the article."),
            ("is_background", "BOOLEAN", "True when the article cites the event as context, not as its news."),
            ("role", "VARCHAR", "main (the article's news) or background (cited as context)."),
            ("answered", "BOOLEAN", "True for an act another act of the article answers (ردا على إطلاق صواريخ): "
             "it weighs against reports of another type (the answer may be one), and its words, the answer's, "
             "neither join it to nor part it from a report not told as answered."),
            ("modality", "VARCHAR", "asserted, alleged, denied or claimed: how the article states the act happened."),
            ("event_type", "VARCHAR", "drone_strike, air_strike, helicopter_raid, ground_raid, airdrop, shelling, missile_attack, suicide_bomb, remote_explosive, armed_clash, shooting, attack, abduction, arrest, territory_capture, military_operation (the launch of a campaign)."),
            ("trigger", "VARCHAR", "Words that name the event in the article."),
            ("trigger_start", "INTEGER", "Offset of the trigger in articles.body."),
            ("reported_date", "VARCHAR", "Date the article gives the event (ISO, or interval)."),
            ("date_precision", "VARCHAR", "day, month, year or interval."),
            ("date_method", "VARCHAR", "How the date was obtained (absolute, relative to publication, ...)."),
            ("date_partial", "VARCHAR", "Month-day (--MM-DD) or month (--MM) given without a known year."),
            ("place_ref", "VARCHAR", "Reference id of the most specific place the article gives."),
            ("reported_place", "VARCHAR", "Place as written."),
            ("reported_region", "VARCHAR", "Region description as written (e.g. east of Syria)."),
            ("region", "VARCHAR", "Region code: east, north-west, ..."),
            ("admin1", "VARCHAR", "First-level division (governorate, province, region) of the place."),
            ("country", "VARCHAR", "Country of the place (ISO 3166-1 alpha-2, lower case)."),
            ("place_precision", "VARCHAR", "How finely the place is known: village, town, city, admin2, admin1, region, country."),
            ("latitude", "DOUBLE", "Latitude of the place."),
            ("longitude", "DOUBLE", "Longitude of the place."),
            ("reported_killed", "INTEGER", "Killed according to this article: its largest count of the event's dead."),
            ("killed_mentions", "VARCHAR[]", "mention_ids of the COUNT mentions that state that figure."),
            ("reported_wounded", "INTEGER", "Wounded according to this article."),
            ("wounded_mentions", "VARCHAR[]", "mention_ids of the COUNT mentions that state that figure."),
            ("weapon", "VARCHAR", "Weapon or platform named."),
            ("actor_refs", "VARCHAR[]", "Organizations that carried it out."),
            ("partner_refs", "VARCHAR[]", "Partner forces named as taking part."),
            ("partner_claim", "VARCHAR", "joint, unilateral, contested (the article says both) or null when it does not say."),
            ("target_mentions", "VARCHAR[]", "mention_ids of the people targeted."),
            ("target_roles", "VARCHAR[]", "Role words given to the targets (قيادي, زعيم, والي)."),
            ("claim_source", "VARCHAR", "Who the article attributes the claim to."),
            ("story_terms", "VARCHAR[]", "Content words of the sentences the frame is told in (matching form, "
             "proclitics dropped): what reports of one story share, compared when events are clustered."),
            ("statements", "JSON", STATEMENTS_DESCRIPTION),
        ],
    ),
    "mentions": (
        "Every person, organization, place, date, count and weapon found, with the entity it refers to.",
        [
            ("mention_id", "VARCHAR", "Stable id: article_id, type and offsets."),
            ("article_id", "VARCHAR", "Article the mention is in."),
            ("batch_id", "VARCHAR", "Batch of the article."),
            ("entity_type", "VARCHAR", "PERSON, ORG, LOC, DATE, COUNT or WEAPON."),
            ("surface", "VARCHAR", "Exact text: body[start_char:end_char]."),
            ("normalized", "VARCHAR", "Matching form of the surface."),
            ("start_char", "INTEGER", "Start offset into articles.body (0-based, inclusive)."),
            ("end_char", "INTEGER", "End offset into articles.body (exclusive)."),
            ("value", "VARCHAR", "ISO date or interval for DATE, integer for COUNT, else null."),
            ("attrs", "JSON", "Structured parts (see extracted_mentions)."),
            ("entity_id", "VARCHAR", "Canonical entity (null for DATE and COUNT)."),
        ],
    ),
    "entities": (
        "One row per real person, organization, place or weapon, across all batches.",
        [
            ("entity_id", "VARCHAR", "Stable id of the entity."),
            ("entity_type", "VARCHAR", "PERSON, ORG, LOC or WEAPON."),
            ("canonical_name", "VARCHAR", "Name shown for the entity (the fullest form reported)."),
            ("canonical_latin", "VARCHAR", "Latin transliteration of the canonical name (camel-tools)."),
            ("ref_id", "VARCHAR", "Reference-list id for organizations, places and weapons."),
            ("n_mentions", "INTEGER", "Mentions linked to the entity."),
            ("n_articles", "INTEGER", "Distinct articles mentioning it."),
            ("n_outlets", "INTEGER", "Distinct outlets mentioning it."),
            ("attrs", "JSON", "Structured parts: given names, kunyas, nisbas, roles; coordinates for places."),
        ],
    ),
    "entity_aliases": (
        "Every name an entity is reported under.",
        [
            ("entity_id", "VARCHAR", "Entity the alias belongs to."),
            ("alias", "VARCHAR", "Name as written."),
            ("alias_kind", "VARCHAR", "canonical, spelling, kunya, nom_de_guerre, abbreviation, title_variant, short_form."),
            ("n_articles", "INTEGER", "Articles that use this alias."),
        ],
    ),
    "entity_links": (
        "Why two records are one entity: each link entity resolution kept, with its weight and evidence.",
        [
            ("entity_id", "VARCHAR", "Entity both records belong to."),
            ("entity_type", "VARCHAR", "PERSON, ORG, LOC or WEAPON."),
            ("left_mention_id", "VARCHAR", "First mention of one record (a person as one article names him)."),
            ("left_article_id", "VARCHAR", "Article of that record."),
            ("left_surface", "VARCHAR", "Fullest name of that record, as written."),
            ("right_mention_id", "VARCHAR", "First mention of the other record."),
            ("right_article_id", "VARCHAR", "Article of the other record."),
            ("right_surface", "VARCHAR", "Fullest name of the other record, as written."),
            ("match_weight", "DOUBLE", "Splink match weight (log2 Bayes factor with the prior); null for a stated alias."),
            ("match_probability", "DOUBLE", "Splink match probability; null for a stated alias."),
            ("method", "VARCHAR", "splink (the Fellegi-Sunter model) or stated_alias (an article says they are one)."),
            ("comparisons", "JSON", "Each comparison (well_known, full_name, family, given, kunya, countries, orgs) with the level it reached (-1 null, 0 different, higher = closer) and its Bayes factor."),
        ],
    ),
    "events": (
        "One row per real event, clustered from all the articles that report it.",
        [
            ("event_id", "VARCHAR", "Stable id: unchanged when new batches arrive or a batch is re-run."),
            ("event_type", "VARCHAR", "drone_strike, air_strike, helicopter_raid, ground_raid, airdrop, shelling, missile_attack, suicide_bomb, remote_explosive, armed_clash, shooting, attack, abduction, arrest, territory_capture, military_operation (the launch of a campaign)."),
            ("acled_sub_event_type", "VARCHAR", "ACLED sub-event type the event type falls under."),
            ("event_date", "VARCHAR", "The day most of its news reports allow (a stated day counts twice), or the interval they all allow; else the most precise date any report gives."),
            ("date_precision", "VARCHAR", "day, month, year or interval."),
            ("date_method", "VARCHAR", "How that date was obtained: the stating report's method (absolute, relative_to_published, weekday_and_day_month, ...) or overlap_of_reports."),
            ("place_entity_id", "VARCHAR", "Entity of the most specific place reported."),
            ("place_name", "VARCHAR", "Name of that place."),
            ("admin1", "VARCHAR", "First-level division (governorate, province, region)."),
            ("country", "VARCHAR", "Country (ISO 3166-1 alpha-2, lower case)."),
            ("place_precision", "VARCHAR", "How finely the place is known: village, town, city, admin2, admin1, region, country."),
            ("latitude", "DOUBLE", "Latitude."),
            ("longitude", "DOUBLE", "Longitude."),
            ("killed", "INTEGER", "Killed (the most reported value; see conflicts when sources differ)."),
            ("wounded", "INTEGER", "Wounded (the most reported value; see conflicts when sources differ)."),
            ("weapon", "VARCHAR", "Weapon or platform."),
            ("figures", "JSON", "Every killed, wounded and detained figure reported: [{attribute, value, approximate, "
             "article_id, outlet, published_at, source, start_char, end_char}]."),
            ("killed_conservative", "INTEGER", "ACLED's conservative figure: the lowest definite killed figure no "
             "later report revises."),
            ("wounded_conservative", "INTEGER", "The same for the wounded."),
            ("detained_conservative", "INTEGER", "The same for the detained."),
            ("is_background", "BOOLEAN", "True when only cited as context by the articles."),
            ("n_articles", "INTEGER", "Articles reporting it."),
            ("n_outlets", "INTEGER", "Distinct outlets reporting it."),
        ],
    ),
    "event_reports": (
        "What each article claims about an event.",
        [
            ("event_id", "VARCHAR", "Event reported."),
            ("article_id", "VARCHAR", "Reporting article."),
            ("frame_id", "VARCHAR", "Event frame in the article."),
            ("outlet", "VARCHAR", "Outlet of the article."),
            ("reported_type", "VARCHAR", "Event type in this article."),
            ("reported_date", "VARCHAR", "Date in this article (ISO)."),
            ("date_precision", "VARCHAR", "Precision of that date."),
            ("reported_place", "VARCHAR", "Place as written."),
            ("reported_region", "VARCHAR", "Region as written."),
            ("reported_killed", "INTEGER", "Killed according to this article."),
            ("killed_mentions", "VARCHAR[]", "mention_ids of the COUNT mentions that state that figure."),
            ("reported_wounded", "INTEGER", "Wounded according to this article."),
            ("wounded_mentions", "VARCHAR[]", "mention_ids of the COUNT mentions that state that figure."),
            ("partner_claim", "VARCHAR", "joint, unilateral or null."),
            ("claim_source", "VARCHAR", "Who the article attributes the claim to, when it says."),
            ("is_background", "BOOLEAN", "True when the article cites the event as context."),
            ("role", "VARCHAR", "main (the article's news) or background (cited as context)."),
            ("modality", "VARCHAR", "asserted, alleged, denied or claimed: how the article states the act happened."),
            ("date_method", "VARCHAR", "How the reported date was obtained: absolute, relative_to_published, weekday_and_day_month, publication_window (undated news: the days up to publication), year_from_other_reports, ..."),
            ("date_partial", "VARCHAR", "Year-less date the article gives (--MM-DD or --MM), when it gives no year."),
            ("place_ref", "VARCHAR", "Reference id of the most specific place this article gives."),
            ("admin1", "VARCHAR", "Governorate (or province, state) of that place."),
            ("country", "VARCHAR", "Country of that place."),
            ("latitude", "DOUBLE", "Latitude of that place."),
            ("longitude", "DOUBLE", "Longitude of that place."),
            ("region", "VARCHAR", "Compass regions of the country this article gives, '|'-separated (east|north-west)."),
            ("actor_refs", "VARCHAR[]", "Organizations this article says carried it out."),
            ("partner_refs", "VARCHAR[]", "Partner forces this article names as taking part."),
            ("target_entity_ids", "VARCHAR[]", "Entities this article names as targeted (aligned with target_roles)."),
            ("target_roles", "VARCHAR[]", "Role word this article gives each target (قيادي, والي), or null."),
            ("statements", "JSON", STATEMENTS_DESCRIPTION),
        ],
    ),
    "event_links": (
        "Why two reports are one event: each link event clustering kept, with its weight and evidence.",
        [
            ("event_id", "VARCHAR", "Event both reports belong to."),
            ("left_frame_id", "VARCHAR", "One report (event frame) of the link."),
            ("left_article_id", "VARCHAR", "Article of that report."),
            ("right_frame_id", "VARCHAR", "The other report."),
            ("right_article_id", "VARCHAR", "Article of the other report."),
            ("match_weight", "DOUBLE", "Sum of the comparisons' weights (log2 Bayes factors, set by hand); a link needs 8 and two agreeing comparisons."),
            ("comparisons", "JSON", "Each comparison (type, date, place, targets, killed) with the level it reached (same_day, same_admin1, shared_target, ...) and its weight."),
        ],
    ),
    "event_participants": (
        "Who took part in an event and how.",
        [
            ("event_id", "VARCHAR", "Event."),
            ("entity_id", "VARCHAR", "Participant entity."),
            ("role", "VARCHAR", "actor, target, partner or claimant."),
            ("n_articles", "INTEGER", "Articles that name the entity in this role."),
        ],
    ),
    "conflicts": (
        "Where different sources state different things about one event or person: each value with its evidence.",
        [
            ("conflict_id", "VARCHAR", "Stable id: subject, attribute, kind and detail."),
            ("subject_kind", "VARCHAR", "entity or event."),
            ("subject_id", "VARCHAR", "entity_id or event_id."),
            ("subject_label", "VARCHAR", "Readable name of the subject."),
            ("attribute", "VARCHAR", "killed, wounded, detained, aircraft, event_date, place, region, partner, claim, type; "
             "a group's count as <group>_killed (civilians_killed, children_wounded, ru_nationals_killed); "
             "for people given_name, name (kunya beside the name), role."),
            ("values", "JSON", "Each distinct value: value, as_written, article_ids, outlets, and evidence "
             "[{article_id, outlet, published_at, start_char, end_char (the stating sentence in articles.body), "
             "source (whom the sentence credits)}]."),
            ("kind", "VARCHAR", "disagreement (sources differ about the same moment) or update (a later report "
             "revises a figure: published at least 4 hours later with a higher figure, or worded as a revision)."),
            ("severity", SEVERITY_TYPE, "Ordered info < low < medium < high (ORDER BY severity DESC puts high first): "
             "info a variant worth knowing, low a revised figure or a day's gap, medium places, partners, roles, "
             "high tolls, given names, calendar dates."),
            ("severity_rank", "INTEGER", "0 info, 1 low, 2 medium, 3 high (the same order as a number)."),
            ("outlets_differ", "BOOLEAN", "True when the differing values come from different outlets."),
            ("n_articles", "INTEGER", "Articles stating the differing values (1: sources one article cites by name)."),
            ("explanation", "VARCHAR", "One line in English."),
            ("explanation_ar", "VARCHAR", "One line in Arabic."),
        ],
    ),
    "quality_results": (
        "One row per data-quality expectation per batch run (Great Expectations and asset checks); "
        "the latest run of a batch replaces the rows of its earlier runs.",
        [
            ("run_id", "VARCHAR", "Dagster run that checked it."),
            ("batch_id", "VARCHAR", "Batch (partition) the run processed: a re-run of the batch replaces its rows."),
            ("checked_at", "TIMESTAMP", "When."),
            ("table_name", "VARCHAR", "Table checked."),
            ("expectation", "VARCHAR", "Expectation and its column."),
            ("success", "BOOLEAN", "Whether it held."),
            ("unexpected_count", "BIGINT", "Rows that broke it."),
            ("details", "VARCHAR", "Sample of offending values."),
        ],
    ),
    "id_registry": (
        "Stable ids already handed out: which member (mention or event frame) belongs to which id.",
        [
            ("kind", "VARCHAR", "entity or event."),
            ("member_key", "VARCHAR", "mention_id or frame_id."),
            ("stable_id", "VARCHAR", "entity_id or event_id it was given."),
        ],
    ),
}

CONTRACT_TABLES = ("articles", "quarantine", "mentions", "entities", "entity_aliases", "events",
                   "event_reports", "event_participants", "event_links", "conflicts", "quality_results")


def columns(table: str) -> list[str]:
    return [name for name, _, _ in SCHEMA[table][1]]


def polars_schema(table: str) -> dict[str, pl.DataType]:
    """The polars dtypes matching the DuckDB columns, for building empty or typed frames."""
    mapping = {"VARCHAR": pl.Utf8, "JSON": pl.Utf8, "INTEGER": pl.Int64, "BIGINT": pl.Int64,
               "DOUBLE": pl.Float64, "BOOLEAN": pl.Boolean, "TIMESTAMP": pl.Datetime("us"),
               "VARCHAR[]": pl.List(pl.Utf8), "BLOB": pl.Binary, SEVERITY_TYPE: pl.Utf8}
    return {name: mapping[kind] for name, kind, _ in SCHEMA[table][1]}


def empty_frame(table: str) -> pl.DataFrame:
    return pl.DataFrame(schema=polars_schema(table))


def conform(frame: pl.DataFrame, table: str) -> pl.DataFrame:
    """`frame` with exactly the table's columns, in order and typed; missing columns are null."""
    return frame.select([
        pl.col(name).cast(dtype) if name in frame.columns else pl.lit(None, dtype=dtype).alias(name)
        for name, dtype in polars_schema(table).items()
    ])


def sql_literal(text: str) -> str:
    """`text` as a SQL string literal (single quotes doubled), for the COMMENT ON statements."""
    return "'" + text.replace("'", "''") + "'"


def _schema_in_place(con: duckdb.DuckDBPyConnection) -> bool:
    """Every table, column and description already as SCHEMA says (one catalog query).

    The full DDL pass is ~300 statements and costs 0.2-0.6 s; a run opens the warehouse a dozen
    times, so skipping it when nothing is missing saves seconds per run (measured by `make bench`).
    """
    wanted = {(table, None, description) for table, (description, _) in SCHEMA.items()}
    wanted |= {(table, name, text) for table, (_, cols) in SCHEMA.items() for name, _, text in cols}
    present = set(con.execute("SELECT table_name, NULL, comment FROM duckdb_tables() WHERE schema_name = 'main' "
                              "UNION ALL SELECT table_name, column_name, comment FROM duckdb_columns() "
                              "WHERE schema_name = 'main'").fetchall())
    return wanted <= present


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table (if missing) with its description on each table and column."""
    if _schema_in_place(con):
        return
    for table, (description, cols) in SCHEMA.items():
        ddl = ", ".join(f'"{name}" {kind}' for name, kind, _ in cols)
        con.execute(f'CREATE TABLE IF NOT EXISTS "{table}" ({ddl})')
        for name, kind, _ in cols:  # a warehouse made before a column was added
            con.execute(f'ALTER TABLE "{table}" ADD COLUMN IF NOT EXISTS "{name}" {kind}')
        typed = dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' "
                                 "AND table_name = ?", [table]).fetchall())
        for name, kind, _ in cols:  # or before its type changed (severity became an ordered ENUM)
            if kind.startswith("ENUM") and typed.get(name) != kind:
                con.execute(f'ALTER TABLE "{table}" ALTER COLUMN "{name}" TYPE {kind}')
        con.execute(f'COMMENT ON TABLE "{table}" IS {sql_literal(description)}')
        for name, _, text in cols:
            con.execute(f'COMMENT ON COLUMN "{table}"."{name}" IS {sql_literal(text)}')


@contextlib.contextmanager
def _held(path: Path, timeout_s: float) -> Iterator[None]:
    """The lock file beside `path`, held by one process at a time (polled, so a wait can end)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(
                        f"another run has held the warehouse {path} for {timeout_s:.0f}s; "
                        "wait for it to finish or stop it, then retry") from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextlib.contextmanager
def writer(path: str | Path, timeout_s: float = 600.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A write connection, held by one process at a time.

    DuckDB allows one writing process per file; a lock file queues concurrent writers instead of
    letting the second fail on DuckDB's own lock.
    """
    path = Path(path)
    with _held(path, timeout_s):
        con = duckdb.connect(str(path))
        try:
            ensure_schema(con)
            yield con
        finally:
            con.close()


class StaleCopy(Exception):
    """The warehouse changed after a run copied it: publishing the copy would undo the other run."""


def staged_path(live: Path, run_id: str) -> Path:
    """Where run `run_id` builds its copy of the warehouse `live` (hidden, beside it)."""
    return live.with_name(f".{live.name}.run-{run_id}")


def _identity(path: Path) -> list[int] | None:
    """What tells one version of the warehouse file from the next (a publish renames a new file in)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return [info.st_ino, info.st_mtime_ns, info.st_size]


def staged_copy(live: str | Path, run_id: str) -> Path:
    """The run's copy of the warehouse, made from the live file on first use (empty when there is none)."""
    live = Path(live)
    staged = staged_path(live, run_id)
    if staged.exists():
        return staged
    with _held(live, timeout_s=600.0):
        if staged.exists():
            return staged
        copying = staged.with_name(staged.name + ".copying")
        if live.exists():
            if live.with_name(live.name + ".wal").exists():  # left by a writer of an older version
                duckdb.connect(str(live)).close()  # replays and checkpoints it
            shutil.copyfile(live, copying)
        else:
            duckdb.connect(str(copying)).close()
        staged.with_name(staged.name + ".base").write_text(json.dumps(_identity(live)), encoding="utf-8")
        os.replace(copying, staged)
    return staged


def publish(live: str | Path, run_id: str) -> bool:
    """Swap the run's copy in for the warehouse in one rename; False when the run made no copy.

    Raises StaleCopy (and drops the copy) when another run published since this one copied."""
    live = Path(live)
    staged = staged_path(live, run_id)
    if not staged.exists():
        return False
    base = staged.with_name(staged.name + ".base")
    with _held(live, timeout_s=600.0):
        if not staged.exists():  # published meanwhile by the other caller (the runner or the sensor)
            return False
        if json.loads(base.read_text(encoding="utf-8")) != _identity(live):
            discard(live, run_id)
            raise StaleCopy(f"another run updated the warehouse {live} while this one ran; run this batch again")
        with duckdb.connect(str(staged)) as con:
            con.execute("CHECKPOINT")
        os.replace(staged, live)
        base.unlink(missing_ok=True)
        directory = os.open(live.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    return True


def keep_quality_results(live: str | Path, run_id: str, wait_s: float = 30.0) -> None:
    """Copy a failed run's `quality_results` into the warehouse before its copy is dropped: they say
    why it failed. One table, one transaction; waits up to `wait_s` for readers to let go of the file."""
    live = Path(live)
    staged = staged_path(live, run_id)
    if not staged.exists():
        return
    deadline = time.monotonic() + wait_s
    while True:
        try:
            with writer(live) as con:
                con.execute(f"ATTACH {sql_literal(str(staged))} AS failed_run (READ_ONLY)")
                frame = con.execute("SELECT * FROM failed_run.quality_results WHERE run_id = ?", [run_id]).pl()
                con.execute("DETACH failed_run")
                for batch_id in frame["batch_id"].unique().to_list():
                    rows = frame.filter(pl.col("batch_id") == batch_id)
                    tables = rows["table_name"].unique().to_list()
                    replace_rows(con, "quality_results", rows, "batch_id = ? AND list_contains(?, table_name)",
                                 [batch_id, tables])
            return
        except duckdb.IOException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def discard(live: str | Path, run_id: str) -> None:
    """Drop a run's copy (the run failed or was killed): the warehouse stays as it was."""
    staged = staged_path(Path(live), run_id)
    for leftover in (staged, *(staged.with_name(staged.name + end) for end in (".wal", ".base", ".copying", ".lock"))):
        leftover.unlink(missing_ok=True)


def staged_runs(live: str | Path) -> list[str]:
    """Run ids that left a copy of the warehouse `live` behind."""
    live = Path(live)
    prefix = f".{live.name}.run-"
    if not live.parent.is_dir():
        return []
    return sorted(p.name[len(prefix):] for p in live.parent.iterdir()
                  if p.name.startswith(prefix) and "." not in p.name[len(prefix):])


def reader(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection; raises FileNotFoundError with a hint when there is no warehouse yet."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"no warehouse at {path}: run `tahqiq run --input DIR` (or `make run`) first, "
            "or point --warehouse / TAHQIQ_WAREHOUSE at an existing file")
    return duckdb.connect(str(path), read_only=True)


def replace_rows(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame,
                 where: str | None = None, params: list | None = None) -> int:
    """Replace the rows selected by `where` (all rows when None) with `frame`, in one transaction."""
    frame = conform(frame, table)
    con.execute("BEGIN TRANSACTION")
    try:
        if where is None:
            con.execute(f'DELETE FROM "{table}"')
        else:
            con.execute(f'DELETE FROM "{table}" WHERE {where}', params or [])
        if frame.height:
            con.register("incoming_rows", frame.to_arrow())
            con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM incoming_rows')
            con.unregister("incoming_rows")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return frame.height


def move_to_quarantine(con: duckdb.DuckDBPyConnection, batch_id: str, articles: list[tuple[str, str]],
                       reason: str) -> None:
    """Take the (article_id, detail) articles of `batch_id` out of every article table and into
    `quarantine` with `reason`, in one transaction: a later stage found they cannot be processed."""
    if not articles:
        return
    con.execute("BEGIN TRANSACTION")
    try:
        for article_id, detail in articles:
            con.execute("INSERT INTO quarantine BY NAME SELECT batch_id, source_file, ? AS reason, ? AS detail, "
                        "ingested_at FROM articles WHERE batch_id = ? AND article_id = ?",
                        [reason, detail, batch_id, article_id])
            for table in ("articles", "raw_articles", "article_fingerprints"):
                con.execute(f'DELETE FROM "{table}" WHERE batch_id = ? AND article_id = ?', [batch_id, article_id])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def read_frame(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pl.DataFrame:
    return con.execute(sql, params or []).pl()
