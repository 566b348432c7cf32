import random

from tahqiq.ingest.dedup import article_id_for, content_hash, exact_duplicates, near_duplicates
from tahqiq.text.normalize import normalize

WORDS = [
    "قال",
    "مسؤول",
    "محلي",
    "ان",
    "الغاره",
    "استهدفت",
    "سياره",
    "تقل",
    "قياديا",
    "في",
    "التنظيم",
    "قرب",
    "الحدود",
    "وادت",
    "الي",
    "مقتل",
    "ثلاثه",
    "اشخاص",
    "واصابه",
    "اخرين",
    "بينما",
    "نفت",
    "الوزاره",
    "اي",
    "علاقه",
    "لها",
    "بالهجوم",
    "واكدت",
    "مصادر",
    "طبيه",
    "ان",
    "الجرحي",
    "نقلوا",
    "الي",
    "مستشفي",
    "المدينه",
    "وذكر",
    "شهود",
    "ان",
    "طائره",
    "مسيره",
    "حلقت",
    "فوق",
    "المنطقه",
    "لساعات",
]


def article(seed: int, n_words: int = 120) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n_words))


def test_content_hash_ignores_layout_not_words():
    body = normalize("قال مسؤول محلي إن الغارة وقعت فجراً.").text
    assert content_hash(body) == content_hash("  " + body.replace(" ", "\n  ") + "\n")
    assert content_hash(body) != content_hash(body + " اليوم")
    assert len(content_hash(body)) == 64


def test_article_id_is_stable_and_short():
    digest = content_hash("نص تجريبي")
    assert article_id_for(digest) == article_id_for(content_hash("نص  تجريبي"))
    assert article_id_for(digest) == "a_" + digest[:16]


def test_exact_duplicates_point_at_first_arrival():
    docs = [("a.txt", "نص اول"), ("b.txt", "نص ثان"), ("c.txt", "نص  اول"), ("d.txt", "نص ثان")]
    assert exact_duplicates(docs) == {"c.txt": "a.txt", "d.txt": "b.txt"}


def test_near_duplicate_of_republished_article():
    original = article(1)
    republished = "دمشق - وكالات " + original + " المصدر وكالات"
    unrelated = article(2)
    docs = [("a_1", original), ("a_2", unrelated), ("a_3", republished)]
    assert near_duplicates(docs) == {"a_3": "a_1"}


def test_trimmed_copy_is_duplicate_but_half_copy_is_not():
    original = article(3, 200)
    words = original.split()
    trimmed = " ".join(words[:185])
    half = " ".join(words[:100]) + " " + article(4, 100)
    assert near_duplicates([("o", original), ("t", trimmed), ("h", half)]) == {"t": "o"}


def test_copy_of_copy_points_at_original():
    base = article(5, 300).split()
    first = " ".join(base)
    second = " ".join(base[:290])
    third = " ".join(base[:280])
    result = near_duplicates([("x1", first), ("x2", second), ("x3", third)])
    assert result == {"x2": "x1", "x3": "x1"}


def test_repeated_ids_short_and_empty_docs_do_not_break():
    docs = [("s1", "خبر قصير"), ("s1", "خبر قصير"), ("e", ""), ("s2", "خبر قصير")]
    assert near_duplicates(docs) == {"s2": "s1"}


def test_many_distinct_articles_have_no_false_duplicates():
    docs = [(f"d{i}", article(100 + i, 150)) for i in range(300)]
    assert near_duplicates(docs) == {}


def test_stored_signatures_find_copies_across_batches_without_the_old_text():
    from tahqiq.ingest.dedup import link_near_duplicates

    story = " ".join(f"كلمة{i}" for i in range(60))
    _, stored = link_near_duplicates([], [("a_old", story)])
    assert stored["a_old"] is not None

    copies, _ = link_near_duplicates(
        [("a_old", stored["a_old"], None)],
        [("a_new", story.replace("كلمة59", "كلمة_أخيرة")), ("a_other", " ".join(f"نص{i}" for i in range(60)))],
    )
    assert copies == {"a_new": "a_old"}


def test_a_batch_re_run_after_a_later_one_never_points_at_itself():
    from tahqiq.ingest.dedup import link_near_duplicates

    story = " ".join(f"كلمة{i}" for i in range(60))
    copy = story.replace("كلمة59", "كلمة_أخيرة")
    _, first = link_near_duplicates([], [("a_first", story)])
    later, stored = link_near_duplicates([("a_first", first["a_first"], None)], [("a_later", copy)])
    assert later == {"a_later": "a_first"}

    # Batch A again: its earlier articles are now only the later batch's copy, which points at it.
    again, _ = link_near_duplicates([("a_later", stored["a_later"], "a_first")], [("a_first", story)])
    assert again == {}
