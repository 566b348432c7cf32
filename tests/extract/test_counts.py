from pathlib import Path

import pytest

from tahqiq.extract.counts import counts_one_event, find_counts, find_single_casualties
from tahqiq.text.normalize import normalize

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def counts(text: str) -> list[tuple[str, str, str, bool, str]]:
    found = find_counts(normalize(text))
    for m in found:
        assert m.entity_type == "COUNT"
        assert text[m.start : m.end] == m.surface
    return [
        (m.surface, m.value, m.attrs["count_kind"], m.attrs["approximate"], m.attrs["subject"]) for m in found
    ]


def test_killed_digits_with_noun():
    assert counts("أسفرت الغارة عن مقتل 12 مدنيا.") == [("12 مدنيا", "12", "killed", False, "مدنيين")]


def test_arabic_indic_digits_and_wounded_soldiers_with_min():
    assert counts("وأدى الهجوم إلى إصابة ٣ من جنودنا.") == [("٣ من جنودنا", "3", "wounded", False, "جنود")]


def test_number_word_and_coordinated_dog():
    assert counts("أدى الانفجار إلى إصابة خمسة جنود وكلب مدرب.") == [
        ("خمسة جنود", "5", "wounded", False, "جنود"),
        ("كلب", "1", "wounded", False, "كلب"),
    ]


def test_noun_then_number_word():
    assert counts("أعلنت القوات مقتل قياديين ثلاثة في الغارة.") == [
        ("قياديين ثلاثة", "3", "killed", False, "قياديين")
    ]


def test_dual_noun_alone():
    assert counts("وقتل في الاشتباك جنديان.") == [("جنديان", "2", "killed", False, "جنود")]


def test_approximate_detained_keeps_the_approximation_out_of_the_span():
    assert counts("يحتجز في المخيم ما يزيد عن 5,000 معتقل.") == [
        ("5,000 معتقل", "5000", "detained", True, "معتقلين")
    ]
    (found,) = find_counts(normalize("يحتجز في المخيم ما يزيد عن 5,000 معتقل."))
    assert found.attrs["approximator"] == "ما يزيد عن"


def test_aircraft_count():
    assert counts("شاركت 4 مروحيات في الإنزال.") == [("4 مروحيات", "4", "aircraft", False, "مروحيات")]


def test_compound_number_words():
    assert counts("قتل خمسة وعشرون مسلحا.")[0][1] == "25"
    assert counts("اعتقال خمسة عشر شخصا.")[0][1:3] == ("15", "detained")


def test_years_dates_percentages_are_not_counts():
    assert counts("في عام 2019 وفي 7 يوليو قتل 100% من الوقت، وفي الـ 16 من الشهر.") == []
    assert counts("استمرت المواجهة ساعتين وقتل 3 سنوات.") == []


SEED_COUNTS = {
    "001": [("3", "aircraft")],
    "002": [("5", "aircraft")],
    "003": [("4", "wounded", "جنود"), ("1", "wounded", "كلب"), ("10000", "detained")],
    "004": [("2", "killed")],
}


@pytest.mark.parametrize("prefix", sorted(SEED_COUNTS))
def test_seed_counts(prefix):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    found = counts(path.read_text(encoding="utf-8"))
    for expected in SEED_COUNTS[prefix]:
        assert any(
            c[1] == expected[0] and c[2] == expected[1] and (len(expected) < 3 or c[4] == expected[2])
            for c in found
        ), (expected, found)
    if prefix == "003":
        assert any(c[1] == "10000" and c[3] for c in found)
    assert not any(c[1] in ("2019", "100", "16", "7", "18") for c in found)


def test_soldiers_then_wounding_verb_are_wounded():
    assert counts("قال الجيش إن ثلاثة جنود من الوحدة أصيبوا خلال الاشتباك.") == [
        ("ثلاثة جنود", "3", "wounded", False, "جنود")
    ]
    assert counts("وأكد أن خمسة جنود تعرضوا لإصابات طفيفة.")[0][2] == "wounded"


def test_soldiers_without_a_wounding_verb_stay_soldiers():
    assert counts("تنشر القوات نحو 900 جندي في المنطقة، وأصيب مدني.")[0][2] == "soldiers"


def test_others_join_the_counted_phrase():
    assert counts("وأصيب في الغارة شخصان آخران وقتل خمسة آخرون.")[-1][:3] == ("خمسة آخرون", "5", "killed")
    assert counts("وأصيب شخصين آخرين.") == [("شخصين آخرين", "2", "wounded", False, "أشخاص")]


def test_a_definite_cardinal_after_its_noun_but_not_monday_or_an_ordinal():
    assert counts("وأعلن الجيش مقتل الجنود الأربعة.") == [("الجنود الأربعة", "4", "killed", False, "جنود")]
    assert counts("قتل جندي يوم الاثنين في الثالث من الشهر.") == []


def test_an_event_reports_its_largest_count_of_event_scale():
    from tahqiq.extract.counts import event_total

    assert event_total([1, 4]) == 4  # "four helicopters ... one of the helicopters"
    assert event_total([3, 350_000]) == 3  # a war-wide toll cited for context is not the event's
    assert event_total([]) is None


def test_the_lower_bound_of_a_range_counts_the_same_noun():
    assert [c[:2] for c in counts("ويقدر عدد عناصره بما بين 1200 و1500 مقاتل.")] == [
        ("1200", "1200"),
        ("1500 مقاتل", "1500"),
    ]


