from pathlib import Path

import pytest

from tahqiq.evaluate.dates import cli, evaluate_date_cases, format_date_report

REPO = Path(__file__).resolve().parents[2]
OWN_CASES = REPO / "data" / "eval" / "date_cases.tsv"
UPSTREAM_CASES = REPO / ".." / "shared" / "data" / "dates" / "dateparser-cases" / "arabic_date_cases.tsv"


def test_own_cases_are_many_and_cover_every_form():
    result = evaluate_date_cases([OWN_CASES])
    assert result["overall"]["n"] >= 80
    kinds = {r["kind"] for r in result["cases"]}
    assert {
        "numeric",
        "levantine_month",
        "ordinal",
        "weekday",
        "relative_day",
        "ago",
        "period",
        "no_date",
    } <= kinds


def test_own_cases_reach_target():
    overall = evaluate_date_cases([OWN_CASES])["overall"]
    assert overall["value_accuracy"] >= 0.95
    assert overall["precision_accuracy"] >= 0.95


def test_upstream_cases_reach_target():
    if not UPSTREAM_CASES.is_file():
        pytest.skip("../shared/data/dates is absent")
    overall = evaluate_date_cases([UPSTREAM_CASES])["overall"]
    assert overall["n"] >= 20
    assert overall["value_accuracy"] >= 0.95
    assert overall["precision_accuracy"] >= 0.95


def test_a_wrong_expectation_counts_as_a_miss(tmp_path):
    cases = tmp_path / "cases.tsv"
    cases.write_text(
        "input\texpected\tprecision\treference\tkind\n"
        "قتل في 7 يوليو 2023\t2023-07-08\tday\t\twrong\n"
        "قتل أمس\t2023-07-09\tday\t2023-07-10\tright\n"
        "شارك 5 طائرات\tEMPTY\tnone\t2023-07-10\tnothing\n",
        encoding="utf-8",
    )
    result = evaluate_date_cases([cases])
    assert [r["value_ok"] for r in result["cases"]] == [False, True, True]
    assert [r["precision_ok"] for r in result["cases"]] == [True, True, True]
    assert result["overall"]["value_accuracy"] == pytest.approx(2 / 3)


def test_report_lists_kinds_overall_and_misses(tmp_path, capsys):
    cases = tmp_path / "cases.tsv"
    cases.write_text(
        "input\texpected\tprecision\treference\tkind\nقتل في 7 يوليو 2023\t2023-07-08\tday\t\twrong\n",
        encoding="utf-8",
    )
    report = format_date_report(evaluate_date_cases([cases]))
    assert "cases.tsv:wrong" in report and "overall" in report and "misses:" in report
    assert cli([cases]) == 0
    assert "overall" in capsys.readouterr().out
