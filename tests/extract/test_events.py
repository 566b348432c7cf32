import json
from datetime import date

import polars as pl

from tahqiq import warehouse
from tahqiq.dates.values import month_day_bounds
from tahqiq.extract import extract_article
from tahqiq.extract.events import find_event_frames
from tahqiq.extract.mention import Mention, mention_id
from tahqiq.reconcile.events import cluster_frames, prepare_frames
from tahqiq.text.normalize import normalize, normalize_text


class Text:
    """An article built piece by piece so that mention offsets are right by construction."""

    def __init__(self) -> None:
        self.body, self.mentions = "", []

    def add(
        self, words: str, entity_type: str | None = None, value: str | None = None, **attrs
    ) -> Mention | None:
        start = len(self.body)
        self.body += words
        if entity_type is None:
            return None
        m = Mention(entity_type, start, len(self.body), words, normalize_text(words), value, attrs)
        self.mentions.append(m)
        return m


def frames_of(text: Text, published=date(2024, 3, 10)):
    return find_event_frames(normalize(text.body), text.mentions, published, "art")


def test_main_strike_with_background_killing_months_earlier():
    t = Text()
    t.add("أعلنت القيادة في بيان ")
    t.add("أمس", "DATE", "2024-03-09", precision="day", method="relative_to_published")
    t.add(" أن طائرة مسيرة قتلت القيادي ")
    target = t.add("سالم الديري", "PERSON")
    t.add(" في ")
    t.add("8 مارس", "DATE", "2024-03-08", precision="day", method="relative_to_published")
    t.add(" قرب ")
    t.add("قرية الكرامة", "LOC", ref_id="x-village", admin1="sy-raqqa", country="sy", latitude=35.9,
          longitude=39.1, place_kind="village")  # fmt: skip
    t.add(" بالتعاون مع ")
    t.add("قوات محلية", "ORG", ref_id="local", org_kind="armed_group")
    t.add(".\nيشار إلى أن غارة سابقة أدت إلى مقتل ")
    earlier = t.add("نادر الحلبي", "PERSON")
    t.add(" في ")
    t.add("أكتوبر 2023", "DATE", "2023-10", precision="month", method="absolute")
    t.add(".")
    frames = frames_of(t)
    assert len(frames) == 2
    main, background = frames
    assert main["is_background"] is False and background["is_background"] is True
    assert main["event_type"] == "drone_strike"
    assert main["reported_date"] == "2024-03-08"  # not the announcement's "yesterday"
    assert main["place_ref"] == "x-village" and main["admin1"] == "sy-raqqa"
    assert main["target_mentions"] == [mention_id("art", target)]
    assert main["target_roles"] == ["القيادي"]
    assert main["partner_claim"] == "joint" and main["partner_refs"] == ["local"]
    assert main["claim_source"] == "command_statement"
    assert main["frame_id"] == f"art:ev{main['trigger_start']}"
    assert background["reported_date"] == "2023-10"
    assert background["date_precision"] == "month"
    assert background["target_mentions"] == [mention_id("art", earlier)]


def test_a_speaker_is_not_a_target_and_unilateral_cue_is_read():
    t = Text()
    t.add("نفذت القوات غارة عبر مروحية في عملية أحادية أدت إلى مقتل ")
    target = t.add("فهد الجزراوي", "PERSON")
    t.add(". وقال الجنرال ")
    t.add("جون سميث", "PERSON", title="الجنرال", role="عسكري")
    t.add(" إن العملية ناجحة.")
    (frame,) = frames_of(t)
    assert frame["event_type"] == "helicopter_raid"
    assert frame["partner_claim"] == "unilateral"
    assert frame["target_mentions"] == [mention_id("art", target)]


def test_who_speaks_after_a_long_title_or_a_verb_of_stressing_is_not_a_target():
    for said in (". وقالت المتحدثة باسم وزارة الخارجية الأمريكية ", ". بدوره، شدد ", ". وأوصى "):
        t = Text()
        t.add("قتل 29 طفلا في غارة جوية على حافلة أدت إلى مقتل ")
        target = t.add("فهد الجزراوي", "PERSON")
        t.add(said)
        t.add("هيذر ناويرت", "PERSON")
        t.add(" على أن الغارة مقلقة.")
        (frame,) = frames_of(t)
        assert frame["target_mentions"] == [mention_id("art", target)], said


def test_whose_forces_on_whose_word_and_who_described_the_act_are_not_targets():
    cases = (
        ("قتل 5 جنود في هجوم على قوات الرئيس السوري ", "بشار الأسد", " قرب حماة."),
        ("قتل 5 جنود في هجوم على القوات الموالية لل", "أسد", " قرب حماة."),
        ("قتل 5 جنود في هجوم قرب حماة، بحسب ما قاله مدير المرصد ", "رامي عبد الرحمن", "."),
        ("قتل 5 جنود في هجوم تبناه داعش، فيما وصف الرئيس الفرنسي ", "إيمانويل ماكرون", " الحادث بأنه إرهابي."),
        ("قتل الأخ غير الشقيق لزعيم كوريا الشمالية ", "كيم جونغ أون", " في هجوم بغاز الأعصاب."),
        ("قتل أحد مسؤولي الحماية للرئيس ", "عبد ربه منصور هادي", " في هجوم."),
        ("قتل 5 جنود في هجوم قرب حماة. وكتب ", "دونالد ترامب", " على تويتر أن الهجوم مروع."),
        ("قتل 5 جنود في هجوم قرب حماة. ويقول ", "فيغيل", " إن المدينة تغيرت."),
        ("قتل 5 جنود في هجوم على القوات بقيادة ", "طارق صالح", " قرب المخا."),
        ("أسقطت الدفاعات طائرة مسيرة استهدفت المطار، وفقا للعقيد ", "تركي المالكي", "."),
    )
    for before, person, after in cases:
        targets, _ = _targets_around(before, person, after)
        assert targets == [], person
    # named in what a speaker said
    targets, victim = _targets_around("قالت الشرطة إن مقتل ", "جمال خاشقجي", " في هجوم داخل القنصلية مؤكد.")
    assert targets == [victim]
    # a commander of forces is his own man
    targets, commander = _targets_around("قتل 5 جنود في غارة استهدفت قائد قوات النخبة ", "أبو زيد مصبح", " قرب حماة.")
    assert targets == [commander]


def _targets_around(before: str, person: str, after: str) -> tuple[list[str], str]:
    """The targets of the one frame of a text naming one person, and that person's mention id."""
    t = Text()
    t.add(before)
    named = t.add(person, "PERSON")
    t.add(after)
    (frame,) = frames_of(t)
    return frame["target_mentions"], mention_id("art", named)


def test_an_act_told_as_coinciding_or_as_another_is_a_frame_of_its_own_unless_named_the_same():
    body = ("اعتقلت السلطات الباكستانية رئيس الوزراء السابق نواز شريف حال عودته إلى بلاده الجمعة. يأتي ذلك في وقت "
            "استهدف فيه اعتداءان الجمعة تجمعين انتخابيين في غرب البلاد موقعين نحو 90 قتيلا.")  # fmt: skip
    arrest, attacks = frames_read_from(body, date(2018, 7, 13))
    assert (arrest["event_type"], arrest["reported_killed"]) == ("arrest", None)
    assert (attacks["role"], attacks["reported_killed"]) == ("background", 90)
    body = ("قتل 3 جنود في هجوم على حاجز في درعا الجمعة. وفي هجوم آخر وقع في نهاية 2015 قتل 14 من الحرس.")
    (frame,) = frames_read_from(body, date(2018, 7, 13))
    assert frame["reported_killed"] == 3
    body = ("قتل 35 مقاتلا في هجوم شنه تنظيم داعش الأربعاء على نقطة جنوب غرب الميادين. ويأتي ذلك في وقت أعلنت "
            "وزارة الدفاع الروسية مقتل 4 جنود روس جراء الهجوم ذاته.")  # fmt: skip
    assert len(frames_read_from(body, date(2018, 5, 27))) == 1


def test_an_article_without_an_event_word_has_no_frame():
    t = Text()
    t.add("قال ")
    t.add("جون سميث", "PERSON")
    t.add(" إن الاجتماع كان مثمرا.")
    assert frames_of(t) == []


def test_national_region_phrase_is_kept_apart_from_a_governorate_countryside():
    t = Text()
    t.add("غارة جوية في ")
    t.add("شمال غرب سوريا", "LOC", ref_id="sy", country="sy", region="north-west", place_kind="region")
    t.add(" على ")
    t.add("ريف حلب الشرقي", "LOC", ref_id="sy-aleppo", admin1="sy-aleppo", country="sy", region="east",
          place_kind="region")  # fmt: skip
    (frame,) = frames_of(t)
    assert frame["region"] == "north-west"
    assert frame["admin1"] == "sy-aleppo"


def test_year_less_day_dates_the_main_event_and_a_year_elsewhere_does_not():
    t = Text()
    t.add("أعلن الجيش أن طائرة مسيرة قتلت القيادي ")
    t.add("خالد العتيبي", "PERSON")
    t.add(" في ")
    t.add("الثالث من مايو", "DATE", None, precision="day", method="unresolved", partial="--05-03")
    t.add(".\nوتراجع نفوذ التنظيم منذ ")
    t.add("عام 2017", "DATE", "2017", precision="year", method="absolute")
    t.add(" بعد قتل عدد من قادته.")
    frames = frames_of(t, published=None)
    main = frames[0]
    assert main["is_background"] is False
    assert main["reported_date"] is None and main["date_partial"] == "--05-03"
    assert main["date_precision"] == "day"
    assert all(f["reported_date"] != "2017" for f in frames)


def test_undated_main_keeps_no_date_from_a_past_month_cited_later():
    t = Text()
    t.add("قالت القيادة إن غارة نفذتها مروحية أدت إلى مقتل ")
    t.add("ياسر الحديدي", "PERSON")
    t.add(".\nوكان الحديدي مسؤولا عن اغتيال ضابط في ")
    t.add("20 سبتمبر الماضي", "DATE", None, precision="day", method="unresolved", partial="--09-20")
    t.add(".")
    main, background = frames_of(t, published=None)
    assert main["event_type"] == "helicopter_raid"
    assert main["reported_date"] is None and main["date_partial"] is None
    assert background["is_background"] is True
    assert background["date_partial"] == "--09-20"
    assert background["event_type"] == "attack"  # said how: an assassination, not an air strike


def test_type_comes_from_the_words_next_to_the_killing_and_a_later_drone_refines_it():
    t = Text()
    t.add("في عملية نوعية جديدة ضمن حملة طويلة على التنظيم في المنطقة الشرقية أعلن التحالف مقتل ")
    t.add("رامي الشمري", "PERSON")
    t.add(" بغارة جوية ")
    t.add("يوم 4 يونيو", "DATE", "2024-06-04", precision="day", method="relative_to_published")
    t.add(".\nونفذت الغارة ")
    t.add("طائرة من دون طيار", "WEAPON", kind="drone")
    t.add(" من طراز ")
    t.add("MQ-9", "WEAPON", kind="drone")
    t.add(".\nوفي ")
    t.add("منتصف فبراير الماضي", "DATE", "2024-02-11/2024-02-20", precision="interval")
    t.add(" نفذت القوات عملية إنزال جوي قرب المدينة أدت إلى مقتل ")
    t.add("عادل الراوي", "PERSON")
    t.add(".")
    main, background = frames_of(t, published=date(2024, 6, 6))
    assert main["event_type"] == "drone_strike"
    assert main["reported_date"] == "2024-06-04"
    assert background["event_type"] == "airdrop" and background["is_background"] is True


def test_operation_word_before_the_background_cue_belongs_to_the_main_event():
    t = Text()
    t.add("قتلت مروحية أمريكية القيادي ")
    t.add("مازن الدليمي", "PERSON")
    t.add(".\nوتعد الضربة الأخيرة ضمن سلسلة، إذ سبق أن قتل ")
    t.add("فراس العبيدي", "PERSON")
    t.add(" في ")
    t.add("مارس 2021", "DATE", "2021-03", precision="month", method="absolute")
    t.add(" ثم ")
    t.add("وليد الكبيسي", "PERSON")
    t.add(" في ")
    t.add("يونيو 2022", "DATE", "2022-06", precision="month", method="absolute")
    t.add(".")
    main, *backgrounds = frames_of(t)
    assert main["event_type"] == "helicopter_raid"
    assert [b["reported_date"] for b in backgrounds] == ["2021-03", "2022-06"]
    assert {b["event_type"] for b in backgrounds} == {"attack"}  # the default: the text names no method
    assert all(b["trigger"] != "الضربة" for b in backgrounds)


def test_year_less_day_clusters_with_the_same_month_day_only():
    frames = warehouse.conform(
        pl.DataFrame(
            [
                {
                    "frame_id": "a:ev1",
                    "article_id": "a",
                    "event_type": "drone_strike",
                    "date_partial": "--07-07",
                    "target_mentions": ["m1"],
                },
                {
                    "frame_id": "b:ev1",
                    "article_id": "b",
                    "event_type": "air_strike",
                    "reported_date": "2023-07-07",
                    "target_mentions": ["m2"],
                },
                {
                    "frame_id": "c:ev1",
                    "article_id": "c",
                    "event_type": "drone_strike",
                    "date_partial": "--03-01",
                    "target_mentions": ["m3"],
                },
            ],  # fmt: skip
            infer_schema_length=None,
        ),
        "event_frames",
    )
    targets = pl.DataFrame({"mention_id": ["m1", "m2", "m3"], "entity_id": ["p1", "p1", "p1"]})
    clusters = dict(cluster_frames(prepare_frames(frames, targets)).iter_rows())
    assert clusters["a:ev1"] == clusters["b:ev1"]
    assert clusters["c:ev1"] != clusters["a:ev1"]
    assert month_day_bounds("--02-29") == (60, 60) and month_day_bounds("--13") is None


def test_partner_named_only_in_a_contrast_or_denied_is_unilateral():
    t = Text()
    t.add("نفذت القوات غارة عبر مروحية منفردة، على خلاف عمليات سابقة جرت بالتنسيق مع ")
    t.add("قوات الأمن المحلية", "ORG")
    t.add(" وأدت إلى مقتل ")
    t.add("فهد الجزراوي", "PERSON")
    t.add(".")
    (frame,) = frames_of(t)
    assert frame["partner_claim"] == "unilateral"
    t = Text()
    t.add("نفذت القوات غارة عبر مروحية في عملية مشتركة مع ")
    t.add("قوات الأمن المحلية", "ORG")
    t.add(" أدت إلى مقتل ")
    t.add("فهد الجزراوي", "PERSON")
    t.add(".")
    (frame,) = frames_of(t)
    assert frame["partner_claim"] == "joint"


def test_responsible_for_is_not_a_role_but_a_military_official_is_a_commander():
    t = Text()
    t.add("نفذت القوات غارة عبر مروحية أدت إلى مقتل ")
    t.add("فهد الجزراوي", "PERSON")
    t.add(" المسؤول عن تفجيرات عدة.")
    (frame,) = frames_of(t)
    assert frame["target_roles"] == [None]
    t = Text()
    t.add("نفذت القوات غارة عبر مروحية أدت إلى مقتل ")
    t.add("فهد الجزراوي", "PERSON")
    t.add("، مسؤول العمليات العسكرية في التنظيم.")
    (frame,) = frames_of(t)
    assert frame["target_roles"] == ["مسؤول العمليات العسكرية"]


