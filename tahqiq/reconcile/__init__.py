"""Reconciliation across all batches: entities, events and their participants (conflicts: tahqiq.quality).

Two pure functions of the accumulated tables, one per table family, each run by its own asset:
`resolve_entity_tables` (articles, extracted mentions, event frames and the id registry of earlier runs ->
mentions, entities, entity_aliases, entity_links) and `cluster_event_tables` (the same, with the mentions
the first linked -> events, event_reports, event_participants, event_links). Each returns its tables whole
and its own kind of id_registry rows, so re-running a batch or adding one gives the same ids to what was
already there (see `stable_ids`). `reconcile` runs both.
"""

from __future__ import annotations

import json

import polars as pl

from tahqiq import warehouse
from tahqiq.quality.figures import event_figures
from tahqiq.reconcile.entities import (
    link_event_kunyas,
    parse_display_name,
    parse_person,
    ref_id_of,
    transliterate,
    with_ref_ids,
)
from tahqiq.reconcile.events import (
    dates_from_other_reports,
    event_basis,
    merge_event_targets,
    prepare_frames,
    summarize_events,
)
from tahqiq.reconcile.stable_ids import assign_stable_ids, registry_rows
from tahqiq.resolve.entities import DEFAULT_PERSON_MODEL, PersonModel, resolve_entities
from tahqiq.resolve.events import event_links, link_reports

ENTITY_PREFIX = {"PERSON": "P", "ORG": "O", "LOC": "L", "WEAPON": "W"}
# The two table families, each written by its own asset; both write their kind's rows of id_registry.
ENTITY_OUTPUTS = ("mentions", "entities", "entity_aliases", "entity_links", "id_registry")
EVENT_OUTPUTS = ("events", "event_reports", "event_participants", "event_links", "id_registry")
OUTPUTS = tuple(dict.fromkeys(ENTITY_OUTPUTS + EVENT_OUTPUTS))
# What the events read of a mention: its entity, its name (the targets' name keys) and its attrs (an
# organization's ref id, for actors and partners).
EVENT_MENTION_COLUMNS = ("mention_id", "entity_type", "normalized", "attrs", "entity_id")
_NO_MEMBERS = pl.DataFrame(schema={"member_key": pl.Utf8, "stable_id": pl.Utf8})


def _conformed(frame: pl.DataFrame, table: str) -> pl.DataFrame:
    return warehouse.conform(frame, table) if frame.height else warehouse.empty_frame(table)


