from pathlib import Path

import pytest

from tahqiq.text.clean import clean_body, load_page_furniture

HEADLINE = "طائرة مسيرة تستهدف سيارة قرب مدينة الميادين"
PARAGRAPH_1 = "قال مصدر محلي إن الغارة وقعت فجر اليوم على طريق زراعي شرقي المدينة."
PARAGRAPH_2 = "وأضاف المصدر أن الحريق امتد إلى مزرعة مجاورة قبل أن يخمده الأهالي."


def test_takes_short_first_line_as_title_and_keeps_body_exactly():
    title, body = clean_body(f"{HEADLINE}\n\n{PARAGRAPH_1}\n{PARAGRAPH_2}")
    assert title == HEADLINE
    assert body == f"{PARAGRAPH_1}\n{PARAGRAPH_2}"


def test_first_line_ending_with_period_is_body_not_title():
    title, body = clean_body(f"{PARAGRAPH_1}\n{PARAGRAPH_2}")
    assert title is None
    assert body.startswith(PARAGRAPH_1)


def test_single_line_text_is_never_swallowed_as_title():
    assert clean_body(HEADLINE) == (None, HEADLINE)


def test_title_not_taken_when_disabled():
    title, body = clean_body(f"{HEADLINE}\n{PARAGRAPH_1}", title_from_first_line=False)
    assert title is None
    assert body == f"{HEADLINE}\n{PARAGRAPH_1}"


def test_known_title_repeated_as_first_line_is_dropped():
    _, body = clean_body(f"{HEADLINE}\n{PARAGRAPH_1}", title_from_first_line=False, known_title=HEADLINE)
    assert body == PARAGRAPH_1


def test_line_endings_bom_and_zero_width_junk():
    raw = f"\ufeff{HEADLINE}\r\n\r\n{PARAGRAPH_1}\u200f\r{PARAGRAPH_2}\u200b\n"
    title, body = clean_body(raw)
    assert title == HEADLINE
    assert body == f"{PARAGRAPH_1}\n{PARAGRAPH_2}"
    assert "\r" not in body


@pytest.mark.parametrize(
    "furniture",
    [
        "زر الذهاب إلى الأعلى",
        "شارك",
        "تويتر فيسبوك واتساب",
        "شارك | فيسبوك | تويتر",
        "اقرأ أيضاً: انفجار في مستودع ذخيرة قرب الحدود",
        "اقرأ أيضا: عودة مئات العائلات إلى قراها",
        "للمزيد: أهم الضربات التي نفذتها إسرائيل داخل الأراضي السورية منذ 2013",  # France24's related links
        "Advertisement",
        "إعلان",
    ],
)
def test_page_furniture_lines_are_removed(furniture):
    title, body = clean_body(f"{HEADLINE}\n{PARAGRAPH_1}\n{furniture}\n{PARAGRAPH_2}")
    assert title == HEADLINE
    assert body == f"{PARAGRAPH_1}\n{PARAGRAPH_2}"


def test_lone_section_label_above_title_is_dropped():
    title, body = clean_body(f"تقارير\n\n{HEADLINE}\n\n{PARAGRAPH_1}\n\nزر الذهاب إلى الأعلى\n")
    assert title == HEADLINE
    assert body == PARAGRAPH_1


def test_furniture_words_inside_prose_are_kept():
    sentence = "وقال ناشطون إن مقاطع الفيديو انتشرت على تويتر وفيسبوك خلال ساعات من الغارة."
    _, body = clean_body(f"{HEADLINE}\n{sentence}")
    assert body == sentence


def test_blank_line_runs_collapse_to_one():
    _, body = clean_body(f"{HEADLINE}\n\n\n\n{PARAGRAPH_1}\n \n\t\n\n{PARAGRAPH_2}\n\n\n")
    assert body == f"{PARAGRAPH_1}\n\n{PARAGRAPH_2}"


def test_diacritics_and_spelling_are_kept_in_body():
    voweled = "قُتِلَ قياديٌّ في التنظيمِ بغارةٍ أمريكيّة، وأُصيبَ آخرُ."
    _, body = clean_body(f"{HEADLINE}\n{voweled}")
    assert body == voweled


def test_furniture_file_has_header_and_entries():
    path = Path(__file__).resolve().parents[2] / "data" / "reference" / "page_furniture.txt"
    assert path.read_text(encoding="utf-8").startswith("#")
    furniture = load_page_furniture()
    assert "زر الذهاب الي الاعلي" in furniture.exact
    assert any(p.startswith("اقرا ايضا") for p in furniture.prefixes)


def test_seed_articles_lose_only_furniture():
    seeds = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
    files = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    if not files:
        pytest.skip("seed articles (../shared/seeds) are not available")
    for path in files:
        raw = path.read_text(encoding="utf-8")
        title, body = clean_body(raw)
        assert body, path.name
        assert "الذهاب إلى الأعلى" not in body
        raw_words = set(raw.split())
        assert set(body.split()) <= raw_words
        # Cleaning removes at most a title line and a few furniture lines.
        assert len(body) > 0.8 * len(raw) - (len(title or "") + 60)
