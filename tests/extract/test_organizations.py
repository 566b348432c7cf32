from pathlib import Path

import pytest

from tahqiq.extract.organizations import find_organizations
from tahqiq.reference import load_organizations
from tahqiq.text.normalize import normalize

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def orgs(display: str) -> list[tuple[str, str]]:
    mentions = find_organizations(normalize(display))
    for m in mentions:
        assert m.entity_type == "ORG"
        assert display[m.start : m.end] == m.surface
    return [(m.surface, m.attrs["ref_id"]) for m in mentions]


def test_reference_list_covers_at_least_forty_organizations():
    assert len({row["ref_id"] for row in load_organizations()}) >= 40


@pytest.mark.parametrize(
    "sentence, surface",
    [
        ("قالت القيادة المركزية الأميركية في بيان", "القيادة المركزية الأميركية"),
        ("وذكرت القيادة المركزية في الجيش الأمريكي أمس", "القيادة المركزية في الجيش الأمريكي"),
        ("بحسب سنتكوم فإن العملية نجحت", "سنتكوم"),
        ("according to CENTCOM officials", "CENTCOM"),
        ("وأكدت القيادة المركزية أن الغارة", "القيادة المركزية"),
    ],
)
def test_central_command_in_its_renderings(sentence, surface):
    assert orgs(sentence) == [(surface, "centcom")]


def test_air_forces_central_is_not_the_air_force():
    assert orgs("وقالت القوات الجوية الأمريكية المركزية إن") == [
        ("القوات الجوية الأمريكية المركزية", "afcent")
    ]
    assert orgs("نشرت القوات الجوية الأمريكية مقطعا") == [("القوات الجوية الأمريكية", "us_air_force")]


def test_proclitic_is_outside_the_span():
    assert orgs("مسؤول بوزارة الدفاع الأمريكية والبنتاجون") == [
        ("وزارة الدفاع الأمريكية", "us_dod"),
        ("البنتاجون", "us_dod"),
    ]


def test_typo_of_a_long_alias_is_found_and_flagged():
    mentions = find_organizations(normalize("أعلن التحالف الدوي بقيادة واشنطن"))
    assert [(m.surface, m.attrs["ref_id"], m.attrs["fuzzy"]) for m in mentions] == [
        ("التحالف الدوي", "coalition", True)
    ]


def test_listed_short_typo_is_an_alias_not_fuzzy():
    mentions = find_organizations(normalize("قادة دعاش في المنطقة"))
    assert [(m.surface, m.attrs["ref_id"], m.attrs["fuzzy"], m.attrs["alias_kind"]) for m in mentions] == [
        ("دعاش", "isis", False, "typo")
    ]


def test_short_words_do_not_fuzz_into_names():
    assert orgs("في قسم الطوارئ وقصر الثقافة") == []


def test_anaphor_needs_an_earlier_mention():
    assert orgs("وقال إن التنظيم يخطط لهجمات") == []
    assert orgs("قتل قيادي في تنظيم داعش، وقال إن التنظيم يخطط") == [
        ("تنظيم داعش", "isis"),
        ("التنظيم", "isis"),
    ]


def test_anaphor_goes_to_the_most_recent_organization_that_owns_it():
    found = orgs("هاجم داعش ثم أعلن تنظيم القاعدة أن التنظيم مسؤول")
    assert found[-1] == ("التنظيم", "al_qaeda")


def test_observatory_short_forms():
    assert orgs("وثق المرصد السوري لحقوق الإنسان ثم قال المرصد") == [
        ("المرصد السوري لحقوق الإنسان", "sohr"),
        ("المرصد", "sohr"),
    ]


