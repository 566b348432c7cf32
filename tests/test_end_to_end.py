"""The whole job through the `tahqiq` CLI: every contract table, exact offsets, idempotent re-runs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.cli import main
from tahqiq.warehouse import CONTRACT_TABLES, SCHEMA
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow

CONTRACT_COLUMNS = {
    "articles": ["article_id", "batch_id", "source_file", "outlet", "url", "published_at", "title", "body",
                 "body_normalized", "content_hash", "duplicate_of", "ingested_at"],
    "quarantine": ["batch_id", "source_file", "reason", "detail", "ingested_at"],
    "mentions": ["mention_id", "article_id", "entity_type", "surface", "normalized", "start_char", "end_char",
                 "value", "entity_id"],
    "entities": ["entity_id", "entity_type", "canonical_name", "n_mentions", "n_articles", "n_outlets"],
    "entity_aliases": ["entity_id", "alias", "alias_kind", "n_articles"],
    "events": ["event_id", "event_type", "event_date", "date_precision", "place_entity_id", "admin1", "country",
               "latitude", "longitude", "killed", "wounded", "n_articles", "n_outlets"],
    "event_reports": ["event_id", "article_id", "reported_date", "reported_place", "reported_killed",
                      "reported_wounded", "claim_source", "role", "modality"],
    "event_participants": ["event_id", "entity_id", "role"],
    "event_links": ["event_id", "left_article_id", "right_article_id", "match_weight", "comparisons"],
    "conflicts": ["conflict_id", "subject_kind", "subject_id", "attribute", "values", "severity", "explanation"],
    "quality_results": ["run_id", "table_name", "expectation", "success", "unexpected_count"],
}


@pytest.fixture(autouse=True)
def isolated_dagster_home(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster_home"))


def row_counts(path: Path) -> dict[str, int]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in SCHEMA}


def input_files(folder: Path) -> int:
    """Articles a folder holds: files, with every non-empty JSONL line counted (control files excluded)."""
    count = 0
    for path in folder.rglob("*"):
        if not path.is_file() or path.name.startswith(("_", ".")) or path.stem == "manifest":
            continue
        if path.suffix == ".jsonl":
            count += sum(1 for line in path.read_bytes().splitlines() if line.strip())
        else:
            count += 1
    return count


def test_contract_tables_offsets_and_idempotent_rerun(tmp_path, capsys):
    warehouse = tmp_path / "w.duckdb"
    assert main(["run", "--input", str(SAMPLES), "--warehouse", str(warehouse), "--batch-id", "samples"]) == 0
    printed = capsys.readouterr().out
    assert "articles" in printed and "conflicts" in printed
    # three sample articles carry no date and two no outlet: the summary says so and how to supply them
    assert "3 of 13 articles of samples have no publication date" in printed
    assert "2 of 13 articles of samples have no outlet" in printed
    assert "manifest.csv" in printed

    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table in CONTRACT_TABLES:
            present = {r[0] for r in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = ?", [table]).fetchall()}
            assert set(CONTRACT_COLUMNS[table]) <= present, (table, set(CONTRACT_COLUMNS[table]) - present)
        bad = con.execute("""SELECT m.mention_id, m.surface FROM mentions m JOIN articles a USING (article_id)
                             WHERE substr(a.body, m.start_char + 1, m.end_char - m.start_char) <> m.surface""").fetchall()
        assert bad == []
        n_articles, n_quarantined = con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM quarantine)").fetchone()
        assert n_articles + n_quarantined == input_files(SAMPLES)
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] >= 3
        assert con.execute("SELECT count(*) FROM conflicts").fetchone()[0] >= 1
        assert con.execute("SELECT count(*) FROM quality_results").fetchone()[0] > 0
        types = {r[0] for r in con.execute("SELECT DISTINCT entity_type FROM mentions").fetchall()}
        assert {"PERSON", "ORG", "LOC", "DATE", "COUNT"} <= types

    before = row_counts(warehouse)
    assert main(["run", "--input", str(SAMPLES), "--warehouse", str(warehouse), "--batch-id", "samples"]) == 0
    assert row_counts(warehouse) == before


def test_seeds_run_with_every_contract_table(tmp_path, seeds_dir):
    warehouse = tmp_path / "seeds.duckdb"
    assert main(["run", "--input", str(seeds_dir), "--warehouse", str(warehouse)]) == 0
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
        bad = con.execute("""SELECT count(*) FROM mentions m JOIN articles a USING (article_id)
                             WHERE substr(a.body, m.start_char + 1, m.end_char - m.start_char) <> m.surface""").fetchone()
        assert bad[0] == 0


def test_a_second_batch_adds_without_touching_the_first(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    first = tmp_path / "first"
    second = tmp_path / "second"
    shutil.copytree(SAMPLES, first)
    second.mkdir()
    (second / "extra.txt").write_text(
        "غارة جديدة في ريف الرقة\nقالت مصادر محلية إن طائرة مسيرة استهدفت سيارة قرب مدينة الطبقة "
        "في ريف الرقة الغربي، ما أدى إلى مقتل شخصين.", encoding="utf-8")
    assert main(["run", "--input", str(first), "--warehouse", str(warehouse), "--batch-id", "b1"]) == 0
    with duckdb.connect(str(warehouse), read_only=True) as con:
        first_ids = con.execute("SELECT article_id, ingested_at FROM articles ORDER BY 1").fetchall()
    assert main(["run", "--input", str(second), "--warehouse", str(warehouse), "--batch-id", "b2"]) == 0
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT article_id, ingested_at FROM articles WHERE batch_id = 'b1' ORDER BY 1"
                           ).fetchall() == first_ids
        assert con.execute("SELECT count(*) FROM articles WHERE batch_id = 'b2'").fetchone()[0] == 1


def test_query_formats_and_errors(tmp_path, capsys):
    warehouse = tmp_path / "w.duckdb"
    assert main(["query", "SELECT 1", "--warehouse", str(warehouse)]) == 2
    assert "run `tahqiq run" in capsys.readouterr().err
    assert main(["run", "--input", str(SAMPLES), "--warehouse", str(warehouse)]) == 0
    capsys.readouterr()
    assert main(["query", "SELECT outlet, count(*) AS n FROM articles GROUP BY 1 ORDER BY 1",
                 "--warehouse", str(warehouse), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert sum(r["n"] for r in records) >= 10
    # severity is an ordered type: ORDER BY severity DESC lists the most severe first
    assert main(["query", "SELECT DISTINCT severity FROM conflicts ORDER BY severity DESC", "--warehouse",
                 str(warehouse), "--format", "json"]) == 0
    severities = [r["severity"] for r in json.loads(capsys.readouterr().out)]
    assert len(severities) >= 3 and severities == [s for s in ("high", "medium", "low", "info") if s in severities]
    assert main(["query", "SELECT * FROM no_such_table", "--warehouse", str(warehouse)]) == 2
    assert "query failed" in capsys.readouterr().err
    assert main(["conflicts", "--warehouse", str(warehouse)]) == 0
    assert "←" in capsys.readouterr().out


def test_missing_input_folder_is_a_one_line_error(tmp_path, capsys):
    assert main(["run", "--input", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "does not exist" in err


def test_sample_batch_meets_the_accuracy_targets(tmp_path):
    """Reconciliation and extraction on the bundled batch, scored against its hand-made gold."""
    from tahqiq.evaluate.mentions import evaluate_mentions
    from tahqiq.evaluate.reconcile import evaluate_reconcile

    warehouse = tmp_path / "w.duckdb"
    assert main(["run", "--input", str(SAMPLES), "--warehouse", str(warehouse)]) == 0
    gold = SAMPLES.parent / "gold"
    merges = evaluate_reconcile(gold / "samples_reconcile.json", warehouse)
    for what in ("person", "org", "events"):
        assert merges[what]["precision"] == 1.0, (what, merges[what])
    assert merges["person"]["recall"] >= 0.95 and merges["events"]["recall"] >= 0.95
    extraction = evaluate_mentions(gold / "samples_mentions.json", warehouse)
    assert extraction["types"]["PERSON"]["recall"] >= 0.9
    assert extraction["types"]["micro"]["f1"] >= 0.75
    assert all(v["right"] == v["checked"] for v in extraction["values"].values())
