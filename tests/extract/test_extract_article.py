"""One article through every finder: overlaps settled, with a counted platform kept inside its count."""

from tahqiq.extract import extract_article
from tahqiq.text.normalize import normalize


def test_a_count_of_platforms_holds_the_platform_and_nothing_else_overlaps():
    text = "وشاركت في العملية 5 طائرات مروحية أمريكية، وقالت القيادة المركزية الأمريكية إن العملية نجحت."
    found = extract_article(normalize(text), None)
    spans = [(m.entity_type, text[m.start : m.end]) for m in found]
    assert ("COUNT", "5 طائرات مروحية") in spans
    assert ("WEAPON", "طائرات مروحية") in spans
    others = [m for m in found if m.entity_type != "WEAPON"]
    assert all(a.end <= b.start for a, b in zip(others, others[1:], strict=False))


def test_a_dual_platform_is_a_count_holding_its_weapon():
    text = "وأطلقت المروحية صاروخين على المبنى."
    spans = [(m.entity_type, m.surface, m.value) for m in extract_article(normalize(text), None)]
    assert ("COUNT", "صاروخين", "2") in spans
    assert ("WEAPON", "صاروخين", None) in spans


def test_a_place_wins_over_a_bare_repeat_of_a_name_on_the_same_span():
    from tahqiq.extract import settle_overlaps
    from tahqiq.extract.mention import Mention

    repeat = Mention("PERSON", 0, 5, "إيران", "ايران", attrs={"cue": "repeat"})
    place = Mention("LOC", 0, 5, "إيران", "ايران", attrs={})
    named = Mention("PERSON", 0, 5, "إيران", "ايران", attrs={"cue": "title"})
    assert [m.entity_type for m in settle_overlaps([repeat, place])] == ["LOC"]
    assert [m.entity_type for m in settle_overlaps([named, place])] == ["PERSON"]