def test_a_number_of_them_and_one_more_casualty():
    assert counts("أصيب خمسة جنود، وعاد ثلاثة منهم إلى الخدمة.")[1][:3] == ("ثلاثة منهم", "3", "other")
    assert counts("وانتهت المداهمة بمقتل القيادي خالد العلي، ومسلح آخر لم تعرف هويته.") == [
        ("مسلح آخر", "1", "killed", False, "مسلحين")
    ]
    assert counts("ووصل شخص آخر إلى الاجتماع.") == []  # no event word: no casualty


def test_one_of_counts_a_casualty_not_a_member_of_a_group():
    assert counts("وأعلن الجيش مقتل أحد جنوده في الهجوم.")[0][:3] == ("أحد جنوده", "1", "killed")
    assert counts("وقال إن أحد المصابين في حالة حرجة.") == []
    assert counts("واستهدفت الغارة أحد المسؤولين عن التمويل.") == []
    assert counts("وتبين أن أحد القتيلين قيادي في التنظيم.") == []


def test_one_after_waw_keeps_its_spelling_and_its_rule():
    assert counts("فرضت عقوبات على 21 شركة و27 سفينة وأحد الأشخاص.") == []  # وأحد reads واحد once normalized
    assert counts("إصابة أربعة جنود وأحد الكلاب البوليسية")[1][:3] == ("أحد الكلاب", "1", "wounded")
    assert counts("وقتل واحد من عناصر الشرطة.")[0][:3] == ("واحد من عناصر", "1", "killed")


def test_a_decimal_before_a_scale_word():
    assert counts("ونزح نحو 1.7 مليون شخص.")[0][:2] == ("1.7 مليون شخص", "1700000")
    assert counts("وعاد 1.7 مليون منهم.")[0][:2] == ("1.7 مليون منهم", "1700000")


def test_people_counted_by_nationality_or_as_martyrs_with_the_toll_word_before():
    found = counts("مسؤولية مقتل أكثر من 50 فلسطينيا وبلغت الحصيلة 59 شهيدا وارتفع عدد القتلى إلى 55 شخصا")
    assert [(c[1], c[2]) for c in found] == [("50", "killed"), ("59", "killed"), ("55", "killed")]
    assert [(c[1], c[2]) for c in counts("زار 3 سوريين المدينة")] == [("3", "other")]


def test_the_dead_and_the_wounded_counted_together_are_neither_toll():
    assert [(c[1], c[2]) for c in counts("بلغ عدد الضحايا أكثر من 100 قتيل وجريح")] == [("100", "casualties")]
    assert [(c[1], c[2]) for c in counts("هناك 20 قتيلا و 40 جريحا")] == [("20", "killed"), ("40", "wounded")]


def test_a_running_total_since_a_period_began_is_marked_and_the_days_own_toll_is_not():
    found = find_counts(normalize("قتلت القوات 41 فلسطينيا. ومنذ بدء الاحتجاجات قتل أكثر من 50 فلسطينيا"))
    assert [(m.value, bool(m.attrs.get("cumulative"))) for m in found] == [("41", False), ("50", True)]
    (today,) = find_counts(normalize("ارتفع عدد القتلى منذ الصباح إلى 20 قتيلا"))
    assert not today.attrs.get("cumulative")


def singles(text: str) -> list[tuple[str, str, str]]:
    return [(m.surface, m.value, m.attrs["count_kind"]) for m in find_single_casualties(normalize(text))]


def test_one_casualty_told_by_a_singular_noun_after_the_event_word():
    assert singles("أسفر سقوط الشظايا عن مقتل مقيم مصري.") == [("مقيم", "1", "killed")]
    assert singles("قتل فلسطيني برصاص الجيش شرق المدينة.") == [("فلسطيني", "1", "killed")]
    assert singles("وأصيب جندي بجروح طفيفة.") == [("جندي", "1", "wounded")]
    assert singles("وقالت مصادر طبية إن شخصا قتل وأصيب آخر.")[0] == ("شخصا", "1", "killed")
    assert singles("وقال المتحدث إن جنديا بريطانيا، قتل في انفجار عبوة.") == [("جنديا", "1", "killed")]
    assert singles("وقال المتحدث إن جنديا بريطانيا سيزور المنطقة.") == []
    # Monday (الاثنين) and the third (الثالث) count nothing; the one soldier is one casualty.
    assert singles("قتل جندي يوم الاثنين في الثالث من الشهر.") == [("جندي", "1", "killed")]
    # The definite noun is someone already counted or named; a number after the noun is the count.
    assert singles("وأعلن الجيش مقتل الجندي في المواجهات.") == []
    assert singles("مقتل جندي و3 مدنيين.") == [("جندي", "1", "killed")]
    # No event word right before it: a Palestinian official speaking is no casualty.
    assert singles("قال مسؤول فلسطيني إن المحادثات مستمرة.") == []
    # Not COUNT mentions of the text.
    assert counts("أسفر سقوط الشظايا عن مقتل مقيم مصري.") == []


def test_a_nationality_after_the_counted_noun_says_whose_dead_they_are():
    (russians,) = find_counts(normalize("وقتل اثنان من المقاتلين الروس على الأقل في الضربات."))
    (soldiers,) = find_counts(normalize("مقتل ثلاثة جنود أمريكيين في انفجار."))
    (fighters,) = find_counts(normalize("قتل 100 مقاتل في الضربات."))
    assert (russians.value, russians.attrs["nationality"]) == ("2", "RU")
    assert soldiers.attrs["nationality"] == "US" and "nationality" not in fighters.attrs


