import itertools
import time
from pathlib import Path

import pytest

from tahqiq.evaluate.ner import evaluate_ner
from tahqiq.extract import crf, extract_article
from tahqiq.extract.word_clusters import build_clusters
from tahqiq.text.normalize import normalize

SHARED_NER = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "ner"

PEOPLE = ["سمير الخطيب", "ليلى حداد", "كريم نصار", "هدى الزين", "نادر سلامة", "رنا عيسى"]
ORGS = ["نقابة المعلمين", "جمعية الهلال الخيرية", "شركة النور للتجارة", "اتحاد الصيادين"]
PLACES = ["طرابلس", "صيدا", "حماة", "جبيل", "الكرك"]
TEMPLATES = [
    "قال {PER} إن {ORG} ستعقد اجتماعا في {LOC} الأسبوع المقبل .",
    "زار {PER} مدينة {LOC} أمس برفقة وفد من {ORG} .",
    "أعلنت {ORG} أن {PER} وصل إلى {LOC} صباح اليوم .",
    "التقى {PER} في {LOC} ممثلين عن {ORG} .",
]


def tiny_corpus(path: Path) -> Path:
    """A few dozen sentences in CoNLL BIO, made from the lists above."""
    lines = []
    for n, (template, person) in enumerate(itertools.product(TEMPLATES, PEOPLE)):
        fill = {"PER": person, "ORG": ORGS[n % len(ORGS)], "LOC": PLACES[n % len(PLACES)]}
        for word in template.split():
            if word.startswith("{"):
                label = word.strip("{}")
                for i, piece in enumerate(fill[label].split()):
                    lines.append(f"{piece} {'B' if i == 0 else 'I'}-{label}")
            else:
                lines.append(f"{word} O")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("crf")
    model = folder / "tiny.model"
    result = crf.train(
        [(tiny_corpus(folder / "tiny.txt"), "conll")], model, grid=((0.05, 0.01),), max_iterations=60
    )
    assert model.is_file()
    assert result["sentences"] == len(TEMPLATES) * len(PEOPLE)
    assert 0.0 <= result["held_out"]["micro"]["f1"] <= 1.0
    return model


def test_strip_clitics():
    assert crf.strip_clitics("وبالمدينه") == "مدينه"
    assert crf.strip_clitics("للمدينه") == "مدينه"
    assert crf.strip_clitics("بيت") == "بيت"


def test_tagger_tags_unseen_sentence(tiny_model):
    tagger = crf.CrfTagger(tiny_model)
    tags = tagger.tag(
        ["أعلنت", "نقابة", "المعلمين", "أن", "سمير", "الخطيب", "وصل", "إلى", "حماة", "صباح", "اليوم", "."]
    )
    assert tags[1:3] == ["B-ORG", "I-ORG"]
    assert tags[4:6] == ["B-PERSON", "I-PERSON"]
    assert tags[8] == "B-LOC"
    assert tags[0] == "O"


def test_find_entities_offsets_match_display(tiny_model):
    tagger = crf.CrfTagger(tiny_model)
    display = "عنوان\nقال كريمٌ نصار إنّ اتحاد الصيادين ستعقد اجتماعاً في صيدا الأسبوع المقبل."
    nt = normalize(display)
    mentions = tagger.find_entities(nt)
    assert mentions, "the tagger should find the names of the training pattern"
    for m in mentions:
        assert display[m.start : m.end] == m.surface
        assert m.attrs == {"cue": "crf"}
    found = {(m.entity_type, m.surface) for m in mentions}
    assert ("PERSON", "كريمٌ نصار") in found
    assert ("ORG", "اتحاد الصيادين") in found


