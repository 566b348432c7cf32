"""Each value a frame states, with its sentence, the source that sentence credits and revision wording."""

import json
from datetime import date

from tahqiq.extract.events import find_event_frames
from tahqiq.extract.mention import Mention
from tahqiq.text.normalize import normalize, normalize_text


def _statements(pieces: list[tuple]) -> tuple[str, list[dict]]:
    body, mentions = "", []
    for words, *typed in pieces:
        start = len(body)
        body += words
        if typed:
            entity_type, value, attrs = typed
            mentions.append(
                Mention(entity_type, start, len(body), words, normalize_text(words), value, attrs)
            )
    (frame,) = [
        f
        for f in find_event_frames(normalize(body), mentions, date(2018, 7, 26), "art")
        if not f["is_background"]
    ]
    return body, json.loads(frame["statements"])


def test_counts_carry_their_sentence_the_credited_source_and_revision_wording():
    body, said = _statements([
        ("قالت القيادة المركزية إن غارة جوية أدت إلى مقتل ",),
        ("20", "COUNT", "20", {"count_kind": "killed", "approximate": False, "subject": "أشخاص"}),
        (" شخصا. وأضافت أن العملية كانت أحادية. وقال المرصد السوري إن الغارة نفذت بالتعاون مع قوات محلية. ",),
        ("وارتفعت حصيلة القتلى إلى ",),
        ("25", "COUNT", "25", {"count_kind": "killed", "approximate": False}),
        (" قتيلا.",),
    ])  # fmt: skip
    killed = [s for s in said if s["attribute"] == "killed"]
    assert [(s["value"], s["source"], s["revised"]) for s in killed] == [
        (20, "command_statement", False),
        (25, "monitor", True),
    ]
    assert body[killed[0]["start"] : killed[0]["end"]].startswith("قالت القيادة المركزية")
    assert killed[0]["mention_id"] == f"art:C{body.index('20')}-{body.index('20') + 2}"
    partner = {s["value"]: s["source"] for s in said if s["attribute"] == "partner"}
    # "وأضافت" goes on quoting the command; the joint cue is the monitor's.
    assert partner == {"unilateral": "command_statement", "joint": "monitor"}


def test_a_toll_in_the_lead_before_the_operation_word_belongs_to_the_main_event():
    body, said = _statements([
        ("ارتفعت حصيلة القتلى في السويداء إلى ",),
        ("250", "COUNT", "250", {"count_kind": "killed", "approximate": True, "approximator": "نحو"}),
        (" قتيلا. وكان التنظيم قد شن هجوما بتفجير انتحاري أدى إلى مقتل ",),
        ("20", "COUNT", "20", {"count_kind": "killed", "approximate": False}),
        (" شخصا.",),
    ])  # fmt: skip
    killed = [(s["value"], s["revised"], s["approximator"]) for s in said if s["attribute"] == "killed"]
    assert killed == [(250, True, "نحو"), (20, False, None)]


def test_no_group_claimed_yet_is_a_responsibility_statement_without_a_group():
    _, said = _statements([
        ("قتل 12 شخصا في تفجير سيارة مفخخة في السوق. ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن.",),
    ])  # fmt: skip
    claims = [(s["value"], s["stance"]) for s in said if s["attribute"] == "responsibility"]
    assert claims == [(None, "unclaimed")]