@pytest.mark.parametrize(
    "sentence, ref_id",
    [
        ("بمشاركة قوات سوريا الديمقراطية", "sdf"),
        ("عنصر يعمل مع استخبارات قسد", "sdf"),
        ("نقلت وكالة رويترز", "reuters"),
        ("وفقا لصحيفة الغارديان", "guardian"),
        ("مقر لفصيل جيش الشرقية", "jaysh_al_sharqiya"),
        ("قال مركز المصالحة الروسي", "russian_reconciliation_center"),
        ("اشتبكت هيئة تحرير الشام", "hts"),
        ("قصفت القوات التركية", "turkish_forces"),
        ("عناصر من حزب الله", "hezbollah"),
        ("قيادي في تنظيم حراس الدين", "hurras_al_din"),
    ],
)
def test_other_organizations(sentence, ref_id):
    assert [ref for _, ref in orgs(sentence)] == [ref_id]


SEED_ORGS = {
    "000_fc6a60a6ef698b38.txt": {
        "centcom",
        "isis",
        "us_military",
        "associated_press",
        "us_dod",
        "guardian",
        "us_air_force",
        "afcent",
        "russian_air_force",
        "russian_reconciliation_center",
        "coalition",
    },
    "001_017caddd56d33047.txt": {"us_military", "isis", "coalition", "centcom", "us_dod"},
    "002_e9a1c462d589817c.txt": {
        "centcom",
        "isis",
        "coalition",
        "sdf",
        "sohr",
        "turkish_forces",
        "jaysh_al_sharqiya",
    },
    "003_4ed2c6725b801691.txt": {"coalition", "isis", "centcom", "sdf"},
    "004_b87004f141179f40.txt": {"centcom", "isis", "sohr", "sdf", "us_military", "coalition"},
}


@pytest.mark.parametrize("name", sorted(SEED_ORGS))
def test_seed_organizations_an_analyst_would_mark(name):
    path = SEEDS / name
    if not path.exists():
        pytest.skip("shared seeds are not beside the repository")
    display = path.read_text(encoding="utf-8")
    mentions = find_organizations(normalize(display))
    assert all(display[m.start : m.end] == m.surface for m in mentions)
    assert SEED_ORGS[name] <= {m.attrs["ref_id"] for m in mentions}


def test_seed_typos_are_recovered():
    typos = {"001_017caddd56d33047.txt": "coalition", "002_e9a1c462d589817c.txt": "centcom"}
    for name, ref_id in typos.items():
        path = SEEDS / name
        if not path.exists():
            pytest.skip("shared seeds are not beside the repository")
        mentions = find_organizations(normalize(path.read_text(encoding="utf-8")))
        assert any(m.attrs["fuzzy"] and m.attrs["ref_id"] == ref_id for m in mentions)


def test_international_bodies_parties_and_media_are_organizations():
    nt = normalize(
        "رحب الاتحاد الأوروبي وجامعة الدول العربية بقرار مجلس الأمن، وقالت حركة حماس لقناة الجزيرة إن..."
    )
    surfaces = [m.surface for m in find_organizations(nt)]
    assert surfaces == ["الاتحاد الأوروبي", "جامعة الدول العربية", "مجلس الأمن", "حركة حماس", "قناة الجزيرة"]


def test_island_word_alone_is_not_the_tv_channel():
    assert find_organizations(normalize("وصلوا إلى الجزيرة بالقارب.")) == []


def test_head_noun_with_genitive_and_nisba_complement():
    text = "وأعلنت وزارة الزراعة الكينية اليوم خطة جديدة."
    found = [m for m in find_organizations(normalize(text)) if m.attrs["alias_kind"] == "head_noun"]
    assert [m.surface for m in found] == ["وزارة الزراعة الكينية"]
    assert found[0].attrs["org_kind"] == "government"
    assert text[found[0].start : found[0].end] == found[0].surface


def test_head_noun_with_a_proper_name_and_a_proclitic_left_out():
    text = "ونقلت الوكالات عن صحيفة غارديان أن المفاوضات توقفت، وقالت لجامعة كامبريدج إنها ستستأنف."
    surfaces = [m.surface for m in find_organizations(normalize(text))]
    assert "صحيفة غارديان" in surfaces
    assert "جامعة كامبريدج" in surfaces


