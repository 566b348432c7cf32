"""The bundled sample batch and its gold files stay what evaluations rely on.

The batch must keep enough articles, outlets, encodings and planted disagreements to exercise the
pipeline, every gold surface must really be in its article, and no sample may borrow seed text.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from tahqiq.text.normalize import normalize_text

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
GOLD = ROOT / "data" / "gold"
SEEDS = ROOT / ".." / "shared" / "seeds"
ARTICLE_SUFFIXES = {".txt", ".html", ".json", ".jsonl"}
ENTITY_TYPES = {"PERSON", "ORG", "LOC", "DATE", "COUNT", "WEAPON"}
COUNT_KINDS = {"killed", "wounded", "detained", "aircraft", "other"}
SHINGLE = 8


def decode_txt(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1256")


def article_records(path: Path) -> dict[str, dict]:
    """Gold key (file name, or `name.jsonl#Ln` for line n) -> {title, body, outlet, published_at}."""
    raw = path.read_bytes()
    if path.suffix == ".txt":
        title, _, body = decode_txt(raw).partition("\n")
        return {path.name: {"title": title, "body": body}}
    if path.suffix == ".html":
        tree = LexborHTMLParser(raw.decode("utf-8"))
        body = "\n".join(p.text() for p in tree.css(".post-body > p"))
        return {path.name: {"title": tree.css_first("h1").text(), "body": body}}
    if path.suffix == ".json":
        obj = json.loads(raw)
        return {path.name: obj | {"body": obj["text"]}}
    lines = [line for line in raw.decode("utf-8").splitlines() if line.strip()]
    return {
        f"{path.name}#L{n}": json.loads(line) | {"body": json.loads(line)["text"]}
        for n, line in enumerate(lines, 1)
    }


def article_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in ARTICLE_SUFFIXES)


def all_records() -> dict[str, dict]:
    records: dict[str, dict] = {}
    for path in article_files():
        records.update(article_records(path))
    return records


def manifest_rows() -> dict[str, dict]:
    with (SAMPLES / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        return {row["file"]: row for row in csv.DictReader(handle)}


def outlet_of(key: str, record: dict, manifest: dict[str, dict]) -> str | None:
    return record.get("outlet") or manifest.get(key.split("#")[0], {}).get("outlet") or None


def load_gold(name: str):
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", normalize_text(text))
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def test_batch_holds_at_least_twelve_article_files_and_a_ready_marker():
    assert len(article_files()) >= 12
    assert (SAMPLES / "_READY").is_file()
    assert (SAMPLES / "_READY").stat().st_size == 0


def test_batch_mixes_every_supported_format_and_encoding():
    files = article_files()
    suffixes = {p.suffix for p in files}
    assert {".txt", ".html", ".json", ".jsonl"} <= suffixes
    raws = [p.read_bytes() for p in files if p.suffix == ".txt"]
    assert any(r.startswith(b"\xff\xfe") or r.startswith(b"\xfe\xff") for r in raws), (
        "no UTF-16 file with BOM"
    )
    not_utf8 = []
    for raw in raws:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            not_utf8.append(raw)
    assert any(not r.startswith((b"\xff\xfe", b"\xfe\xff")) for r in not_utf8), "no Windows-1256 file"
    jsonl = [p for p in files if p.suffix == ".jsonl"]
    assert any(len(article_records(p)) == 2 for p in jsonl)
    for path in files:
        if path.suffix == ".json":
            assert {"text", "title", "url", "outlet", "published_at"} <= set(json.loads(path.read_bytes()))


def test_every_article_is_arabic_news_of_150_to_400_words():
    for key, record in all_records().items():
        n_words = len(record["body"].split())
        assert 150 <= n_words <= 400, f"{key} has {n_words} words"
        assert len(re.findall(r"[\u0600-\u06ff]", record["body"])) > 500, key


def test_manifest_covers_some_but_not_all_files():
    manifest = manifest_rows()
    names = {p.name for p in article_files()}
    assert set(manifest) <= names, "the manifest names a file that is not in the batch"
    assert 0 < len(manifest) < len(names)
    assert any(not row["published_at"] for row in manifest.values()), (
        "no manifest row with an outlet but no date"
    )
    bare_txt = [p for p in article_files() if p.suffix == ".txt" and p.name not in manifest]
    assert len(bare_txt) >= 2, "at least two .txt files must carry neither outlet nor date"


def test_gold_has_three_events_each_reported_by_two_to_four_outlets():
    manifest, records = manifest_rows(), all_records()
    events = load_gold("samples_reconcile.json")["events"]
    outlets_per_event = {
        e["id"]: {
            outlet_of(r["file"], records[r["file"]], manifest) for r in e["reports"] if r["role"] == "main"
        }
        - {None}
        for e in events
    }
    multi_outlet = [eid for eid, outlets in outlets_per_event.items() if 2 <= len(outlets) <= 4]
    assert len(multi_outlet) >= 3, outlets_per_event


def test_every_article_reports_a_main_event_in_the_gold():
    events = load_gold("samples_reconcile.json")["events"]
    reported = {r["file"] for e in events for r in e["reports"] if r["role"] == "main"}
    assert reported == set(all_records())


def test_every_gold_mention_surface_occurs_in_its_article_body():
    records = all_records()
    files = load_gold("samples_mentions.json")["files"]
    assert set(files) == set(records)
    for key, mentions in files.items():
        for mention in mentions:
            assert mention["type"] in ENTITY_TYPES
            assert mention["surface"] in records[key]["body"], (
                f"{key}: {mention['surface']!r} not in the body"
            )
            if mention["type"] == "DATE":
                assert mention["precision"] in {"day", "month", "year"}
            if mention["type"] == "COUNT":
                assert isinstance(mention["value"], int) and mention["kind"] in COUNT_KINDS


def test_reconcile_gold_mentions_agree_with_the_mention_gold():
    records = all_records()
    by_file = defaultdict(set)
    for key, mentions in load_gold("samples_mentions.json")["files"].items():
        by_file[key] |= {(m["surface"], m.get("entity")) for m in mentions}
    entities = load_gold("samples_reconcile.json")["entities"]
    assert len({e["id"] for e in entities}) == len(entities)
    for entity in entities:
        for mention in entity["mentions"]:
            assert mention["surface"] in records[mention["file"]]["body"]
            assert (mention["surface"], entity["id"]) in by_file[mention["file"]]


def test_conflict_gold_plants_every_kind_of_disagreement():
    reconcile = load_gold("samples_reconcile.json")
    subjects = {e["id"] for e in reconcile["entities"]} | {e["id"] for e in reconcile["events"]}
    records = all_records()
    conflicts = load_gold("samples_conflicts.json")
    for conflict in conflicts:
        assert conflict["subject"] in subjects
        assert len({json.dumps(v["value"]) for v in conflict["values"]}) >= 2
        assert set(conflict["files"]) <= set(records)
    attributes = {c["attribute"] for c in conflicts}
    assert {
        "given_name",
        "name",
        "event_date",
        "region",
        "place",
        "killed",
        "wounded",
        "partner",
        "role",
    } <= attributes
    assert {c["planted"] for c in conflicts} >= set("abcdefgh")


def test_a_different_given_name_for_the_same_surname_is_in_the_gold():
    conflict = next(c for c in load_gold("samples_conflicts.json") if c["attribute"] == "given_name")
    records = all_records()
    for value in conflict["values"]:
        for key in value["files"]:
            assert value["value"] in records[key]["body"]


def test_no_sample_shares_an_eight_word_sequence_with_a_seed():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    seed_shingles = set().union(*(shingles(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")))
    assert seed_shingles, "the seeds yielded no 8-word sequence"
    for key, record in all_records().items():
        shared = shingles(record["title"] + "\n" + record["body"]) & seed_shingles
        assert not shared, f"{key} repeats seed text: {' '.join(next(iter(shared)))}"
    for name in ("seeds_mentions.json", "seeds_reconcile.json", "seeds_conflicts.json"):
        assert not shingles((GOLD / name).read_text(encoding="utf-8")) & seed_shingles, name


def test_seed_gold_surfaces_occur_in_the_seeds_and_stay_short():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    files = load_gold("seeds_mentions.json")["files"]
    assert set(files) == set(texts)
    for name, mentions in files.items():
        for mention in mentions:
            assert mention["surface"] in texts[name], f"{name}: {mention['surface']!r}"
            assert len(mention["surface"].split()) <= 5
    for entity in load_gold("seeds_reconcile.json")["entities"]:
        for mention in entity["mentions"]:
            assert mention["surface"] in texts[mention["file"]]
    drone_strike = next(e for e in load_gold("seeds_reconcile.json")["events"] if e["id"] == "SE1")
    assert len({r["file"] for r in drone_strike["reports"]}) == 3