def test_adopting_a_text_or_claiming_some_of_a_series_is_no_claim_of_the_act():
    isis = ("تنظيم الدولة الإسلامية", "ORG", None, {"ref_id": "isis", "org_kind": "armed_group"})
    _, said = _statements([("قتل 12 شخصا في تفجير سيارة مفخخة في السوق. وتبنى ",), isis, (" الهجوم.",)])
    assert [(s["value"], s["stance"]) for s in said if s["attribute"] == "responsibility"] == [("isis", "claimed")]
    council = ("مجلس الأمن", "ORG", None, {"ref_id": "un_security_council", "org_kind": "international"})
    _, said = _statements([("قتل 12 شخصا في تفجير سيارة مفخخة في السوق. وتبنى ",), council, (" قرارا يدين الهجوم.",)])
    assert [s for s in said if s["attribute"] == "responsibility"] == []
    _, said = _statements([("قتل 12 شخصا في تفجير سيارة مفخخة في السوق. وشهدت البلاد أربعة اعتداءات تبنى ",), isis,
                           (" مسؤوليته عن اثنين منها.",)])  # fmt: skip
    assert [s for s in said if s["attribute"] == "responsibility"] == []
    # an outlet in a dateline never claims the attack; the group after the verb does
    cnn = ("CNN", "ORG", None, {"ref_id": "cnn", "org_kind": "broadcaster"})
    _, said = _statements([("قتل 12 شخصا في تفجير سيارة مفخخة في السوق. أتلانتا (",), cnn, (")-- تبنى ",), isis,
                           (" الهجوم.",)])  # fmt: skip
    assert [(s["value"], s["stance"]) for s in said if s["attribute"] == "responsibility"] == [("isis", "claimed")]


def test_a_place_statement_carries_the_kind_the_text_calls_the_place_by():
    _, said = _statements([
        ("قتل 12 شخصا في غارة جوية على مدينة ",),
        ("حجة", "LOC", None, {"ref_id": "gn-75337", "place_kind": "town", "class_noun_kind": "city",
                             "admin1": "ye-hajjah", "country": "ye", "as_where": True}),
        (" مساء الأحد.",),
    ])  # fmt: skip
    (place,) = [s for s in said if s["attribute"] == "place"]
    assert (place["ref_id"], place["place_kind"], place["class_noun_kind"]) == ("gn-75337", "town", "city")


JAD = ("جماعة أنصار الدولة", "ORG", None, {"ref_id": "jamaah_ansharut_daulah", "org_kind": "armed_group", "country": "id"})
JAT = ("جماعة أنصار التوحيد", "ORG", None, {"ref_id": "ansar_al_tawhid", "org_kind": "armed_group"})
IS = ("تنظيم الدولة الإسلامية", "ORG", None, {"ref_id": "isis", "org_kind": "armed_group"})
POLICE = ("الشرطة الإندونيسية", "ORG", None, {"ref_id": None, "org_kind": "police"})
ARMY = ("الجيش الإندونيسي", "ORG", None, {"ref_id": "indonesian_army", "org_kind": "military", "country": "id"})
LEAD = ("قتل 13 شخصا في تفجيرات استهدفت ثلاث كنائس في مدينة سورابايا صباح الأحد. ",)


def _doers(pieces: list[tuple]) -> list[tuple]:
    _, said = _statements([LEAD, *pieces])
    return [(s["value"], s["how"], s["links"]) for s in said if s["attribute"] == "actor"]


def test_a_doer_carries_the_type_of_the_act_its_verb_governs():
    _, said = _statements([LEAD, ("وقال مسؤول إن ",), JAT, (" تقف وراء الهجمات.",)])
    assert [(s["act"], s["act_text"]) for s in said if s["attribute"] == "actor"] == [("attack", "الهجمات")]


def test_the_doer_is_the_subject_of_the_clause_the_verb_of_doing_ends_not_whom_it_follows():
    assert _doers([("وقال مسؤول في ",), ARMY, (" إن ",), JAT, ("، الموالية لما يعرف ب",), IS,
                   ("، تقف وراء الهجمات المتزامنة.",)]) == [("ansar_al_tawhid", "behind", ["isis"])]  # fmt: skip
    assert _doers([("وأعلنت ",), POLICE, (" أن عائلة انتحارية مرتبطة بشبكة ",), JAD, (" التي تبايع ",), IS,
                   ("، قامت بتنفيذ الاعتداء.",)]) == [("jamaah_ansharut_daulah", "carried_out", ["isis"])]  # fmt: skip
    # the name right after the verb, or the one the relative pronoun stands for
    assert _doers([("وأضاف أن الهجوم الذي نفذه ",), JAD, (" هو الأعنف.",)]) == [("jamaah_ansharut_daulah", "carried_out", [])]
    # كان is no clause opener (ك + ان): the clause is the sentence's, and its first name the doer
    assert _doers([("وقالت الشرطة إن أفراد ",), JAD, (" كانوا قد نفذوا الهجمات.",)]) == [
        ("jamaah_ansharut_daulah", "carried_out", [])
    ]
    assert _doers([("وقال الشهود إن ",), JAD, (" التي نفذت الهجوم معروفة.",)]) == [
        ("jamaah_ansharut_daulah", "carried_out", [])
    ]