def test_a_war_wide_toll_is_not_the_events_casualty_count():
    from tahqiq.extract import extract_article
    from tahqiq.extract.events import find_event_frames
    from tahqiq.text.normalize import normalize

    nt = normalize("قالت مصادر محلية إن غارة جوية استهدفت بلدة سراقب يوم الاثنين، في حرب أسفرت عن "
                   "مقتل أكثر من 350 ألف شخص منذ عام 2011.")
    mentions = extract_article(nt, None)
    assert any(m.value == "350000" and m.attrs.get("count_kind") == "killed" for m in mentions)
    frames = find_event_frames(nt, mentions, None, "a1")
    assert frames and all(f["reported_killed"] is None for f in frames)


def _sentence(words: str, published=date(2024, 3, 10)) -> list[dict]:
    t = Text()
    t.add(words)
    return frames_of(t, published)


def test_a_threatened_or_planned_strike_is_no_event():
    assert _sentence("هدد الرئيس في تغريدة بشن ضربات جوية قاسية على مواقع الفصائل.") == []
    assert _sentence("قال المتحدث إن القوات ستشن غارات جوية على المدينة خلال أيام.") == []
    assert _sentence("وأكد أن أي ضربة جوية على المنشآت ستقابل برد حازم.") == []


def test_a_court_sentence_for_a_killing_is_no_event():
    assert _sentence("قضت محكمة الجنايات بالإعدام على رجل بتهمة قتل جاره عام 2007.") == []


def test_a_strike_the_article_asserts_is_an_event_and_a_denied_one_is_marked():
    (asserted,) = _sentence("قتل خمسة مسلحين في غارة جوية على قرية قرب الحدود.")
    assert asserted["modality"] == "asserted" and asserted["role"] == "main"
    (denied,) = _sentence("نفى الجيش أن تكون طائراته شنت غارة جوية على القرية وقتلت مدنيين.")
    assert denied["modality"] == "denied"
    (alleged,) = _sentence("اتهمت الحكومة التحالف بتنفيذ غارة جوية قتلت عشرة مدنيين.")
    assert alleged["modality"] == "alleged"


def test_a_word_that_only_looks_like_a_strike_is_none():
    assert _sentence("ضربه متظاهر بالبيض أمام البرلمان.") == []
    assert _sentence("ضربه بالبيض أحد المحتجين أمام البرلمان.") == []
    march = _sentence("قتل فلسطيني برصاص الجيش خلال مسيرة العودة قرب السياج.")
    assert [f["event_type"] for f in march] == ["shooting"]


def test_bare_masira_is_a_drone_only_beside_a_strike_word():
    (march,) = _sentence("انطلقت مسيرة في شوارع المدينة وقتل متظاهر برصاص الشرطة.")
    assert march["event_type"] == "shooting"
    (strike,) = _sentence("استهدفت مسيرة أمريكية سيارة قرب المدينة وقتلت قياديا.")
    assert strike["event_type"] == "drone_strike"


def test_types_follow_acled_sub_events():
    cases = {
        "قتل ثلاثة جنود بانفجار عبوة ناسفة على الطريق.": "remote_explosive",
        "فجر انتحاري حزاما ناسفا وقتل عشرين شخصا.": "suicide_bomb",
        "قتل طفلان بقذائف هاون سقطت على الحي.": "shelling",
        "قتل عشرة مقاتلين في اشتباكات بين الفصيلين.": "armed_clash",
        "قتل متظاهر برصاص قوات الأمن.": "shooting",
    }
    for words, expected in cases.items():
        assert _sentence(words)[0]["event_type"] == expected, words


def test_a_weekday_and_a_year_less_date_of_one_strike_fix_its_year():
    t = Text()
    t.add("قتلت غارة جوية قياديا في شرق سوريا ")
    t.add("يوم الجمعة الماضي", "DATE", None, precision="day", method="unresolved", weekday=4)
    t.add(". وقال مسؤول إن الضربة استهدفت سيارته في ")
    t.add("7 يوليو", "DATE", None, precision="day", method="unresolved", partial="--07-07")
    t.add(".\nوكان التنظيم قد خسر آخر معاقله ")
    t.add("عام 2019", "DATE", "2019", precision="year", method="absolute")
    t.add(".")
    main = frames_of(t, published=None)[0]
    assert main["date_partial"] == "--07-07"
    assert main["reported_date"] == "2023-07-07" and main["date_method"] == "weekday_and_day_month"


def test_an_undated_main_event_falls_in_the_days_up_to_publication():
    (frame,) = _sentence("قتل خمسة مسلحين في غارة جوية على قرية قرب الحدود.", date(2024, 3, 10))
    assert frame["reported_date"] == "2024-03-08/2024-03-10" and frame["date_method"] == "publication_window"


def test_a_place_outside_any_listed_division_still_gives_the_country():
    t = Text()
    t.add("قتل عشرة أشخاص في غارة جوية على ")
    t.add("مدينة بعيدة", "LOC", ref_id="gn-1", place_kind="city", country="xx", latitude=1.0, longitude=2.0)
    t.add(" في ")
    t.add("بلاد ما", "LOC", ref_id="xx", place_kind="country", country="xx")
    t.add(".")
    (frame,) = frames_of(t)
    assert frame["place_ref"] == "gn-1" and frame["country"] == "xx" and frame["admin1"] is None
    assert frame["place_precision"] == "city"


def test_an_event_word_with_the_article_is_the_same_trigger():
    (frame,) = _sentence("وقتل ثلاثة مدنيين في الغارة التي استهدفت السوق.")
    assert frame["event_type"] == "air_strike" and frame["trigger"] == "الغارة"


def test_a_counted_killing_is_an_event_even_when_no_word_says_how():
    t = Text()
    t.add("أعلنت الوزارة مقتل ")
    count = t.add("17", "COUNT", "17", count_kind="killed")
    t.add(" فلسطينيا قرب السياج بينهم ")
    t.add("3", "COUNT", "3", count_kind="killed")
    t.add(" أطفال.")
    (frame,) = frames_of(t)
    assert frame["event_type"] == "attack" and frame["reported_killed"] == 17
    assert frame["killed_mentions"] == [mention_id("art", count)]  # the count the figure came from
    assert _sentence("وتحدث التقرير عن مقتل الصحفي.") == []  # a killing no one counts opens nothing


def frames_read_from(body: str, published: date) -> list[dict]:
    """Frames the whole extractor finds in `body` (mentions and all)."""
    nt = normalize(body)
    return find_event_frames(nt, extract_article(nt, published), published, "art")


def test_an_exercise_or_a_test_acts_out_no_attack():
    day = date(2018, 9, 13)
    assert frames_read_from("أجرى الجيش الأربعاء تدريبات في الشرق الأقصى لمحاكاة التصدي لهجوم جوي على قواعده.", day) == []
    assert frames_read_from("وتضمن التمرين عمليات اقتحام للقرى وتطهيرها من المسلحين.", day) == []
    assert frames_read_from("عرضت روسيا الخميس مقطعا يظهر اختبار صاروخ باليستي قادر على إصابة أهدافه بدقة.", day) == []
    (strike,) = frames_read_from("قتل 3 مقاتلين في غارة جوية على معسكر تدريبات في ريف إدلب الأربعاء.", day)
    assert strike["event_type"] == "air_strike"  # a camp of drills struck is no drill


def test_an_act_warned_against_prevented_or_awaited_has_not_happened():
    day = date(2018, 4, 12)
    assert frames_read_from("حذرت روسيا الولايات المتحدة من تنفيذ ضربات جوية على سوريا.", day) == []
    assert frames_read_from("أطلقت الشرطة النار في الهواء لتفريق المتظاهرين ومنعهم من اقتحام مبنى المحافظة.", day) == []
    assert frames_read_from("وتناول الاجتماع ضربات جوية محتملة على سوريا.", day) == []
    assert frames_read_from("أصدرت الوكالة تحذيرا من ضربات جوية محتملة على سوريا خلال 72 ساعة.", day) == []
    assert frames_read_from("وتشير تقارير إلى أن الدول الغربية تجهز لضربات جوية على سوريا.", day) == []
    (strike,) = frames_read_from("حذرت الأمم المتحدة الأربعاء بعد أن قتلت غارة جوية 12 مدنيا في ريف إدلب.", day)
    assert strike["reported_killed"] == 12



def test_an_act_sought_or_refrained_from_is_none_but_an_operations_aim_stays():
    day = date(2018, 9, 12)
    assert frames_read_from("وقال إن الميليشيات تسعى للسيطرة على مدينة الحديدة.", day) == []
    assert frames_read_from("وعادة تمتنع إسرائيل عن شن غارات على لبنان خشية حرب جديدة.", day) == []
    # the aim of an operation may be the only word its launch is told by
    (offensive,) = frames_read_from("وكانت القوات بدأت الأربعاء هجوما واسعا بهدف اقتحام مدينة الحديدة.", day)
    assert offensive["event_type"] == "ground_raid"

def test_a_plot_is_no_act_and_a_charge_named_conspiracy_keeps_the_act_it_names():
    day = date(2018, 5, 18)
    assert frames_read_from("كشفت الشرطة البريطانية مؤامرة لتنفيذ هجوم بسيارة مفخخة في لندن.", day) == []
    plotted = frames_read_from("اعتقلت الشرطة رجلا الأحد بتهمة التخطيط لتفجير كنيسة في المدينة.", day)
    assert all(f["event_type"] == "arrest" for f in plotted)  # the arrest, not the bombing plotted
    (act,) = frames_read_from(
        'وجه القضاء الخميس تهمة "المشاركة في مؤامرة إجرامية إرهابية" لصديق لمرتكب اعتداء باريس الذي وقع في 12 أيار.\n'
        'وقال مصدر قضائي إنه تم الخميس توجيه اتهام "المشاركة في مؤامرة إجرامية إرهابية" إلى صديق مرتكب الاعتداء'
        " بالسكين الذي أوقع قتيلا السبت في باريس.",
        day,
    )
    assert act["reported_date"] == "2018-05-12"


def test_an_arrest_warrant_or_a_detention_going_on_is_no_arrest():
    day = date(2018, 8, 18)
    assert frames_read_from("أصدر قاض مذكرة اعتقال بحق الرئيس السابق مساء الخميس.", day) == []
    # the word of arrest inside the warrant is no arrest either, dated or not
    assert frames_read_from("كانت الشرطة في أربيل قد أصدرت مذكرة اعتقال بحقها بتهمة الإساءة إلى البيشمركة.", day) == []
    assert frames_read_from("وأمر زعيم الجماعة السبت باعتقال مشرفين في صفوفها.", day) == []
    assert frames_read_from("وفرضت واشنطن عقوبات على أنقرة بسبب استمرار اعتقال القس الأميركي أندرو برانسون.", day) == []
    assert frames_read_from("قال المتحدث إن الجماعة ما زال يسيطر على دوما وما حولها.", day) == []
    (arrest,) = frames_read_from("اعتقلت الشرطة الألمانية بويغدمون الأحد تنفيذا لمذكرة توقيف دولية أصدرتها إسبانيا.", day)
    assert arrest["event_type"] == "arrest"


def test_control_of_a_fire_or_of_a_situation_is_no_capture_and_a_crash_no_attack():
    day = date(2018, 3, 20)
    assert frames_read_from("استمرت حرائق الغابات في الخروج عن نطاق السيطرة في جنوب شرق البلاد الاثنين.", day) == []
    assert frames_read_from("تمكن رجال الإطفاء من السيطرة على الحريق الذي اندلع في مصنع بمدينة حلب الاثنين.", day) == []
    # a crash told by its verb is an accident, its dead no act's
    assert frames_read_from("تحطمت طائرة نقل عسكرية أثناء هبوطها في مطار قرب مدينة اللاذقية ومقتل 32 شخصا الثلاثاء.", day) == []
    (clash,) = frames_read_from("أعلن الجيش السيطرة على الوضع في المدينة بعد اشتباكات قتل فيها 4 مسلحين الاثنين.", day)
    assert clash["event_type"] == "armed_clash"
    (capture,) = frames_read_from("سيطرت القوات الحكومية على مدينة دوما الاثنين بعد معارك عنيفة.", day)
    assert capture["event_type"] == "territory_capture"


def test_a_period_tally_is_no_act_but_the_first_or_worst_of_a_period_is_one():
    day = date(2018, 5, 11)
    assert frames_read_from("وتسيطر فصائل المعارضة على إدلب منذ عام 2015.", day) == []
    assert frames_read_from("اعتقلت السلطات 67 شخصا خلال الأسابيع الماضية ضمن حملة ضد الفساد.", day) == []
    assert frames_read_from("وخلال الأشهر الماضية، شنت طائرات غارات على مواقع في سوريا.", day) == []
    (first,) = frames_read_from("قصفت مقاتلات بلدة في محافظة القنيطرة الخميس في أول هجوم من نوعه منذ عام 2017.", day)
    assert first["event_type"] == "air_strike"
    # a day's act told before the tally it adds to, in another clause, stays one
    (shelling,) = frames_read_from(
        "قتل 17 مدنيا الجمعة في قصف مدفعي على مخيم اليرموك، ما رفع عدد القتلى المدنيين منذ بدء الهجوم إلى 36.", day
    )
    assert shelling["event_type"] == "shelling" and shelling["reported_killed"] == 17


def test_an_accident_kills_in_no_attack_but_a_fire_set_on_purpose_is_one():
    day = date(2018, 3, 27)
    assert frames_read_from("قتل 64 شخصا الإثنين في حريق في مركز تسوق في سيبيريا.", day) == []
    assert frames_read_from("لقي عامل مصرعه إثر سقوطه من أعلى مبنى قيد الإنشاء في المدينة.", day) == []
    assert frames_read_from("أدى خروج قطار ركاب عن سكته الأحد إلى سقوط 10 قتلى و73 جريحا.", day) == []
    (arson,) = frames_read_from("قتل 12 شخصا في الحريق الذي أضرم عمدا في مقهى بالمدينة الإثنين.", day)
    assert arson["reported_killed"] == 12


def test_a_toll_makes_an_everyday_operation_word_an_event():
    body = "قالت الشرطة إن سيارة مفخخة انفجرت قرب القصر الرئاسي في العاصمة مما أوقع 18 قتيلا."
    frames = frames_read_from(body, date(2018, 2, 23))
    assert [(f["role"], f["event_type"]) for f in frames] == [("main", "remote_explosive")]


def test_the_day_a_source_spoke_does_not_date_the_event_it_reports():
    body = "أفاد المرصد الخميس أن حصيلة الهجمات الانتحارية التي شهدتها المدينة صباح الأربعاء بلغت 252 قتيلا."
    (frame,) = frames_read_from(body, date(2018, 7, 26))  # a Thursday
    assert frame["reported_date"] == "2018-07-25"


def test_a_later_sentence_naming_the_act_again_dates_it():
    body = ("قتل جندي في انفجار عبوة ناسفة في سوريا. "
            "وقال المسؤولون إن الانفجار وقع أمس الخميس قرب مدينة منبج.")  # fmt: skip
    (frame,) = frames_read_from(body, date(2018, 3, 30))  # a Friday
    assert frame["reported_date"] == "2018-03-29"


def test_deaths_in_an_accident_are_no_event():
    body = "قتل سبعة جنود لقوا حتفهم في تحطم طائرة هليكوبتر في العراق هذا الشهر."
    assert frames_read_from(body, date(2018, 3, 30)) == []


def test_the_start_of_a_period_dates_no_act():
    body = ("قتل 12 مدنيا في غارات جوية على الغوطة الشرقية اليوم. "
            "وارتفع عدد القتلى منذ 18 فبراير إلى أكثر من 1000 بحسب المرصد.")  # fmt: skip
    (frame,) = frames_read_from(body, date(2018, 3, 10))
    assert frame["reported_date"] == "2018-03-10"


