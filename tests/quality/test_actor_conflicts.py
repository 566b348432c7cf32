"""Who did it: two outlets naming two different doers of one act, and what is no such disagreement."""

from __future__ import annotations

import json
import re

import polars as pl

from tahqiq import warehouse
from tahqiq.quality.conflicts import find_conflicts

LATIN = re.compile(r"[A-Za-z]")
ARABIC = re.compile(r"[\u0600-\u06FF]")
MORNING = pl.DataFrame(
    [{"article_id": "a", "outlet": "bbc", "published_at": "2018-05-13T09:00:00"},
     {"article_id": "b", "outlet": "france24", "published_at": "2018-05-13T15:00:00"}],
)  # fmt: skip


def _doer(ref, text, kind="org", org_kind="armed_group", country=None, links=(), start=100, listed=True,
          act="attack"):
    return {"attribute": "actor", "value": ref, "start": start, "end": start + 80, "source": None, "revised": False,
            "with_trigger": True, "mention_id": None, "kind": kind, "org_kind": org_kind, "country": country,
            "how": "behind", "text": text, "links": list(links), "listed": listed, "act": act}  # fmt: skip


def _report(article, *statements, reported_type="suicide_bomb"):
    return {"event_id": "E1", "article_id": article, "frame_id": f"{article}:ev0", "reported_type": reported_type,
            "statements": json.dumps(list(statements), ensure_ascii=False)}  # fmt: skip


def _actor_rows(a, b, **report):
    frame = warehouse.conform(pl.DataFrame([_report("a", a, **report), _report("b", b, **report)]), "event_reports")
    found = find_conflicts(frame, warehouse.empty_frame("entities"), MORNING)
    return [r for r in found.to_dicts() if r["attribute"] == "actor"]


JAT = _doer("ansar_al_tawhid", "جماعة أنصار التوحيد", links=["isis"])
JAD = _doer("jamaah_ansharut_daulah", "جماعة أنصار الدولة", country="id", links=["isis"], start=300)


def test_two_outlets_naming_two_groups_as_the_doers_disagree_with_their_evidence():
    (row,) = _actor_rows(JAT, JAD)
    assert (row["kind"], row["severity"], row["outlets_differ"]) == ("disagreement", "high", True)
    values = {v["value"]: v for v in json.loads(row["values"])}
    assert set(values) == {"ansar_al_tawhid", "jamaah_ansharut_daulah"}
    evidence = values["jamaah_ansharut_daulah"]["evidence"][0]
    assert (evidence["article_id"], evidence["outlet"], evidence["start_char"], evidence["end_char"]) == (
        "b", "france24", 300, 380,
    )  # fmt: skip
    assert values["ansar_al_tawhid"]["as_written"] == ["جماعة أنصار التوحيد"]
    assert not ARABIC.search(row["explanation"]) and not LATIN.search(row["explanation_ar"])
    assert "who carried out the act" in row["explanation"] and "أنصار الدولة" in row["explanation_ar"]


def test_one_doer_told_two_ways_is_no_disagreement():
    isis = _doer("isis", "تنظيم الدولة الإسلامية")
    # a group and the one a report says it follows
    assert _actor_rows(JAD, isis) == []
    # a country and its army; a coalition and a state; two readings of "التحالف"
    israel = _doer("il", "إسرائيل", kind="country", org_kind=None, country="il")
    idf = _doer("idf", "الجيش الإسرائيلي", org_kind="military", country="il")
    assert _actor_rows(israel, idf) == []
    coalition = _doer("saudi_coalition", "التحالف العربي", org_kind="coalition")
    saudi = _doer("sa", "السعودية", kind="country", org_kind=None, country="sa")
    assert _actor_rows(coalition, saudi) == []
    assert _actor_rows(coalition, _doer("coalition", "التحالف", org_kind="coalition")) == []
    # one article's doer, or a name no list holds (it may be another's alias)
    assert _actor_rows(JAT, _doer("الجماعه", "الجماعة", listed=False)) == []
    # a battle has two sides
    assert _actor_rows(JAT, JAD, reported_type="armed_clash") == []


def test_an_armed_group_against_a_state_or_two_states_disagree():
    houthis = _doer("houthis", "الحوثيين", country="ye")
    coalition = _doer("saudi_coalition", "التحالف العربي", org_kind="coalition")
    assert [r["attribute"] for r in _actor_rows(houthis, coalition)] == ["actor"]
    israel = _doer("il", "إسرائيل", kind="country", org_kind=None, country="il")
    us = _doer("us_military", "الجيش الأمريكي", org_kind="military", country="us")
    assert [r["attribute"] for r in _actor_rows(israel, us)] == ["actor"]