def test_common_noun_heads_need_a_distinctive_complement():
    text = "وتواصلت حركة النزوح من القرى، وشكلت لجنة التحقيق تقريرها، واجتمع مجلس الإدارة أمس."
    assert [m.surface for m in find_organizations(normalize(text))] == []


def test_definite_head_needs_two_nisbas():
    text = "وقال المجلس الوطني الكردي إن المنظمة الدولية لم ترد."
    assert [m.surface for m in find_organizations(normalize(text))] == ["المجلس الوطني الكردي"]


def test_outlet_names_are_found_by_their_shape():
    from tahqiq.extract.organizations import find_organizations
    from tahqiq.text.normalize import normalize

    cases = {
        "ونقل مراسل ساحل برس عن شهود": "ساحل برس",
        "بحسب ما أفاد موقع حلب بوست اليوم": "موقع حلب بوست",
        "وقالت مصادر لشبكة جسر الإخبارية إن": "شبكة جسر الإخبارية",
    }
    for sentence, surface in cases.items():
        nt = normalize(sentence)
        found = [(m.surface, nt.display[m.start : m.end]) for m in find_organizations(nt)]
        assert (surface, surface) in found, (sentence, found)
    assert find_organizations(normalize("قال هذا برس في الصباح")) == []


def test_club_named_like_a_city_needs_a_sports_sentence():
    assert ("برشلونة", "fc_barcelona") in orgs("فاز برشلونة على ضيفه في مباراة الدوري أمس.")
    assert orgs("وصل الوفد إلى برشلونة صباح أمس.") == []


def test_club_named_like_a_common_word_needs_a_sports_sentence():
    assert ("النصر", "al_nassr") in orgs("تعادل النصر مع منافسه في الشوط الأول.")
    assert orgs("احتفل الناس بالنصر في الشوارع. وانتهت المباراة لاحقا.") == []


def test_state_body_with_one_nisba():
    assert ("الحكومة السودانية", None) in orgs("رفضت الحكومة السودانية القرار.")
    assert ("الشرطة البريطانية", None) in orgs("أوقفت الشرطة البريطانية رجلين.")


def test_a_class_noun_before_an_organizations_own_name_marks_the_name():
    text = "ونقلت صحيفة الغارديان عن شركة نوكيا أن شركة الغاز وشبكة شمال الإخبارية لم تعلقا."
    marked = {
        m.surface: text[m.attrs["name_start"] : m.attrs["name_end"]] if "name_start" in m.attrs else None
        for m in find_organizations(normalize(text))
    }
    assert marked["صحيفة الغارديان"] == "الغارديان"
    assert marked["شركة نوكيا"] == "نوكيا"
    assert marked["شركة الغاز"] is None
    assert marked["شبكة شمال الإخبارية"] is None


def test_a_credit_alias_names_the_agency_only_in_parentheses():
    text = "وقال الوزير إن المفاوضات مستمرة (الفرنسية). وأكدت الحكومة الفرنسية ذلك."
    found = [(m.surface, m.attrs["ref_id"]) for m in find_organizations(normalize(text))]
    assert ("الفرنسية", "afp") in found
    assert sum(1 for _, ref in found if ref == "afp") == 1


def test_a_minister_is_not_a_typo_of_her_ministry():
    text = "وصلت وزيرة الخارجية الأمريكية إلى المنطقة، وأصدرت وزارة الخارجية الأمريكية بيانا."
    found = [m.surface for m in find_organizations(normalize(text))]
    assert found == ["وزارة الخارجية الأمريكية"]


def test_an_editorial_descriptor_is_not_part_of_the_name():
    text = "وقال البيان إن تنظيم داعش الإرهابي تبنى الهجوم."
    (found,) = find_organizations(normalize(text))
    assert (found.surface, found.attrs["ref_id"]) == ("تنظيم داعش", "isis")


