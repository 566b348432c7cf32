"""Reconcile: one entity per real person or organization and one event per real event, across all batches."""

import dagster as dg

from assets.metadata import counts_by, preview, report_progress, table_definition_metadata, table_metadata
from pipelines.resources import WarehouseResource
from tahqiq import warehouse

RECONCILED_TABLES = {
    "mentions": "Every mention with the canonical entity it refers to.",
    "entities": "One row per real person, organization, place or weapon, with how many outlets name it.",
    "entity_aliases": "Every name, kunya, abbreviation and spelling each entity is reported under.",
    "entity_links": "Why two records are one entity: each kept link with its match weight and comparisons.",
    "events": "One row per real event, clustered from every article that reports it.",
    "event_reports": "What each article claims about each event: date, place, counts, source.",
    "event_participants": "Who acted, who was targeted, who partnered and who claimed each event.",
}


@dg.multi_asset(
    specs=[dg.AssetSpec(name, description=text, deps=["extracted_mentions", "event_frames", "articles"],
                        kinds={"duckdb", "polars"}, group_name="reconcile", owners=["team:tahqiq"],
                        metadata=table_definition_metadata(name))
           for name, text in RECONCILED_TABLES.items()],
    name="reconcile_all_batches",
)
def reconcile_asset(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource):
    # matplotlib and the resolvers load with the run, not with the code location
    from assets.charts import event_map, event_timeline
    from tahqiq.reconcile import reconcile

    articles = warehouse_db.read("SELECT * EXCLUDE (body, body_normalized) FROM articles")
    mentions = warehouse_db.read("SELECT * FROM extracted_mentions")
    frames = warehouse_db.read("SELECT * FROM event_frames")
    registry = warehouse_db.read("SELECT * FROM id_registry")
    report_progress(context, f"reconciling {mentions.height} mentions and {frames.height} event frames "
                     f"from {articles.height} articles")
    tables = reconcile(articles, mentions, frames, registry)
    with warehouse_db.writer() as con:
        # event_links is the events' evidence, shown on the events asset rather than as a node of its own.
        for name in [*RECONCILED_TABLES, "event_links", "id_registry"]:
            warehouse.replace_rows(con, name, tables[name])
    entities, events = tables["entities"], tables["events"]
    reports = warehouse_db.reports_dir()
    place_labels = dict(entities.filter(entities["canonical_latin"].is_not_null())
                        .select("entity_id", "canonical_latin").iter_rows()) if entities.height else {}
    where = warehouse_db.resolved_path()
    shown = {
        "mentions": (["mention_id", "entity_type", "surface", "value", "entity_id"],
                     {"by_type": dg.MetadataValue.json(counts_by(tables["mentions"], "entity_type"))}),
        "entities": (["entity_id", "entity_type", "canonical_name", "canonical_latin", "n_articles", "n_outlets"],
                     {"by_type": dg.MetadataValue.json(counts_by(entities, "entity_type"))}),
        "entity_aliases": (["entity_id", "alias", "alias_kind", "n_articles"], {}),
        "entity_links": (["entity_id", "left_surface", "right_surface", "match_weight", "method"], {}),
        "events": (["event_id", "event_type", "event_date", "place_name", "admin1", "killed", "wounded", "n_outlets"],
                   {"by_type": dg.MetadataValue.json(counts_by(events, "event_type")),
                    "timeline": event_timeline(events, reports),
                    "map": event_map(events, reports, place_labels),
                    "links (event_links)": preview(tables["event_links"].sort("match_weight", descending=True),
                                                   ["event_id", "left_article_id", "right_article_id",
                                                    "match_weight"])}),
        "event_reports": (["event_id", "outlet", "reported_date", "reported_place", "reported_killed", "claim_source"],
                          {}),
        "event_participants": (["event_id", "entity_id", "role", "n_articles"],
                               {"by_role": dg.MetadataValue.json(counts_by(tables["event_participants"], "role"))}),
    }
    ordered = {"entities": entities.sort("n_outlets", descending=True),
               "events": events.sort("n_outlets", descending=True),
               "entity_links": tables["entity_links"].sort("match_weight", descending=True)}
    for name in RECONCILED_TABLES:
        columns, extra = shown[name]
        frame = ordered.get(name, tables[name])
        yield dg.MaterializeResult(asset_key=name, metadata={**table_metadata(name, frame, columns, where), **extra})