def test_rules_win_on_overlap(tiny_model):
    tagger = crf.CrfTagger(tiny_model)
    nt = normalize("قال سمير الخطيب إن نقابة المعلمين ستعقد اجتماعا في بغداد الأسبوع المقبل .")
    rules = crf.rule_mentions(nt)
    baghdad = [m for m in rules if m.surface == "بغداد"]
    assert baghdad and baghdad[0].entity_type == "LOC", "the places gazetteer knows بغداد"
    tagged = tagger.find_entities(nt, rules)
    combined = crf.add_tagger_mentions(rules, tagged)
    for rule in rules:
        assert rule in combined
    added = [m for m in combined if m not in rules]
    assert all(m.attrs == {"cue": "crf"} for m in added)
    for m in added:
        assert not any(m.start < r.end and r.start < m.end for r in rules)
    assert any(m.surface == "نقابة المعلمين" for m in added)


def test_add_tagger_mentions_drops_any_overlap():
    nt = normalize("قال الجنرال سمير الخطيب في حلب")
    rules = crf.rule_mentions(nt)
    assert rules
    rule = rules[0]
    inside = crf.Mention("ORG", rule.start + 1, rule.end, nt.display[rule.start + 1 : rule.end], "x")
    covering = crf.Mention("LOC", 0, len(nt.display), nt.display, "x")
    apart = crf.Mention("ORG", 0, 3, nt.display[0:3], "x")
    kept = crf.add_tagger_mentions([rule], [inside, covering, apart])
    assert kept == [rule, apart]


def test_extract_article_adds_tagger_mentions_when_model_present(tiny_model, monkeypatch, tmp_path):
    nt = normalize("أعلنت نقابة المعلمين أن ليلى حداد وصلت إلى بغداد صباح اليوم .")
    monkeypatch.setattr(crf, "DEFAULT_MODEL", tmp_path / "absent.model")
    assert crf.load_default_tagger() is None
    without = extract_article(nt, None)
    monkeypatch.setattr(crf, "DEFAULT_MODEL", tiny_model)
    assert crf.load_default_tagger() is crf.load_default_tagger()
    with_model = extract_article(nt, None)
    assert {(m.start, m.end) for m in without} < {(m.start, m.end) for m in with_model}
    assert any(m.attrs.get("cue") == "crf" and m.surface == "نقابة المعلمين" for m in with_model)


@pytest.mark.slow
def test_trained_on_shared_corpora_beats_rules_on_newsfane(tmp_path):
    corpora = [(SHARED_NER / "aqmar", "aqmar"), (SHARED_NER / "wojood-sample", "wojood")]
    newsfane = SHARED_NER / "newsfane"
    if not all(path.is_dir() for path, _ in corpora) or not newsfane.is_dir():
        pytest.skip("../shared/data/ner is absent: the corpora live beside the project, not in it")
    started = time.perf_counter()
    model = tmp_path / "ner_crf.model"
    crf.train(corpora, model, grid=((0.1, 0.05),), max_iterations=50)
    rules = evaluate_ner(newsfane, "newsfane")
    combined = evaluate_ner(newsfane, "newsfane", extractor=crf.rules_and_tagger(crf.CrfTagger(model)))
    print(
        f"rules {rules['micro']['f1']:.3f}, rules + tagger {combined['micro']['f1']:.3f} "
        f"in {time.perf_counter() - started:.0f}s"
    )
    assert combined["micro"]["f1"] > rules["micro"]["f1"]
    assert combined["micro"]["recall"] > rules["micro"]["recall"]


