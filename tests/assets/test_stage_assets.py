"""The partitioned stage assets, materialized with Dagster on a small batch written here."""

from __future__ import annotations

import dagster as dg
import duckdb

from assets.extract import extract_batch_asset
from assets.ingest import ingest_batch_asset
from assets.normalize import articles
from pipelines.partitions import batch_partitions
from pipelines.resources import InboxResource, NerModelResource, WarehouseResource
from tahqiq import warehouse


def write_batch(folder):
    folder.mkdir(parents=True)
    (folder / "one.txt").write_text(
        "مقتل قيادي بغارة\nأعلنت القيادة المركزية الأمريكية أن طائرة مسيرة قتلت القيادي في تنظيم داعش "
        "خالد الجبوري قرب مدينة البوكمال في ريف دير الزور الشرقي يوم 3 أيار/مايو 2024.", encoding="utf-8")
    (folder / "two.json").write_text(
        '{"text": "قالت وزارة الدفاع العراقية إن قواتها اعتقلت ثلاثة عناصر من داعش في محافظة الأنبار.", '
        '"outlet": "example.iq", "published_at": "2024-05-04"}', encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "_READY").touch()


def test_ingest_normalize_extract_for_one_partition(tmp_path):
    write_batch(tmp_path / "inbox" / "b1")
    warehouse_path = tmp_path / "w.duckdb"
    # Entered, the instance is the current one for Dagster's definitions state, whatever an earlier
    # test left behind.
    with dg.DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(batch_partitions.name, ["b1"])
        result = dg.materialize(
            [ingest_batch_asset, articles, extract_batch_asset],
            instance=instance,
            partition_key="b1",
            resources={"warehouse_db": WarehouseResource(path=str(warehouse_path)),
                       "inbox": InboxResource(path=str(tmp_path / "inbox")), "ner_model": NerModelResource()},
        )
    assert result.success
    # The run built its tables in its own copy; nothing is in the warehouse until it is published.
    assert not warehouse_path.exists()
    assert warehouse.publish(warehouse_path, result.run_id)
    materialized = {event.materialization.asset_key.to_user_string(): event.materialization.metadata
                    for event in result.get_asset_materialization_events()}
    assert materialized["raw_articles"]["dagster/row_count"].value == 2
    assert materialized["quarantine"]["dagster/row_count"].value == 1
    assert materialized["extracted_mentions"]["dagster/row_count"].value > 0
    # Which CRF tagger, if any, extract added to its rules (none is trained in a fresh checkout)
    assert materialized["extracted_mentions"]["ner_model"].value
    # Dagster's column schema carries the warehouse's column descriptions; the preview is a table
    schema = materialized["articles"]["dagster/column_schema"].schema
    described = {c.name: c.description for c in schema.columns}
    assert described["duplicate_of"].startswith("article_id of the earlier article")
    preview = materialized["quarantine"]["preview"]
    assert [r.data["reason"] for r in preview.records] == ["empty"]
    assert materialized["articles"]["warehouse"].value == str(warehouse_path.resolve())
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        assert con.execute("SELECT reason FROM quarantine").fetchall() == [("empty",)]
        people = [r[0] for r in con.execute(
            "SELECT surface FROM extracted_mentions WHERE entity_type = 'PERSON'").fetchall()]
        assert any("الجبوري" in p for p in people)
        dates = con.execute("SELECT value FROM extracted_mentions WHERE entity_type = 'DATE'").fetchall()
        assert ("2024-05-03",) in dates


def test_each_reconcile_family_is_its_own_asset_and_reruns_alone(tmp_path):
    from assets.reconcile import entities_asset, events_asset
    from pipelines.resources import PersonModelResource

    write_batch(tmp_path / "inbox" / "b1")
    warehouse_path = tmp_path / "w.duckdb"
    resources = {"warehouse_db": WarehouseResource(path=str(warehouse_path)),
                 "inbox": InboxResource(path=str(tmp_path / "inbox")), "person_model": PersonModelResource(),
                 "ner_model": NerModelResource()}

    def materialize(assets, instance, **kwargs):
        result = dg.materialize(assets, instance=instance, resources=resources, **kwargs)
        assert result.success
        assert warehouse.publish(warehouse_path, result.run_id)
        return {event.materialization.asset_key.to_user_string(): event.materialization.metadata
                for event in result.get_asset_materialization_events()}

    def ids(sql):
        with duckdb.connect(str(warehouse_path), read_only=True) as con:
            return sorted(con.execute(sql).fetchall())

    with dg.DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(batch_partitions.name, ["b1"])
        materialize([ingest_batch_asset, articles, extract_batch_asset], instance, partition_key="b1")
        entities = materialize([entities_asset], instance)
        assert set(entities) == {"mentions", "entities", "entity_aliases", "entity_links"}
        # The Splink model's name and settings hash say which model linked the people.
        assert entities["entities"]["person_model"].value == "splink-people"
        assert len(entities["entities"]["person_model_settings_hash"].value) == 12
        events = materialize([events_asset], instance)
        assert set(events) == {"events", "event_reports", "event_participants"}
        assert events["events"]["dagster/row_count"].value >= 1
        event_ids = ids("SELECT frame_id, event_id FROM event_reports")
        entity_ids = ids("SELECT mention_id, entity_id FROM mentions")
        registry = ids("SELECT * FROM id_registry")
        assert {kind for kind, _, _ in registry} == {"entity", "event"}
        # Each family again, alone: the same ids, and each keeps the other's rows of the registry.
        materialize([events_asset], instance)
        materialize([entities_asset], instance)
        assert ids("SELECT frame_id, event_id FROM event_reports") == event_ids
        assert ids("SELECT mention_id, entity_id FROM mentions") == entity_ids
        assert ids("SELECT * FROM id_registry") == registry
