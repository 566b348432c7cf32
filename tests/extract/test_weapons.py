from pathlib import Path

import pytest

from tahqiq.extract.weapons import find_weapons
from tahqiq.text.normalize import normalize

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def weapons(text: str) -> list[tuple[str, str, str]]:
    found = find_weapons(normalize(text))
    for m in found:
        assert m.entity_type == "WEAPON"
        assert text[m.start : m.end] == m.surface
    return [(m.surface, m.attrs["ref_id"], m.attrs["kind"]) for m in found]


@pytest.mark.parametrize(
    "spelling", ["MQ-9", "MQ9", "mq 9", "MQ-9 Reaper", "أم. كيو – 9", "ام كيو 9", "إم كيو-9"]
)
def test_mq9_in_any_rendering(spelling):
    (hit,) = weapons(f"استخدم الجيش {spelling} في الضربة")
    assert hit == (spelling, "mq9", "drone")


def test_longest_alias_wins_and_clitic_stays_outside():
    text = "نفذت الضربة بطائرة مسيّرة ثم وصلت مروحيات أباتشي وأطلقت صواريخ هيلفاير"
    assert weapons(text) == [
        ("طائرة مسيّرة", "drone", "drone"),
        ("مروحيات أباتشي", "apache", "helicopter"),
        ("صواريخ هيلفاير", "hellfire", "missile"),
    ]
    assert text[text.index("طائرة") - 1] == "ب"


def test_helicopter_synonyms_and_machine_guns():
    found = weapons("هبطت طوافة ثم حوامة، وأطلقت الرشاشات الثقيلة النار")
    assert [f[2] for f in found] == ["helicopter", "helicopter", "machine_gun"]


def test_no_weapon_inside_another_word():
    assert weapons("مسيرته المهنية طويلة") == []


def test_seed_weapons():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    kinds = {}
    for path in sorted(SEEDS.glob("*.txt")):
        kinds[path.name[:3]] = {(ref, kind) for _, ref, kind in weapons(path.read_text(encoding="utf-8"))}
    assert ("mq9", "drone") in kinds["000"] and ("mq9", "drone") in kinds["001"]
    assert ("helicopter", "helicopter") in kinds["002"] and ("helicopter", "helicopter") in kinds["003"]
    assert ("machine_gun", "machine_gun") in kinds["004"] and ("helicopter", "helicopter") in kinds["004"]


def test_lam_fused_with_the_article_stays_in_the_span():
    found = [m.surface for m in find_weapons(normalize("وتصدت الدفاعات للطائرات المسيرة وللمروحيات"))]
    assert found == ["للطائرات المسيرة", "للمروحيات"]