def test_the_killing_of_a_named_person_and_the_capture_of_a_named_place_are_events():
    killing = frames_read_from("قال مستشار للرئيس إن الصحفي جمال خاشقجي قتل في القنصلية في إسطنبول.", date(2018, 10, 7))
    assert [(f["role"], f["event_type"]) for f in killing] == [("main", "attack")]
    capture = frames_read_from("أعلنت القوات السيطرة الكاملة على مدينة عفرين السورية.", date(2018, 3, 18))
    assert [f["event_type"] for f in capture] == ["territory_capture"]
    capture = frames_read_from("وأعلنت المدينة الحداد بعدما سيطرت القوات التركية وحلفاؤها على عفرين.", date(2018, 3, 19))
    assert [f["event_type"] for f in capture] == ["territory_capture"]
    assert frames_read_from("قال المدرب إن فريقه سيطر على مجريات المباراة.", date(2018, 3, 18)) == []


def test_the_day_a_campaign_began_dates_no_act_of_it():
    body = "قتل 40 فلسطينيا برصاص الجيش الإسرائيلي ليرتفع عدد قتلى المسيرة التي انطلقت في 30 مارس."
    (frame,) = frames_read_from(body, date(2018, 5, 14))
    assert frame["reported_date"] != "2018-03-30"


def test_one_person_named_as_killed_is_one_dead_when_nothing_counts_them():
    (frame,) = frames_read_from("قال مستشار للرئيس إن الصحفي جمال خاشقجي قتل في القنصلية.", date(2018, 10, 7))
    assert frame["reported_killed"] == 1 and frame["killed_mentions"] == []
    # two names, the second too far from the killing to be sure it was killed: no figure
    (frame,) = frames_read_from("أعلن الجيش مقتل القيادي أبو محمد العدناني وقائده أبو علي الأنباري في غارة جوية.",
                                date(2018, 10, 7))  # fmt: skip
    assert frame["reported_killed"] is None


def _announced(dates: list[tuple[str, str]], published: date) -> dict:
    """The frame of "أعلن الجيش، <dates>، أن طائراته نفذت غارات جوية ليلا ..." published on `published`."""
    t = Text()
    t.add("أعلن الجيش، ")
    for surface, value in dates:
        t.add(surface, "DATE", value, precision="day", method="relative_to_published")
        t.add(" ")
    t.add("، أن طائراته نفذت غارات جوية ليلا على مواقع للفصائل وقتلت عشرة مسلحين.")
    (frame,) = frames_of(t, published=published)
    return frame


def test_a_date_after_a_verb_of_publishing_dates_the_publication():
    body = "ونشرت الوكالة في 13 فبراير 2018 تقريرا عن هجوم 7 فبراير قتل فيه أكثر من 200 متعاقد."
    assert [f["reported_date"] for f in frames_read_from(body, date(2018, 2, 20))] == ["2018-02-07"]


def test_an_act_dated_only_by_its_announcement_falls_on_that_day_or_the_night_before():
    frame = _announced([("الخميس", "2024-03-07")], date(2024, 3, 7))
    assert frame["reported_date"] == "2024-03-06/2024-03-07" and frame["date_method"] == "announcement_day"
    # Of a night between two days ("ليل الأربعاء الخميس") the later is the announcement's.
    frame = _announced([("ليل الأربعاء", "2024-03-06"), ("الخميس", "2024-03-07")], date(2024, 3, 7))
    assert frame["reported_date"] == "2024-03-06/2024-03-07"
    # A weekday read as last week's is too far before publication to date a fresh announcement.
    frame = _announced([("يوم الاثنين", "2024-03-04")], date(2024, 3, 10))
    assert frame["date_method"] == "publication_window"


def test_the_dateline_is_the_desk_not_the_place_of_the_act():
    t = Text()
    t.add("دبي", "LOC", ref_id="city-dubai", place_kind="city", country="ae", admin1="ae-dubai")
    t.add("، ")
    t.add("الإمارات العربية المتحدة", "LOC", ref_id="ae", place_kind="country", country="ae")
    t.add(" (CNN)-- قتل 12 فلسطينيا في مواجهات مع القوات الإسرائيلية في ")
    t.add("غزة", "LOC", ref_id="ps-gaza-strip", place_kind="admin1", country="ps")
    t.add(".")
    (frame,) = frames_of(t)
    assert frame["place_ref"] == "ps-gaza-strip" and frame["country"] == "ps"
    assert not {"دبي", "الامارات", "cnn"} & set(frame["story_terms"])


def test_the_act_is_placed_where_its_sentence_says_not_where_the_story_names_most():
    t = Text()
    t.add("قتل 25 فلسطينيا برصاص الجيش على حدود ")
    t.add("قطاع غزة", "LOC", ref_id="ps-gaza-strip", place_kind="admin1", country="ps")
    t.add(" مع ")
    t.add("إسرائيل", "LOC", ref_id="il", place_kind="country", country="il")
    t.add(" قبل ساعات من تدشين السفارة في ")
    t.add("القدس", "LOC", ref_id="city-jerusalem", place_kind="city", country="il")
    t.add(".\nوحضر مسؤولون افتتاح السفارة في ")
    t.add("القدس", "LOC", ref_id="city-jerusalem", place_kind="city", country="il")
    t.add(".")
    (frame,) = frames_of(t)
    assert frame["place_ref"] == "ps-gaza-strip" and frame["country"] == "ps"


def test_a_village_of_the_acts_governorate_named_later_is_still_its_place():
    t = Text()
    t.add("قتل خمسة مدنيين في غارة جوية على ريف ")
    t.add("إدلب", "LOC", ref_id="sy-idlib", place_kind="admin1", country="sy")
    t.add(" وقالت الوزارة في ")
    t.add("دمشق", "LOC", ref_id="city-damascus", place_kind="city", country="sy", admin1="sy-damascus")
    t.add(" إنها تتابع.\nواستهدفت الغارة بلدة ")
    t.add("كفرنبل", "LOC", ref_id="v-kafranbel", place_kind="village", country="sy", admin1="sy-idlib")
    t.add(".")
    (frame,) = frames_of(t)
    assert frame["place_ref"] == "v-kafranbel" and frame["admin1"] == "sy-idlib"


def _built(*parts) -> Text:
    """A Text from plain words and (words, entity_type, value, attrs) mentions."""
    t = Text()
    for part in parts:
        if isinstance(part, str):
            t.add(part)
        else:
            words, entity_type, value, attrs = part
            t.add(words, entity_type, value, **attrs)
    return t


def _day(words: str, value: str) -> tuple:
    return words, "DATE", value, {"precision": "day", "method": "relative_to_published"}


def test_a_follow_up_report_tells_the_earlier_days_toll_as_its_own_event():
    t = _built(
        "أعلنت الوزارة مقتل فلسطينيين اثنين ", _day("الثلاثاء", "2024-03-12"),
        " في مواجهات مع الجيش قرب السياج.\nوشهد ", _day("الاثنين", "2024-03-11"),
        " مواجهات دامية قتل فيها ", ("60 فلسطينيا", "COUNT", "60", {"count_kind": "killed"}), " بالرصاص.",
    )  # fmt: skip
    main, earlier = frames_of(t, published=date(2024, 3, 12))
    assert (main["role"], main["reported_date"], main["reported_killed"]) == ("main", "2024-03-12", None)
    assert (earlier["role"], earlier["reported_date"], earlier["reported_killed"]) == ("background", "2024-03-11", 60)
    # A toll that rises on a later day is the same event's.
    t = _built(
        "قتل خمسة مدنيين في غارة جوية ", _day("الخميس", "2024-03-07"), ".\nوارتفع عدد القتلى ",
        _day("الجمعة", "2024-03-08"), " إلى ", ("8 قتلى", "COUNT", "8", {"count_kind": "killed"}), ".",
    )  # fmt: skip
    (frame,) = frames_of(t, published=date(2024, 3, 8))
    assert frame["reported_killed"] == 8


def test_a_missile_intercepted_was_fired():
    (frame,) = _sentence("قال التلفزيون الرسمي إن الدفاعات الجوية اعترضت صاروخا في شمال شرق العاصمة.")
    assert frame["event_type"] == "missile_attack" and frame["role"] == "main"
    (frame,) = _sentence("وتصدت القوات السعودية لسبعة صواريخ أطلقتها الميليشيات على مدن المملكة.")
    assert frame["event_type"] == "missile_attack"
    # A rocket that carries a satellite is no attack, and nothing intercepted it.
    assert _sentence("أطلقت الوكالة صاروخا يحمل قمرا صناعيا إلى المدار.") == []


def _capture(*parts) -> list[dict]:
    return frames_of(_built(*parts), published=date(2018, 3, 19))


def _loc(words: str, ref_id: str, country: str, kind: str = "city") -> tuple:
    return words, "LOC", None, {"ref_id": ref_id, "country": country, "place_kind": kind}


def test_taking_control_of_a_named_place_is_a_capture_placed_where_it_was_taken():
    (frame,) = _capture("قالت الخارجية إن إعلان الرئيس سيطرة ", _loc("أنقرة", "city-ankara", "tr"),
                        " وفصائل موالية على مدينة ", _loc("عفرين", "city-afrin", "sy"), " عمل غير مشروع.")  # fmt: skip
    assert frame["event_type"] == "territory_capture" and frame["place_ref"] == "city-afrin"
    (frame,) = _capture('أعلن الرئيس عن "السيطرة الكاملة" على مركز مدينة ', _loc("عفرين", "city-afrin", "sy"), ".")
    assert frame["place_ref"] == "city-afrin"
    (frame,) = _capture("وقال الجيش إن قواته حررت مطار ", _loc("الحديدة", "city-hodeidah", "ye"), ".")
    assert frame["event_type"] == "territory_capture"
    (frame,) = _capture("وقال الجيش إن قواته استعادت مدينة ", _loc("الحديدة", "city-hodeidah", "ye"), ".")
    assert frame["event_type"] == "territory_capture" and frame["place_ref"] == "city-hodeidah"
    # Liberating as a goal ("معركة تحرير", "لتحرير") is no capture: the verbal noun is no trigger.
    assert _capture("وتستعد القوات لمعركة تحرير ", _loc("الحديدة", "city-hodeidah", "ye"), ".") == []
    # Control of a fire, of prices, or a group's name is no capture.
    assert _capture("تمكن رجال الإطفاء من السيطرة على حريق غابات في ", _loc("كاليفورنيا", "us-ca", "us", "admin1"), ".") == []
    assert _capture("قال قيادي في هيئة تحرير ", _loc("الشام", "levant", "sy", "region"), " إن الاجتماع انتهى.") == []


def test_a_denial_of_reports_dates_itself_and_the_act_up_to_a_week_before():
    # A denial answers reports of the act told days after it: the act is not of the denial's day.
    t = _built(
        "نفى مصدر مسؤول في القنصلية، ", _day("فجر الأحد", "2018-10-07"), "، التصريحات التي نسبتها وكالة رويترز ",
        "إلى مسؤولين عن أن الكاتب ", ("جمال خاشقجي", "PERSON", None, {}), " قد قتل في القنصلية في ",
        _loc("إسطنبول", "tr-istanbul", "tr"), ".",
    )  # fmt: skip
    (frame,) = frames_of(t, published=date(2018, 10, 7))
    assert (frame["reported_date"], frame["date_method"]) == ("2018-09-30/2018-10-07", "denial_day")
    # an announcement that is no denial still dates the act to its day or the night before
    t = _built(
        "أكد مصدر مسؤول، ", _day("فجر الأحد", "2018-10-07"), "، أن الكاتب ", ("جمال خاشقجي", "PERSON", None, {}),
        " قتل في القنصلية في ", _loc("إسطنبول", "tr-istanbul", "tr"), ".",
    )  # fmt: skip
    (frame,) = frames_of(t, published=date(2018, 10, 7))
    assert (frame["reported_date"], frame["date_method"]) == ("2018-10-06/2018-10-07", "announcement_day")


def test_a_reaction_dates_itself_and_a_recalled_campaign_start_is_background():
    t = _built(
        "طالبت الخارجية ", _day("الاثنين", "2018-03-19"), " القوات بالانسحاب غداة سيطرتها على مدينة ",
        _loc("عفرين", "city-afrin", "sy"), ".",
    )  # fmt: skip
    (frame,) = frames_of(t, published=date(2018, 3, 19))
    assert frame["reported_date"] == "2018-03-18/2018-03-19" and frame["date_method"] == "announcement_day"
    t = _built(
        "وجاء دخول المطار بعد معارك عنيفة وغارات مكثفة لطيران التحالف.\nوكانت القوات بدأت ",
        _day("الأربعاء الماضي", "2018-06-13"), " هجوما واسعا على المدينة وقتل فيه العشرات.",
    )  # fmt: skip
    main, *rest = frames_of(t, published=date(2018, 6, 19))
    assert main["date_method"] == "publication_window" and [f["role"] for f in rest] in ([], ["background"])


def test_an_act_told_the_day_after_a_dated_reaction_was_the_day_before():
    t = _built(
        "قالت الخارجية إن القوات سيطرت على مدينة ", _loc("عفرين", "city-afrin", "sy"), ".\nوتعهد الرئيس ",
        _day("الاثنين", "2018-03-19"), " بتوسيع العملية غداة سيطرة قواته على مدينة ", _loc("عفرين", "city-afrin", "sy"), ".",
    )  # fmt: skip
    (frame,) = frames_of(t, published=date(2018, 3, 19))
    assert frame["reported_date"] == "2018-03-18" and frame["date_method"] == "day_before_reaction"


def test_an_opening_that_names_only_the_country_takes_the_place_named_beside_the_act_later():
    t = _built(
        "قتل 13 شخصا في غارة جوية على قرية في ", _loc("سوريا", "sy", "sy", "country"),
        ".\nوقال مسؤول في ", _loc("دمشق", "city-damascus", "sy"), " إن التحقيق بدأ بكفاءة ",
        _loc("عالية", "city-aley", "lb"), ".\nونفذت الطائرات غارة جوية على بلدة ", _loc("كفرنبل", "v-kafranbel", "sy"),
        ".",
    )  # fmt: skip
    (frame,) = frames_of(t)
    assert frame["place_ref"] == "v-kafranbel"


def test_a_report_that_states_no_number_counts_a_singular_casualty_or_none_when_no_one_was_hurt():
    (frame,) = _sentence("أسفرت الغارة الجوية عن مقتل مزارع فلسطيني شرق المدينة.")
    assert frame["reported_killed"] == 1 and frame["killed_mentions"] == []
    (frame,) = _sentence("اعترضت الدفاعات الجوية صاروخا فوق العاصمة ولم يسفر عن وقوع ضحايا.")
    assert frame["reported_killed"] == 0
    (frame,) = _sentence("قتل جندي في انفجار عبوة ناسفة دون وقوع إصابات بين المدنيين.")
    assert frame["reported_killed"] == 1


def test_a_capital_standing_for_its_government_is_not_where_the_act_was():
    t = _built(
        "قتلت غارة جوية عشرات المقاتلين الذين تدعمهم ", _loc("واشنطن", "us-washington", "us"),
        " أثناء تقدمهم قرب مدينة ", _loc("دير الزور", "city-deir-ez-zor", "sy"), ".",
    )  # fmt: skip
    (frame,) = frames_of(t)
    assert frame["place_ref"] == "city-deir-ez-zor"


def test_a_death_of_wounds_is_dated_by_the_day_of_the_wounding():
    t = _built(
        "توفي شاب فلسطيني، ", _day("الاثنين", "2018-04-02"), "، متأثرا بجراح أصيب بها ",
        _day("يوم الجمعة الماضي", "2018-03-30"), "، برصاص الجيش خلال المواجهات على حدود ",
        _loc("قطاع غزة", "ps-gaza-strip", "ps", "admin1"), ".",
    )  # fmt: skip
    (frame,) = frames_of(t, published=date(2018, 4, 2))
    assert frame["reported_date"] == "2018-03-30"