def test_no_doer_when_the_sentence_names_none_denies_it_doubts_it_or_names_no_act():
    # the forces that did it are not the ministry that will not comment on them
    assert _doers([("ورفض ",), ARMY, (" التعليق على القوات التي نفذت الهجوم.",)]) == []
    # denied, negated, in doubt
    assert _doers([("ونفت ",), POLICE, (" أن تكون ",), JAD, (" تقف وراء الهجمات.",)]) == []
    assert _doers([("وقال الخبراء إن ",), JAD, (" لا تقف وراء الهجمات.",)]) == []
    assert _doers([("ولم يتضح ما إذا كانت ",), JAD, (" تقف وراء الهجمات.",)]) == []
    # behind no act: funding, a purchase
    assert _doers([("وقال الخبراء إن ",), JAD, (" تقف وراء تمويل الجماعات المتشددة في البلاد.",)]) == []
    # another act told between the name and the verb: the army is the target
    assert _doers([("وقال الشهود إن المسلحين الذين هاجموا مقر ",), ARMY, (" نفذوا التفجيرات أيضا.",)]) == []
    # a clause whose first name comes late is not the name's
    assert _doers([("وقالت المصادر إن مجموعة من الشبان المتشددين العائدين من القتال في ",), JAD,
                   (" تقف وراء الهجمات.",)]) == []  # fmt: skip
    # a verb opening a clause of its own: its subject is not the name before it
    assert _doers([("ونجحت القوات في إفشال محاولة تسلل ل",), JAD, ("، ونفذت هجوما معاكسا على مواقعها.",)]) == []
    # the group the pronoun stands for is unnamed, not the body that speaks of it
    assert _doers([("ولم يكشف ",), ARMY, (" عن الجماعة التي قال إنها نفذت الهجوم.",)]) == []


def test_the_accused_is_the_name_right_before_the_charge_not_the_accuser():
    assert _doers([("واتهمت ",), ARMY, (" حينها ",), JAD, (" بالمسؤولية عن الهجمات.",)]) == [
        ("jamaah_ansharut_daulah", "accused", [])
    ]
    assert _doers([("واتهمت مصادر محلية ",), JAD, (" بتنفيذ التفجيرات.",)]) == [("jamaah_ansharut_daulah", "accused", [])]
    # no charge of the act, or the accuser alone
    assert _doers([("واتهمت ",), ARMY, (" الحكومة بالتقصير في حماية الكنائس.",)]) == []
    assert _doers([("واتهم ",), JAD, (" السلطات بتلفيق التهم لأعضائها.",)]) == []



def test_a_doer_refraining_threatening_or_trying_and_the_noun_shn_without_its_doer_after_it():
    assert _doers([("وعادة يمتنع ",), ARMY, (" عن شن غارات على الكنائس.",)]) == []
    assert _doers([("وقال إن ",), JAD, (" لن تنفذ هجمات جديدة.",)]) == []
    # شن as a noun: whom the clause opens with attributes it to another
    assert _doers([("ونسبت ",), ARMY, (" إلى الجماعة شن الهجمات.",)]) == []
    assert _doers([("وجاء ذلك إثر شن ",), JAD, (" هجمات على الكنائس.",)]) == [("jamaah_ansharut_daulah", "carried_out", [])]


