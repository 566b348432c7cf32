from pathlib import Path

import pytest

from tahqiq.evaluate.ner import bio_spans, evaluate_ner, format_ner_report, map_label, read_bio

NEWSFANE = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ner" / "newsfane"

# Gold: two people and one place; our rules should find the rank-cued name and the kunya, and the
# place بغداد counts for LOC when the places gazetteer knows it.
TINY = [
    ("\ufeff\u200eقال", "O"),
    ("\u200eالجنرال", "O"),
    ("\u200eجيمس", "B-Politician"),
    ("\u200eماتيس", "I-Politician"),
    ("\u200eإن", "O"),
    ("\u200eأبو", "B-Religious_PER"),
    ("\u200eحفص", "I-Religious_PER"),
    ("\u200eالهاشمي", "I-Religious_PER"),
    ("\u200eقتل", "O"),
    ("\u200eمع", "O"),
    ("\u200eالصينيين", "B-Group"),
    (".", "O"),
    ("", ""),
    ("\u200eزار", "O"),
    ("\u200eعمر", "B-Athlete"),
    ("\u200eأمس", "O"),
    ("\u200eإلى", "O"),
    ("\u200eبغداد", "B-Population-Center"),
    (".", "O"),
]


def write_tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny_NewsFANE.txt"
    path.write_text("".join(f"{tok}\t{tag}\r\n" for tok, tag in TINY), encoding="utf-8")
    return path


def test_read_bio_strips_marks_and_splits_sentences(tmp_path):
    sentences = read_bio(write_tiny(tmp_path), "newsfane")
    assert len(sentences) == 2
    assert sentences[0][0] == ("قال", "O")
    assert sentences[1][1] == ("عمر", "B-Athlete")


def test_map_label():
    assert map_label("B-Politician", "newsfane") == "PERSON"
    assert map_label("Government", "newsfane") == "ORG"
    assert map_label("I-Nation", "newsfane") == "LOC"
    assert map_label("Group", "newsfane") is None
    assert map_label("B-GPE", "wojood") == "LOC"
    assert map_label("MIS1", "aqmar") is None


def test_nested_wojood_tags_give_both_spans():
    tags = ["B-ORG", "I-ORG", "I-ORG B-PERS", "O"]
    assert bio_spans(tags, "wojood") == {("ORG", 0, 3), ("PERSON", 2, 3)}


def test_evaluate_tiny_file_counts_exact_spans(tmp_path):
    result = evaluate_ner(write_tiny(tmp_path), "newsfane")
    person = result["PERSON"]
    # جيمس ماتيس (rank cue) and أبو حفص الهاشمي (kunya) are found; lone عمر is a miss.
    assert (person["tp"], person["fn"]) == (2, 1)
    assert person["fp"] == 0
    assert result["micro"]["tp"] >= 2
    assert "PERSON" in format_ner_report(result)


def test_tagger_is_scored_instead_of_rules(tmp_path):
    def tag_everything_as_person(tokens):
        return ["B-PERSON"] * len(tokens)

    result = evaluate_ner(write_tiny(tmp_path), "newsfane", tagger=tag_everything_as_person)
    assert result["PERSON"]["tp"] == 1  # only the one-token gold person عمر matches a one-token guess
    assert result["PERSON"]["precision"] < 0.2


def test_newsfane_score_is_reported():
    if not NEWSFANE.is_dir():
        pytest.skip("../shared/data/ner/newsfane is absent")
    result = evaluate_ner(NEWSFANE, "newsfane")
    print()
    print(format_ner_report(result))
    assert result["tokens"] > 100_000
    assert result["PERSON"]["precision"] > 0.5


def test_region_mention_is_scored_by_its_inner_toponym(tmp_path):
    rows = ["قصف\tO", "في\tO", "جنوب\tO", "لبنان\tB-Nation", "أمس\tO", ".\tO"]
    corpus = tmp_path / "NewsFANE_region.txt"
    corpus.write_text("\n".join(rows) + "\n", encoding="utf-8")
    loc = evaluate_ner(corpus, "newsfane")["LOC"]
    assert (loc["tp"], loc["fp"], loc["fn"]) == (1, 0, 0)
