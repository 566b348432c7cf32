"""Reconcile, across all batches, one asset per table family: one entity per real person or organization
(`entities`), then one event per real event (`events`)."""

import dagster as dg

from assets.metadata import counts_by, preview, report_progress, table_definition_metadata, table_metadata
from pipelines.resources import PersonModelResource, WarehouseResource
from tahqiq import warehouse

ENTITY_TABLES = {
    "mentions": "Every mention with the canonical entity it refers to.",
    "entities": "One row per real person, organization, place or weapon, with how many outlets name it.",
    "entity_aliases": "Every name, kunya, abbreviation and spelling each entity is reported under.",
    "entity_links": "Why two records are one entity: each kept link with its match weight and comparisons.",
}
EVENT_TABLES = {
    "events": "One row per real event, clustered from every article that reports it.",
    "event_reports": "What each article claims about each event: date, place, counts, source.",
    "event_participants": "Who acted, who was targeted, who partnered and who claimed each event.",
}
# Both families read the articles without their bodies.
ARTICLES_SQL = "SELECT * EXCLUDE (body, body_normalized) FROM articles"


def _specs(tables: dict[str, str], deps: list[str]) -> list[dg.AssetSpec]:
    return [dg.AssetSpec(name, description=text, deps=deps, kinds={"duckdb", "polars"}, group_name="reconcile",
                         owners=["team:tahqiq"], metadata=table_definition_metadata(name))
            for name, text in tables.items()]


def _write(warehouse_db: WarehouseResource, tables: dict, names: list[str], kind: str) -> None:
    with warehouse_db.writer() as con:
        for name in names:
            warehouse.replace_rows(con, name, tables[name])
        warehouse.replace_rows(con, "id_registry", tables["id_registry"], "kind = ?", [kind])


@dg.multi_asset(specs=_specs(ENTITY_TABLES, ["extracted_mentions", "event_frames", "articles"]),
                name="resolve_entities")
def entities_asset(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource,
                   person_model: PersonModelResource):
    # the resolvers load with the run, not with the code location
    from tahqiq.reconcile import resolve_entity_tables

    articles = warehouse_db.read(ARTICLES_SQL)
    mentions = warehouse_db.read("SELECT * FROM extracted_mentions")
    frames = warehouse_db.read("SELECT * FROM event_frames")
    registry = warehouse_db.read("SELECT * FROM id_registry WHERE kind = 'entity'")
    report_progress(context, f"resolving the entities of {mentions.height} mentions from {articles.height} articles")
    tables = resolve_entity_tables(articles, mentions, frames, registry, person_model.model())
    model = person_model.metadata()
    # entity_links is written here and shown as its own asset; the events read `mentions` back.
    _write(warehouse_db, tables, list(ENTITY_TABLES), "entity")
    where = warehouse_db.resolved_path()
    entities = tables["entities"]
    shown = {
        "mentions": (tables["mentions"], ["mention_id", "entity_type", "surface", "value", "entity_id"],
                     {"by_type": dg.MetadataValue.json(counts_by(tables["mentions"], "entity_type"))}),
        "entities": (entities.sort("n_outlets", descending=True),
                     ["entity_id", "entity_type", "canonical_name", "canonical_latin", "n_articles", "n_outlets"],
                     {"by_type": dg.MetadataValue.json(counts_by(entities, "entity_type")),
                      **model}),
        "entity_aliases": (tables["entity_aliases"], ["entity_id", "alias", "alias_kind", "n_articles"], {}),
        "entity_links": (tables["entity_links"].sort("match_weight", descending=True),
                         ["entity_id", "left_surface", "right_surface", "match_weight", "method"],
                         model),
    }
    for name, (frame, columns, extra) in shown.items():
        yield dg.MaterializeResult(asset_key=name, metadata={**table_metadata(name, frame, columns, where), **extra})


@dg.multi_asset(specs=_specs(EVENT_TABLES, ["mentions", "entities", "event_frames", "articles"]),
                name="cluster_events")
def events_asset(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource):
    # matplotlib and the clustering load with the run, not with the code location
    from assets.charts import event_map, event_timeline
    from tahqiq.reconcile import EVENT_MENTION_COLUMNS, cluster_event_tables

    articles = warehouse_db.read(ARTICLES_SQL)
    mentions = warehouse_db.read(f"SELECT {', '.join(EVENT_MENTION_COLUMNS)} FROM mentions")
    frames = warehouse_db.read("SELECT * FROM event_frames")
    registry = warehouse_db.read("SELECT * FROM id_registry WHERE kind = 'event'")
    report_progress(context, f"clustering {frames.height} event frames from {articles.height} articles")
    tables = cluster_event_tables(articles, mentions, frames, registry)
    # event_links is the events' evidence, shown on the events asset rather than as a node of its own.
    _write(warehouse_db, tables, [*EVENT_TABLES, "event_links"], "event")
    events = tables["events"]
    place_labels = dict(warehouse_db.read(
        "SELECT entity_id, canonical_latin FROM entities WHERE canonical_latin IS NOT NULL").iter_rows())
    reports = warehouse_db.reports_dir()
    where = warehouse_db.resolved_path()
    shown = {
        "events": (events.sort("n_outlets", descending=True),
                   ["event_id", "event_type", "event_date", "place_name", "admin1", "killed", "wounded", "n_outlets"],
                   {"by_type": dg.MetadataValue.json(counts_by(events, "event_type")),
                    "timeline": event_timeline(events, reports),
                    "map": event_map(events, reports, place_labels),
                    "links (event_links)": preview(tables["event_links"].sort("match_weight", descending=True),
                                                   ["event_id", "left_article_id", "right_article_id",
                                                    "match_weight"])}),
        "event_reports": (tables["event_reports"],
                          ["event_id", "outlet", "reported_date", "reported_place", "reported_killed", "claim_source"],
                          {}),
        "event_participants": (tables["event_participants"], ["event_id", "entity_id", "role", "n_articles"],
                               {"by_role": dg.MetadataValue.json(counts_by(tables["event_participants"], "role"))}),
    }
    for name, (frame, columns, extra) in shown.items():
        yield dg.MaterializeResult(asset_key=name, metadata={**table_metadata(name, frame, columns, where), **extra})