def test_a_count_carries_the_dates_its_sentence_writes_out():
    _, said = _statements([
        ("قتل ",),
        ("12", "COUNT", "12", {"count_kind": "killed", "approximate": False}),
        (" شخصا في غارة جوية على ",),
        ("إدلب", "LOC", None, {"ref_id": "sy-idlib", "place_kind": "admin1"}),
        (" ",),
        ("في 24 يوليو 2018", "DATE", "2018-07-24", {"method": "absolute"}),
        (". وارتفعت ",),
        ("الخميس", "DATE", "2018-07-26", {"method": "relative_to_published", "weekday": 3}),
        (" حصيلة قتلى الغارة إلى ",),
        ("15", "COUNT", "15", {"count_kind": "killed", "approximate": False}),
        (" شخصا.",),
    ])  # fmt: skip
    dated = {s["value"]: s.get("dated") for s in said if s["attribute"] == "killed"}
    assert dated == {12: ["2018-07-24"], 15: None}
    assert [s.get("dated") for s in said if s["attribute"] == "place"] == [["2018-07-24"]]


def test_a_region_right_after_a_place_says_where_that_place_lies():
    _, said = _statements([
        ("قتل 5 أشخاص في غارة جوية على ",),
        ("محافظة إدلب", "LOC", None, {"ref_id": "sy-idlib", "place_kind": "admin1"}),
        (" ب",),
        ("شمال سوريا", "LOC", None, {"ref_id": "sy", "region": "north", "country": "sy", "place_kind": "region"}),
        (" وفي ",),
        ("جنوب سوريا", "LOC", None, {"ref_id": "sy", "region": "south", "country": "sy", "place_kind": "region"}),
        (".",),
    ])  # fmt: skip
    regions = {s["value"]: s.get("of_place") for s in said if s["attribute"] == "region"}
    assert regions == {"north": "sy-idlib", "south": None}


def test_a_claim_told_with_its_pronoun_or_in_the_present_is_none_and_an_attacker_s_allegiance():
    isis = ("تنظيم الدولة الإسلامية", "ORG", None, {"ref_id": "isis", "org_kind": "armed_group"})
    lead = ("قتل أربعة أشخاص في هجوم على متجر في بلدة صغيرة. ",)

    def stances(*pieces):
        _, said = _statements([lead, *pieces])
        return [(s["value"], s["stance"]) for s in said if s["attribute"] == "responsibility"]

    # a claim in a relative clause describes a cited act as often as the story's ("هجوم انتحاري مزدوج في كابول
    # تبناه تنظيم الدولة الاثنين" in a story of Kandahar's): not read
    assert stances(("وهو الهجوم الذي تبناه ",), isis, (" مساء الجمعة.",)) == []
    # the present tense adopts ideas more often than it claims an act ("شخص يتبنى فكر التنظيم")
    assert stances(("وقالت الشرطة إن المهاجم شخص يتبنى فكر ",), isis, (".",)) == []
    assert stances(("ولم تتبنى أي جهة الهجوم.",)) == [(None, "unclaimed")]
    # the attacker's own word: he belongs to the group, or pledged it allegiance
    assert stances(("وقالت النيابة إن المهاجم قال إنه ينتمي إلى ",), isis, (".",)) == [("isis", "allegiance")]
    assert stances(("وكان المهاجم قد أعلن مبايعته ل",), isis, (" قبل الهجوم.",)) == [("isis", "allegiance")]
    # the one he belongs to is named right after the word, not the body speaking before it
    police = ("الشرطة", "ORG", None, {"ref_id": None, "org_kind": "police"})
    assert stances(("وقالت ",), police, (" إن المهاجم قال إنه ينتمي إلى عائلة معروفة.",)) == []
    # no one's own word: whose members the dead are
    assert stances(("وكان بين القتلى ثلاثة عناصر ينتمون إلى ",), isis, (".",)) == []