def test_train_and_tag_with_word_clusters(tmp_path):
    # Unlabelled text puts the unseen name فادي in the same slots as the labelled people.
    unlabelled = [
        f"قال {name} إن الوفد وصل إلى {place} أمس ."
        for name, place in itertools.product([*PEOPLE, "فادي عواد"], PLACES)
    ] * 3
    clusters = build_clusters(
        unlabelled, crf.word_stem, contexts=200, dimensions=8, coarse=4, fine=8, min_count=3
    )
    assert clusters.fine[crf.word_stem("فادي")] == clusters.fine[crf.word_stem("سمير")]
    model = tmp_path / "tiny.model"
    result = crf.train(
        [(tiny_corpus(tmp_path / "tiny.txt"), "conll")],
        model,
        grid=((0.05, 0.01),),
        max_iterations=60,
        clusters=clusters,
    )
    table = crf.clusters_path(model)
    assert result["clusters_path"] == str(table) and table.name == "tiny.clusters.tsv"
    tagger = crf.CrfTagger(model)
    assert tagger.clusters == clusters
    features = crf.sentence_features(["قال", "سمير", "الخطيب"], ["O", "O", "O"], tagger.clusters)
    assert f"c1024={clusters.fine[crf.word_stem('سمير')]}" in features[1]
    assert f"-1:c1024={clusters.fine[crf.word_stem('قال')]}" in features[1]
    tags = tagger.tag(["أعلنت", "نقابة", "المعلمين", "أن", "سمير", "الخطيب", "وصل", "إلى", "حماة", "."])
    assert tags[4:6] == ["B-PERSON", "I-PERSON"]
    assert tags[8] == "B-LOC"

    crf.train([(tmp_path / "tiny.txt", "conll")], model, grid=((0.05, 0.01),), max_iterations=60)
    assert not table.exists(), "retraining without clusters drops the stale table"
    assert crf.CrfTagger(model).clusters is None


def test_train_ner_command_learns_clusters_from_unlabelled_folder(tmp_path, capsys):
    from pipelines.cli import main

    news = tmp_path / "news"
    news.mkdir()
    for n, (person, place) in enumerate(itertools.product(PEOPLE, PLACES)):
        (news / f"{n}.txt").write_text(f"قال {person} إن الوفد وصل إلى {place} أمس .", encoding="utf-8")
    model = tmp_path / "models" / "cli.model"
    corpus = tiny_corpus(tmp_path / "tiny.txt")
    args = ["train-ner", "--corpus", str(corpus), "--format", "conll", "--unlabelled", str(news)]
    assert main([*args, "--model", str(model)]) == 0
    assert model.is_file()
    table = crf.clusters_path(model)
    assert table.is_file()
    assert crf.word_stem("سمير") in crf.CrfTagger(model).clusters.fine
    assert f"word clusters {table}" in capsys.readouterr().out
    assert main([*args[:-1], str(tmp_path / "absent"), "--model", str(model)]) == 2


def test_broken_plurals_in_a_plural_cluster_are_no_person():
    unlabelled = [
        f"خرج {group} إلى شوارع {place} مساء أمس ."
        for group, place in itertools.product(["المسلمين", "الأمريكيين", "السوريين", "العرب"], PLACES)
    ] * 3 + [
        f"قال {person} إن الوفد وصل إلى {place} أمس ." for person, place in itertools.product(PEOPLE, PLACES)
    ]
    clusters = build_clusters(unlabelled, crf.word_stem, contexts=200, dimensions=8, coarse=4, fine=8)
    groups = crf.group_words(clusters)
    assert crf.word_stem("العرب") in groups
    assert crf.word_stem("سمير") not in groups
    tokens = ["قال", "العرب", "و", "سمير", "الخطيب"]
    spans = {("PERSON", 1, 2), ("PERSON", 3, 5)}
    assert crf.harmonize_spans(tokens, spans, groups) == {("PERSON", 3, 5)}
    assert crf.harmonize_spans(tokens, spans) == spans


def test_confidence_threshold_keeps_sure_spans_and_drops_unsure_ones(tiny_model):
    tagger = crf.CrfTagger(tiny_model)
    tokens = ["التقى", "كريم", "نصار", "في", "صيدا", "ممثلين", "عن", "نقابة", "المعلمين", "."]
    rules = ["O"] * len(tokens)
    scored = crf.span_confidences(tagger._tagger, crf.sentence_features(tokens, rules, None))
    assert scored and all(0.0 < p <= 1.0 for _, p in scored)
    everything = {span for span, _ in scored}
    assert tagger.confident_spans(tokens, rules, 0.0) == everything
    assert tagger.confident_spans(tokens, rules, 1.01) == set()
    sure = max(p for _, p in scored)
    assert tagger.confident_spans(tokens, rules, sure) == {span for span, p in scored if p >= sure}
    # A name made of words the model never saw in a slot it never saw names in is not sure.
    odd = ["بعد", "ذلك", "زقزق", "بربور", "كثيرا", "."]
    odd_scored = crf.span_confidences(tagger._tagger, crf.sentence_features(odd, ["O"] * len(odd), None))
    threshold = sure - 1e-9
    assert all(p < threshold for _, p in odd_scored)
    assert tagger.confident_spans(odd, ["O"] * len(odd), threshold) == set()
    nt = normalize("التقى كريم نصار في صيدا ممثلين عن نقابة المعلمين .")
    assert tagger.find_entities(nt, min_confidence=1.01) == []
    assert tagger.find_entities(nt, min_confidence=0.0)