def test_two_stories_of_one_outlet_or_doers_one_article_names_together_do_not_disagree():
    hamas = _doer("hamas", "حماس", country="ps")
    idf = _doer("idf", "الجيش الإسرائيلي", org_kind="military", country="il")
    one_outlet = pl.DataFrame(
        [{"article_id": "a", "outlet": "france24", "published_at": "2018-07-14T09:00:00"},
         {"article_id": "b", "outlet": "france24", "published_at": "2018-07-14T15:00:00"}],
    )  # fmt: skip
    frame = warehouse.conform(pl.DataFrame([_report("a", hamas), _report("b", idf)]), "event_reports")
    assert find_conflicts(frame, warehouse.empty_frame("entities"), one_outlet).height == 0
    assert [r["attribute"] for r in _actor_rows({**hamas, "how": "accused"}, idf)] == ["actor"]
    # Russian and Syrian jets told together by one article: two others naming one each agree
    russia = _doer("ru", "روسيا", kind="country", org_kind=None, country="ru")
    syria = _doer("syrian_government_forces", "قوات النظام", org_kind="military", country="sy", start=200)
    frame = warehouse.conform(pl.DataFrame([_report("a", russia), _report("b", syria), _report("c", russia, syria)]),
                              "event_reports")  # fmt: skip
    three = pl.concat([MORNING, pl.DataFrame([{"article_id": "c", "outlet": "cnn", "published_at": "2018-05-13T10:00:00"}])])
    assert find_conflicts(frame, warehouse.empty_frame("entities"), three).height == 0


def test_an_armed_group_of_another_country_is_no_doer_to_compare():
    yemen = _doer("houthis", "الحوثيين", country="ye")
    national_army = _doer("syrian_national_army", "الجيش الوطني", country="sy")
    frame = warehouse.conform(pl.DataFrame([{**_report("a", yemen), "country": "ye"},
                                            {**_report("b", national_army), "country": "ye"}]), "event_reports")  # fmt: skip
    assert find_conflicts(frame, warehouse.empty_frame("entities"), MORNING).height == 0


def test_doers_of_two_kinds_of_act_are_an_act_and_its_answer():
    rockets = _doer("hamas", "حماس", country="ps", act="missile_attack")
    strikes = _doer("idf", "الجيش الإسرائيلي", org_kind="military", country="il", act="air_strike")
    assert _actor_rows(rockets, strikes) == []
    assert _actor_rows(_doer("hamas", "حماس", country="ps", act=None), strikes) == []


def test_a_state_is_a_disputed_doer_only_when_both_sides_attribute_the_act():
    israel = _doer("il", "إسرائيل", kind="country", org_kind=None, country="il")
    iran = _doer("ir", "إيران", kind="country", org_kind=None, country="ir")
    told = [{**x, "how": "carried_out"} for x in (israel, iran)]
    # "شنت إسرائيل الهجمات ردا على ..." beside "الهجمات التي شنتها إيران": each side's act of an exchange
    assert _actor_rows(*told) == []
    assert _actor_rows(told[0], iran) == []
    # "اتهمت سوريا إسرائيل بشن الهجوم" against "قالت روسيا إن الولايات المتحدة تقف وراء الهجوم"
    us = _doer("us", "الولايات المتحدة", kind="country", org_kind=None, country="us")
    assert [r["attribute"] for r in _actor_rows({**israel, "how": "accused"}, us)] == ["actor"]
    # two groups told as doing it disagree however it is told
    assert len(_actor_rows({**JAT, "how": "carried_out"}, JAD)) == 1


def test_a_party_blamed_for_the_dead_against_the_side_whose_fire_killed_them():
    blamed = {**_doer("hamas", "حماس", country="ps", act=None), "how": "blamed", "dead": True}
    fire = {**_doer("idf", "الجيش الإسرائيلي", org_kind="military", country="il", act=None), "how": "carried_out",
            "dead": True}  # fmt: skip
    (row,) = _actor_rows(blamed, fire)
    assert (row["kind"], row["severity"]) == ("disagreement", "high")
    # even when the blaming report tells a battle ("خلال مواجهات مع الجيش")
    frame = warehouse.conform(pl.DataFrame([_report("a", blamed, reported_type="armed_clash"),
                                            _report("b", fire, reported_type="shooting")]), "event_reports")  # fmt: skip
    assert find_conflicts(frame, warehouse.empty_frame("entities"), MORNING)["attribute"].to_list() == ["actor"]
    # each side's fire killing some: no one blamed, no dispute
    hamas_fire = {**blamed, "how": "carried_out"}
    assert _actor_rows(hamas_fire, fire) == []
    # blame for the dead against a doer of another act told without its dead: an act and its answer
    strikes = {**fire, "act": "air_strike", "dead": False}
    assert _actor_rows(blamed, strikes) == []
