from datetime import date

from tahqiq.extract.events import find_event_frames
from tahqiq.extract.mention import Mention, mention_id
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