def test_training_saves_the_tuned_threshold_beside_the_model(tiny_model):
    settings = crf.settings_path(tiny_model)
    assert settings.name == "tiny.tagger.json" and settings.is_file()
    tagger = crf.CrfTagger(tiny_model)
    assert tagger.min_confidence in crf.CONFIDENCE_GRID
    assert tagger.longer_span_wins is False


def test_longer_tagger_span_replaces_the_rule_span_inside_it():
    rule = crf.Mention("PERSON", 4, 8, "abcd", "abcd")
    date = crf.Mention("DATE", 20, 24, "abcd", "abcd")
    longer = crf.Mention("PERSON", 0, 8, "abcdefgh", "abcdefgh")
    over_date = crf.Mention("ORG", 18, 30, "x" * 12, "x")
    assert crf.add_tagger_mentions([rule, date], [longer, over_date]) == [rule, date]
    assert crf.add_tagger_mentions([rule, date], [longer, over_date], longer_span_wins=True) == [date, longer]
    same = crf.Mention("PERSON", 4, 8, "abcd", "abcd")
    assert crf.add_tagger_mentions([rule], [same], longer_span_wins=True) == [rule]
    rules = [(("PERSON", 1, 2), ("PERSON", 1, 2)), (("LOC", 4, 6), ("LOC", 5, 6))]
    tagged = {("PERSON", 0, 2), ("ORG", 7, 9), ("ORG", 5, 8)}
    assert crf.combine_spans(rules, tagged) == {("PERSON", 1, 2), ("LOC", 5, 6), ("ORG", 7, 9)}
    assert crf.combine_spans(rules, tagged, longer_span_wins=True) == {
        ("PERSON", 0, 2),
        ("LOC", 5, 6),
        ("ORG", 7, 9),
    }


def test_silver_sentences_label_news_with_the_rule_finders():
    news = [
        "قال الجنرال سمير الخطيب إن الوفد وصل إلى بغداد أمس. وكان الطقس معتدلا.",
        "نص قصير بلا أسماء.",
    ]
    silver = crf.silver_sentences(news, max_articles=5)
    assert silver == [
        (
            ["قال", "الجنرال", "سمير", "الخطيب", "إن", "الوفد", "وصل", "إلى", "بغداد", "أمس", "."],
            ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-LOC", "O", "O"],
        )
    ]
    assert crf.silver_sentences(news, max_articles=0) == []


def test_silver_sentences_join_fitting_without_rule_features(tmp_path):
    silver = [(["زار", "سمير", "الخطيب", "حماة", "."], ["O", "B-PERSON", "I-PERSON", "B-LOC", "O"])]
    (sequence,) = crf._silver_sequences(silver, None, rule_features=False)
    assert all("rule=O" in features for features in sequence[0])
    (copied,) = crf._silver_sequences(silver, None, rule_features=True)
    assert "rule=B-PERSON" in copied[0][1]
    result = crf.train(
        [(tiny_corpus(tmp_path / "tiny.txt"), "conll")],
        tmp_path / "silver.model",
        grid=((0.05, 0.01),),
        max_iterations=30,
        silver=silver * 3,
    )
    assert result["silver_sentences"] == 3
    assert result["sentences"] == len(TEMPLATES) * len(PEOPLE)
