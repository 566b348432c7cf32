"""The language layer's word tests, on words written for them."""

from tahqiq.text.arabic import is_derived_verbal_noun, is_spoken_noun, spoken_count
from tahqiq.text.normalize import normalize_text


def test_derived_verbal_nouns_are_told_by_their_letters():
    for word in ("ارتفاع", "الاجتماع", "انسحاب", "استقبال", "ازدحام"):
        assert is_derived_verbal_noun(normalize_text(word)), word
    for word in ("أحمد", "إسماعيل", "أرنولد", "أنجيلا"):
        assert not is_derived_verbal_noun(normalize_text(word)), word


def test_everyday_nouns_are_said_with_and_without_the_article():
    assert is_spoken_noun(normalize_text("فيلم")) and is_spoken_noun(normalize_text("النية"))
    assert not is_spoken_noun(normalize_text("ساترفيلد"))  # a news name nobody says in dialogue
    assert not is_spoken_noun(normalize_text("كروس"))  # a Western name dialogue says, never with the article
    assert spoken_count(normalize_text("لدينا")) > spoken_count(normalize_text("دينا"))