def test_the_lead_sentence_dates_a_main_act_its_frame_leaves_undated():
    t = _built(
        "تداول ناشطون مقطع فيديو لشاب في ", _loc("قطاع غزة", "ps-gaza-strip", "ps", "admin1"), " ",
        _day("الجمعة", "2018-03-30"), " خلال التظاهرات.\nويسمع إطلاق النار على الشاب الذي قتل برصاصة في رأسه.",
    )  # fmt: skip
    (frame,) = frames_of(t, published=date(2018, 3, 31))
    assert frame["reported_date"] == "2018-03-30"


def test_an_act_of_the_night_between_two_days_falls_on_the_later():
    t = _built(
        "قصفت طائرات إسرائيلية بغارات جوية ", _day("ليل الأربعاء", "2018-05-09"), " ", _day("الخميس", "2018-05-10"),
        " عشرات المواقع في ", _loc("سوريا", "sy", "sy", "country"), ".",
    )  # fmt: skip
    (frame,) = frames_of(t, published=date(2018, 5, 10))
    assert frame["reported_date"] == "2018-05-10"


def test_a_date_still_to_come_dates_no_act_the_article_reports():
    body = ("قتل ثلاثة متظاهرين برصاص الجنود قرب السياج الجمعة. "
            "وتستمر الاحتجاجات حتى ذكرى الاستقلال في 15 مايو المقبل، ويوافق بدؤها ذكرى مقتل ستة مزارعين برصاص الجنود في 30 مارس 1976.")  # fmt: skip
    frames = frames_read_from(body, date(2018, 3, 30))  # a Friday
    assert [f["reported_date"] for f in frames] == ["2018-03-30", "1976-03-30"]


def test_the_day_a_government_judged_an_attack_does_not_date_it():
    body = ("اعتبرت الحكومة، اليوم الاثنين، إطلاق الحوثيين الصواريخ الباليستية على السعودية رفضا للسلام. "
            "وأعلن التحالف، مساء الأحد، اعتراض 7 صواريخ باليستية أطلقت باتجاه الرياض.")  # fmt: skip
    (frame,) = frames_read_from(body, date(2018, 3, 26))  # a Monday
    assert frame["reported_date"] == "2018-03-24/2018-03-25"


def test_a_missile_fired_toward_a_city_and_intercepted_happened_there():
    body = ("أطلقت الجماعة، اليوم الاثنين، صاروخا باليستيا باتجاه #مأرب، واعترضته الدفاعات الجوية ودمرته في الجو. "
            "وكانت ثلاثة صواريخ أطلقت أمس باتجاه مدينة الرياض.")  # fmt: skip
    frames = frames_read_from(body, date(2018, 3, 26))
    assert [(f["role"], f["event_type"], f["reported_place"]) for f in frames][0] == ("main", "missile_attack", "مأرب")


def test_an_indefinite_missile_attack_that_targeted_positions_is_one():
    body = "شن الجيش، مساء الأربعاء، هجوما صاروخيا استهدف مواقع القوات قرب مدينة البعث في ريف القنيطرة."
    (frame,) = frames_read_from(body, date(2018, 5, 10))
    assert (frame["event_type"], frame["reported_date"]) == ("missile_attack", "2018-05-09")


def test_the_dead_of_a_disaster_or_a_crash_are_no_event():
    for body in ("ارتفعت حصيلة ثوران بركان فويغو إلى 62 قتيلا.",
                 "قتل 257 شخصا في حادث تحطم الطائرة العسكرية جنوب العاصمة.",
                 "قتل 12 شخصا في تصادم قطارين شمال البلاد.",
                 "أعلنت الرياض مقتل مدرب أمريكي بحادث طائرة عمودية قرب قاعدة عسكرية.",
                 "اتهمت الحكومة متسللين بشن هجوم إلكتروني استهدف أجهزة الوزارة."):  # fmt: skip
        assert frames_read_from(body, date(2018, 6, 5)) == [], body
    shooting = frames_read_from("قتل 15 متظاهرا برصاص الجنود خلال مسيرة العودة.", date(2018, 3, 30))
    assert [f["event_type"] for f in shooting] == ["shooting"]


def test_marches_named_in_the_story_make_no_drone_strike():
    """Bare "المسيرات" is drones or marches: named as a weapon, it refines the type only when a strike word
    made it an act."""
    for body in ("وقال مسؤولون إن عدد القتلى بلغ 60 في غزة. وشارك في المسيرات المئات رافعين الأعلام.",
                 "قتل 60 فلسطينيا في غزة الاثنين. وكان الفلسطينيون يتظاهرون ضمن الاحتجاجات التي تعرف باسم "
                 "مسيرات العودة."):  # fmt: skip
        assert [f["event_type"] for f in frames_read_from(body, date(2018, 5, 15))] == ["attack"], body
    struck = frames_read_from("قتل ثلاثة أشخاص في قصف استهدف سيارة في مأرب بواسطة مسيرة.", date(2018, 5, 15))
    assert [f["event_type"] for f in struck] == ["drone_strike"]
    channel = ('قتل 39 مدنيا في غارة للتحالف على حافلة في ضحيان. وأوردت قناة "المسيرة" التابعة للحوثيين أن '
               "عدد القتلى بلغ 39 فيما وصفته بجريمة جديدة لطائرات التحالف.")  # the Houthis' television
    assert [f["event_type"] for f in frames_read_from(channel, date(2018, 8, 9))] == ["air_strike"]


def test_a_sentence_that_tells_an_accident_and_no_act_of_war_counts_the_accidents_dead():
    for body in ("قتل 40 مهاجرا على الأقل قبالة سواحل البلاد إثر غرق قاربهم، حسبما قالت الحكومة.",
                 "توفي 30 شخصا غرقا بعد انقلاب مركب يقل مهاجرين.",
                 "ارتفعت حصيلة ضحايا العاصفة الرملية التي ضربت الولاية إلى 70 قتيلا.",
                 "قتل 10 أشخاص وأصيب 15 آخرون جراء تصادم قطار بحافلة جنوب العاصمة.",
                 "قتل 9 أشخاص في تدافع عند توزيع مساعدات غذائية."):  # fmt: skip
        assert frames_read_from(body, date(2018, 6, 5)) == [], body
    told_again = ("لقي 25 شخصا مصرعهم في غرق عبارة قبالة الساحل. "
                  "وقال المتحدث باسم الدفاع المدني: لقد قتل 25 شخصا وما زال البحث جاريا عن مفقودين.")  # fmt: skip
    assert frames_read_from(told_again, date(2018, 6, 5)) == []
    # An act of war named beside the accident is still one.
    sunk = frames_read_from("قتل 5 بحارة في غارة جوية على ميناء المدينة أدت إلى غرق قارب.", date(2018, 6, 5))
    assert [f["event_type"] for f in sunk] == ["air_strike"]


def test_an_act_that_opens_a_period_is_cited_not_reported():
    for body in ("تدهورت العلاقات بين البلدين منذ محاولة اغتيال الضابط السابق كريم ناصر وابنته بغاز سام.",
                 "تشهد المنطقة توترا منذ مقتل بائع الخضار سمير العلوي على يد الشرطة.",
                 "تراجعت الهجمات منذ مقتل 12 جنديا في هجوم على قاعدة عسكرية.",
                 "تعاني المدينة من نقص الوقود منذ سيطرة المسلحين على مدينة الحديدة."):  # fmt: skip
        assert frames_read_from(body, date(2018, 6, 5)) == [], body
    # "منذ أيام" dates the strikes that follow: they are reported.
    ongoing = frames_read_from("يواصل الجيش منذ أيام غارات عنيفة على المخيم جنوب العاصمة.", date(2018, 6, 5))
    assert [f["event_type"] for f in ongoing] == ["air_strike"]


def test_a_separate_act_told_in_the_story_is_not_the_story_s_act():
    body = ("قتل 13 شخصا في هجمات انتحارية على ثلاث كنائس في المدينة الأحد. "
            "وفي هجوم منفصل، قتل 3 أشخاص حين انفجرت قنبلة في مجمع سكني.")  # fmt: skip
    (frame,) = frames_read_from(body, date(2018, 5, 14))
    figures = [s["value"] for s in json.loads(frame["statements"]) if s["attribute"] == "killed"]
    assert frame["reported_killed"] == 13 and figures == [13]


def test_a_third_party_that_took_no_part_says_nothing_of_the_attackers_partners():
    body = ("قصفت مقاتلات أمريكية مواقع في سوريا فجر السبت واستهدفت مركزا للأبحاث. "
            "وقالت وزارة الدفاع الروسية إن أنظمتها للدفاع الجوي لم تشارك في اعتراض الهجوم الصاروخي على سوريا.")  # fmt: skip
    frames = frames_read_from(body, date(2018, 4, 14))
    assert frames and all(f["partner_claim"] is None for f in frames)


def test_the_dead_of_a_march_are_an_event():
    body = "يقيم الفلسطينيون حدادا على الأشخاص الذين قتلوا برصاص إسرائيلي أثناء مسيرة العودة في غزة الجمعة."
    assert [f["event_type"] for f in frames_read_from(body, date(2018, 3, 31))] == ["shooting"]


def test_who_controls_a_place_is_no_capture():
    body = "وحمل المندوب باللائمة على حركة حماس، التي تسيطر على قطاع غزة، ودعا إلى ضبط النفس."
    assert frames_read_from(body, date(2018, 3, 31)) == []
    taken = frames_read_from("سيطرت القوات على مدينة عفرين الأحد بعد انسحاب المقاتلين.", date(2018, 3, 19))
    assert [f["event_type"] for f in taken] == ["territory_capture"]


def test_a_running_total_is_no_act():
    body = "ويذكر أن أكثر من 115 فلسطينيا قتلوا بنيران الجيش منذ بدء الاحتجاجات على الحدود."
    assert frames_read_from(body, date(2018, 6, 9)) == []


def test_a_capital_that_speaks_is_its_government_not_the_story_s_place():
    t = Text()
    t.add("قالت ")
    t.add("واشنطن", "LOC", ref_id="us-washington", place_kind="city", country="us")
    t.add(" إن ضربة جوية قتلت 30 مسلحا. وأكدت ")
    t.add("واشنطن", "LOC", ref_id="us-washington", place_kind="city", country="us")
    t.add(" أن الغارة أصابت هدفها، وتنسق ")
    t.add("واشنطن", "LOC", ref_id="us-washington", place_kind="city", country="us")
    t.add(" مع حلفائها. ويقاتل التنظيم في ")
    t.add("سوريا", "LOC", ref_id="sy", place_kind="country", country="sy")
    t.add(" منذ سنوات.")
    (frame,) = frames_of(t)
    assert frame["country"] == "sy"


def test_a_strike_a_verb_in_the_future_governs_is_a_plan():
    t = Text()
    t.add("وقال الرئيس إن إدارته ستوجه ضربة إلى ")
    t.add("سوريا", "LOC", ref_id="sy", place_kind="country", country="sy")
    t.add(' باستخدام "صواريخ جديدة وذكية".')
    assert frames_of(t) == []
    t = Text()
    t.add("وقال الجيش إن الضربة التي وجهتها المقاتلات ضد أهداف في ")
    t.add("سوريا", "LOC", ref_id="sy", place_kind="country", country="sy")
    t.add(" أطلقت خلالها 60 صاروخا.")
    (frame,) = frames_of(t)
    assert frame["event_type"] == "air_strike" and frame["country"] == "sy"


def test_a_place_after_a_complementizer_is_the_clause_s_subject_not_where():
    t = Text()
    t.add("قتل 5 أشخاص في غارة على ")
    t.add("سوريا", "LOC", ref_id="sy", place_kind="country", country="sy")
    t.add('، مشيرا إلى أن ')
    t.add("طهران", "LOC", ref_id="ir-tehran", place_kind="city", country="ir")
    t.add(" تتصرف بهذا النحو.")
    (frame,) = frames_of(t)
    assert frame["country"] == "sy"


def _main_killed(body: str, published=date(2024, 3, 10)) -> int | None:
    nt = normalize(body)
    frames = find_event_frames(nt, extract_article(nt, published), published, "a1")
    (main,) = [f for f in frames if f["role"] == "main"]
    return main["reported_killed"]


def test_a_lone_casualty_later_in_the_report_counts_when_the_act_caused_it():
    opening = (
        "اعترضت قوات الدفاع الجوي صاروخا باليستيا أطلق باتجاه المدينة. "
        "وقال المتحدث إن الصاروخ أطلق بطريقة عشوائية. "
        "وأضاف أن الدفاعات تمكنت من تدميره في الجو. "
    )
    assert _main_killed(opening + "وأدى سقوط الحطام على سوق قريب إلى حريق، ونجم عن ذلك مقتل مزارع.") == 1
    # no word of consequence: a casualty of another act the article cites
    assert _main_killed(opening + "وأفادت مصادر محلية بمقتل مقيم في حادث آخر.") is None
    # a sentence of another day
    assert _main_killed(opening + "وكان صاروخ أطلق يوم 2 مارس أدى إلى مقتل مزارع.") is None


def test_a_vague_number_is_no_figure():
    body = "قتل 40 شخصا في غارة جوية على سوق في المدينة. وقتلت غارات مماثلة مئات المدنيين."
    assert _main_killed(body) == 40
    assert _main_killed("قتل عشرات المدنيين في غارات جوية على المدينة.") is None


def test_the_figures_of_two_groups_joined_under_one_killing_add_up():
    assert _main_killed("قتل 17 طفلا على الأقل وثلاث نساء في غارة جوية على مدرسة.") == 20
    # a part of the toll adds nothing; gunmen are counted apart from the victims
    assert _main_killed("قتل 12 مدنيا بينهم 5 أطفال في غارة جوية على المدينة.") == 12
    assert _main_killed("قتل 5 جنود و3 مسلحين في هجوم على حاجز.") == 5


def test_an_exact_figure_wins_over_the_same_toll_rounded():
    body = (
        "ارتفعت حصيلة القتلى جراء الهجمات على المدينة إلى نحو 120 قتيلا. "
        "وقال مدير المرصد إن الحصيلة ارتفعت إلى 117 قتيلا."
    )
    assert _main_killed(body) == 117
    assert _main_killed("قتل أكثر من 120 شخصا في الهجمات على المدينة. وقال المرصد إن 117 قتيلا سقطوا.") == 120


def test_a_headline_of_another_story_inside_the_body_states_no_figure():
    body = (
        "أعدم التنظيم رهينة خطفه من المدينة الشهر الماضي بعد هجوم مسلح.\n"
        "ونشرت الشبكة مقطع فيديو يظهر عملية الإعدام.\n"
        "أكثر من 30 قتيلا في تفجيرات جنوبي البلاد\n"
        "وقال المرصد إن عملية الإعدام هي الأولى بحق المخطوفين.\n"
    )
    nt = normalize(body)
    frames = find_event_frames(nt, extract_article(nt, date(2024, 3, 10)), date(2024, 3, 10), "a1")
    assert all(f["reported_killed"] != 30 for f in frames)


def test_no_reports_of_casualties_is_a_toll_of_none():
    body = "اعترضت الدفاعات الجوية صاروخا باليستيا أطلق على المدينة مساء الأحد، ولم ترد تقارير عن وقوع إصابات."
    assert _main_killed(body) == 0


