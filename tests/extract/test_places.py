from pathlib import Path

import pytest

from tahqiq.extract.places import find_places, place_by_id, place_within, regions_compatible
from tahqiq.reference import load_places, read_reference_csv
from tahqiq.text.normalize import normalize

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def places(display: str) -> list[tuple[str, str, str | None]]:
    mentions = find_places(normalize(display))
    for m in mentions:
        assert m.entity_type == "LOC"
        assert display[m.start : m.end] == m.surface
    return [(m.surface, m.attrs["ref_id"], m.attrs["region"]) for m in mentions]


def test_every_governorate_of_syria_and_iraq_is_listed_with_coordinates():
    admin1 = {row["ref_id"]: row for row in load_places() if row["place_kind"] == "admin1"}
    assert sum(ref.startswith("sy-") for ref in admin1) == 14
    assert sum(ref.startswith("iq-") for ref in admin1) == 18
    assert all(row["latitude"] and row["longitude"] for row in admin1.values())


def test_every_place_has_coordinates_and_known_containers():
    rows = load_places()
    ids = {row["ref_id"] for row in rows}
    for row in rows:
        assert row["latitude"] and row["longitude"], row["ref_id"]
        for outer in [row["within"], *row["admin1"].split(";"), *row["country"].split(";")]:
            assert not outer or outer in ids, (row["ref_id"], outer)


def test_city_with_clitic_and_attrs():
    [m] = find_places(normalize("قصف وبالرقة أمس"))
    assert m.surface == "الرقة"
    assert m.attrs["ref_id"] == "sy-raqqa-city"
    assert (m.attrs["admin1"], m.attrs["country"], m.attrs["place_kind"]) == ("sy-raqqa", "sy", "city")
    assert 35 < m.attrs["latitude"] < 37 and 38 < m.attrs["longitude"] < 40


@pytest.mark.parametrize(
    "sentence, surface, ref_id, region",
    [
        ("قتل قيادي شرق سوريا", "شرق سوريا", "sy", "east"),
        ("قتل قيادي شرقي سوريا", "شرقي سوريا", "sy", "east"),
        ("كان في شمال غرب سوريا وقتها", "شمال غرب سوريا", "sy", "north-west"),
        ("عمليات في شمال شرقي سوريا", "شمال شرقي سوريا", "sy", "north-east"),
        ("عملية أمنية في شرق وشمال سوريا", "شرق وشمال سوريا", "sy", "east+north"),
        ("قرية شمال غربي محافظة حلب", "شمال غربي محافظة حلب", "sy-aleppo", "north-west"),
        ("غارة بريف حلب الشرقي أمس", "ريف حلب الشرقي", "sy-aleppo", "east"),
        ("قرية في ريف دير الزور الشرقي", "ريف دير الزور الشرقي", "sy-deir-ez-zor", "east"),
        ("انتشار في الشمال السوري", "الشمال السوري", "sy", "north"),
    ],
)
def test_region_phrases_are_one_mention(sentence, surface, ref_id, region):
    [m] = find_places(normalize(sentence))
    assert (m.surface, m.attrs["ref_id"], m.attrs["region"], m.attrs["place_kind"]) == (
        surface,
        ref_id,
        region,
        "region",
    )
    assert sentence[m.start : m.end] == surface


def test_countryside_of_a_town_stays_the_town():
    assert places("في قرية مسكة بريف عفرين") == [("مسكة", "sy-maska", None), ("ريف عفرين", "sy-afrin", None)]


def test_direction_word_alone_or_the_area_word_is_not_a_place():
    assert places("كان يعمل عادة في الشرق داخل المنطقة") == []


def test_door_is_not_al_bab_without_context():
    assert places("أغلق الباب خلفه") == []
    assert places("وصل إلى مدينة الباب") == [("الباب", "sy-al-bab", None)]
    assert places("في الباب شرق حلب") == [("الباب", "sy-al-bab", None), ("شرق حلب", "sy-aleppo-city", "east")]


def test_place_inside_a_nisba_is_not_a_place():
    assert places("قتل حمزة الحمصي وأبو أنس الشامي") == []


def test_place_inside_an_organization_name_is_not_a_place():
    assert places("بمشاركة قوات سوريا الديمقراطية") == []


