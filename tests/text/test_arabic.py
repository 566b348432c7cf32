"""The language layer's word tests, on words written for them."""

from tahqiq.text.arabic import (
    is_derived_verbal_noun,
    is_spoken_noun,
    spoken_count,
    without_proclitic_before_article,
)
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


def test_a_proclitic_before_the_article_is_read_off_a_common_word_not_off_a_name():
    assert without_proclitic_before_article("والعقوبات") == "العقوبات"
    assert without_proclitic_before_article("للسلام") == "السلام"  # ل + ال, its alef dropped
    assert without_proclitic_before_article("وبالمدينة") == "المدينة"
    assert without_proclitic_before_article("للواشنطن") == "الواشنطن"
    assert without_proclitic_before_article("والواشنطن") == "الواشنطن"  # واشنطن is said
    # letters that only look like a proclitic and the article
    for name in ("بالتيمور", "فالنسيا", "كاليفورنيا", "بالو", "والت", "للبنان", "لليبيا", "الرئيس"):
        assert without_proclitic_before_article(name) is None, name