def test_a_targeting_told_as_a_thing_that_happened_is_the_news_it_dates():
    # The lead names the news only as the targeting "that took place" on Tuesday; the first operation
    # word comes after, in the rocket of the night before that it answered.
    body = (
        "كشف المتحدث باسم التحالف عن سبب الاستهداف الذي تم الثلاثاء في مدينة الحديدة."
        "\nوكان صاروخ أطلقه المتمردون قد سقط على مدينة نجران ليل الاثنين.\nوقال مسؤول محلي إن 17 شخصا قتلوا في الحديدة."
    )
    (main,) = [f for f in frames_read_from(body, date(2018, 8, 7)) if f["role"] == "main"]  # a Tuesday
    assert (main["reported_date"], main["reported_place"], main["reported_killed"]) == ("2018-08-07", "الحديدة", 17)


def test_a_targeting_in_a_statement_is_no_event():
    body = "أكد الوزير أن بلاده ترفض استهداف المدنيين في أي مكان."
    assert frames_read_from(body, date(2018, 8, 7)) == []


def test_who_a_verb_of_saying_has_as_subject_spoke_and_was_not_struck():
    t = Text()
    t.add("قتل 12 شخصا في غارة جوية على سوق المدينة. وأضاف ")
    t.add("سامر الحلبي", "PERSON")
    t.add(" أن الغارة دمرت السوق. وأكد الوزير الأول ")
    t.add("نادر الخطيب", "PERSON")
    t.add(" أن القصف مستمر.")
    (frame,) = frames_of(t)
    assert frame["target_mentions"] == []
    # A clause opened after the verb names others than its subject: the commander it counts among the
    # dead is a target.
    t = Text()
    t.add("قتل 12 شخصا في غارة جوية على سوق المدينة، وذكرت الشرطة أن القيادي ")
    victim = t.add("سامر الحلبي", "PERSON")
    t.add(" بين القتلى.")
    (frame,) = frames_of(t)
    assert frame["target_mentions"] == [mention_id("art", victim)]


def test_an_act_word_with_its_relative_clause_of_occurrence_dates_the_act():
    # The lead gives no date; a later sentence dates the rocket the strike answered ("last night"); the
    # strike "that was carried out today, Thursday" is dated by its own relative clause.
    body = (
        "قتل 9 أشخاص في غارة على سوق في مدينة إدلب."
        "\nوقال المتحدث إن الطائرات استهدفت المسلحين المسؤولين عن إطلاق الصواريخ على مدينة حماة ليلة أمس الأربعاء."
        "\nوقال مسؤول محلي إن الغارة التي شنت اليوم الخميس على السوق دمرت عشرات المحلات."
    )
    main, rockets = frames_read_from(body, date(2018, 8, 9))  # a Thursday
    assert (main["event_type"], main["reported_date"], main["reported_killed"]) == ("air_strike", "2018-08-09", 9)
    assert (rockets["answered"], rockets["event_type"], rockets["reported_date"]) == (True, "missile_attack", "2018-08-08")
    # The lead's own date stands.
    dated_lead = body.replace("قتل 9 أشخاص في غارة", "قتل 9 أشخاص الأربعاء في غارة")
    main = frames_read_from(dated_lead, date(2018, 8, 9))[0]
    assert main["reported_date"] == "2018-08-08"


def test_a_part_of_the_dead_is_no_toll_of_the_act():
    # the leaders "among the dead" are the least the article says of the toll; the women joined to the
    # children among a toll do not add up to it
    assert _main_killed("شنت طائرات التحالف غارة على موقع في المدينة، وقال مصدر إن من بين القتلى القياديان علي وسالم.") == 2
    body = "أسفرت الغارات على البلدة عن مقتل 289 مدنيا بينهم 43 طفلا و28 امرأة."
    assert _main_killed(body) == 289


def test_a_country_that_leads_the_strikers_is_no_place_of_the_act():
    # The act's sentence names a country only as the one that leads the coalition: where it happened is
    # the lead's city.
    body = (
        "دخلت القوات الحكومية مجمع مطار الحديدة الثلاثاء بعد أسبوع من المعارك عند أطرافه."
        "\nوجاء دخول المطار بالتزامن مع غارات مكثفة لطيران التحالف الذي تقوده السعودية."
    )
    (main,) = [f for f in frames_read_from(body, date(2018, 6, 19)) if f["role"] == "main"]
    assert (main["reported_place"], main["country"]) == ("الحديدة", "ye")


def test_positions_taken_around_a_named_place_are_its_capture():
    body = "وسيطرت القوات الحكومية على بعض المواقع والمزارع في محيط مدينة طفس بعد معارك عنيفة."
    (main,) = frames_read_from(body, date(2018, 7, 1))
    assert (main["event_type"], main["reported_place"]) == ("territory_capture", "طفس")
    # control of the situation is no capture
    assert frames_read_from("وسيطرت القوات الحكومية على الوضع في مدينة طفس.", date(2018, 7, 1)) == []


def test_a_rank_alone_names_no_target():
    body = (
        "شنت طائرات التحالف غارة جوية على مدينة صعدة أمس. وبحث وزير الخارجية الأمريكي مع ولي العهد السعودي "
        "الأمير محمد بن سلمان الغارات الأخيرة على اليمن."
    )
    (frame,) = frames_read_from(body, date(2018, 8, 10))
    assert frame["target_mentions"] == []
    body = "لقي القيادي الميداني الحوثي أبو زيد مصبح مصرعه بغارة جوية لمقاتلات التحالف في مدينة صعدة."
    (frame,) = frames_read_from(body, date(2018, 8, 10))
    assert len(frame["target_mentions"]) == 1


def test_the_day_of_a_denial_is_not_the_day_of_the_act_denied():
    body = "نفى مصدر مسؤول في القنصلية، فجر الأحد، التصريحات التي قالت إن الصحفي جمال خاشقجي قتل في القنصلية في إسطنبول."
    (frame,) = frames_read_from(body, date(2018, 10, 7))  # a Sunday
    assert frame["reported_date"] != "2018-10-07"


def test_an_act_told_without_a_place_is_in_the_country_its_story_names():
    body = (
        "وقتل ثلاثة جنود في هجوم مسلح استهدف دورية للجيش صباح اليوم.\n"
        "وفي أكتوبر 2017 قتل أكثر من 500 شخص في تفجير شاحنة مفخخة في مقديشو."
    )
    main, background = frames_read_from(body, date(2018, 2, 23))
    assert (main["reported_place"], main["country"], background["reported_place"]) == (None, "so", "مقديشو")


def test_the_lead_tells_where_when_the_act_names_no_place():
    # The lead names the city; the act's sentence none; a later sentence another city of another act.
    body = (
        "قالت الشرطة إن أسرة كاملة كانت وراء تفجيرات الكنائس في مدينة سورابايا الأحد.\n"
        "وقتل 11 شخصا على الأقل جراء التفجيرات.\n"
        "وأضاف أن التفجيرات قد تكون مرتبطة بمواجهة قتل فيها خمسة من قوات الأمن في سجن قرب جاكرتا في وقت سابق من هذا الشهر."
    )
    (main, *_) = frames_read_from(body, date(2018, 5, 13))  # a Sunday
    assert (main["reported_place"], main["reported_date"]) == ("سورابايا", "2018-05-13")


def test_a_death_a_fight_led_to_is_a_killing():
    body = "قال النائب العام إن التحقيقات أظهرت أن المناقشات أدت إلى حدوث شجار واشتباك بالأيدي مع الصحفي جمال خاشقجي مما أدى إلى وفاته."
    (frame,) = frames_read_from(body, date(2018, 10, 19))
    assert (frame["event_type"], frame["reported_killed"]) == ("attack", 1)
    # a death alone, of illness, is none
    assert frames_read_from("أعلنت الأسرة وفاة الفنان الكبير بعد صراع مع المرض.", date(2018, 10, 19)) == []


def test_the_act_an_act_answers_is_a_frame_of_its_own():
    body = ("أعلن الجيش، الخميس، أنه شن غارات جوية على مواقع في محافظة درعا ردا على إطلاق صواريخ على "
            "مدينة الرمثا نسبها إلى إيران، بحسب ما نقلت وكالة.")
    main, answered = frames_read_from(body, date(2024, 3, 7))  # a Thursday
    assert (main["role"], main["event_type"], main["answered"]) == ("main", "air_strike", False)
    assert main["reported_place"] != "الرمثا"  # the rockets' target is not where the strikes fell
    assert (answered["role"], answered["event_type"], answered["answered"]) == ("background", "missile_attack", True)
    # undated in its clause: the day the answer was announced or the one before
    assert answered["reported_date"] == "2024-03-06/2024-03-07" and answered["date_method"] == "day_of_the_answer"
    assert answered["country"] != "ir"  # the country it is put down to is not where it fell


def test_an_answered_killing_is_not_the_answer_s_toll_nor_dated_by_it():
    body = "قصفت المدفعية مواقع مسلحين في بلدة تل رفعت الأحد انتقاما لمقتل جنديين."
    (main,) = frames_read_from(body, date(2024, 3, 12))  # the killing answered, undated, is no event of its own
    assert main["reported_killed"] is None and main["reported_date"] == "2024-03-10"
    # a punishment may come a week after the attack it answers: the answer's day does not date it
    body = "وشنت الولايات المتحدة ضربات جوية على مواقع في سوريا السبت ردا على هجوم كيماوي في مدينة دوما."
    (main,) = frames_read_from(body, date(2018, 4, 15))
    assert (main["event_type"], main["reported_date"]) == ("air_strike", "2018-04-14")
    assert main["reported_place"] != "دوما"
    # its own day dates it
    body = "وشنت الولايات المتحدة ضربات جوية على مواقع في سوريا السبت ردا على هجوم كيماوي في مدينة دوما في 7 نيسان."
    answered = [f for f in frames_read_from(body, date(2018, 4, 15)) if f["answered"]]
    assert [(f["event_type"], f["reported_date"]) for f in answered] == [("attack", "2018-04-07")]


def test_an_answer_to_a_question_or_a_tariff_is_no_act():
    for body in ("وقال المتحدث ردا على سؤال حول الغارة على إدلب إن الجيش سيحقق في الأمر.",
                 "فرضت الصين رسوما على الفولاذ ردا على الرسوم الأميركية."):
        assert not any(f["answered"] for f in frames_read_from(body, date(2024, 3, 12)))


def test_a_later_paragraph_opening_on_the_act_dates_it():
    body = ("قال الرئيس إن الشرطي الذي بادل نفسه بإحدى الرهائن في هجوم على متجر في حالة خطرة.\n"
            "بدأ الهجوم صباح الجمعة في بلدة كاركاسون، حيث قتل المهاجم راكبا.")
    frames = frames_read_from(body, date(2018, 3, 24))  # a Saturday
    assert [(f["role"], f["reported_date"]) for f in frames] == [("main", "2018-03-23")]


def test_a_revised_toll_dated_only_by_its_announcement_dates_the_act_in_the_week_before():
    body = ("أوردت اللجنة الدولية الاثنين أن 51 شخصا قتلوا وفق آخر حصيلة للغارة الجوية على حافلة في محافظة صعدة.\n"
            "وارتفعت حصيلة ضحايا الغارة إلى 51 قتيلا بحسب حصيلة نهائية أوردتها اللجنة في بيان الاثنين.")
    (frame,) = frames_read_from(body, date(2018, 8, 14))  # a Tuesday
    assert (frame["reported_date"], frame["date_method"]) == ("2018-08-06/2018-08-13", "revision_day")  # up to a week before
    # a toll that rises the day it is told is dated by its own day
    body = "ارتفع عدد القتلى في الغارة على مدينة إدلب الجمعة إلى 12 قتيلا."
    (frame,) = frames_read_from(body, date(2018, 3, 31))
    assert frame["reported_date"] == "2018-03-30"


def test_a_person_named_as_vanished_is_an_abduction():
    body = "أثارت قضية اختفاء الكاتب جمال خاشقجي جدلا واسعا بعد زيارته للقنصلية في إسطنبول الثلاثاء."
    (frame,) = frames_read_from(body, date(2018, 10, 4))
    assert (frame["event_type"], frame["reported_date"], frame["country"]) == ("abduction", "2018-10-02", "tr")
    for body in ("تحدث التقرير عن اختفاء الطائرة الماليزية فوق المحيط.", "ومع اختفاء الشمس بدأ الاحتفال في المدينة."):
        assert frames_read_from(body, date(2018, 10, 4)) == []


def test_an_attack_on_named_armed_forces_is_an_act_of_war():
    (frame,) = frames_read_from("شن مسلحو تنظيم داعش هجوما على مواقع الجيش العراقي في الأنبار.", date(2018, 5, 10))
    assert (frame["event_type"], frame["country"]) == ("attack", "iq")
    assert frames_read_from("واصل الرئيس هجومه على الصين في خطابه.", date(2018, 5, 10)) == []


def test_the_launch_of_a_military_operation_is_an_event_of_its_own():
    body = ('بسطت القوات التركية سيطرتها الكاملة على مدينة عفرين في إطار عملية "غصن الزيتون" العسكرية التي '
            "أطلقتها أنقرة منذ 20 كانون الثاني/يناير، وفق ما أعلن الرئيس.\n"
            "وقضى 1500 مقاتل منذ بدء العملية في 20 يناير الماضي.")
    frames = frames_read_from(body, date(2018, 3, 18))
    launches = [f for f in frames if f["event_type"] == "military_operation"]
    assert len(launches) == 1  # told twice, one launch
    (launch,) = launches
    assert (launch["role"], launch["reported_date"], launch["reported_place"]) == ("background", "2018-01-20", "عفرين")
    # the launch's day dates no act of its sentence
    (frame,) = frames_read_from("وارتفع عدد القتلى منذ بدء الهجوم العسكري في 13 من حزيران إلى 374 شخصا.", date(2018, 6, 21))[:1]
    assert frame["reported_date"] != "2018-06-13"
    # the operation's launcher is no place of it; a sale or an election is no military operation
    (launch,) = frames_read_from("ويأتي ذلك خلال عملية عسكرية بدأتها أنقرة منذ 20 كانون الثاني.", date(2018, 3, 18))
    assert launch["reported_place"] is None
    for body in ("وقالت الشركة إن عملية البيع بدأت في 3 مارس.", "منذ بدء العملية الانتخابية في 20 يناير."):
        assert frames_read_from(body, date(2018, 3, 18)) == []


def test_a_governorate_s_seat_named_elsewhere_does_not_refine_the_act_s_governorate():
    body = ("قصفت ميليشيات الحوثي منازل المواطنين في قرى مديرية الجراحي بمحافظة الحديدة، الأربعاء، مما أسفر عن مقتل 9 مدنيين.\n"
            "ويأتي القصف في وقت تتكبد فيه الميليشيات خسائر كبيرة داخل الحديدة.")
    main = frames_read_from(body, date(2018, 6, 20))[0]
    assert (main["reported_place"], main["admin1"], main["place_precision"]) == ("محافظة الحديدة", "ye-hudaydah", "admin1")


def test_the_place_taken_is_where_the_capture_was():
    body = ("بعد سيطرتها على مطار الحديدة، تتأهب القوات الموالية للحكومة للتقدم نحو ميناء المدينة.\n"
            "وقال مصدر عسكري إن الخطة هي التقدم على الطريق من بيت الفقيه.")
    main = frames_read_from(body, date(2018, 6, 21))[0]
    assert (main["event_type"], main["place_ref"]) == ("territory_capture", "gn-79415")