def test_hawija_follows_the_place_named_near_it():
    assert places("عملية إنزال في منطقة الحويجة بمدينة الرقة") == [
        ("الحويجة", "sy-raqqa-hawija", None),
        ("الرقة", "sy-raqqa-city", None),
    ]
    assert places("هجوم في قضاء الحويجة غرب كركوك") == [
        ("الحويجة", "iq-hawija", None),
        ("غرب كركوك", "gn-94787", "west"),
    ]


def test_operation_areas_are_areas_in_their_governorates():
    [shield, spring] = find_places(normalize("في منطقة درع الفرات أو نبع السلام"))
    assert (shield.attrs["ref_id"], shield.attrs["place_kind"], shield.attrs["admin1"]) == (
        "sy-euphrates-shield",
        "area",
        "sy-aleppo",
    )
    assert place_within("sy-peace-spring", "sy-hasakah") and place_within("sy-peace-spring", "sy-raqqa")


def test_place_within_is_transitive():
    assert place_within("sy-maska", "sy-jinderis")
    assert place_within("sy-maska", "sy-aleppo")
    assert place_within("sy-maska", "sy")
    assert not place_within("sy-maska", "sy-idlib")
    assert not place_within("sy", "sy-maska")
    assert not place_within("unknown", "sy")


def test_place_by_id():
    place = place_by_id("sy-deir-ez-zor")
    assert place["place_kind"] == "admin1" and place["country"] == ("sy",)
    assert "ولاية الخير" in place["aliases"]
    assert place_by_id("nowhere") is None


@pytest.mark.parametrize(
    "region, admin1, expected",
    [
        ("east", "sy-deir-ez-zor", True),
        ("east", "sy-hasakah", True),
        ("east", "sy-raqqa", True),
        ("east", "sy-aleppo", False),
        ("east", "sy-idlib", False),
        ("north-west", "sy-idlib", True),
        ("north-west", "sy-aleppo", True),
        ("north-west", "sy-deir-ez-zor", False),
        ("north-east", "sy-hasakah", True),
        ("north-east", "sy-daraa", False),
        ("south", "sy-daraa", True),
        ("east+north", "sy-aleppo", True),
        ("west", "iq-anbar", True),
        ("north", "iq-basra", False),
        ("", "sy-aleppo", True),
    ],
)
def test_regions_compatible(region, admin1, expected):
    assert regions_compatible(region, admin1) is expected


SEED_PLACES = {
    "000_fc6a60a6ef698b38.txt": {"sy", "us-washington", "ru-moscow", "sy-aleppo-city"},
    "001_017caddd56d33047.txt": {
        "sy",
        "sy-idlib-city",
        "sy-bzaa",
        "sy-al-bab",
        "sy-deir-ez-zor-city",
        "sy-aleppo-city",
        "iq",
        "ru",
    },
    "002_e9a1c462d589817c.txt": {
        "sy-al-bab",
        "sy-bzaa",
        "sy-euphrates-shield",
        "sy-olive-branch",
        "sy-peace-spring",
        "sy-aleppo",
        "sy-raqqa-hawija",
        "sy-raqqa-city",
        "sy-maska",
        "sy-jinderis",
        "sy-afrin",
        "iq",
        "sy",
    },
    "003_4ed2c6725b801691.txt": {"sy", "iq", "us", "sy-sinaa-prison", "sy-hasakah-city"},
    "004_b87004f141179f40.txt": {
        "sy",
        "us",
        "sy-al-zir",
        "sy-deir-ez-zor",
        "sy-busayrah",
        "euphrates",
        "sy-hasakah",
        "sy-raqqa-city",
        "sy-deir-ez-zor-city",
        "sy-idlib",
    },
}
SEED_REGIONS = {
    "000_fc6a60a6ef698b38.txt": {("sy", "east"), ("sy", "north")},
    "001_017caddd56d33047.txt": {("sy", "east"), ("sy", "north-west"), ("sy-aleppo-city", "east")},
    "002_e9a1c462d589817c.txt": {("sy-aleppo", "east"), ("sy-aleppo", "north-west")},
    "003_4ed2c6725b801691.txt": {("sy", "east"), ("sy", "north-east"), ("sy", "east+north")},
    "004_b87004f141179f40.txt": {("sy", "east"), ("sy", "north-east"), ("sy-deir-ez-zor", "east")},
}


