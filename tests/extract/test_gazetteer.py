from tahqiq.extract.gazetteer import QUOTED_PHRASE_GAP_RE, Gazetteer, clitic_forms
from tahqiq.text.normalize import normalize, normalize_text


def gazetteer(*phrases: str, fuzzy_min_letters: int | None = None) -> Gazetteer:
    return Gazetteer(((normalize_text(p), p) for p in phrases), fuzzy_min_letters=fuzzy_min_letters)


def found(g: Gazetteer, display: str) -> list[tuple[str, str, int]]:
    """(display surface, payload, distance) of every match, offsets checked against the display text."""
    nt = normalize(display)
    out = []
    for match in g.find(nt.text):
        start, end = nt.to_display_span(match.start, match.end)
        out.append((display[start:end], match.entry.payload, match.distance))
    return out


def test_longest_phrase_wins_over_its_prefix():
    g = gazetteer("القيادة المركزية", "القيادة المركزية الأمريكية")
    assert found(g, "أعلنت القيادة المركزية الأمريكية أمس") == [
        ("القيادة المركزية الأمريكية", "القيادة المركزية الأمريكية", 0)
    ]


def test_proclitics_are_left_out_of_the_span():
    g = gazetteer("الرقة", "التحالف")
    assert found(g, "وبالرقة قصف") == [("الرقة", "الرقة", 0)]
    assert found(g, "فالتحالف أعلن") == [("التحالف", "التحالف", 0)]


def test_lam_lam_is_preposition_plus_article():
    g = gazetteer("التحالف")
    assert found(g, "طائرة تابعة للتحالف") == [("للتحالف", "التحالف", 0)]  # the whole word, never "لتحالف"


def test_no_match_inside_a_longer_word():
    g = gazetteer("الشام", "حمص")
    assert found(g, "أبو أنس الشامي وحمزة الحمصي") == []


def test_phrase_words_must_be_adjacent():
    g = gazetteer("تل أبيض")
    assert found(g, "تل، أبيض") == []
    assert found(g, "بلدة تل أبيض") == [("تل أبيض", "تل أبيض", 0)]


def test_a_name_quoted_inside_its_phrase_matches_where_quotes_are_allowed():
    g = Gazetteer([(normalize_text("قناة المسيرة"), "قناة المسيرة")], gap=QUOTED_PHRASE_GAP_RE)
    assert found(gazetteer("قناة المسيرة"), 'أوردت قناة "المسيرة" التابعة') == []
    for display in ('أوردت قناة "المسيرة" التابعة', "أوردت قناة «المسيرة» التابعة", "أوردت قناة “المسيرة” التابعة"):
        assert [surface for surface, _, _ in found(g, display)] == [display[6:19]], display


def test_one_letter_typo_in_a_long_phrase_matches_as_fuzzy():
    g = gazetteer("التحالف الدولي", fuzzy_min_letters=8)
    assert found(g, "أعلن التحالف الدوي مقتل") == [("التحالف الدوي", "التحالف الدولي", 1)]


def test_typo_in_the_first_word_and_with_a_proclitic():
    g = gazetteer("القيادة المركزية", fuzzy_min_letters=8)
    assert found(g, "وقالت والقيادية المركزية") == [("القيادية المركزية", "القيادة المركزية", 1)]


def test_single_long_word_tolerates_one_edit():
    g = gazetteer("البنتاغون", fuzzy_min_letters=8)
    assert found(g, "قال البنتاعون") == [("البنتاعون", "البنتاغون", 1)]


def test_short_aliases_are_never_fuzzy():
    g = gazetteer("قسد", "داعش", fuzzy_min_letters=8)
    assert found(g, "قسم دعاش") == []


def test_two_edits_are_not_a_match():
    g = gazetteer("التحالف الدولي", fuzzy_min_letters=8)
    assert found(g, "التخالف الدوي") == []


def test_clitic_forms_lists_each_reading_once():
    assert clitic_forms("وبالرقة") == (("وبالرقة", 0), ("بالرقة", 1), ("الرقة", 2))
    assert ("التحالف", 0) in clitic_forms("للتحالف")  # the span keeps the fused ل
    assert clitic_forms("في") == (("في", 0),)