IRAN = ("إيران", "LOC", None, {"ref_id": "ir", "place_kind": "country", "country": "ir", "as_where": False})
ISRAEL = ("إسرائيل", "LOC", None, {"ref_id": "il", "place_kind": "country", "country": "il", "as_where": False})
GOLAN = ("أطلقت صواريخ على مواقع عسكرية في الجولان فجر الخميس. ",)


def test_a_denial_of_doing_it_names_the_denier_right_after_the_verb_and_what_it_denies_after_the_name():
    def denials(*pieces):
        _, said = _statements([GOLAN, *pieces])
        return [(s["value"], s["stance"], s.get("kind")) for s in said if s["attribute"] == "responsibility"]

    assert denials(("ونفت ",), IRAN, (" أن تكون قد أطلقت أي صواريخ من سوريا.",)) == [("ir", "denied", "country")]
    assert denials(("ونفى ",), JAD, (" أي علاقة له بالهجوم.",)) == [("jamaah_ansharut_daulah", "denied", "org")]
    # a denial of something else, or no name right after the verb
    assert denials(("ونفت ",), IRAN, (" أن تكون الأسعار قد ارتفعت.",)) == []
    assert denials(("ونفى مسؤول في ",), ARMY, (" أن يكون الهجوم قد وقع.",)) == []


COALITION = ("التحالف بقيادة السعودية", "ORG", None, {"ref_id": "saudi_coalition", "org_kind": "coalition"})
SAADA = ("قتل 20 شخصا في غارة على سوق في صعدة الخميس. ",)


def test_a_party_calling_its_act_lawful_or_admitting_errors_in_it():
    def stances(*pieces):
        _, said = _statements([SAADA, *pieces])
        return [(s["value"], s["stance"]) for s in said if s["attribute"] == "responsibility"]

    assert stances(("وأكد ",), COALITION, (' أنه قام بـ"عمل عسكري مشروع".',)) == [("saudi_coalition", "justified")]
    # the party that speaks is named before the words, the one struck after them
    houthis = ("الحوثيين", "ORG", None, {"ref_id": "houthis", "org_kind": "armed_group", "country": "ye"})
    assert stances(("ووصف ",), COALITION, (' الغارة بأنها "عمل عسكري مشروع" ضد ',), houthis, (".",)) == [
        ("saudi_coalition", "justified")
    ]
    assert stances(("وأقر ",), COALITION, (' بارتكاب "أخطاء" في الغارة.',)) == [("saudi_coalition", "admitted")]
    assert stances(("واعترف ",), COALITION, (" بالخطأ في الغارة على السوق.",)) == [("saudi_coalition", "admitted")]
    # an accusation of errors, an admission of something other than an act, a law passed: no stance
    assert stances(("واتهمت المنظمة ",), COALITION, (" بارتكاب أخطاء في الغارة.",)) == []
    assert stances(("واعترف ",), COALITION, (" بالخطأ في إدارة المفاوضات.",)) == []
    assert stances(("وأقر ",), COALITION, (" خطة جديدة.",)) == []


def test_how_much_of_a_place_a_capture_took():
    airport = ("مطار الحديدة", "LOC", None, {"ref_id": "ye-hodeidah-airport", "place_kind": "airport", "country": "ye"})
    lead = ("سيطرت القوات الحكومية على ",)

    def control(*pieces):
        _, said = _statements([lead, airport, (" الثلاثاء. ",), *pieces])
        return [(s["value"], s["places"]) for s in said if s["attribute"] == "control"]

    assert control(("وفرضت القوات سيطرتها الكاملة على ",), airport, (".",)) == [
        ("full", ["ye-hodeidah-airport"])
    ]
    assert control(("وسيطرت القوات على أجزاء واسعة من المطار بينما ظل المطار المدني خارج سيطرتها.",)) == [
        ("partial", []), ("partial", [])
    ]
    # denied or in doubt: no control stated; the areas a government never held are not this capture's
    assert control(("ولم تفرض القوات سيطرتها الكاملة على ",), airport, (".",)) == []
    assert control(("وتقع المدينة خارج سيطرة الحكومة منذ 2014.",)) == []
    # a part no word of capture took
    assert control(("وتتنازع الدول على السيادة على أجزاء من البحر.",)) == []