PROCLITICS = {"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"}


def _seed(name: str) -> str:
    path = SEEDS / name
    if not path.exists():
        pytest.skip("shared seeds are not beside the repository")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(SEED_PLACES))
def test_seed_places_an_analyst_would_mark(name):
    display = _seed(name)
    mentions = find_places(normalize(display))
    assert all(display[m.start : m.end] == m.surface for m in mentions)
    assert SEED_PLACES[name] <= {m.attrs["ref_id"] for m in mentions}
    regions = {(m.attrs["ref_id"], m.attrs["region"]) for m in mentions if m.attrs["region"]}
    assert SEED_REGIONS[name] <= regions


@pytest.mark.parametrize("name", sorted(SEED_PLACES))
def test_seed_places_start_at_a_word_or_after_a_proclitic(name):
    display = _seed(name)
    for m in find_places(normalize(display)):
        word_start = m.start
        while word_start > 0 and display[word_start - 1].isalpha():
            word_start -= 1
        assert display[word_start : m.start] in PROCLITICS, m.surface


def test_world_countries_continents_and_capitals_are_places():
    nt = normalize("سافر الوزير من باريس إلى اليابان ثم إلى أوروبا وزار البرازيل والمحيط الهندي.")
    found = {m.surface: m.attrs for m in find_places(nt)}
    assert found["باريس"]["country"] == "fr" and found["باريس"]["latitude"] is not None
    assert found["اليابان"]["place_kind"] == "country"
    assert found["أوروبا"]["place_kind"] == "continent"
    assert found["البرازيل"]["ref_id"] == "br"
    assert "المحيط الهندي" in found


def test_world_city_that_is_also_a_common_word_needs_a_place_cue():
    assert not [m for m in find_places(normalize("شاهد الجمهور مشهد النهاية.")) if m.surface == "مشهد"]
    assert [m.surface for m in find_places(normalize("وصل إلى مدينة مشهد أمس."))] == ["مشهد"]


def test_world_rows_do_not_duplicate_curated_aliases():
    aliases = [(row["ref_id"], row["alias"]) for row in load_places()]
    assert len(aliases) == len(set(aliases))


def test_region_mentions_carry_the_inner_toponym_span():
    text = "قصف في جنوب لبنان وغارة بريف حلب الشرقي، ثم هدوء في دمشق."
    by_surface = {m.surface: m for m in find_places(normalize(text))}
    south = by_surface["جنوب لبنان"]
    assert text[south.attrs["toponym_start"] : south.attrs["toponym_end"]] == "لبنان"
    rif = by_surface["ريف حلب الشرقي"]
    assert text[rif.attrs["toponym_start"] : rif.attrs["toponym_end"]] == "حلب"
    assert "toponym_start" not in by_surface["دمشق"].attrs


def test_world_cities_are_found_with_their_country():
    found = {
        surface: (ref, country)
        for surface, ref, country in places_with_country("عقد المؤتمر في ميونخ ثم انتقل الوفد إلى بوخارست.")
    }
    assert found["ميونخ"][1] == "de"
    assert found["بوخارست"][1] == "ro"


def test_a_class_noun_opening_a_place_name_is_kept_but_the_toponym_is_marked():
    text = "وصل الوفد إلى محافظة ديالى صباح اليوم."
    (m,) = find_places(normalize(text))
    assert m.surface == "محافظة ديالى"
    assert text[m.attrs["toponym_start"] : m.attrs["toponym_end"]] == "ديالى"


def places_with_country(display: str) -> list[tuple[str, str, str | None]]:
    return [(m.surface, m.attrs["ref_id"], m.attrs["country"]) for m in find_places(normalize(display))]


def test_a_settlement_the_gazetteer_lacks_is_a_place_after_its_class_noun_and_when_repeated():
    text = "داهمت القوة منزلا في قرية تل الزعتر، ثم انسحبت. وقال سكان إن تل الزعتر شهدت اشتباكا."
    found = [(m.surface, m.attrs["place_kind"], m.attrs["ref_id"]) for m in find_places(normalize(text))]
    assert found == [("تل الزعتر", "village", None), ("تل الزعتر", "village", None)]