@pytest.mark.parametrize(
    "text",
    [
        "حيث قتل نحو 30 متظاهرا خلال عشرة أيام من الاحتجاجات.",
        "وتسببت الغارات في مقتل 1450 مدنيا في الأسابيع الماضية.",
        "مقتل أكثر من 500 مدني منذ بدء القصف الجوي على المدينة",
        "وتسببت الغارات الأسابيع الماضية في مقتل 1450 مدنيا في المنطقة.",
        "ومنذ ذلك التاريخ قتل نحو 33 متظاهرا.",
        "وأسفرت الاحتجاجات، التي تدخل أسبوعها الثالث، عن مقتل 40 متظاهرا.",
        "وتأتي المظاهرات بعد أسبوع دام قتل خلاله 20 فلسطينيا برصاص الجيش.",
    ],
)
def test_a_period_told_beside_the_toll_makes_it_a_running_total(text):
    (count,) = find_counts(normalize(text))
    assert count.attrs.get("cumulative") is True


def test_a_count_joined_to_a_running_total_counts_the_same_period():
    killed, wounded = find_counts(normalize("ومنذ ذلك التاريخ قتل نحو 33 متظاهرا وأصيب ما لا يقل عن 2800 آخرين."))
    assert killed.attrs.get("cumulative") and wounded.attrs.get("cumulative")
    killed, wounded = find_counts(normalize("قتل 3 أشخاص منذ بدء الهجوم. وأصيب 10 آخرون في غارة الأحد."))
    assert killed.attrs.get("cumulative") and not wounded.attrs.get("cumulative")


def test_the_sentence_after_a_running_total_goes_on_with_its_period_for_the_other_side_or_so_far():
    text = ("وقال المرصد إن أكثر من 900 مقاتل قتلوا منذ بدء الهجوم على المنطقة.\nوأحصى المرصد في المقابل مقتل 300 "
            "عنصر من الفصائل. كما أعلن الجيش الفرنسي حتى الآن عن مقتل 12 من جنوده.")
    *_, others, own = find_counts(normalize(text))
    assert (others.value, others.attrs.get("cumulative")) == ("300", True)
    # a side's own soldiers are that side's, and the side telling its own dead is their counter
    assert (own.value, own.attrs.get("cumulative"), own.attrs.get("nationality"), own.attrs.get("told_by_side")) == (
        "12", True, "FR", True)
    # a day or an act of the sentence's own makes it that day's or that act's toll; a sentence further on, its own
    for text in ("قتل 50 جنديا منذ بدء العملية. وفي المقابل قتل الأحد 5 مسلحين.",
                 "قتل 50 جنديا منذ بدء العملية. وقتل 3 مدنيين في غارة على القرية حتى الآن.",
                 "قتل 50 جنديا منذ بدء العملية. وقال الوزير إن الجيش سيواصل تقدمه. وقتل في المقابل 7 مسلحين."):
        *_, count = find_counts(normalize(text))
        assert not count.attrs.get("cumulative"), text
    # a running total's rise told by a verbal noun, and a part of it
    text = "قتل 900 مقاتل منذ بدء العملية مع ارتفاع تعداد القتلى في صفوف القوات الفرنسية إلى 40 ، بينهم 9 جنود فرنسيين."
    *_, toll, soldiers = find_counts(normalize(text))
    assert [(m.value, m.attrs["count_kind"], m.attrs.get("cumulative")) for m in (toll, soldiers)] == [
        ("40", "killed", True), ("9", "killed", True)]
    assert soldiers.attrs.get("nationality") == "FR" and not soldiers.attrs.get("told_by_side")
    # a monitor telling an army's loss of its soldiers is no side telling its own
    *_, lost = find_counts(normalize("وقال المرصد إن الجيش الفرنسي خسر منذ بدء العملية 12 من جنوده."))
    assert (lost.attrs.get("cumulative"), lost.attrs.get("nationality"), lost.attrs.get("told_by_side")) == (True, "FR", None)


def test_a_toll_of_one_act_is_no_running_total():
    for text in ("وأصيب 20 شخصا خلال الغارة.", "قتل 9 أشخاص في هجوم الأسبوع الماضي."):
        (count,) = find_counts(normalize(text))
        assert not count.attrs.get("cumulative"), text


def test_martyrdom_counts_the_dead():
    (count,) = find_counts(normalize("استشهد 3 فلسطينيين برصاص الجنود."))
    (single,) = find_single_casualties(normalize("أعلنت الوزارة استشهاد شاب برصاص الجنود."))
    assert (count.value, count.attrs["count_kind"]) == ("3", "killed") and single.attrs["count_kind"] == "killed"


def test_a_bare_year_after_a_word_of_killing_is_no_toll():
    assert counts("وهي البلدة الوحيدة التي سقط فيها قتلى في احتجاجات 2011.") == []
    assert [c[1] for c in counts("ارتفع عدد القتلى إلى 73.")] == ["73"]


def test_a_part_of_a_counted_group_shares_its_event_word():
    assert [c[2] for c in counts("أسفرت الغارات عن مقتل 51 شخصا، من بينهم 41 طفلا.")] == ["killed", "killed"]
    assert [c[2] for c in counts("أصيب 20 شخصا منهم 5 أطفال.")] == ["wounded", "wounded"]
    toll, part = find_counts(normalize("قتل 14 عسكريا بينهم سبعة إيرانيين."))
    assert part.attrs["count_kind"] == "killed" and part.attrs["nationality"] == "IR" and "nationality" not in toll.attrs


def test_a_figure_the_text_denies_is_no_count():
    assert [c[1] for c in counts("وقال أحد العناصر إن عدد القتلى ليس 900 بل أقل بكثير.")] == []


def test_a_hashtag_joins_the_event_word_to_its_count():
    # "على الأقل" after it makes the figure a bound
    assert counts("ما أسفر عن #مقتل_شخصين على الأقل.") == [("شخصين", "2", "killed", True, "أشخاص")]


def test_one_of_the_residents_is_one_casualty():
    assert [c[1:3] for c in counts("ما أدى إلى مقتل أحد المقيمين الهنود.")] == [("1", "killed")]


