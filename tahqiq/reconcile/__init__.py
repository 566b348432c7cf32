"""Reconciliation across all batches: entities, events and their participants (conflicts: tahqiq.quality).

`reconcile` is a pure function of the accumulated tables: articles, extracted mentions, event frames
and the id registry of earlier runs. It returns every output table whole, so re-running a batch or
adding one gives the same ids to what was already there (see `stable_ids`).
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
from tahqiq.reconcile.events import cluster_frames, merge_event_targets, prepare_frames, summarize_events
from tahqiq.reconcile.stable_ids import assign_stable_ids, registry_rows
from tahqiq.resolve.entities import resolve_entities

ENTITY_PREFIX = {"PERSON": "P", "ORG": "O", "LOC": "L", "WEAPON": "W"}
OUTPUTS = ("mentions", "entities", "entity_aliases", "entity_links", "events", "event_reports", "event_participants",
           "id_registry")  # fmt: skip


def _empty_outputs() -> dict[str, pl.DataFrame]:
    return {name: warehouse.empty_frame(name) for name in OUTPUTS}


def _entity_ids(
    mentions: pl.DataFrame, frames: pl.DataFrame, registry: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(member_key -> stable_id for every entity mention, the kept links between records)."""
    clusters, links = resolve_entities(mentions)
    clusters = merge_event_targets(clusters, mentions, frames)
    clusters = link_event_kunyas(clusters, mentions, frames)
    types = mentions.select("mention_id", pl.col("entity_type").alias("prefix_key"))
    members = clusters.rename({"mention_id": "member_key"}).join(
        types.rename({"mention_id": "member_key"}), on="member_key"
    )
    return assign_stable_ids(members, registry, "entity", ENTITY_PREFIX), links


def _entity_links(links: pl.DataFrame, linked: pl.DataFrame) -> pl.DataFrame:
    """The kept links with the entity their records ended in (the left record's)."""
    return links.join(
        linked.select(pl.col("mention_id").alias("left_mention_id"), "entity_id"), on="left_mention_id", how="left"
    )


def _canonical_names(linked: pl.DataFrame) -> pl.DataFrame:
    """The fullest reported form per entity (most tokens, then most articles, then text order)."""
    forms = (
        linked.filter(pl.col("entity_id").is_not_null())
        .group_by("entity_id", "surface")
        .agg(pl.col("article_id").n_unique().alias("n_art"), pl.len().alias("n"))
        .with_columns(pl.col("surface").str.split(" ").list.len().alias("n_tokens"))
        .sort(["entity_id", "n_tokens", "n_art", "n", "surface"], descending=[False, True, True, True, False])
        .unique("entity_id", keep="first")
    )
    return forms.select("entity_id", pl.col("surface").alias("canonical_name"))


# Enough stated names to compare a person's names across articles without bloating entities.attrs.
MAX_STATED_NAMES = 60


def _stated_names(persons: pl.DataFrame) -> pl.DataFrame:
    """entity_id -> the first mention of each (article, surface): the names each article states."""
    first = persons.sort("article_id", "start_char").unique(["entity_id", "article_id", "surface"], keep="first")
    return first.sort("entity_id", "article_id", "start_char").group_by("entity_id", maintain_order=True).agg(
        pl.struct(
            "surface", "article_id", pl.col("start_char").alias("start"), pl.col("end_char").alias("end")
        ).head(MAX_STATED_NAMES).alias("_stated")
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
        _entity_attrs(t, s, n) for t, s, n in entities.select("entity_type", "_surfaces", "_stated").iter_rows()
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
) -> tuple[pl.DataFrame, pl.DataFrame]:
    prepared = prepare_frames(frames, _target_entities(linked))
    clusters = cluster_frames(prepared)
    assigned = assign_stable_ids(clusters.rename({"frame_id": "member_key"}), registry, "event", "E")
    return prepared, assigned.select(
        pl.col("member_key").alias("frame_id"), pl.col("stable_id").alias("event_id")
    )


def _event_reports(
    prepared: pl.DataFrame, event_of: pl.DataFrame, articles: pl.DataFrame, linked: pl.DataFrame
) -> pl.DataFrame:
    entity_of = dict(linked.select("mention_id", "entity_id").drop_nulls().iter_rows())
    return (
        prepared.join(event_of, on="frame_id")
        .join(articles.select("article_id", "outlet"), on="article_id", how="left")
        .with_columns(
            pl.col("event_type").alias("reported_type"),
            pl.col("target_mentions")
            .list.eval(pl.element().replace_strict(entity_of, default=None, return_dtype=pl.Utf8))
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


def reconcile(
    articles: pl.DataFrame, mentions: pl.DataFrame, frames: pl.DataFrame, registry: pl.DataFrame
) -> dict[str, pl.DataFrame]:
    """Resolve entities and cluster events over all batches; see the module docstring."""
    if mentions.height == 0 and frames.height == 0:
        return {**_empty_outputs(), "id_registry": warehouse.conform(registry, "id_registry")}
    mentions = (
        warehouse.conform(mentions, "extracted_mentions")
        if mentions.height
        else warehouse.empty_frame("extracted_mentions")
    )
    frames = (
        warehouse.conform(frames, "event_frames") if frames.height else warehouse.empty_frame("event_frames")
    )
    mentions = with_ref_ids(mentions)
    entity_ids, links = _entity_ids(mentions, frames, registry)
    linked = mentions.join(
        entity_ids.select(pl.col("member_key").alias("mention_id"), pl.col("stable_id").alias("entity_id")),
        on="mention_id",
        how="left",
    )
    entities, aliases = _entities(linked, articles)

    if frames.height:
        prepared, event_of = _event_ids(frames, linked, registry)
        frames_reported = _event_reports(prepared, event_of, articles, linked)
        reports = warehouse.conform(frames_reported, "event_reports")
        events = summarize_events(frames_reported).join(event_figures(reports, articles), on="event_id", how="left")
        participants = _participants(frames_reported, linked)
        event_registry = registry_rows(
            event_of.rename({"frame_id": "member_key", "event_id": "stable_id"}), "event"
        )
    else:
        reports = warehouse.empty_frame("event_reports")
        events = warehouse.empty_frame("events")
        participants = warehouse.empty_frame("event_participants")
        event_registry = warehouse.empty_frame("id_registry")

    new_registry = pl.concat([registry_rows(entity_ids, "entity"), event_registry], how="vertical_relaxed")
    # Members no longer present (an article deleted) keep their rows so their ids are never reused.
    kept_old = (
        registry.join(new_registry.select("kind", "member_key"), on=["kind", "member_key"], how="anti")
        if registry.height
        else registry
    )
    full_registry = pl.concat(
        [warehouse.conform(kept_old, "id_registry"), warehouse.conform(new_registry, "id_registry")]
    )
    return {
        "mentions": warehouse.conform(linked, "mentions"),
        "entities": entities,
        "entity_aliases": aliases,
        "entity_links": warehouse.conform(_entity_links(links, linked), "entity_links"),
        "events": warehouse.conform(events, "events"),
        "event_reports": warehouse.conform(reports, "event_reports"),
        "event_participants": warehouse.conform(participants, "event_participants"),
        "id_registry": full_registry.sort("kind", "member_key"),
    }