def test_an_adjective_or_a_verb_after_a_class_noun_is_no_settlement():
    text = "وقع الانفجار في بلدة صغيرة، قرب قرية تقع على الطريق."
    assert find_places(normalize(text)) == []


def test_a_foreign_town_opening_like_a_verb_is_a_place_where_the_text_sets_it_apart():
    quoted = 'ووقعت عملية الاحتجاز في بلدة "تيرفال" جنوبي البلاد.'
    assert [(s, ref) for s, ref, _ in places(quoted)] == [("تيرفال", None)]
    closing = "احتجز المسلح رهائن في متجر ببلدة يارنيك، ثم قتل. وتبعد يارنيك عن العاصمة ساعة."
    assert [s for s, _, _ in places(closing)] == ["يارنيك", "يارنيك"]
    assert [s for s, _, _ in places("وقع الانفجار في مدينة تولانو الإيطالية مساء.")] == ["تولانو"]
    # a verb goes on to its complement, or carries its object when it ends the phrase
    assert places("هاجم المسلحون قرية تقع على الطريق ومدينة يسيطر عليها الجيش.") == []
    assert places("وهي مدينة يزورها، كل عام، آلاف السياح.") == []


def test_a_city_is_a_place_unless_its_club_is_meant():
    assert [ref for _, ref, _ in places("وعقد المؤتمر في روما أمس.")] == ["city-rome"]
    assert places("وفاز روما على ضيفه في مباراة الدوري.") == []


def test_another_town_or_a_given_name_is_no_unlisted_settlement():
    assert places("وانتقل المسلحون إلى بلدة أخرى ثم إلى مخيم إبراهيم.") == []


def test_a_given_name_after_a_name_prefix_is_the_settlements_own():
    assert places("قصفت الطائرات قرية تل صالح شرقي المدينة.") == [("تل صالح", None, None)]
    assert places("داهمت القوة بلدة عين خالد ليلا.") == [("عين خالد", None, None)]


def test_a_proclitic_word_after_a_class_noun_is_no_settlement():
    assert places("وتتبع الحكومة مسارا يشمل المفاوضات من ناحية والعقوبات من ناحية أخرى.") == []
    assert places("وتسعى أن تصبح عاصمة للرياضة، ومدينة للسلام وللمحبة.") == []


def test_settlements_listed_after_a_plural_class_noun():
    text = "وداهمت القوات قرى العويجة والمحيسن، الزهرة و تل الورد، ثم عادت إلى المحيسن."
    assert [s for s, _, _ in places(text)] == ["العويجة", "المحيسن", "الزهرة", "تل الورد", "المحيسن"]
    assert places("وتضررت قرى الصيادين من العاصفة.") == []  # one word after a plural is its complement


def test_a_direction_before_a_class_noun_makes_a_region():
    ((surface, ref_id, region),) = places("وقعت الغارة شرقي مدينة الرقة.")
    assert (surface, region) == ("شرقي مدينة الرقة", "east")


def test_an_unlisted_village_takes_the_governorate_of_its_sentence():
    text = "قصفت المدفعية بلدة الشويحة التابعة لمنطقة جرابلس. وقالت مصادر إن الشويحة خلت من سكانها."
    found = [(m.surface, m.attrs["admin1"], m.attrs.get("located_by")) for m in find_places(normalize(text))]
    assert found[0] == ("الشويحة", found[1][1], "sentence") and found[1][0] == "جرابلس"
    assert found[2] == ("الشويحة", found[1][1], "sentence")  # named again, placed the same way


def test_a_dateline_desk_locates_no_settlement_of_the_story():
    text = "دمشق، سوريا (CNN)-- احتجز مسلح رهائن في متجر ببلدة الغنيمة، في حادث وصفته السلطات بأنه هجوم."
    found = {m.surface: m.attrs["admin1"] for m in find_places(normalize(text))}
    assert found["دمشق"] and found["الغنيمة"] is None


def test_a_people_after_a_class_noun_is_no_village():
    assert places("وتقع المدرسة في حي الأرمن القديم، ويسكن الأرمن فيه منذ قرن.") == []