@pytest.mark.parametrize(
    "text",
    [
        # "منذ" and a date anywhere earlier in the clause open a period
        "وتشهد المدينة منذ 12 يناير احتجاجات يشارك فيها الآلاف من السكان والتي شهدت مقتل 31 شخصا.",
        "وتقول الوزارة إن القوات قتلت 33 شخصا منذ بدأت الاحتجاجات في المدينة.",
        # the dead of an earlier act the report dates its own by
        "جاء الانفجار بعد خمسة أيام من مقتل 9 أشخاص في تفجير آخر.",
        "يأتي ذلك بعد أسابيع من مقتل أكثر من 30 طفلا في غارة مماثلة.",
    ],
)
def test_a_period_or_an_earlier_act_makes_the_toll_no_figure_of_this_one(text):
    (count,) = [m for m in find_counts(normalize(text)) if m.attrs["count_kind"] == "killed"]
    assert count.attrs.get("cumulative") is True


@pytest.mark.parametrize(
    "text",
    [
        "وقال إن الخسائر كبيرة منذ بدء الحملة، وأشار إلى سقوط أكثر من 70 قتيلا يوم الأحد.",
        "بعد يومين من اندلاع الاشتباكات، قتل 5 أشخاص في المدينة.",
    ],
)
def test_a_period_in_another_clause_or_a_later_act_keeps_the_toll(text):
    (count,) = [m for m in find_counts(normalize(text)) if m.attrs["count_kind"] == "killed"]
    assert not count.attrs.get("cumulative")


def test_a_vague_number_word_is_marked():
    (hundreds,) = find_counts(normalize("وقتلت الغارات مئات المدنيين."))
    (twenty,) = find_counts(normalize("قتل عشرون شخصا."))
    assert hundreds.attrs.get("vague") is True and "vague" not in twenty.attrs


def test_a_count_joined_by_waw_shares_the_event_word_and_is_marked():
    children, women = find_counts(normalize("مقتل 17 طفلا على الأقل وثلاث نساء في غارة."))
    soldiers, civilians = find_counts(normalize("قتل 5 جنود و3 مدنيين في الهجوم."))
    assert women.attrs["count_kind"] == civilians.attrs["count_kind"] == "killed"
    assert women.attrs.get("joined") and civilians.attrs.get("joined")
    assert not children.attrs.get("joined") and not soldiers.attrs.get("joined")
    _, part = find_counts(normalize("قتل 12 مدنيا بينهم 5 أطفال."))
    assert not part.attrs.get("joined")


def test_a_toll_risen_to_a_bare_number_far_after_its_words():
    assert [c[1:3] for c in counts("ارتفع عدد ضحايا الهجوم، الذي وقع الجمعة في البلدة، إلى ستة.")] == [
        ("6", "killed")
    ]
    # a rise that follows from the day's dead, or since a day, is a running total; others count no one
    assert counts("ليرتفع عدد القتلى منذ الأحد إلى 48.") == []
    assert counts("ارتفع عدد المشاركين في الحملة إلى أربعة.") == []
    assert counts("وارتفع عدد الضحايا إلى 2015.") == []
    # one side's dead, not the toll
    assert counts("حيث ارتفع عدد قتلى القوات والمجموعات الحليفة لها إلى 18، فيما فقد المهاجمون 11 قتيلا.") == [
        ("11 قتيلا", "11", "killed", False, "قتلى")
    ]


def test_a_quote_does_not_part_the_toll_from_its_words_nor_the_next_clause_take_it():
    assert [c[1:3] for c in counts('وذكرت الإذاعة أن عدد القتلى بلغ "27 مدنيا وأصيب 40 آخرون بجروح".')] == [
        ("27", "killed"), ("40", "wounded")
    ]


def test_bodies_count_the_dead_after_their_number_only():
    assert [c[1:3] for c in counts("وقال إن المستشفى تسلم 31 جثة و52 جريحا.")] == [("31", "killed"), ("52", "wounded")]
    assert [c[1:3] for c in counts("وعثرت الشرطة على جثث سبع فتيات.")] == [("7", "other")]
    assert [c[1:3] for c in counts("وعثرت الشرطة على جثث ثمانية.")] == []


def test_since_a_date_holds_over_a_subordinate_clause_but_not_a_new_one():
    (count, _) = find_counts(normalize('ومنذ 2012، عندما بدأت الدولة تتصدى للجماعة، قتلت الجماعة "900 مدني وعسكري".'))
    assert count.value == "900" and count.attrs.get("cumulative") is True


def test_a_killing_verb_before_a_subject_of_three_words_governs_the_count():
    assert [c[1:3] for c in counts("وقتلت قوات الأمن الحكومية 9 متظاهرين وجرحت نحو 300 آخرين.")] == [
        ("9", "killed"), ("300", "wounded")
    ]
    # a number, a count noun or a conjunction between them: the count is of another clause or joined
    assert [c[1:3] for c in counts("قتلت أربعة أشخاص وأصابت 9 آخرين.")] == [("4", "killed"), ("9", "other")]
    assert all(c[2] != "killed" for c in counts("قتل حارسان ليليان و12 مصليا."))
    assert [c[2] for c in counts("قتل في الحرب الأهلية أكثر من 300 صحفي.")] == ["other"]


def test_a_definite_number_after_a_noun_and_its_adjective_counts_the_noun():
    assert [c[:3] for c in counts("وقالوا إن بين المسلحين الأجانب الستة عشر الذين قتلوا في الكمين سبعة أفغان.")][0] == (
        "المسلحين الأجانب الستة عشر", "16", "killed"
    )
    # an indefinite number after them is no count of theirs
    assert counts("وصل المقاتلون الأجانب خمسة من الشمال.") == []


