"""Small inbox batches written by the tests (sentences composed for the tests, not taken from any article)."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTICLES = {
    "a": (
        "غارة أمريكية في ريف دير الزور",
        "أعلنت القيادة المركزية الأمريكية يوم الأحد أن طائرة مسيرة استهدفت سيارة تقل قياديا في تنظيم "
        "داعش يدعى أبو خالد العراقي قرب مدينة الميادين في ريف دير الزور الشرقي، ما أدى إلى مقتله "
        "ومقتل مرافق له.",
    ),
    "b": (
        "مقتل قيادي في داعش بضربة جوية",
        "قال مصدر محلي إن ضربة جوية للتحالف الدولي قتلت ثلاثة عناصر من تنظيم الدولة الإسلامية بينهم "
        "القيادي أبو خالد العراقي في بلدة قريبة من الميادين شرق سوريا يوم السبت الماضي.",
    ),
    "c": (
        "إنزال جوي في ريف الحسكة",
        "نفذت قوات التحالف الدولي بمشاركة قوات سوريا الديمقراطية عملية إنزال جوي في ريف الحسكة الجنوبي "
        "أسفرت عن اعتقال مسؤول مالي في تنظيم داعش، بحسب بيان للتحالف.",
    ),
    "d": (
        "اعتقال مسؤول في داعش شمال سوريا",
        "ذكرت وكالة محلية أن دورية مشتركة اعتقلت مسؤولا أمنيا سابقا في تنظيم داعش خلال مداهمة منزل في "
        "مدينة الباب بريف حلب الشمالي فجر الخميس، دون وقوع إصابات.",
    ),
}


def write_batch(inbox: Path, name: str, keys: str, ready: bool = True, day: str = "2024-05-12") -> Path:
    """A batch folder with one .txt article per key and a manifest; `_READY` last, as a real drop would."""
    folder = inbox / name
    folder.mkdir(parents=True)
    lines = ["file,url,outlet,published_at"]
    for key in keys:
        title, body = ARTICLES[key]
        (folder / f"{name}_{key}.txt").write_text(f"{title}\n{body}\n", encoding="utf-8")
        outlet = f"outlet-{key}.example"
        lines.append(f"{name}_{key}.txt,https://{outlet}/{name}/{key},{outlet},{day}")
    (folder / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if ready:
        (folder / "_READY").write_text("", encoding="utf-8")
    return folder


@pytest.fixture
def inbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    monkeypatch.setenv("TAHQIQ_INBOX", str(folder))
    monkeypatch.setenv("TAHQIQ_WAREHOUSE", str(tmp_path / "warehouse.duckdb"))
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster_home"))
    return folder


@pytest.fixture
def instance(tmp_path: Path):
    """A persistent Dagster instance of its own (schedule contexts need one that can be re-opened)."""
    import dagster as dg

    home = tmp_path / "instance"
    home.mkdir()
    with dg.DagsterInstance.from_config(str(home)) as dagster:
        yield dagster