@pytest.mark.parametrize(
    ("sentence", "surface", "admin1", "country"),
    [
        ("قتل أطفال في غارة على سوق ضحيان في صعدة أمس.", "صعدة", "ye-saada", "ye"),
        ("سقط قتلى برصاص الجيش في غزة أمس.", "غزة", "ps-gaza-strip", "ps"),
        ("انفجرت سيارة مفخخة في مقديشو مساء الجمعة.", "مقديشو", "so-banaadir", "so"),
        ("استهدفت غارة أمريكية مقاتلين في ولاية هلمند جنوب أفغانستان.", "ولاية هلمند", "af-helmand", "af"),
        ("تبنى التنظيم تفجيرات في سورابايا بإندونيسيا.", "سورابايا", "id-east-java", "id"),
    ],
)
def test_places_beyond_syria_and_iraq_carry_their_division_and_country(sentence, surface, admin1, country):
    by_surface = {m.surface: m for m in find_places(normalize(sentence))}
    place = by_surface[surface]
    assert (place.attrs.get("admin1") or place.attrs.get("ref_id")) == admin1
    assert place.attrs["country"] == country
    assert place.attrs.get("latitude") is not None


def test_every_listed_division_of_the_world_was_found_through_its_seat():
    divisions = {p["ref_id"] for p in load_places() if p["place_kind"] == "admin1"}
    listed = {row["ref_id"] for row in read_reference_csv("world_admin1.csv")}
    assert listed <= divisions


def test_a_place_is_marked_as_where_unless_it_speaks_or_acts():
    found = {m.surface: m.attrs["as_where"] for m in find_places(normalize("قالت واشنطن إن غارة وقعت في دمشق."))}
    assert found == {"واشنطن": False, "دمشق": True}
    # a capital named after the word for its outskirts, or after its title
    for text in ("قتل خمسة في مواجهات داخل سجن في ضاحية العاصمة جاكرتا.", "في سجن يقع على أطراف العاصمة الإندونيسية، جاكرتا."):
        assert {m.surface: m.attrs["as_where"] for m in find_places(normalize(text))}["جاكرتا"], text
    # the title alone tells nothing, nor a destination, nor a side of the capital
    for text in ("وصل الوزير قادما من العاصمة البريطانية لندن.", "انتقلت العائلة إلى العاصمة البريطانية لندن.",
                 "نصبت نقاط تفتيش في مدينة كبيرة جنوب العاصمة البريطانية لندن."):
        assert not {m.surface: m.attrs["as_where"] for m in find_places(normalize(text))}["لندن"], text


def test_a_place_someone_goes_to_is_no_where():
    def where(text: str) -> dict[str, bool]:
        return {m.surface: m.attrs["as_where"] for m in find_places(normalize(text))}

    assert where("وشهد الاثنين الذي انتقلت فيه السفارة الأميركية إلى القدس مواجهات دامية") == {"القدس": False}
    assert where("وقال ماتيس للصحافيين العائدين معه إلى واشنطن") == {"واشنطن": False}
    assert where("ونقل الجرحى إلى رفح") == {"رفح": False}
    assert where("يشتبه في أنه قام برحلة إلى سوريا") == {"سوريا": False}
    assert where("وأعلن ماكرون، الموجود في بروكسل للمشاركة في القمة، أنه سيعود") == {"بروكسل": False}
    assert where("وقال المعارض المقيم في لندن إن القصف تواصل في دمشق") == {"لندن": False, "دمشق": True}
    # a missile fired at a city, forces advancing on one: where the act is
    assert where("أطلق الحوثيون صاروخا باليستيا إلى الرياض") == {"الرياض": True}
    assert where("تقدمت القوات إلى الرقة") == {"الرقة": True}
    # after the conjunction و or ف
    assert where("وفي كربلاء، تجمع متظاهرون أمام مجلس المحافظة") == {"كربلاء": True}


def test_a_place_an_act_is_put_down_to_is_elsewhere():
    def elsewhere(text: str) -> dict[str, bool]:
        return {m.surface: m.attrs["as_elsewhere"] for m in find_places(normalize(text))}

    assert elsewhere("ردا على إطلاق صواريخ على مواقع في الجولان نسبتها إلى إيران") == {"إيران": True}
    assert elsewhere("الغارة المنسوبة إلى قوات التحالف في اليمن") == {"اليمن": False}
    assert elsewhere("وقال المعارض المقيم في لندن إن القصف تواصل في دمشق") == {"لندن": True, "دمشق": False}
    # whose side: "التابعة لإيران", "الموالية لتركيا", "المدعومة من إيران"
    assert elsewhere("أطلقت الميليشيات التابعة لإيران صاروخا باتجاه جازان") == {"إيران": True, "جازان": False}
    assert elsewhere("هاجمت الفصائل المدعومة من إيران مواقع في حماة") == {"إيران": True, "حماة": False}
    assert elsewhere("وصل الوفد من إيران إلى بغداد")["إيران"] is False