def test_two_singular_casualties_under_a_dual_verb_count_two():
    assert counts("وذكر مصدر أن جنديا فرنسيا وشخصا آخر من البعثة قتلا في انهيار مبنى.") == [
        ("جنديا فرنسيا وشخصا آخر", "2", "killed", False, "جنود")
    ]
    # a definite noun is someone the text named; no dual verb, no pair
    assert counts("وقال إن الجندي وشخصا آخر قتلا في الانفجار.") == []
    assert counts("وقال إن جنديا وشخصا آخر وصلا إلى المدينة.") == []


def test_women_girls_drivers_and_settlers_are_counted_casualties():
    assert singles("وأعلنت الوزارة مقتل فتاة وإصابة العشرات.") == [("فتاة", "1", "killed")]
    assert singles("مقتل سيدة في قصف على الحي.") == [("سيدة", "1", "killed")]
    assert [c[1:3] for c in counts("قتل مسلحون ما لا يقل عن 14 سائق شاحنة.")] == [("14", "killed")]


def test_a_number_of_years_of_age_is_no_count():
    assert [c[1] for c in counts("وقال إن التنظيم قتل شابا في 19 من عمره كان قد خطف.")] == []
    assert [c[1] for c in counts("قتل 19 من الجنود في الهجوم.")] == ["19"]


def test_a_number_of_the_forces_counts_troops():
    # "نحو 100 من القوات الموالية ... قتلوا": the forces are counted like their fighters
    assert [c[1:3] for c in counts("وقالت واشنطن إن نحو 100 من القوات الموالية للحكومة قتلوا في الضربات.")] == [
        ("100", "killed")
    ]
    assert [c[1:3] for c in counts("وقررت الحكومة نشر 2000 من قواتها في المنطقة.")] == [("2000", "soldiers")]


def test_a_count_among_the_dead_is_a_part_of_that_toll():
    found = find_counts(normalize("وقال مصدر إن من بين القتلى القياديان الحوثيان وأن من بين الجرحى ثلاثة أطفال."))
    assert [(m.value, m.attrs["count_kind"], m.attrs.get("part")) for m in found] == [
        ("2", "killed", True), ("3", "wounded", True)
    ]
    # what is joined to a part is a part too; the toll before them is none
    found = find_counts(normalize("أسفرت الهجمات عن مقتل 1433 مدنيا، من بينهم 291 طفلا و223 سيدة."))
    assert [(m.value, bool(m.attrs.get("part"))) for m in found] == [("1433", False), ("291", True), ("223", True)]


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(m.value, m.attrs["count_kind"]) for m in find_counts(normalize(text))]


def test_missiles_fired_or_intercepted_are_counts_of_their_own():
    assert _kinds("وأعلن الجيش أن الدفاعات الجوية اعترضت 4 صواريخ فوق المدينة.") == [("4", "missiles_intercepted")]
    assert _kinds("وقالت الوزارة إن المقاتلات أطلقت نحو 45 صاروخا على المطار.") == [("45", "missiles_fired")]
    # the verb after the counted phrase, a hyphened kind of missile between
    assert _kinds("وأضاف أن 6 صواريخ أرض-أرض أطلقت من البحر.") == [("6", "missiles_fired")]
    # one missile told by a singular noun after the verb, across its subject
    assert _kinds("اعترضت منظومة الدفاع الجوي الوطنية صاروخا فوق الميناء.") == [("1", "missiles_intercepted")]
    # no word of firing: a count of other things
    assert _kinds("وعرض الجيش 9 صواريخ في المعرض.") == [("9", "other")]


def test_the_side_firing_a_salvo_and_its_kind():
    def by(text):
        (m,) = find_counts(normalize(text))
        return m.attrs.get("by"), m.attrs.get("missile_type"), m.attrs.get("more")

    assert by("وقال الجيش إن قوات إيرانية في سوريا أطلقت 12 صاروخا على مواقعه.") == ("IR", None, None)
    assert by("وأطلقت إسرائيل 30 صاروخا جو-أرض على المواقع.") == ("IL", "air_to_surface", None)
    assert by("وأوضح أن 8 صواريخ أخرى أطلقتها إيران لاحقا.") == ("IR", None, True)
    # the speaker before إن, a place after a preposition and the name Turki name no side
    assert by("قالت وزارة الدفاع الروسية إن الطائرات أطلقت 15 صاروخا.") == (None, None, None)
    assert by("وقال العقيد تركي الحربي إن الدفاعات رصدت إطلاق 5 صواريخ.") == (None, None, None)


def test_people_abducted_and_bombers():
    assert _kinds("وخطف المسلحون 18 شخصا من البلدة.") == [("18", "abducted")]
    assert _kinds("وذكرت الشبكة أن 22 مدنيا خطفوا من القرية.") == [("22", "abducted")]
    assert _kinds("ولا يزال التنظيم يحتجز 11 رهينة في الكهف.") == [("11", "abducted")]
    (together,) = find_counts(normalize("وخطف التنظيم 25 امرأة وطفلا أثناء الهجوم."))
    assert together.attrs["subject"] == "أشخاص"  # women and children: all who were taken
    # "with N others" and a part of a group counted before are not all who were taken
    assert _kinds("وكان قد خطف مع 9 أشخاص آخرين.") == [("9", "other")]
    assert _kinds("وقال إن ثلاثة أشخاص فجروا أنفسهم قرب السوق.") == [("3", "bombers")]
    assert _kinds("وبدأ الهجوم بتفجير خمسة انتحاريين أحزمتهم الناسفة.") == [("5", "bombers")]
    assert _kinds("وقتل 20 مسلحا، بينهم 3 انتحاريين.") == [("20", "killed"), ("3", "killed")]