def test_a_charge_naming_the_act_itself_accuses():
    _, said = _statements([GOLAN, ("واتهمت ",), ISRAEL, (" للمرة الأولى ",), IRAN, (" باستهدافها من سوريا.",)])
    assert [(s["value"], s["how"], s["act_text"]) for s in said if s["attribute"] == "actor"] == [
        ("ir", "accused", "باستهدافها")
    ]


HAMAS = ("حماس", "ORG", None, {"ref_id": "hamas", "org_kind": "armed_group", "country": "ps"})
IDF = ("الجيش الإسرائيلي", "ORG", None, {"ref_id": "idf", "org_kind": "military", "country": "il"})
GAZA = ("قتل 41 فلسطينيا في مواجهات على حدود قطاع غزة الاثنين. ",)


def _gaza_doers(*pieces):
    _, said = _statements([GAZA, *pieces])
    return [(s["value"], s["how"], s["dead"]) for s in said if s["attribute"] == "actor"]


def test_a_party_held_responsible_for_the_dead_is_a_doer_blamed():
    assert _gaza_doers(("وقال البيت الأبيض إن ",), HAMAS, (" تتحمل مسؤولية مقتل الفلسطينيين.",)) == [
        ("hamas", "blamed", True)
    ]
    assert _gaza_doers(("وحملت ",), IDF, (" حركة ",), HAMAS, (" المسؤولية عن مقتل المتظاهرين.",)) == [
        ("hamas", "accused", True)
    ]
    # bearing the consequences of a course, or a responsibility to protect, names no act
    assert _gaza_doers(("وقال إن ",), HAMAS, (" تتحمل المسؤولية كاملة عن عواقب تصرفاتها.",)) == []
    assert _gaza_doers(("وقال إن ",), IDF, (" يتحمل مسؤولية حماية المدنيين.",)) == []
    # denied or negated
    assert _gaza_doers(("وقال إن ",), HAMAS, (" لا تتحمل مسؤولية مقتل الفلسطينيين.",)) == []


def test_whose_fire_killed_them_is_the_name_right_after_the_word_of_fire():
    assert _gaza_doers(("وقتل 40 فلسطينيا وأصيب 1700 برصاص ",), IDF, (" على الحدود.",)) == [("idf", "carried_out", True)]
    # no dead told before it: the fire is the act
    _, said = _statements([GAZA, ("وأصيب ثلاثة صحافيين برصاص ",), IDF, (".",)])
    assert [(s["value"], s["act"], s["dead"]) for s in said if s["attribute"] == "actor"] == [("idf", "shooting", False)]
    # no name right after it
    assert _gaza_doers(("وقتل 40 فلسطينيا برصاص قناصة على الحدود.",)) == []


def _targets(*pieces):
    _, said = _statements([("أطلق الحوثيون سبعة صواريخ باليستية على السعودية مساء الأحد. ",), *pieces])
    return [(s["value"], s["text"]) for s in said if s["attribute"] == "target"]


def test_what_a_party_says_was_targeted_is_the_kind_named_right_after_the_word_of_targeting():
    assert _targets(("وقالت وكالة سبأ إن الصاروخ استهدف مطار الملك خالد في الرياض.",)) == [("airport", "مطار")]
    assert _targets(("وقال المتحدث إن الصواريخ أطلقت لاستهداف المناطق المدنية والآهلة بالسكان.",)) == [
        ("civilian", "المناطق المدنية")
    ]
    assert _targets(("وقال التحالف إن الغارات استهدفت مواقع عسكرية للحوثيين.",)) == [("military", "مواقع عسكرية")]
    # negated or avoided
    assert _targets(("وقال التحالف إنه لا يستهدف المدنيين.",)) == []
    assert _targets(("ودعا إلى حماية المدنيين وعدم استهداف المدنيين.",)) == []
    # another act's target: the one answered, or the one done by those now struck
    assert _targets(("وقال التحالف إن الغارة جاءت ردا على إطلاق الصواريخ واستهداف المدنيين في جازان.",)) == []
    assert _targets(("واستهدفت الغارة العناصر التي خططت ونفذت استهداف المدنيين في جازان.",)) == []
    # a target named further on is no kind of target said
    assert _targets(("وقال إن الصاروخ استهدف بشكل مباشر مطار الملك خالد.",)) == []


