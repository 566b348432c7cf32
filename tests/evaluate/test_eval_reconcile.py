import json

import polars as pl

from tahqiq import warehouse
from tahqiq.evaluate.reconcile import cli, evaluate_reconcile, format_reconcile_report


def write_warehouse(path):
    articles = pl.DataFrame({"article_id": ["a", "b"], "source_file": ["a.txt", "b.txt"]})
    mentions = pl.DataFrame({
        "mention_id": ["a:P0-3", "a:P9-12", "b:P0-5", "b:O6-9"], "article_id": ["a", "a", "b", "b"],
        "entity_type": ["PERSON", "PERSON", "PERSON", "ORG"], "surface": ["سالم", "سالم", "سالم علي", "قسد"],
        "entity_id": ["P_1", "P_1", "P_2", "O_1"],
    })  # fmt: skip
    reports = pl.DataFrame({
        "event_id": ["E_1", "E_2"], "article_id": ["a", "b"], "frame_id": ["a:ev1", "b:ev1"],
        "reported_type": ["drone_strike", "air_strike"], "reported_date": ["2024-03-08", "2024-03-08"],
        "is_background": [False, False],
    })  # fmt: skip
    with warehouse.writer(path) as con:
        warehouse.replace_rows(con, "articles", articles)
        warehouse.replace_rows(con, "mentions", mentions)
        warehouse.replace_rows(con, "event_reports", reports)


def test_pairwise_scores_count_missed_merges(tmp_path):
    db = tmp_path / "w.duckdb"
    write_warehouse(db)
    gold = {
        "entities": [{"id": "P1", "type": "PERSON", "mentions": [{"file": "a.txt", "surface": "سالم"},
                                                               {"file": "b.txt", "surface": "سالم علي"}]},
                     {"id": "O1", "type": "ORG", "mentions": [{"file": "b.txt", "surface": "قسد"}]}],
        "events": [{"id": "E1", "event_type": "drone_strike", "reports": [
            {"file": "a.txt", "event_type": "drone_strike", "date": "2024-03-08"},
            {"file": "b.txt", "event_type": "drone_strike", "date": "2024-03-08"}]}],
    }  # fmt: skip
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = evaluate_reconcile(gold_path, db)
    # Three mentions of P1: the two "سالم" share an id, "سالم علي" does not: 1 of 3 gold pairs found.
    assert result["person"]["precision"] == 1.0
    assert abs(result["person"]["recall"] - 1 / 3) < 1e-3
    assert result["events"]["recall"] == 0.0 and result["events"]["gold_pairs"] == 1
    assert "| events |" in format_reconcile_report(result)
    assert cli(gold_path, tmp_path / "absent.duckdb") == 2
