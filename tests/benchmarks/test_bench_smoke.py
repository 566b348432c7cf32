"""The benchmark harness end to end on a tiny generated corpus, so `make bench` cannot rot unnoticed.

No timing is asserted: only that every section runs, the numbers are there and the counts add up.
"""

from __future__ import annotations

import gzip
import json
import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from benchmarks.run import main

pytestmark = pytest.mark.slow

N_ARTICLES = 50
PLACES = ["دير الزور", "الرقة", "إدلب", "الحسكة", "البوكمال", "الميادين"]
ACTORS = ["التحالف الدولي", "القوات الأمريكية", "قوات سوريا الديمقراطية"]
NAMES = ["أبو خالد الشامي", "أبو عمر التونسي", "أبو بكر الحلبي", "عبد الله الجزراوي"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس"]
OUTLETS = ["alarabia", "BBC", "CNN", "france24", "skynews"]


def _article(i: int, rng: random.Random) -> dict:
    place, actor, name = rng.choice(PLACES), rng.choice(ACTORS), rng.choice(NAMES)
    day, month = rng.randint(1, 28), rng.randrange(len(MONTHS))
    killed = rng.randint(2, 12)
    paragraphs = [
        f"أعلن {actor} يوم {day} {MONTHS[month]} 2018 مقتل القيادي في تنظيم داعش {name} بغارة جوية قرب {place}.",
        f"وقال مصدر محلي إن الغارة أسفرت عن مقتل {killed} مسلحين وإصابة {rng.randint(1, 5)} آخرين شرق سوريا.",
        f"وأضاف المصدر أن طائرة مسيرة استهدفت سيارة كانت تقل {name} على الطريق بين {place} و{rng.choice(PLACES)}.",
        f"ولم يصدر عن التنظيم أي تعليق على العملية حتى الآن، بحسب التقرير رقم {i}.",
    ]
    published = datetime(2018, month + 1, day, 12, tzinfo=UTC) + timedelta(days=1)
    return {
        "docno": f"SMOKE-{i:04d}",
        "url": f"https://example.org/news/{i}",
        "src": OUTLETS[i % len(OUTLETS)],
        "cat": "middle-east",
        "title": f"مقتل قيادي في داعش قرب {place}",
        "time": format_datetime(published),
        "author": "",
        "abstract": "",
        "text": "\n".join(paragraphs),
    }


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    rng = random.Random(5)
    path = tmp_path / "tiny.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for i in range(N_ARTICLES):
            handle.write(json.dumps(_article(i, rng), ensure_ascii=False) + "\n")
    return path


def test_every_section_runs_and_the_counts_add_up(tiny_corpus: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "project_dagster_home"))
    out = tmp_path / "results"
    code = main(
        [
            "--corpus",
            str(tiny_corpus),
            "--quick",
            "--sizes",
            str(N_ARTICLES),
            "--out",
            str(out),
            "--mentions",
            "3000",
            "--reports",
            "600",
            "--date-articles",
            "20",
            "--dateparser-articles",
            "3",
            "--profile-articles",
            "20",
            "--incremental",
            "10",
            # the daemon section has its own test (tests/pipelines/test_daemon_path.py)
            "--sections",
            "floor,micro,scaling,incremental,reconcile,profile",
        ]
    )
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    failed = {k: v["error"] for k, v in results.items() if isinstance(v, dict) and "error" in v}
    assert failed == {}
    assert code == 0

    assert results["floor"]["corpus"]["records"] == N_ARTICLES
    [run] = results["scaling"]["runs"]
    assert run["success"], run.get("error")
    assert run["tables"]["articles"] + run["tables"]["quarantine"] == N_ARTICLES
    assert run["tables"]["mentions"] > 0
    assert {s["step"] for s in run["steps"]} >= {"ingest_batch", "articles", "extract_batch"}
    assert run["peak_tree_pss_mib"] > 0 and run["maxrss_self_mib"] > 0

    incremental = results["incremental"]
    assert incremental["success"]
    assert incremental["tables"]["articles"] + incremental["tables"]["quarantine"] == N_ARTICLES + 10
    assert incremental["request_to_end_s"] >= incremental["sensor_s"]

    assert results["reconcile"]["entities"]["n"] == 3000
    assert results["reconcile"]["events"]["n"] == 600
    accuracy = results["micro"]["date_accuracy"]
    if "overall" in accuracy:
        assert accuracy["overall"]["n"] > 0
    assert results["micro"]["date_speed"]["articles_ours"] == 20
    assert results["profile"]["stages"]["extract"]["articles"] > 0

    page = (out / "report.md").read_text(encoding="utf-8")
    for heading in (
        "## Targets",
        "## The floor",
        "## End to end",
        "## Incremental batch",
        "## Reconciliation at scale",
        "## Dates",
        "## Hot spots",
    ):
        assert heading in page
    assert (out / "scaling.png").stat().st_size > 0
