import gzip
import json
import random

import numpy as np
import pytest

from tahqiq.extract.crf import word_stem
from tahqiq.extract.word_clusters import WordClusters, build_clusters, iter_texts, kmeans

PEOPLE = ["سمير", "ليلى", "كريم", "هدى", "نادر", "رنا"]
CITIES = ["طرابلس", "صيدا", "حماة", "جبيل", "الكرك"]
TEMPLATES = [
    "قال {PER} إن الوفد وصل إلى {LOC} أمس .",
    "أكد {PER} أن الاجتماع في {LOC} سيعقد غدا .",
    "زار {PER} مدينة {LOC} مع وفد كبير .",
]


def synthetic_news(n_documents: int = 60, seed: int = 7) -> list[str]:
    """Documents where person names and city names fill fixed slots of a few sentence patterns."""
    rng = random.Random(seed)
    documents = []
    for _ in range(n_documents):
        sentences = [
            rng.choice(TEMPLATES).format(PER=rng.choice(PEOPLE), LOC=rng.choice(CITIES)) for _ in range(5)
        ]
        documents.append(" ".join(sentences))
    return documents


def small_clusters(documents: list[str], seed: int = 0) -> WordClusters:
    return build_clusters(documents, word_stem, contexts=100, dimensions=8, coarse=4, fine=8, seed=seed)


def test_names_in_the_same_slots_share_a_cluster():
    clusters = small_clusters(synthetic_news())
    people = {clusters.coarse[word_stem(p)] for p in PEOPLE}
    cities = {clusters.coarse[word_stem(c)] for c in CITIES}
    assert len(people) == 1
    assert len(cities) == 1
    assert people != cities
    assert len({clusters.fine[word_stem(p)] for p in PEOPLE}) == 1
    assert clusters.fine[word_stem("سمير")] != clusters.fine[word_stem("قال")]


def test_clusters_are_deterministic_and_survive_save_and_load(tmp_path):
    documents = synthetic_news()
    first, second = small_clusters(documents), small_clusters(documents)
    assert first == second
    table = tmp_path / "clusters.tsv"
    first.save(table)
    assert WordClusters.load(table) == first


def test_features_give_cluster_ids_and_frequency_band():
    clusters = small_clusters(synthetic_news())
    features = clusters.features(word_stem("سمير"))
    assert [f.split("=")[0] for f in features] == ["c256", "c1024", "fb", "def", "cue"]
    assert f"c1024={clusters.fine[word_stem('سمير')]}" in features
    count = sum(document.split().count("سمير") for document in synthetic_news())
    assert features[2] == f"fb={int(np.log2(count))}"
    assert clusters.features("كلمةغائبة") == ()
    numbers = build_clusters([f"وصل {n} رجلا ." for n in range(1, 40)], word_stem, coarse=2, fine=2)
    assert numbers.features("2014") == numbers.features("7") != ()


def test_rare_words_are_left_out():
    documents = synthetic_news() + ["كلمةنادرة"]
    clusters = small_clusters(documents)
    assert word_stem("كلمةنادرة") not in clusters.fine
    assert word_stem("سمير") in clusters.fine


def test_kmeans_separates_two_blobs():
    rng = np.random.default_rng(0)
    points = np.vstack([rng.normal(0, 0.1, (50, 2)), rng.normal(5, 0.1, (50, 2))]).astype(np.float32)
    assignment = kmeans(points, 2, seed=3)
    assert len(set(assignment[:50])) == 1
    assert len(set(assignment[50:])) == 1
    assert assignment[0] != assignment[50]


def test_iter_texts_reads_jsonl_gz_and_folders(tmp_path):
    archive = tmp_path / "news.jsonl.gz"
    with gzip.open(archive, "wt", encoding="utf-8") as out:
        for text in ("الخبر الأول", "الخبر الثاني", "الخبر الثالث"):
            out.write(json.dumps({"title": "x", "text": text}, ensure_ascii=False) + "\n")
    assert list(iter_texts(archive)) == ["الخبر الأول", "الخبر الثاني", "الخبر الثالث"]
    assert list(iter_texts(archive, max_documents=2)) == ["الخبر الأول", "الخبر الثاني"]
    folder = tmp_path / "texts"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("نص أ", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("نص ب", encoding="utf-8")
    (folder / "skip.md").write_text("لا", encoding="utf-8")
    assert list(iter_texts(folder)) == ["نص أ", "نص ب"]


def test_build_clusters_rejects_an_empty_corpus():
    with pytest.raises(ValueError):
        build_clusters(["كلمة"], word_stem)


def test_words_of_clusters_where_a_share_of_words_qualifies():
    fine = {"مسلمين": 0, "امريكيين": 0, "عرب": 0, "محمد": 1, "احمد": 1, "سوريين": 1}
    clusters = WordClusters(
        coarse=dict.fromkeys(fine, 0),
        fine=fine,
        band=dict.fromkeys(fine, 3),
        definite=dict.fromkeys(fine, 0),
        cued=dict.fromkeys(fine, 0),
    )
    plural = lambda word: word.endswith("ين")  # noqa: E731
    assert clusters.words_of_clusters_where(plural, 0.5) == {"مسلمين", "امريكيين", "عرب"}
    assert clusters.words_of_clusters_where(plural, 0.3) == set(fine)