def _with_outlets(frames: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """The event frames with their article's outlet (one outlet's reports are compared as such)."""
    frames = _conformed(frames, "event_frames")
    if "outlet" not in articles.columns:
        return frames.with_columns(pl.lit(None, pl.Utf8).alias("outlet"))
    return frames.join(articles.select("article_id", "outlet").unique("article_id"), on="article_id", how="left")


def _entity_ids(
    mentions: pl.DataFrame, frames: pl.DataFrame, registry: pl.DataFrame, model: PersonModel
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(member_key -> stable_id for every entity mention, the kept links between records)."""
    clusters, links = resolve_entities(mentions, model)
    # Both read the events of the frames, clustered with the person clusters as their targets.
    basis = event_basis(frames)
    clusters = merge_event_targets(clusters, mentions, basis)
    clusters = link_event_kunyas(clusters, mentions, basis)
    types = mentions.select("mention_id", pl.col("entity_type").alias("prefix_key"))
    members = clusters.rename({"mention_id": "member_key"}).join(
        types.rename({"mention_id": "member_key"}), on="member_key"
    )
    return assign_stable_ids(members, registry, "entity", ENTITY_PREFIX), links


def _entity_links(links: pl.DataFrame, linked: pl.DataFrame) -> pl.DataFrame:
    """The kept links with the entity their records ended in (the left record's)."""
    return links.join(
        linked.select(pl.col("mention_id").alias("left_mention_id"), "entity_id"),
        on="left_mention_id",
        how="left",
    )


def _canonical_names(linked: pl.DataFrame) -> pl.DataFrame:
    """Each entity's name: the reference name most of its mentions matched (the toponym of a region
    phrase, an organization's own name); else, for a person, the most reported form of two words or
    more; else the most reported form, an organization's without the proclitic its head took."""
    from tahqiq.resolve.entities import display_without_proclitic

    named = linked.filter(pl.col("entity_id").is_not_null())
    referenced = (
        named.filter(ref_id_of(named).is_not_null())
        .select("entity_id", pl.col("attrs").str.json_path_match("$.canonical").alias("name"), "article_id")
        .drop_nulls("name")
    )
    # An organization's display name once per distinct spelling, not once per mention.
    org_forms = named.filter(pl.col("entity_type") == "ORG").select("surface", "normalized").unique()
    org_forms = org_forms.with_columns(
        pl.Series(
            "_display",
            [display_without_proclitic(surface, normalized or "") for surface, normalized in org_forms.iter_rows()],
            pl.Utf8,
        )
    )
    forms = named.join(org_forms, on=["surface", "normalized"], how="left", nulls_equal=True).select(
        "entity_id",
        pl.when(pl.col("entity_type") == "ORG").then(pl.col("_display")).otherwise(pl.col("surface")).alias("name"),
        "article_id",
        (pl.col("entity_type") == "PERSON").alias("is_person"),
    )
    ranked = (
        pl.concat(
            [
                referenced.with_columns(pl.lit(0).alias("tier")),
                forms.with_columns(
                    pl.when(pl.col("is_person") & (pl.col("name").str.split(" ").list.len() < 2))
                    .then(2)
                    .otherwise(1)
                    .alias("tier")
                ).drop("is_person"),
            ]
        )
        .group_by("entity_id", "tier", "name")
        .agg(pl.col("article_id").n_unique().alias("n_art"), pl.len().alias("n"))
        .with_columns(pl.col("name").str.split(" ").list.len().alias("n_tokens"))
        .sort(
            ["entity_id", "tier", "n_art", "n", "n_tokens", "name"],
            descending=[False, False, True, True, True, False],
        )
        .unique("entity_id", keep="first")
    )
    return ranked.select("entity_id", pl.col("name").alias("canonical_name"))


# Enough stated names to compare a person's names across articles without bloating entities.attrs.
MAX_STATED_NAMES = 60


def _stated_names(persons: pl.DataFrame) -> pl.DataFrame:
    """entity_id -> the first mention of each (article, surface): the names each article states."""
    first = persons.sort("article_id", "start_char").unique(
        ["entity_id", "article_id", "surface"], keep="first"
    )
    return (
        first.sort("entity_id", "article_id", "start_char")
        .group_by("entity_id", maintain_order=True)
        .agg(
            pl.struct(
                "surface", "article_id", pl.col("start_char").alias("start"), pl.col("end_char").alias("end")
            )
            .head(MAX_STATED_NAMES)
            .alias("_stated")
        )
    )


def _entities(linked: pl.DataFrame, articles: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    with_outlet = linked.filter(pl.col("entity_id").is_not_null()).join(
        articles.select("article_id", "outlet"), on="article_id", how="left"
    )
    canonical = _canonical_names(with_outlet)
    stated = _stated_names(with_outlet.filter(pl.col("entity_type") == "PERSON"))
    stats = with_outlet.group_by("entity_id").agg(
        pl.col("entity_type").first(),
        ref_id_of(with_outlet).drop_nulls().first().alias("ref_id"),
        pl.len().alias("n_mentions"),
        pl.col("article_id").n_unique().alias("n_articles"),
        pl.col("outlet").drop_nulls().n_unique().alias("n_outlets"),
        pl.col("surface").unique().sort().alias("_surfaces"),
    )
    entities = stats.join(canonical, on="entity_id", how="left").join(stated, on="entity_id", how="left")
    latin = [transliterate(n or "") for n in entities["canonical_name"].to_list()]
    attrs = [
        _entity_attrs(t, s, n)
        for t, s, n in entities.select("entity_type", "_surfaces", "_stated").iter_rows()
    ]
    entities = entities.with_columns(
        pl.Series("canonical_latin", latin, pl.Utf8), pl.Series("attrs", attrs, pl.Utf8)
    ).drop("_surfaces", "_stated")
    aliases = (
        with_outlet.group_by("entity_id", pl.col("surface").alias("alias"))
        .agg(pl.col("article_id").n_unique().alias("n_articles"), pl.col("normalized").first())
        .join(canonical, on="entity_id", how="left")
        .join(entities.select("entity_id", "entity_type"), on="entity_id", how="left")
    )
    kinds = [
        _alias_kind(alias, normalized, canon, etype)
        for alias, normalized, canon, etype in aliases.select(
            "alias", "normalized", "canonical_name", "entity_type"
        ).iter_rows()
    ]
    aliases = aliases.with_columns(pl.Series("alias_kind", kinds, pl.Utf8))
    return warehouse.conform(entities, "entities"), warehouse.conform(aliases, "entity_aliases")


def _entity_attrs(entity_type: str, surfaces: list[str], stated: list[dict] | None = None) -> str:
    if entity_type != "PERSON":
        return json.dumps({"surfaces": surfaces[:20]}, ensure_ascii=False)
    names = [parse_display_name(s) for s in surfaces]
    return json.dumps(
        {
            "stated": stated or [],
            "given_names": sorted({n.given for n in names if n.given and len(n.tokens) >= 2}),
            "kunyas": sorted({n.kunya for n in names if n.kunya}),
            "nisbas": sorted(
                {t for n in names for t in n.tokens[1:] if t.startswith("ال") and t.endswith("ي")}
            ),
            "titles": sorted({n.title for n in names if n.title}),
        },
        ensure_ascii=False,
    )


def _alias_kind(alias: str, normalized: str, canonical: str | None, entity_type: str | None) -> str:
    if alias == canonical:
        return "canonical"
    if entity_type != "PERSON":
        return "abbreviation" if len(alias.replace(" ", "")) <= 5 and " " not in alias.strip() else "spelling"
    this, canon = parse_person(normalized or ""), parse_display_name(canonical or "")
    if this.kunya and not canon.kunya or canon.kunya and not this.kunya:
        return "kunya" if this.key == canon.key else "nom_de_guerre"
    if this.key == canon.key:
        return "title_variant"
    if len(this.tokens) == 1:
        return "short_form"
    if len(this.tokens) == len(canon.tokens) and this.tokens[-1] == canon.tokens[-1]:
        return "spelling"
    return "nom_de_guerre"


def _target_entities(linked: pl.DataFrame) -> pl.DataFrame:
    return linked.filter(pl.col("entity_id").is_not_null()).select("mention_id", "entity_id", "normalized")


def _event_ids(
    frames: pl.DataFrame, linked: pl.DataFrame, registry: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    prepared = prepare_frames(frames, _target_entities(linked))
    clusters, links = link_reports(prepared)
    assigned = assign_stable_ids(clusters.rename({"frame_id": "member_key"}), registry, "event", "E")
    event_of = assigned.select(pl.col("member_key").alias("frame_id"), pl.col("stable_id").alias("event_id"))
    return prepared, event_of, event_links(links, event_of, prepared)


def _event_reports(
    prepared: pl.DataFrame, event_of: pl.DataFrame, linked: pl.DataFrame
) -> pl.DataFrame:
    # mention_id -> entity_id as two columns, not a dict of every mention built in Python
    entity_of = (
        linked.select("mention_id", "entity_id").drop_nulls().unique("mention_id", keep="last", maintain_order=True)
    )
    return (
        prepared.join(event_of, on="frame_id")  # with its outlet (_with_outlets)
        .with_columns(
            pl.col("event_type").alias("reported_type"),
            pl.col("target_mentions")
            .list.eval(
                pl.element().replace_strict(
                    entity_of["mention_id"], entity_of["entity_id"], default=None, return_dtype=pl.Utf8
                )
            )
            .alias("target_entity_ids"),
        )
    )


def _participants(reports: pl.DataFrame, linked: pl.DataFrame) -> pl.DataFrame:
    targets = (
        reports.select("event_id", "article_id", pl.col("target_mentions").alias("mention_id"))
        .explode("mention_id")
        .drop_nulls("mention_id")
        .join(linked.select("mention_id", "entity_id"), on="mention_id")
        .with_columns(pl.lit("target").alias("role"))
    )
    org_by_ref = (
        linked.filter(pl.col("entity_type") == "ORG")
        .select(ref_id_of(linked).alias("ref"), "entity_id")
        .drop_nulls()
        .unique("ref", keep="first")
    )
    refs = []
    for column, role in (("actor_refs", "actor"), ("partner_refs", "partner")):
        refs.append(
            reports.select("event_id", "article_id", pl.col(column).alias("ref"))
            .explode("ref")
            .drop_nulls("ref")
            .join(org_by_ref, on="ref")
            .with_columns(pl.lit(role).alias("role"))
            .drop("ref")
        )
    both = pl.concat(
        [
            targets.select("event_id", "article_id", "entity_id", "role"),
            *[r.select("event_id", "article_id", "entity_id", "role") for r in refs],
        ]
    )
    return both.group_by("event_id", "entity_id", "role").agg(
        pl.col("article_id").n_unique().alias("n_articles")
    )


def _registry_of(kind: str, registry: pl.DataFrame, assigned: pl.DataFrame) -> pl.DataFrame:
    """The id_registry rows of `kind` after a run: every member given an id now, and the members of
    earlier runs no longer present (an article deleted), which keep their rows so that their ids are
    never reused."""
    new_rows = warehouse.conform(registry_rows(assigned, kind), "id_registry")
    old = registry.filter(pl.col("kind") == kind) if registry.height else warehouse.empty_frame("id_registry")
    kept_old = old.join(new_rows.select("member_key"), on="member_key", how="anti")
    return pl.concat([warehouse.conform(kept_old, "id_registry"), new_rows]).sort("member_key")


def _no_tables(names: tuple[str, ...], kind: str, registry: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """Empty `names` tables when there is nothing to reconcile; the registry's rows of `kind` stay."""
    return {
        **{name: warehouse.empty_frame(name) for name in names},
        "id_registry": _registry_of(kind, registry, _NO_MEMBERS),
    }


def resolve_entity_tables(
    articles: pl.DataFrame,
    mentions: pl.DataFrame,
    frames: pl.DataFrame,
    registry: pl.DataFrame,
    model: PersonModel = DEFAULT_PERSON_MODEL,
) -> dict[str, pl.DataFrame]:
    """The entity tables (ENTITY_OUTPUTS) of all batches: each person, organization, place and weapon
    resolved, the mentions with their entity id, and the entity rows of the id registry (events are
    `cluster_event_tables`'). People are linked by `model`; the frames are read for their targets: one
    event's targets named two ways are one man."""
    if mentions.height == 0 and frames.height == 0:
        return _no_tables(ENTITY_OUTPUTS, "entity", registry)
    mentions = with_ref_ids(_conformed(mentions, "extracted_mentions"))
    entity_ids, links = _entity_ids(mentions, _with_outlets(frames, articles), registry, model)
    linked = mentions.join(
        entity_ids.select(pl.col("member_key").alias("mention_id"), pl.col("stable_id").alias("entity_id")),
        on="mention_id",
        how="left",
    )
    entities, aliases = _entities(linked, articles)
    return {
        "mentions": warehouse.conform(linked, "mentions"),
        "entities": entities,
        "entity_aliases": aliases,
        "entity_links": warehouse.conform(_entity_links(links, linked), "entity_links"),
        "id_registry": _registry_of("entity", registry, entity_ids),
    }


def cluster_event_tables(
    articles: pl.DataFrame, mentions: pl.DataFrame, frames: pl.DataFrame, registry: pl.DataFrame
) -> dict[str, pl.DataFrame]:
    """The event tables (EVENT_OUTPUTS) of all batches: the frames clustered into events, what each
    report claims, who took part, the links that joined them and the event rows of the id registry.

    `mentions` are `resolve_entity_tables`' (the `mentions` table, of which the EVENT_MENTION_COLUMNS are
    read): each mention with its entity id."""
    if frames.height == 0:
        return _no_tables(EVENT_OUTPUTS, "event", registry)
    # ref ids are parsed where they are read: the organizations of _participants
    linked = _conformed(mentions, "mentions").select(EVENT_MENTION_COLUMNS)
    prepared, event_of, links_of_events = _event_ids(_with_outlets(frames, articles), linked, registry)
    frames_reported = _event_reports(prepared, event_of, linked)
    events = summarize_events(frames_reported)
    frames_reported = dates_from_other_reports(frames_reported, events)
    reports = warehouse.conform(frames_reported, "event_reports")
    events = events.join(event_figures(reports, articles), on="event_id", how="left")
    return {
        "events": warehouse.conform(events, "events"),
        "event_reports": reports,
        "event_participants": warehouse.conform(_participants(frames_reported, linked), "event_participants"),
        "event_links": warehouse.conform(links_of_events, "event_links"),
        "id_registry": _registry_of(
            "event", registry, event_of.rename({"frame_id": "member_key", "event_id": "stable_id"})
        ),
    }


def reconcile(
    articles: pl.DataFrame,
    mentions: pl.DataFrame,
    frames: pl.DataFrame,
    registry: pl.DataFrame,
    model: PersonModel = DEFAULT_PERSON_MODEL,
) -> dict[str, pl.DataFrame]:
    """Every output table (OUTPUTS): `resolve_entity_tables`, then `cluster_event_tables` on the
    mentions it linked; the id registry holds both kinds of rows."""
    registry = warehouse.conform(registry, "id_registry")
    entity_tables = resolve_entity_tables(articles, mentions, frames, registry, model)
    event_tables = cluster_event_tables(articles, entity_tables["mentions"], frames, registry)
    others = registry.filter(~pl.col("kind").is_in(["entity", "event"]))
    full_registry = pl.concat([others, entity_tables["id_registry"], event_tables["id_registry"]])
    return {**entity_tables, **event_tables, "id_registry": full_registry.sort("kind", "member_key")}
