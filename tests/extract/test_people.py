from pathlib import Path

import pytest

from tahqiq.extract.people import find_people
from tahqiq.text.normalize import normalize

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def people(text: str) -> list:
    nt = normalize(text)
    found = find_people(nt)
    for m in found:
        assert m.entity_type == "PERSON"
        assert text[m.start : m.end] == m.surface
    return found


def by_surface(text: str) -> dict:
    return {m.surface: m for m in people(text)}


def test_rank_takes_a_foreign_name_and_keeps_the_title_out_of_the_span():
    text = "وقال الجنرال جيمس ماتيس، وزير الدفاع السابق، إن الحرب لم تنته."
    (m,) = people(text)
    assert m.surface == "جيمس ماتيس"
    assert text.index("جيمس") == m.start
    assert m.attrs["title"] == "الجنرال"
    assert m.attrs["role"] == "عسكري"
    assert m.attrs["given_name"] == "جيمس"
    assert m.attrs["family_name"] == "ماتيس"
    assert m.attrs["cue"] == "title"


def test_multiword_rank():
    (m,) = people("أكد اللفتنانت جنرال ستيفن تاونسند أن القوات باقية.")
    assert m.surface == "ستيفن تاونسند"
    assert m.attrs["title"] == "اللفتنانت جنرال"


def test_role_with_complement_before_a_lexicon_name():
    m = by_surface("أعلن الجيش مقتل القيادي في جماعة النصرة خالد العاروري قرب المدينة.")["خالد العاروري"]
    assert m.attrs["title"] == "القيادي"
    assert m.attrs["role"] == "قيادي"
    assert m.attrs["given_name"] == "خالد"
    assert m.attrs["nisba"] == "العاروري"


def test_researcher_after_comma():
    text = "وبحسب الباحث في شؤون الحركات المسلحة، حسن أبو هنية، فإن التنظيم تراجع."
    m = by_surface(text)["حسن أبو هنية"]
    assert m.attrs["title"] == "الباحث في شؤون"
    assert m.attrs["role"] == "باحث"


def test_called_cue_accepts_a_single_name():
    (m,) = people("قتل في الغارة شخص يدعى خطاب كان مسؤولا عن التمويل.")
    assert m.surface == "خطاب"
    assert m.attrs["cue"] == "called"


def test_kunya_with_nisba_and_clitic_outside_the_span():
    text = "وأعلن التنظيم أن أبو حفص الهاشمي تولى القيادة، ولأبو حفص الهاشمي أنصار."
    found = people(text)
    first = found[0]
    assert first.surface == "أبو حفص الهاشمي"
    assert first.attrs["kunya"] == "أبو حفص"
    assert first.attrs["nisba"] == "الهاشمي"
    assert first.attrs["cue"] == "kunya"
    assert [m.surface for m in found][1] == "أبو حفص الهاشمي"
    assert text[found[1].start - 1] == "ل"


def test_place_starting_with_abu_is_not_a_person():
    assert people("قصفت الطائرات مواقع قرب أبو كمال وأبو ظبي.") == []


def test_nationality_adjective_is_not_a_nisba_or_a_name():
    assert people("تبين أن أحدهما قيادي عراقي الجنسية والآخر سوري.") == []


def test_stated_aliases_in_quotes_and_parentheses():
    text = 'وقال البيان إن سامر الحسيني المعروف أيضا بـ"أبو قتادة الحلبي" و"عمر الحلبي" قتل. وكان عمر الحلبي (أبو قتادة الحلبي) واليا.'
    found = people(text)
    main = next(m for m in found if m.surface == "سامر الحسيني")
    assert main.attrs["aliases"] == ["أبو قتادة الحلبي", "عمر الحلبي"]
    aliases = [m for m in found if m.attrs.get("cue") == "alias"]
    assert {m.attrs["alias_of"] for m in aliases} >= {"سامر الحسيني", "عمر الحلبي"}
    assert all('"' not in m.surface for m in found)


def test_repeat_of_family_name():
    text = "قتل أحمد الزهراني في الغارة. وكان الزهراني مسؤولا عن الهجمات."
    found = people(text)
    assert [m.surface for m in found] == ["أحمد الزهراني", "الزهراني"]
    assert found[1].attrs["cue"] == "repeat"
    assert found[1].attrs["repeat_of"] == "أحمد الزهراني"


def test_ambiguous_given_name_alone_is_not_a_person():
    assert people("كان الجو جميلا وكريم الطباع سعيد جدا بالنتيجة.") == []


def test_preposition_ala_is_not_the_name_ali():
    assert people("سيطر الجيش على المدينة بعد معارك.") == []
    (m,) = people("التقى الوزير علي الحسن بالسفير.")
    assert m.surface == "علي الحسن"


SEED_PEOPLE = {
    "000": {
        "أسامة المهاجر": {"given_name": "أسامة"},
        "إريك كوريلا": {"title": "الجنرال"},
        "أوليغ غورينوف": {"title": "الأدميرال"},
    },
    "001": {
        "أسامة المهاجر": {"aliases": ["أنس الشامي", "همام الشامي"]},
        "أنس الشامي": {"alias_of": "أسامة المهاجر"},
        "همام الشامي": {"nisba": "الشامي"},
        "أبو أنس الشامي": {"kunya": "أبو أنس", "alias_of": "همام الشامي"},
        "أحمد سلطان": {"role": "باحث"},
        "رائد الحامد": {"role": "باحث"},
        "مايكل كوريلا": {"title": "الجنرال"},
        "المهاجر": {"cue": "repeat"},
    },
    "002": {
        "أبو أسامة المهاجر": {"kunya": "أبو أسامة", "role": "زعيم"},
        "أبو بكر البغدادي": {"kunya": "أبو بكر", "nisba": "البغدادي"},
    },
    "003": {
        "حمزة الحمصي": {"cue": "called"},
        "إبراهيم القحطاني": {"nisba": "القحطاني"},
        "القحطاني": {"cue": "repeat"},
    },
    "004": {
        "أنس": {"cue": "called"},
        "أبو بكر البغدادي": {"kunya": "أبو بكر"},
        "أبو إبراهيم القرشي": {"nisba": "القرشي"},
        "ماهر العقال": {"role": "قائد"},
    },
}


@pytest.mark.parametrize("prefix", sorted(SEED_PEOPLE))
def test_seed_people(prefix):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    found = people(path.read_text(encoding="utf-8"))
    for surface, expected in SEED_PEOPLE[prefix].items():
        candidates = [m for m in found if m.surface == surface]
        assert candidates, f"{surface} not found in seed {prefix}"
        assert any(all(m.attrs.get(k) == v for k, v in expected.items()) for m in candidates), (
            surface,
            [m.attrs for m in candidates],
        )


def test_foreign_given_names_in_arabic_script_start_a_name():
    surfaces = [m.surface for m in find_people(normalize("التقى فلاديمير بوتين مع أنجيلا ميركل في المؤتمر."))]
    assert surfaces == ["فلاديمير بوتين", "أنجيلا ميركل"]


def test_particle_an_is_not_a_given_name():
    assert find_people(normalize("أكد أن الوقود متوفر.")) == []
