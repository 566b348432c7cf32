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