def test_a_vehicle_struck_is_of_the_kind_of_people_it_carried_and_fighters_are_a_military_target():
    assert _targets(("وقالت المنظمة إن قصفا استهدف حافلة تقل أطفالا في السوق.",)) == [("civilian", "أطفالا")]
    assert _targets(("وأفاد الهلال الأحمر بأن عشرات قتلوا في الهجوم على الحافلة التي كانت تقل تلاميذ.",)) == [
        ("civilian", "تلاميذ")
    ]
    assert _targets(("وقال المتحدث إن الغارة على سيارة كانت تحمل \"المقاتلين\" أصابت هدفها.",)) == [
        ("military", "المقاتلين")
    ]
    assert _targets(("وأكد المتحدث أن الغارات استهدفت العناصر الحوثية في صعدة.",)) == [("military", "العناصر")]
    # a place of civilian life struck is a civilian target
    assert _targets(("وقال المرصد إن الغارة استهدفت المستشفى الرئيسي في المدينة.",)) == [("civilian", "المستشفى")]
    assert _targets(("وقالت مصادر محلية إن الغارات استهدفت حفل زفاف في القرية.",)) == [("civilian", "حفل زفاف")]
    # a vehicle whose passengers are not told, or a carrying with no vehicle struck, says no kind; nor does an
    # act named by where it fell
    assert _targets(("وقال الجيش إنه يرفض التعليق على الغارة على مطار التيفور.",)) == []
    assert _targets(("وقال المتحدث إن الغارة استهدفت حافلة في صعدة.",)) == []
    assert _targets(("وقال المتحدث إن حافلات تقل مسلحين غادرت المدينة.",)) == []
    # the two leaders responsible for targeting civilians did it; they were not what was targeted
    assert _targets(("وقال المصدر إن من بين القتلى القياديان المسؤولان عن إطلاق الصواريخ واستهداف المدنيين.",)) == []


def test_a_target_told_by_someone_the_claim_categories_do_not_know_is_credited():
    def target(sentence):
        _, said = _statements([("أطلق الحوثيون سبعة صواريخ باليستية على السعودية مساء الأحد. ",), (sentence,)])
        (target,) = [s for s in said if s["attribute"] == "target"]
        return target["source"], target.get("credited")

    assert target("قالت المنظمة إن قصفا استهدف حافلة تقل أطفالا في صعدة.") == (None, True)
    assert target("وقتل 20 في غارة استهدفت حافلة تقل أطفالا في صعدة.") == (None, None)