def test_a_region_people_are_sent_to_is_elsewhere():
    def elsewhere(text: str) -> dict[str, bool]:
        return {m.surface: m.attrs["as_elsewhere"] for m in find_places(normalize(text))}

    assert elsewhere("ويتضمن الاتفاق تسوية الأوضاع وخروج من يرفضه نحو الشمال السوري") == {"الشمال السوري": True}
    assert elsewhere("وبدأ إجلاء المسلحين وعائلاتهم إلى شمال سوريا") == {"شمال سوريا": True}
    # in a destination: the region where the place people go to lies
    assert elsewhere("وبدأت عملية تسجيل الراغبين بالخروج إلى محافظة إدلب في شمال غرب سوريا") == {
        "محافظة إدلب": True, "شمال غرب سوريا": True}
    assert elsewhere("مقابل الخروج الآمن إلى مناطق خاضعة لسيطرة المعارضة في شمال غرب سوريا") == {"شمال غرب سوريا": True}
    assert elsewhere("وصلت القوات إلى البلدة، وقتل 5 في شمال غرب سوريا") == {"شمال غرب سوريا": False}
    # not a word of going: the strike was there
    assert elsewhere("وتقدمت القوات نحو شمال سوريا بعد غارات في جنوب سوريا") == {"شمال سوريا": False, "جنوب سوريا": False}


def test_a_class_noun_with_a_pronoun_or_a_relative_clause_names_no_settlement():
    assert places("وصنع هدفا لمنتخب بلده، والذي أحرزه زميله.") == []
    assert places("ثم عاد إلى بلده فقد خسر منصبه.") == []


def test_the_settlement_kind_a_class_noun_calls_a_place_by_is_kept():
    def kinds(text: str) -> list[tuple[str, str | None]]:
        return [(m.surface, m.attrs["class_noun_kind"]) for m in find_places(normalize(text))]

    assert kinds("سقطت قذائف على مدينة حجة ظهر اليوم.") == [("حجة", "city")]
    assert kinds("سقطت قذائف بمدينة حجة ظهر اليوم.") == [("حجة", "city")]
    assert kinds("دخلت القوات مدينة حلب من الشرق.") == [("مدينة حلب", "city")]  # the class noun in the alias
    assert kinds("سقطت قذائف في بلدة بني قيس.") == [("بني قيس", "town")]
    # no settlement kind: the governorate, an area, a bare name, a region around the city
    assert kinds("سقطت قذائف في محافظة حجة.") == [("محافظة حجة", None)]
    assert kinds("سقطت قذائف في منطقة حلب.") == [("حلب", None)]
    assert kinds("سقطت قذائف شرقي مدينة حلب.") == [("شرقي مدينة حلب", None)]
    assert kinds("سقطت قذائف على ريف مدينة حلب.") == [("ريف مدينة حلب", None)]
    # a class noun apart from the name, across a comma, calls nothing
    assert kinds("زار المدينة، حلب اليوم.") == [("حلب", None)]


def test_a_capital_named_by_its_title_alone_is_the_city():
    by_surface = {m.surface: m for m in find_places(normalize("وكان 500 شخص قتلوا في انفجار شاحنة في العاصمة الصومالية في أكتوبر."))}
    assert by_surface["العاصمة الصومالية"].attrs["ref_id"] == "city-mogadishu"
    assert by_surface["العاصمة الصومالية"].attrs["as_where"]
    # not a financial capital, nor one of two Koreas
    for text in ("لاغوس هي العاصمة المالية لنيجيريا.", "وصل الوفد إلى العاصمة الكورية الشمالية بيونغ يانغ."):
        assert not [m for m in find_places(normalize(text)) if m.surface.startswith("العاصمة")], text
    # a title its name follows is the one place, named by its name
    assert [m.surface for m in find_places(normalize("انفجار في العاصمة الأفغانية كابول."))] == ["كابول"]