def test_an_article_that_says_twice_what_strikes_answered_tells_one_answered_act():
    body = ("أعلن الجيش، الخميس، أنه شن غارات جوية على مواقع في محافظة درعا ردا على إطلاق صواريخ على مواقعه، "
            "بحسب ما نقلت وكالة.\n"
            "وكان الجيش قد قال إنه ضرب البنية التحتية في سوريا ردا على إطلاق صواريخ على قواعده فجر الخميس.")
    answered = [f for f in frames_read_from(body, date(2024, 3, 7)) if f["answered"]]
    assert [(f["event_type"], f["reported_date"]) for f in answered] == [("missile_attack", "2024-03-07")]


def test_an_answer_s_two_clauses_that_name_what_it_answered_tell_one_act():
    # one clause names the missile, the other only "the targeting of civilians" there that night
    body = ("قال التحالف الخميس إن غاراته استهدفت العناصر المسؤولة عن إطلاق الصاروخ الباليستي على مدينة نجران، "
            "ليلة أمس الأربعاء. وأضاف المتحدث أن الغارات عمل مشروع لاستهداف العناصر التي خططت ونفذت استهداف "
            "المدنيين ليلة البارحة في مدينة نجران وقتلت ثلاثة منهم.")
    (answered,) = [f for f in frames_read_from(body, date(2018, 8, 9)) if f["answered"]]  # a Thursday
    assert (answered["event_type"], answered["reported_date"], answered["reported_place"]) == ("missile_attack", "2018-08-08", "نجران")
    assert answered["reported_killed"] == 3 and len(answered["killed_mentions"]) == 1  # the other clause's figure
    # the targeting of another city that night is another act the strikes answered
    answered = [f for f in frames_read_from(body.replace("في مدينة نجران وقتلت", "في مدينة جيزان وقتلت"), date(2018, 8, 9))
                if f["answered"]]  # fmt: skip
    assert sorted((f["event_type"], f["reported_place"]) for f in answered) == [("attack", "جيزان"), ("missile_attack", "نجران")]


def test_a_cited_act_told_again_is_one_frame_and_another_act_of_that_day_is_not():
    lead = "قصفت الطائرات الحربية مدينة إدلب اليوم الخميس. وكان مسلحون قد قتلوا خمسة جنود في هجوم على مدينة سراقب في 2 أغسطس."
    day = date(2018, 8, 9)
    again = frames_read_from(lead + " وقال ضابط إن المسلحين شنوا الهجوم على سراقب فجر 2 أغسطس وقتلوا الجنود الخمسة.", day)
    (cited,) = [f for f in again if f["role"] == "background"]
    assert (cited["reported_date"], cited["reported_place"], cited["reported_killed"]) == ("2018-08-02", "سراقب", 5)
    # a sentence that names no place tells the same act when it counts the same dead
    again = frames_read_from(lead + " وقال ضابط إن الهجوم وقع فجر 2 أغسطس وأدى إلى مقتل خمسة جنود.", day)
    assert len([f for f in again if f["role"] == "background"]) == 1
    # a killing of a person another sentence says how, naming him by his surname
    body = ("قصفت الطائرات الحربية مدينة إدلب اليوم الخميس. وكان مسلحون قد قتلوا الناشط سامر الحلبي في 2 أغسطس "
            "في مدينة سراقب. وقال ضابط إن مسلحين قتلوا الحلبي بالرصاص في 2 أغسطس.")
    (cited,) = [f for f in frames_read_from(body, day) if f["role"] == "background"]
    assert (cited["event_type"], cited["reported_place"]) == ("shooting", "سراقب")
    assert len([f for f in frames_read_from(body.replace("قتلوا الحلبي", "قتلوا الناشط نادر الخطيب"), day)
                if f["role"] == "background"]) == 2  # fmt: skip
    # the same day, another town, other dead, or no place and nothing in common: another act; an attack
    # and a strike on the town that day, the act and maybe its answer
    for other in (" وفي 2 أغسطس أيضا قتل مسلحون ثلاثة مدنيين في هجوم على مدينة خان شيخون.",
                  " وفي 2 أغسطس أيضا قتل مسلحون ثلاثة مدنيين في هجوم على المدينة.",
                  " وفي 2 أغسطس أيضا قتل مسلحون مدنيين في هجوم على بلدة مورك.",
                  " وفي 2 أغسطس شنت الطائرات غارة على مدينة سراقب."):
        assert len([f for f in frames_read_from(lead + other, day) if f["role"] == "background"]) == 2, other


def test_a_main_act_and_a_cited_one_of_its_day_and_place_stay_two():
    # the strike the article reports and the rockets it answered, both in one city that night
    body = ("شنت إسرائيل ليل الأربعاء الخميس غارات على مواقع في مدينة غزة ردا على إطلاق صواريخ من غزة، "
            "وقالت إنها استهدفت مواقع لحركة حماس.")
    frames = frames_read_from(body, date(2018, 8, 9))
    assert sorted((f["role"], f["answered"]) for f in frames) == [("background", True), ("main", False)]


def test_a_later_sentence_that_tells_the_act_s_dead_dates_it():
    body = ("ذكرت وزارة الدفاع، يوم السبت، أن الجندي الذي قتل في انفجار قنبلة في سوريا هو الرقيب جون سميث.\n"
            "وأوردت الوزارة في بيان أن سميث، من الكتيبة الثالثة، قتل في التاسع والعشرين من مارس 2018.")
    (main,) = frames_read_from(body, date(2018, 3, 31))
    assert (main["event_type"], main["reported_date"]) == ("remote_explosive", "2018-03-29")
    # a sentence that tells another act with its dead does not date this one
    body = ("ذكرت وزارة الدفاع، يوم السبت، أن الجندي الذي قتل في انفجار قنبلة في سوريا هو الرقيب جون سميث.\n"
            "وفي هجوم منفصل قتل ثلاثة مدنيين الخميس.")
    assert frames_read_from(body, date(2018, 3, 31))[0]["reported_date"] != "2018-03-29"


def test_the_lead_s_week_dates_an_act_its_sentences_leave_undated():
    body = ("قال المتحدث إن الجنديين المقتولين في منبج الأسبوع الماضي كانا في مهمة سرية.\n"
            "وأوضح المتحدث أن المهمة كانت تستهدف قياديا، قبل انفجار عبوة ناسفة أدت لمقتل الجنديين.")
    (main,) = frames_read_from(body, date(2018, 4, 2))  # a Monday
    assert main["event_type"] == "remote_explosive" and main["reported_date"] == "2018-03-24/2018-03-30"
    # a month the lead names (the campaign's start) does not date the act
    body = ("تواصل القوات التركية منذ كانون الثاني عمليتها في عفرين.\n"
            "وقالت المصادر إن اشتباكات عنيفة دارت في المدينة.")
    frames = frames_read_from(body, date(2018, 3, 18))
    assert all(not (f["reported_date"] or "").startswith("2018-01") for f in frames if f["role"] == "main")


def test_an_act_told_by_its_doers_is_a_frame_dated_by_its_own_clause_only():
    body = ("وقال التحالف إن الضربة عمل عسكري مشروع استهدف العناصر المسؤولة عن إطلاق الصاروخ الباليستي "
            "على جازان، ليلة أمس الأربعاء.")
    frames = frames_read_from(body, date(2018, 8, 9))  # a Thursday
    (answered,) = [f for f in frames if f["answered"]]
    assert (answered["event_type"], answered["reported_date"], answered["reported_place"]) == ("missile_attack", "2018-08-08", "جازان")
    # named by what they did: "the elements who planned and carried out the targeting of civilians"
    body = ("أكد التحالف أن الاستهداف الذي تم اليوم في صعدة عمل مشروع لاستهداف العناصر التي خططت ونفذت استهداف "
            "المدنيين ليلة البارحة في مدينة جازان حيث اعترضت الرياض مساء الأربعاء صاروخا باليستيا أدى تناثر "
            "شظاياه إلى مقتل شخص وإصابة 11 آخرين.")  # fmt: skip
    (answered,) = [f for f in frames_read_from(body, date(2018, 8, 9)) if f["answered"]]
    assert (answered["event_type"], answered["reported_date"], answered["reported_place"]) == ("missile_attack", "2018-08-08", "جازان")
    # the planes that carried out the strike are its doers, not another act's
    frames = frames_read_from("وقال الجيش إن الطائرات التي نفذت الغارة على إدلب الأحد روسية.", date(2018, 8, 9))
    assert not any(f["answered"] for f in frames)
    # undated, those arrested for it do not date it
    body = "اعتقلت الشرطة الأحد ثلاثة من المسؤولين عن إطلاق النار على المصلين."
    assert not any(f["answered"] for f in frames_read_from(body, date(2018, 8, 9)))
    # an official in charge of a file tells no act
    assert frames_read_from("وقال الوزير إن المسؤول عن الملف سيزور بغداد الأحد.", date(2018, 8, 9)) == []


def test_missiles_fired_are_an_act_and_placed_where_they_fell():
    body = ("أطلق الحوثيون، اليوم الاثنين، صاروخا باليستيا باتجاه مأرب، واعترضته الدفاعات الجوية.\n"
            "ومساء الأحد رصدت قوات الدفاع الجوي عملية إطلاق 7 صواريخ باليستية من داخل الأراضي اليمنية باتجاه الرياض.")
    main, sunday = frames_read_from(body, date(2018, 3, 26))  # a Monday
    assert (main["role"], main["reported_date"], main["reported_place"]) == ("main", "2018-03-26", "مأرب")
    # a later paragraph opening on another day tells another act
    assert (sunday["role"], sunday["event_type"], sunday["reported_date"]) == ("background", "missile_attack", "2018-03-25")
    assert sunday["reported_place"] == "الرياض"  # not Yemen, where they were fired from
    (main,) = frames_read_from("رصدت الدفاعات إطلاق صاروخ من محافظة صعدة باتجاه مدينة جازان مساء الأربعاء.", date(2018, 8, 9))
    assert main["reported_place"] == "جازان"
    # missiles tested, a launch pad, a programme, a charge are no act
    for body in ("قالت روسيا إنها أطلقت بنجاح صاروخا يفوق سرعة الصوت الأحد.", "تمتلك إيران برنامج صواريخ باليستية.",
                 "ويشجب القرار إطلاق الصواريخ من قطاع غزة باتجاه إسرائيل."):
        assert frames_read_from(body, date(2018, 8, 9)) == []


def test_an_offensive_begun_or_ongoing_since_a_day_is_a_launch():
    body = "وبدأ الجيش التركي وحلفاء له من المعارضة السورية هجوما عسكريا في يناير على وحدات كردية في منطقة عفرين."
    (launch,) = frames_read_from(body, date(2018, 3, 27))
    assert (launch["event_type"], launch["role"], launch["reported_date"]) == ("military_operation", "background", "2018-01")
    body = "وطوقت القوات التركية مدينة عفرين في إطار عملية عسكرية مستمرة منذ 20 كانون الثاني/يناير."
    launches = [f for f in frames_read_from(body, date(2018, 3, 17)) if f["event_type"] == "military_operation"]
    assert [f["reported_date"] for f in launches] == ["2018-01-20"]
    # a state that lasts since a day is no launch
    assert frames_read_from("والطريق مغلق منذ 20 كانون الثاني.", date(2018, 3, 17)) == []


def test_a_toll_told_without_a_number_is_stated_for_the_conflicts():
    body = ("اعترضت الدفاعات الجوية صاروخا باليستيا أطلق على الرياض مساء الأحد.\n"
            "وقال شهود إنهم سمعوا دوي انفجارات، ولم تشر أية تقارير إلى وقوع ضحايا.")
    (frame,) = frames_read_from(body, date(2018, 3, 25))
    tolls = [s for s in json.loads(frame["statements"]) if s["attribute"] == "killed"]
    assert frame["reported_killed"] == 0 and [(s["value"], s.get("uncounted")) for s in tolls] == [(0, True)]
    # no casualties on one side is no toll of the act
    body = "قصفت المدفعية الإسرائيلية مواقع في غزة الأحد، ولم يسفر إطلاق الصواريخ عن وقوع ضحايا في الجانب الإسرائيلي."
    assert frames_read_from(body, date(2018, 3, 25))[0]["reported_killed"] is None


def test_forces_entering_a_named_place_took_it():
    body = ("دخلت القوات الموالية للحكومة اليمنية، المدعومة من التحالف الذي تقوده السعودية، مجمع مطار الحديدة "
            "الثلاثاء، بعد نحو أسبوع من المعارك عند أطرافه.")
    (frame,) = frames_read_from(body, date(2018, 6, 19))
    assert (frame["event_type"], frame["reported_date"], frame["reported_place"]) == ("territory_capture", "2018-06-19", "الحديدة")
    (frame,) = frames_read_from("دخلت القوات التركية إلى مدينة عفرين الأحد.", date(2018, 3, 19))
    assert (frame["event_type"], frame["reported_place"]) == ("territory_capture", "عفرين")
    # a truce, aid, a visitor, income, an entry awaited or barred, a place another verb governs: nothing taken
    for body in ("دخلت الهدنة حيز التنفيذ في الغوطة الشرقية الثلاثاء.", "دخلت قافلة مساعدات إلى مدينة دوما الثلاثاء.",
                 "دخل الرئيس الفرنسي مدينة الموصل الثلاثاء.", "وسجل الخبيران التفاوت في الدخل في الهند.",
                 "تتحدث التقارير عن قرب دخول قوات موالية للنظام إلى مدينة عفرين.",
                 "ومنذ 1976، عندما دخل الجيش السوري الأراضي اللبنانية، باسطا السيطرة على طرق التجارة وحتى ميناء طرابلس."):
        assert [f["event_type"] for f in frames_read_from(body, date(2018, 6, 19))] == [], body


def test_a_day_of_what_followed_an_act_told_after_baad_is_not_its_day():
    body = ("بعد سيطرتها على مطار الحديدة، تتأهب القوات الموالية للحكومة اليمنية الخميس، للتقدم نحو ميناء المدينة.\n"
            "وكانت القوات الموالية للحكومة سيطرت الأربعاء على المطار الواقع في جنوب مدينة الحديدة.")
    (frame,) = frames_read_from(body, date(2018, 6, 21))
    assert (frame["event_type"], frame["reported_date"]) == ("territory_capture", "2018-06-20")
    # the day of a trailing clause's act, and the dead's day with the act they died in
    (frame,) = frames_read_from("شنت طائرات غارات على مواقع عسكرية سورية بعد هجوم صاروخي، ليل الاثنين.", date(2018, 4, 17))
    assert frame["reported_date"] == "2018-04-16"
    (frame,) = frames_read_from("قتل خمسة جنود الأحد بعد هجوم شنه مسلحون على حاجز في سيناء.", date(2018, 6, 19))
    assert frame["reported_date"] == "2018-06-17"


def test_one_launch_told_by_its_day_and_by_how_long_it_has_lasted():
    body = ("تقدمت القوات التركية في مدينة عفرين خلال عملية عسكرية بدأتها أنقرة منذ 20 كانون الثاني.\n"
            "وسيطرت القوات على أحياء من مدينة عفرين في إطار العملية العسكرية المستمرة منذ نحو شهرين.")
    launches = [f for f in frames_read_from(body, date(2018, 3, 18)) if f["event_type"] == "military_operation"]
    assert [f["reported_date"] for f in launches] == ["2018-01-20"]


def test_a_country_the_target_belongs_to_is_not_where_it_was_struck():
    body = ("ويوم الخميس، قالت إسرائيل إن طائراتها الحربية قصفت كل البنية التحتية العسكرية الخاصة بإيران في سوريا، "
            "ما أدى إلى مقتل 23 مقاتلا.")
    (frame,) = frames_read_from(body, date(2018, 5, 11))
    assert frame["reported_place"] == "سوريا"
    (frame,) = frames_read_from("قصفت الطائرات مواقع بإدلب الخميس ما أدى إلى مقتل 5 مدنيين.", date(2018, 5, 11))
    assert frame["reported_place"] == "إدلب"


