from hypothesis import given, settings
from hypothesis import strategies as st

from tahqiq.text.normalize import normalize, normalize_text, normalize_texts


def test_matching_form_unifies_orthographic_variants():
    assert normalize_text("أُسامة") == normalize_text("اسامه")
    assert normalize_text("مستشفى") == normalize_text("مستشفي")
    assert normalize_text("الأميركية") == normalize_text("الأمريكية")
    assert normalize_text("مسئول") == normalize_text("مسؤول")
    assert normalize_text("قيـــادي") == "قيادي"
    assert normalize_text("١٨ نوفمبر ٢٠١٩") == "18 نوفمبر 2019"
    assert normalize_text("۱۸") == "18"
    assert normalize_text("CENTCOM") == "centcom"
    assert normalize_text("مطار الأمیر کبیر") == normalize_text("مطار الأمير كبير")  # Persian ی and ک


def test_spans_found_on_normalized_text_map_back_exactly():
    display = "قالَ الجنرالُ مايكل  كوريــلا، قائدُ «سنتكوم»"
    nt = normalize(display)
    start = nt.text.index("مايكل كوريلا") if "مايكل كوريلا" in nt.text else nt.text.index("مايكل")
    end = nt.text.index("كوريلا") + len("كوريلا")
    s, e = nt.to_display_span(start, end)
    assert display[s:e].startswith("مايكل") and display[s:e].endswith("كوريــلا")
    s, e = nt.to_display_span(nt.text.index("سنتكوم"), nt.text.index("سنتكوم") + len("سنتكوم"))
    assert display[s:e] == "سنتكوم"


def test_diacritics_inside_a_span_stay_in_the_display_surface():
    display = "الطائرةُ المسيّرة"
    nt = normalize(display)
    i = nt.text.index("المسيره")
    s, e = nt.to_display_span(i, i + len("المسيره"))
    assert display[s:e] == "المسيّرة"


arabic_text = st.text(alphabet=st.sampled_from(list("ابتةثجحخدذرزسشصضطظعغفقكلمنهويىأإآؤئءـًٌٍَُِّْ٠١٢٣ ،.\nﻻﷲ")) |
                      st.characters(), max_size=200)


@settings(max_examples=200, deadline=None)
@given(arabic_text)
def test_every_normalized_character_points_into_the_display_text(display):
    nt = normalize(display)
    assert len(nt.origin) == len(nt.text) + 1
    for i in range(len(nt.text)):
        s, e = nt.to_display_span(i, i + 1)
        assert 0 <= s < e <= len(display)
    assert list(nt.origin[:-1]) == sorted(nt.origin[:-1])


@settings(max_examples=200, deadline=None)
@given(st.lists(arabic_text, max_size=8))
def test_a_list_normalizes_as_each_of_its_strings_does(texts):
    assert normalize_texts(texts) == [normalize_text(text) for text in texts]


def test_characters_past_every_learned_one_still_normalize():
    assert normalize_text("ﻻ 𝐀b") == "لا ab"
    assert normalize_text("قال") == "قال"