def test_fighters_of_a_jihadist_group_and_a_bound_after_the_count():
    (fighters,) = find_counts(normalize("وقتل 40 من مقاتلي التنظيم في المعارك."))
    assert fighters.attrs["side"] == "jihadists" and fighters.attrs["count_kind"] == "killed"
    (russians,) = find_counts(normalize("وأعلنت موسكو أن ثلاثة مواطنين روسا قتلوا في القصف."))
    assert russians.attrs["nationality"] == "RU"
    (bound,) = find_counts(normalize("وقتل اثنان من المقاتلين الروس، على الأقل، في الغارة."))
    assert bound.attrs["approximator"] == "على الأقل" and bound.attrs["nationality"] == "RU"


def test_a_killing_verb_opening_its_sentence_before_the_act_governs_a_count_further_on():
    assert _kinds("وقال المصدر ذلك. وقتل خلال الهجوم وما تبعه من قصف 17 من مقاتلي التنظيم.") == [("17", "killed")]
    # not through a relative clause, nor the dead of a war
    assert _kinds("قتل خلال الهجوم الذي شنه 6 مسلحين على القرية.") == [("6", "soldiers")]
    assert _kinds("قتل في الحرب الأهلية أكثر من 300 صحفي.") == [("300", "other")]


def test_a_superlative_before_since_compares_and_counts_no_period():
    (part,) = find_counts(normalize("وقال إنها الحصيلة الأكبر في المدينة منذ اندلاع الحرب، ومن بين القتلى 40 مدنيا."))
    assert "cumulative" not in part.attrs
    (total,) = find_counts(normalize("ومنذ اندلاع الحرب قتل أكثر من 900 مدني في المدينة."))
    assert total.attrs.get("cumulative")


def test_the_dead_a_jihadist_group_lost_are_its_own():
    found = find_counts(normalize("ارتفع عدد قتلى النظام إلى 30، فيما فقد تنظيم داعش 22 قتيلا."))
    assert [(m.value, m.attrs.get("side")) for m in found] == [("30", None), ("22", "jihadists")]
    (own,) = find_counts(normalize("وخسرت القوات الحكومية 12 قتيلا في المعارك."))
    assert own.attrs.get("side") is None


def test_the_dead_of_weeks_of_an_act_are_a_running_total():
    text = "غادر المدنيون الغوطة بعد أسابيع من القصف المكثف الذي تسبب بمقتل أكثر من 1500 شخص."
    (count,) = [m for m in find_counts(normalize(text)) if m.attrs.get("count_kind") == "killed"]
    assert not counts_one_event(count)
    # days after one strike are no campaign: its toll is one event's
    text = "وبعد أيام من الغارة التي قتلت 12 مدنيا في إدلب، شن الطيران غارة جديدة."
    (count,) = [m for m in find_counts(normalize(text)) if m.attrs.get("count_kind") == "killed"]
    assert counts_one_event(count)


def test_people_displaced_by_an_assault():
    assert _kinds("وأفاد المرصد عن نزوح أكثر من 200 ألف مدني من المدينة.") == [("200000", "displaced")]
    assert _kinds("ودفع تقدم القوات أكثر من مئتي ألف مدني إلى الفرار من المدينة.") == [("200000", "displaced")]
    assert _kinds("وقالت الأمم المتحدة إن نحو 70 ألف شخص فروا من منازلهم.") == [("70000", "displaced")]
    assert _kinds("وفر نحو 30 ألف شخص من البلدة والقرى المجاورة.") == [("30000", "displaced")]
    assert _kinds("وقال إن نصف مليون شخص نزحوا من الريف.") == [("500000", "displaced")]
    # a few who "fled" are suspects who got away, and fighters who fled withdrew: no displacement
    assert _kinds("وقال الشهود إن ثلاثة أشخاص فروا من المكان.") == [("3", "other")]
    assert _kinds("وفر 200 مسلح من المدينة.") == [("200", "soldiers")]
    # the people displaced over a period are a running total, as the dead are
    (period,) = find_counts(normalize("وقد نزح أكثر من 12 ألف شخص خلال الأيام الماضية من المحافظة."))
    assert period.attrs["count_kind"] == "displaced" and not counts_one_event(period)


def test_a_fraction_or_hundreds_of_a_scale_word():
    assert counts("وفر ربع مليون شخص.")[0][:2] == ("ربع مليون شخص", "250000")
    assert counts("ونزح مئتا ألف شخص.")[0][1] == "200000"
    assert counts("وقال إن مائتي ألف مدني نزحوا.")[0][1] == "200000"
    # a fraction of anything else is no number
    assert counts("وقتل نصف الجنود.") == []


def test_displaced_people_are_counted_at_their_own_scale():
    from tahqiq.extract.counts import event_total

    assert event_total([200_000, 3_000]) == 3_000  # the dead of one event are not counted in hundreds of thousands
    assert event_total([200_000, 3_000], "displaced") == 200_000
    assert event_total([12_000_000], "displaced") is None  # a war's displaced, not an assault's


def _killed(text: str):
    return [m for m in find_counts(normalize(text)) if m.attrs.get("count_kind") == "killed"]