def test_an_opening_act_dated_months_back_with_its_year_is_cited_not_the_news():
    body = ("والمحاكمة في بلجيكا تمهيد لمحاكمة أكبر في فرنسا، في قضية اعتداءات باريس التي أعلن تنظيم داعش "
            "مسؤوليته عنها وأدت إلى مقتل 130 شخصا في 13 نوفمبر 2015.")
    (frame,) = frames_read_from(body, date(2018, 3, 29))
    assert (frame["role"], frame["reported_date"]) == ("background", "2015-11-13")
    # announced then: as old as its announcement
    body = "أعلنت القوات العراقية في العاشر من تموز/يوليو 2017 استعادة السيطرة على مدينة الموصل بعد معارك دامية."
    (frame,) = frames_read_from(body, date(2018, 7, 11))
    assert (frame["role"], frame["reported_date"]) == ("background", "2017-07-09/2017-07-10")
    # a year of another clause dates nothing of the act: the shooting is the news
    body = ("قتل نحو 19 شخصا وأصيب العشرات في حادث إطلاق نار وقع في كلية في شبه جزيرة القرم التي ضمتها روسيا "
            "إلى أراضيها عام 2014.")
    (frame,) = frames_read_from(body, date(2018, 10, 17))
    assert (frame["role"], frame["reported_killed"]) == ("main", 19)


def test_a_hostage_taken_is_an_abduction_not_an_arrest():
    body = "أخلت الشرطة الألمانية محطة قطارات رئيسية في مدينة كولونيا الاثنين بسبب احتجاز رهينة."
    (frame,) = frames_read_from(body, date(2018, 10, 15))
    assert frame["event_type"] == "abduction"


def test_landing_forces_is_an_airdrop_and_inflicting_a_punishment_or_a_flag_is_not():
    body = "واستمر الصراع العسكري مع إنزال للقوات الأميركية على الساحل اللبناني في أيار/مايو من عام 1958."
    assert [f["event_type"] for f in frames_read_from(body, date(2018, 5, 5))] == ["airdrop"]
    for body in ("أمر رئيس الوزراء بإنزال القصاص العادل فورا بالإرهابيين المحكومين بالإعدام الخميس.",
                 "وبدأ طاقم السفينة في إنزال المهاجرين بميناء كاتانيا صباح الأربعاء.",
                 "تم إنزال العلم الإيراني عند السفارة في لندن الجمعة."):
        assert frames_read_from(body, date(2018, 6, 28)) == [], body


def test_a_helicopter_is_an_act_only_beside_a_word_of_striking():
    body = "ذكرت المصادر أن غازا ساما كان داخل البراميل المتفجرة التي أسقطت من قبل مروحيات على دوما السبت."
    assert [f["event_type"] for f in frames_read_from(body, date(2018, 4, 8))] == ["helicopter_raid"]
    for body in ("لقي 4 عسكريين أميركيين مصرعهم الثلاثاء في حادث تحطم مروحية أثناء تدريب جنوبي كاليفورنيا.",
                 "أسقطت مروحيات عسكرية سورية منشورات على منطقة الغوطة الشرقية الخميس.",
                 "وخصصت السلطات مروحيات إنقاذ مدنية وعسكرية في المناطق المنكوبة بعد مقتل 11 شخصا في الفيضانات.",
                 "سقطت طائرة مروحية في النهر الشرقي لمدينة نيويورك، وقالت الشرطة إن ثلاثة أشخاص لقوا حتفهم."):
        assert [f["event_type"] for f in frames_read_from(body, date(2018, 4, 8))] != ["helicopter_raid"], body
    # the aircraft that a helicopter is ("طائرة مروحية") is no word of striking; a strike by one is a raid
    body = "قتل 5 أشخاص بغارة طائرة مروحية على قرية في إدلب."
    assert [f["event_type"] for f in frames_read_from(body, date(2018, 4, 8))] == ["helicopter_raid"]


def test_the_one_date_of_a_list_of_cited_acts_dates_the_act_after_then():
    body = ("وارتبط اسمه بعمليات كبيرة لاحقة، منها تفجير مقر مديرية أمن الدقهلية في مدينة المنصورة حيث قتل 14 "
            "شخصا، ثم مذبحة كمين الفرافرة بالصحراء الغربية في يوليو عام 2014.")
    frames = frames_read_from(body, date(2018, 10, 8))
    assert [(f["role"], f["reported_date"], f["reported_place"]) for f in frames] == [("background", "2014-07", None)]


def test_a_campaigns_or_a_protest_waves_toll_is_no_act():
    for body in ("اتفقت حكومة نيكاراغوا مع المعارضة الجمعة على هدنة، بعد شهر من التظاهرات ضد السلطات أوقعت 63 قتيلا.",
                 "وأسفرت هذه الحملة حتى الآن عن مقتل أكثر من 200 من الجهاديين.",
                 "وأوقعت الحرب في سوريا أكثر من 400 ألف قتيل."):
        assert frames_read_from(body, date(2018, 5, 18)) == [], body
    # a day's toll is an act
    body = "ويوم الأحد، قال المرصد إن القصف الجوي والمدفعي أدى إلى مقتل 42 مدنيا."
    (frame,) = frames_read_from(body, date(2018, 5, 18))
    assert (frame["reported_date"], frame["reported_killed"]) == ("2018-05-13", 42)


def test_a_running_total_since_a_day_cites_no_act_of_that_day():
    body = ("قتل فلسطيني برصاص الجيش الإسرائيلي شرق خان يونس الجمعة.\n"
            "وأعلنت الوزارة أن عدد الذين سقطوا برصاص الجيش منذ بداية مسيرات العودة، في 30 مارس، وصل إلى 123 "
            "فلسطينيا، كما أصيب أكثر من 13 ألف آخرين.")
    frames = frames_read_from(body, date(2018, 6, 9))
    assert [(f["role"], f["reported_date"]) for f in frames] == [("main", "2018-06-08")]


def test_an_act_told_as_days_older_is_a_background_frame_of_its_own():
    body = ("قتل ثلاثة جنود في هجوم على حاجز في مدينة إدلب الأحد.\n"
            "ويأتي الهجوم بعد أيام من مقتل خمسة عناصر من الشرطة في تفجير سيارة مفخخة في مدينة حماة.")
    frames = frames_read_from(body, date(2018, 3, 12))  # a Monday
    main, before = frames
    assert (main["role"], main["reported_date"], main["reported_killed"]) == ("main", "2018-03-11", 3)
    assert main["reported_place"] == "إدلب"
    # a few days before the main act's day: two to ten, never the day of the main act itself
    assert (before["role"], before["reported_date"], before["date_method"]) == (
        "background", "2018-03-01/2018-03-09", "days_before")
    assert before["reported_killed"] == 5 and before["reported_place"] == "حماة"
    # told once however often the article recalls it
    body += "\nوجاءت الاشتباكات بعد أيام من مقتل خمسة عناصر من الشرطة في تفجير سيارة مفخخة في حماة."
    assert len([f for f in frames_read_from(body, date(2018, 3, 12)) if f["role"] == "background"]) == 1


def test_an_act_told_a_counted_span_older_is_dated_that_span_before():
    body = ("قتل ثلاثة جنود في هجوم على حاجز في مدينة إدلب الأحد، بعد ثلاثة أيام من مقتل خمسة عناصر من الشرطة "
            "في تفجير سيارة مفخخة في مدينة حماة.")
    main, before = frames_read_from(body, date(2018, 3, 12))  # a Monday
    assert (main["reported_date"], before["role"]) == ("2018-03-11", "background")
    # three days before Sunday, counted from either day
    assert (before["reported_date"], before["date_method"]) == ("2018-03-07/2018-03-09", "span_before")
    body = body.replace("بعد ثلاثة أيام", "بعد نحو أسبوعين")
    assert frames_read_from(body, date(2018, 3, 12))[1]["reported_date"] == "2018-02-21/2018-03-01"
    # a span in years is too long to date the act by
    body = body.replace("بعد نحو أسبوعين", "بعد عامين")
    assert [f["date_method"] for f in frames_read_from(body, date(2018, 3, 12))] == ["relative_to_published"]


def test_an_older_act_counted_from_a_month_falls_in_that_month_less_the_span():
    body = ("قتل ثلاثة جنود في هجوم على حاجز في مدينة إدلب الأحد.\n"
            "وكانت الطائرات قد قصفت قاعدة جوية في أبريل عام 2017، وذلك بعد 3 أيام من هجوم كيماوي أسفر عن مقتل "
            "عشرات المدنيين في مدينة حماة.")
    frames = frames_read_from(body, date(2018, 3, 12))
    before = next(f for f in frames if f["date_method"] == "span_before")
    assert before["reported_date"] == "2017-03-28/2017-04-28"


def test_an_opening_act_told_as_older_than_no_act_is_the_news():
    body = ("دعا الرئيس اليوم السبت مواطنيه إلى التعاون مع الجيش بعد يوم من هجومين استهدفا مقر الجيش في "
            "العاصمة وخلفا 16 قتيلا.")
    (frame,) = frames_read_from(body, date(2018, 3, 3))
    # the day of the call or the one before, as for an act told only with its announcement
    assert (frame["role"], frame["reported_date"], frame["reported_killed"]) == ("main", "2018-03-02/2018-03-03", 16)


def test_an_older_act_takes_its_own_clauses_date_before_the_span():
    # a trailing clause runs on with the act's own clauses: Sunday is the bombings' day
    body = ("أعلنت الشرطة مقتل ثلاثة مهاجمين في هجوم فجر اليوم على مقر الشرطة في الموصل، بعد يوم من سلسلة "
            "تفجيرات انتحارية نفذها مسلحون، استهدفت عدة مساجد مساء الأحد.")
    main, before = frames_read_from(body, date(2018, 3, 12))
    assert (main["reported_date"], before["reported_date"]) == ("2018-03-12", "2018-03-11")
    # a clause after its news, with no comma between, is no fronted clause: a year after the comma that
    # follows compares another act ("كما حصل ... عام 2014")
    body = ("لا يزال عشرات الطلاب في عداد المفقودين بعد يومين على هجوم مسلحين على مدرستهم في شمال البلاد، وهو ما "
            "أثار مخاوف من تعرضهم للخطف كما حصل مع طلاب آخرين عام 2014.")
    assert [f["reported_date"] for f in frames_read_from(body, date(2018, 2, 21))] == ["2018-02-18/2018-02-20"]


def test_the_news_told_after_an_act_counted_older_does_not_date_it():
    # the sentence's news is an admission: the act it counts from is the story's, dated in its own clause
    body = ("في الساعات الأولى من 22 مارس الجاري، بعد نحو 18 يوما من اختفاء الناشط سامي الخطيب عقب دخوله "
            "مقر الشرطة في بغداد في 4 مارس، اعترفت الحكومة بوفاته.")
    (frame,) = frames_read_from(body, date(2018, 3, 22))
    assert (frame["role"], frame["reported_date"]) == ("main", "2018-03-04")
    # with no date of its own: the span before the day of the news
    body = "بعد 12 يوما من اختفاء الناشط سامي الخطيب في بغداد، اعترفت الحكومة الخميس بوفاته."
    (frame,) = frames_read_from(body, date(2018, 3, 12))  # Thursday: 8 March
    assert (frame["reported_date"], frame["date_method"]) == ("2018-02-23/2018-02-25", "span_before")


def test_an_older_act_told_again_with_its_day_is_one_frame():
    body = ("أعلنت الشرطة مقتل ثلاثة مهاجمين في هجوم على مقر الشرطة في الموصل الاثنين، بعد يوم من سلسلة "
            "تفجيرات انتحارية استهدفت عدة مساجد.\n"
            "والأحد نفذ مسلحون سلسلة تفجيرات انتحارية استهدفت ثلاثة مساجد في الموصل خلال صلاة الأحد ما أسفر "
            "عن مقتل 14 شخصا.")
    frames = frames_read_from(body, date(2018, 3, 12))
    assert [(f["role"], f["reported_date"]) for f in frames] == [("main", "2018-03-12"), ("background", "2018-03-11")]
    assert frames[1]["reported_killed"] == 14


def test_a_date_of_another_action_does_not_date_the_act():
    body = ("قالت النيابة إن الأسباب التي أدت إلى وفاة الصحفي جاءت نتيجة شجار واشتباك بالأيدي.\n"
            "وأضافت أن الحكومة باشرت بإرسال فريق أمني إلى المدينة بتاريخ 6 مارس 2018 للتحقيق في اختفاء الصحفي.")
    (frame,) = frames_read_from(body, date(2018, 3, 20))
    assert frame["date_method"] == "publication_window"
    # a visit's day, or a funeral's, is not the act's
    for body in ("قتل جندي في هجوم بعبوة ناسفة في منبج.\nوكان قائد القوات قد زار المدينة الخميس لتفقد القوات.",
                 "شيع آلاف الفلسطينيين في غزة السبت جثامين ثلاثة شبان قتلوا برصاص الجيش الإسرائيلي."):
        assert frames_read_from(body, date(2018, 3, 12))[0]["date_method"] == "publication_window", body
    # "على ذمة التحقيق" (pending inquiry) is no action of its own
    body = "ألقت الشرطة القبض على ثلاثة مسلحين وأمرت النيابة بحبسهم أربعة أيام على ذمة التحقيق، السبت."
    assert frames_read_from(body, date(2018, 3, 12))[0]["reported_date"] == "2018-03-10"
    # an act told as during the other action fell on its day
    body = "قتل جندي في هجوم بعبوة ناسفة خلال زيارة قائد القوات إلى منبج الخميس."
    assert frames_read_from(body, date(2018, 3, 12))[0]["reported_date"] == "2018-03-08"


def test_days_after_an_announcement_a_threat_or_a_visit_is_no_act():
    for tail in ("بعد أيام من إعلان الحكومة خطة لإعادة الإعمار.",
                 "بعد أيام من تهديد الجماعة بشن هجمات على المدينة.",
                 "بعد أيام من زيارة الوزير إلى مدينة حماة."):
        body = "قتل ثلاثة جنود في هجوم على حاجز في مدينة إدلب الأحد، " + tail
        assert [f["role"] for f in frames_read_from(body, date(2018, 3, 12))] == ["main"]


def test_after_days_of_fighting_is_a_stretch_of_war_not_an_act_days_before():
    body = ("قتل ثلاثة جنود في هجوم على حاجز في مدينة إدلب الأحد، "
            "بعد أيام من المعارك بين الطرفين في ريف المدينة.")
    assert [f["role"] for f in frames_read_from(body, date(2018, 3, 12))] == ["main"]
    # a few days after similar clashes: clashes of their own, days before
    body = ("قتل ثلاثة جنود في هجوم على حاجز في مدينة إدلب الأحد، "
            "بعد أيام قليلة من اشتباكات مماثلة في مدينة حماة.")
    roles = [(f["role"], f["date_method"]) for f in frames_read_from(body, date(2018, 3, 12))]
    assert roles == [("main", "relative_to_published"), ("background", "days_before")]


