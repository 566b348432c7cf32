"""The end of an article's own text: an outlet's closing furniture shared with other stories is not it."""

from tahqiq.text.articles import own_text_ends

TEASER = "أعلن الجيش الإسرائيلي، الثلاثاء، اعتقال 21 فلسطينيا في الضفة الغربية بتهم مختلفة"
FOOTER = "تابع الأمير عبدالعزيز بن سعود، وزير الداخلية، سير العمل في مراكز المراقبة الأمنية"


def test_closing_paragraphs_an_outlet_prints_under_other_stories_are_not_the_article():
    strike = f"قتل ثلاثة مدنيين في غارة جوية على قرية في ريف إدلب صباح اليوم.\n{TEASER}\n{FOOTER}"
    speech = f"قال الرئيس في خطاب أمام البرلمان إن بلاده دولة مدنية يحكمها الدستور.\n{FOOTER}\n{TEASER}"
    market = f"ارتفعت أسعار النفط في الأسواق العالمية بعد قرار خفض الإنتاج.\n{TEASER}\n{FOOTER}"
    other_outlet = f"نقلت وكالة عن مصادر محلية أن اشتباكات اندلعت قرب الحدود الشمالية للبلاد.\n{TEASER}"
    ends = own_text_ends(["a", "b", "m", "c"], ["cnn", "cnn", "cnn", "bbc"], [strike, speech, market, other_outlet],
                         {"a": "a", "b": "b", "m": "m", "c": "c"})  # fmt: skip
    assert strike[: ends[0]] == strike.split("\n")[0]
    assert speech[: ends[1]] == speech.split("\n")[0]
    assert ends[3] == len(other_outlet)  # another outlet's article quoting the same lede keeps it


def test_a_closing_paragraph_two_stories_share_is_their_own_recap():
    first = f"قتل ثلاثة مدنيين في غارة جوية على قرية في ريف إدلب صباح اليوم.\n{TEASER}"
    second = f"قال الرئيس في خطاب أمام البرلمان إن بلاده دولة مدنية يحكمها الدستور.\n{TEASER}"
    ends = own_text_ends(["a", "b"], ["cnn", "cnn"], [first, second], {"a": "a", "b": "b"})
    assert ends == [len(first), len(second)]


def test_copies_of_one_story_and_a_shared_paragraph_in_the_middle_keep_their_text():
    lead = "قتل ثلاثة مدنيين في غارة جوية على قرية في ريف إدلب صباح اليوم وفق المرصد."
    first = f"{lead}\n{TEASER}\nوأضاف المرصد أن الطائرات استهدفت سوقا شعبيا في القرية."
    copy = f"{lead}\n{TEASER}\nوأضاف المرصد أن الطائرات استهدفت سوقا شعبيا في القرية."
    ends = own_text_ends(["a", "b"], ["cnn", "cnn"], [first, copy], {"a": "a", "b": "a"})
    assert ends == [len(first), len(copy)]
    others = [f"خبر آخر عن الاقتصاد والأسواق المالية اليوم.\n{TEASER}", f"خبر عن الطقس في المنطقة.\n{TEASER}"]
    ends = own_text_ends(["a", "b", "c"], ["cnn"] * 3, [first, *others], {"a": "a", "b": "b", "c": "c"})
    assert ends[0] == len(first)  # the shared paragraph is followed by the article's own