def test_the_toll_of_a_war_or_a_campaign_is_a_running_total():
    for text in ("وأوقعت الحرب في اليمن أكثر من 2000 قتيل.",
                 "وأوقعت الحرب في سوريا حتى اليوم أكثر من 4000 قتيل.",
                 "منذ أن خاض البلدان نزاعا حدوديا استمر عامين وأسفر عن سقوط نحو 3000 قتيل.",
                 "وتتعرض المدينة لحملة قصف أسفرت وفق المرصد عن مقتل 628 مدنيا.",
                 "وأسفرت هذه الحملة حتى الآن عن مقتل أكثر من 200 من الجهاديين."):
        (count,) = _killed(text)
        assert not counts_one_event(count), text
    # a war named as a time, or one act's word nearer the count, leaves the toll that act's
    for text in ("وكان التنظيم شن هجوما على المحافظة، التي ظلت بمنأى عن النزاع، أوقع أكثر من 250 قتيلا.",
                 "وخلال الحرب أسفرت غارة على السوق عن مقتل 12 مدنيا.",
                 "وقالت الوزارة إن الحملة الأمنية أسفرت الأحد عن مقتل 5 مسلحين في العريش.",
                 "وأدت مخلفات الحرب، الأحد، إلى مقتل 3 أطفال جراء انفجار قنبلة.",
                 "وشهدت الانتخابات مقتل ستة أشخاص خلال حملة للجيش على احتجاجات المعارضة.",
                 "يبدو أن الحرب الكلامية بين الرئيسين لن تتوقف، فبعد مقتل أكثر من 60 فلسطينيا وصف الرئيس خصمه."):
        (count,) = _killed(text)
        assert counts_one_event(count), text


def test_the_toll_of_a_wave_of_protests_or_clashes_told_as_lasting_is_a_running_total():
    for text in ("اتفقت الحكومة مع المعارضة على هدنة، بعد شهر من التظاهرات ضد السلطات أوقعت 63 قتيلا.",
                 "وأدت الأزمة إلى احتجاجات استمرت أربعة أشهر وأسفرت عن سقوط 125 قتيلا.",
                 "وينفذ الجيش عملية عسكرية واسعة بدأها في التاسع من شباط/فبراير الماضي وأسفرت حتى الآن عن مقتل 100 مسلح."):
        (count,) = _killed(text)
        assert not counts_one_event(count), text
    # a day's protests, a battle's or an act's toll so far, a toll risen: one event's
    for text in ("وأدت الاحتجاجات على حدود القطاع إلى مقتل 62 فلسطينيا خلال 24 ساعة.",
                 "وتدور معارك في وسط المدينة أوقعت حتى الآن 25 قتيلا.",
                 "واندلعت معارك بدأت صباح اليوم وأوقعت 25 قتيلا.",
                 "وأسفر الهجوم حتى الآن عن مقتل 20 شخصا.",
                 "وارتفعت حصيلة الهجوم إلى 20 قتيلا."):
        (count,) = _killed(text)
        assert counts_one_event(count), text


def test_the_dead_of_a_war_told_after_the_count_are_a_running_total():
    (count,) = _killed("وقالت المنظمة إن 2200 طفل على الأقل قتلوا في اليمن خلال الصراع.")
    assert not counts_one_event(count)


def test_a_heading_ends_the_sentence_a_campaign_is_looked_for_in():
    text = ("انقلاب فاشل وحملة تطهير\nخلال ليل 15/16 تموز 2016، قام جزء من الجيش بمحاولة انقلاب فاشلة أسفرت عن "
            "250 قتيلا.")
    (count,) = _killed(text)
    assert counts_one_event(count)
    (count,) = _killed("حصيلة القتلى منذ بدء الاحتجاجات\nوقتل 5 أشخاص الجمعة في هجوم على السوق.")
    assert counts_one_event(count)


def test_fighters_who_attacked_are_a_figure_of_their_own():
    assert _kinds("وقالت المصادر إن الطائرات قصفت قوة مهاجمة من 400 مقاتل قرب النهر.") == [("400", "attackers")]
    assert _kinds("وهاجم نحو 150 مسلحا حاجزا للشرطة فجر اليوم.") == [("150", "attackers")]
    assert _kinds("وقال المتحدث إن 60 عنصرا اقتحموا البلدة من جهة الغرب.") == [("60", "attackers")]
    assert _kinds("وكانت القوة المهاجمة قوامها 700 مقاتل بحسب الجيش.") == [("700", "attackers")]
    # the fighters an attack hit, those a force sends or deploys, and the attackers killed are no attackers
    assert _kinds("وهاجم المسلحون 12 جنديا عند الحاجز.") == [("12", "soldiers")]
    assert _kinds("وهاجمت الطائرات 40 مسلحا في الوادي.") == [("40", "soldiers")]
    assert _kinds("وأرسل الجيش قوة قوامها 800 جندي إلى المدينة.") == [("800", "soldiers")]
    assert _kinds("ونشرت الوزارة 300 مقاتل في محيط المطار.") == [("300", "soldiers")]
    assert _kinds("وقتل 25 مسلحا هاجموا الحاجز.") == [("25", "killed")]


def test_people_whose_clause_tells_their_attack_are_attackers():
    # a plural verb right after the count makes it the clause's subject; its attack is a plural verb of attacking,
    # a word of attacking with the lam of purpose, or one after a verb of starting, however far on in the clause
    assert _kinds("وقال إن 80 عنصرا كانوا قد عبروا الوادي ليلا لمهاجمة مقر القيادة.") == [("80", "attackers")]
    assert _kinds("وأضاف أن 120 شخصا قرروا عبور الحدود فجأة وبدأوا قصف البلدة.") == [("120", "attackers")]
    assert _kinds("وقال الشهود إن 40 شخصا تجمعوا أمام المبنى ثم اقتحموا بوابته.") == [("40", "attackers")]
    # who was exposed to an attack, who was where it happened, and a clause with a subject of its own
    assert _kinds("وقال إن 40 شخصا تعرضوا للهجوم في السوق.") == [("40", "other")]
    assert _kinds("وأجلت السلطات 120 شخصا كانوا يقيمون قرب مكان الهجوم.") == [("120", "other")]
    assert _kinds("وكان 200 شخص تجمعوا في الساحة عندما بدأ قصف المدينة.") == [("200", "other")]
    assert _kinds("وقال إن 70 شخصا فروا من البلدة التي تتعرض للهجوم.") == [("70", "other")]
    assert _kinds("وقال إن 300 شخص عبروا النهر.") == [("300", "other")]