def test_the_forces_of_a_listed_organization_mark_its_name_but_an_own_name_stays_whole():
    text = "وقالت قوات التحالف الدولي إن قوات سوريا الديمقراطية تقدمت."
    marked = {
        m.surface: text[m.attrs["name_start"] : m.attrs["name_end"]] if "name_start" in m.attrs else None
        for m in find_organizations(normalize(text))
    }
    assert marked == {"قوات التحالف الدولي": "التحالف الدولي", "قوات سوريا الديمقراطية": None}


def test_an_outlet_named_in_latin_script_after_a_media_head():
    text = "وقال مصدر محلي لمنصة SY24 إن الغارة وقعت فجرا."
    (found,) = find_organizations(normalize(text))
    assert found.surface == "منصة SY24"
    assert text[found.attrs["name_start"] : found.attrs["name_end"]] == "SY24"


def names(text: str) -> list[str]:
    return [m.surface for m in find_organizations(normalize(text))]


def test_an_outlet_whose_name_ends_in_a_number():
    assert names("وذكر مراسل الجسر 24 في المدينة أن القصف توقف.") == ["الجسر 24"]
    assert names("وقالت قناة فرانس 24 إن الوفد وصل.") == ["قناة فرانس 24"]
    assert names("وزار مراسل الوكالة 3 مرات المدينة.") == []


def test_a_body_named_through_its_parent():
    found = find_organizations(normalize("وأعلن المكتب الإعلامي لقوات سوريا الديمقراطية أن العملية انتهت."))
    assert [(m.surface, m.attrs["alias_kind"], m.attrs["parent_ref_id"]) for m in found] == [
        ("المكتب الإعلامي لقوات سوريا الديمقراطية", "sub_body", "sdf")
    ]
    assert "تنظيم داعش" in names("وقالت إن القيادة الأمريكية لتنظيم داعش")  # another country's body: two names


@pytest.mark.parametrize(
    ("text", "surface", "ref_id", "parent"),
    [
        ("وقالت وزارة الصحة التابعة لحماس إن الحصيلة ارتفعت.", "وزارة الصحة التابعة لحماس", None, "hamas"),
        ("وقال متحدث باسم وزارة الدفاع التي يسيطر عليها الحوثيون إن", "وزارة الدفاع التي يسيطر عليها الحوثيون",
         None, "houthis"),
        ("ونقلت وكالة سبأ، التابعة لحركة أنصار الله، عن مصدر قوله", "وكالة سبأ، التابعة لحركة أنصار الله",
         "saba", "houthis"),
        ("وأعلنت حكومة الحوثيين في صنعاء الحداد", "حكومة الحوثيين", None, "houthis"),
        ("ذكرت قناة المسيرة التابعة للحوثيين أن", "قناة المسيرة التابعة للحوثيين", None, "houthis"),
    ],
)
def test_a_body_of_an_organization_is_not_the_organization(text, surface, ref_id, parent):
    found = [m for m in find_organizations(normalize(text)) if m.attrs.get("parent_ref_id")]
    assert [(m.surface, m.attrs["ref_id"], m.attrs["parent_ref_id"]) for m in found] == [(surface, ref_id, parent)]


def test_a_group_named_with_its_class_word_stays_the_group():
    assert orgs("وقالت حركة حماس في بيان") == [("حركة حماس", "hamas")]
    assert orgs("أعلنت القوات التابعة للتحالف") == [("للتحالف", "coalition")]  # no named body before it


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("وقال مجلس الأمن القومي في بيان", "مجلس الأمن القومي"),
        ("وقال عضو في التحالف الوطني السوري المعارض", "التحالف الوطني السوري"),
        ("ووزع الهلال الأحمر التركي المساعدات", "الهلال الأحمر التركي"),
    ],
)
def test_a_national_body_named_like_an_international_one_is_its_own(text, surface):
    assert orgs(text) == [(surface, None)]


