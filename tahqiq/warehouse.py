"""The DuckDB warehouse: table definitions, their descriptions, and transactional writes.

One module owns the schema so that every stage writes the same columns, and `COMMENT ON` gives every
table and column a description a SQL user can read (`SELECT * FROM duckdb_columns()`).
"""

from __future__ import annotations

import contextlib
import fcntl
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
            ("published_source", "VARCHAR", "How the publication date is known: manifest, json, text."),
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
            ("published_source", "VARCHAR", "How the publication date is known: manifest, json, text."),
            ("title", "VARCHAR", "Headline."),
            ("body", "VARCHAR", "Cleaned display text; mention offsets index into it."),
            ("body_normalized", "VARCHAR", "Matching form (camel-tools): no diacritics or tatweel, unified alef/ya/teh marbuta/hamza, ASCII digits."),
            ("content_hash", "VARCHAR", "SHA-256 of the normalized body."),
            ("duplicate_of", "VARCHAR", "article_id of the earlier article this one near-duplicates (same wire story), else null."),
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
            ("reason", "VARCHAR", "Short code: empty, binary, undecodable, invalid_json, missing_text, too_large, not_arabic, exact_duplicate, ..."),
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
            ("event_type", "VARCHAR", "drone_strike, air_strike, helicopter_raid, ground_raid, airdrop, arrest, attack."),
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
            ("admin1", "VARCHAR", "Governorate of the place."),
            ("country", "VARCHAR", "Country of the place."),
            ("latitude", "DOUBLE", "Latitude of the place."),
            ("longitude", "DOUBLE", "Longitude of the place."),
            ("reported_killed", "INTEGER", "Killed according to this article."),
            ("reported_wounded", "INTEGER", "Wounded according to this article."),
            ("weapon", "VARCHAR", "Weapon or platform named."),
            ("actor_refs", "VARCHAR[]", "Organizations that carried it out."),
            ("partner_refs", "VARCHAR[]", "Partner forces named as taking part."),
            ("partner_claim", "VARCHAR", "joint, unilateral, contested (the article says both) or null when it does not say."),
            ("target_mentions", "VARCHAR[]", "mention_ids of the people targeted."),
            ("target_roles", "VARCHAR[]", "Role words given to the targets (قيادي, زعيم, والي)."),
            ("claim_source", "VARCHAR", "Who the article attributes the claim to."),
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
            ("event_type", "VARCHAR", "drone_strike, air_strike, helicopter_raid, ground_raid, airdrop, arrest, attack."),
            ("event_date", "VARCHAR", "Best-supported date (ISO)."),
            ("date_precision", "VARCHAR", "day, month, year or interval."),
            ("place_entity_id", "VARCHAR", "Entity of the most specific place reported."),
            ("place_name", "VARCHAR", "Name of that place."),
            ("admin1", "VARCHAR", "Governorate."),
            ("country", "VARCHAR", "Country."),
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
            ("reported_wounded", "INTEGER", "Wounded according to this article."),
            ("partner_claim", "VARCHAR", "joint, unilateral or null."),
            ("claim_source", "VARCHAR", "Who the article attributes the claim to, when it says."),
            ("is_background", "BOOLEAN", "True when the article cites the event as context."),
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
            ("attribute", "VARCHAR", "killed, wounded, detained, aircraft, event_date, place, region, partner, claim; "
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
        "One row per data-quality expectation per run (Great Expectations and asset checks).",
        [
            ("run_id", "VARCHAR", "Dagster run that checked it."),
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
                   "event_reports", "event_participants", "conflicts", "quality_results")


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
def writer(path: str | Path, timeout_s: float = 600.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A write connection, held by one process at a time.

    DuckDB allows one writing process per file; a lock file queues concurrent runs (two batches
    arriving together) instead of letting the second fail on DuckDB's own lock.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(path.suffix + ".lock"), "w") as lock:
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
            con = duckdb.connect(str(path))
            try:
                ensure_schema(con)
                yield con
            finally:
                con.close()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


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


def read_frame(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pl.DataFrame:
    return con.execute(sql, params or []).pl()