def test_an_everyday_act_word_a_relative_clause_dates_months_back_is_a_cited_act():
    t = Text()
    t.add("قتل ثلاثة أشخاص في هجوم بسكين في مدينة ")
    t.add("ليون", "LOC", ref_id="city-lyon", admin1="fr-ara", country="fr", place_kind="city")
    t.add(" ")
    t.add("الجمعة", "DATE", "2018-03-23", precision="day", method="relative_to_published")
    t.add(".\nوطالب المهاجم بالإفراج عن المشتبه به في هجمات ")
    t.add("باريس", "LOC", ref_id="city-paris", admin1="fr-idf", country="fr", place_kind="city")
    t.add(" التي نفذت في ")
    t.add("نوفمبر 2015", "DATE", "2015-11", precision="month", method="absolute")
    t.add(".")
    frames = frames_of(t, published=date(2018, 3, 24))
    assert [(f["role"], f["reported_date"], f["reported_place"]) for f in frames] == [
        ("main", "2018-03-23", "ليون"), ("background", "2015-11", "باريس")]
    # a word of an act planned for a date, or a clause that tells no occurrence, cites nothing
    for clause in (" التي خطط لها في ", " التي تحدث عنها في "):
        t = Text()
        t.add("قتل ثلاثة أشخاص في هجوم بسكين في مدينة ")
        t.add("ليون", "LOC", ref_id="city-lyon", admin1="fr-ara", country="fr", place_kind="city")
        t.add(" ")
        t.add("الجمعة", "DATE", "2018-03-23", precision="day", method="relative_to_published")
        t.add(".\nوتذكر المحققون هجمات" + clause)
        t.add("نوفمبر 2015", "DATE", "2015-11", precision="month", method="absolute")
        t.add(".")
        assert [f["role"] for f in frames_of(t, published=date(2018, 3, 24))] == ["main"]


def test_an_act_days_before_an_old_decision_is_not_dated_by_the_publication():
    body = ("قتل ثلاثة جنود في هجوم على حاجز في مدينة إدلب الأحد.\n"
            "وكان الرئيس قد أمر بنشر قوات إضافية في المدينة، وجاء هذا القرار بعد أيام من الهجوم على مسجد في مدينة حماة.")
    assert [f["role"] for f in frames_read_from(body, date(2018, 3, 12))] == ["main"]
    # what comes after is the news: dated by it
    body = ("قتل ثلاثة جنود في هجوم على حاجز في مدينة إدلب الأحد.\n"
            "ويأتي ذلك بعد أيام من الهجوم على مسجد في مدينة حماة.")
    frames = frames_read_from(body, date(2018, 3, 12))
    assert [(f["role"], f["reported_date"]) for f in frames] == [("main", "2018-03-11"), ("background", "2018-03-01/2018-03-09")]


def _placed(sentence: str) -> list[tuple[str | None, str | None]]:
    nt = normalize(sentence)
    mentions = extract_article(nt, date(2024, 3, 10))
    return [(f["reported_place"], f["admin1"]) for f in find_event_frames(nt, mentions, date(2024, 3, 10), "a")]


def test_a_place_abroad_before_a_word_of_sequence_is_where_a_reaction_was_not_the_act():
    # The act told after بعد, إثر, في أعقاب is the cause of the clause before: a reaction abroad.
    assert _placed("تصاعد الضغط على دمشق في أعقاب اغتيال الصحفي العراقي برصاص مسلحين في مدينة البصرة يوم السبت.") == [
        ("البصرة", "iq-basra")
    ]
    assert _placed("استدعت الحكومة سفيرها في دمشق بعد تفجير سيارة مفخخة في مدينة كركوك يوم السبت أسفر عن مقتل 5 أشخاص.") == [
        ("كركوك", "iq-kirkuk")
    ]
    # A place of the same country may be where the act's toll fell, told first: it stays.
    assert _placed("وتأتي الاحتجاجات في بغداد بعد مقتل شاب برصاص الشرطة في مدينة البصرة يوم السبت.")[0][1] == "iq-baghdad"
    # With no place after the act's word, the place before is the act's.
    assert _placed("قتل 5 أشخاص في بغداد إثر تفجير سيارة مفخخة يوم السبت.") == [("بغداد", "iq-baghdad")]


def test_an_act_told_as_so_many_days_older_is_dated_by_them():
    # "بعد يوم من", "بعد ثلاثة أيام من": so many days before the day of what came after, counted loosely (from
    # either day, or across a night)
    body = "قتل ثلاثة جنود في هجوم على حاجز في مدينة إدلب الأحد، بعد يوم من تفجير سيارة مفخخة في مدينة حماة."
    main, before = frames_read_from(body, date(2018, 3, 12))  # a Monday
    assert (main["reported_date"], main["reported_place"]) == ("2018-03-11", "إدلب")
    assert (before["role"], before["reported_date"], before["date_method"]) == ("background", "2018-03-09/2018-03-10", "span_before")
    body = ("قتل ثلاثة جنود في هجوم على حاجز في مدينة إدلب الأحد، بعد ثلاثة أيام من مقتل خمسة عناصر من الشرطة "
            "في تفجير سيارة مفخخة في مدينة حماة.")
    _, before = frames_read_from(body, date(2018, 3, 12))
    assert (before["reported_date"], before["reported_killed"], before["reported_place"]) == ("2018-03-07/2018-03-09", 5, "حماة")
    # counted back from an undated act of the news: from the publication
    body = ("قالت الشرطة إن سيارة مفخخة انفجرت قرب مقر البرلمان في مدينة حماة مما أسفر عن مقتل شخصين.\n"
            "وجاء الانفجار بعد ثلاثة أيام من مقتل 14 شخصا في انفجار سيارة مفخخة قرب فندق في مدينة إدلب.")
    _, before = frames_read_from(body, date(2018, 3, 12))
    assert (before["reported_date"], before["reported_killed"]) == ("2018-03-08/2018-03-10", 14)
    # after three days of fighting, or years after an act: no act a few days older
    for tail in ("بعد ثلاثة أيام من القتال بين الطرفين في ريف المدينة.", "بعد سنوات من تفجير سيارة مفخخة في مدينة حماة."):
        body = "قتل ثلاثة جنود في هجوم على حاجز في مدينة إدلب الأحد، " + tail
        assert [f["role"] for f in frames_read_from(body, date(2018, 3, 12))] == ["main"], tail


def test_missiles_intercepted_days_before_the_new_attempt_were_fired():
    body = ("اعترضت الدفاعات الجوية صاروخا باليستيا أطلق باتجاه مدينة جازان مساء الخميس.\n"
            "وتأتي المحاولة الجديدة بعد أيام من اعتراض الدفاعات ثلاثة صواريخ باتجاه مدينة الرياض.")
    main, before = frames_read_from(body, date(2018, 3, 30))
    assert (main["reported_date"], main["reported_place"]) == ("2018-03-29", "جازان")
    assert (before["role"], before["event_type"], before["reported_place"]) == ("background", "missile_attack", "الرياض")
    # the new attempt is the news: dated back from it
    assert before["reported_date"] == "2018-03-19/2018-03-27"
    # an objection is no interception
    body = ("اعترضت الدفاعات الجوية صاروخا باليستيا أطلق باتجاه مدينة جازان مساء الخميس.\n"
            "وجاء القرار بعد أيام من اعتراض الحكومة على خطة المبعوث.")
    assert [f["role"] for f in frames_read_from(body, date(2018, 3, 30))] == ["main"]


def test_an_act_a_day_older_dated_by_its_own_clause_and_told_again_is_one_frame():
    body = ("أعلنت الشرطة مقتل أربعة انتحاريين في هجوم على مقر الشرطة في مدينة سورابايا صباح الاثنين، بعد يوم من "
            "سلسلة تفجيرات انتحارية استهدفت عدة كنائس خلال قداس الأحد.\n\n"
            "والأحد نفذت عائلة من ستة أفراد سلسلة اعتداءات انتحارية استهدفت ثلاث كنائس في سورابايا خلال قداس الأحد "
            "ما أسفر عن مقتل 14 شخصا.")
    frames = frames_read_from(body, date(2018, 5, 14))
    assert [(f["role"], f["event_type"], f["reported_date"], f["reported_killed"]) for f in frames] == [
        ("main", "suicide_bomb", "2018-05-14", 4), ("background", "suicide_bomb", "2018-05-13", 14)]


def test_a_cited_day_said_twice_in_its_sentence_is_one_act():
    body = ("قتل جنديان في انفجار عبوة ناسفة في مدينة الموصل الجمعة.\n\n"
            "ويوم الأحد، قصفت طائرات مجهولة قرية قرب مدينة كركوك في وقت متأخر من ليلة الأحد، ما أسفر عن مقتل 8 مدنيين.")
    frames = frames_read_from(body, date(2018, 3, 16))
    assert [(f["role"], f["reported_date"], f["reported_killed"]) for f in frames] == [
        ("main", "2018-03-16", 2), ("background", "2018-03-11", 8)]


def test_an_act_days_older_is_not_placed_in_the_capitals_that_did_it():
    body = ("قتل ثلاثة جنود في هجوم على حاجز في مدينة إدلب الأحد.\n"
            "ويأتي ذلك بعد يومين من الهجوم الصاروخي الذي شنته الولايات المتحدة وفرنسا وبريطانيا على مواقع للنظام.")
    frames = frames_read_from(body, date(2018, 3, 12))
    assert [(f["role"], f["event_type"], f["reported_date"], f["reported_place"]) for f in frames] == [
        ("main", "attack", "2018-03-11", "إدلب"), ("background", "missile_attack", "2018-03-08/2018-03-10", None)]


def test_an_act_days_older_than_an_old_or_undated_one_is_not_dated_by_the_publication():
    # what came after is dated by a month years back: the act is of that month, not of today
    body = ("قتل ثلاثة جنود في هجوم على حاجز في مدينة إدلب الأحد.\n"
            "وشنت القوات غارات على قاعدة جوية في أبريل عام 2017، وذلك بعد 3 أيام من هجوم كيماوي أسفر عن مقتل "
            "عشرات المدنيين في مدينة حماة.")
    frames = frames_read_from(body, date(2018, 3, 12))
    assert [(f["role"], f["trigger"], f["reported_date"]) for f in frames if f["event_type"] == "attack"] == [
        ("main", "هجوم", "2018-03-11"), ("background", "هجوم", "2017-03-28/2017-04-28")]
    # older than an undated decision: no frame of it
    body = ("قتل ثلاثة جنود في هجوم على حاجز في مدينة إدلب الأحد.\n"
            "وكان الرئيس قد أمر بنشر قوات إضافية، وجاء القرار بعد يوم من الهجوم الحاد الذي شنه الوزير على الرئيس.")
    assert [f["role"] for f in frames_read_from(body, date(2018, 3, 12))] == ["main"]
    # an engine that exploded is an accident
    body = ("قتل ثلاثة جنود في هجوم على حاجز في مدينة إدلب الأحد.\n"
            "وجاء ذلك بعد يوم على انفجار محرك طائرة خلال رحلة إلى مدينة حماة.")
    assert [f["role"] for f in frames_read_from(body, date(2018, 3, 12))] == ["main"]


def test_an_act_said_to_have_been_better_done_was_not_done():
    day = date(2018, 4, 13)
    assert frames_read_from("ويقول اللاجئون إنه كان الأجدر قصف مواقع الجيش قبل أن يسيطر على البلدة.", day) == []
    assert frames_read_from("وكتب المحلل أنه كان من الأفضل شن غارات على المطار قبل سنوات.", day) == []
    (strike,) = frames_read_from("قتل 4 مدنيين في غارة جوية على بلدة سراقب الخميس.", day)
    assert strike["event_type"] == "air_strike"


def test_an_act_recalled_as_older_than_the_news_is_not_dated_at_publication():
    day = date(2018, 4, 12)
    recalled = (
        # the pluperfect, with "قد" after the act's word or before it, or opening its sentence without it
        "قررت المنظمة إرسال بعثة إلى المدينة.\nوكان هجوم كيماوي قد أوقع عشرات القتلى في مدينة دوما.",
        "رفضت المحكمة الإفراج عن الصحفي.\nوكانت السلطات قد اعتقلت شقيقه في مدينة حلب.",
        "هدأت الجبهة على الحدود.\nوكانت الدفاعات الجوية أسقطت طائرة بعد غارة جوية على مواقع في ريف حمص.",
        # done before, said so
        "وشنت إسرائيل في السابق غارات جوية على مواقع في ريف دمشق.",
    )
    for body in recalled:
        (frame,) = frames_read_from(body, day)
        assert frame["reported_date"] is None and frame["date_method"] is None, body
    told = (
        "أسقطت الدفاعات الجوية طائرة بعد غارة جوية على مواقع في ريف حمص.",
        # a copula is no pluperfect, nor "في السابق" in another clause
        "وكان من بين القتلى في الغارة الجوية على دوما خمسة أطفال.",
        "اعتقلت الشرطة 20 ضابطا في مدينة قونية بناء على شهادات جنود احتجزوا في السابق.",
    )
    for body in told:
        assert frames_read_from(body, day)[0]["date_method"] == "publication_window", body


def test_a_recalled_act_takes_its_own_date_or_its_announcement_day():
    # its own day stands
    body = "توقف القصف على المدينة.\nوكانت القوات قد شنت الأحد غارات جوية على مواقع في ريف حمص."
    assert frames_read_from(body, date(2018, 4, 12))[0]["reported_date"] == "2018-04-08"
    # recalled as announced on a past day: that day or the one before, however long ago
    body = "تراجعت حدة المواجهات.\nوكانت الهيئة أعلنت في يناير الماضي إلقاء القبض على محافظ المدينة في قضية رشوة."
    assert frames_read_from(body, date(2018, 3, 19))[0]["reported_date"] is None
    body = "غادرت آخر الحافلات المنطقة.\nوكانت القوات قد أعلنت السبت الماضي استعادة السيطرة على مدينة دوما."
    (frame,) = frames_read_from(body, date(2018, 4, 21))
    assert (frame["reported_date"], frame["date_method"]) == ("2018-04-13/2018-04-14", "announcement_day")


def test_a_chronicle_of_the_day_dates_its_acts_only_by_their_years():
    body = ("فيما يلي تسلسل لأبرز الأحداث التاريخية في مثل هذا اليوم.\n"
            "القوات البريطانية تسيطر على مدينة دمشق في 1 أكتوبر.")
    (frame,) = frames_read_from(body, date(2018, 10, 1))
    assert frame["reported_date"] is None
    # an anniversary is no chronicle
    body = "وينظم الفلسطينيون في مثل هذا اليوم من كل عام مسيرة.\nوقتل شاب برصاص الجيش في مدينة الخليل الاثنين."
    assert frames_read_from(body, date(2018, 5, 15))[0]["reported_date"] == "2018-05-14"


def test_a_span_counted_before_another_act_does_not_date_from_publication():
    # "قبل يومين من الانتخابات" is two days before the elections, not two days ago: the lead's day stands
    body = "قبل يومين من إعادة الفرز، استهدف هجوم انتحاري مخازن صناديق الاقتراع في مدينة كركوك، الأحد."
    assert frames_read_from(body, date(2018, 7, 1))[0]["reported_date"] == "2018-07-01"
    # counted in the accusative ("قبل 15 يوما"), the span dates the act
    body = "قتلت القوات أربعة مقاتلين في جبهة حرض قبل 15 يوما."
    assert frames_read_from(body, date(2018, 7, 17))[0]["reported_date"] == "2018-07-02"


def test_a_progressive_past_is_no_recalled_act():
    body = "خرج المسلحون من المدينة.\nكان الطيران يحلق على علو منخفض وينفذ غارات على مواقع في ريف دمشق."
    assert frames_read_from(body, date(2018, 3, 10))[0]["date_method"] == "publication_window"
    # the news a chronicle's page appends keeps its weekday
    body = ("فيما يلي تسلسل لأبرز الأحداث التي حدثت في مثل هذا اليوم.\n"
            "قتل 19 شخصا الثلاثاء عندما فجر انتحاري نفسه وسط حشد خارج مركز للشرطة في مدينة جلال آباد.")
    assert frames_read_from(body, date(2018, 9, 12))[0]["reported_date"] == "2018-09-11"