def test_a_claim_whose_responsibility_is_told_after_the_claimant_and_more_words():
    isis = ("تنظيم داعش", "ORG", None, {"ref_id": "isis", "org_kind": "armed_group"})
    lead = ("قتل أربعة أشخاص في هجوم على متجر في بلدة صغيرة. ",)

    def stances(*pieces):
        _, said = _statements([lead, *pieces])
        return [(s["value"], s["stance"]) for s in said if s["attribute"] == "responsibility"]

    assert stances(("وأعلن ",), isis, ("، في بيان نشرته مواقع موالية له، مسؤوليته عن الهجوم.",)) == [("isis", "claimed")]
    assert stances(("وقال المهاجم إنه من ",), isis, (" الذي أعلن بعيد ذلك مسؤوليته عن الهجوم.",)) == [
        ("isis", "claimed")
    ]
    assert stances(('وأعلن تنظيم "',), ("الدولة الإسلامية", "ORG", None, {"ref_id": "isis", "org_kind": "armed_group"}),
                   ('" مسؤوليته عن ذلك الهجوم.',)) == [("isis", "claimed")]  # fmt: skip
    # the claimant unnamed: not the target or the outlet the sentence names, nor whom it follows
    assert stances(("وأعلن فرع ",), ("القاعدة", "ORG", None, {"ref_id": "al_qaeda", "org_kind": "armed_group"}),
                   (" في مالي مساء السبت مسؤوليته عن الهجوم.",)) == []  # fmt: skip
    embassy = ("السفارة الفرنسية", "ORG", None, {"ref_id": None, "org_kind": "embassy"})
    assert stances(("وأعلنت جماعة مسلحة مساء السبت مسؤوليتها عن الهجوم على ",), embassy, (".",)) == []
    # some of a series, no act after the responsibility, or negated: no claim
    assert stances(("وأعلن ",), isis, (" مسؤوليته عن عدد من هذه الهجمات.",)) == []
    assert stances(("وأعلن ",), isis, ("، في بيان، مسؤوليته عن حماية السكان.",)) == []
    assert stances(("ولم يعلن ",), isis, (" حتى الآن مسؤوليته عن الهجوم.",)) == []



MANBIJ = ("منبج", "LOC", None, {"ref_id": "sy-manbij", "place_kind": "city"})


def _date_statement(pieces: list[tuple]) -> dict:
    _, said = _statements(pieces)
    (stated,) = [s for s in said if s["attribute"] == "date"]
    return stated


def _weekday(words: str, value: str) -> tuple:
    return (words, "DATE", value, {"method": "relative_to_published", "form": "weekday"})


def test_a_weekday_right_after_the_act_word_dates_the_act_one_after_other_words_does_not():
    taken = _date_statement([("وكانت القوات الحكومية سيطرت ",), _weekday("الثلاثاء", "2018-07-24"),
                             (" على مدينة ",), MANBIJ, (" بعد معارك عنيفة.",)])  # fmt: skip
    assert (taken["form"], taken.get("on_act")) == ("weekday", True)
    killed = _date_statement([("قتل، ",), _weekday("الأحد", "2018-07-22"), ("، 7 جنود في هجوم على حاجز للجيش.",)])
    assert killed.get("on_act") is True
    # the day the news was at odds, not the day of the capture
    news = _date_statement([("تضاربت الأنباء ",), _weekday("الأربعاء", "2018-07-25"),
                            (" حول سيطرة القوات الحكومية على مدينة ",), MANBIJ, (".",)])  # fmt: skip
    assert "on_act" not in news


def test_a_running_total_of_a_side_s_dead_soldiers_is_no_toll_of_the_event():
    _, said = _statements([
        ("أدت غارة جوية على القرية إلى مقتل ",),
        ("5", "COUNT", "5", {"count_kind": "killed", "approximate": False, "subject": "أشخاص"}),
        (" أشخاص. وقال المرصد السوري إن ",),
        ("78", "COUNT", "78", {"count_kind": "killed", "approximate": False, "subject": "جنود", "nationality": "TR",
                               "cumulative": True}),
        (" جنديا تركيا قتلوا منذ بدء العملية. كما أعلن الجيش التركي حتى الآن عن مقتل ",),
        ("46", "COUNT", "46", {"count_kind": "killed", "approximate": False, "subject": "جنود", "nationality": "TR",
                               "cumulative": True, "told_by_side": True}),
        (" من جنوده.",),
    ])  # fmt: skip
    assert [s["value"] for s in said if s["attribute"] == "killed"] == [5]
    campaign = [(s["value"], s["nationality"], s["counter"]) for s in said if s["attribute"] == "campaign_killed"]
    assert campaign == [(78, "TR", "monitor"), (46, "TR", "side")]
