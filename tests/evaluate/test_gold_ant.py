import json
from pathlib import Path

import polars as pl
import pytest

from tahqiq.evaluate.gold_ant import (
    admin1_right,
    align_reports,
    bcubed_scores,
    gold_entity_items,
    gold_reports,
    name_match_strength,
    name_tokens,
    pair_scores,
    score_conflicts,
    score_entities,
    score_events,
    system_conflict_values,
    within_one_event,
)

ANT_GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "gold" / "ant-2018"


def mentions(rows: list[tuple[str, str, str, str | None]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=["docno", "entity_type", "surface", "entity_id"], orient="row")


def report(event, role="main", date="2018-05-10", killed=None, country="SY", admin1="Quneitra"):
    return {"event": event, "role": role, "date": date, "date_precision": "day", "admin1": admin1,
            "country": country, "killed": killed}  # fmt: skip


# ---------------------------------------------------------------- names


def test_surfaces_match_through_clitics_hashtags_and_containment():
    assert name_tokens("للحكومة السورية") == name_tokens("الحكومة السورية")
    assert name_match_strength(name_tokens("#ترمب"), name_tokens("ترمب")) == 3
    assert name_match_strength(name_tokens("عبد الرحمن"), name_tokens("رامي عبد الرحمن")) == 2
    assert name_match_strength(name_tokens("وبشار الأسد"), name_tokens("بشار الأسد")) == 3
    assert name_match_strength(name_tokens("بشار الأسد"), name_tokens("حافظ الأسد")) == 0


# ---------------------------------------------------------------- entities

ENTITY_GOLD = {"articles": {
    "d1": {"people": [{"surface_ar": "محمد بن سلمان", "canonical": "Mohammed bin Salman"},
                      {"surface_ar": "الملك سلمان", "canonical": "King Salman"}],
           "orgs": [{"surface_ar": "وكالة فرانس برس", "canonical": "AFP"}]},
    "d2": {"people": [{"surface_ar": "ولي العهد محمد بن سلمان", "canonical": "Mohammed bin Salman"}],
           "orgs": [{"surface_ar": "فرانس برس", "canonical": "AFP"}, {"surface_ar": "حماس", "canonical": "Hamas"}]},
}}  # fmt: skip


def entity_result():
    system = mentions([
        ("d1", "PERSON", "محمد بن سلمان", "P_1"),
        ("d1", "PERSON", "الملك سلمان", "P_1"),  # false merge: King Salman into his son
        ("d1", "PERSON", "بمحافظة", "P_9"),  # not a person
        ("d1", "ORG", "وكالة فرانس برس", "O_1"),
        ("d2", "PERSON", "محمد بن سلمان", "P_1"),
        ("d2", "ORG", "فرانس برس", "O_2"),  # split: AFP in two entities
    ])  # fmt: skip
    return score_entities(gold_entity_items(ENTITY_GOLD), system, {"P_1": "محمد بن سلمان"})


def test_mention_recall_counts_gold_surfaces_found_in_their_article():
    recall = entity_result()["mention_recall"]
    assert recall["PERSON"] == {"found": 3, "gold": 3, "recall": 1.0}
    assert recall["ORG"]["found"] == 2 and recall["ORG"]["gold"] == 3  # حماس is missing


def test_a_false_merge_lowers_precision_and_is_listed():
    result = entity_result()
    person = result["pairwise"]["PERSON"]
    assert (person["true_pairs"], person["system_pairs"], person["gold_pairs"]) == (1, 3, 1)
    assert person["precision"] == pytest.approx(1 / 3, abs=1e-3) and person["recall"] == 1.0
    merge = result["worst_merges"][0]
    assert merge["entity_id"] == "P_1" and merge["false_pairs"] == 2
    assert {g["canonical"] for g in merge["gold"]} == {"Mohammed bin Salman", "King Salman"}


def test_a_split_lowers_recall_and_is_listed():
    result = entity_result()
    org = result["pairwise"]["ORG"]
    assert org["recall"] == 0.0 and org["gold_pairs"] == 1
    split = result["worst_splits"][0]
    assert split["canonical"] == "AFP" and {s["entity_id"] for s in split["system"]} == {"O_1", "O_2"}


def test_people_matching_no_gold_person_are_counted():
    people = entity_result()["unmatched_people"]
    assert people["count"] == 1 and people["sample"] == [{"docno": "d1", "surface": "بمحافظة"}]


# ---------------------------------------------------------------- events

EVENT_GOLD_TABLE = {"S4": {"type": "air_strike", "date": "2018-05-10", "date_precision": "day"}}


def event_frames(gold_articles, system_rows):
    gold = gold_reports({"articles": {d: {"outlet": "x", "reports": rs} for d, rs in gold_articles.items()}})
    system = pl.DataFrame(system_rows, schema=["docno", "event_id", "role", "reported_date", "reported_type",
                                                "reported_killed"], orient="row")  # fmt: skip
    return gold, system


def aligned_events(reports: list[dict], system_rows: list[tuple]) -> dict[str, str | None]:
    """Gold event -> the system event its report aligns with, for one article d1 (its real events air strikes)."""
    gold, system = event_frames({"d1": reports}, [("d1", *row) for row in system_rows])
    aligned = align_reports(gold, system, {r["event"]: "air_strike" for r in reports if r["event"][:6] != "other:"})
    return dict(zip(aligned["event"], aligned["event_id"], strict=True))


def test_a_report_aligns_with_the_gold_report_of_its_date_before_its_role():
    # The system found only the background event and called it the article's main news: it reports
    # S4 (its date), not the distractor it missed.
    assert aligned_events(
        [report("S4", "background", "2018-05-10"), report("other:x", "main", "2018-05-12")],
        [("E_main", "main", "2018-05-10", "air_strike", None)],
    ) == {"S4": "E_main", "other:x": None}  # fmt: skip


def test_reports_of_one_date_align_by_role():
    assert aligned_events(
        [report("S4", "background", "2018-05-10"), report("other:x", "main", "2018-05-10")],
        [("E_main", "main", "2018-05-10", "air_strike", None), ("E_back", "background", "2018-05-10", "air_strike", None)],
    ) == {"S4": "E_back", "other:x": "E_main"}  # fmt: skip


def test_a_month_far_from_the_report_s_date_is_evidence_against_it():
    def month(event: str, first_day: str) -> dict:
        return {**report(event, "background", first_day), "date_precision": "month"}

    assert aligned_events(
        [report("S7", "main", "2018-02-07"), month("other:years-ago", "2016-03-01")],
        [("E_main", "main", "2018-02-10/2018-02-16", "air_strike", None)],
    ) == {"S7": "E_main", "other:years-ago": None}  # fmt: skip
    # a month the report's date falls in is no evidence either way: a day that agrees goes first
    assert aligned_events(
        [report("S7", "main", "2018-02-12"), month("other:this-month", "2018-02-01")],
        [("E_main", "main", "2018-02-12", "air_strike", None)],
    ) == {"S7": "E_main", "other:this-month": None}  # fmt: skip


def test_event_scores_distractors_missing_articles_and_per_event_accuracy():
    gold, system = event_frames(
        {"d1": [report("S4", killed=23)], "d2": [report("S4", killed=3)], "d3": [report("other:lookalike")],
         "d4": [report("S4")]},
        [("d1", "E_1", "main", "2018-05-10", "air_strike", 23), ("d2", "E_1", "main", "2018-05-10", "air_strike", 5),
         ("d3", "E_1", "main", "2018-05-11", "air_strike", None)],
    )  # fmt: skip
    events = pl.DataFrame({"event_id": ["E_1"], "event_type": ["drone_strike"], "event_date": ["2018-05-10"],
                           "admin1": ["sy-quneitra"], "country": ["sy"]})  # fmt: skip
    result = score_events(gold, system, events, EVENT_GOLD_TABLE)
    assert [m["distractor"] for m in result["distractors_merged"]] == ["other:lookalike"]
    assert result["articles_without_event"] == ["d4"]
    # items: S4->E_1, S4->E_1, other->E_1, S4->none: one true pair of three system pairs, of three gold pairs
    assert result["pairwise"]["precision"] == pytest.approx(1 / 3, abs=1e-3)
    assert result["pairwise"]["recall"] == pytest.approx(1 / 3, abs=1e-3)
    (event,) = result["per_event"]
    assert event["system_event"] == "E_1"
    assert event["date_right"] and event["country_right"] and event["admin1_right"] and event["type_right"]
    assert result["killed"]["main"]["right"] == 1 and result["killed"]["main"]["total"] == 2


def test_bcubed_on_a_known_clustering():
    scores = bcubed_scores([("a", "1"), ("a", "1"), ("b", "1")])
    assert scores["precision"] == pytest.approx(5 / 9, abs=1e-3) and scores["recall"] == 1.0
    assert pair_scores([("a", "1"), ("a", "2")])["recall"] == 0.0


def test_admin1_names_compare_loosely():
    assert admin1_right("Al Hudaydah", "ye-hodeidah")
    assert admin1_right("As-Suwayda", "sy-suwayda")
    assert admin1_right("Rif Dimashq", "sy-rif-dimashq")
    assert not admin1_right("Aleppo", "sy-damascus")
    assert not admin1_right("Aleppo", None)


# ---------------------------------------------------------------- conflicts

GOLD_CONFLICTS = [
    {"event": "S5", "attribute": "killed", "kind": "disagreement", "values": {"215": ["b1"], "220": ["s1", "s2"]}},
    {"event": "S5", "attribute": "date", "kind": "disagreement", "values": {"2018-07-25": ["b1"], "2018-07-24": ["f1"]}},
    {"event": "Y4", "attribute": "wounded", "kind": "disagreement", "values": {"36": ["y1"], "45": ["y1"]}},
]  # fmt: skip


def test_conflicts_match_by_family_and_articles_in_different_gold_groups():
    system = [
        {"conflict_id": "C_toll", "attribute": "wounded", "values": {"215": {"b1"}, "221": {"s2"}}},
        {"conflict_id": "C_same_group", "attribute": "killed", "values": {"220": {"s1"}, "221": {"s2"}}},
        {"conflict_id": "C_wrong_family", "attribute": "region", "values": {"x": {"b1"}, "y": {"f1"}}},
        {"conflict_id": "C_one_article", "attribute": "event_date", "values": {"a": {"f1"}, "b": {"f1"}}},
        {"conflict_id": "C_inside_y1", "attribute": "wounded", "values": {"36": {"y1"}, "45": {"y1"}}},
    ]  # fmt: skip
    result = score_conflicts(system, GOLD_CONFLICTS)
    assert result["families"]["casualties"] == {"system": 3, "system_matched": 1, "gold": 2, "gold_found": 1,
                                                "precision": 0.3333, "recall": 0.5}  # fmt: skip
    assert result["families"]["date"]["gold_found"] == 0
    assert result["families"]["place"]["precision"] == 0.0
    assert [s["conflict_id"] for s in result["single_article"]["sample"]] == ["C_one_article", "C_inside_y1"]
    assert result["overall"]["recall"] == pytest.approx(1 / 3, abs=1e-3)
    assert [s["conflict_id"] for s in result["system_unmatched"]] == [
        "C_same_group", "C_wrong_family", "C_one_article", "C_inside_y1"
    ]
    assert result["system_unmatched"][0]["values"] == {"220": ["s1"], "221": ["s2"]}


def test_gold_conflicts_split_by_whether_clustering_joined_their_sides():
    events = {"b1": {"E1"}, "s2": {"E1"}, "f1": {"E2"}, "y1": {"E3"}}
    result = score_conflicts([], GOLD_CONFLICTS, events)
    # the toll's sides share E1; the date's sides are in E1 and E2; the wounded figures are one article's
    assert result["clustering"] == {"within_one_event": 1, "found_within": 0, "apart": 2, "found_apart": 0}
    assert [g["within_one_event"] for g in result["gold_missed"]] == [True, False, False]
    assert within_one_event({"215": ["b1"], "221": ["s2"]}, events)
    assert not within_one_event({"215": ["b1"], "221": ["f1"]}, events)
    assert not within_one_event({"215": ["b1", "s2"], "221": ["b1"]}, {"b1": {"E1"}, "s2": {"E9"}})
    assert score_conflicts([], GOLD_CONFLICTS)["clustering"] is None


def test_system_conflict_values_map_article_ids_to_docnos():
    cell = json.dumps([{"value": "250", "article_ids": ["a_1", "a_2"], "outlets": []}])
    assert system_conflict_values(cell, {"a_1": "d1", "a_2": "d2"}) == {"250": {"d1", "d2"}}


# ---------------------------------------------------------------- end to end


@pytest.mark.slow
def test_eval_entities_builds_the_gold_warehouse_and_reports_every_section(tmp_path, monkeypatch, capsys):
    if not (ANT_GOLD / "gold.yaml").is_file():
        pytest.skip("../shared/data/gold/ant-2018 is absent")
    from pipelines.cli import main

    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster_home"))
    figures = tmp_path / "entities.json"
    code = main(["eval", "entities", "--gold", str(ANT_GOLD), "--warehouse", str(tmp_path / "w" / "warehouse.duckdb"),
                 "--json", str(figures)])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    for section in ("Mention recall", "Same entity (pairwise", "Worst merges", "Worst splits",
                    "System PERSON mentions matching no gold person"):
        assert section in out
    result = json.loads(figures.read_text(encoding="utf-8"))
    assert set(result["mention_recall"]) == {"PERSON", "ORG"}
    assert result["mention_recall"]["PERSON"]["gold"] > 200


def test_a_missing_gold_folder_is_a_one_line_error(tmp_path, capsys):
    from pipelines.cli import main

    assert main(["eval", "events", "--gold", str(tmp_path / "nowhere")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
