"""Reconcile: one entity per real person or organization and one event per real event, across all batches."""

import dagster as dg

from assets.charts import event_map, event_timeline, reports_dir
from assets.metadata import counts_by, preview, report_progress
from assets.resources import WarehouseResource
from tahqiq import warehouse
from tahqiq.reconcile import reconcile

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
                        kinds={"duckdb", "polars"}, group_name="reconcile", owners=["team:tahqiq"])
           for name, text in RECONCILED_TABLES.items()],
    name="reconcile_all_batches",
)
def reconcile_asset(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource):
    articles = warehouse_db.read("SELECT * EXCLUDE (body, body_normalized) FROM articles")
    mentions = warehouse_db.read("SELECT * FROM extracted_mentions")
    frames = warehouse_db.read("SELECT * FROM event_frames")
    registry = warehouse_db.read("SELECT * FROM id_registry")
    report_progress(context, f"reconciling {mentions.height} mentions and {frames.height} event frames "
                     f"from {articles.height} articles")
    tables = reconcile(articles, mentions, frames, registry)
    with warehouse_db.writer() as con:
        for name in [*RECONCILED_TABLES, "id_registry"]:
            warehouse.replace_rows(con, name, tables[name])
    entities, events = tables["entities"], tables["events"]
    reports = reports_dir(warehouse_db.resolved_path())
    place_labels = dict(entities.filter(entities["canonical_latin"].is_not_null())
                        .select("entity_id", "canonical_latin").iter_rows()) if entities.height else {}
    shown = {
        "mentions": {"by_type": dg.MetadataValue.json(counts_by(tables["mentions"], "entity_type"))},
        "entities": {"by_type": dg.MetadataValue.json(counts_by(entities, "entity_type")),
                     "preview": preview(entities.sort("n_outlets", descending=True),
                                        ["entity_id", "entity_type", "canonical_name", "canonical_latin",
                                         "n_articles", "n_outlets"])},
        "entity_aliases": {"preview": preview(tables["entity_aliases"], ["entity_id", "alias", "alias_kind"])},
        "entity_links": {"preview": preview(tables["entity_links"].sort("match_weight", descending=True),
                                            ["entity_id", "left_surface", "right_surface", "match_weight",
                                             "method"])},
        "events": {"by_type": dg.MetadataValue.json(counts_by(events, "event_type")),
                   "preview": preview(events.sort("n_outlets", descending=True),
                                      ["event_id", "event_type", "event_date", "place_name", "admin1",
                                       "killed", "wounded", "n_outlets"]),
                   "timeline": event_timeline(events, reports),
                   "map": event_map(events, reports, place_labels)},
        "event_reports": {"preview": preview(tables["event_reports"],
                                             ["event_id", "outlet", "reported_date", "reported_place",
                                              "reported_killed", "claim_source"])},
        "event_participants": {"by_role": dg.MetadataValue.json(counts_by(tables["event_participants"], "role"))},
    }
    for name in RECONCILED_TABLES:
        yield dg.MaterializeResult(asset_key=name, metadata={"rows": tables[name].height, **shown[name]})