def test_a_range_is_stated_by_both_its_ends():
    found = find_counts(normalize("وقال إن ما بين 150 إلى 200 مقاتل هاجموا القرية."))
    assert [(m.value, m.attrs["count_kind"], m.attrs.get("range")) for m in found] == [
        ("150", "attackers", [150, 200]),
        ("200", "attackers", [150, 200]),
    ]
    assert [m.attrs.get("range") for m in find_counts(normalize("وقتل بين 30 و40 مدنيا في القصف."))] == [[30, 40]] * 2
    # a rise from one figure to another is no range
    assert [m.attrs.get("range") for m in find_counts(normalize("وارتفع العدد من 20 إلى 30 قتيلا."))] == [None]
    # the lower end takes the upper's scale word; a number of thousands and units, or a count joined to another
    # one, is no range
    assert [m.value for m in find_counts(normalize("وتظاهر ما بين 7 و9 آلاف شخص في الساحة."))] == ["7000", "9000"]
    assert [m.attrs.get("range") for m in find_counts(normalize("ويبلغ عددهم 3 ملايين و212 ألف و400 مواطن."))] == [None] * 2
    assert [m.attrs.get("range") for m in find_counts(normalize("وقتل 20 شخصا بينهم طفل واحد و6 نساء."))] == [None] * 3
    fired = find_counts(normalize("وقال المسؤولون إنه تم إطلاق ما بين 60 إلى 70 صاروخا على القاعدة."))
    assert [(m.value, m.attrs["count_kind"]) for m in fired] == [("60", "missiles_fired"), ("70", "missiles_fired")]


def test_a_toll_of_dead_who_were_all_of_a_group_is_the_group_s():
    assert counts("قالت الصحة إن 42 قتيلا كانوا من الأطفال.") == [("42 قتيلا", "42", "killed", False, "أطفال")]
    assert counts("قتل 42 شخصا من المدنيين في الغارة.") == [("42 شخصا", "42", "killed", False, "مدنيين")]
    # a family is no group of the dead
    assert counts("قتل 12 شخصا من عائلة واحدة.") == [("12 شخصا", "12", "killed", False, "أشخاص")]


def _attrs(text: str) -> dict[str, dict]:
    return {m.surface: m.attrs for m in find_counts(normalize(text))}


def test_dead_told_beside_a_war_scale_of_wounded_are_a_running_total():
    found = _attrs("وقالت وزارة الصحة إن أكثر من 90 شخصا قتلوا وأصيب 12 ألف آخرين خلال المسيرات.")
    assert found["90 شخصا"].get("cumulative") and found["12 ألف آخرين"].get("cumulative")
    found = _attrs("وقالت المصادر إن 2000 شخص قتلوا وأصيب 20 ألف آخرين في البلاد.")
    assert found["2000 شخص"].get("cumulative")
    # one act's dead and wounded, both of one event's scale, stay its toll
    found = _attrs("وقالت الشرطة إن 9 أشخاص قتلوا وأصيب 40 آخرون في الانفجار.")
    assert not any(a.get("cumulative") for a in found.values())
    # a war's toll told in the next sentence leaves the act's own
    found = _attrs("قتل 7 أشخاص في الغارة. وأصيب في الحرب 150 ألفا.")
    assert not found["7 أشخاص"].get("cumulative")


def test_a_number_of_them_is_a_part_of_the_people_counted_before():
    found = _attrs("أدى الانفجار إلى إصابة خمسة أشخاص، إصابة ثلاثة منهم خطيرة.")
    assert found["ثلاثة منهم"].get("part")
    found = _attrs("وأعلنت الوزارة إصابة 250 مواطنا، وبين الإصابات 6 حالات حرجة.")
    assert found["6"]["count_kind"] == "wounded" and found["6"].get("part")


def test_an_attacker_who_wounds_others_wounds_them():
    assert counts("طعن رجل المارة في السوق فقتل امرأة وأصاب ثلاثة آخرين.") == [
        ("ثلاثة آخرين", "3", "wounded", False, "آخرين")
    ]
    # the dead of a force counted before are a toll, no part of one
    found = _attrs("شنت ضربات على قوة مهاجمة من 500 مقاتل، وقتل نحو 100 منهم.")
    assert not found["100 منهم"].get("part")


def test_a_toll_over_days_of_protests_is_a_running_total():
    found = _attrs("وتواجه الحكومة انتقادات بعد أسبوعين من الاحتجاجات في العاصمة، حيث قتلت الشرطة 25 متظاهرا.")
    assert found["25 متظاهرا"].get("cumulative")
    # the hours of the act itself, or one day of protests, count one event
    assert not _attrs("قتل 6 أشخاص منذ الصباح في القصف.")["6 أشخاص"].get("cumulative")
    assert not _attrs("قتلت الشرطة 12 متظاهرا في احتجاجات الجمعة.")["12 متظاهرا"].get("cumulative")


def test_a_part_of_the_dead_told_right_after_a_running_total_is_a_part_of_it():
    found = _attrs("وبلغ عدد القتلى منذ بدء الاحتجاجات 120 قتيلا. ومن بين القتلى 15 طفلا.")
    assert found["15 طفلا"].get("cumulative")
    # after one act's toll it stays that act's part
    found = _attrs("قتل 12 شخصا في الغارة. ومن بين القتلى 4 أطفال.")
    assert not found["4 أطفال"].get("cumulative")