def test_an_adjective_of_the_noun_before_a_listed_name_leaves_it_listed():
    assert orgs("وقصفت طائرات التحالف الأمريكية مواقع") == [("التحالف", "coalition")]
    assert orgs("وقال مجلس الأمن الدولي") == [("مجلس الأمن الدولي", "un_security_council")]


def test_a_media_head_before_one_common_word_names_an_outlet():
    assert names("ونقلت وكالة الشرق عن مصدر عسكري قوله") == ["وكالة الشرق"]


def test_a_common_noun_with_a_proclitic_before_a_media_adjective_is_no_outlet():
    assert names("وانتقد الوزير والمنظمات الإعلامية المحلية بالتقارير الإعلامية الكاذبة.") == []
    assert names("ونشرت شبكة شمال الإخبارية تقريرا.") == ["شبكة شمال الإخبارية"]
    # a plural no dialogue says is still a definite noun before the definite adjective
    assert names("وانتقد الوزير والمزايدات الإعلامية بالتغطيات الإخبارية المتحيزة.") == []
    assert names("ونقلت والواشنطن بوست عن مسؤولين.") == ["والواشنطن بوست"]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ('ذكرت قناة "المسيرة" في نشرتها المسائية', 'قناة "المسيرة"'),
        ("بحسب شبكة «السويداء 24» المحلية", "شبكة «السويداء 24»"),
    ],
)
def test_an_outlet_named_in_quotes_after_its_class_noun(text, surface):
    assert surface in [m.surface for m in find_organizations(normalize(text))]


def test_what_a_definite_head_said_in_quotes_is_no_name():
    assert find_organizations(normalize('وقالت الشركة "لا تعليق"')) == []


@pytest.mark.parametrize(
    "text", ["وقالت النيابة الفرنسية إن", "أعلنت الرئاسة التركية", "داخل القنصلية السعودية في إسطنبول"]
)
def test_a_state_office_with_a_nationality_is_an_organization(text):
    assert len(find_organizations(normalize(text))) == 1


def test_an_outlet_in_quotes_after_an_earlier_quotation_and_after_its_reporter():
    text = 'وطالبت بعدم استهدافهم". ومن جهتها، أوردت قناة "المسيرة" أن عدد القتلى ارتفع'
    assert 'قناة "المسيرة"' in names(text)
    assert names('وأفاد مراسل "الجزيرة" بأن الاشتباكات توقفت') == ["الجزيرة"]


def test_a_definite_head_takes_a_name_adjective_before_its_nisba():
    assert names("بمشاركة القوات المسلحة الإماراتية في العملية") == ["القوات المسلحة الإماراتية"]
    assert names("وقالت القوات المسلحة في بيان") == []  # no nisba: whose forces is not said


def test_a_group_named_after_a_man_is_the_group():
    from tahqiq.extract import extract_article

    found = extract_article(normalize("وأعدم مقاتلو جيش خالد بن الوليد المبايع للتنظيم عشرات المدنيين"), None)
    assert [(m.entity_type, m.surface) for m in found if m.entity_type in ("ORG", "PERSON")] == [
        ("ORG", "جيش خالد بن الوليد")
    ]


def test_a_panel_at_an_organization_is_its_body():
    found = [m for m in find_organizations(normalize("وقالت لجنة خبراء بالأمم المتحدة إن")) if m.attrs.get("parent_ref_id")]
    assert [(m.surface, m.attrs["parent_ref_id"]) for m in found] == [("لجنة خبراء بالأمم المتحدة", "united_nations")]
    assert orgs("وقالت حركة حماس بالتحالف مع الفصائل") == [("حركة حماس", "hamas"), ("التحالف", "coalition")]


def test_the_coalition_named_with_its_country_takes_the_country_in_its_name():
    # the country in "تحالف دعم الشرعية في اليمن" names the coalition, not where its act was
    assert orgs("قال التحالف العربي لدعم الشرعية في اليمن إنه اعترض صاروخا فوق جازان.") == [
        ("التحالف العربي لدعم الشرعية في اليمن", "saudi_coalition")
    ]
